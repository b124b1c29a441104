"""The NLG endpoint Rasa calls: texts from content/, values filled in, navigation added."""
from __future__ import annotations


def nlg(client, response, metadata=None, arguments=None, slots=None):
    body = {
        "response": response,
        "arguments": arguments or {},
        "tracker": {"sender_id": "x", "slots": slots or {}, "latest_message": {"metadata": metadata or {}}},
        "channel": {"name": "rest"},
    }
    return client.post("/nlg", json=body).get_json()


def test_renders_the_content_text_and_buttons(client, app):
    answer = nlg(client, "utter_welcome")
    item = app.extensions["content"].get("utter_welcome")
    assert answer["text"] == item.text
    assert [b["title"] for b in answer["buttons"]] == [b.title for b in item.buttons]


def test_item_with_back_gets_back_and_restart_buttons(client):
    titles = [b["title"] for b in nlg(client, "utter_talk_to_person")["buttons"]]
    assert titles[-2:] == ["Terug", "Opnieuw beginnen"]


def test_unknown_language_falls_back_to_dutch(client, app):
    answer = nlg(client, "utter_welcome", metadata={"lang": "xx"})
    assert answer["text"] == app.extensions["content"].get("utter_welcome").text


def test_unknown_response_gets_the_not_understood_text(client, app):
    assert nlg(client, "utter_does_not_exist")["text"] == app.extensions["content"].get("utter_default").text


def test_placeholders_are_filled_from_arguments(app):
    from web.content.render import fill

    assert fill("Bedoel je {place}?", {"place": "Zwolle"}) == "Bedoel je Zwolle?"
    assert fill("Bedoel je {place}?", {}) == "Bedoel je {place}?"


def test_an_actions_choices_come_before_the_content_buttons(client):
    choices = [{"title": "Zwolle", "payload": '/give_place{"place": "Zwolle"}'}]
    buttons = nlg(client, "ido_did_you_mean", arguments={"choices": choices})["buttons"]
    assert buttons[0]["title"] == "Zwolle"
    assert [b["title"] for b in buttons[1:]] == ["Terug", "Opnieuw beginnen"]


def test_kiosk_place_fills_the_here_button(client):
    buttons = nlg(client, "ido_ask_here", arguments={"kiosk_place": "Utrecht"})["buttons"]
    assert buttons[0] == {"title": "Ja, hier in Utrecht", "payload": '/give_place{"place": "Utrecht"}', "icon": "pin"}

