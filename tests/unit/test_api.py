"""The JSON API contract, without the bot: validation, sessions and the bot-down answer."""
from __future__ import annotations


def test_bad_content_type_is_415(client):
    response = client.post("/api/chat", data="message=hallo")
    assert response.status_code == 415
    assert response.get_json()["error"] == "unsupported_media_type"


def test_malformed_json_is_400(client):
    response = client.post("/api/chat", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"] == "bad_json"


def test_missing_message_is_400(client):
    response = client.post("/api/chat", json={"lang": "nl"})
    assert response.status_code == 400
    assert response.get_json()["error"] == "missing_message"


def test_unknown_session_is_404(client):
    response = client.post("/api/chat", json={"session": "made-up", "message": "hallo"})
    assert response.status_code == 404
    assert response.get_json()["error"] == "unknown_session"


def test_omitted_session_gives_a_new_one(client):
    first = client.post("/api/chat", json={"message": " "}).get_json()
    second = client.post("/api/chat", json={"message": " "}).get_json()
    assert first["session"] and second["session"] and first["session"] != second["session"]


def test_empty_message_gets_a_kind_answer_with_buttons(client):
    reply = client.post("/api/chat", json={"message": "   "}).get_json()["replies"][0]
    assert "nog niets getypt" in reply["text"]
    assert [b["payload"] for b in reply["buttons"]] == ["/digid", "/machtigen", "/find_help"]


def test_too_long_message_gets_a_kind_answer(client, app):
    text = "a" * (app.config["MAX_MESSAGE_CHARS"] + 1)
    reply = client.post("/api/chat", json={"message": text}).get_json()["replies"][0]
    assert "te lang" in reply["text"]


def test_bot_down_gives_200_and_a_kind_message(client):
    response = client.post("/api/chat", json={"message": "digid kwijt"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["bot_available"] is False
    assert "niet antwoorden" in body["replies"][0]["text"]


def test_session_from_the_api_is_accepted_again(client):
    session = client.post("/api/chat", json={"message": ""}).get_json()["session"]
    again = client.post("/api/chat", json={"session": session, "message": ""})
    assert again.status_code == 200 and again.get_json()["session"] == session


def test_reset_of_unknown_session_is_404(client):
    assert client.post("/api/reset", json={"session": "nope"}).status_code == 404


def test_healthz_names_the_parts_that_are_down(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["parts"]["web"] == "up"
    assert "bot" in body["down"]


def test_a_flood_of_messages_is_slowed_down_kindly(app):
    app.config["RATE_LIMIT_PER_CONVERSATION"] = 3
    client = app.test_client()
    session = client.post("/api/chat", json={"message": ""}).get_json()["session"]
    statuses = [client.post("/api/chat", json={"session": session, "message": "hallo"}).status_code for _ in range(4)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429
    last = client.post("/api/chat", json={"session": session, "message": "hallo"}).get_json()
    assert last["error"] == "rate_limited" and "Wacht een minuut" in last["replies"][0]["text"]


def test_a_flood_from_one_address_is_slowed_down_across_conversations(app):
    app.config["RATE_LIMIT_PER_ADDRESS"] = 4
    client = app.test_client()
    statuses = [client.post("/api/chat", json={"message": "hallo"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_the_limits_are_kept_by_flask_limiter_in_its_configured_store(app):
    from limits.storage import MemoryStorage

    assert isinstance(app.extensions["rate_limiter"].limiter.storage, MemoryStorage)
