"""The reports for editors: per Dutch content item its B1 scores and problems, hardest first; and
every claim by age, oldest first."""
from __future__ import annotations

from datetime import date

from .b1 import check_text, scores
from .check import UNDATED, start_of, claim_date, currency_problems, months_between
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


def age_lines(store: ContentStore, organisations: list[dict], today: date) -> list[str]:
    """Every claim by age, oldest first, so an editor knows what to check again: the Dutch items
    (their true_on, else their newest source) and the entries of content/data/organisations.yml
    (the date their source shows, else the day it was read). A "!" marks a claim the check rejects."""
    claims = []
    for item in store.items(DEFAULT_LANGUAGE):
        when = claim_date(item)
        if when:
            flag = "!" if currency_problems(item, today) else " "
            claims.append((when[0], f"{item.topic}/{item.id}", when[1], flag))
    for org in organisations:
        as_of = str(org.get("as_of") or "")
        when, basis = (str(org.get("checked") or ""), "undated page, read") if as_of == UNDATED else (as_of, "as_of")
        if when:
            claims.append((when, f"organisations/{org.get('name')}", basis, " "))
    claims.sort(key=lambda c: (start_of(c[0]), c[1]))
    lines = [f"{flag} {when:<10}  {months_between(start_of(when), today):>3} months  {name}  ({basis})"
             for when, name, basis, flag in claims]
    return lines + [f"{len(claims)} claims by age on {today.isoformat()}, oldest first; '!': not dated for the visitor"]
