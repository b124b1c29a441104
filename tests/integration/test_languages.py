"""Languages through /api/chat and the page, with the real model, action server and content."""
from __future__ import annotations

import re

import requests
import yaml
from markupsafe import escape
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content"


def text_of(item_id: str, language: str) -> str:
    """The raw text of a content item (Dutch file or translation), to compare with what was said."""
    for path in (CONTENT / language).glob("*.yml"):
        items = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("items") or {}
        if item_id in items:
            return str(items[item_id]["text"]).strip()
    raise KeyError(item_id)


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_do_you_speak_english_switches_and_the_journey_continues_in_english(stack):
    first, second = stack.conversation("do you speak english?", "i have no smartfone")
    assert first["language"] == "en"
    assert first["replies"][0]["text"] == text_of("language_chosen", "en")
    assert first["replies"][0]["lang"] == "en"
    assert second["replies"][0]["text"] == text_of("utter_digid_no_smartphone", "en")
    assert [r["lang"] for r in second["replies"]] == ["en"] * len(second["replies"])


def test_english_typed_with_mistakes_by_buttons_and_back(stack):
    first = stack.chat("digi d lost", lang="en")
    typed = first["replies"]
    assert typed[0]["text"] == text_of("utter_digid_lost", "en")
    titles = [b["title"] for b in typed[0]["buttons"]]
    assert titles[-2:] == ["Back", "Start again"]
    pressed = stack.chat(typed[0]["buttons"][0]["payload"], first["session"], lang="en")["replies"]
    assert pressed and all(r["lang"] == "en" for r in pressed)


def test_turkish_asked_in_turkish_and_a_language_button(stack):
    answer = stack.chat("Türkçe konuşabilir miyiz?")
    assert answer["language"] == "tr" and answer["replies"][0]["text"] == text_of("language_chosen", "tr")
    asked = stack.chat("ik spreek geen nederlands")
    assert asked["replies"][0]["text"] == text_of("language_ask", "nl")
    arabic = next(b for b in asked["replies"][0]["buttons"] if b["title"] == "العربية")
    chosen = stack.chat(arabic["payload"], asked["session"])
    assert chosen["language"] == "ar" and chosen["replies"][0]["lang"] == "ar"


def test_arabic_start_of_a_journey_is_arabic_and_the_rest_is_marked_dutch(stack):
    menu, request, deeper = stack.conversation("/digid", "/digid_request", "/digid_lost", lang="ar")
    assert menu["replies"][0]["text"] == text_of("utter_digid_menu", "ar")
    assert [r["lang"] for r in request["replies"]] == ["ar", "ar"]
    assert deeper["replies"][0]["text"] == text_of("utter_digid_lost", "nl")
    assert deeper["replies"][0]["lang"] == "nl"
    assert deeper["replies"][0]["buttons"][-1]["title"] != "Opnieuw beginnen"  # navigation in Arabic


def test_an_organisation_answer_in_english_has_an_english_date(stack):
    text = stack.chat("can i authorise someone for the uwv", lang="en")["replies"][0]["text"]
    assert "UWV" in text and re.search(r"(January|February|March|April|May|June|July|August|September|October|"
                                       r"November|December) \d{1,2}, \d{4}", text), text


def test_help_nearby_in_english_writes_distance_and_date_in_english(stack):
    answers = stack.conversation("/find_help", "3511 AB", lang="en")
    replies = answers[-1]["replies"]
    points = [r for r in replies if (r.get("custom") or {}).get("card")]
    assert points and all(re.search(r"\d+ km", p["text"]) for p in points)
    assert all(r["lang"] == "en" for r in replies)


def test_the_page_switches_language_when_asked_in_the_first_message(stack):
    web = requests.Session()
    page = web.get(stack.base_url + "/").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    web.post(stack.base_url + "/", data={"csrf_token": token, "message": "spreek je engels?"})
    html = web.get(stack.base_url + "/").text
    assert '<html lang="en" dir="ltr"' in html
    assert text_of("language_chosen", "en").split("\n")[0].split(".")[0] in html


def test_the_content_id_and_language_come_with_each_reply_and_after_a_reload(stack):
    """From /nlg through Rasa: the REST answer, and the tracker's bot events the page shows after a reload."""
    web = requests.Session()
    page = web.get(stack.base_url + "/").text
    web.post(stack.base_url + "/voorkeur", data={"lang": "ar", "csrf_token": csrf(page)})
    session_id = re.search(r'data-session="([^"]+)"', web.get(stack.base_url + "/").text).group(1)
    said = [web.post(stack.base_url + "/api/chat", json={"session": session_id, "message": m, "lang": "ar"}).json()
            for m in ("/digid", "/digid_activate")]
    [menu], activate = said[0]["replies"], said[1]["replies"]
    assert (menu["content_id"], menu["lang"]) == ("utter_digid_menu", "ar") and "untranslated" not in menu
    assert [(r["content_id"], r["lang"], r["untranslated"]) for r in activate] == [
        ("utter_digid_activate_letter", "nl", True), ("utter_digid_activate_steps", "nl", True)]
    html = web.get(stack.base_url + "/").text
    assert f'<p class="message-text">{escape(text_of("utter_digid_menu", "ar"))}</p>' in html
    for reply in activate:
        dutch = f'<p class="message-text" lang="nl" dir="ltr">{escape(reply["text"])}</p>'
        assert re.search(re.escape(dutch) + r'\s*<p class="message-note">', html), dutch
