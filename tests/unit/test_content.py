"""The content check: sources and dates, ids matching the bot, and B1 plain language."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from web.chat.conversation import WEB_RESPONSES
from web.content import ContentStore
from web.content.b1 import check_text
from web.content.checklists import general_answers, load_checklists, load_helpdesk
from web.content.check import (
    action_strings, bot_response_ids, currency_problems, id_problems, layout_problems, payload_problems,
    source_problems,
)

ROOT = Path(__file__).resolve().parents[2]
STORE = ContentStore.from_directory(ROOT / "content")
DUTCH = STORE.items("nl")


def test_there_is_content():
    assert len(DUTCH) >= 10


@pytest.mark.parametrize("item", DUTCH, ids=lambda i: i.id)
def test_every_fact_has_a_source_and_dates(item):
    assert source_problems(item) == []


# The day claims are aged from: today, or DIGIHULP_TODAY=YYYY-MM-DD (to see what goes stale when).
TODAY = date.fromisoformat(os.environ.get("DIGIHULP_TODAY") or date.today().isoformat())
SAID = DUTCH + STORE.items("en")


@pytest.mark.parametrize("item", SAID, ids=lambda i: f"{i.language}-{i.id}")
def test_no_claim_is_presented_as_today_when_it_is_not(item):
    assert currency_problems(item, TODAY) == []


@pytest.mark.parametrize("item", DUTCH, ids=lambda i: i.id)
def test_list_steps_each_start_a_line(item):
    assert layout_problems(item) == []


@pytest.mark.parametrize("item", DUTCH, ids=lambda i: i.id)
def test_text_is_plain_dutch(item):
    assert check_text(item.text) == []


def test_every_bot_response_has_content_and_every_text_is_used():
    bot = ROOT / "bot"
    assert id_problems(STORE, bot_response_ids(bot), set(WEB_RESPONSES), action_strings(bot)) == []


@pytest.mark.parametrize("item", DUTCH, ids=lambda i: i.id)
def test_buttons_have_words_and_payloads(item):
    for button in item.buttons:
        assert button.title.strip() and button.payload.startswith("/")


def test_every_button_sends_an_intent_the_bot_knows():
    assert payload_problems(STORE, ROOT / "bot") == []


CHECKLISTS = list(load_checklists(ROOT / "content", "nl").values())
HELPDESK = load_helpdesk(ROOT / "content", "nl")
JOURNEYS = ("digid", "machtigen", "ido")  # the topic files whose answers belong to a task


def test_there_are_checklists_for_each_journey():
    assert {"digid_request", "machtigen_give", "ido_visit"} <= {c.id for c in CHECKLISTS}


@pytest.mark.parametrize("checklist", [*CHECKLISTS, HELPDESK], ids=lambda c: c.id)
def test_checklists_are_sourced_plain_and_shown_after_real_answers(checklist):
    assert source_problems(checklist) == []
    # One list, read as a whole: a word explained in one line may be used in the next.
    # Its length is no problem (R1 is for chat messages): every line is short on its own.
    assert [p for p in check_text(checklist.text) if p.rule != "R1"] == []
    assert set(checklist.shown_after) <= STORE.ids()


def test_every_task_answer_has_a_checklist_and_every_named_answer_exists():
    shown_after = [answer for checklist in CHECKLISTS for answer in checklist.shown_after]
    general = general_answers(ROOT / "content")
    assert sorted(a for a in set(shown_after) | general if a not in STORE.ids()) == []
    assert sorted(a for a in shown_after if shown_after.count(a) > 1) == []  # one task per answer
    assert general.isdisjoint(shown_after)
    task_answers = {i.id for i in DUTCH if i.topic in JOURNEYS} - general
    assert sorted(task_answers - set(shown_after)) == []


def test_every_checklist_has_tips_for_helpers_and_the_helpdesk_its_number():
    assert [c.id for c in CHECKLISTS if not c.tips] == []
    assert any("088 123 65 55" in step for step in HELPDESK.steps)
