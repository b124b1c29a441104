"""Turn a content item into a message: fill in values and add the navigation buttons."""
from __future__ import annotations

import re

from flask_babel import force_locale, gettext

from .store import ContentItem

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, values: dict) -> str:
    """Replace {name} by its value; a name without a value stays visible, so a check can spot it."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if values.get(m.group(1)) is not None else m.group(0), text)


def render(item: ContentItem, values: dict | None = None, language: str | None = None) -> dict:
    values = values or {}
    buttons = [{"title": fill(b.title, values), "payload": fill(b.payload, values), "icon": b.icon or "arrow"}
               for b in item.buttons]
    with force_locale(language or item.language):
        if item.back:
            buttons.append({"title": gettext("Terug"), "payload": item.back, "icon": "back"})
            buttons.append({"title": gettext("Opnieuw beginnen"), "payload": "/restart", "icon": "restart"})
    return {"text": fill(item.text, values), "buttons": buttons}
