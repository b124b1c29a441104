"""The content check: every item sourced and dated, ids matching the bot, texts passing B1."""
from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path


from .store import ContentItem, ContentStore, read_yaml

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
UNDATED = "undated"  # a source page that shows no date: say so rather than invent one
# A text that claims a fact usually holds a number, a web address or a phone number.
_FACT_MARKERS = re.compile(r"\d|www\.|\.nl\b|https?://")


def _domain_keys(bot_dir: Path, key: str) -> set[str]:
    found: set[str] = set()
    for path in sorted((bot_dir / "domain").glob("*.yml")):
        for entry in read_yaml(path).get(key) or []:
            found.add(entry if isinstance(entry, str) else next(iter(entry)))
    return found


def bot_response_ids(bot_dir: Path) -> set[str]:
    """Every response id the bot's domain declares (bot/domain/*.yml)."""
    return _domain_keys(bot_dir, "responses")


def bot_intents(bot_dir: Path) -> set[str]:
    """Every intent the bot's domain declares (bot/domain/*.yml)."""
    return _domain_keys(bot_dir, "intents")


def action_strings(bot_dir: Path) -> set[str]:
    """Every string constant in the custom actions: the ids of the texts they say are among them
    (dispatcher.utter_message(response="...") or a table of such ids). Such texts are not in the
    domain, so `rasa data validate` does not warn about responses no story uses."""
    found: set[str] = set()
    for path in sorted((bot_dir / "actions").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def payload_problems(store: ContentStore, bot_dir: Path) -> list[str]:
    """A button must send an intent the bot knows ("/restart" is handled by the web app)."""
    intents = bot_intents(bot_dir) | {"restart"}
    return [
        f"{item.id}: button '{b.title}' sends {b.payload}, which is no intent of the bot"
        for item in store.items()
        for b in item.buttons
        if b.payload.lstrip("/").split("{")[0] not in intents
    ]


# A step number has one or two digits and follows a word or a stop; "088 123 65 55." is a phone number.
_STEPS_RUN_TOGETHER = re.compile(r"[^\s\d] (\d{1,2}\.|Stap \d+ van \d+:) ")


def layout_problems(item: ContentItem) -> list[str]:
    """Numbered steps must each start a line (write the text with `|-`, not `>-`)."""
    if _STEPS_RUN_TOGETHER.search(item.text):
        return [f"{item.id}: list steps run together on one line; use a literal block (text: |-)"]
    return []


def source_problems(item: ContentItem) -> list[str]:
    if item.unknown_source_keys:
        return [f"{item.id}: unknown source key(s) {', '.join(item.unknown_source_keys)}"]
    if item.no_facts:
        if item.sources:
            return [f"{item.id}: says no_facts but lists sources"]
        if _FACT_MARKERS.search(item.text):
            return [f"{item.id}: says no_facts but its text holds a number or web address; give a source"]
        return []
    if not item.sources:
        return [f"{item.id}: no source (give sources, or no_facts: true for a text that states no fact)"]
    problems = []
    for source in item.sources:
        if not source.url.startswith("https://"):
            problems.append(f"{item.id}: source {source.key} has no https URL")
        if not (_DATE.match(source.as_of) or source.as_of == UNDATED):
            problems.append(f"{item.id}: source {source.key} has no as_of date (YYYY, YYYY-MM, YYYY-MM-DD or undated)")
        if not _DATE.match(source.checked):
            problems.append(f"{item.id}: source {source.key} has no valid checked date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return problems


def id_problems(store: ContentStore, bot_ids: set[str], web_ids: set[str], action_ids: set[str] = frozenset()) -> list[str]:
    """Responses without text, and texts nothing says. `action_ids`: strings the actions hold."""
    content_ids = store.ids()
    used = bot_ids | web_ids | (content_ids & action_ids)
    return [f"{i}: the bot uses this response but content/nl has no text for it" for i in sorted(used - content_ids)] + [
        f"{i}: content/nl has this text but no bot response or web page uses it" for i in sorted(content_ids - used)
    ]


# --- Currency: is the visitor told how old a claim is? -------------------------------------------
# A claim is "time-bound" when its truth depends on when it is read. Such a text needs `true_on`
# (the date the situation it describes was true) or the {as_of} of the data it is filled from.
TIME_BOUND = re.compile(
    r"\bnog (niet|geen)\b|\bkan nog niet\b|\bsinds\b|\bvanaf (19|20)\d\d\b"
    r"|\bvanaf (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b"
    r"|\b\d+ (tot \d+ )?van de \d+\b|\b(ongeveer|bijna|ruim|meer dan|minder dan) \d"
    r"|\b\d+ (gemeenten|ziekenhuizen|apotheken|zorginstellingen|organisaties|bibliotheken|hulppunten)\b",
    re.IGNORECASE,
)
MAX_AGE_MONTHS = 12
# Placeholders that put the date of the data in the text (the action fills them in).
DATE_PLACEHOLDERS = ("{as_of}", "{source_date}")


def start_of(value: str) -> date:
    """The first day of a YYYY, YYYY-MM or YYYY-MM-DD date: we do not know it was true later."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def claim_date(item: ContentItem) -> tuple[str, str] | None:
    """When the situation an item describes was true, and on what that rests: its `true_on`, else
    the newest of its sources (a page that shows no date counts from the day it was read: it
    said so then). None for a text without facts."""
    if item.true_on:
        return item.true_on, "true_on"
    dated = [(s.as_of if _DATE.match(s.as_of) else s.checked, s.key) for s in item.sources]
    dated = [(d, key) for d, key in dated if _DATE.match(d)]
    if not dated:
        return None
    d, key = max(dated, key=lambda pair: start_of(pair[0]))
    return d, key


def currency_problems(item: ContentItem, today: date) -> list[str]:
    """A time-bound claim needs its date; a claim older than MAX_AGE_MONTHS must say it is dated
    (its year in the text, or the date of its data), so it is never read as the state of today.
    `today` is passed in, so a test can fix it."""
    problems = []
    dated_by_data = any(p in item.text for p in DATE_PLACEHOLDERS)
    if item.true_on and not _DATE.match(item.true_on):
        problems.append(f"{item.id}: true_on '{item.true_on}' is no date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return problems
    match = TIME_BOUND.search(item.text) if item.language == "nl" else None
    if match and not item.true_on and not dated_by_data:
        problems.append(
            f"{item.id}: '{match.group(0)}' is true at one time only; give true_on (when it was true)"
        )
    when = claim_date(item)
    if when and not dated_by_data and months_between(start_of(when[0]), today) > MAX_AGE_MONTHS:
        year = when[0][:4]
        if year not in item.text:
            problems.append(
                f"{item.id}: rests on {when[0]} ({when[1]}), more than {MAX_AGE_MONTHS} months ago, but the"
                f" text does not say so; tell the visitor, e.g. 'Dit klopte in {year}.'"
            )
    return problems
