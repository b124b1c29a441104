"""Shared fixtures. Unit tests use the Flask app in-process; slow tests start the real stack once
(trained Rasa model, action server, web app) through the same launcher as `make run`."""
from __future__ import annotations

from pathlib import Path

import pytest

from livestack import KIOSK_GRACE_SECONDS, KIOSK_IDLE_SECONDS, free_port, start_stack


@pytest.fixture
def app():
    from web import create_app  # here, not at the top: tests/actions run in the bot's environment

    # RASA_URL points at a port where nothing listens: a real "bot is down", not a mock.
    return create_app({"TESTING": True, "RASA_URL": f"http://127.0.0.1:{free_port()}", "RASA_TIMEOUT_SECONDS": 2,
                       "SPEECH_ONLINE": False})


@pytest.fixture
def client(app):
    return app.test_client()



@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    yield from start_stack(tmp_path_factory.mktemp("logs"))


@pytest.fixture(scope="session")
def kiosk_stack(tmp_path_factory):
    """A second stack in kiosk mode, with short idle times so the tests need not wait minutes."""
    env = {"DIGIHULP_KIOSK": "true", "DIGIHULP_KIOSK_IDLE_SECONDS": str(KIOSK_IDLE_SECONDS),
           "DIGIHULP_KIOSK_GRACE_SECONDS": str(KIOSK_GRACE_SECONDS), "DIGIHULP_KIOSK_PLACE": "Utrecht"}
    yield from start_stack(tmp_path_factory.mktemp("kiosk-logs"), extra_env=env)


def pytest_collection_modifyitems(items):
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder in ("integration", "browser", "bot"):
            item.add_marker(pytest.mark.slow)
        if folder == "browser":
            item.add_marker(pytest.mark.browser)
