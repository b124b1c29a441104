from urllib.parse import parse_qs, urlparse

import pytest

from actions.ido import find_help, helppoints, places, route_link


def test_closed_and_townless_rows_are_skipped_and_counted():
    points, skipped = helppoints.load()
    assert skipped["closed"] == 3 and skipped["no_town"] == 10 and not skipped["unknown_town"]
    assert all(p.status != "gesloten" and p.located_by == "town_centre" for p in points)
    assert "Dussen" not in {p.town for p in points}


def test_same_name_town_settled_by_gemeente():
    zeeland = next(p for p in helppoints.load()[0] if p.name == "Bibliotheek Zeeland (NB)")
    assert zeeland.gemeente == "Maashorst"


def test_nearest_is_sorted_and_first_is_in_town():
    r = places.resolve("Leeuwarden")
    ranked = helppoints.nearest(r.lat, r.lon, n=5)
    distances = [km for _, km in ranked]
    assert len(ranked) == 5 and distances == sorted(distances)
    assert ranked[0][0].town == "Leeuwarden" and ranked[0][1] < 1


def test_found_by_postcode():
    result = find_help("3511 AB")
    assert result.status == "found"
    assert result.gemeente == "Utrecht" and result.place_kind == "postcode"
    assert 1 <= len(result.points) <= 3
    assert [p.km for p in result.points] == sorted(p.km for p in result.points)
    assert all(isinstance(p.km, int) and p.km <= result.near_km for p in result.points)
    first = result.points[0]
    assert first.town == "Utrecht" and first.phone is None


def test_found_keeps_opening_times_and_website():
    hoorn = find_help("Hoorn (Noord-Holland)").points[0]
    assert hoorn.name == "Centrale Bibliotheek Hoorn" and hoorn.km == 0
    assert "donderdag" in hoorn.opening_times and hoorn.website.startswith("https://")
    assert hoorn.source_date == "2021-09-13"


def test_none_near_gives_gemeente_and_still_the_nearest():
    result = find_help("Vlieland")
    assert result.status == "none_near"
    assert result.gemeente == "Vlieland"
    assert result.points and all(p.km > helppoints.NEAR_KM for p in result.points)


@pytest.mark.parametrize("text, status", [
    ("Amsterdm", "suggest"), ("qwertyuiop", "unknown"), ("1000 Brussel", "foreign"), ("SW1A 1AA", "foreign"),
])
def test_other_statuses(text, status):
    result = find_help(text)
    assert result.status == status and not result.points


def test_long_garbage_is_capped():
    assert find_help("utrecht " * 2000).status == "found"
    assert find_help("x" * 10_000).status == "unknown"


def test_route_link_is_plain_osm_directions():
    point = find_help("Hoorn (Noord-Holland)").points[0]
    url = urlparse(route_link(point))
    assert (url.scheme, url.netloc, url.path) == ("https", "www.openstreetmap.org", "/directions")
    lat, lon = map(float, parse_qs(url.query)["to"][0].split(","))
    assert (lat, lon) == (pytest.approx(point.lat, abs=1e-4), pytest.approx(point.lon, abs=1e-4))
    assert list(parse_qs(url.query)) == ["to"]


def test_a_name_more_places_have_is_asked_about():
    result = find_help("Hoorn")  # the town in Noord-Holland, and a village on Terschelling
    assert (result.status, result.suggestions) == ("which", ["Hoorn (Noord-Holland)", "Hoorn (Fryslân)"])
    assert not result.points
