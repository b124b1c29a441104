"""The content check: sources and dates, ids matching the bot, and B1 plain language."""
from __future__ import annotations

import pytest

from pathlib import Path
from web.chat.conversation import WEB_RESPONSES
from web.content import ContentStore
from web.content.b1 import check_text
from web.content.check import action_strings, bot_response_ids, id_problems, payload_problems, source_problems

ROOT = Path(__file__).resolve().parents[2]
STORE = ContentStore.from_directory(ROOT / "content")
DUTCH = STORE.items("nl")


def test_there_is_content():
    assert len(DUTCH) >= 10


@pytest.mark.parametrize("item", DUTCH, ids=lambda i: i.id)
def test_every_fact_has_a_source_and_dates(item):
    assert source_problems(item) == []


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
