"""DigiHulp web app: the chat page, its JSON API, the NLG endpoint for Rasa and health checks."""
from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask
from flask_babel import Babel, get_locale

from .content import ContentStore
from .languages import select_locale

REPO_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_object("web.config")
    if test_config is None:
        app.config.from_prefixed_env("DIGIHULP")
    else:  # a test sets what it needs; the developer's DIGIHULP_* must not change its outcome
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        # A kiosk forgets everything on restart; several workers need DIGIHULP_SECRET_KEY set.
        app.config["SECRET_KEY"] = secrets.token_hex(32)

    app.extensions["content"] = ContentStore.from_directory(Path(app.config["CONTENT_DIR"]))
    Babel(app, locale_selector=select_locale, default_translation_directories=str(REPO_ROOT / "locales"))
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True

    from . import chat, cli, errors, guide, health, helper, kiosk, languages, nlg, preferences, ratelimit, security, speech

    app.register_blueprint(chat.bp)
    ratelimit.init_app(app)
    preferences.init_app(app)
    languages.init_app(app)
    kiosk.init_app(app)
    app.register_blueprint(nlg.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(guide.bp)
    app.register_blueprint(helper.bp)
    app.register_blueprint(speech.bp)
    speech.init_app(app)
    security.init_app(app)  # after kiosk.init_app: an expired kiosk page goes to the start first
    errors.init_app(app)
    cli.init_app(app)
    return app

