"""JSON API: POST /api/chat and POST /api/reset (contract in the README)."""
from __future__ import annotations

from flask import jsonify, request, session

from . import bp
from ..languages import offered_or_default
from .conversation import answer, conversation_id, forget, new_session_id
from .views import RETURN_TO, rendered_replies


def _error(status: int, code: str, message: str):
    return jsonify({"error": code, "message": message}), status


def _json_body():
    if not request.is_json:
        return None, _error(415, "unsupported_media_type", "Send JSON with Content-Type: application/json.")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, _error(400, "bad_json", "The body must be a JSON object.")
    return body, None


@bp.post("/api/chat")
def api_chat():
    asked, error = _json_body()
    if error:
        return error
    message = asked.get("message")
    if not isinstance(message, str):
        return _error(400, "missing_message", "Give the user's text or a button payload in 'message'.")
    session_id = asked.get("session") or new_session_id()
    conversation = conversation_id(session_id)
    if conversation is None:
        return _error(404, "unknown_session", "This session does not exist. Leave 'session' out to start a new one.")
    own_page = session.get("chat") == session_id
    if own_page:
        session["started"] = True  # the page renders this conversation again after a reload
    language = offered_or_default(asked.get("lang"))
    result = answer(conversation, message, language, request.remote_addr or "")
    if result.language and own_page:
        session["lang"] = result.language  # the page is shown in it after a reload
    replies = [r.as_json() for r in result.replies]
    body = {"session": session_id, "replies": replies, "bot_available": result.bot_available,
            "language": result.language or language, "said": result.said}
    if asked.get("page") in RETURN_TO:  # the page's own script: the replies as the page shows them
        body["html"] = rendered_replies(result.replies, language, asked["page"])
    if result.status == 429:
        body.update(error="rate_limited", message="Too many messages; wait a minute.")
    return jsonify(body), result.status


@bp.post("/api/reset")
def api_reset():
    body, error = _json_body()
    if error:
        return error
    conversation = conversation_id(body.get("session"))
    if conversation is None:
        return _error(404, "unknown_session", "This session does not exist.")
    forget(conversation)
    return jsonify({"session": None, "reset": True})
