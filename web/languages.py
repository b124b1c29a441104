"""The visitor's language: which we offer, what each is called, and which way it is written."""
from __future__ import annotations

from babel import Locale
from flask import current_app, request, session


def offered_or_default(*candidates: str | None) -> str:
    """The first candidate that is a language we offer, else Dutch."""
    offered = current_app.config["LANGUAGES"]
    return next((c for c in candidates if c in offered), current_app.config["DEFAULT_LANGUAGE"])


def select_locale() -> str:
    # Dutch first, whatever the browser says: a kiosk's browser language tells nothing about its user.
    # "?taal=en" on a link (e.g. the take-home QR code) chooses for that one page.
    return offered_or_default(request.args.get("taal"), session.get("lang"))


def own_name(code: str) -> str:
    """A language named in itself: "Nederlands", "English", "العربية", "Türkçe"."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


def direction(code: str | None) -> str:
    return "rtl" if code in current_app.config["RTL_LANGUAGES"] else "ltr"


def offered() -> list[tuple[str, str]]:
    """(code, own name) of every language the visitor can choose, in the configured order."""
    return [(code, own_name(code)) for code in current_app.config["LANGUAGES"]]


def translation_unreviewed() -> bool:
    """True if the page's language has texts no native speaker has checked yet (the page says so)."""
    return current_app.extensions["content"].needs_review(select_locale())


def init_app(app) -> None:
    app.jinja_env.globals.update(languages=offered, direction=direction,
                                 translation_unreviewed=translation_unreviewed)
