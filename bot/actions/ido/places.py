"""Offline Dutch place look-up: postcode (PC4) or town/gemeente name -> a point on the map."""
from __future__ import annotations

import csv
import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

# fuzz.ratio (0-100) on the compact name. 80 catches one or two typos in a town name
# ("Amsterdm" 93, "Nijmegan" 88, "Leewarden" 95) while short noise words stay below it.
# Fuzzy hits are only ever offered as a question ("Bedoel je ...?"), never used silently.
SUGGEST_MIN_SCORE = 80
MAX_SUGGESTIONS = 3
# Same-name woonplaatsen closer together than this are one place split over two gemeenten
# (Buurmalsen, Deurningen); farther apart they are different villages and we ask which one.
SAME_PLACE_KM = 15
# Of two far-apart same-name places, a town with 3+ postcodes and 3x the other's is meant
# without asking ("Hoorn": Noord-Holland, 7 PC4s; Terschelling village, 1).
CLEAR_WINNER_PC4S = 3
CLEAR_WINNER_FACTOR = 3
MAX_FUZZY_CHARS = 40
MAX_INPUT_CHARS = 200
MAX_WORDS = 30

# Colloquial names checked by hand against nl_woonplaatsen.csv; the alias table has the rest.
HAND_ALIASES = {
    "Utreg": "Utrecht",
    "Mokum": "Amsterdam",
    "Dordt": "Dordrecht",
    "Den Bosch": "'s-Hertogenbosch",
    "Den Haag": "'s-Gravenhage",
}

FOREIGN_WORDS = {
    # Not Hasselt or Mechelen: the Netherlands has villages with those names too.
    "belgie", "belgium", "belgique", "brussel", "bruxelles", "brussels", "antwerpen", "gent",
    "leuven", "brugge", "luik", "liege", "duitsland", "deutschland", "germany", "aachen", "aken",
    "keulen", "koln", "dusseldorf", "berlijn", "berlin", "frankrijk", "france", "parijs", "paris",
    "london", "londen", "engeland", "england", "luxemburg", "luxembourg", "spanje", "turkije",
    "marokko",
}
LEADING_FILLER = {"ik", "woon", "wonen", "in", "bij", "te", "de", "buurt", "omgeving", "van",
                  "postcode", "plaats", "woonplaats", "gemeente", "mijn", "is", "dorp", "stad"}

POSTCODE_RE = re.compile(r"(?<![\w-])([1-9]\d{3})(?!\d)(?:\s?[a-z]{2}(?![a-z]))?", re.I)
COUNTRY_PREFIX_RE = re.compile(r"\b(?:b|be|d|de|f|fr|l|lu)-\s?\d{4,5}\b", re.I)  # "B-1000"
FOREIGN_POSTCODE_RES = (
    re.compile(r"(?<![\d-])\d{5}(?!\d)"),  # DE, FR, ES, IT, US
    re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b", re.I),  # UK
)


@dataclass(frozen=True)
class Town:
    name: str
    gemeente_code: str
    gemeente: str
    lat: float
    lon: float
    n_pc4: int


@dataclass(frozen=True)
class Resolution:
    """status: 'point' (lat/lon/label/kind set), 'suggest' (suggestions set) or 'not_found'
    (reason 'foreign' or 'unknown')."""
    status: str
    lat: float | None = None
    lon: float | None = None
    label: str = ""
    kind: str | None = None  # 'postcode' | 'town' | 'gemeente'
    gemeente: str = ""
    gemeente_code: str = ""
    suggestions: list[str] = field(default_factory=list)
    reason: str | None = None


