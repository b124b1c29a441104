"""CSRF protection for the form posts and the security headers every response carries."""
from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session

CSRF_FIELD = "csrf_token"
FORM_ENDPOINTS = {"chat.post_message", "chat.restart", "preferences.toggle", "kiosk.here"}

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


def csrf_token() -> str:
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(24)
    return session[CSRF_FIELD]


def _check_csrf():
    if request.method == "POST" and request.endpoint in FORM_ENDPOINTS:
        sent = request.form.get(CSRF_FIELD, "")
        if not hmac.compare_digest(sent, session.get(CSRF_FIELD, "")):
            abort(400)


def _add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app) -> None:
    app.before_request(_check_csrf)
    app.after_request(_add_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
