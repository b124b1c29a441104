"""CSRF protection for the form posts (Flask-WTF) and the security headers every response carries."""
from __future__ import annotations

from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

HEADERS = {
    # No inline script, no other origins: everything the page needs is served from here.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    # A kiosk's next user must not find the last conversation in the cache or via "back".
    "Cache-Control": "no-store",
}


def _add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app) -> None:
    from .chat import api, views
    from . import nlg

    # Not form posts, so no form token: the JSON API accepts only Content-Type application/json
    # (415 otherwise), which a page of another site cannot send without a CORS preflight we never
    # allow, and its conversation ids are signed; /nlg is for Rasa on this machine.
    csrf.exempt(api.api_chat)
    csrf.exempt(api.api_reset)
    csrf.exempt(nlg.bp)
    # "Stoppen en alles wissen" must work from any screen, also one from before a restart or an
    # erase. It only erases, and a post from another site brings no session cookie (SameSite=Lax),
    # so it has nothing to erase.
    csrf.exempt(views.restart)
    csrf.init_app(app)
    app.after_request(_add_headers)
