"""Rate limits per conversation (a flood of clicks) and per client address (a runaway script), kept by
Flask-Limiter and its `limits` library.

Where the counts live is Flask-Limiter's own setting RATELIMIT_STORAGE_URI (DIGIHULP_RATELIMIT_STORAGE_URI):
`memory://` by default, so each web worker counts its own share; `redis://host:port` (deploy/compose.yaml) so
every worker and machine shares one count. The check is made where a message is answered
(web/chat/conversation.py), so a message over the limit gets the kind "rustig aan" and keeps what was typed,
on the page and in the API alike, instead of a bare 429.
"""
from __future__ import annotations

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse


def allowed(kind: str, key: str, per_minute: int) -> bool:
    """Count one message for `key`; False once it has sent `per_minute` in the last minute."""
    return current_app.extensions["rate_limiter"].limiter.hit(parse(f"{per_minute}/minute"), kind, key)


def init_app(app) -> None:
    # One limiter (and so one store) per app. No limits on routes of its own: only the counts above.
    app.extensions["rate_limiter"] = Limiter(get_remote_address, app=app, default_limits=[])
