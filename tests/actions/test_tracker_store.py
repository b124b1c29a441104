"""bot/tracker_store.py: a conversation is deleted when the web app empties it, and after
DIGIHULP_TRACKER_EXPIRY_SECONDS without use (the one expiry setting, in seconds, for both stores)."""
from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import tracker_store
from tracker_store import ForgetfulTrackerStore


def run(coroutine):
    return asyncio.run(coroutine)


def test_an_idle_conversation_expires_after_the_seconds_set(monkeypatch):
    monkeypatch.setenv("DIGIHULP_TRACKER_EXPIRY_SECONDS", "90")
    clock = [1000.0]
    monkeypatch.setattr(tracker_store.time, "monotonic", lambda: clock[0])
    store = ForgetfulTrackerStore(Domain.empty())
    run(store.save(DialogueStateTracker.from_events("visitor", [UserUttered("hoi")])))
    clock[0] += 89
    assert run(store.retrieve("visitor")) is not None
    clock[0] += 2
    assert run(store.retrieve("visitor")) is None


def test_an_emptied_conversation_is_deleted_at_once():
    store = ForgetfulTrackerStore(Domain.empty())
    run(store.save(DialogueStateTracker.from_events("visitor", [UserUttered("hoi")])))
    run(store.save(DialogueStateTracker.from_events("visitor", [])))
    assert "visitor" not in store.store
