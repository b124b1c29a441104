"""The checks themselves catch what they should (so a green content test means something)."""
from __future__ import annotations

from datetime import date

import pytest

from web.content import ContentItem, ContentStore, Source
from web.content.check import currency_problems, id_problems, layout_problems, source_problems
from web.content.report import age_lines

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


def test_a_phone_number_is_no_list_step():
    assert layout_problems(item(text="Bel de DigiD-helpdesk: 088 123 65 55. Zij helpen je.")) == []


# --- Currency: every rule with an example that fails. "today" is fixed, never the wall clock. ---
TODAY = date(2026, 12, 1)
FRESH = Source("fresh", "https://www.digid.nl/x", "2026-10-01", "2026-11-28")
OLD = Source("old", "https://www.digid.nl/y", "2023-12-12", "2026-11-28")


@pytest.mark.parametrize("text", [
    "Bij de gemeente kan het nog niet.",
    "Er is nog geen online weg.",
    "Een helper kan nog niet inloggen.",
    "Sinds september 2025 lukt het niet meer.",
    "Vanaf 2024 mag het.",
    "Het kon bij 24 van de 342 gemeenten.",
    "Er doen ongeveer 480 apotheken mee.",
    "Er deden 15 ziekenhuizen mee.",
])
def test_a_time_bound_claim_without_its_date_fails(text):
    problems = currency_problems(item(text=text, sources=(FRESH,)), TODAY)
    assert any("true_on" in p for p in problems)


def test_a_time_bound_claim_with_its_date_passes_while_it_is_recent():
    assert currency_problems(item(text="Het kan nog niet.", sources=(FRESH,), true_on="2026-09"), TODAY) == []


def test_an_age_is_not_a_time_bound_claim():
    assert currency_problems(item(text="Vanaf 14 jaar vraag je het zelf aan.", sources=(FRESH,)), TODAY) == []


def test_an_old_claim_that_does_not_say_it_is_dated_fails():
    problems = currency_problems(item(text="Het kan nog niet.", sources=(OLD,), true_on="2023-12"), TODAY)
    assert any("Dit klopte in 2023" in p for p in problems)


def test_an_old_claim_that_says_its_date_passes():
    text = "Het kon toen nog niet. Dit klopte in december 2023."
    assert currency_problems(item(text=text, sources=(OLD,), true_on="2023-12"), TODAY) == []


def test_the_same_claim_was_fine_within_twelve_months():
    assert currency_problems(item(text="Het kan nog niet.", sources=(OLD,), true_on="2023-12"), date(2024, 11, 30)) == []


def test_a_claim_resting_on_an_old_source_only_fails():
    assert currency_problems(item(text="De brief komt snel.", sources=(OLD,)), TODAY) != []


def test_an_undated_page_counts_from_the_day_it_was_read():
    read_recently = Source("u", "https://www.digid.nl/z", "undated", "2026-11-28")
    read_long_ago = Source("u", "https://www.digid.nl/z", "undated", "2024-01-05")
    assert currency_problems(item(text="De brief komt snel.", sources=(read_recently,)), TODAY) == []
    assert currency_problems(item(text="De brief komt snel.", sources=(read_long_ago,)), TODAY) != []


def test_the_date_of_the_data_counts_as_telling_the_visitor():
    text = "Bij {organisation} kon het nog niet. Dit weet ik van {as_of}."
    assert currency_problems(item(text=text, sources=(OLD,)), TODAY) == []


def test_a_true_on_that_is_no_date_fails():
    assert currency_problems(item(text="Hallo.", sources=(FRESH,), true_on="eind 2023"), TODAY) != []


def test_the_age_report_lists_claims_oldest_first_and_marks_undated_ones():
    old = item(id="utter_old", text="Het kan nog niet.", sources=(OLD,), true_on="2023-12")
    new = item(id="utter_new", text="De brief komt snel.", sources=(FRESH,))
    organisations = [{"name": "het UWV", "as_of": "undated", "checked": "2026-11-28"}]
    lines = age_lines(ContentStore([new, old]), organisations, TODAY)
    assert lines[0].startswith("! 2023-12") and "t/utter_old" in lines[0]
    assert "t/utter_new" in lines[1] and "organisations/het UWV" in lines[2] and "read" in lines[2]
    assert lines[-1].startswith("3 claims")
