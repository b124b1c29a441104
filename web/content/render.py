"""Turn a content item into a message: fill in values and add the navigation buttons."""
from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from babel.units import format_unit
from flask_babel import force_locale, gettext

from .store import ContentItem

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Values the bot sends as data, written out here in the visitor's language (see format_value).
DATE_VALUES = {"as_of", "source_date"}  # "2023", "2023-12" or "2023-12-05"
DISTANCE_VALUES = {"distance"}  # kilometres


def format_value(name: str, value, language: str) -> str:
    """A value as the visitor's language writes it: dates, distances and numbers through Babel."""
    if name in DATE_VALUES:
        return format_iso_date(value, language)
    if name in DISTANCE_VALUES and isinstance(value, (int, float)):
        return format_unit(value, "length-kilometer", length="short", locale=language)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_decimal(value, locale=language)
    return str(value)


def format_iso_date(value, language: str) -> str:
    """'2023-12-05' -> '5 december 2023', '2023-12' -> 'december 2023', '2023' -> '2023' (in Dutch)."""
    parts = str(value or "").split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return format_date(date(*numbers), "long", locale=language)
        if len(numbers) == 2:
            return format_skeleton("yMMMM", date(numbers[0], numbers[1], 1), locale=language)
        if len(numbers) == 1:
            return parts[0]
    except ValueError:
        pass
    with force_locale(language):
        return gettext("een onbekende datum")


def fill(text: str, values: dict, language: str) -> str:
    """Replace {name} by its value; a name without a value stays visible, so a check can spot it."""
    def value(match: re.Match) -> str:
        name = match.group(1)
        if values.get(name) is None and name not in DATE_VALUES:
            return match.group(0)
        return format_value(name, values.get(name), language)

    return _PLACEHOLDER.sub(value, text)


def render(item: ContentItem, values: dict | None = None, language: str | None = None) -> dict:
    """The message of `item`; values are written in the item's language (Dutch when it stands in
    for a missing translation), the navigation buttons in the visitor's `language`. Each button
    says its language, so a Dutch one on an Arabic page is marked as Dutch."""
    values = values or {}
    language = language or item.language
    buttons = [{"title": fill(b.title, values, item.language), "payload": fill(b.payload, values, item.language),
                "icon": b.icon or "arrow", "lang": item.language} for b in item.buttons]
    with force_locale(language):
        if item.back:
            buttons.append({"title": gettext("Terug"), "payload": item.back, "icon": "back", "lang": language})
            buttons.append({"title": gettext("Opnieuw beginnen"), "payload": "/restart", "icon": "restart",
                            "lang": language})
    return {"text": fill(item.text, values, item.language), "buttons": buttons}
