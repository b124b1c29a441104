"""What both the page and the JSON API do with a message: check it, send it to Rasa, get replies."""
from __future__ import annotations

import logging
import secrets

from flask import current_app
from itsdangerous import BadSignature, Signer

from ..content.render import render
from ..rasa_client import BotUnavailable, RasaClient, Reply

log = logging.getLogger(__name__)

# Texts the web app says itself, without Rasa (the content check knows them too).
WEB_RESPONSES = ("utter_welcome", "utter_restart", "utter_empty_message", "utter_message_too_long", "utter_bot_unavailable")
# "Opnieuw beginnen": the web app deletes the conversation itself, so nothing of it stays behind.
RESTART_PAYLOAD = "/restart"


def rasa_client(timeout: float | None = None) -> RasaClient:
    config = current_app.config
    return RasaClient(config["RASA_URL"], config["RASA_TOKEN"], timeout or config["RASA_TIMEOUT_SECONDS"])


def _signer() -> Signer:
    return Signer(current_app.config["SECRET_KEY"], salt="conversation")


def new_session_id() -> str:
    """A random conversation id, signed so that only ids this app handed out are accepted."""
    return _signer().sign(secrets.token_urlsafe(16)).decode()


def conversation_id(session_id: str | None) -> str | None:
    """The Rasa sender id inside a session id, or None if the id is not one of ours."""
    if not session_id:
        return None
    try:
        return _signer().unsign(session_id).decode()
    except BadSignature:
        return None


def language_or_default(lang: str | None) -> str:
    config = current_app.config
    return lang if lang in config["LANGUAGES"] else config["DEFAULT_LANGUAGE"]


def helper_says(response_id: str, language: str) -> Reply:
    item = current_app.extensions["content"].get(response_id, language)
    rendered = render(item, {"max_chars": current_app.config["MAX_MESSAGE_CHARS"]}, language)
    return Reply(text=rendered["text"], buttons=rendered["buttons"], response_id=response_id)


def answer(conversation: str, message: str, language: str) -> tuple[list[Reply], bool]:
    """Replies to one message, and whether the bot really answered (False: a kind stand-in)."""
    message = (message or "").strip()
    shown = None
    if not message:
        return [helper_says("utter_empty_message", language)], True
    if len(message) > current_app.config["MAX_MESSAGE_CHARS"]:
        return [helper_says("utter_message_too_long", language)], True
    if message == RESTART_PAYLOAD:
        forget(conversation)
        return [helper_says("utter_restart", language)], True
    if message.startswith("/"):
        shown = current_app.extensions["content"].button_title(message, language)
    metadata = {"lang": language, "shown": shown or message}
    try:
        replies = rasa_client().send(conversation, message, metadata)
    except BotUnavailable as error:
        log.warning("bot unavailable: %s", error)
        return [helper_says("utter_bot_unavailable", language)], False
    return replies or [helper_says("utter_default", language)], True


def forget(conversation: str) -> None:
    try:
        rasa_client().forget(conversation)
    except BotUnavailable as error:
        log.warning("could not delete tracker: %s", error)
