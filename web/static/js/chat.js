// Progressive enhancement of the chat page: send messages without reloading the page, and
// read the helper's messages aloud. Without this script the same forms post to the server.
(function () {
  "use strict";

  var list = document.getElementById("berichten");
  var form = document.getElementById("bericht-formulier");
  var input = document.getElementById("bericht");
  if (!list || !form || !window.fetch) { return; }

  var session = list.getAttribute("data-session");
  var apiUrl = list.getAttribute("data-api-url");
  var page = list.getAttribute("data-page");  // the page the answers' buttons go back to without this script
  var lang = document.documentElement.lang || "nl";
  var words = {
    readAloud: list.getAttribute("data-read-label"),
    stopReading: list.getAttribute("data-stop-label")
  };
  var typedTemplate = document.getElementById("bericht-jij");
  var busy = false;
  var steps = document.getElementById("stappen");  // the helper view's steps panel, if this is that page

  // --- Reading aloud: server speech first, the browser's own voice if the server has none.
  // While a message is read, its "Lees voor" button says "Stop voorlezen" and stops it.
  var speech = { audio: null, link: null };

  function showSpeaking(link) {
    if (speech.link) { speech.link.querySelector("span").textContent = words.readAloud; }
    speech.link = link;
    if (link) { link.querySelector("span").textContent = words.stopReading; }
  }

  function stopSpeaking() {
    if (speech.audio) { speech.audio.pause(); speech.audio = null; }
    if (window.speechSynthesis) { window.speechSynthesis.cancel(); }
    showSpeaking(null);
  }

  function speakWithBrowser(text, language) {
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) { return; }
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language || lang;
    window.speechSynthesis.speak(utterance);
  }

  function speak(url, text, language, link) {
    stopSpeaking();
    showSpeaking(link);
    if (!url) { speakWithBrowser(text, language); return; }
    var audio = new Audio(url);
    speech.audio = audio;
    audio.addEventListener("ended", function () { if (speech.audio === audio) { stopSpeaking(); } });
    audio.addEventListener("error", function () { if (speech.audio === audio) { speakWithBrowser(text, language); } });
    audio.play().catch(function () { /* autoplay refused: the button still works */ });
  }

  function enhanceSpeakLink(link, text, language) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (speech.link === link) { stopSpeaking(); return; }
      speak(link.getAttribute("href"), text, language, link);
    });
  }

  // --- Messages: every message has the server's markup (web/templates/_message.html).
  function removeOldChoices() {
    var old = list.querySelectorAll(".choices");
    for (var i = 0; i < old.length; i++) { old[i].parentNode.removeChild(old[i]); }
    var last = document.getElementById("laatste");
    if (last) { last.removeAttribute("id"); }
  }

  function enhanceMessage(item) {
    var link = item.querySelector(".button--speak");
    if (!link) { return; }
    var said = item.querySelector(".message-text");
    enhanceSpeakLink(link, said.textContent, said.lang || lang);
  }

  // A typed message, shown at once: the template's markup with the text put in as text, never as HTML.
  function addTyped(text) {
    var item = typedTemplate.content.firstElementChild.cloneNode(true);
    item.querySelector(".message-text").textContent = text;
    list.appendChild(item);
    return item;
  }

  // The helper's replies as the server rendered them for this page (only our own texts; the
  // templates escape every value). Returns the first new message.
  function addReplies(html) {
    var rendered = document.createElement("template");
    rendered.innerHTML = html;
    var first = rendered.content.firstElementChild;
    Array.prototype.forEach.call(rendered.content.children, enhanceMessage);
    list.appendChild(rendered.content);
    return first;
  }

  // "Alles voorlezen": read each new helper message, one after the other.
  function readInTurn(replies, i) {
    if (i >= replies.length) { return; }
    speak(replies[i].speech, replies[i].text, replies[i].lang, null);
    if (speech.audio) {
      var audio = speech.audio;
      audio.addEventListener("ended", function () { if (!speech.audio) { readInTurn(replies, i + 1); } });
    }
  }

  function readAloudIsOn() { return document.body.getAttribute("data-read-aloud") === "on"; }

  // The helper view: after each answer the server renders the steps panel for this conversation
  // (the same template as on a reload); it holds only our own texts.
  function refreshSteps() {
    if (!steps) { return; }
    fetch(steps.getAttribute("data-steps-url"), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("no panel"); }
      return response.text();
    }).then(function (html) {
      var before = steps.querySelector("h2").textContent;
      steps.innerHTML = html;
      var title = steps.querySelector("h2").textContent;
      var status = document.getElementById("stappen-status");
      if (title !== before && status) { status.textContent = status.getAttribute("data-label").replace("%(title)s", title); }
    }).catch(function () { /* the panel keeps what it showed; a reload shows the new one */ });
  }

  // typed: focus stays in the text box; a button click moves focus to the new answer,
  // because the clicked button itself is gone.
  function send(message, shown, typed) {
    if (busy) { return; }
    busy = true;
    stopSpeaking();
    removeOldChoices();
    var mine = message.trim() ? addTyped(shown || message) : null;
    fetch(apiUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session: session, message: message, lang: lang, page: page })
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      if (typeof data.html !== "string") { throw new Error("no answer"); }  // e.g. an unknown session
      session = data.session || session;
      // What the helper kept: a BSN, phone number or password typed by mistake is replaced here too.
      if (mine && !shown && data.said) { mine.querySelector(".message-text").textContent = data.said; }
      if (data.language && data.language !== lang) {
        // The visitor asked for another language: show the whole page in it.
        window.location.reload();
        return;
      }
      var first = addReplies(data.html);
      if (data.bot_available === false) { input.value = message.charAt(0) === "/" ? "" : message; }
      if (readAloudIsOn() && first) {
        readInTurn(data.replies, 0);
      }
      if (!typed) { focusNew(first); }
      refreshSteps();
    }).catch(function () {
      // No usable answer: fall back to the plain form, which shows a kind message.
      input.value = message.charAt(0) === "/" ? "" : message;
      form.submit();
    }).then(function () { busy = false; });
  }

  function focusNew(item) {
    if (!item) { return; }
    // Focus goes to the new message itself, so a screen reader starts there and Tab reaches its buttons.
    item.setAttribute("tabindex", "-1");
    item.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) { return; }  // the text stays in the box until the previous answer is in
    var text = input.value;
    input.value = "";
    send(text, undefined, true);
  });

  list.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (target && target.name === "message" && target.form) {
      event.preventDefault();
      send(target.value, target.textContent.trim());
    }
  });

  Array.prototype.forEach.call(list.querySelectorAll(".message"), enhanceMessage);
})();
