"""The content store: a translation item can be marked for review on its own; the place data's
licence credit is one item every page can show."""
from __future__ import annotations

from pathlib import Path

from web import config
from web.content import ContentStore
from web.content.store import load_topic_file, load_translation_file, read_yaml

ROOT = Path(__file__).resolve().parents[2]
STORE = ContentStore.from_directory(ROOT / "content")


def test_an_item_marked_for_review_needs_review_even_in_a_reviewed_file(tmp_path):
    (tmp_path / "nl.yml").write_text(
        "items:\n  a: {text: Hallo., no_facts: true}\n  b: {text: Dag., no_facts: true}\n", encoding="utf-8")
    (tmp_path / "en.yml").write_text(
        "translation: {needs_review: false}\n"
        "items:\n  a: {text: Hello.}\n  b: {text: Bye., needs_review: true}\n", encoding="utf-8")
    dutch = {i.id: i for i in load_topic_file(tmp_path / "nl.yml", "nl")}
    translated = {i.id: i for i in load_translation_file(tmp_path / "en.yml", "en", dutch)}
    assert translated["a"].needs_review is False
    assert translated["b"].needs_review is True


def test_the_arabic_and_turkish_items_whose_dutch_changed_are_marked_each():
    # Marked per item, so the mark stays when a native speaker reviews the rest of the file.
    changed = {"core": ("utter_talk_to_person", "guide_ido"),
               "ido": ("ido_found", "ido_none_near", "ido_own_library", "ido_foreign")}
    for language in ("ar", "tr"):
        for topic, ids in changed.items():
            items = read_yaml(ROOT / "content" / language / f"{topic}.yml")["items"]
            assert all(items[i].get("needs_review") is True for i in ids), (language, topic)


def test_the_place_data_credit_names_geonames_and_its_licence_in_each_language():
    for language in config.LANGUAGES:
        credit = STORE.place_data_credit(language)
        assert credit.language == language
        assert "GeoNames (CC BY 4.0)" in credit.text and "4PP (MIT)" in credit.text
