"""The content check: every item sourced and dated, ids matching the bot, texts passing B1."""
from __future__ import annotations

import ast
import re
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


_STEPS_RUN_TOGETHER = re.compile(r"\S (\d+\.|Stap \d+ van \d+:) ")


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
