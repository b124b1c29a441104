"""bot/content_nlg.py: what Rasa sends to the web app's /nlg for each text — the slots and the
latest message (its language), not the whole conversation."""
from __future__ import annotations

import asyncio

import pytest

from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from content_nlg import ContentNaturalLanguageGenerator

DOMAIN = Domain.from_dict({"slots": {"place": {"type": "text", "mappings": [{"type": "custom"}]}}})


def a_long_conversation() -> DialogueStateTracker:
    events = []
    for turn in range(50):
        events += [UserUttered(f"vraag {turn}", metadata={"lang": "en"}), BotUttered(f"antwoord {turn}")]
    return DialogueStateTracker.from_events("visitor", [*events, SlotSet("place", "Zwolle")], slots=DOMAIN.slots)


def test_endpoints_name_it_and_rasa_makes_it():
    nlg = NaturalLanguageGenerator.create(
        EndpointConfig("http://nlg", type="content_nlg.ContentNaturalLanguageGenerator"), DOMAIN)
    assert isinstance(nlg, ContentNaturalLanguageGenerator)


def test_the_request_holds_the_slots_and_the_language_not_the_events(monkeypatch):
    nlg = ContentNaturalLanguageGenerator(EndpointConfig("http://nlg"))
    sent = {}

    async def request(method, json, timeout):
        sent.update(json)
        return {"text": "Hallo", "buttons": [], "custom": {"content_id": "utter_welcome", "lang": "en"}}

    monkeypatch.setattr(nlg.nlg_endpoint, "request", request)
    answer = asyncio.run(nlg.generate("utter_welcome", a_long_conversation(), "rest", choices=[]))
    assert answer["text"] == "Hallo"
    assert sent["response"] == "utter_welcome" and sent["arguments"] == {"choices": []}
    assert sent["tracker"]["slots"]["place"] == "Zwolle"
    assert sent["tracker"]["latest_message"]["metadata"] == {"lang": "en"}
    assert sent["tracker"]["events"] is None


def test_an_answer_not_in_rasas_format_is_refused(monkeypatch):
    nlg = ContentNaturalLanguageGenerator(EndpointConfig("http://nlg"))

    async def request(method, json, timeout):
        return {"text": 42}

    monkeypatch.setattr(nlg.nlg_endpoint, "request", request)
    with pytest.raises(RasaException):
        asyncio.run(nlg.generate("utter_welcome", a_long_conversation(), "rest"))
