"""GET /healthz: is every part up? 200 when all are, 503 naming the part that is down."""
from __future__ import annotations

from flask import Blueprint, jsonify

from .chat.conversation import actions_up, rasa_client

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    parts = {"web": "up", "bot": "up" if rasa_client().is_up() else "down", "actions": "up" if actions_up() else "down"}
    down = [name for name, state in parts.items() if state == "down"]
    return jsonify({"status": "down" if down else "up", "parts": parts, "down": down}), 503 if down else 200
