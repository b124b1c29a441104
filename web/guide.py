"""Guide pages: each journey as plain linked pages, straight from content/ and the bot's rules.

For when the bot is down (the chat then links here) and for anyone who would rather read. A
button becomes a link to the page of the intent it sends; the rules say which texts answer it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, url_for

from .content.store import read_yaml
from .languages import select_locale

bp = Blueprint("guide", __name__, url_prefix="/gids")

START = "menu"
# Journeys whose answer needs a live search have a text of their own here.
STATIC_ANSWERS = {"find_help": ["guide_ido"]}
# Payloads the web app handles itself lead back to the start of the guide.
TO_START = {"restart", "menu"}


@lru_cache(maxsize=4)
def answers_by_intent(bot_dir: str) -> dict[str, list[str]]:
    """intent → the texts a simple rule answers it with (rules without conditions or forms)."""
    answers: dict[str, list[str]] = {}
    for path in sorted(Path(bot_dir, "data", "rules").glob("*.yml")):
        for rule in read_yaml(path).get("rules") or []:
            steps = rule.get("steps") or []
            if rule.get("condition") or not steps or "intent" not in steps[0]:
                continue
            texts = [s["action"] for s in steps[1:] if str(s.get("action", "")).startswith("utter_")]
            if texts and len(texts) == len(steps) - 1:
                answers.setdefault(steps[0]["intent"], texts)
    return {**answers, **STATIC_ANSWERS}


def guide_link(payload: str) -> str | None:
    """Where a button leads in the guide; None for a button that needs the live bot."""
    intent = payload.lstrip("/").split("{")[0]
    if intent in TO_START:
        intent = START
    return intent if intent in answers_by_intent(current_app.config["BOT_DIR"]) else None


@bp.get("/", defaults={"intent": START})
@bp.get("/<intent>")
def page(intent: str):
    ids = answers_by_intent(current_app.config["BOT_DIR"]).get(intent)
    if not ids:
        abort(404)
    # In the visitor's language; a text a partial language lacks comes in Dutch (the page marks it).
    language = select_locale()
    store = current_app.extensions["content"]
    items = [store.get(i, language) for i in ids]
    return render_template("guide.html", items=[i for i in items if i], guide_link=guide_link, intent=intent)


def start_links(language: str) -> list[dict]:
    """The three journeys as guide links, for when the chat cannot answer."""
    welcome = current_app.extensions["content"].get("utter_welcome", language)
    links = []
    for button in welcome.buttons:
        target = guide_link(button.payload)
        if target:
            links.append({"title": button.title, "url": url_for("guide.page", intent=target), "icon": button.icon})
    return links
