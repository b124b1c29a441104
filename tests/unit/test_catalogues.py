"""Interface catalogues (locales/): every shipped language translates every string, none fuzzy."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from web import config

ROOT = Path(__file__).resolve().parents[2]
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]  # as babel.cfg
TRANSLATED = [lang for lang in config.LANGUAGES if lang != config.DEFAULT_LANGUAGE]


def catalogue(language: str):
    with (ROOT / "locales" / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def strings_in_the_code() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT / "web", METHODS):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    assert not catalogue(language).fuzzy, "a fuzzy header: pybabel compile skips the whole catalogue"
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue  # the header
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s and s.strip() for s in strings):
            problems.append(message.id)
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_has_every_string_of_the_code(language):
    """Fails when a string was added without `make babel-update` and a translation."""
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue(language) if m.id}
    assert strings_in_the_code() - ids == set()


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_survive_translation(language):
    for message in catalogue(language):
        if message.id and not isinstance(message.id, tuple) and "%(" in message.id:
            assert message.python_format and message.check() == [], message.id
