"""The NLG endpoint: Rasa asks here for the words of each response (see bot/endpoints.yml).

Each answer carries, in "custom", the content id and the language of its text: Rasa keeps "custom"
on the bot event (the transcript after a reload) and the REST channel sends it on, so the web app
never has to find a text's item back from its words. An action's own data for the page (a help
point's card, the language chosen) comes as the argument `page_data`, not as `json_message`: Rasa
would put an action's `json_message` in the place of this "custom"."""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, current_app, jsonify, request

from .content.store import read_yaml
from .content.render import render
from .languages import offered_or_default

bp = Blueprint("nlg", __name__)
log = logging.getLogger(__name__)


def sent_language(tracker: dict) -> str | None:
    """The language the web app sent with the latest message."""
    return ((tracker.get("latest_message") or {}).get("metadata") or {}).get("lang")


@lru_cache(maxsize=4)
def menu_ids(content_dir: Path) -> tuple[str, ...]:
    """The start menu, then the questions and menus (content/nl/checklists.yml `general`), in order:
    where a choice offered by payload only takes its title from. Read once per content folder, like
    the content itself (parsing it on every text was most of /nlg's time under load)."""
    return ("utter_welcome", *(read_yaml(content_dir / "nl" / "checklists.yml").get("general") or ()))


@bp.post("/nlg")
def generate():
    body = request.get_json(silent=True) or {}
    tracker = body.get("tracker") or {}
    arguments = dict(body.get("arguments") or {})
    # An action may ask for the language just chosen (bot/actions/languages.py).
    language = offered_or_default(arguments.pop("answer_language", None), sent_language(tracker))
    store = current_app.extensions["content"]
    item = store.get(str(body.get("response")), language)
    if item is None:
        # The content check in the test suite prevents this; still, never leave the user with nothing.
        log.error("no content for response %r", body.get("response"))
        item = store.get("utter_default", language)
    # An action's own choices (e.g. "Bedoel je Zwolle?") come first, before the content's buttons.
    # A choice given by payload only ("Bedoel je …?", bot/actions/clarify.py) gets the title the
    # content already gives that payload, in the visitor's language; one without a title is left out.
    menus = menu_ids(Path(current_app.config["CONTENT_DIR"]))
    choices = [c if c.get("title") else {**c, "title": store.choice_title(str(c.get("payload")), language, menus)}
               for c in arguments.pop("choices", None) or [] if isinstance(c, dict)]
    choices = [c for c in choices if c.get("title")]
    rendered = render(item, {**(tracker.get("slots") or {}), **arguments}, language)
    rendered["buttons"] = [{**c, "icon": c.get("icon") or "arrow"} for c in choices] + rendered["buttons"]
    page_data = arguments.get("page_data")
    rendered["custom"] = {**(page_data if isinstance(page_data, dict) else {}),
                          "content_id": item.id, "lang": item.language}
    return jsonify(rendered)
