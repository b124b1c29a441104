"""Languages: every offered language has its texts, its catalogue, and the same buttons as Dutch."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from web import config
from web.content import ContentStore
from web.content.b1 import check_length
from web.content.check import layout_problems
from web.content.checklists import load_checklists, load_helpdesk

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
STORE = ContentStore.from_directory(CONTENT)
PLAN = yaml.safe_load((CONTENT / "languages.yml").read_text(encoding="utf-8"))
TRANSLATED = [lang for lang in config.LANGUAGES if lang != config.DEFAULT_LANGUAGE]
TRANSLATIONS = [item for lang in TRANSLATED for item in STORE.items(lang)]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_every_offered_language_is_complete_or_partial():
    assert set(config.LANGUAGES) == set(PLAN["complete"]) | set(PLAN["partial"])
    assert config.DEFAULT_LANGUAGE in PLAN["complete"] and "en" in PLAN["complete"]


@pytest.mark.parametrize("language", PLAN["complete"])
def test_a_complete_language_has_every_dutch_item(language):
    assert STORE.ids("nl") - STORE.ids(language) == set()


@pytest.mark.parametrize("language", PLAN["complete"])
def test_a_complete_language_has_every_checklist(language):
    dutch = {**load_checklists(CONTENT, "nl"), "helpdesk": load_helpdesk(CONTENT, "nl")}
    translated = {**load_checklists(CONTENT, language), "helpdesk": load_helpdesk(CONTENT, language)}
    assert [c.id for c in translated.values() if c.language != language] == []
    for key, checklist in translated.items():
        for part in ("bring", "steps", "tips"):
            assert len(getattr(checklist, part)) == len(getattr(dutch[key], part)), (key, part)


@pytest.mark.parametrize("language", PLAN["partial"])
def test_a_partial_language_has_the_start_of_each_journey(language):
    assert set(PLAN["start_of_journeys"]) - STORE.ids(language) == set()


def test_the_start_of_each_journey_names_real_items():
    assert set(PLAN["start_of_journeys"]) - STORE.ids("nl") == set()


@pytest.mark.parametrize("path", sorted(p for lang in TRANSLATED for p in (CONTENT / lang).glob("*.yml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_translation_file_translates_dutch_ids_and_says_if_it_needs_review(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance((data.get("translation") or {}).get("needs_review"), bool)
    dutch = yaml.safe_load((CONTENT / "nl" / path.name).read_text(encoding="utf-8"))
    key = "checklists" if path.stem == "checklists" else "items"
    assert set(data[key]) - set(dutch[key]) == set()
    for raw in data[key].values():
        # Facts, payloads and the way back come from Dutch; a translation only has words.
        assert not {"sources", "no_facts", "back", "for"} & set(raw)


@pytest.mark.parametrize("item", TRANSLATIONS, ids=lambda i: f"{i.language}:{i.id}")
def test_a_translation_has_a_title_for_every_button_and_no_other(item):
    assert item.unmatched_payloads == ()
    assert all(b.title.strip() for b in item.buttons)


@pytest.mark.parametrize("item", TRANSLATIONS, ids=lambda i: f"{i.language}:{i.id}")
def test_a_translation_keeps_the_placeholders_and_the_step_layout(item):
    dutch = STORE.get(item.id, "nl")
    assert set(PLACEHOLDER.findall(item.text)) == set(PLACEHOLDER.findall(dutch.text))
    assert item.text.strip()
    assert layout_problems(item) == []


@pytest.mark.parametrize("item", STORE.items("en"), ids=lambda i: i.id)
def test_english_is_plain_short_sentences_short_messages(item):
    assert check_length(item.text) == []


@pytest.mark.parametrize("language", PLAN["partial"])
def test_unreviewed_translations_say_so(language):
    assert STORE.needs_review(language)


def test_english_is_written_by_the_team_and_reviewed():
    assert not STORE.needs_review("en")


def test_a_missing_translation_falls_back_to_dutch():
    missing = STORE.ids("nl") - STORE.ids("ar")
    assert missing, "Arabic is partial"
    assert STORE.get(sorted(missing)[0], "ar").language == "nl"


def test_a_button_of_an_answer_shown_in_dutch_is_named_as_shown():
    """What the user chose is remembered by its words; a partial language has no words of its own
    for the buttons of an untranslated answer, so the Dutch ones on the screen are used."""
    assert STORE.button_title("/digid_forgot", "ar") == STORE.button_title("/digid_forgot", "nl")
    assert STORE.button_title("/digid", "ar") == "DigiD"
