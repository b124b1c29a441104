// Kiosk mode: after a while without input ask "Ben je er nog?"; without an answer, erase all.
// The server keeps the same clock (web/kiosk.py): each press or key is reported to it, and the
// browser's clock restarts only when it reports, so the browser never waits longer than the server.
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.getAttribute("data-kiosk-idle"), 10);
  var grace = parseInt(body.getAttribute("data-kiosk-grace"), 10);
  var dialog = document.getElementById("nog-daar");
  var eraseForm = document.querySelector(".restart-form");
  if (!idle || !dialog || !eraseForm || typeof dialog.showModal !== "function") { return; }

  var hereForm = dialog.querySelector("form");
  var REPORT_EVERY_MS = 2000;  // at most one report per 2 s, however fast someone types
  var idleTimer, eraseTimer, lastReport = Date.now();  // loading this page was activity too

  function erase() { eraseForm.submit(); }

  function warn() {
    dialog.showModal();
    eraseTimer = window.setTimeout(erase, grace * 1000);
  }

  function restartIdleTimer() {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(warn, idle * 1000);
  }

  function reportActivity() {
    lastReport = Date.now();
    fetch(hereForm.action, { method: "POST", body: new FormData(hereForm), credentials: "same-origin", redirect: "manual" });
    restartIdleTimer();
  }

  hereForm.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(eraseTimer);
    dialog.close();
    reportActivity();
  });

  ["keydown", "pointerdown", "input"].forEach(function (name) {
    document.addEventListener(name, function () {
      if (!dialog.open && Date.now() - lastReport > REPORT_EVERY_MS) { reportActivity(); }
    }, true);
  });
  restartIdleTimer();
})();
