"""The B1 report for editors: per Dutch content item its scores and problems, hardest first."""
from __future__ import annotations

from .b1 import check_text, scores
from .store import DEFAULT_LANGUAGE, ContentItem, ContentStore

# The content is written with "je" (see content/nl/core.yml).
ADDRESS = "je"


def _item_lines(item: ContentItem, problems: list, score: dict) -> list[str]:
    header = (
        f"{item.topic}/{item.id}: {score['words']} words, {score['sentences']} sentences, "
        f"longest {score['longest_sentence']}, average {score['avg_sentence_len']}, "
        f"Flesch-Douma {score['flesch_douma']}"
    )
    return [header] + [f"  {p.rule} {p.message}" for p in problems]


def report_lines(store: ContentStore) -> list[str]:
    """Only Dutch items: the B1 rules and word lists are about Dutch."""
    items = store.items(DEFAULT_LANGUAGE)
    checked = [(item, check_text(item.text, address=ADDRESS), scores(item.text)) for item in items]
    checked.sort(key=lambda c: (-len(c[1]), c[2]["flesch_douma"], c[0].id))
    failing = sum(1 for _, problems, _ in checked if problems)
    lines = [line for c in checked for line in _item_lines(*c)]
    return lines + [f"{len(checked)} items checked, {failing} with B1 problems (Flesch-Douma is advice only)"]
