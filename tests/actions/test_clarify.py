"""action_clarify ("Bedoel je …?") with rasa_sdk's real Tracker and CollectingDispatcher, on trackers as
Rasa sends them: the question the helper asked (a bot event with the buttons /nlg rendered) and the
typed answer with its intent ranking."""
from __future__ import annotations

from pathlib import Path

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.clarify import OFFERED_NEVER, ActionClarify

ROOT = Path(__file__).resolve().parents[2]
ASK_COURT = [
    {"title": "Ja, de rechter heeft mij aangewezen", "payload": "/legal_rep", "icon": "arrow"},
    {"title": "Nee, de persoon geeft mij toestemming", "payload": "/machtigen_get", "icon": "arrow"},
    {"title": "Nee, het gaat om mijn kind", "payload": "/rep_parent", "icon": "arrow"},
    {"title": "Nee, iemand is overleden", "payload": "/rep_deceased", "icon": "arrow"},
    {"title": "Terug", "payload": "/machtigen", "icon": "back"},
    {"title": "Opnieuw beginnen", "payload": "/restart", "icon": "restart"},
]
ROLE = [
    {"title": "Bewindvoerder voor familie", "payload": "/rep_bewindvoerder", "icon": "arrow"},
    {"title": "Bewindvoerder als beroep", "payload": "/rep_professional", "icon": "arrow"},
    {"title": "Curator", "payload": "/rep_curator", "icon": "arrow"},
    {"title": "Mentor", "payload": "/rep_mentor", "icon": "arrow"},
    {"title": "Terug", "payload": "/machtigen_for_other", "icon": "back"},
]


def user(text: str, intent: str, ranking: list[tuple[str, float]] | None = None) -> dict:
    ranking = [{"name": n, "confidence": c} for n, c in (ranking or [(intent, 0.9)])]
    return {"event": "user", "text": text,
            "parse_data": {"text": text, "intent": {"name": intent, "confidence": ranking[0]["confidence"]},
                           "intent_ranking": ranking, "entities": []}}


def bot(content_id: str, buttons: list[dict] | None = None) -> dict:
    return {"event": "bot", "text": "…", "metadata": {"utter_action": content_id},
            "data": {"buttons": buttons or [], "custom": {"content_id": content_id, "lang": "nl"}}}


