"""Kind error pages in the visitor's language (templates/error.html); /api/ and /nlg keep JSON errors.

A stale or missing form token (a screen from before an erase or a restart) is a 400 like any
other: Flask-WTF's CSRFError is a BadRequest.
"""
from __future__ import annotations

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException

KIND_PAGES = (400, 404, 405, 413, 429, 500)  # each has its words in templates/error.html
JSON_PREFIXES = ("/api/", "/nlg")


def handle(error: HTTPException):
    status = error.code or 500
    if request.path.startswith(JSON_PREFIXES):
        code = (error.name or "error").lower().replace(" ", "_")
        return jsonify({"error": code, "message": error.description}), status
    return render_template("error.html", status=status), status


def init_app(app) -> None:
    # 500 also catches any unexpected exception (Flask wraps it in an InternalServerError).
    for status in KIND_PAGES:
        app.register_error_handler(status, handle)
