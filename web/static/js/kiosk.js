// Kiosk mode: after a while without input ask "Ben je er nog?"; without an answer, erase all.
// The server erases an idle session too (web/kiosk.py); this only makes it visible and kind.
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.getAttribute("data-kiosk-idle"), 10);
  var grace = parseInt(body.getAttribute("data-kiosk-grace"), 10);
  var dialog = document.getElementById("nog-daar");
  var eraseForm = document.querySelector(".restart-form");
  if (!idle || !dialog || !eraseForm || typeof dialog.showModal !== "function") { return; }

  var idleTimer, eraseTimer;

  function erase() { eraseForm.submit(); }

  function warn() {
    dialog.showModal();
    eraseTimer = window.setTimeout(erase, grace * 1000);
  }

  function restartIdleTimer() {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(warn, idle * 1000);
  }

  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(eraseTimer);
    dialog.close();
    // Tell the server too, so its own idle clock starts again.
    fetch(this.action, { method: "POST", body: new FormData(this), credentials: "same-origin" });
    restartIdleTimer();
  });

  ["keydown", "pointerdown", "input"].forEach(function (name) {
    document.addEventListener(name, function () { if (!dialog.open) { restartIdleTimer(); } }, true);
  });
  restartIdleTimer();
})();