def act(*events: dict) -> tuple[list[dict], list[dict]]:
    """What action_clarify returns (events) and says (messages) after these events."""
    latest = events[-1]["parse_data"]
    tracker = Tracker(sender_id="test", slots={}, latest_message={**latest, "metadata": {"lang": "nl"}},
                      events=list(events), paused=False, followup_action=None, active_loop={},
                      latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    returned = ActionClarify().run(dispatcher, tracker, domain={})
    return returned, dispatcher.messages


def run(*events: dict) -> list[dict]:
    returned, messages = act(*events)
    assert returned == []
    return messages


def offered(messages: list[dict]) -> list[str]:
    [message] = messages
    assert message["response"] == "clarify_ask"
    return [c["payload"] for c in message["choices"]]


def test_an_unsure_guess_offers_the_best_two_or_three_intents():
    ranking = [("nlu_fallback", 0.4), ("digid_phone_lost", 0.36), ("digid_app", 0.3), ("greet", 0.25),
               ("digid_forgot", 0.21), ("digid_sms", 0.1)]
    messages = run(bot("utter_welcome", [{"title": "DigiD", "payload": "/digid"}]),
                   user("mijn mobiel is in het water gevallen", "nlu_fallback", ranking))
    # greet makes no sense as a button; a guess below 20 % is no guess.
    assert offered(messages) == ["/digid_phone_lost", "/digid_app", "/digid_forgot"]


def test_offered_intents_go_by_payload_so_the_content_gives_their_titles():
    [message] = run(user("hmm digid app of zo", "nlu_fallback", [("nlu_fallback", 0.6), ("digid_app", 0.5)]))
    assert message["choices"] == [{"payload": "/digid_app"}]


def test_a_no_at_the_court_question_offers_its_no_buttons_with_their_own_words():
    """The loop of issue 15: "nee, mijn vader kan het nog zelf" was classified machtigen_for_other and
    asked the court question again. Now the question's "Nee" buttons are offered (when the rules did
not already take it as a plain no: bot/data/rules/machtigen.yml)."""
    ranking = [("machtigen_for_other", 0.7), ("machtigen_get", 0.2), ("legal_rep", 0.06)]
    [message] = run(user("ik regel iets voor mijn vader", "machtigen_for_other"), bot("utter_machtigen_ask_court", ASK_COURT),
                    user("nee, mijn vader kan het nog zelf maar woont ver weg", "machtigen_for_other", ranking))
    assert message["choices"][0] == {"title": "Nee, de persoon geeft mij toestemming", "payload": "/machtigen_get"}
    assert [c["payload"] for c in message["choices"]] == ["/machtigen_get", "/rep_parent", "/rep_deceased"]
    # The intent that asked the question is never offered: it would ask it again.
    assert "/machtigen_for_other" not in [c["payload"] for c in message["choices"]]


def test_a_yes_word_picks_the_yes_button():
    [message] = run(user("voor mijn broer", "machtigen_for_other"), bot("utter_machtigen_ask_court", ASK_COURT),
                    user("klopt", "nlu_fallback", [("nlu_fallback", 0.6), ("thanks", 0.3)]))
    assert message["choices"] == [{"title": "Ja, de rechter heeft mij aangewezen", "payload": "/legal_rep"}]


def test_a_title_typed_nearly_as_it_stands_is_matched():
    [message] = run(user("rechter heeft mij aangewezen", "legal_rep"), bot("utter_legal_rep_ask_role", ROLE),
                    user("bewindvoerder familie", "legal_rep", [("legal_rep", 0.5), ("rep_professional", 0.3)]))
    assert message["choices"][0]["payload"] == "/rep_bewindvoerder"
    assert "/legal_rep" not in [c["payload"] for c in message["choices"]]


def test_no_guess_at_all_offers_the_questions_own_buttons():
    [message] = run(user("ik wil machtigen", "machtigen"), bot("utter_machtigen_ask_court", ASK_COURT),
                    user("qwerty", "nlu_fallback", [("nlu_fallback", 0.6), ("greet", 0.2)]))
    assert [c["payload"] for c in message["choices"]] == ["/legal_rep", "/machtigen_get", "/rep_parent"]


def test_a_second_miss_in_a_row_hands_over_to_a_person_never_a_third_guess():
    messages = run(bot("utter_welcome"), user("blabla", "nlu_fallback", [("nlu_fallback", 0.6), ("digid", 0.3)]),
                   bot("clarify_ask", [{"title": "DigiD", "payload": "/digid"}]),
                   user("nog meer blabla", "nlu_fallback", [("nlu_fallback", 0.6), ("digid", 0.3)]))
    assert [m["response"] for m in messages] == ["clarify_handoff", "utter_talk_to_person"]


def test_a_miss_after_an_understood_answer_is_a_first_miss_again():
    messages = run(bot("clarify_ask"), user("/digid", "digid"), bot("utter_digid_menu"),
                   user("blabla", "nlu_fallback", [("nlu_fallback", 0.6), ("digid_request", 0.3)]))
    assert offered(messages) == ["/digid_request"]


def test_every_intent_it_may_offer_has_a_button_title_in_the_content():
    """An offered payload takes its title from content/ (web/nlg.py); one without would be left out."""
    intents = set()
    for path in (ROOT / "bot" / "domain").glob("*.yml"):
        intents |= {i if isinstance(i, str) else next(iter(i)) for i in yaml.safe_load(path.read_text())["intents"]}
    payloads = set()
    for path in (ROOT / "content" / "nl").glob("*.yml"):
        for item in ((yaml.safe_load(path.read_text()) or {}).get("items") or {}).values():
            payloads |= {b["payload"] for b in (item or {}).get("buttons") or []}
    assert sorted(i for i in intents - OFFERED_NEVER if f"/{i}" not in payloads) == []


def test_a_second_miss_at_the_same_question_hands_over_so_it_is_never_asked_a_third_time():
    """digid -> menu, "digid" -> clarify, "digid" -> menu (the second time), "digid" again: a person."""
    ranking = [("digid", 0.8), ("digid_request", 0.1)]
    messages = run(user("digid", "digid"), bot("utter_digid_menu", [{"title": "Ik wil een DigiD", "payload": "/digid_request"}]),
                   user("iets met digid", "digid", ranking), bot("clarify_ask"),
                   user("gewoon digid", "digid", ranking), bot("utter_digid_menu"),
                   user("digid zeg ik toch", "digid", ranking))
    assert [m["response"] for m in messages] == ["clarify_handoff", "utter_talk_to_person"]


def test_with_no_guess_and_no_question_the_three_journeys_are_offered():
    ranking = [("digid", 0.03), ("machtigen_give", 0.03), ("find_help", 0.02)]
    assert offered(run(user("qwpoeiru zxmcnv", "nlu_fallback", ranking))) == ["/digid", "/machtigen", "/find_help"]


CLARIFY_FIXED = [{"title": "Iets anders", "payload": "/menu", "icon": "arrow"},
                 {"title": "Met iemand praten", "payload": "/talk_to_person", "icon": "arrow"}]


def one_guess_then(typed: str, intent: str) -> tuple[list[dict], list[dict]]:
    return act(user("code", "nlu_fallback", [("nlu_fallback", 0.4), ("digid_activate", 0.3)]),
               bot("clarify_ask", [{"title": "Mijn DigiD aanzetten", "payload": "/digid_activate"}, *CLARIFY_FIXED]),
               user(typed, intent))


def test_a_yes_to_the_one_guess_of_bedoel_je_is_that_button_pressed():
    returned, messages = one_guess_then("ja", "affirm")
    assert messages == []
    listen, pressed = returned
    assert listen["event"] == "action" and listen["name"] == "action_listen"
    assert pressed["event"] == "user" and pressed["text"] == "/digid_activate"
    assert pressed["parse_data"]["intent"] == {"name": "digid_activate", "confidence": 1.0}
    assert pressed["metadata"] == {"implied": True}  # the page shows the typed "ja", not this turn


def test_a_no_to_the_one_guess_of_bedoel_je_is_something_else():
    returned, _ = one_guess_then("nee", "deny")
    assert [e.get("text") for e in returned] == [None, "/menu"]


def two_guesses_then(typed: str, intent: str) -> tuple[list[dict], list[dict]]:
    return act(user("brief", "nlu_fallback"),
               bot("clarify_ask", [{"title": "A", "payload": "/digid_activate"},
                                   {"title": "B", "payload": "/digid_no_letter"}, *CLARIFY_FIXED]),
               user(typed, intent))


def test_a_yes_to_two_guesses_is_still_a_second_miss():
    returned, messages = two_guesses_then("ja", "affirm")
    assert returned == [] and [m["response"] for m in messages] == ["clarify_handoff", "utter_talk_to_person"]


def test_a_no_to_two_guesses_is_none_of_them_so_something_else():
    returned, messages = two_guesses_then("nee hoor", "deny")
    assert [e.get("text") for e in returned] == [None, "/menu"] and messages == []


def court_clarified_then(typed: str, intent: str, ranking: list[tuple[str, float]] | None = None):
    """The court question, "tja" (its clarify offers its first three buttons), then this typed answer."""
    return act(user("voor mijn vader", "machtigen_for_other"), bot("utter_machtigen_ask_court", ASK_COURT),
               user("tja", "nlu_fallback", [("nlu_fallback", 0.4), ("goodbye", 0.07)]),
               bot("clarify_ask", [{k: b[k] for k in ("title", "payload")} for b in ASK_COURT[:3]] + CLARIFY_FIXED),
               user(typed, intent, ranking))


def test_a_no_after_the_court_questions_clarify_is_the_plain_no_of_the_question_the_consent_way():
    """Was "Iets anders" (the main menu), and before that a person: "nee" fits the "Nee" buttons, the first
    of them is the question's plain no."""
    returned, messages = court_clarified_then("nee mijn vadr kan het nog zelf", "deny")
    assert [e.get("text") for e in returned] == [None, "/machtigen_get"] and messages == []


def test_a_no_that_names_its_case_after_the_clarify_takes_that_no_button():
    returned, _ = court_clarified_then("nee voor mijn zoontje", "deny", [("deny", 0.6), ("rep_parent", 0.3)])
    assert [e.get("text") for e in returned] == [None, "/rep_parent"]


def test_a_yes_after_the_court_questions_clarify_is_its_yes_button():
    returned, _ = court_clarified_then("ja hoor", "affirm")
    assert [e.get("text") for e in returned] == [None, "/legal_rep"]


def test_a_guess_with_entities_is_pressed_with_them():
    place = '/give_place{"place": "Bergen (NH)"}'
    returned, _ = act(user("bergen", "nlu_fallback"), bot("clarify_ask", [{"title": "Bergen (NH)", "payload": place},
                                                                         *CLARIFY_FIXED]), user("ja", "affirm"))
    assert returned[1]["parse_data"]["intent"]["name"] == "give_place"
    assert returned[1]["parse_data"]["entities"] == [{"entity": "place", "value": "Bergen (NH)"}]


def test_the_first_yes_or_no_button_of_a_question_is_its_plain_yes_or_no():
    """A plain "ja" or "nee" after a clarify takes the first "Ja" or "Nee" button it offered (fitting_buttons):
    that button must answer as the question's own rule for a plain yes or no does (bot/data/rules)."""
    rules = [r["steps"] for path in (ROOT / "bot" / "data" / "rules").glob("*.yml")
             for r in yaml.safe_load(path.read_text())["rules"] if not r.get("condition")]
    answer_to = {s[0]["intent"]: s[1]["action"] for s in rules if "intent" in s[0] and "action" in s[1]}
    items = {}
    for path in (ROOT / "content" / "nl").glob("*.yml"):
        items.update((yaml.safe_load(path.read_text()) or {}).get("items") or {})
    checked = []
    for steps in rules:
        if len(steps) >= 3 and "action" in steps[0] and steps[1].get("intent") in ("affirm", "deny"):
            word = "Ja" if steps[1]["intent"] == "affirm" else "Nee"
            first = next(b for b in items[steps[0]["action"]]["buttons"] if b["title"].startswith(word))
            assert answer_to[first["payload"].lstrip("/")] == steps[2]["action"], (steps[0], word)
            checked.append((steps[0]["action"], word))
    assert ("utter_machtigen_ask_court", "Nee") in checked
