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

    assert fill("Bedoel je {place}?", {"place": "Zwolle"}, "nl") == "Bedoel je Zwolle?"
    assert fill("Bedoel je {place}?", {}, "nl") == "Bedoel je {place}?"


def test_the_visitors_language_comes_with_the_message(client, app):
    answer = nlg(client, "utter_welcome", metadata={"lang": "en"})
    assert answer["text"] == app.extensions["content"].get("utter_welcome", "en").text
    assert [b["title"] for b in nlg(client, "utter_talk_to_person", metadata={"lang": "en"})["buttons"]][-2:] == [
        "Back", "Start again"]


def test_an_action_can_ask_for_the_language_just_chosen(client, app):
    answer = nlg(client, "language_chosen", metadata={"lang": "nl"}, arguments={"answer_language": "tr"})
    assert answer["text"] == app.extensions["content"].get("language_chosen", "tr").text


def test_a_missing_translation_is_said_in_dutch_with_buttons_back_in_the_visitors_language(client, app):
    missing = sorted(app.extensions["content"].ids("nl") - app.extensions["content"].ids("ar"))
    item_id = next(i for i in missing if app.extensions["content"].get(i).back)
    answer = nlg(client, item_id, metadata={"lang": "ar"})
    assert answer["text"] == app.extensions["content"].get(item_id, "nl").text
    assert answer["buttons"][-2]["title"] != "Terug"


def test_distances_and_dates_are_written_for_the_language(client):
    values = {"name": "Bibliotheek Hoorn", "town": "Hoorn", "place": "Hoorn", "distance": 3,
              "opening_times": "di 10-12", "source_date": "2021-09-13"}
    dutch = nlg(client, "ido_point", arguments=values)["text"]
    english = nlg(client, "ido_point", metadata={"lang": "en"}, arguments=values)["text"]
    arabic = nlg(client, "ido_point", metadata={"lang": "ar"}, arguments=values)["text"]
    assert "3 km" in dutch and "13 september 2021" in dutch
    assert "3 km" in english and "September 13, 2021" in english
    assert "3 كم" in arabic and "سبتمبر" in arabic


def test_an_unknown_date_is_said_in_words(client):
    values = {"name": "B", "town": "T", "place": "P", "distance": 1.5, "source_date": None}
    assert "een onbekende datum" in nlg(client, "ido_point_no_times", arguments=values)["text"]
    assert "1,5 km" in nlg(client, "ido_point_no_times", arguments=values)["text"]


def test_an_actions_choices_come_before_the_content_buttons(client):
    choices = [{"title": "Zwolle", "payload": '/give_place{"place": "Zwolle"}'}]
    buttons = nlg(client, "ido_did_you_mean", arguments={"choices": choices})["buttons"]
    assert buttons[0]["title"] == "Zwolle"
    assert [b["title"] for b in buttons[1:]] == ["Terug", "Opnieuw beginnen"]


def test_kiosk_place_fills_the_here_button(client):
    buttons = nlg(client, "ido_ask_here", arguments={"kiosk_place": "Utrecht"})["buttons"]
    assert buttons[0] == {"title": "Ja, hier in Utrecht", "payload": '/give_place{"place": "Utrecht"}', "icon": "pin",
                          "lang": "nl"}



def test_each_text_carries_its_content_id_and_language(client):
    assert nlg(client, "utter_welcome")["custom"] == {"content_id": "utter_welcome", "lang": "nl"}
    assert nlg(client, "utter_welcome", metadata={"lang": "en"})["custom"] == {"content_id": "utter_welcome",
                                                                                 "lang": "en"}


def test_a_dutch_stand_in_for_a_missing_translation_says_it_is_dutch(client, app):
    missing = sorted(app.extensions["content"].ids("nl") - app.extensions["content"].ids("ar"))
    assert nlg(client, missing[0], metadata={"lang": "ar"})["custom"] == {"content_id": missing[0], "lang": "nl"}


def test_an_unknown_response_carries_the_id_of_the_text_said_instead(client):
    assert nlg(client, "utter_does_not_exist")["custom"]["content_id"] == "utter_default"


def test_an_actions_page_data_travels_beside_the_id(client):
    card = {"town": "Hoorn", "route": "https://www.openstreetmap.org/directions?to=1,2"}
    values = {"name": "B", "town": "Hoorn", "place": "Hoorn", "distance": 1, "source_date": "2021-09-13"}
    answer = nlg(client, "ido_point_no_times", arguments={**values, "page_data": {"card": card}})
    assert answer["custom"] == {"card": card, "content_id": "ido_point_no_times", "lang": "nl"}


def test_a_choice_by_payload_only_gets_the_title_its_menu_gives_in_the_visitors_language(client):
    """"Bedoel je …?" (bot/actions/clarify.py) offers intents by payload; the words come from content/."""
    choices = [{"payload": "/digid_lost"}, {"payload": "/rep_parent"}, {"payload": "/no_such_intent"},
               {"title": "Nee, iemand is overleden", "payload": "/rep_deceased"}]
    dutch = nlg(client, "clarify_ask", metadata={"lang": "nl"}, arguments={"choices": choices})["buttons"]
    # The menu's title; "Nee, het gaat om mijn kind" offered without its "Nee"; a payload without a
    # title anywhere is left out; a title the action gives is kept; then the item's own two buttons.
    assert [b["title"] for b in dutch] == ["Iets kwijt of vergeten", "Het gaat om mijn kind", "Nee, iemand is overleden",
                                           "Iets anders", "Met iemand praten"]
    english = nlg(client, "clarify_ask", metadata={"lang": "en"}, arguments={"choices": choices[:2]})["buttons"]
    assert [b["title"] for b in english] == ["I lost or forgot something", "It is about my child", "Something else",
                                             "Talk to someone"]
