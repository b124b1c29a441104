"""IDO help points from content/data/ido/ido_locaties.csv, placed on the map and sorted by distance."""
from __future__ import annotations

import csv
import functools
from collections import Counter
from dataclasses import dataclass

from . import places

# A help point farther than this is "not near": the bot then points to the library in the
# user's own gemeente (every gemeente has funded an IDO since 2023, mostly in the library).
NEAR_KM = 25
COLUMNS = ["naam", "organisatie", "straat", "huisnummer", "postcode", "woonplaats", "gemeente",
           "ido_tijden", "telefoon", "website", "bron_url", "bron_datum", "status", "opmerking"]
STATUSES = ("open", "gesloten", "onbekend")


@dataclass(frozen=True)
class HelpPoint:
    name: str
    organisation: str
    town: str
    gemeente: str
    lat: float
    lon: float
    opening_times: str | None
    phone: str | None
    website: str | None
    source_url: str | None
    source_date: str | None
    status: str  # 'open' or 'onbekend' (only announced); 'gesloten' rows are never loaded
    located_by: str  # 'town_centre': no row has a street address yet


def csv_path():
    return places.content_dir() / "data" / "ido" / "ido_locaties.csv"


def read_rows() -> list[dict[str, str]]:
    with open(csv_path(), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def town_for(row: dict[str, str]) -> places.Town | None:
    """The woonplaats of a row; its gemeente settles same-name villages (Rijswijk, Beek)."""
    found = places.towns_named(row["woonplaats"], row["gemeente"]) or places.towns_named(row["woonplaats"])
    return found[0] if found else None


@functools.lru_cache(maxsize=1)
def load() -> tuple[tuple[HelpPoint, ...], Counter]:
    """The help points and a count of skipped rows by reason; cache_clear() after an import."""
    points, skipped = [], Counter()
    for row in read_rows():
        town = town_for(row) if row["woonplaats"].strip() else None
        if row["status"] == "gesloten":
            skipped["closed"] += 1
        elif not row["woonplaats"].strip():
            skipped["no_town"] += 1  # organisation-level rows ("alle vestigingen")
        elif town is None:
            skipped["unknown_town"] += 1
        else:
            points.append(_help_point(row, town))
    return tuple(points), skipped


def _help_point(row: dict[str, str], town: places.Town) -> HelpPoint:
    def value(column: str) -> str | None:
        return row[column].strip() or None

    return HelpPoint(row["naam"].strip(), row["organisatie"].strip(), town.name, town.gemeente,
                     town.lat, town.lon, value("ido_tijden"), value("telefoon"), value("website"),
                     value("bron_url"), value("bron_datum"), row["status"], "town_centre")


def nearest(lat: float, lon: float, n: int = 3) -> list[tuple[HelpPoint, float]]:
    """The n closest help points with their straight-line distance in km, closest first."""
    points, _ = load()
    ranked = sorted(((p, places.haversine_km(lat, lon, p.lat, p.lon)) for p in points),
                    key=lambda pair: (pair[1], pair[0].name))
    return ranked[:n]
