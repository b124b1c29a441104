"""Reading preferences for this visit only: large text, high contrast, reading aloud, language.

Kept in the session cookie, so a kiosk forgets them with the conversation.
"""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, request, session, url_for

bp = Blueprint("preferences", __name__)

SWITCHES = ("large_text", "high_contrast", "read_aloud")


def current() -> dict:
    return {name: bool(session.get(name)) for name in SWITCHES}


@bp.post("/voorkeur")
def toggle():
    name = request.form.get("switch")
    if name in SWITCHES:
        session[name] = not session.get(name)
    lang = request.form.get("lang")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
    if request.accept_mimetypes.best == "application/json":
        return {**current(), "lang": session.get("lang")}
    return redirect(url_for("chat.page"), code=303)


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["preferences"] = current
