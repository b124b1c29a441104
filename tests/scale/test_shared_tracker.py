"""Several Rasa instances serve the same conversations (deploy/endpoints.production.yml: trackers
and locks in Redis). The launcher with two web apps, each with its own Rasa, one action server and
one NLG process, and a Redis of the test's own; the conversation goes back and forth between them and must lose nothing.

Needs Debian's redis-server (installed by scripts/setup.sh) and the trained model.
"""
from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass

import pytest
import requests

from scripts.stack import ROOT, Stack, free_port

pytestmark = pytest.mark.slow

EXPIRY_SECONDS = 600
RATE_LIMIT_DB = 2  # trackers in db 0, locks in db 1 (deploy/endpoints.production.yml)
READY_TIMEOUT_SECONDS = 60


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


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    """A Redis of its own on loopback, nothing written to disk."""
    if not shutil.which("redis-server"):
        pytest.fail("needs Debian's redis-server: apt-get install redis-server")
    port = free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while subprocess.run(["redis-cli", "-p", str(port), "PING"], capture_output=True, text=True).stdout.strip() != "PONG":
        if redis.poll() is not None or time.monotonic() > deadline:
            pytest.fail("redis-server did not start")
        time.sleep(0.2)
    yield port
    redis.terminate()
    redis.wait(timeout=20)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_port):
    """The launcher with two Rasa instances (each behind its own web app) sharing Redis stores."""
    env = {"DIGIHULP_SPEECH_ONLINE": "false", "DIGIHULP_REDIS_HOST": "127.0.0.1",
           "DIGIHULP_REDIS_PORT": str(redis_port), "DIGIHULP_TRACKER_EXPIRY_SECONDS": str(EXPIRY_SECONDS),
           # The web apps count messages in Redis too (Flask-Limiter), as deploy/compose.yaml sets it.
           "DIGIHULP_RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{redis_port}/{RATE_LIMIT_DB}"}
    stack = Stack(instances=2, workers=1, env=env, endpoints=ROOT / "deploy" / "endpoints.production.yml",
                  log_dir=tmp_path_factory.mktemp("scale-logs"))
    with stack:
        yield Cluster(Instance(stack.url("web"), stack.url("rasa")), Instance(stack.url("web_2"), stack.url("rasa_2")),
                      token=stack.rasa_token, redis_port=redis_port)


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


def test_both_web_apps_count_messages_in_one_shared_store(cluster):
    session = chat(cluster.a, "/digid", None)["session"]
    chat(cluster.b, "/digid_request", session)
    conversation = session.rsplit(".", 1)[0]
    counted = cluster.redis("-n", str(RATE_LIMIT_DB), "KEYS", f"*conversation/{conversation}*")
    assert counted, "the message count of this conversation should be in Redis"
