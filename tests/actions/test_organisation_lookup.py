"""The organisation finder on the real data file content/data/organisations.yml."""
from __future__ import annotations

import re

import pytest

from actions.organisation_lookup import (
    DEFAULT_DATA, FUZZY_THRESHOLD, OrganisationFinder, load_organisations, normalise,
)


@pytest.fixture(scope="module")
def finder():
    return OrganisationFinder.from_file()


@pytest.mark.parametrize("typed, expected", [
    ("Belastingdienst", "de Belastingdienst"),
    ("belastingsdienst", "de Belastingdienst"),
    ("kan ik machtigen voor de belastingsdienst?", "de Belastingdienst"),
    ("blastingdienst", "de Belastingdienst"),
    ("toeslagen", "Toeslagen"),
    ("mijn huurtoeslag", "Toeslagen"),
    ("belastingdienst toeslagen", "Toeslagen"),
    ("UWV", "het UWV"),
    ("uvw", "het UWV"),
    ("kan mijn dochter bij het uwv inloggen voor mij", "het UWV"),
    ("svb", "de SVB"),
    ("S.V.B.", "de SVB"),
    ("sociale verzekerings bank", "de SVB"),
    ("duo", "DUO"),
    ("gemeente utrecht", "de gemeente"),
    ("Gemeente  Súdwest-Fryslân", "de gemeente"),
    ("gemeete", "de gemeente"),
    ("waterschap", "het waterschap"),
    ("cjib", "het CJIB"),
    ("boete van het cjib", "het CJIB"),
    ("RDW", "de RDW"),
    ("cbr", "het CBR"),
    ("zorgkantoor", "het zorgkantoor"),
    ("apoteek", "de apotheek"),
    ("ziekenhuis", "het ziekenhuis"),
    ("mijn overheid berichtenbox", "de Berichtenbox"),
    ("berichten box", "de Berichtenbox"),
])
def test_finds_names_aliases_and_misspellings(finder, typed, expected):
    match = finder.find(typed)
    assert match is not None, typed
    assert match.organisation.name == expected


@pytest.mark.parametrize("typed", ["", "   ", "de bakker", "ik wil iemand machtigen", "hallo", "uw",
                                   "voor mijn vader", "kan ik machtigen voor"])
def test_does_not_guess(finder, typed):
    assert finder.find(typed) is None


def test_fuzzy_scores_respect_the_threshold(finder):
    match = finder.find("belastingdinst")  # not an alias: found by the fuzzy step
    assert match.organisation.name == "de Belastingdienst"
    assert FUZZY_THRESHOLD <= match.score < 100
    assert finder.find("belastingdienst").score == 100


def test_normalise_removes_case_accents_and_signs():
    assert normalise("  Gemeente   Súdwest-Fryslân! ") == "gemeente sudwest fryslan"
    assert normalise("U.W.V.") == "u w v"


def test_data_file_is_complete():
    organisations = load_organisations(DEFAULT_DATA)
    names = {o.name for o in organisations}
    for required in ["de Belastingdienst", "Toeslagen", "het UWV", "de SVB", "DUO", "de gemeente",
                     "het waterschap", "het CJIB", "de RDW", "het CBR", "het zorgkantoor", "de apotheek",
                     "het ziekenhuis", "de Berichtenbox"]:
        assert required in names
    date = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for org in organisations:
        assert org.aliases and org.what_works and org.alternative, org.name
        assert org.source.startswith("https://"), org.name
        # The date the page shows, or "undated" (never the day it was read: that is `checked`).
        assert (date.match(org.as_of) or org.as_of == "undated") and date.match(org.checked), org.name
        assert date.match(org.known_on), org.name
        # Shown inside one chat message: keep each part short.
        assert len(org.what_works.split()) <= 25 and len(org.alternative.split()) <= 25, org.name


def test_no_alias_points_to_two_organisations():
    seen = {}
    for org in load_organisations(DEFAULT_DATA):
        for key in {normalise(org.name), *(normalise(a) for a in org.aliases)}:
            assert seen.setdefault(key, org.name) == org.name, key


def test_every_organisation_has_its_words_in_english():
    for org in load_organisations(DEFAULT_DATA):
        english = org.words("en")
        assert english["name"] != org.name or org.name.isupper(), org.name
        assert english["what_works"] != org.what_works, org.name


def test_a_language_without_translation_gets_the_dutch_words():
    org = load_organisations(DEFAULT_DATA)[0]
    assert org.words("tr")["what_works"] == org.what_works


def test_an_undated_page_is_known_from_the_day_it_was_read():
    by_name = {o.name: o for o in load_organisations(DEFAULT_DATA)}
    assert by_name["het UWV"].as_of == "undated"
    assert by_name["het UWV"].known_on == by_name["het UWV"].checked
    assert by_name["het CJIB"].known_on == "2023-12"
