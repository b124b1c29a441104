"""Issue 15 through /api/chat, with the real model, rules, action server and /nlg: "Bedoel je …?" instead
of "Sorry", a person after a second miss, and a typed answer at every button question, none asked
again and again. The typed sentences are our own (never from the held-out sets)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from livestack import ONE_GUESS

ROOT = Path(__file__).resolve().parents[2]
CLARIFY_FIXED = ["/menu", "/talk_to_person"]  # "Iets anders", "Met iemand praten"


def button_questions() -> dict[str, str]:
    """Every question the helper asks with buttons, and the payload that asks it: the start menu and the
    items of content/nl/checklists.yml `general` (its menus and questions) that have answer buttons and
    that a rule says right after one intent (bot/data/rules)."""
    items = {}
    for path in (ROOT / "content" / "nl").glob("*.yml"):
        items.update((yaml.safe_load(path.read_text()) or {}).get("items") or {})
    general = set(yaml.safe_load((ROOT / "content" / "nl" / "checklists.yml").read_text())["general"])
    asked_by = {}
    for path in (ROOT / "bot" / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text())["rules"]:
            steps = rule.get("steps") or []
            if not rule.get("condition") and len(steps) >= 2 and "intent" in steps[0] and "action" in steps[1]:
                asked_by.setdefault(steps[1]["action"], "/" + steps[0]["intent"])
    return {q: asked_by[q] for q in sorted(general | {"utter_welcome", "utter_menu"})
            if q in asked_by and (items.get(q) or {}).get("buttons")}


QUESTIONS = button_questions()


def test_the_walk_finds_every_button_question():
    assert set(QUESTIONS) >= {"utter_welcome", "utter_menu", "utter_digid_menu", "utter_digid_lost",
                              "utter_machtigen_menu", "utter_machtigen_ask_court", "utter_legal_rep_ask_role"}


def ids(answer: dict) -> list[str]:
    return [r["content_id"] for r in answer["replies"]]


def payloads(reply: dict) -> list[str]:
    return [b["payload"] for b in reply["buttons"]]


# Typed answers any question must survive: yes, no, don't know, nonsense, and the question's own subject
# typed again (below, per question).
GENERAL_ANSWERS = ["ja", "nee hoor", "weet ik niet", "fjdksl qwpoe zzz"]
OWN_SUBJECT_AGAIN = {
    "utter_welcome": "hallo daar",
    "utter_menu": "menu",
    "utter_digid_menu": "iets met digid",
    "utter_digid_lost": "ik ben iets kwijt",
    "utter_machtigen_menu": "machtigen",
    "utter_machtigen_ask_court": "ik wil iets regelen voor mijn moeder",
    "utter_legal_rep_ask_role": "de rechter heeft mij aangewezen",
}


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_a_typed_answer_at_every_button_question_never_asks_it_again_and_again(stack, question):
    """Three typed answers in a row: the question never comes straight back, never a third time, never
    "Sorry", and every answer ends with buttons for the next step."""
    for typed in [*GENERAL_ANSWERS, OWN_SUBJECT_AGAIN.get(question, "nou ja")]:
        answers = stack.conversation(QUESTIONS[question], typed, typed, typed)
        assert ids(answers[0])[-1] == question
        said = [i for a in answers for i in ids(a)]
        assert question not in ids(answers[1]), (question, typed, said)
        assert said.count(question) <= 2, (question, typed, said)
        assert "utter_default" not in said and not any(r["text"].startswith("Sorry") for a in answers
                                                       for r in a["replies"]), (question, typed, said)
        assert all(a["replies"][-1]["buttons"] for a in answers[1:]), (question, typed, said)


def test_not_understood_asks_bedoel_je_with_a_way_out_then_a_person(stack):
    first, second = stack.conversation("fjdksl qwpoe zzz", "qwpoeiru zxmcnv")[-2:]
    [ask] = first["replies"]
    assert ask["content_id"] == "clarify_ask" and ask["text"].startswith("Bedoel je")
    assert payloads(ask)[-2:] == CLARIFY_FIXED
    assert [b["title"] for b in ask["buttons"]][-2:] == ["Iets anders", "Met iemand praten"]
    assert 1 <= len(payloads(ask)) - 2 <= 3
    assert ids(second) == ["clarify_handoff", "utter_talk_to_person"]
    assert "088 123 65 55" in second["replies"][-1]["text"] and "bibliotheek" in second["replies"][-1]["text"]


def test_bedoel_je_in_english_has_english_titles_from_the_menus(stack):
    [ask] = stack.chat("fjdksl qwpoe zzz", lang="en")["replies"]
    assert ask["content_id"] == "clarify_ask" and ask["text"].startswith("Do you mean")
    assert [b["title"] for b in ask["buttons"]][-2:] == ["Something else", "Talk to someone"]


def test_a_clarify_button_gives_its_answer(stack):
    first = stack.chat("fjdksl qwpoe zzz")
    choice = first["replies"][0]["buttons"][0]
    answer = stack.chat(choice["payload"], first["session"])
    assert "clarify_ask" not in ids(answer) and "clarify_handoff" not in ids(answer)


def court(stack, typed: str) -> dict:
    return stack.conversation("/machtigen", "/machtigen_for_other", typed)[-1]


def test_the_loop_of_issue_15_no_my_father_can_still_do_it_himself(stack):
    """Was: "Heeft een rechter jou aangewezen?" again, four times. Now the consent way, at once or as
    the first choice of "Bedoel je …?"."""
    answer = court(stack, "nee, mijn vader kan het nog zelf maar woont ver weg")
    said = ids(answer)
    assert "utter_machtigen_ask_court" not in said
    assert said[0] == "utter_machtigen_get_intro" or (
        said == ["clarify_ask"] and payloads(answer["replies"][0])[0] == "/machtigen_get"), said


@pytest.mark.parametrize("typed", ["ja", "ja dat klopt", "yes"])
def test_yes_at_the_court_question_asks_which_role(stack, typed):
    assert ids(court(stack, typed)) == ["utter_legal_rep_ask_role"]


@pytest.mark.parametrize("typed", ["nee", "nee hoor", "nee ze kan het nog zelf"])
def test_no_at_the_court_question_is_the_consent_way(stack, typed):
    assert ids(court(stack, typed))[0] == "utter_machtigen_get_intro"


def test_a_role_typed_with_a_typo_is_its_button(stack):
    answer = stack.conversation("/legal_rep", "curater")[-1]
    said = ids(answer)
    assert said[0] == "utter_rep_curator" or payloads(answer["replies"][0])[0] == "/rep_curator", said


def test_no_smartphone_right_after_the_app_answer(stack):
    """Issue 15 part 6, dialogue side: after the helper told about the DigiD app."""
    answer = stack.conversation("/digid_app", "nee ik heb geen smartphone")[-1]
    assert ids(answer)[0] == "utter_digid_no_smartphone"


@pytest.mark.parametrize("typed", ["tja", "xyzzy", "weet niet"])
def test_neither_yes_nor_no_at_the_court_question_takes_no_path_but_offers_its_buttons(stack, typed):
    """Was: "tja" taken as yes (the role question), "weet niet" as no (the consent way)."""
    answer = court(stack, typed)
    assert ids(answer) == ["clarify_ask"]
    assert payloads(answer["replies"][0])[:2] == ["/legal_rep", "/machtigen_get"]


@pytest.mark.parametrize("typed, answer", [("nee mijn vadr kan het nog zelf", "utter_machtigen_get_intro"),
                                           ("nee hoor", "utter_machtigen_get_intro"),
                                           ("ja dat klopt", "utter_legal_rep_ask_role")])
def test_a_yes_or_no_after_the_court_questions_bedoel_je_answers_the_court_question(stack, typed, answer):
    """"tja" gets "Bedoel je" with the court buttons; a "nee …" then was the main menu ("Iets anders")."""
    clarify, then = stack.conversation("/machtigen", "/machtigen_for_other", "tja", typed)[-2:]
    assert ids(clarify) == ["clarify_ask"]
    assert ids(then)[0] == answer


def one_guess(stack) -> dict:
    typed, guess = ONE_GUESS
    first = stack.chat(typed)
    assert payloads(first["replies"][0]) == [guess, *CLARIFY_FIXED], "one guess no more: another ONE_GUESS"
    return first


@pytest.mark.parametrize("typed", ["ja", "ja graag"])
def test_a_yes_to_the_one_guess_of_bedoel_je_gives_its_answer(stack, typed):
    answer = stack.chat(typed, one_guess(stack)["session"])
    assert ids(answer)[0] == "utter_digid_id_check"


def test_a_no_to_bedoel_je_gives_the_menu_not_a_person(stack):
    """"Nee" to one guess, or to three: none of these, so "Iets anders"."""
    three = stack.chat("fjdksl qwpoe zzz")
    assert len(payloads(three["replies"][0])) == 5
    for first in (one_guess(stack), three):
        assert ids(stack.chat("nee", first["session"])) == ["utter_menu"]
