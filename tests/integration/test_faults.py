"""Faults, for real: parts of a stack of its own are paused, killed and brought back.

What the user sees must stay kind (never a 5xx), arrive within 4 s, and nothing they had is lost
as long as Rasa itself keeps running (its conversations live in its memory; see deploy/ for the
Redis tracker store that survives a restart).
"""
from __future__ import annotations

import os
import signal
import time

import pytest
import requests

from livestack import start_stack

START_LINKS = ["/gids/digid", "/gids/machtigen", "/gids/find_help"]


@pytest.fixture(scope="module")
def fault_stack(tmp_path_factory):
    yield from start_stack(tmp_path_factory.mktemp("faults"))


def timed_chat(stack, message, session=None):
    started = time.monotonic()
    body = {"message": message, "session": session} if session else {"message": message}
    response = requests.post(stack.base_url + "/api/chat", json=body, timeout=30)
    return response, time.monotonic() - started


def test_a_hanging_bot_gets_a_kind_answer_in_time_and_the_conversation_carries_on(fault_stack):
    session = fault_stack.chat("/digid")["session"]
    rasa = fault_stack.pid("rasa")
    os.kill(rasa, signal.SIGSTOP)
    try:
        response, seconds = timed_chat(fault_stack, "ik heb geen smartfoon", session)
        assert response.status_code == 200 and seconds < 4.0, seconds
        body = response.json()
        assert body["bot_available"] is False
        assert [link["url"] for link in body["replies"][0]["links"]] == START_LINKS
        assert requests.get(fault_stack.base_url + "/healthz", timeout=10).status_code == 503
        assert requests.get(fault_stack.base_url + "/gids/digid", timeout=10).status_code == 200
    finally:
        os.kill(rasa, signal.SIGCONT)
    answer = fault_stack.chat("/digid_no_smartphone", session)
    assert answer["bot_available"] is True
    said = [m.get("text") for m in fault_stack.rasa_messages(session.split(".")[0])]
    assert "/digid" in said, "what the user did before the fault is still there"


def test_a_killed_bot_is_started_again_and_helps_again(fault_stack):
    os.kill(fault_stack.pid("rasa"), signal.SIGKILL)
    response, seconds = timed_chat(fault_stack, "hallo")
    assert response.status_code == 200 and seconds < 4.0
    assert response.json()["bot_available"] is False
    fault_stack.wait_until_healthy()
    assert fault_stack.chat("hallo")["bot_available"] is True


def test_a_killed_action_server_gives_a_kind_answer_and_comes_back(fault_stack):
    session = fault_stack.chat("/find_help")["session"]
    os.kill(fault_stack.pid("actions"), signal.SIGKILL)
    response, seconds = timed_chat(fault_stack, "3511 AB", session)
    assert response.status_code == 200 and seconds < 4.0
    body = response.json()
    assert body["bot_available"] is False, body  # said truthfully, not "I don't understand"
    assert [link["url"] for link in body["replies"][0]["links"]] == START_LINKS
    fault_stack.wait_until_healthy()
    answer = fault_stack.chat("3511 AB", fault_stack.chat("/find_help")["session"])
    assert any(r.get("custom", {}).get("card") for r in answer["replies"])
