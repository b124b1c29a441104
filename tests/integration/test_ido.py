"""The ido journey ("Hulp in de buurt") through /api/chat, with the real model, form, action server and shipped data."""
from __future__ import annotations

import pytest


def search(stack, *typed):
    answers = stack.conversation("/find_help", *typed)
    assert "postcode" in answers[0]["replies"][0]["text"]
    return answers[-1]["replies"]


def cards(replies):
    return [r["custom"]["card"] for r in replies if (r.get("custom") or {}).get("card")]


def test_a_postcode_gives_up_to_three_cards_with_route_links(stack):
    replies = search(stack, "3511 AB")
    assert replies[0]["text"].startswith("Hier kun je gratis hulp krijgen, in de buurt van 3511 Utrecht")
    found = cards(replies)
    assert 1 <= len(found) <= 3
    assert all(c["route"].startswith("https://www.openstreetmap.org/directions?to=") for c in found)
    assert "bibliotheek in Utrecht" in replies[-1]["text"]


def test_a_town_with_an_other_name_is_found(stack):
    replies = search(stack, "Den Bosch")
    assert "'s-Hertogenbosch" in replies[0]["text"] and cards(replies)


def test_a_misspelt_town_is_found(stack):
    assert cards(search(stack, "utreg"))


def test_a_near_miss_asks_which_town_and_the_button_finds_it(stack):
    answers = stack.conversation("/find_help", "Zwole")
    question = answers[-1]["replies"][0]
    zwolle = next(b for b in question["buttons"] if b["title"] == "Zwolle")
    replies = stack.chat(zwolle["payload"], answers[-1]["session"])["replies"]
    assert "Zwolle" in replies[0]["text"] and cards(replies)


def test_an_unknown_place_gets_a_kind_question_back(stack):
    replies = search(stack, "Blubberdam")
    assert replies[0]["text"].startswith("Die plaats ken ik niet")
    assert "Blubberdam" not in replies[0]["text"]


def test_a_place_abroad_gets_the_national_route(stack):
    replies = search(stack, "1000 Brussel")
    assert "niet in Nederland" in replies[0]["text"] and "netherlandsworldwide.nl" in replies[0]["text"]


def test_a_place_typed_straight_away_is_searched(stack):
    replies = stack.chat("ik woon in Ruinen")["replies"]
    assert "Ruinen" in replies[0]["text"] and cards(replies)


def test_a_kiosk_offers_help_where_it_stands_first(kiosk_stack):
    question = kiosk_stack.chat("/find_help")
    here = question["replies"][0]["buttons"][0]
    assert question["replies"][0]["text"].startswith("Zoek je hulp hier in de buurt?")
    assert here["title"] == "Ja, hier in Utrecht"
    replies = kiosk_stack.chat(here["payload"], question["session"])["replies"]
    assert "Utrecht" in replies[0]["text"] and cards(replies)


# Issue 15: places wherever they appear, same-name places, and questions inside the place question.

def content_ids(replies):
    return [r.get("content_id") for r in replies]


def card_names(replies):
    return [c["name"] for c in cards(replies)]


@pytest.mark.parametrize("typed, place, point", [
    ("kan iemand mij in Deventer helpen met die digid", "Deventer", None),
    ("informatiepunt Enschede", "Enschede", "Bibliotheek Enschede Centrale (Ontwikkelplein)"),
    ("is er een bieb bij mij in sneek waar ze helpen", "Sneek", "Bibliotheek Sneek"),
    ("bibliotheek in de buurt van 7411", "7411 Deventer", None),
])
def test_a_place_inside_a_sentence_searches_there_at_once(stack, typed, place, point):
    replies = stack.chat(typed)["replies"]
    assert replies[0]["content_id"] in ("ido_found", "ido_none_near")
    assert f"in de buurt van {place}." in replies[0]["text"] or f"dichtbij {place}." in replies[0]["text"]
    assert cards(replies)
    if point:
        assert card_names(replies)[0] == point


def test_a_town_typed_alone_is_searched_also_outside_the_question(stack):
    replies = stack.chat("Sneek")["replies"]
    assert "Sneek" in replies[0]["text"] and card_names(replies)[0] == "Bibliotheek Sneek"


