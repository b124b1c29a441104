"""Settings: DIGIHULP_* in the environment configure a real start, never a test's own config (flaskr's rule);
the languages come from their one list, content/languages.yml."""
from __future__ import annotations

from pathlib import Path

import yaml

from web import config, create_app

ROOT = Path(__file__).resolve().parents[2]


def test_the_environment_sets_a_real_start_but_not_a_test(monkeypatch):
    monkeypatch.setenv("DIGIHULP_KIOSK", "true")
    monkeypatch.setenv("DIGIHULP_KIOSK_IDLE_SECONDS", "7")
    started = create_app()
    assert started.config["KIOSK"] is True and started.config["KIOSK_IDLE_SECONDS"] == 7
    tested = create_app({"TESTING": True})
    assert tested.config["KIOSK"] is False and tested.config["KIOSK_IDLE_SECONDS"] == 180


def test_the_languages_come_from_their_one_list():
    plan = yaml.safe_load((ROOT / "content" / "languages.yml").read_text())
    assert config.LANGUAGES == [*plan["complete"], *plan["partial"]]
    assert config.DEFAULT_LANGUAGE == plan["default"] == config.LANGUAGES[0]
    assert set(config.RTL_LANGUAGES) <= set(config.LANGUAGES)
    assert set(plan["understood"]) <= set(plan["complete"])


def test_every_setting_in_the_readme_table():
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    names = [name for name in dir(config) if name.isupper() and not name.startswith("_")]
    documented = {"LANGUAGES", "DEFAULT_LANGUAGE", "RTL_LANGUAGES", "BOT_DIR", "RASA_TOKEN",
                  "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "WTF_CSRF_TIME_LIMIT", "WTF_CSRF_SSL_STRICT"}
    missing = [n for n in names if n not in documented and f"DIGIHULP_{n}" not in table and f"_{n}`" not in table]
    assert missing == [], "add these to the README's settings table"
