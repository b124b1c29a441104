// Progressive enhancement of the chat page: send messages without reloading the page.
// Without this script the same forms post to the server and the page is rendered again.
(function () {
  "use strict";

  var list = document.getElementById("berichten");
  var form = document.getElementById("bericht-formulier");
  var input = document.getElementById("bericht");
  if (!list || !form || !window.fetch) { return; }

  var session = list.getAttribute("data-session");
  var lang = document.documentElement.lang || "nl";
  var busy = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }  // never innerHTML: typed text stays text
    return node;
  }

  function removeOldChoices() {
    var old = list.querySelectorAll(".choices");
    for (var i = 0; i < old.length; i++) { old[i].parentNode.removeChild(old[i]); }
    var last = document.getElementById("laatste");
    if (last) { last.removeAttribute("id"); }
  }

  function addMessage(speaker, reply, withChoices) {
    var item = element("li", "message message--" + speaker);
    item.appendChild(element("p", "message-who", speaker === "bot" ? "DigiHulp:" : (list.getAttribute("data-you") || "Jij") + ":"));
    item.appendChild(element("p", "message-text", reply.text));
    if (withChoices && reply.buttons && reply.buttons.length) {
      var choices = element("div", "choices");
      reply.buttons.forEach(function (button) {
        var b = element("button", "button button--choice", button.title);
        b.type = "button";
        b.addEventListener("click", function () { send(button.payload, button.title); });
        choices.appendChild(b);
      });
      item.appendChild(choices);
    }
    list.appendChild(item);
    return item;
  }

  function send(message, shown) {
    if (busy) { return; }
    busy = true;
    removeOldChoices();
    if (message.trim()) { addMessage("user", { text: shown || message }); }
    fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session: session, message: message, lang: lang })
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (data) {
      session = data.session;
      var first = null;
      data.replies.forEach(function (reply, i) {
        var item = addMessage("bot", reply, i === data.replies.length - 1);
        first = first || item;
      });
      if (data.bot_available === false) { input.value = message.charAt(0) === "/" ? "" : message; }
      focusNew(first);
    }).catch(function () {
      // The server did not answer: fall back to the plain form, which shows a kind message.
      input.value = message.charAt(0) === "/" ? "" : message;
      form.submit();
    }).then(function () { busy = false; });
  }

  function focusNew(item) {
    if (!item) { return; }
    var button = list.querySelector(".choices button");
    item.setAttribute("tabindex", "-1");
    (button || item).focus();
    item.scrollIntoView({ block: "nearest" });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
  });

  list.addEventListener("click", function (event) {
    var target = event.target;
    if (target.tagName === "BUTTON" && target.name === "message" && target.form) {
      event.preventDefault();
      send(target.value, target.textContent);
    }
  });
})();
