import csv
import shutil

import pytest

from actions.ido import helppoints, importer, places

GOOD = {"naam": "Bibliotheek Eindhoven", "woonplaats": "Eindhoven", "status": "open",
        "bron_datum": "2024-05", "postcode": "5611 EM", "ido_tijden": "dinsdag 10-12"}


def write_csv(path, rows, columns=helppoints.COLUMNS):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows([{c: r.get(c, "") for c in columns} for r in rows])
    return str(path)


@pytest.fixture
def content(tmp_path, monkeypatch):
    """A private copy of content/ so --write never touches the real table."""
    copy = tmp_path / "content"
    shutil.copytree(places.content_dir() / "data", copy / "data", ignore=shutil.ignore_patterns("raw"))
    monkeypatch.setenv("DIGIHULP_CONTENT_DIR", str(copy))
    helppoints.load.cache_clear()
    yield copy
    helppoints.load.cache_clear()


def test_good_row_gets_gemeente(tmp_path):
    good, problems = importer.validate(write_csv(tmp_path / "in.csv", [GOOD]))
    assert problems == [] and good[0]["gemeente"] == "Eindhoven"


@pytest.mark.parametrize("change, reason", [
    ({"naam": ""}, "missing_name"),
    ({"woonplaats": ""}, "missing_town"),
    ({"woonplaats": "Atlantis"}, "unknown_town"),
    ({"postcode": "56111"}, "bad_postcode"),
    ({"postcode": "3511 AB"}, "bad_postcode"),  # a Utrecht postcode for an Eindhoven library
    ({"bron_datum": "31-12-2024"}, "bad_date"),
    ({"bron_datum": "2024-13"}, "bad_date"),
    ({"status": "dicht"}, "bad_status"),
    ({"gemeente": "Utrecht"}, "wrong_gemeente"),
])
def test_bad_rows_are_reported_with_row_number(tmp_path, change, reason):
    rows = [GOOD, {**GOOD, "naam": "Tweede", **change}]
    good, problems = importer.validate(write_csv(tmp_path / "in.csv", rows))
    assert len(good) == 1
    assert [(p.row, p.reason) for p in problems] == [(3, reason)]


def test_missing_column_is_reported(tmp_path):
    columns = [c for c in helppoints.COLUMNS if c != "status"]
    good, problems = importer.validate(write_csv(tmp_path / "in.csv", [GOOD], columns))
    assert good == [] and problems[0].reason == "bad_header" and "status" in problems[0].detail


def test_cli_write_merges_good_rows_and_reports_bad(content, tmp_path, capsys):
    before = len(helppoints.read_rows())
    replaced = {**GOOD, "naam": "Centrale Bibliotheek Hoorn", "woonplaats": "Hoorn", "postcode": ""}
    path = write_csv(tmp_path / "in.csv", [GOOD, {**GOOD, "naam": ""}, replaced])
    assert importer.main([path, "--write"]) == 1
    out = capsys.readouterr().out
    assert "rij 3: missing_name" in out and "1 nieuw, 1 vervangen" in out
    assert len(helppoints.read_rows()) == before + 1
    assert "Bibliotheek Eindhoven" in {p.name for p in helppoints.load()[0]}
