// Progressive enhancement of the chat page: send messages without reloading the page, and
// read the helper's messages aloud. Without this script the same forms post to the server.
(function () {
  "use strict";

  var list = document.getElementById("berichten");
  var form = document.getElementById("bericht-formulier");
  var input = document.getElementById("bericht");
  if (!list || !form || !window.fetch) { return; }

  var session = list.getAttribute("data-session");
  var lang = document.documentElement.lang || "nl";
  var words = {
    you: list.getAttribute("data-you"),
    readAloud: list.getAttribute("data-read-label"),
    stopReading: list.getAttribute("data-stop-label"),
    route: list.getAttribute("data-route-label"),
    website: list.getAttribute("data-website-label"),
    untranslated: list.getAttribute("data-untranslated-label")
  };
  var rtlLanguages = (list.getAttribute("data-rtl-languages") || "").split(" ");
  var iconsUrl = list.getAttribute("data-icons");
  var busy = false;
  var steps = document.getElementById("stappen");  // the helper view's steps panel, if this is that page

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }  // never innerHTML: typed text stays text
    return node;
  }

  function icon(name) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    var use = document.createElementNS("http://www.w3.org/2000/svg", "use");
    svg.setAttribute("class", "icon icon--" + (name || "arrow"));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    use.setAttribute("href", iconsUrl + "#" + (name || "arrow"));
    svg.appendChild(use);
    return svg;
  }

  function button(className, iconName, title) {
    var b = element("button", "button " + className);
    b.type = "button";
    b.appendChild(icon(iconName));
    b.appendChild(element("span", "", title));
    return b;
  }

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

  // --- Messages
  function removeOldChoices() {
    var old = list.querySelectorAll(".choices");
    for (var i = 0; i < old.length; i++) { old[i].parentNode.removeChild(old[i]); }
    var last = document.getElementById("laatste");
    if (last) { last.removeAttribute("id"); }
  }

  function addCardLinks(item, card) {
    item.className += " message--card";
    var links = element("p", "card-links");
    var route = element("a");
    route.href = card.route;
    route.rel = "noopener noreferrer";
    route.appendChild(icon("pin"));
    route.appendChild(element("span", "", words.route.replace("%(town)s", card.town)));
    links.appendChild(route);
    if (card.website) {
      var site = element("a", "", words.website);
      site.href = card.website;
      site.rel = "noopener noreferrer";
      links.appendChild(site);
    }
    item.appendChild(links);
  }

  // Typed text may be in any language or direction; a helper text in another language than the
  // page (Dutch where a translation is missing) says so, for screen readers and for the eye.
  function messageText(speaker, reply) {
    var text = element("p", "message-text", reply.text);
    if (speaker === "user") { text.dir = "auto"; return text; }
    if (reply.lang && reply.lang !== lang) {
      text.lang = reply.lang;
      text.dir = rtlLanguages.indexOf(reply.lang) >= 0 ? "rtl" : "ltr";
      if (reply.untranslated) {
        var wrapper = document.createDocumentFragment();
        wrapper.appendChild(text);
        wrapper.appendChild(element("p", "message-note", words.untranslated));
        return wrapper;
      }
    }
    return text;
  }

  function addMessage(speaker, reply, withChoices) {
    var item = element("li", "message message--" + speaker);
    item.appendChild(element("p", "message-who", (speaker === "bot" ? "DigiHulp" : words.you) + ":"));
    item.appendChild(messageText(speaker, reply));
    if (reply.custom && reply.custom.card) { addCardLinks(item, reply.custom.card); }
    if (reply.links && reply.links.length) {
      var links = element("ul", "guide-links");
      reply.links.forEach(function (l) {
        var a = element("a", "button button--choice");
        a.href = l.url;
        a.appendChild(icon(l.icon));
        a.appendChild(element("span", "", l.title));
        var li = element("li");
        li.appendChild(a);
        links.appendChild(li);
      });
      item.appendChild(links);
    }
    if (speaker === "bot") {
      var link = element("a", "button button--secondary button--speak");
      link.href = reply.speech || "#";
      link.appendChild(icon("speaker"));
      link.appendChild(element("span", "", words.readAloud));
      enhanceSpeakLink(link, reply.text, reply.lang);
      item.appendChild(link);
    }
    if (withChoices && reply.buttons && reply.buttons.length) {
      var choices = element("div", "choices");
      reply.buttons.forEach(function (b) {
        var choice = button("button--choice", b.icon, b.title);
        choice.value = b.payload;  // as the server-rendered buttons carry it
        if (b.lang && b.lang !== lang) { choice.lang = b.lang; }
        choice.addEventListener("click", function () { send(b.payload, b.title); });
        choices.appendChild(choice);
      });
      item.appendChild(choices);
    }
    list.appendChild(item);
    return item;
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
    var mine = message.trim() ? addMessage("user", { text: shown || message }) : null;
    fetch("/api/chat", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session: session, message: message, lang: lang })
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      session = data.session || session;
      // What the helper kept: a BSN, phone number or password typed by mistake is replaced here too.
      if (mine && !shown && data.said) { mine.querySelector(".message-text").textContent = data.said; }
      if (data.language && data.language !== lang) {
        // The visitor asked for another language: show the whole page in it.
        window.location.reload();
        return;
      }
      var first = null;
      data.replies.forEach(function (reply, i) {
        var item = addMessage("bot", reply, i === data.replies.length - 1);
        first = first || item;
      });
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

  var speakLinks = list.querySelectorAll(".button--speak");
  for (var i = 0; i < speakLinks.length; i++) {
    var said = speakLinks[i].parentNode.querySelector(".message-text");
    enhanceSpeakLink(speakLinks[i], said.textContent, said.lang || lang);
  }
})();
