"""Several Rasa instances serve the same conversations (deploy/endpoints.production.yml: trackers
and locks in Redis). Two web apps, each with its own Rasa, one action server, one Redis; the
conversation goes back and forth between them and must lose nothing.

Needs Debian's redis-server (installed by scripts/setup.sh) and the trained model.
"""
from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from livestack import free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BOT_BIN = ROOT / ".venv" / "bot" / "bin"
WEB_BIN = ROOT / ".venv" / "web" / "bin"
MODEL = ROOT / "bot" / "models" / "digihulp.tar.gz"
EXPIRY_SECONDS = 600
READY_TIMEOUT_SECONDS = 240


@dataclass
class Instance:
    web_url: str
    rasa_url: str


@dataclass
class Cluster:
    a: Instance
    b: Instance
    token: str
    redis_port: int

    def redis(self, *command: str) -> str:
        result = subprocess.run(["redis-cli", "-p", str(self.redis_port), *command],
                                capture_output=True, text=True, check=True, timeout=10)
        return result.stdout.strip()

    def said(self, instance: Instance, conversation: str) -> list[tuple[str, str]]:
        """Who said what, as this Rasa instance reads the conversation."""
        url = f"{instance.rasa_url}/conversations/{conversation}/tracker"
        events = requests.get(url, params={"token": self.token}, timeout=10).json()["events"]
        return [(e["event"], e.get("text") or "") for e in events if e["event"] in ("user", "bot")]


def chat(instance: Instance, message: str, session: str | None) -> dict:
    body = {"message": message, "lang": "nl", **({"session": session} if session else {})}
    response = requests.post(instance.web_url + "/api/chat", json=body, timeout=30)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["bot_available"], answer
    return answer


def wait_for(check, processes: dict[str, subprocess.Popen], log_dir: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not check():
        stopped = [name for name, p in processes.items() if p.poll() is not None]
        if stopped or time.monotonic() > deadline:
            pytest.fail(f"did not start ({stopped or 'timeout'}); logs in {log_dir}")
        time.sleep(1)


def answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not shutil.which("redis-server"):
        pytest.fail("needs Debian's redis-server: apt-get install redis-server")
    log_dir = tmp_path_factory.mktemp("scale-logs")
    token, secret_key = secrets.token_urlsafe(16), secrets.token_hex(32)
    redis_port, actions_port = free_port(), free_port()
    web_ports, rasa_ports = (free_port(), free_port()), (free_port(), free_port())
    actions_url = f"http://127.0.0.1:{actions_port}"
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SANIC_HOST": "127.0.0.1",
           "DIGIHULP_ACTIONS_URL": actions_url, "DIGIHULP_RASA_TOKEN": token, "DIGIHULP_SECRET_KEY": secret_key,
           "DIGIHULP_SPEECH_ONLINE": "false", "DIGIHULP_REDIS_HOST": "127.0.0.1",
           "DIGIHULP_REDIS_PORT": str(redis_port), "DIGIHULP_TRACKER_EXPIRY_SECONDS": str(EXPIRY_SECONDS),
           # Both Rasa instances ask web app A for their texts.
           "DIGIHULP_NLG_URL": f"http://127.0.0.1:{web_ports[0]}/nlg"}
    commands = {
        "redis": (["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1",
                   "--save", "", "--appendonly", "no"], ROOT, {}),
        "actions": ([str(BOT_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions",
                     "--port", str(actions_port)], ROOT / "bot", {}),
    }
    for name, rasa_port, web_port in zip("ab", rasa_ports, web_ports):
        commands[f"rasa_{name}"] = (
            [str(BOT_BIN / "rasa"), "run", "--enable-api", "--interface", "127.0.0.1", "--port", str(rasa_port),
             "--auth-token=" + token, "--model", str(MODEL), "--credentials", "credentials.yml",
             "--endpoints", str(ROOT / "deploy" / "endpoints.production.yml")], ROOT / "bot", {})
        commands[f"web_{name}"] = (
            [str(WEB_BIN / "gunicorn"), "--workers", "1", "--threads", "8", "--bind", f"127.0.0.1:{web_port}",
             "web:create_app()"], ROOT, {"DIGIHULP_RASA_URL": f"http://127.0.0.1:{rasa_port}"})
    processes = {}
    try:
        for name, (command, cwd, extra_env) in commands.items():
            log = open(log_dir / f"{name}.log", "ab")
            processes[name] = subprocess.Popen(command, cwd=cwd, env={**env, **extra_env},
                                               stdout=log, stderr=subprocess.STDOUT)
        # /healthz answers 200 only when its Rasa and the action server answer too.
        wait_for(lambda: all(answers(f"http://127.0.0.1:{p}/healthz") for p in web_ports), processes, log_dir)
        yield Cluster(*(Instance(f"http://127.0.0.1:{w}", f"http://127.0.0.1:{r}") for w, r in zip(web_ports, rasa_ports)),
                      token=token, redis_port=redis_port)
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_conversation_alternating_between_instances_keeps_its_state(cluster):
    first = chat(cluster.a, "/find_help", None)
    session = first["session"]
    assert "postcode" in first["replies"][0]["text"]

    # B never saw this conversation's messages: the form state set through A comes from Redis.
    found = chat(cluster.b, "3511 AB", session)
    assert found["replies"][0]["text"].startswith("Hier kun je gratis hulp krijgen")
    assert any("card" in (r.get("custom") or {}) for r in found["replies"])

    chat(cluster.a, "/digid", session)
    chat(cluster.b, "ik heb geen smartfoon", session)

    conversation = session.rsplit(".", 1)[0]
    seen_by_a, seen_by_b = cluster.said(cluster.a, conversation), cluster.said(cluster.b, conversation)
    assert seen_by_a == seen_by_b
    typed = [text for event, text in seen_by_a if event == "user"]
    assert typed == ["/find_help", "3511 AB", "/digid", "ik heb geen smartfoon"]


def test_conversations_in_redis_expire(cluster):
    session = chat(cluster.a, "/digid", None)["session"]
    ttl = int(cluster.redis("TTL", "tracker:" + session.rsplit(".", 1)[0]))
    assert 0 < ttl <= EXPIRY_SECONDS


def test_reset_through_one_instance_erases_the_conversation_for_all(cluster):
    session = chat(cluster.a, "/digid", None)["session"]
    requests.post(cluster.b.web_url + "/api/reset", json={"session": session}, timeout=10).raise_for_status()
    assert cluster.said(cluster.a, session.rsplit(".", 1)[0]) == []