def test_a_name_two_places_have_asks_which_and_searches_the_chosen_one(stack):
    question = stack.conversation("/find_help", "hengelo")[-1]
    asked = question["replies"][0]
    assert asked["content_id"] == "ido_which_place"
    assert [b["title"] for b in asked["buttons"]][:2] == ["Hengelo (Overijssel)", "Hengelo (Gelderland)"]
    gelderland = asked["buttons"][1]
    replies = stack.chat(gelderland["payload"], question["session"])["replies"]
    assert "Hengelo (Gld)" in replies[0]["text"] and cards(replies)
    assert "bibliotheek in Bronckhorst" in replies[-1]["text"]  # the own library of Hengelo in Gelderland
    assert "Bibliotheek Hengelo" not in card_names(replies)  # not Twente, 50 km away


def test_a_journey_question_inside_the_place_question_is_answered_then_the_search_offered(stack):
    answers = stack.conversation("/find_help", "ik heb helemaal geen smartphone alleen een oude nokia")
    replies = answers[-1]["replies"]
    assert "utter_digid_no_smartphone" in content_ids(replies)
    assert "ido_unknown_place" not in content_ids(replies)
    offer = replies[-1]
    assert offer["content_id"] == "utter_ido_offer_again" and offer["text"].startswith("Zal ik nog hulp")
    yes = next(b for b in offer["buttons"] if b["payload"] == "/find_help")
    again = stack.chat(yes["payload"], answers[-1]["session"])["replies"]
    assert again[0]["content_id"] == "ido_ask_place"
    replies = stack.chat("Sneek", answers[-1]["session"])["replies"]
    assert card_names(replies)[0] == "Bibliotheek Sneek"


def test_a_lost_digid_inside_the_place_question_gets_its_answer(stack):
    replies = stack.conversation("/find_help", "mijn digid is kwijt wat nu")[-1]["replies"]
    assert replies[0]["content_id"] in ("utter_digid_lost", "utter_digid_forgot")
    assert "ido_unknown_place" not in content_ids(replies)


@pytest.mark.parametrize("word", ["xyzzy", "morgen"])
def test_a_word_that_is_no_place_gets_the_ways_to_type_one_not_the_menu(stack, word):
    replies = search(stack, word)
    assert content_ids(replies) == ["ido_unknown_place"]
    assert "postcode" in replies[0]["text"] and word not in replies[0]["text"]


@pytest.mark.parametrize("typed, lang", [("bieb in zwole", "nl"), ("library in zwole", "en")])
def test_a_misspelt_place_inside_a_sentence_offers_the_town_and_its_button_finds_it(stack, typed, lang):
    """The question says "Kies je plaats hieronder": the place must be there to choose."""
    answer = stack.chat(typed, lang=lang)
    [asked] = answer["replies"]
    assert asked["content_id"] == "ido_did_you_mean"
    zwolle = next(b for b in asked["buttons"] if b["title"] == "Zwolle")
    replies = stack.chat(zwolle["payload"], answer["session"], lang=lang)["replies"]
    assert card_names(replies)[0] == "Bibliotheek Zwolle"


# The English side of the same journey: places in English sentences, and Dutch words in them.
@pytest.mark.parametrize("typed, found", [
    ("where is the bieb in zwolle", "Here you can get free help, near Zwolle."),
    ("is there help in a library near 7411", "Here you can get free help, near 7411 Deventer."),
    ("Sneek", "Here you can get free help, near Sneek."),
])
def test_a_place_in_an_english_sentence_searches_there_at_once(stack, typed, found):
    replies = stack.chat(typed, lang="en")["replies"]
    assert replies[0]["text"].startswith(found) and cards(replies)
    assert replies[-1]["buttons"][0]["title"] == "Search in another place"


def test_a_name_two_places_have_asks_which_in_english_too(stack):
    asked = stack.conversation("/find_help", "bergen", lang="en")[-1]["replies"][0]
    assert asked["text"].startswith("More than one place has that name.")
    assert [b["title"] for b in asked["buttons"]][:2] == ["Bergen (Noord-Holland)", "Bergen (Limburg)"]


def test_a_journey_question_inside_the_english_place_question_is_answered_then_the_search_offered(stack):
    replies = stack.conversation("/find_help", "i have no smartphone", lang="en")[-1]["replies"]
    assert content_ids(replies)[0] == "utter_digid_no_smartphone"
    assert replies[-1]["text"] == "Shall I still look for help near you?"
