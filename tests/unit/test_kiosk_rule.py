"""The kiosk's idle rule (web/kiosk.py) with a controlled clock: what counts as activity, idle, grace."""
from __future__ import annotations

import re

import pytest

from web.kiosk import IdleRule

IDLE, GRACE = 10, 5


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


def test_expired_only_after_idle_plus_grace():
    clock = Clock()
    rule = IdleRule(IDLE, GRACE, clock)
    seen = clock.now
    clock.now += IDLE + GRACE
    assert rule.expired(seen) is False
    clock.now += 0.5
    assert rule.expired(seen) is True
    assert rule.expired(None) is False  # a new visitor


@pytest.mark.parametrize("endpoint, blueprint, counts", [
    ("chat.page", "chat", True), ("chat.post_message", "chat", True), ("chat.api_chat", "chat", True),
    ("kiosk.here", "kiosk", True), ("guide.page", "guide", True), ("speech.speak", "speech", True),
    ("kiosk.still_there", "kiosk", False),  # the page's own refresh to the warning
    ("static", None, False), ("nlg.generate", "nlg", False), ("health.healthz", "health", False),
    (None, None, False),  # an unknown address
])
def test_what_counts_as_activity(endpoint, blueprint, counts):
    assert IdleRule.is_activity(endpoint, blueprint) is counts


@pytest.fixture
def kiosk(free_rasa_url):
    from web import create_app

    app = create_app({"TESTING": True, "RASA_URL": free_rasa_url, "RASA_TIMEOUT_SECONDS": 2, "SPEECH_ONLINE": False,
                      "KIOSK": True, "KIOSK_IDLE_SECONDS": IDLE, "KIOSK_GRACE_SECONDS": GRACE})
    clock = Clock()
    app.extensions["kiosk"].clock = clock
    return app.test_client(), clock


@pytest.fixture
def free_rasa_url():
    from livestack import free_port

    return f"http://127.0.0.1:{free_port()}"


def token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def conversation(html: str) -> str:
    return re.search(r'data-session="([^"]+)"', html).group(1)


def assert_welcome_with_journeys(html: str):
    assert "Ik ben DigiHulp" in html
    for title in ("DigiD", "Iemand anders laten helpen (machtigen)", "Hulp in de buurt"):
        assert f"<span>{title}</span></button>" in html


def test_a_press_on_an_expired_screen_lands_on_the_welcome_and_the_next_press_works(kiosk):
    client, clock = kiosk
    old = client.get("/").get_data(as_text=True)
    clock.now += IDLE + GRACE + 1
    # The browser's timer posts "Stoppen en alles wissen" with the old page's token, after the server's deadline.
    erase = client.post("/opnieuw", data={"csrf_token": token(old)})
    assert erase.status_code == 303 and erase.headers["Location"] == "/"
    welcome = client.get("/").get_data(as_text=True)
    assert_welcome_with_journeys(welcome)
    assert conversation(welcome) != conversation(old)
    press = client.post("/", data={"csrf_token": token(welcome), "message": "/digid"})
    assert press.status_code == 303 and press.headers["Location"] == "/#laatste"


def test_a_journey_button_of_the_previous_visitor_goes_to_the_welcome(kiosk):
    client, clock = kiosk
    old = client.get("/").get_data(as_text=True)
    clock.now += IDLE + GRACE + 1
    press = client.post("/", data={"csrf_token": token(old), "message": "/digid"})
    assert press.status_code == 303 and press.headers["Location"] == "/"
    welcome = client.get("/").get_data(as_text=True)
    assert_welcome_with_journeys(welcome)
    assert conversation(welcome) != conversation(old)


def test_activity_keeps_the_session_and_the_automatic_warning_does_not(kiosk):
    client, clock = kiosk
    first = conversation(client.get("/").get_data(as_text=True))
    clock.now += IDLE + GRACE - 1
    client.get("/gids/")  # reading the guide is activity
    clock.now += IDLE + GRACE - 1
    page = client.get("/").get_data(as_text=True)
    assert conversation(page) == first
    client.post("/kiosk/ik-ben-er", data={"csrf_token": token(page)})  # kiosk.js reports a press
    clock.now += IDLE
    client.get("/kiosk/nog-daar")  # the page's own refresh to the warning
    clock.now += GRACE + 1
    assert conversation(client.get("/").get_data(as_text=True)) != first
