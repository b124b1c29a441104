"""Bad input against the real stack: never a 5xx, always a reply, nothing run as HTML."""
from __future__ import annotations

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NASTY = [
    "", "   ", "\n\t", "a" * 10_000, "😀🙏🏽", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "'; DROP TABLE users; --", "مرحبا، أريد DigiD", "我想要一个DigiD", "\x00\x01\x02", "/restart{\"x\":1}",
    "/nonexistent_intent", "/digid{\"organisation\": \"<b>x</b>\"}", "{{7*7}}", "%s%s%s", "../../etc/passwd",
]

settings.register_profile("stack", deadline=None, max_examples=40,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile("stack")


def assert_kind_reply(response):
    assert response.status_code in (200, 429), response.text
    replies = response.json()["replies"]
    assert replies and all(r["text"].strip() for r in replies)


def test_nasty_messages_get_a_kind_reply(stack):
    for message in NASTY:
        assert_kind_reply(requests.post(stack.base_url + "/api/chat", json={"message": message}, timeout=30))


@given(message=st.text(max_size=600))
def test_any_text_gets_a_reply(stack, message):
    assert_kind_reply(requests.post(stack.base_url + "/api/chat", json={"message": message}, timeout=30))


@given(body=st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_any_body_gets_a_json_answer_never_a_5xx(stack, body):
    response = requests.post(stack.base_url + "/api/chat", data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code < 500
    assert response.headers["Content-Type"].startswith("application/json")


@given(message=st.text(max_size=300))
def test_form_post_never_fails(stack, message):
    with requests.Session() as browser:
        page = browser.get(stack.base_url + "/", timeout=30).text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = browser.post(stack.base_url + "/", data={"message": message, "csrf_token": token}, timeout=30)
        assert response.status_code == 200  # after the redirect: the conversation again, not an error page
        assert response.url == stack.base_url + "/#laatste" and response.history[0].status_code == 303
        assert 'id="bericht-formulier"' in response.text and 'id="laatste"' in response.text
