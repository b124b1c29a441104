import pytest

from actions.ido import places


@pytest.mark.parametrize("text", ["'s-Gravenhage", "sgravenhage", "s gravenhage", "'S-GRAVENHAGE", "s-gravenhage"])
def test_normalise_s_prefix_forms_are_equal(text):
    assert places.normalise(text) == "sgravenhage"


def test_normalise_accents_case_space_hyphens():
    assert places.normalise("  Súdwest-Fryslân ") == "sudwest fryslan"
    assert places.normalise("St. Willebrord") == "sint willebrord"
    assert places.compact("Kapel-Avezaath") == places.compact("Kapel Avezaath")


@pytest.mark.parametrize("text", ["3511 AB", "3511ab", "3511", "postcode 3511 AB Utrecht"])
def test_parse_postcode(text):
    assert places.parse_postcode(text) == "3511"


@pytest.mark.parametrize("text", ["75001", "12345", "351", "0123", "abc"])
def test_parse_postcode_rejects_non_dutch(text):
    assert places.parse_postcode(text) is None


@pytest.mark.parametrize("text", ["3511 AB", "3511ab", "3511"])
def test_resolve_postcode(text):
    r = places.resolve(text)
    assert (r.status, r.kind, r.gemeente) == ("point", "postcode", "Utrecht")
    assert r.lat == pytest.approx(52.09, abs=0.02) and r.lon == pytest.approx(5.12, abs=0.03)


@pytest.mark.parametrize("text, label", [
    ("Utrecht", "Utrecht"),
    ("utreg", "Utrecht"),
    ("Den Bosch", "'s-Hertogenbosch"),
    ("'s-Hertogenbosch", "'s-Hertogenbosch"),
    ("s hertogenbosch", "'s-Hertogenbosch"),
    ("sgravenhage", "'s-Gravenhage"),
    ("Den Haag", "'s-Gravenhage"),
    ("ik woon in Den Bosch", "'s-Hertogenbosch"),
    ("Hoek van Holland", "Hoek van Holland"),
    ("Bergen NH", "Bergen (NH)"),
])
def test_resolve_town(text, label):
    r = places.resolve(text)
    assert (r.status, r.kind, r.label) == ("point", "town", label)


def test_resolve_village_gives_its_gemeente():
    r = places.resolve("Wommels")
    assert (r.status, r.label, r.gemeente) == ("point", "Wommels", "Súdwest-Fryslân")


def test_resolve_gemeente_name_that_is_no_town():
    r = places.resolve("Westerkwartier")
    assert (r.status, r.kind, r.gemeente) == ("point", "gemeente", "Westerkwartier")


@pytest.mark.parametrize("text, expected", [
    ("Amsterdm", "Amsterdam"), ("Roterdam", "Rotterdam"), ("Groningn", "Groningen"),
    ("Apeldorn", "Apeldoorn"), ("leewarden", "Leeuwarden"), ("Den Haaag", "Den Haag"),
])
def test_misspelling_gives_suggestion(text, expected):
    r = places.resolve(text)
    assert r.status == "suggest"
    assert r.suggestions[0] == expected
    assert len(r.suggestions) <= places.MAX_SUGGESTIONS


def test_suggestion_resolves_when_typed_back():
    assert places.resolve(places.resolve("Den Haaag").suggestions[0]).label == "'s-Gravenhage"


def test_same_name_villages_far_apart_ask_which_one():
    r = places.resolve("Beek")
    assert r.status == "suggest"
    assert "Beek (gemeente Berg en Dal)" in r.suggestions
    chosen = places.resolve("Beek (gemeente Berg en Dal)")
    assert (chosen.status, chosen.gemeente) == ("point", "Berg en Dal")


@pytest.mark.parametrize("name, choices", [
    ("Bergen", ["Bergen (Noord-Holland)", "Bergen (Limburg)"]),
    ("hengelo", ["Hengelo (Overijssel)", "Hengelo (Gelderland)"]),
    ("Zevenhuizen", ["Zevenhuizen (Zuid-Holland)", "Zevenhuizen (Groningen)"]),
    ("Hoorn", ["Hoorn (Noord-Holland)", "Hoorn (Fryslân)"]),
    ("Rijswijk", ["Rijswijk (Zuid-Holland)", "Rijswijk (Gelderland)", "Rijswijk (Noord-Brabant)"]),
])
def test_same_name_places_far_apart_are_never_chosen_silently(name, choices):
    """Issue 15: "Hengelo" was Twente without asking, also for someone in Hengelo (Gelderland)."""
    r = places.resolve(name)
    assert (r.status, r.reason, r.suggestions) == ("suggest", "same_name", choices)


@pytest.mark.parametrize("choice, label, gemeente", [
    ("Bergen (Noord-Holland)", "Bergen (NH)", "Bergen (NH)"),
    ("Bergen (Limburg)", "Bergen L", "Bergen (L)"),
    ("Hengelo (Overijssel)", "Hengelo", "Hengelo"),
    ("Hengelo (Gelderland)", "Hengelo (Gld)", "Bronckhorst"),
    ("Zevenhuizen (Groningen)", "Zevenhuizen", "Westerkwartier"),
    ("Hoorn (Fryslân)", "Hoorn", "Terschelling"),
])
def test_each_choice_leads_to_its_own_place(choice, label, gemeente):
    r = places.resolve(choice)
    assert (r.status, r.label, r.gemeente) == ("point", label, gemeente)


def test_a_name_that_says_which_needs_no_question():
    assert places.resolve("Bergen NH").label == "Bergen (NH)"
    assert places.resolve("Bergen Limburg").label == "Bergen L"
    assert places.resolve("hengelo gld").label == "Hengelo (Gld)"


@pytest.mark.parametrize("text", ["qwertyuiop", "blablabla", "", "   ", "0123", "x" * 10_000])
def test_unknown_place(text):
    r = places.resolve(text)
    assert (r.status, r.reason) == ("not_found", "unknown")


@pytest.mark.parametrize("text", ["1000 Brussel", "75001", "75001 Paris", "SW1A 1AA", "B-1000", "52062 Aachen"])
def test_foreign_postcode(text):
    r = places.resolve(text)
    assert (r.status, r.reason) == ("not_found", "foreign")


def test_haversine_utrecht_amsterdam():
    utrecht, amsterdam = places.resolve("Utrecht"), places.resolve("Amsterdam")
    km = places.haversine_km(utrecht.lat, utrecht.lon, amsterdam.lat, amsterdam.lon)
    assert km == pytest.approx(35, abs=3)


def test_content_dir_override(monkeypatch, tmp_path):
    monkeypatch.setenv("DIGIHULP_CONTENT_DIR", str(tmp_path))
    assert places.content_dir() == tmp_path
