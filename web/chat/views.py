"""The page: server-rendered conversation with plain form posts (works without JavaScript)."""
from __future__ import annotations

from flask import current_app, get_template_attribute, redirect, render_template, request, session, url_for
from flask_babel import force_locale

from ..languages import select_locale
from ..privacy import WARNING_IDS
from ..rasa_client import BotUnavailable, Reply, Turn
from . import bp
from .conversation import (
    answer, bot_unavailable, conversation_id, erase_session, helper_says, new_session_id,
    describe, rasa_client,
)


# The pages a form post returns to: the one it was sent from (a name, never an address from the form).
RETURN_TO = ("chat.page", "helper.view")


def _current_conversation() -> str | None:
    return conversation_id(session.get("chat"))


def current_language() -> str:
    """The visitor's language for this page (also used by the helper view)."""
    return select_locale()


def _turns(conversation: str | None) -> list[Turn]:
    welcome = Turn("bot", helper_says("utter_welcome", current_language()))
    if conversation is None or not session.get("started"):
        return [welcome]
    try:
        return [welcome, *rasa_client().history(conversation)]
    except BotUnavailable:
        return [welcome, Turn("bot", bot_unavailable(current_language()))]


def conversation_turns(with_pending: bool = True) -> list[Turn]:
    """The conversation so far, as the page shows it (also used by the helper view). Replies Rasa
    did not store are shown once, by the page (`with_pending`), not by the helper's steps panel."""
    if "chat" not in session:
        session["chat"] = new_session_id()
    turns = _turns(_current_conversation())
    warned = session.pop("warned", None) if with_pending else None
    if warned:
        users = [i for i, turn in enumerate(turns) if turn.speaker == "user"]
        at = users[-1] + 1 if users else len(turns)
        turns[at:at] = [Turn("bot", helper_says(w, current_language())) for w in warned]
    pending = session.pop("pending", None) if with_pending else None
    if pending:
        turns.extend(Turn("bot", bot_unavailable(current_language()) if r == "utter_bot_unavailable"
                          else helper_says(r, current_language())) for r in pending)
    describe([turn.reply for turn in turns if turn.speaker == "bot"], current_language())
    return turns


def rendered_replies(replies: list[Reply], language: str, return_to: str) -> str:
    """New helper replies as the page shows them (the macro of _message.html), for its script:
    in the page's language, the last one with its buttons, whose form goes back to `return_to`."""
    message = get_template_attribute("_message.html", "message")
    with force_locale(language):
        return "".join(str(message("bot", reply, language, last=i == len(replies) - 1, return_to=return_to))
                       for i, reply in enumerate(replies))


@bp.get("/")
def page():
    turns = conversation_turns()
    unsent = session.pop("unsent", "")
    return render_template("chat.html", turns=turns, session_id=session["chat"], unsent=unsent)


@bp.post("/")
def post_message():
    if _current_conversation() is None:  # no conversation yet in this session: start one
        session["chat"] = new_session_id()
    conversation = _current_conversation()
    message = request.form.get("message", "")
    session["started"] = True
    result = answer(conversation, message, current_language(), request.remote_addr or "")
    if result.language:
        session["lang"] = result.language
    # Replies Rasa did not store (empty message, bot down) are shown once after the redirect,
    # and a message the bot could not take is put back in the box, so nothing typed is lost.
    # A privacy warning (web/privacy.py) comes before the answer, the others after it.
    said_itself = [r.response_id for r in result.replies if r.response_id]
    session["warned"] = [i for i in said_itself if i in WARNING_IDS]
    session["pending"] = [i for i in said_itself if i not in WARNING_IDS]
    if not result.bot_available or result.status == 429:
        session["unsent"] = result.said[: current_app.config["MAX_MESSAGE_CHARS"]]
    back = request.form.get("terug")
    return redirect(url_for(back if back in RETURN_TO else "chat.page", _anchor="laatste"), code=303)


@bp.post("/opnieuw")
def restart():
    erase_session()
    return redirect(url_for("chat.page"), code=303)
