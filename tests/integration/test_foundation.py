"""The whole chain, for real: web app → Rasa (trained model) → NLG endpoint and action server."""
from __future__ import annotations

import requests

START_PAYLOADS = ["/digid", "/machtigen", "/find_help"]


def test_health_reports_every_part_up(stack):
    response = requests.get(stack.base_url + "/healthz", timeout=10)
    assert response.status_code == 200
    assert response.json()["parts"] == {"web": "up", "bot": "up", "actions": "up"}


def test_each_start_button_leads_to_an_answer_with_a_next_step(stack):
    for payload in START_PAYLOADS:
        replies = stack.chat(payload)["replies"]
        assert replies and replies[-1]["text"], payload
        assert replies[-1]["buttons"], f"{payload} leaves the user without a next step"


def test_a_greeting_gets_the_welcome_and_the_three_buttons(stack):
    reply = stack.chat("hallo")["replies"][0]
    assert "DigiHulp" in reply["text"]
    assert [b["payload"] for b in reply["buttons"]] == START_PAYLOADS


def test_gibberish_gets_a_kind_answer_with_the_three_journeys_and_the_ways_out(stack):
    # No guess to make: "Bedoel je ...?" with the three journeys, then "Iets anders" and "Met iemand praten".
    reply = stack.chat("qwpoeiru zxmcnv")["replies"][-1]
    assert reply["content_id"] == "clarify_ask"
    assert [b["payload"] for b in reply["buttons"]] == [*START_PAYLOADS, "/menu", "/talk_to_person"]


def test_something_outside_the_helpers_field_is_said_so(stack):
    reply = stack.chat("ik wil een pizza bestellen")["replies"][-1]
    assert "niet mee helpen" in reply["text"]


def test_wanting_a_person_points_to_the_library(stack):
    reply = stack.chat("ik snap er niks van")["replies"][-1]
    assert "bibliotheek" in reply["text"]


def test_reset_deletes_the_conversation_in_rasa(stack):
    session = stack.chat("hallo")["session"]
    conversation = session.split(".")[0]
    assert stack.rasa_messages(conversation), "the conversation should exist before the reset"
    response = requests.post(stack.base_url + "/api/reset", json={"session": session}, timeout=10)
    assert response.status_code == 200
    assert stack.rasa_messages(conversation) == []


def test_start_again_button_forgets_the_conversation(stack):
    session = stack.chat("/digid")["session"]
    reply = stack.chat("/restart", session)["replies"][0]
    assert [b["payload"] for b in reply["buttons"]] == START_PAYLOADS
    assert stack.rasa_messages(session.split(".")[0]) == []
