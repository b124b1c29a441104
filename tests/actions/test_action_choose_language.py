"""action_choose_language with rasa_sdk's real Tracker and CollectingDispatcher."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.languages import ActionChooseLanguage, named_language


def run(text: str, entities: list[dict] | None = None) -> list[dict]:
    latest = {"text": text, "intent": {"name": "choose_language", "confidence": 0.9},
              "entities": entities or [], "metadata": {"lang": "nl"}}
    tracker = Tracker(sender_id="test", slots={}, latest_message=latest, events=[], paused=False,
                      followup_action=None, active_loop={}, latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    assert ActionChooseLanguage().run(dispatcher, tracker, domain={}) == []
    return dispatcher.messages


@pytest.mark.parametrize("text, code", [
    ("do you speak english?", "en"),
    ("englsh please", "en"),
    ("spreek je engels", "en"),
    ("kan het in het arabisch", "ar"),
    ("هل تتكلم العربية", "ar"),
    ("أريد اللغة العربية", "ar"),
    ("Türkçe konuşabilir miyiz", "tr"),
    ("turkce lutfen", "tr"),
    ("in het nederlands graag", "nl"),
])
def test_finds_the_language_asked_for(text, code):
    assert named_language(text) == code


@pytest.mark.parametrize("text", ["ik spreek geen nederlands", "i don't speak dutch", "andere taal", "qwerty"])
def test_no_language_or_one_not_wanted_is_no_choice(text):
    assert named_language(text) is None


def test_a_named_language_is_chosen_and_answered_in_it():
    [message] = run("do you speak english?")
    assert message["response"] == "language_chosen"
    assert message["answer_language"] == "en"
    assert message["page_data"] == {"language": "en"}


def test_a_language_button_chooses_by_its_entity():
    [message] = run('/choose_language{"language": "tr"}', [{"entity": "language", "value": "tr"}])
    assert message["answer_language"] == "tr" and message["page_data"] == {"language": "tr"}


def test_no_language_named_asks_which():
    [message] = run("ik spreek geen nederlands")
    assert message["response"] == "language_ask"
    assert "page_data" not in message
