"""Checklists for the helper view: what to bring, the steps and tips for the helper, per task
(content/<lang>/checklists.yml); and the way to the DigiD-helpdesk for the take-home page."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path


from .store import DEFAULT_LANGUAGE, Source, read_sources, read_yaml


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    bring: tuple[str, ...]
    steps: tuple[str, ...]
    tips: tuple[str, ...]  # for the person who helps: what people get stuck on, what never to do
    sources: tuple[Source, ...]
    shown_after: tuple[str, ...]  # content ids of the answers after which the helper sees it
    unknown_source_keys: tuple[str, ...] = ()
    no_facts: bool = False  # a checklist always states facts, so it always needs sources
    language: str = DEFAULT_LANGUAGE  # Dutch where a translation is missing

    @property
    def text(self) -> str:
        """All its words, for the B1 check: each line (the title too) a sentence of its own."""
        lines = (self.title, *self.bring, *self.steps, *self.tips)
        return "\n".join(line if line[-1:] in ".?!:" else line + "." for line in lines)


HELPDESK = "helpdesk"  # the key of the helpdesk block in checklists.yml


def load_checklists(content_dir: Path, language: str) -> dict[str, Checklist]:
    """Read once per language, like the content store (a text change needs a restart, no retraining).
    A translation gives only the words; what a checklist is for and its sources come from Dutch."""
    return _load(Path(content_dir), language)["checklists"]


def load_helpdesk(content_dir: Path, language: str) -> Checklist:
    """How to reach the DigiD-helpdesk, with its sources (a checklist with steps only)."""
    return _load(Path(content_dir), language)["helpdesk"]


def general_answers(content_dir: Path) -> frozenset[str]:
    """Answers that belong to no single task (menus, questions): no checklist follows them."""
    return frozenset(read_yaml(Path(content_dir) / DEFAULT_LANGUAGE / "checklists.yml").get("general") or ())


@lru_cache(maxsize=8)
def _load(content_dir: Path, language: str) -> dict:
    dutch = _read_dutch(content_dir / DEFAULT_LANGUAGE / "checklists.yml")
    if language == DEFAULT_LANGUAGE:
        return dutch
    translated = read_yaml(content_dir / language / "checklists.yml")
    lists = translated.get("checklists") or {}
    return {
        "checklists": {key: _translate(c, lists.get(key), language) for key, c in dutch["checklists"].items()},
        "helpdesk": _translate(dutch["helpdesk"], translated.get(HELPDESK), language),
    }


def _read_dutch(path: Path) -> dict:
    data = read_yaml(path)
    sources = read_sources(data.get("sources"))
    return {
        "checklists": {key: _checklist(key, raw, sources) for key, raw in (data.get("checklists") or {}).items()},
        "helpdesk": _checklist(HELPDESK, data.get(HELPDESK) or {}, sources),
    }


def _checklist(key: str, raw: dict, sources: dict) -> Checklist:
    keys = raw.get("sources") or []
    return Checklist(
        id=key,
        title=str(raw.get("title", "")),
        bring=tuple(str(b) for b in raw.get("bring") or []),
        steps=tuple(str(s) for s in raw.get("steps") or []),
        tips=tuple(str(t) for t in raw.get("tips") or []),
        sources=tuple(sources[k] for k in keys if k in sources),
        shown_after=tuple(raw.get("for") or []),
        unknown_source_keys=tuple(k for k in keys if k not in sources),
    )


def _translate(checklist: Checklist, raw: dict | None, language: str) -> Checklist:
    if not raw:
        return checklist  # not translated yet: the Dutch one
    return replace(
        checklist,
        language=language,
        title=str(raw.get("title", "")),
        bring=tuple(str(b) for b in raw.get("bring") or []),
        steps=tuple(str(s) for s in raw.get("steps") or []),
        tips=tuple(str(t) for t in raw.get("tips") or []),
    )
