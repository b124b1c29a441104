"""What both the page and the JSON API do with a message: check it, send it to Rasa, get replies."""
from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

import requests
from flask import current_app, session
from itsdangerous import BadSignature, Signer

from ..content.render import render
from ..privacy import WARNING_IDS, Masked, mask
from ..rasa_client import BotUnavailable, RasaClient, Reply
from ..guide import start_links
from .. import ratelimit
from ..speech import speech_url

log = logging.getLogger(__name__)

# Texts the web app says itself, without Rasa (the content check knows them too).
WEB_RESPONSES = (
    "utter_welcome", "utter_restart", "utter_empty_message", "utter_message_too_long",
    "utter_bot_unavailable", "utter_too_many_messages", "guide_ido",
    # The last resort when Rasa says nothing while it is up; the bot itself answers what it does not
    # understand with action_clarify ("Bedoel je …?"), also as its core fallback (bot/config.yml).
    "utter_default",
    *sorted(WARNING_IDS),
)
# "Opnieuw beginnen": the web app deletes the conversation itself, so nothing of it stays behind.
RESTART_PAYLOAD = "/restart"


@dataclass
class Answer:
    replies: list[Reply]
    bot_available: bool = True
    status: int = 200
    language: str | None = None  # the language the visitor asked for in this message, if any
    said: str = ""  # the message as the helper kept it: identifiers replaced (web/privacy.py)


def rasa_client(timeout: float | None = None) -> RasaClient:
    config = current_app.config
    return RasaClient(config["RASA_URL"], config["RASA_TOKEN"], timeout or config["RASA_TIMEOUT_SECONDS"])


def actions_up() -> bool:
    try:
        return requests.get(current_app.config["ACTIONS_URL"] + "/health", timeout=2).ok
    except requests.RequestException:
        return False


def _signer() -> Signer:
    return Signer(current_app.config["SECRET_KEY"], salt="conversation")


def new_session_id() -> str:
    """A random conversation id, signed so that only ids this app handed out are accepted."""
    return _signer().sign(secrets.token_urlsafe(16)).decode()


def conversation_id(session_id: str | None) -> str | None:
    """The Rasa sender id inside a session id, or None if the id is not one of ours."""
    if not isinstance(session_id, str) or not session_id:
        return None
    try:
        return _signer().unsign(session_id).decode()
    except BadSignature:
        return None


def helper_says(response_id: str, language: str) -> Reply:
    item = current_app.extensions["content"].get(response_id, language)
    rendered = render(item, {}, language)
    return Reply(text=rendered["text"], buttons=rendered["buttons"], response_id=response_id,
                 content_id=item.id, language=item.language)


def bot_unavailable(language: str) -> Reply:
    """The kind stand-in when Rasa does not answer, with links to the guide pages."""
    reply = helper_says("utter_bot_unavailable", language)
    reply.links = start_links(language)
    return reply


def _within_rate_limits(conversation: str, client_address: str) -> bool:
    config = current_app.config
    return (ratelimit.allowed("conversation", conversation, config["RATE_LIMIT_PER_CONVERSATION"])
            and ratelimit.allowed("address", client_address, config["RATE_LIMIT_PER_ADDRESS"]))


def describe(replies: list[Reply], language: str) -> list[Reply]:
    """Mark each helper reply shown in `language` whose text is not in it (its content id and
    language came with it, from /nlg or from helper_says) and give it its "Lees voor" link.
    Only helper replies come here, never user text."""
    ids = current_app.extensions["content"].ids(language)
    for reply in replies:
        if not reply.text:
            continue
        reply.language = reply.language or language
        reply.untranslated = bool(reply.content_id) and reply.content_id not in ids
        reply.speech = speech_url(reply.text, reply.language)
    return replies


def guard(message: str, language: str) -> Masked:
    """The message with identifiers replaced; a button's payload is ours and passes as it is."""
    if message.startswith("/") and current_app.extensions["content"].button_title(message, language):
        return Masked(message)
    return mask(message)


def answer(conversation: str, message: str, language: str, client_address: str) -> Answer:
    """The replies to one message, each with its language and speech link. Nothing typed goes on
    unguarded: identifiers are replaced first, and the replies then begin with a warning."""
    message = (message or "").strip()
    if len(message) > current_app.config["MAX_MESSAGE_CHARS"]:
        # Too long for a question: not searched (that would be slow), not sent on, not kept.
        result = Answer([helper_says("utter_message_too_long", language)])
    else:
        masked = guard(message, language)
        result = _answer(conversation, masked, language, client_address)
        result.said = masked.text
        result.replies[:0] = [helper_says(warning, language) for warning in masked.warnings()]
    describe(result.replies, result.language or language)
    return result


def chosen_language(replies: list[Reply]) -> str | None:
    """The language the bot found the visitor asking for (bot/actions/languages.py), if we offer it."""
    for reply in replies:
        code = (reply.custom or {}).get("language")
        if code in current_app.config["LANGUAGES"]:
            return code
    return None


def offer(replies: list[Reply]) -> None:
    """Remember the buttons just shown, so a pressed one is kept under its own words: one payload
    can stand on buttons with different words ("DigiD" in the menu, "Terug" under an answer)."""
    session["offered"] = {b["payload"]: b["title"] for r in replies for b in r.buttons if "payload" in b}


def pressed_title(message: str, language: str) -> str | None:
    """The words on the button the visitor pressed; None for typed text."""
    if not message.startswith("/"):
        return None
    return session.get("offered", {}).get(message) or current_app.extensions["content"].button_title(message, language)


def _answer(conversation: str, masked: Masked, language: str, client_address: str) -> Answer:
    """The bot's replies, or a kind stand-in from the web app itself."""
    message = masked.text
    if not message:
        return Answer([helper_says("utter_empty_message", language)])
    if not _within_rate_limits(conversation, client_address):
        return Answer([helper_says("utter_too_many_messages", language)], status=429)
    if message == RESTART_PAYLOAD:
        forget(conversation)
        return Answer([helper_says("utter_restart", language)])
    metadata = {"lang": language, "shown": pressed_title(message, language) or message}
    if current_app.config["KIOSK_PLACE"]:
        metadata["kiosk_place"] = current_app.config["KIOSK_PLACE"]
    try:
        replies = rasa_client().send(conversation, masked.for_understanding or message, metadata)
    except BotUnavailable as error:
        log.warning("bot unavailable (%s)", error.reason)
        return Answer([bot_unavailable(language)], bot_available=False)
    if replies:
        offer(replies)
        return Answer(replies, language=chosen_language(replies))
    # Rasa said nothing: usually because the action server it needed is down. Say that truthfully.
    if not actions_up():
        return Answer([bot_unavailable(language)], bot_available=False)
    return Answer([helper_says("utter_default", language)])


def forget(conversation: str) -> None:
    try:
        rasa_client().forget(conversation)
    except BotUnavailable as error:
        log.warning("could not delete a tracker (%s)", error.reason)


def erase_session() -> None:
    """Forget everything of this visitor: the Rasa conversation and the whole session cookie."""
    conversation = conversation_id(session.get("chat"))
    if conversation:
        forget(conversation)
    session.clear()
