"""Shared fixtures. Unit tests use the Flask app in-process; slow tests start the real stack once
(trained Rasa model, action server, web app) through the same launcher as `make run`."""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app():
    from web import create_app  # here, not at the top: tests/actions run in the bot's environment

    # RASA_URL points at a port where nothing listens: a real "bot is down", not a mock.
    return create_app({"TESTING": True, "RASA_URL": f"http://127.0.0.1:{free_port()}", "RASA_TIMEOUT_SECONDS": 2})


@pytest.fixture
def client(app):
    return app.test_client()



class Stack:
    def __init__(self, base_url: str, rasa_url: str, rasa_token: str):
        self.base_url = base_url
        self.rasa_url = rasa_url
        self.rasa_token = rasa_token

    def rasa_messages(self, conversation: str) -> list[dict]:
        """What the user and bot said, as Rasa itself holds it (asked of Rasa directly; for an
        unknown conversation Rasa answers with a fresh, empty one)."""
        url = f"{self.rasa_url}/conversations/{conversation}/tracker"
        response = requests.get(url, params={"token": self.rasa_token}, timeout=10)
        response.raise_for_status()
        return [e for e in response.json()["events"] if e["event"] in ("user", "bot")]

    def chat(self, message: str, session: str | None = None) -> dict:
        body = {"message": message, "lang": "nl"}
        if session:
            body["session"] = session
        response = requests.post(self.base_url + "/api/chat", json=body, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    def conversation(self, *messages: str) -> list[dict]:
        """Send messages in one session; the answer to each."""
        session, answers = None, []
        for message in messages:
            answer = self.chat(message, session)
            session = answer["session"]
            answers.append(answer)
        return answers


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    port, rasa_port = free_port(), free_port()
    token = secrets.token_urlsafe(16)
    command = [sys.executable, str(ROOT / "scripts" / "stack.py"), "--port", str(port),
               "--rasa-port", str(rasa_port), "--actions-port", str(free_port()),
               "--log-dir", str(tmp_path_factory.mktemp("logs"))]
    env = {**os.environ, "DIGIHULP_RASA_TOKEN": token}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    line = process.stdout.readline()  # the launcher prints one line when all parts answer
    if "draait op" not in line:
        process.kill()
        pytest.fail(f"stack did not start: {line}{process.stdout.read()}")
    yield Stack(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{rasa_port}", token)
    process.terminate()
    process.wait(timeout=30)


def pytest_collection_modifyitems(items):
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder in ("integration", "browser", "bot"):
            item.add_marker(pytest.mark.slow)
        if folder == "browser":
            item.add_marker(pytest.mark.browser)
