"""The checks themselves catch what they should (so a green content test means something)."""
from __future__ import annotations

from web.content import ContentItem, ContentStore, Source
from web.content.check import id_problems, layout_problems, source_problems

GOOD_SOURCE = Source("s", "https://www.digid.nl/", "2024-06-07", "2026-11-28")


def item(**fields) -> ContentItem:
    return ContentItem(**{"id": "utter_x", "topic": "t", "language": "nl", "text": "Hallo.", **fields})


def test_sourced_item_passes():
    assert source_problems(item(sources=(GOOD_SOURCE,))) == []


def test_item_without_source_fails():
    assert source_problems(item()) != []


def test_source_without_date_fails():
    assert source_problems(item(sources=(Source("s", "https://x.nl/", "", "2026-11-28"),))) != []


def test_source_without_checked_date_fails():
    assert source_problems(item(sources=(Source("s", "https://x.nl/", "2024", "gisteren"),))) != []


def test_unknown_source_key_fails():
    assert source_problems(item(sources=(GOOD_SOURCE,), unknown_source_keys=("nope",))) != []


def test_no_facts_item_with_a_number_fails():
    assert source_problems(item(no_facts=True, text="De brief komt binnen 3 dagen.")) != []


def test_no_facts_item_without_numbers_passes():
    assert source_problems(item(no_facts=True, text="Waar wil je hulp bij?")) == []


def test_missing_and_unused_ids_are_reported():
    store = ContentStore([item(id="utter_a", no_facts=True), item(id="utter_unused", no_facts=True)])
    problems = id_problems(store, {"utter_a", "utter_missing"}, set())
    assert any("utter_missing" in p for p in problems)
    assert any("utter_unused" in p for p in problems)


def test_steps_folded_onto_one_line_are_caught():
    assert layout_problems(item(text="Zo doe je dat: 1. Ga naar de site. 2. Log in.")) != []
    assert layout_problems(item(text="Zo doe je dat:\n1. Ga naar de site.\n2. Log in.")) == []
