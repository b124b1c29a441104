"""Checklists for the helper view: what to bring and the steps, per task (content/<lang>/checklists.yml)."""
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
    sources: tuple[Source, ...]
    shown_after: tuple[str, ...]  # content ids of the answers after which the helper sees it
    unknown_source_keys: tuple[str, ...] = ()
    no_facts: bool = False  # a checklist always states facts, so it always needs sources
    language: str = DEFAULT_LANGUAGE  # Dutch where a translation is missing

    @property
    def text(self) -> str:
        """All its words, for the B1 check."""
        return "\n".join((self.title, *self.bring, *self.steps))


@lru_cache(maxsize=8)
def load_checklists(content_dir: Path, language: str) -> dict[str, Checklist]:
    """Read once per language, like the content store (a text change needs a restart, no retraining).
    A translation gives only the words; what a checklist is for and its sources come from Dutch."""
    dutch = _read_dutch(Path(content_dir) / DEFAULT_LANGUAGE / "checklists.yml")
    path = Path(content_dir) / language / "checklists.yml"
    if language == DEFAULT_LANGUAGE:
        return dutch
    translated = read_yaml(path).get("checklists") or {}
    return {key: _translate(checklist, translated.get(key), language) for key, checklist in dutch.items()}


def _read_dutch(path: Path) -> dict[str, Checklist]:
    data = read_yaml(path)
    sources = read_sources(data.get("sources"))
    lists = {}
    for key, raw in (data.get("checklists") or {}).items():
        keys = raw.get("sources") or []
        lists[key] = Checklist(
            id=key,
            title=str(raw.get("title", "")),
            bring=tuple(str(b) for b in raw.get("bring") or []),
            steps=tuple(str(s) for s in raw.get("steps") or []),
            sources=tuple(sources[k] for k in keys if k in sources),
            shown_after=tuple(raw.get("for") or []),
            unknown_source_keys=tuple(k for k in keys if k not in sources),
        )
    return lists


def _translate(checklist: Checklist, raw: dict | None, language: str) -> Checklist:
    if not raw:
        return checklist  # not translated yet: the Dutch one
    return replace(
        checklist,
        language=language,
        title=str(raw.get("title", "")),
        bring=tuple(str(b) for b in raw.get("bring") or []),
        steps=tuple(str(s) for s in raw.get("steps") or []),
    )
