"""Talk to the Rasa server: the REST channel for messages, the HTTP API for history and reset."""
from __future__ import annotations

from dataclasses import dataclass, field

import requests


class BotUnavailable(Exception):
    """Rasa did not answer in time or answered with an error.

    `reason` is safe to log: no URL (it holds the API token and the conversation id)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Reply:
    text: str
    buttons: list[dict] = field(default_factory=list)
    custom: dict | None = None
    response_id: str | None = None  # set when the web app said it itself, not Rasa
    speech: str | None = None  # URL of the spoken text (helper replies only)
    links: list[dict] = field(default_factory=list)  # plain links, e.g. to the guide pages
    language: str | None = None  # of the text: Dutch where a translation is missing (from /nlg)
    content_id: str | None = None  # the content item the text came from (from /nlg)
    untranslated: bool = False  # shown in Dutch because the visitor's language lacks this text

    def as_json(self) -> dict:
        data = {"text": self.text, "buttons": self.buttons}
        if self.content_id:
            data["content_id"] = self.content_id
        if self.language:
            data["lang"] = self.language
        if self.untranslated:
            data["untranslated"] = True
        if self.custom:
            data["custom"] = self.custom
        if self.speech:
            data["speech"] = self.speech
        if self.links:
            data["links"] = self.links
        return data


@dataclass
class Turn:
    """One line of the conversation as the page shows it."""

    speaker: str  # "user" or "bot"
    reply: Reply


def _reply_from(message: dict) -> Reply:
    buttons = [
        {"title": b.get("title", ""), "payload": b.get("payload", ""), "icon": b.get("icon") or "arrow",
         **({"lang": b["lang"]} if b.get("lang") else {})}
        for b in message.get("buttons") or []
    ]
    # /nlg sends the content id and the language of the text in "custom" (web/nlg.py).
    custom = dict(message.get("custom") or {})
    content_id, language = custom.pop("content_id", None), custom.pop("lang", None)
    return Reply(text=message.get("text") or "", buttons=buttons, custom=custom or None,
                 content_id=content_id, language=language)


def _absorbed(reply: Reply, previous: Reply | None) -> bool:
    """Rasa's REST channel sends a text's custom data (its content id and language, a help point's
    card) as a message of its own; put it back with the text it belongs to. True if `reply` was such data."""
    if reply.text or not (reply.custom or reply.content_id) or previous is None:
        return False
    if reply.custom:
        previous.custom = {**(previous.custom or {}), **reply.custom}
    previous.content_id = reply.content_id or previous.content_id
    previous.language = reply.language or previous.language
    return True


class RasaClient:
    def __init__(self, base_url: str, token: str, timeout: float):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _call(self, method: str, path: str, **kwargs) -> requests.Response:
        params = {"token": self.token} if self.token else {}
        try:
            response = requests.request(
                method, self.base_url + path, params=params, timeout=self.timeout, **kwargs
            )
            response.raise_for_status()
            return response
        except requests.HTTPError as error:
            raise BotUnavailable(f"HTTP {error.response.status_code}") from error
        except requests.RequestException as error:
            raise BotUnavailable(type(error).__name__) from error

    def send(self, conversation_id: str, message: str, metadata: dict) -> list[Reply]:
        body = {"sender": conversation_id, "message": message, "metadata": metadata}
        answer = self._call("POST", "/webhooks/rest/webhook", json=body).json()
        replies: list[Reply] = []
        for reply in map(_reply_from, answer):
            if not _absorbed(reply, replies[-1] if replies else None):
                replies.append(reply)
        return replies

    def history(self, conversation_id: str) -> list[Turn]:
        tracker = self._call("GET", f"/conversations/{conversation_id}/tracker").json()
        turns: list[Turn] = []
        for event in tracker.get("events") or []:
            # An "implied" turn is a typed "ja" taken as the one button offered: the "ja" is shown already.
            if event.get("event") == "user" and not (event.get("metadata") or {}).get("implied"):
                shown = (event.get("metadata") or {}).get("shown") or event.get("text") or ""
                turns.append(Turn("user", Reply(text=shown)))
            elif event.get("event") == "bot":
                reply = _reply_from({**(event.get("data") or {}), "text": event.get("text")})
                if not _absorbed(reply, turns[-1].reply if turns else None):
                    turns.append(Turn("bot", reply))
        return turns

    def forget(self, conversation_id: str) -> None:
        """Replace the tracker by an empty one; bot/tracker_store.py then deletes it."""
        self._call("PUT", f"/conversations/{conversation_id}/tracker/events", json=[])

    def is_up(self) -> bool:
        try:
            self._call("GET", "/status")
            return True
        except BotUnavailable:
            return False
