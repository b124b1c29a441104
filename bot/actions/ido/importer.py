"""Check a CSV of help points from a library organisation and merge it into ido_locaties.csv.

Usage (from bot/): python -m actions.ido.importer FILE.csv [--write]
Row numbers are spreadsheet rows: the header is row 1, the first help point row 2.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from dataclasses import dataclass
from datetime import date

from . import helppoints, places

POSTCODE_RE = re.compile(r"[1-9]\d{3}(?:\s?[A-Za-z]{2})?")
DATE_FORMATS = (r"\d{4}", r"\d{4}-\d{2}", r"\d{4}-\d{2}-\d{2}")  # the source data uses all three


@dataclass(frozen=True)
class Problem:
    row: int
    reason: str  # missing_name, missing_town, unknown_town, wrong_gemeente, bad_postcode, ...
    detail: str


def validate(path: str) -> tuple[list[dict[str, str]], list[Problem]]:
    """The good rows (cleaned, gemeente filled in) and a problem for every bad one."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in helppoints.COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            return [], [Problem(1, "bad_header", f"kolommen ontbreken: {', '.join(missing)}")]
        good, problems = [], []
        for number, raw in enumerate(reader, start=2):
            row = {c: (raw[c] or "").strip() for c in helppoints.COLUMNS}
            found = _row_problems(number, row, raw)
            problems += found
            if not found:
                good.append(row)
    return good, problems


def _row_problems(number: int, row: dict[str, str], raw: dict) -> list[Problem]:
    problems = []

    def bad(reason: str, detail: str) -> None:
        problems.append(Problem(number, reason, detail))

    if None in raw:
        bad("bad_row", "meer velden dan kolommen")
    if not row["naam"]:
        bad("missing_name", "naam is leeg")
    row["status"] = row["status"].lower()
    if row["status"] not in helppoints.STATUSES:
        bad("bad_status", f"status {row['status']!r} is niet {' / '.join(helppoints.STATUSES)}")
    if row["bron_datum"] and not _is_date(row["bron_datum"]):
        bad("bad_date", f"bron_datum {row['bron_datum']!r} is geen JJJJ, JJJJ-MM of JJJJ-MM-DD")
    if not row["woonplaats"]:
        bad("missing_town", "woonplaats is leeg")
        return problems
    town = helppoints.town_for(row)
    if town is None:
        bad("unknown_town", f"woonplaats {row['woonplaats']!r} niet gevonden")
        return problems
    if row["gemeente"] and places.compact(row["gemeente"]) != places.compact(town.gemeente):
        bad("wrong_gemeente", f"{town.name} ligt in gemeente {town.gemeente}, niet {row['gemeente']}")
    row["gemeente"] = town.gemeente
    if row["postcode"]:
        reason = _postcode_problem(row["postcode"], town)
        if reason:
            bad("bad_postcode", reason)
    return problems


def _is_date(text: str) -> bool:
    if not any(re.fullmatch(f, text) for f in DATE_FORMATS):
        return False
    parts = [int(p) for p in text.split("-")] + [1] * (3 - text.count("-") - 1)
    try:
        return date(*parts) <= date.today()
    except ValueError:
        return False


def _postcode_problem(postcode: str, town: places.Town) -> str | None:
    if not POSTCODE_RE.fullmatch(postcode):
        return f"postcode {postcode!r} is niet als 1234 AB"
    pc4 = places.tables().pc4.get(postcode[:4])
    if pc4 is None:
        return f"postcode {postcode!r} bestaat niet"
    if pc4["gemeente_code"] != town.gemeente_code:
        return f"postcode {postcode[:4]} ligt in gemeente {pc4['gemeente']}, niet in {town.gemeente}"
    return None


def merge(new_rows: list[dict[str, str]]) -> tuple[int, int]:
    """Write new_rows into ido_locaties.csv: same naam + woonplaats replaces, else appends.
    Returns (added, replaced)."""
    rows = helppoints.read_rows()
    index = {_key(r): i for i, r in enumerate(rows)}
    added = replaced = 0
    for row in new_rows:
        if _key(row) in index:
            rows[index[_key(row)]] = row
            replaced += 1
        else:
            index[_key(row)] = len(rows)
            rows.append(row)
            added += 1
    path = helppoints.csv_path()
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=helppoints.COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, path)  # never leave a half-written table for the action server
    helppoints.load.cache_clear()
    return added, replaced


def _key(row: dict[str, str]) -> tuple[str, str]:
    return places.compact(row["naam"]), places.compact(row["woonplaats"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="CSV with the columns of ido_locaties.csv")
    parser.add_argument("--write", action="store_true", help="merge the good rows into ido_locaties.csv")
    args = parser.parse_args(argv)
    good, problems = validate(args.file)
    for p in problems:
        print(f"rij {p.row}: {p.reason}: {p.detail}")
    print(f"{len(good)} goede rijen, {len({p.row for p in problems})} rijen met fouten")
    if args.write and good:
        added, replaced = merge(good)
        print(f"geschreven naar {helppoints.csv_path()}: {added} nieuw, {replaced} vervangen")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
