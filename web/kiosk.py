"""Kiosk mode: a public computer forgets its user after a while without input.

The page warns first ("Ben je er nog?", static/js/kiosk.js, or a refresh to /kiosk/nog-daar
without JavaScript). The server enforces it too: a session idle for longer than the idle time
plus the grace time is erased, with its Rasa conversation, at its next request.
"""
from __future__ import annotations

import time

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for

from .chat.conversation import erase_session

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")

ACTIVITY_METHODS = {"POST"}


def _limit_seconds() -> float:
    return current_app.config["KIOSK_IDLE_SECONDS"] + current_app.config["KIOSK_GRACE_SECONDS"]


def _forget_idle_user() -> None:
    if not current_app.config["KIOSK"] or request.endpoint == "static":
        return
    seen = session.get("seen")
    if seen and time.time() - seen > _limit_seconds():
        erase_session()
    if request.method in ACTIVITY_METHODS:
        session["seen"] = time.time()


@bp.get("/nog-daar")
def still_there():
    return render_template("still_there.html")


def init_app(app) -> None:
    app.before_request(_forget_idle_user)
    app.register_blueprint(bp)


@bp.post("/ik-ben-er")
def here():
    """The user answered "Ja, ik ben er nog": the POST itself counts as activity."""
    return redirect(url_for("chat.page", _anchor="laatste"), code=303)
