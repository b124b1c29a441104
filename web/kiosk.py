"""Kiosk mode: a public computer forgets its user after a while without input.

One rule, kept by the server (`IdleRule`) and shown by the browser: after the idle time the
page asks "Ben je er nog?" (static/js/kiosk.js, or a refresh to /kiosk/nog-daar without
JavaScript); after the grace time too, the session and its Rasa conversation are erased. The
browser tells the server about every press or key (kiosk.js posts to /kiosk/ik-ben-er), so both
clocks start together. Whichever fires first, the visitor lands on the start screen: a request
that finds its session expired erases it, and a form post from the old screen is sent on to the
start (303) instead of being refused for its old CSRF token.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for

from .chat.conversation import erase_session

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")

# Requests no person made: the page's own refresh to the warning, files, Rasa and health checks.
NOT_ACTIVITY_ENDPOINTS = {"static", "kiosk.still_there"}
NOT_ACTIVITY_BLUEPRINTS = {"nlg", "health"}


@dataclass
class IdleRule:
    idle_seconds: float
    grace_seconds: float
    clock: Callable[[], float] = field(default=time.time)

    def expired(self, last_seen: float | None) -> bool:
        """True once a session has been left alone for longer than the idle plus the grace time."""
        return last_seen is not None and self.clock() - last_seen > self.idle_seconds + self.grace_seconds

    @staticmethod
    def is_activity(endpoint: str | None, blueprint: str | None) -> bool:
        """Every request a person causes counts (a page, a press, a message); automatic ones do not."""
        return endpoint is not None and endpoint not in NOT_ACTIVITY_ENDPOINTS and blueprint not in NOT_ACTIVITY_BLUEPRINTS


def _forget_idle_user():
    rule: IdleRule = current_app.extensions["kiosk"]
    if not rule.is_activity(request.endpoint, request.blueprint):
        return None
    if rule.expired(session.get("seen")):
        erase_session()
        if request.method == "POST":
            # A press on the previous visitor's screen: show the start, the next press works.
            return redirect(url_for("chat.page"), code=303)
    session["seen"] = rule.clock()
    return None


@bp.get("/nog-daar")
def still_there():
    return render_template("still_there.html")


@bp.post("/ik-ben-er")
def here():
    """The user answered "Ja, ik ben er nog" (or kiosk.js reports a press): the request itself is activity."""
    return redirect(url_for("chat.page", _anchor="laatste"), code=303)


def init_app(app) -> None:
    app.register_blueprint(bp)
    if app.config["KIOSK"]:
        app.extensions["kiosk"] = IdleRule(app.config["KIOSK_IDLE_SECONDS"], app.config["KIOSK_GRACE_SECONDS"])
        # Registered before the CSRF check (security.init_app): an expired page is sent to the start first.
        app.before_request(_forget_idle_user)
