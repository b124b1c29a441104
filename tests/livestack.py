"""The real stack for slow tests: scripts/stack.py's Stack (the launcher of `make run`) on free ports,
with what the tests ask of it: chat through the API, read Rasa's own tracker, wait for health."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from scripts.stack import Stack, free_port

__all__ = ["LiveStack", "free_port", "start_stack", "KIOSK_IDLE_SECONDS", "KIOSK_GRACE_SECONDS", "ONE_GUESS"]

# The kiosk stack's idle and grace times: short, so the kiosk tests need not wait minutes.
KIOSK_IDLE_SECONDS, KIOSK_GRACE_SECONDS = 4, 3
# A message the model is unsure of with one guess only ("Bedoel je …?" offers one): typed, and its guess.
# It depends on the trained model: the tests that use it check it first, and say so when it no longer is.
ONE_GUESS = ("idkart", "/digid_id_check")  # misspelt "ID-kaart"


class LiveStack:
    def __init__(self, stack: Stack):
        self.stack = stack
        self.base_url = stack.base_url
        self.rasa_url = stack.rasa_url
        self.rasa_token = stack.rasa_token
        self.log_dir = stack.log_dir
        self.ports = stack.ports

    def rasa_messages(self, conversation: str) -> list[dict]:
        """What the user and bot said, as Rasa itself holds it (asked of Rasa directly; for an
        unknown conversation Rasa answers with a fresh, empty one)."""
        url = f"{self.rasa_url}/conversations/{conversation}/tracker"
        response = requests.get(url, params={"token": self.rasa_token}, timeout=10)
        response.raise_for_status()
        return [e for e in response.json()["events"] if e["event"] in ("user", "bot")]

    def chat(self, message: str, session: str | None = None, lang: str = "nl") -> dict:
        body = {"message": message, "lang": lang}
        if session:
            body["session"] = session
        response = requests.post(self.base_url + "/api/chat", json=body, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    def pid(self, part: str) -> int:
        """The process id of a running part ("rasa", "actions", "web", "nlg")."""
        return self.stack.pid(part)

    def wait_until_healthy(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if requests.get(self.base_url + "/healthz", timeout=5).status_code == 200:
                return
            time.sleep(1)
        raise AssertionError("the stack did not become healthy again")

    def conversation(self, *messages: str, lang: str = "nl") -> list[dict]:
        """Send messages in one session, in the language the last answer says (as the page does)."""
        session, answers = None, []
        for message in messages:
            answer = self.chat(message, session, lang)
            session, lang = answer["session"], answer.get("language", lang)
            answers.append(answer)
        return answers


def start_stack(log_dir: Path, wrapper: tuple[str, ...] = (), extra_env: dict | None = None):
    """Start the stack on free ports; yields a LiveStack once every part answers, stops it afterwards."""
    stack = Stack(log_dir=log_dir, wrapper=wrapper, env={"DIGIHULP_SPEECH_ONLINE": "false", **(extra_env or {})})
    try:
        stack.start()
    except RuntimeError as error:
        pytest.fail(f"stack did not start: {error}")
    try:
        yield LiveStack(stack)
    finally:
        stack.stop()
