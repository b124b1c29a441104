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
# (Buurmalsen, Deurningen); farther apart they are different places and we always ask which one,
# with the province (or, within one province, the gemeente) on each button: "Hengelo (Overijssel)",
# "Hengelo (Gelderland)". Issue 15: picking the bigger one silently sent people in Hengelo (Gld)
# to Twente.
SAME_PLACE_KM = 15
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
    "marokko", "portugal", "italie", "polen", "griekenland", "oostenrijk", "zwitserland", "suriname",
    "spain", "turkey", "morocco", "italy", "poland",
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
    provincie: str = ""


@dataclass(frozen=True)
class Resolution:
    """status: 'point' (lat/lon/label/kind set), 'suggest' (suggestions set; reason 'same_name' when
    more places have the name typed) or 'not_found' (reason 'foreign' or 'unknown')."""
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
                    float(r["lon"]), int(r["n_pc4"]), r["provincie"])
        towns.setdefault(compact(town.name), []).append(town)
    for same_name in towns.values():
        same_name.sort(key=lambda t: -t.n_pc4)
    gemeenten = {compact(r["gemeente"]): r for r in _read("nl_gemeenten.csv")}
    names = {key: [key] for key in (*gemeenten, *towns)}
    # "Hengelo (Gld)", "Rijswijk (NB)": typed as plain "Hengelo" too, so that name has to ask which.
    for key, same_name in towns.items():
        suffixed = re.fullmatch(r"(.+?)\s*\(.*\)", same_name[0].name)
        if suffixed and compact(suffixed.group(1)) in towns:
            names[compact(suffixed.group(1))].append(key)
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
    """Woonplaatsen with this name or alias, those in `gemeente` (or that province) only if given."""
    t = tables()
    found = [x for key in t.names.get(compact(name), []) for x in t.towns.get(key, [])]
    return [x for x in found if not gemeente or compact(gemeente) in (compact(x.gemeente), compact(x.provincie))]


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
    chosen = re.fullmatch(r"\s*(.+?)\s*\(\s*(?:gemeente\s+)?(.+?)\s*\)\s*", text, re.I)
    if chosen:  # one of our buttons: "Beek (gemeente Berg en Dal)", "Hengelo (Gelderland)"
        found = towns_named(chosen.group(1), chosen.group(2))
        if len(found) == 1 or (found and all(x.name == found[0].name for x in found)):
            return _town_point(found[0])
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
    return Resolution("suggest", suggestions=which_one(key, found), reason="same_name")


def which_one(key: str, found: list[Town]) -> list[str]:
    """Button titles for same-name places far apart, biggest first; each resolves to its own place
    when sent back: "Bergen (Noord-Holland)", "Bergen (Limburg)"; within one province by gemeente:
    "Beek (gemeente Berg en Dal)". Our own names only, never what was typed."""
    t = tables()
    shown = t.choices[t.choice_keys.index(key)] if key in t.choice_keys else found[0].name
    base = re.sub(r"\s*\(.*\)$", "", shown) if "(" in shown else shown
    if len({x.provincie for x in found}) == len(found) and all(x.provincie for x in found):
        titles = [f"{base} ({x.provincie})" for x in found]
    else:
        titles = [f"{base} (gemeente {x.gemeente})" for x in found]
    # Every title must lead back to one place only; else fall back to the full names.
    if len(set(titles)) == len(titles) and all(len(towns_named_choice(x)) == 1 for x in titles):
        return titles
    return [f"{x.name} (gemeente {x.gemeente})" for x in found]


def towns_named_choice(title: str) -> list[Town]:
    chosen = re.fullmatch(r"\s*(.+?)\s*\(\s*(?:gemeente\s+)?(.+?)\s*\)\s*", title, re.I)
    if not chosen:
        return towns_named(title)
    return towns_named(chosen.group(1), chosen.group(2))


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


# ---- Places inside a sentence (the NLU component bot/nlu/places.py uses this) ----------------------

@dataclass(frozen=True)
class Mention:
    """A place named in a message: the characters start:end of what was typed. `exact`: a name or
    postcode from our tables as typed; else a near miss (the search then asks "Bedoel je ...?")."""
    start: int
    end: int
    text: str
    exact: bool


