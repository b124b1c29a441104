"""The ido journey ("Hulp in de buurt") through /api/chat, with the real model, form, action server and shipped data."""
from __future__ import annotations


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
