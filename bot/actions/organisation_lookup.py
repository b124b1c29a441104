"""Find an organisation in content/data/organisations.yml from what a user typed.

Pure Python (no rasa_sdk), so it can be tested on its own.

Matching, in this order:
1. normalise: lower case, accents removed, every non-letter/digit becomes a space, spaces collapsed;
2. exact: the whole text, or a run of 1-4 words inside it, equals a name or alias;
3. fuzzy (rapidfuzz ``fuzz.ratio``, 0-100) between each run of 1-4 words and each alias of at least
   ``MIN_FUZZY_LENGTH`` characters; the best score must reach ``FUZZY_THRESHOLD``.

Why 85: one typo in a word of 7+ letters ("belastingsdienst", "gemeete", "apoteek") scores
86-97; unrelated words of similar length score below 75 ("gemeente" vs "gemeenten" is an alias
anyway). Aliases shorter than 5 letters (uwv, svb, cjib) are matched exactly only: on such short
words one typo already drops the score to ~67 and any threshold that lets it through also lets
through other short words. Their common typos ("uvw", "sbv") are listed as aliases instead.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
import re

import yaml
from rapidfuzz import fuzz

FUZZY_THRESHOLD = 85
MIN_FUZZY_LENGTH = 5
MAX_WORDS = 4
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "content" / "data" / "organisations.yml"
STATUSES = ("yes", "partial", "no", "unknown")
UNDATED = "undated"  # as_of of a source page that shows no date
LANGUAGES_FILE = Path(__file__).resolve().parents[2] / "content" / "languages.yml"  # the one list of languages


def translated_languages() -> tuple[str, ...]:
    """Every offered language but the default (Dutch, the data's own language)."""
    plan = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    return tuple(code for code in (*plan["complete"], *plan["partial"]) if code != plan["default"])


TRANSLATED = translated_languages()  # an entry may have a block of its words per language (en: {name, ...})

# Words that never name an organisation on their own; a run made only of these is skipped.
_FILLER = {
    "ik", "je", "jij", "u", "wil", "wilt", "kan", "kun", "kunnen", "mag", "mogen", "machtigen",
    "machtiging", "machtegen", "magtigen", "iemand", "voor", "bij", "de", "het", "een", "mijn",
    "me", "mij", "en", "of", "is", "dat", "dit", "ook", "laten", "regelen", "helpen", "inloggen",
    "met", "van", "op", "in", "naar", "hoe", "wat", "werkt", "doen", "anders", "ander", "nog",
    "niet", "wel", "er", "die", "daar", "hier", "zijn", "mn", "m", "n", "t", "s", "dan", "graag",
    # the same in English
    "i", "you", "can", "could", "may", "authorise", "authorize", "someone", "somebody", "for", "at",
    "the", "a", "an", "my", "with", "to", "and", "or", "it", "this", "that", "also", "let", "help",
    "log", "login", "online", "how", "what", "does", "do", "work", "other", "still", "not", "there", "please",
}


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    status: str
    what_works: str
    alternative: str
    source: str
    as_of: str
    checked: str
    translations: dict = field(default_factory=dict, hash=False, compare=False)  # lang -> words

    @property
    def known_on(self) -> str:
        """The date the answer gives ("Dit weet ik van ..."): the date the source shows, or for a page
        that shows none, the day it was read (it said so then)."""
        return self.checked if self.as_of == UNDATED else self.as_of

    def words(self, language: str) -> dict[str, str]:
        """name, what_works and alternative in `language`, else in Dutch (the data's own language)."""
        dutch = {"name": self.name, "what_works": self.what_works, "alternative": self.alternative}
        return {**dutch, **self.translations.get(language, {})}


@dataclass(frozen=True)
class Match:
    organisation: Organisation
    score: float
    matched: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _clean(value) -> str:
    return " ".join(str(value or "").split())


def load_organisations(path: Path = DEFAULT_DATA) -> list[Organisation]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    found = []
    for raw in data.get("organisations") or []:
        status = raw.get("status", "unknown")
        # YAML 1.1 reads an unquoted yes/no as true/false; accept that too.
        status = {True: "yes", False: "no"}.get(status, status) if isinstance(status, bool) else str(status)
        if status not in STATUSES:
            raise ValueError(f"{raw.get('name')}: status {status!r} is not one of {STATUSES}")
        found.append(Organisation(
            name=_clean(raw["name"]),
            aliases=tuple(_clean(a) for a in raw.get("aliases") or []),
            status=status,
            what_works=_clean(raw.get("what_works")),
            alternative=_clean(raw.get("alternative")),
            source=_clean(raw.get("source")),
            as_of=_clean(raw.get("as_of")),
            checked=_clean(raw.get("checked")),
            translations={lang: {k: _clean(v) for k, v in raw[lang].items()} for lang in TRANSLATED if raw.get(lang)},
        ))
    return found


def _runs(words: list[str]) -> list[str]:
    runs = []
    for size in range(1, MAX_WORDS + 1):
        for start in range(len(words) - size + 1):
            part = words[start:start + size]
            if all(w in _FILLER for w in part):
                continue
            runs.append(" ".join(part))
    return runs


class OrganisationFinder:
    def __init__(self, organisations: list[Organisation]):
        self.organisations = organisations
        self._keys: list[tuple[str, Organisation]] = []
        for org in organisations:
            for key in {normalise(org.name), *(normalise(a) for a in org.aliases)}:
                if key:
                    self._keys.append((key, org))
        # Longest keys first, so "belastingdienst toeslagen" wins over "belastingdienst".
        self._keys.sort(key=lambda pair: -len(pair[0]))

    @classmethod
    def from_file(cls, path: Path = DEFAULT_DATA) -> "OrganisationFinder":
        return cls(load_organisations(path))

    def find(self, text: str) -> Match | None:
        query = normalise(text)
        if not query:
            return None
        runs = _runs(query.split())
        if query not in runs:
            runs.insert(0, query)
        exact = {run for run in runs}
        for key, org in self._keys:
            if key in exact:
                return Match(org, 100.0, key)
        best: Match | None = None
        for run in runs:
            for key, org in self._keys:
                if len(key) < MIN_FUZZY_LENGTH or len(run) < MIN_FUZZY_LENGTH:
                    continue
                score = fuzz.ratio(run, key)
                if score >= FUZZY_THRESHOLD and (best is None or score > best.score):
                    best = Match(org, score, key)
        return best