def content_dir() -> Path:
    env = os.environ.get("DIGIHULP_CONTENT_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "content"


def normalise(text: str) -> str:
    """Lower case, no accents, words split by single spaces; "'s-Gravenhage", "s gravenhage"
    and "sgravenhage" all become "sgravenhage", and "St." becomes "sint"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.sub(r"[^a-z0-9]+", " ", text.replace("'", "").replace("’", "")).split()
    words = ["sint" if w == "st" else w for w in words]
    if len(words) > 1 and words[0] in ("s", "t"):
        words[:2] = [words[0] + words[1]]
    return " ".join(words)


def compact(text: str) -> str:
    return normalise(text).replace(" ", "")


def parse_postcode(text: str) -> str | None:
    """The PC4 in "3511 AB", "3511ab" or "3511", else None."""
    match = POSTCODE_RE.search(text)
    return match.group(1) if match else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from math import asin, cos, radians, sin, sqrt

    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371.0088 * asin(sqrt(a))


def _read(name: str) -> list[dict[str, str]]:
    with open(content_dir() / "data" / "places" / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@dataclass
class _Tables:
    pc4: dict[str, dict[str, str]]
    towns: dict[str, list[Town]]  # compact name -> same-name towns, biggest first
    gemeenten: dict[str, dict[str, str]]  # compact name -> row
    names: dict[str, list[str]]  # compact name or alias -> compact canonical names ("Bergen": 2)
    choices: list[str]  # names offered as suggestions, aliases included ("Den Haag")
    choice_keys: list[str]


@functools.lru_cache(maxsize=1)
def tables() -> _Tables:
    towns: dict[str, list[Town]] = {}
    for r in _read("nl_woonplaatsen.csv"):
        town = Town(r["woonplaats"], r["gemeente_code"], r["gemeente"], float(r["lat"]),
                    float(r["lon"]), int(r["n_pc4"]))
        towns.setdefault(compact(town.name), []).append(town)
    for same_name in towns.values():
        same_name.sort(key=lambda t: -t.n_pc4)
    gemeenten = {compact(r["gemeente"]): r for r in _read("nl_gemeenten.csv")}
    names = {key: [key] for key in (*gemeenten, *towns)}
    shown = {key: same[0].name for key, same in towns.items()}
    shown.update((key, r["gemeente"]) for key, r in gemeenten.items() if key not in towns)
    aliases = [(r["alias"], r["canonical"]) for r in _read("nl_place_aliases.csv")]
    for alias, canonical in [*aliases, *HAND_ALIASES.items()]:
        key = compact(alias)
        target = compact(canonical)
        if key not in towns and key not in gemeenten and target in towns:
            if target not in names.setdefault(key, []):
                names[key].append(target)
            if not alias.isupper():  # PostNL's "S GRAVELAND" forms are not worth showing
                shown[key] = alias
    return _Tables({r["pc4"]: r for r in _read("nl_pc4_centroids.csv")}, towns, gemeenten,
                   names, list(shown.values()), list(shown))


def towns_named(name: str, gemeente: str = "") -> list[Town]:
    """Woonplaatsen with this name or alias, those in `gemeente` only if given."""
    t = tables()
    found = [x for key in t.names.get(compact(name), []) for x in t.towns.get(key, [])]
    return [x for x in found if not gemeente or compact(x.gemeente) == compact(gemeente)]


def resolve(text: str) -> Resolution:
    text = text[:MAX_INPUT_CHARS]
    pc4 = parse_postcode(text)
    if _looks_foreign(text, pc4):
        return Resolution("not_found", reason="foreign")
    if pc4:
        return _from_postcode(pc4)
    return _from_name(text) or _suggest(text)


def _looks_foreign(text: str, pc4: str | None) -> bool:
    if set(normalise(text).split()) & FOREIGN_WORDS or COUNTRY_PREFIX_RE.search(text):
        return True
    return not pc4 and any(r.search(text) for r in FOREIGN_POSTCODE_RES)


def _from_postcode(pc4: str) -> Resolution:
    row = tables().pc4.get(pc4)
    if row is None:
        return Resolution("not_found", reason="unknown")
    label = f"{pc4} {row['woonplaats']}".strip()
    return Resolution("point", float(row["lat"]), float(row["lon"]), label, "postcode",
                      row["gemeente"], row["gemeente_code"])


def _from_name(text: str) -> Resolution | None:
    chosen = re.fullmatch(r"\s*(.+?)\s*\(\s*gemeente\s+(.+?)\s*\)\s*", text, re.I)
    if chosen:  # the user picked one of our "Beek (gemeente Berg en Dal)" suggestions
        found = towns_named(chosen.group(1), chosen.group(2))
        return _town_point(found[0]) if found else None
    words = normalise(text).split()[:MAX_WORDS]
    # Longest run of words first ("ik woon in Den Bosch" must not stop at "bosch"), and from the
    # end, because the place usually closes the sentence ("echt" and "best" are towns too).
    for size in range(min(len(words), 5), 0, -1):
        for start in range(len(words) - size, -1, -1):
            hit = _exact("".join(words[start:start + size]))
            if hit:
                return hit
    return None


def _exact(key: str) -> Resolution | None:
    t = tables()
    canonical = t.names.get(key, [])
    if len(canonical) == 1 and canonical[0] not in t.towns:
        return _gemeente_point(t.gemeenten[canonical[0]])
    found = sorted((x for c in canonical for x in t.towns[c]), key=lambda x: -x.n_pc4)
    if not found:
        return None
    biggest = found[0]
    if all(haversine_km(biggest.lat, biggest.lon, x.lat, x.lon) <= SAME_PLACE_KM for x in found):
        return _town_point(biggest)
    if len(found) > 1 and biggest.n_pc4 >= max(CLEAR_WINNER_PC4S, CLEAR_WINNER_FACTOR * found[1].n_pc4):
        return _town_point(biggest)  # "Hoorn" is the town in Noord-Holland, not the Terschelling village
    if len({x.name for x in found}) == len(found):
        return Resolution("suggest", suggestions=[x.name for x in found])
    return Resolution("suggest", suggestions=[f"{x.name} (gemeente {x.gemeente})" for x in found])


def _town_point(town: Town) -> Resolution:
    return Resolution("point", town.lat, town.lon, town.name, "town", town.gemeente, town.gemeente_code)


def _gemeente_point(row: dict[str, str]) -> Resolution:
    return Resolution("point", float(row["lat"]), float(row["lon"]), f"gemeente {row['gemeente']}",
                      "gemeente", row["gemeente"], row["gemeente_code"])


def _suggest(text: str) -> Resolution:
    words = normalise(text).split()
    while words and words[0] in LEADING_FILLER:
        words.pop(0)
    key = "".join(words)
    if key.isdigit() or not 3 <= len(key) <= MAX_FUZZY_CHARS:
        return Resolution("not_found", reason="unknown")
    t = tables()
    hits = process.extract(key, t.choice_keys, scorer=fuzz.ratio, score_cutoff=SUGGEST_MIN_SCORE,
                           limit=MAX_SUGGESTIONS * 3)
    # One suggestion per place: "Den Haag" and "'s-Gravenhage" are the same town.
    by_place: dict[str, str] = {}
    for _, _, i in hits:
        by_place.setdefault(t.names[t.choice_keys[i]][0], t.choices[i])
    names = list(by_place.values())[:MAX_SUGGESTIONS]
    if not names:
        return Resolution("not_found", reason="unknown")
    return Resolution("suggest", suggestions=names)