# Words a place usually follows: "in Deventer", "bij 7411", "uit Sneek", "near Zwolle".
# Not "te": "te worden", "te zetten" (Woerden, Zetten) are verbs far more often than "te Zwolle".
PLACE_PREPOSITIONS = {"in", "bij", "uit", "rond", "rondom", "omgeving", "buurt", "nabij", "naar",
                      "regio", "near", "from", "around", "at", "dichtbij", "dicht", "plaats", "woonplaats",
                      "postcode", "gemeente", "dorp", "stad", "town", "city", "village", "postal", "zip", "pc"}
# Names of help points a place often follows straight away: "ido kampen", "bieb best", "informatiepunt almeloo".
PLACE_CONTEXT = PLACE_PREPOSITIONS | {"ido", "informatiepunt", "bieb", "bibliotheek", "library", "hulppunt",
                                      "spreekuur", "gemeentehuis"}
# Words around a place that say nothing more ("ik woon in de buurt van ..."): a message of only these and a
# place is the place alone.
PLACE_FILLER = LEADING_FILLER | PLACE_PREPOSITIONS | {
    "ik", "we", "wij", "woon", "woonachtig", "zit", "kom", "wonen", "hier", "daar", "graag", "aub", "alsjeblieft",
    "alstublieft", "het", "een", "u", "je", "jij", "ben", "zijn", "en", "of", "nou", "eh", "euh",
    "ergens", "i", "live", "am", "im", "my", "is", "the", "please", "pls", "code", "postal", "omg",
    "dus", "toch", "ofzo", "zo", "op", "gewoon", "nabij", "adres", "address", "staying", "stay", "living",
}
# Place names that are ordinary words too. These count only as the whole message ("Best") or right after
# a place word ("hulp in best", "bieb bij beek"), never inside an ordinary sentence ("ik wil het best weten").
COMMON_WORD_PLACES = {
    "aalst", "amen", "baard", "balk", "beek", "beets", "best", "boer", "born", "broek", "buren", "deil",
    "doorn", "dorst", "echt", "ee", "een", "elst", "ens", "enter", "est", "gees", "goes", "graft", "grave",
    "groet", "hall", "halle", "hank", "haren", "hee", "heel", "heide", "hem", "hoek", "hoorn", "horn", "horst",
    "ie", "laren", "leek", "lent", "lies", "linde", "loon", "made", "mill", "neer", "nes", "oost", "putten",
    "reek", "rien", "sluis", "spier", "stein", "veen", "vries", "waal", "well", "wier", "wijk", "winde",
    "zegge", "huizen", "velden", "duiven", "helden", "sloten", "bergen", "kampen", "halfweg", "america",
    "boven", "midden", "noord", "zuid", "west", "oosten", "westen", "haven", "holland", "nederland",
    "kessel", "lemmer", "meer", "mook", "spui", "tuk", "tuil", "ell", "erm", "ees", "eext", "moer",
    "vinkel", "bant", "leur", "peins", "eind", "einde", "loo", "zand", "dijk", "berg", "brug", "dam",
    "markt", "kerk", "school", "wezep", "engeland", "paradijs", "schoonhoven", "sint", "oud", "nieuw",
    "groot", "klein", "hulp", "thuis", "stad", "dorp", "home", "city", "town", "digid", "app", "brief",
    "son", "zetten", "kaart", "nederlands", "engels", "thank", "hallo", "belt",
}
# Fuzzy matches of what follows a place word: only this close (fuzz.ratio), and only from this length.
IN_SENTENCE_FUZZY_SCORE = 85
IN_SENTENCE_FUZZY_CHARS = 5
YEAR_RE = re.compile(r"(19|20)\d\d$")
WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|['’][st]\b", re.UNICODE)


def find_places(text: str) -> list[Mention]:
    """Every place named in a message, longest name first, as typed. Postcodes (PC4, PC6) that exist;
    names and aliases of towns and gemeenten; near misses after a place word or as the whole message.
    Ordinary words that are also places only where a place is expected (COMMON_WORD_PLACES)."""
    text = text[:MAX_INPUT_CHARS]
    words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)][:MAX_WORDS]
    plain = [normalise(w) for _, _, w in words]
    taken: set[int] = set()
    found: list[Mention] = []
    for m in POSTCODE_RE.finditer(text):
        if m.group(1) not in tables().pc4 or _looks_foreign(text, m.group(1)):  # not "1000 Brussel"
            continue
        index = next((i for i, (s, e, _) in enumerate(words) if s <= m.start() < e), None)
        before = plain[index - 1] if index else ""
        has_letters = bool(m.group(0)[4:].strip())
        alone = all(p in PLACE_FILLER for i, p in enumerate(plain) if words[i][0] < m.start() or words[i][1] > m.end())
        # "in 2023" is a year; "bij 2023" or "postcode 2023 ab" a place.
        if YEAR_RE.match(m.group(1)) and not (has_letters or alone or before in PLACE_PREPOSITIONS - {"in"}):
            continue
        found.append(Mention(m.start(), m.end(), m.group(0), True))
        taken.update(i for i, (s, e, _) in enumerate(words) if s < m.end() and e > m.start())
    n = len(words)
    only_place = n - sum(p in PLACE_FILLER for p in plain)  # words that are not filler
    for size in range(min(n, 5), 0, -1):
        for start in range(0, n - size + 1):
            span = range(start, start + size)
            if taken & set(span):
                continue
            key = "".join(plain[start:start + size]).replace(" ", "")
            if not key or key.isdigit() or key not in tables().names:
                continue
            if not _place_expected(words, plain, start, size, only_place, key):
                continue
            s, e = words[start][0], words[start + size - 1][1]
            found.append(Mention(s, e, text[s:e], True))
            taken.update(span)
    for i in range(n):  # near misses: "in deventr", "bieb in sneeek", or "Amsterdm" alone
        if i in taken or plain[i] in PLACE_FILLER or plain[i] in COMMON_WORD_PLACES or plain[i] in FOREIGN_WORDS:
            continue
        after_place_word = i > 0 and plain[i - 1] in PLACE_CONTEXT
        if not (after_place_word or only_place == 1):
            continue
        best = None
        for size in (3, 2, 1):
            span = list(range(i, min(i + size, n)))
            if len(span) < size or taken & set(span) or any(plain[j] in PLACE_FILLER for j in span[1:]):
                continue
            key = "".join(plain[j] for j in span).replace(" ", "")
            if len(key) < IN_SENTENCE_FUZZY_CHARS or key.isdigit():
                continue
            hit = _near_miss(key)
            if hit and (best is None or hit > best[0]):
                best = (hit, span)
        if best:
            s, e = words[best[1][0]][0], words[best[1][-1]][1]
            found.append(Mention(s, e, text[s:e], False))
            taken.update(best[1])
    return sorted(found, key=lambda x: x.start)


