"""The real stack for slow tests: started with scripts/stack.py on free ports, as `make run` does."""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
# The kiosk stack's idle and grace times: short, so the kiosk tests need not wait minutes.
KIOSK_IDLE_SECONDS, KIOSK_GRACE_SECONDS = 4, 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    def __init__(self, base_url: str, rasa_url: str, rasa_token: str, log_dir: Path, ports: dict[str, int]):
        self.base_url = base_url
        self.ports = ports  # web, rasa, actions
        self.log_dir = log_dir
        self.rasa_url = rasa_url
        self.rasa_token = rasa_token

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
        """The process id of a running part ("rasa" or "actions"), found by its port."""
        pattern = {"rasa": f"rasa run .*--port {self.ports['rasa']}",
                   "actions": f"rasa_sdk .*--port {self.ports['actions']}"}[part]
        found = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
        assert len(found) == 1, (part, found)
        return int(found[0])

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
    """Start scripts/stack.py on free ports; yields a Stack once every part answers."""
    port, rasa_port, actions_port = free_port(), free_port(), free_port()
    token = secrets.token_urlsafe(16)
    command = [*wrapper, sys.executable, str(ROOT / "scripts" / "stack.py"), "--port", str(port),
               "--rasa-port", str(rasa_port), "--actions-port", str(actions_port), "--nlg-port", str(free_port()),
               "--log-dir", str(log_dir)]
    env = {**os.environ, "DIGIHULP_RASA_TOKEN": token, "DIGIHULP_SPEECH_ONLINE": "false", **(extra_env or {})}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    line = process.stdout.readline()  # the launcher prints one line when all parts answer
    if "draait op" not in line:
        process.kill()
        pytest.fail(f"stack did not start: {line}{process.stdout.read()}")
    ports = {"web": port, "rasa": rasa_port, "actions": actions_port}
    yield Stack(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{rasa_port}", token, log_dir, ports)
    # Stop the launcher itself (under strace, `process` is strace): it stops its three parts.
    launcher = subprocess.run(["pgrep", "-f", f"scripts/stack.py --port {port} "], capture_output=True, text=True)
    for pid in launcher.stdout.split():
        os.kill(int(pid), signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
