"""The IDO actions with rasa_sdk's real Tracker and dispatcher, and the real search and data."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.find_help import ActionAskPlace, ActionFindHelp, ValidateIdoForm


def tracker(slots: dict | None = None, text: str = "") -> Tracker:
    return Tracker("test", slots or {}, {"text": text, "intent": {}, "entities": []}, [], False, None,
                   {"name": "ido_form"}, "action_listen")


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages]


def test_a_known_postcode_is_accepted():
    result = ValidateIdoForm().validate_place("3511 AB", CollectingDispatcher(), tracker(), {})
    assert result == {"place": "3511 AB", "place_problem": None}


def test_a_misspelt_town_asks_which_town_is_meant():
    result = ValidateIdoForm().validate_place("Zwole", CollectingDispatcher(), tracker(), {})
    assert result["place"] is None
    assert result["place_problem"].startswith("suggest:") and "Zwolle" in result["place_problem"]


def test_nonsense_is_unknown():
    result = ValidateIdoForm().validate_place("qqqq zzzz", CollectingDispatcher(), tracker(), {})
    assert result == {"place": None, "place_problem": "unknown"}


def test_the_question_offers_the_suggestions_as_buttons():
    dispatcher = CollectingDispatcher()
    ActionAskPlace().run(dispatcher, tracker({"place_problem": "suggest:Zwolle|Zwolle (Ov)"}), {})
    [message] = dispatcher.messages
    assert message["response"] == "ido_did_you_mean"
    assert [c["title"] for c in message["choices"]] == ["Zwolle", "Zwolle (Ov)"]
    assert message["choices"][0]["payload"] == '/give_place{"place": "Zwolle"}'


def test_the_first_question_is_plain():
    dispatcher = CollectingDispatcher()
    ActionAskPlace().run(dispatcher, tracker(), {})
    assert responses(dispatcher) == ["ido_ask_place"]


def test_found_points_come_as_cards_and_end_with_the_own_library():
    dispatcher = CollectingDispatcher()
    events = ActionFindHelp().run(dispatcher, tracker({"place": "Utrecht"}), {})
    said = responses(dispatcher)
    assert said[0] in ("ido_found", "ido_none_near")
    assert said[-1] == "ido_own_library"
    assert said[-2] == "ido_credit"  # the licence credit of the place data, right after the points
    cards = [m["page_data"]["card"] for m in dispatcher.messages if m.get("page_data")]
    assert 1 <= len(cards) <= 3
    assert all(c["route"].startswith("https://www.openstreetmap.org/directions?") for c in cards)
    assert [c["km"] for c in cards] == sorted(c["km"] for c in cards)
    assert SlotSet("place", None) in events


def test_a_foreign_place_gets_the_national_route():
    dispatcher = CollectingDispatcher()
    ActionFindHelp().run(dispatcher, tracker({"place": "75001 Paris"}), {})
    assert responses(dispatcher) == ["ido_foreign"]


def test_what_the_user_typed_is_never_said_back():
    typed = "Zwollleee"
    dispatcher = CollectingDispatcher()
    ActionAskPlace().run(dispatcher, tracker({"place_problem": "unknown"}, typed), {})
    assert typed not in str(dispatcher.messages)


def test_a_kiosk_offers_its_own_place_first():
    kiosk = Tracker("test", {}, {"text": "/find_help"}, [{"event": "user", "text": "/find_help",
                    "metadata": {"kiosk_place": "Utrecht"}}], False, None, {"name": "ido_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    ActionAskPlace().run(dispatcher, kiosk, {})
    assert responses(dispatcher) == ["ido_ask_here"]
    assert dispatcher.messages[0]["kiosk_place"] == "Utrecht"


def test_a_name_more_places_have_asks_which_with_the_province():
    """Issue 15: "Hengelo" is asked about, not sent silently to Twente."""
    result = ValidateIdoForm().validate_place("hengelo", CollectingDispatcher(), tracker(), {})
    assert result == {"place": None, "place_problem": "which:Hengelo (Overijssel)|Hengelo (Gelderland)"}
    dispatcher = CollectingDispatcher()
    ActionAskPlace().run(dispatcher, tracker(result), {})
    [message] = dispatcher.messages
    assert message["response"] == "ido_which_place"
    assert [c["payload"] for c in message["choices"]] == [
        '/give_place{"place": "Hengelo (Overijssel)"}', '/give_place{"place": "Hengelo (Gelderland)"}']


def test_the_chosen_one_of_two_same_name_places_is_searched_there():
    chosen = "Bergen (Limburg)"
    assert ValidateIdoForm().validate_place(chosen, CollectingDispatcher(), tracker(), {})["place"] == chosen
    dispatcher = CollectingDispatcher()
    ActionFindHelp().run(dispatcher, tracker({"place": chosen}), {})
    first = dispatcher.messages[0]
    assert first["place"] == "Bergen L"
    assert dispatcher.messages[-1]["gemeente"] == "Bergen (L)"
