"""The actions take their languages from the one list, content/languages.yml."""
from __future__ import annotations

import yaml

from actions.languages import LANGUAGE_NAMES
from actions.organisation_lookup import LANGUAGES_FILE, TRANSLATED

PLAN = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
OFFERED = [*PLAN["complete"], *PLAN["partial"]]


def test_every_offered_language_can_be_asked_for_by_name():
    assert list(LANGUAGE_NAMES) == OFFERED


def test_organisations_are_read_in_every_offered_language_but_the_default():
    assert TRANSLATED == tuple(code for code in OFFERED if code != PLAN["default"])
