"""GET /healthz: is every part up? 200 when all are, 503 naming the part that is down."""
from __future__ import annotations

import requests
from flask import Blueprint, current_app, jsonify

from .chat.conversation import rasa_client

bp = Blueprint("health", __name__)


def _actions_up() -> bool:
    try:
        return requests.get(current_app.config["ACTIONS_URL"] + "/health", timeout=2).ok
    except requests.RequestException:
        return False


@bp.get("/healthz")
def healthz():
    parts = {"web": "up", "bot": "up" if rasa_client().is_up() else "down", "actions": "up" if _actions_up() else "down"}
    down = [name for name, state in parts.items() if state == "down"]
    return jsonify({"status": "down" if down else "up", "parts": parts, "down": down}), 503 if down else 200
