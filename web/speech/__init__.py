"""Reading aloud ("Lees voor") of the helper's own texts: GET /spraak/<token> serves the clip.

Only the helper's texts may reach a speech engine, never what a user typed. A token is the text
signed with SECRET_KEY, and speech_url() is the only place that signs one; the page calls it for
helper replies only. The endpoint speaks nothing but a verified token's text.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import click
from flask import Blueprint, abort, current_app, jsonify, send_file, url_for
from flask.cli import with_appcontext
from itsdangerous import BadData, URLSafeSerializer

from .cache import ONLINE, SpeechCache, cache_key
from .engines import Speaker

bp = Blueprint("speech", __name__)

CLIP_MAX_AGE = 24 * 3600
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_OFF = {"false", "0", "no", "off", ""}


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="speech")


def speech_url(text: str, language: str) -> str:
    """The URL of the spoken `text`. Call it only for the helper's own replies."""
    return url_for("speech.speak", token=_serializer().dumps({"t": text, "l": language}))


def _verified(token: str) -> tuple[str, str] | None:
    try:
        payload = _serializer().loads(token)
    except BadData:
        return None
    text, language = payload.get("t"), payload.get("l")
    if isinstance(text, str) and text.strip() and isinstance(language, str):
        return text, language
    return None


@bp.get("/spraak/<token>")
def speak(token: str):
    said = _verified(token)
    if said is None:
        abort(404)
    clip = current_app.extensions["speech"].clip(*said)
    if clip is None:
        return jsonify(error="no_speech"), 503
    response = send_file(clip.path, mimetype=clip.mimetype, max_age=CLIP_MAX_AGE)
    # Helper texts only, so a browser may keep them; not "public": no shared proxy needs them.
    response.headers["Cache-Control"] = f"private, max-age={CLIP_MAX_AGE}"
    return response


@click.command("speech-prerender")
@with_appcontext
def prerender() -> None:
    """Render every content text of every language into the speech cache."""
    speaker: Speaker = current_app.extensions["speech"]
    store = current_app.extensions["content"]
    made = Counter()
    for language in store.languages:
        for item in store.items(language):
            made[_prerender_one(speaker, item.text, language)] += 1
    for outcome, count in sorted(made.items()):
        click.echo(f"{outcome}: {count}")


def _prerender_one(speaker: Speaker, text: str, language: str) -> str:
    if _PLACEHOLDER.search(text):
        return "skipped (template; spoken once filled in)"
    found = speaker.cache.find(cache_key(text, language))
    if found and (found.engine == ONLINE or not speaker.online):
        return f"already cached ({found.engine})"
    clip = speaker.render(text, language)
    return f"made ({clip.engine})" if clip else "none (no engine)"


def _flag(value) -> bool:
    return value.strip().lower() not in _OFF if isinstance(value, str) else bool(value)


def init_app(app) -> None:
    cache = SpeechCache(Path(app.config["SPEECH_CACHE_DIR"]))
    app.extensions["speech"] = Speaker(cache, online=_flag(app.config["SPEECH_ONLINE"]))
    app.cli.add_command(prerender)
