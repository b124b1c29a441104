"""Load the content files: one YAML file per topic and language, items keyed by response id.

Dutch is the source, content/nl/<topic>.yml:
    sources: {key: {url, as_of, checked}}   # where a fact comes from; the date the page shows
                                            # (or "undated"); the day someone read it
    items:   {utter_id: {text, buttons, sources | no_facts, true_on, back}}
             # true_on: when the situation the text describes was true (web/content/check.py)
Another language translates only the words, content/<lang>/<topic>.yml (see content/TRANSLATING.md):
    translation: {needs_review, note}
    items:   {utter_id: {text, buttons: {payload: title}, needs_review}}
             # needs_review on an item: its Dutch text changed since it was translated
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..config import DEFAULT_LANGUAGE  # from the one list of languages, content/languages.yml

PLACE_DATA_CREDIT = "ido_credit"  # the bot's actions say the same id (bot/actions/find_help.py)
# A button title that answers a yes/no question (see ContentStore.choice_title).
_YES_NO_TITLE = re.compile(r"^(ja|nee|yes|no)\b[,:]?", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    key: str
    url: str
    as_of: str
    checked: str


@dataclass(frozen=True)
class Button:
    title: str
    payload: str
    icon: str = ""  # a symbol id in web/static/icons.svg; empty: the arrow


@dataclass(frozen=True)
class ContentItem:
    id: str
    topic: str
    language: str
    text: str
    buttons: tuple[Button, ...] = ()
    sources: tuple[Source, ...] = ()
    no_facts: bool = False
    back: str | None = None
    true_on: str = ""  # when the situation the text describes was true ("" = its newest source)
    unknown_source_keys: tuple[str, ...] = field(default=())
    needs_review: bool = False  # a translation no native speaker has checked yet
    # Payloads a translation names that its Dutch item lacks, or lacks that Dutch has (for the check).
    unmatched_payloads: tuple[str, ...] = field(default=())


def _as_text(value) -> str:
    # YAML turns 2024-06-07 into a date; we keep dates as the text editors wrote.
    return "" if value is None else str(value)


def read_sources(raw: dict) -> dict[str, Source]:
    return {
        key: Source(key, _as_text(s.get("url")), _as_text(s.get("as_of")), _as_text(s.get("checked")))
        for key, s in (raw or {}).items()
    }


def _read_item(item_id: str, raw: dict, topic: str, language: str, sources: dict[str, Source]) -> ContentItem:
    keys = raw.get("sources") or []
    return ContentItem(
        id=item_id,
        topic=topic,
        language=language,
        text=str(raw.get("text", "")).strip(),
        buttons=tuple(Button(str(b["title"]), str(b["payload"]), str(b.get("icon", ""))) for b in raw.get("buttons") or []),
        sources=tuple(sources[k] for k in keys if k in sources),
        no_facts=bool(raw.get("no_facts", False)),
        back=raw.get("back"),
        true_on=_as_text(raw.get("true_on")),
        unknown_source_keys=tuple(k for k in keys if k not in sources),
    )


def load_topic_file(path: Path, language: str) -> list[ContentItem]:
    """The items of one Dutch topic file."""
    data = read_yaml(path)
    sources = read_sources(data.get("sources"))
    return [_read_item(i, raw or {}, path.stem, language, sources) for i, raw in (data.get("items") or {}).items()]


def load_translation_file(path: Path, language: str, dutch: dict[str, ContentItem]) -> list[ContentItem]:
    """The items of one translated topic file, built on the Dutch items with the same ids."""
    data = read_yaml(path)
    needs_review = bool((data.get("translation") or {}).get("needs_review", True))
    return [
        translate(dutch[item_id], raw or {}, language, needs_review or bool((raw or {}).get("needs_review")))
        for item_id, raw in (data.get("items") or {}).items()
        if item_id in dutch  # an id Dutch lacks is reported by the language check, not shown
    ]


def translate(item: ContentItem, raw: dict, language: str, needs_review: bool) -> ContentItem:
    titles = {str(payload): str(title) for payload, title in (raw.get("buttons") or {}).items()}
    payloads = {b.payload for b in item.buttons}
    return replace(
        item,
        language=language,
        text=str(raw.get("text", "")).strip(),
        buttons=tuple(replace(b, title=titles.get(b.payload, b.title)) for b in item.buttons),
        needs_review=needs_review,
        unmatched_payloads=tuple(sorted(payloads ^ set(titles))),
    )


def read_yaml(path: Path) -> dict:
    """A YAML file as a dict; {} when the file is missing or empty."""
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _is_language_dir(path: Path) -> bool:
    return path.is_dir() and len(path.name) == 2 and path.name.isalpha()


def _topic_files(lang_dir: Path) -> list[Path]:
    return sorted(lang_dir.glob("*.yml"))  # checklists.yml has no items; checklists.py reads it


class ContentStore:
    """All content items of all languages, looked up by response id."""

    def __init__(self, items: list[ContentItem]):
        self._items: dict[str, dict[str, ContentItem]] = {}
        for item in items:
            self._items.setdefault(item.language, {})[item.id] = item

    @classmethod
    def from_directory(cls, root: Path) -> "ContentStore":
        root = Path(root)
        items = [i for path in _topic_files(root / DEFAULT_LANGUAGE) for i in load_topic_file(path, DEFAULT_LANGUAGE)]
        dutch = {item.id: item for item in items}
        for lang_dir in sorted(p for p in root.iterdir() if _is_language_dir(p) and p.name != DEFAULT_LANGUAGE):
            for path in _topic_files(lang_dir):
                items.extend(load_translation_file(path, lang_dir.name, dutch))
        return cls(items)

    @property
    def languages(self) -> list[str]:
        return sorted(self._items)

    def items(self, language: str = DEFAULT_LANGUAGE) -> list[ContentItem]:
        return list(self._items.get(language, {}).values())

    def ids(self, language: str = DEFAULT_LANGUAGE) -> set[str]:
        return set(self._items.get(language, {}))

    def needs_review(self, language: str) -> bool:
        """True if any text in this language is a translation no native speaker has checked."""
        return any(item.needs_review for item in self.items(language))

    def button_title(self, payload: str, language: str = DEFAULT_LANGUAGE) -> str | None:
        """The words on a button with this payload, to show what the user chose: in the visitor's
        language, else in Dutch (a button of an answer a partial language shows in Dutch)."""
        for lang in dict.fromkeys([language, DEFAULT_LANGUAGE]):
            for item in self.items(lang):
                for button in item.buttons:
                    if button.payload == payload:
                        return button.title
        return None

    def choice_title(self, payload: str, language: str = DEFAULT_LANGUAGE, menus: tuple[str, ...] = ()) -> str | None:
        """The words for a choice an action offers by payload only ("Bedoel je …?"): the title a
        menu already gives that payload (`menus`: the ids of the questions and menus, in order),
        else the first button with it; in the visitor's language, else Dutch. A leading yes/no
        word is left off: "Nee, het gaat om mijn kind" is offered as "Het gaat om mijn kind"."""
        for lang in dict.fromkeys([language, DEFAULT_LANGUAGE]):
            items = self._items.get(lang, {})
            ordered = [items[i] for i in menus if i in items] + list(items.values())
            title = next((b.title for item in ordered for b in item.buttons if b.payload == payload), None)
            if title:
                bare = _YES_NO_TITLE.sub("", title).strip()
                return bare[:1].upper() + bare[1:] if bare else title
        return None

    def place_data_credit(self, language: str = DEFAULT_LANGUAGE) -> ContentItem:
        """The licence credit of the place data (GeoNames asks for it, CC BY 4.0): show it wherever
        help points found from a place are shown (chat, guide pages, print)."""
        return self.get(PLACE_DATA_CREDIT, language)

    def get(self, item_id: str, language: str = DEFAULT_LANGUAGE) -> ContentItem | None:
        """The item in the asked language, else in Dutch, else None."""
        for lang in (language, DEFAULT_LANGUAGE):
            item = self._items.get(lang, {}).get(item_id)
            if item:
                return item
        return None
