"""Tracker stores that forget: an emptied conversation is deleted, idle ones expire.

The web app empties a tracker (PUT .../tracker/events with []) when a user presses
"Stoppen en alles wissen". Rasa's own stores would keep it: InMemoryTrackerStore keeps the empty
tracker forever, and RedisTrackerStore merges the empty one with the stored one.
ForgetfulTrackerStore (endpoints.yml, one machine): expiry from DIGIHULP_TRACKER_EXPIRY_SECONDS (1800).
ForgetfulRedisTrackerStore (deploy/endpoints.production.yml, several Rasa instances): Redis
expires the keys itself (record_exp, the same DIGIHULP_TRACKER_EXPIRY_SECONDS).
"""
from __future__ import annotations

import os
import time
from typing import Any, Dict, Optional, Text

from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker


class ForgetfulTrackerStore(InMemoryTrackerStore):
    def __init__(self, domain: Domain, event_broker=None, **kwargs: Dict[Text, Any]) -> None:
        expiry = kwargs.pop("expiry_seconds", None) or os.environ.get("DIGIHULP_TRACKER_EXPIRY_SECONDS", 1800)
        self.expiry_seconds = float(expiry)
        self.last_used: Dict[Text, float] = {}
        super().__init__(domain, event_broker, **kwargs)

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._forget_expired()
        if not tracker.events:
            self._delete(tracker.sender_id)
            return
        await super().save(tracker)
        self.last_used[tracker.sender_id] = time.monotonic()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._forget_expired()
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        # The HTTP API (the page's history) reads through here: an expired conversation is gone.
        self._forget_expired()
        return await super().retrieve_full_tracker(sender_id)

    def _delete(self, sender_id: Text) -> None:
        self.store.pop(sender_id, None)
        self.last_used.pop(sender_id, None)

    def _forget_expired(self) -> None:
        cutoff = time.monotonic() - self.expiry_seconds
        for sender_id in [s for s, used in self.last_used.items() if used < cutoff]:
            self._delete(sender_id)


class ForgetfulRedisTrackerStore(RedisTrackerStore):
    """Rasa's Redis store, except that an emptied tracker is deleted."""

    async def save(self, tracker: DialogueStateTracker, timeout: Optional[float] = None) -> None:
        if not tracker.events:
            self.red.delete(self.key_prefix + tracker.sender_id)
            return
        await super().save(tracker, timeout)
