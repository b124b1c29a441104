"""action_check_organisation with rasa_sdk's real Tracker and CollectingDispatcher and the real data."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.organisations import ActionCheckOrganisation


def tracker_for(text: str, entities: list[dict] | None = None, lang: str = "nl") -> Tracker:
    latest = {"text": text, "intent": {"name": "machtigen_check_org", "confidence": 0.9},
              "entities": entities or [], "metadata": {"lang": lang}}
    return Tracker(sender_id="test", slots={"organisation": None}, latest_message=latest,
                   events=[], paused=False, followup_action=None, active_loop={},
                   latest_action_name="action_listen")


def run(text: str, entities: list[dict] | None = None, lang: str = "nl") -> tuple[list[dict], list]:
    dispatcher = CollectingDispatcher()
    events = ActionCheckOrganisation().run(dispatcher, tracker_for(text, entities, lang), domain={})
    return dispatcher.messages, events


def entity(value: str) -> dict:
    return {"entity": "organisation", "value": value, "start": 0, "end": len(value)}


def test_name():
    assert ActionCheckOrganisation().name() == "action_check_organisation"


@pytest.mark.parametrize("text, value, response, name", [
    ("kan ik machtigen voor de belastingsdienst", "belastingsdienst", "org_yes", "de Belastingdienst"),
    ("uvw", "uvw", "org_yes", "het UWV"),
    ("gemeente utrecht", "gemeente utrecht", "org_partial", "de gemeente"),
    ("kan het bij het cjib", "cjib", "org_no", "het CJIB"),
    ("en de berichtenbox?", "berichtenbox", "org_no", "de Berichtenbox"),
])
def test_answers_with_the_status_response_and_the_facts(text, value, response, name):
    messages, events = run(text, [entity(value)])
    assert len(messages) == 1
    message = messages[0]
    assert message["response"] == response
    assert message["organisation"] == name
    assert message["what_works"] and message["alternative"] and message["as_of"]
    assert events == [SlotSet("organisation", None)]


def test_gives_the_date_as_data_for_the_web_app_to_write_out():
    messages, _ = run("waterschap", [entity("waterschap")])
    assert messages[0]["as_of"] == "2023-12"


def test_answers_in_the_visitors_language():
    messages, _ = run("can i authorise someone for the belastingdienst", [entity("belastingdienst")], lang="en")
    assert "Tax" in messages[0]["organisation"]
    assert "je" not in messages[0]["what_works"].split()


def test_no_entity_falls_back_to_the_typed_text():
    messages, _ = run("mag mijn zoon bij de svb voor mij inloggen")
    assert messages[0]["response"] == "org_yes"
    assert messages[0]["organisation"] == "de SVB"


def test_unknown_organisation_is_not_repeated_back():
    messages, _ = run("kan ik machtigen voor de bakker", [entity("bakker")])
    assert messages[0]["response"] == "org_not_found"
    assert "bakker" not in str(messages)


def test_a_button_without_a_name_asks_which_organisation():
    messages, events = run("/machtigen_check_org")
    assert [m["response"] for m in messages] == ["org_ask"]
    assert events == [SlotSet("organisation", None)]