def _near_miss(key: str) -> float | None:
    """The score of the closest place name, if close enough. Typos seldom hit the first letter, and a
    word one letter off an ordinary-word place is that word ("menter" is no "Enter", "hallo" no "Hall")."""
    t = tables()
    for name, score, _ in process.extract(key, t.choice_keys, scorer=fuzz.ratio,
                                          score_cutoff=IN_SENTENCE_FUZZY_SCORE, limit=5):
        if name[0] == key[0] and abs(len(name) - len(key)) <= 2 and name not in COMMON_WORD_PLACES:
            return score
    return None


def _place_expected(words, plain, start: int, size: int, only_place: int, key: str) -> bool:
    if size == 1 and plain[start] in PLACE_FILLER:  # "een", "dorp": a place only as the whole message
        return len(plain) == 1
    if size > 1 and key not in COMMON_WORD_PLACES:
        return True
    if key not in COMMON_WORD_PLACES and len(key) > 2:
        return True
    if only_place <= size:  # the whole message is this name, perhaps with "ik woon in"
        return True
    if start > 0 and plain[start - 1] in PLACE_CONTEXT and plain[start - 1] not in (
            "plaats", "stad", "dorp", "town", "city", "village"):  # "the town hall" is no Hall
        # "in een dorp": "een" and the like are never a place inside a sentence
        return key not in {"een", "hem", "heel", "echt", "ie", "hee", "neer", "made", "goes", "well", "born",
                           "enter", "lies", "home", "city", "town", "hulp", "thuis", "stad", "dorp", "digid",
                           "app", "brief", "nederland", "holland", "engeland"}
    return False


def is_only_places(text: str, mentions: list[Mention]) -> bool:
    """True when the message says nothing but the place(s): "Sneek", "ik woon in 7411", "in best graag"."""
    rest = list(text)
    for m in mentions:
        rest[m.start:m.end] = [" "] * (m.end - m.start)
    # "gemeente Utrecht" alone may be the organisation (machtigen_check_org): not a place alone.
    return bool(mentions) and all(normalise(w) in PLACE_FILLER - {"gemeente"}
                                  for w in WORD_RE.findall("".join(rest)))
