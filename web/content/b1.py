"""The B1 (plain Dutch) check for content texts: simple rules that can be explained to editors.

See the team's shared/notes/b1-dutch.md. Rules enforced by check_text:
  R1   a message has at most 60 words.
  R2   a sentence has at most 15 words. Sentences end at . ! ? (a step number right after
       it, "... aan: 1. Ga ...", is dropped), at the end of a line ending in ":", and at the
       end of a list step (a line that starts with "1.", "1)", "-", "*", "•" or "Stap 2 van 4:";
       the marker itself is not counted).
  R4   every word is common: Zipf >= 3.0 in wordfreq's Dutch list, for the word itself, for a
       base form (logt -> log/loggen, aangevraagd -> aanvragen, werkdagen -> werkdag) or for
       every part of a compound (zorgverzekering -> zorg + verzekering; parts of 3+ letters,
       joined directly or by s/e/en). Words on the allow-list (content/b1/allowed.yml) and
       jargon words (judged by R5) always pass, and so do labels quoted from a screen
       ("kies 'Andere volmacht'"). Numbers, times, web and e-mail addresses, phone numbers and
       slots such as {organisation} count as words for R1/R2 but are not judged.
  R5   a jargon word (content/b1/jargon.yml, "explain") needs an explanation in the same message.
       Convention: in at least one sentence where the word stands, it is followed by an
       explanation marker (": ", " - ", " — ", " (", " betekent ", " is ", " zijn ",
       " wil zeggen"), or preceded by " heet "/" heten "/" noemen we " ("Dat heet een
       machtiging."), or the next sentence starts with "Dat/Dit/Die/Het is/zijn/betekent/wil
       zeggen" ("Kies Activeren. Dat betekent: aanzetten."), or the sentence defines it by
       starting with "Een <word>"/"Als <word>" ("Een mentor regelt zorg."). It is a heuristic:
       "Je machtiging is klaar." also counts as explained. A word is matched whole, with an
       optional plural/inflection ending (-en, -s, -n, -e, 's). Words under "replace"
       (middels, teneinde, ...) are always a problem; the message names the plainer word.
  R10  one form of address: with address="je" no u/uw/uzelf; with address="u" no
       je/jij/jou/jouw/jullie/jezelf.
Readability scores (scores()) are advice only: Flesch-Douma means little for short messages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import textstat
from wordfreq import zipf_frequency

from .store import read_yaml

MAX_MESSAGE_WORDS = 60
MAX_SENTENCE_WORDS = 15
MIN_ZIPF = 3.0
MIN_PART_LETTERS = 3
# Prefixes and word pieces that wordfreq counts often but that are no compound part: without
# this list "prolongeren" would pass as pro + longeren and "ressorteren" as res + sorteren.
NOT_PARTS = frozenset(
    "ver ont her pro res con com dis per sub ing ens ers ere erd end ten ter den der len ren gel"
    " ste tie ant gen ige isch lijk heid".split()
)

DEFAULT_CONTENT_ROOT = Path(__file__).resolve().parents[2] / "content"

FORBIDDEN_ADDRESS = {
    "je": frozenset({"u", "uw", "uzelf"}),
    "u": frozenset({"je", "jij", "jou", "jouw", "jullie", "jezelf"}),
}

# Tokens, in order of precedence. Only "word" tokens are judged; all tokens count for length.
_TOKEN = re.compile(
    r"(?P<slot>\{\w+\})"  # filled in when the bot speaks: {organisation}
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>(?:https?://|www\.)\S*[^\s.,;:!?)]"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|be)\b(?:/\S*[^\s.,;:!?)])?)"
    r"|(?P<phone>(?:\+31[\s-]?|\b0)\d{1,3}(?:[\s-]*\d){4,9}\b)"
    r"|(?P<time>\b\d{1,2}[:.]\d{2}\b)"
    r"|(?P<number>\d+(?:[.,]\d+)*(?:e|ste|de)?\b)"
    r"|(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*)"
)
_LIST_STEP = re.compile(r"^\s*(?:\d+[.)]|[-•*]|(?:stap|step) \d+(?: (?:van|of) \d+)?:)\s+", re.I)
# A sentence ends at . ! ? and at a step number within a line ("... internet: 1. Ga naar ...").
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+\d+[.)]\s+|(?<=[.!?])\s+")
# Labels quoted from a screen ("kies 'Bewindvoering'") must stay literal, so R4 skips them.
_QUOTED = re.compile(r"(?<!\w)['‘\"“].+?['’\"”](?!\w)")
_MARKER_AFTER = re.compile(r":(?:\s|$)|\s[-—–]\s|\s?\(|\s(?:betekent|is|zijn|wil zeggen)\s", re.I)
_MARKER_BEFORE = re.compile(r"\s(?:heet|heten|noemen we)\s", re.I)
_EXPLAINS_PREVIOUS = re.compile(r"^(?:dat|dit|die|het)\s+(?:is|zijn|betekent|wil zeggen)\b", re.I)
_DEFINES = re.compile(r"^(?:een|als)\s+$", re.I)  # "Een mentor regelt ...", "Als curator regel je ..."
_INFLECTION = r"(?:en|s|n|e|'s|’s)?"
_SUFFIXES = ("ten", "den", "te", "de", "en", "t", "s", "e", "n")
_VOWELS = "aeiouy"


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str


# --- word lists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordLists:
    allowed: frozenset[str]
    jargon: tuple[str, ...]
    replace: tuple[tuple[str, str], ...]


@lru_cache(maxsize=8)
def load_word_lists(content_root: Path = DEFAULT_CONTENT_ROOT) -> WordLists:
    """content/b1/allowed.yml (words: [...]) and content/b1/jargon.yml (explain: [...], replace: {})."""
    folder = Path(content_root) / "b1"
    allowed = read_yaml(folder / "allowed.yml").get("words") or []
    jargon = read_yaml(folder / "jargon.yml")
    return WordLists(
        allowed=frozenset(w.lower() for entry in allowed for w in str(entry).split()),
        jargon=tuple(str(t).lower() for t in jargon.get("explain") or []),
        replace=tuple((str(k).lower(), str(v)) for k, v in (jargon.get("replace") or {}).items()),
    )


@lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern:
    words = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<![\w-]){words}{_INFLECTION}(?![\w-])", re.I)


# --- sentences and tokens -----------------------------------------------------------------------


def split_sentences(text: str) -> list[str]:
    """Sentences end at . ! ?, at a line that ends in ":" and at the end of a list step."""
    blocks, current, line_ends_block = [], [], False
    for line in text.splitlines():
        step = _LIST_STEP.match(line)
        if step or line_ends_block or not line.strip():
            blocks.append(current)
            current = []
        line = line[step.end() :].strip() if step else line.strip()
        if line:
            current.append(line)
        line_ends_block = bool(step) or line.endswith(":")
    blocks.append(current)
    return [s.strip() for block in blocks for s in _SENTENCE_END.split(" ".join(block)) if s.strip()]


def _tokens(sentence: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(sentence)]


def _words(sentence: str) -> list[str]:
    return [t for kind, t in _tokens(sentence) if kind == "word"]


# --- how common a word is -----------------------------------------------------------------------


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word, "nl")


def _stem_variants(stem: str) -> set[str]:
    """Spelling changes between a Dutch stem and its other forms: zett->zet, grot->groot, lev->leef."""
    variants = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        variants.add(stem[:-1])
    if len(stem) > 2 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
        variants.add(stem[:-1] + stem[-2] + stem[-1])
    for soft, hard in (("v", "f"), ("z", "s")):
        variants |= {v[:-1] + hard for v in list(variants) if v.endswith(soft)}
    return variants


def _infinitives(stem: str) -> set[str]:
    """vraag -> vragen, log -> loggen, leef -> leven, ga -> gaan."""
    forms = {stem + "en", stem + "n"}
    soft = stem[:-1] + {"f": "v", "s": "z"}.get(stem[-1], stem[-1])
    if re.search(r"(aa|ee|oo|uu)[^aeiou]$", soft):
        forms.add(soft[:-2] + soft[-1] + "en")
    elif len(soft) > 2 and soft[-1] not in _VOWELS and soft[-2] in _VOWELS and soft[-3] not in _VOWELS:
        forms.add(soft + soft[-1] + "en")
    forms.add(soft + "en")
    return forms


def base_forms(word: str) -> set[str]:
    """Candidate base forms of an inflected Dutch word (generous: only used to let words pass)."""
    stems = {word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 2}
    for m in re.finditer("ge", word):
        if word[-1] in "dt" and m.end() <= len(word) - 3:  # participle: (prefix) ge + stem + d/t
            stems.add(word[: m.start()] + word[m.end() : -1])
    forms = set()
    for stem in stems:
        for variant in _stem_variants(stem):
            forms |= {variant} | _infinitives(variant)
    forms.discard(word)
    return forms


class Vocabulary:
    """Decides whether a word is common enough (R4); caches every answer."""

    def __init__(self, lists: WordLists):
        self.lists = lists
        self._jargon_words = [_term_pattern(t) for t in lists.jargon if " " not in t]
        self.is_common = lru_cache(maxsize=65536)(self._is_common)
        self._is_compound = lru_cache(maxsize=65536)(self._compound)

    def _known(self, word: str) -> bool:
        return word in self.lists.allowed or zipf(word) >= MIN_ZIPF

    def _known_or_inflected(self, word: str) -> bool:
        return self._known(word) or any(self._known(f) for f in base_forms(word))

    def _compound(self, word: str) -> bool:
        for i in range(MIN_PART_LETTERS, len(word) - MIN_PART_LETTERS + 1):
            head = word[:i]
            if head in NOT_PARTS or not self._known(head):
                continue
            for link in ("", "s", "e", "en"):
                tail = word[i:]
                if not tail.startswith(link) or len(tail) - len(link) < MIN_PART_LETTERS:
                    continue
                tail = tail[len(link) :]
                if tail in NOT_PARTS:
                    continue
                if self._known_or_inflected(tail) or self._is_compound(tail):
                    return True
        return False

    def _is_common(self, word: str) -> bool:
        word = word.lower()
        if self._known_or_inflected(word) or any(p.fullmatch(word) for p in self._jargon_words):
            return True
        if re.search(r"['’-]", word):  # DigiD-helpdesk, sms'je: judge the parts; skip tiny ones
            return all(self.is_common(p) for p in re.split(r"['’-]", word) if len(p) > 2)
        return self._is_compound(word)


@lru_cache(maxsize=8)
def vocabulary(content_root: Path = DEFAULT_CONTENT_ROOT) -> Vocabulary:
    return Vocabulary(load_word_lists(content_root))


# --- the rules ------------------------------------------------------------------------------------


def _quote(sentence: str, limit: int = 60) -> str:
    return f"'{sentence}'" if len(sentence) <= limit else f"'{sentence[: limit - 1]}…'"


def _length_problems(sentences: list[str]) -> list[Problem]:
    counts = [len(_tokens(s)) for s in sentences]
    problems = [
        Problem("R2", f"sentence has {n} words (max {MAX_SENTENCE_WORDS}): {_quote(s)}")
        for s, n in zip(sentences, counts, strict=True)
        if n > MAX_SENTENCE_WORDS
    ]
    if sum(counts) > MAX_MESSAGE_WORDS:
        problems.insert(0, Problem("R1", f"message has {sum(counts)} words (max {MAX_MESSAGE_WORDS})"))
    return problems


def rare_words(sentences: list[str], vocab: Vocabulary) -> list[str]:
    seen: dict[str, None] = {}
    for sentence in sentences:
        for word in _words(_QUOTED.sub(" ", sentence)):
            if word.lower() not in seen and not vocab.is_common(word):
                seen[word.lower()] = None
    return list(seen)


def _rare_word_problems(sentences: list[str], vocab: Vocabulary) -> list[Problem]:
    return [
        Problem("R4", f"rare word '{w}' (Zipf {zipf(w):.2f} < {MIN_ZIPF}): use a more common word, "
                      "or add it to content/b1/allowed.yml")
        for w in rare_words(sentences, vocab)
    ]


def _explained(term: re.Pattern, sentences: list[str]) -> bool:
    following = sentences[1:] + [""]
    return any(
        _MARKER_AFTER.search(s[m.end() :])
        or _MARKER_BEFORE.search(" " + s[: m.start()])
        or _EXPLAINS_PREVIOUS.match(next_sentence)
        or _DEFINES.match(s[: m.start()])
        for s, next_sentence in zip(sentences, following, strict=True)
        for m in term.finditer(s)
    )


def _jargon_problems(sentences: list[str], lists: WordLists) -> list[Problem]:
    # Web addresses are masked so that "mijnoverheid.nl" is not the word MijnOverheid.
    masked = [_TOKEN.sub(lambda m: m.group() if m.lastgroup == "word" else " ", s) for s in sentences]
    problems = []
    for term in lists.jargon:
        pattern = _term_pattern(term)
        if any(pattern.search(s) for s in masked) and not _explained(pattern, masked):
            problems.append(Problem("R5", f"jargon '{term}' is not explained in this message "
                                          "(e.g. '<word>: <explanation>' or '<word> betekent ...')"))
    for word, plain in lists.replace:
        if any(_term_pattern(word).search(s) for s in masked):
            problems.append(Problem("R5", f"official word '{word}': write '{plain}' instead"))
    return problems


def _address_problems(sentences: list[str], address: str) -> list[Problem]:
    forbidden = FORBIDDEN_ADDRESS[address]
    found = sorted({w for s in sentences for w in _words(s) if w.lower() in forbidden})
    return [Problem("R10", f"'{w}' mixes the form of address; this text uses '{address}'") for w in found]


def check_text(text: str, *, address: str = "je", content_root: Path = DEFAULT_CONTENT_ROOT) -> list[Problem]:
    """All B1 problems of one message; an empty list means it passes."""
    if address not in FORBIDDEN_ADDRESS:
        raise ValueError(f"address must be one of {sorted(FORBIDDEN_ADDRESS)}, not {address!r}")
    vocab = vocabulary(Path(content_root))
    sentences = split_sentences(text)
    return (
        _length_problems(sentences)
        + _rare_word_problems(sentences, vocab)
        + _jargon_problems(sentences, vocab.lists)
        + _address_problems(sentences, address)
    )


def check_length(text: str) -> list[Problem]:
    """R1 and R2 only: the rules that hold in any language (used for translations)."""
    return _length_problems(split_sentences(text))


def flesch_douma(text: str) -> float:
    textstat.set_lang("nl")  # first: the English default tries to download an nltk corpus
    return round(textstat.flesch_reading_ease(text), 1) if text.strip() else 0.0


def scores(text: str, *, content_root: Path = DEFAULT_CONTENT_ROOT) -> dict:
    """Numbers for editors; advice only, not a gate."""
    sentences = split_sentences(text)
    lengths = [len(_tokens(s)) for s in sentences]
    return {
        "words": sum(lengths),
        "sentences": len(sentences),
        "longest_sentence": max(lengths, default=0),
        "avg_sentence_len": round(sum(lengths) / len(lengths), 1) if lengths else 0.0,
        "rare_words": rare_words(sentences, vocabulary(Path(content_root))),
        "flesch_douma": flesch_douma(text),
    }
