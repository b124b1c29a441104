"""The page without JavaScript: server-rendered, plain forms, safe headers."""
from __future__ import annotations

import re

import pytest


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_start_page_shows_welcome_and_three_buttons(client):
    html = client.get("/").get_data(as_text=True)
    assert html.startswith("<!doctype html>")
    assert '<html lang="nl" dir="ltr"' in html
    assert 'aria-live="polite"' in html
    assert "Ik ben DigiHulp" in html
    for title in ("DigiD", "Iemand anders laten helpen (machtigen)", "Hulp in de buurt"):
        assert f"<span>{title}</span></button>" in html


def test_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-store"


def test_the_skip_link_leads_to_the_main_content_on_every_page(client):
    for url in ("/", "/gids/", "/ik-help/", "/bestaat-niet"):
        html = client.get(url).get_data(as_text=True)
        assert '<a class="skip-link" href="#inhoud">Naar de inhoud</a>' in html, url
        assert '<main id="inhoud">' in html, url


def test_form_post_without_csrf_token_is_refused_kindly(client):
    client.get("/")
    response = client.post("/", data={"message": "hallo"})
    assert response.status_code == 400
    assert "<h1>Dit scherm is verlopen</h1>" in response.get_data(as_text=True)
    assert "hallo" not in response.get_data(as_text=True)


def test_form_post_when_bot_is_down_keeps_the_typed_text(client):
    token = csrf(client.get("/").get_data(as_text=True))
    response = client.post("/", data={"message": "mijn digid doet het niet", "csrf_token": token})
    assert response.status_code == 303
    html = client.get("/").get_data(as_text=True)
    assert "niet antwoorden" in html
    assert 'value="mijn digid doet het niet"' in html


def test_typed_html_is_shown_as_text(client):
    token = csrf(client.get("/").get_data(as_text=True))
    client.post("/", data={"message": "<script>alert(1)</script>", "csrf_token": token})
    html = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html


def test_guide_pages_work_without_the_bot(client):
    html = client.get("/gids/").get_data(as_text=True)
    assert "DigiD" in html
    digid = client.get("/gids/digid")
    assert digid.status_code == 200
    assert client.get("/gids/find_help").status_code == 200
    assert client.get("/gids/does_not_exist").status_code == 404


def test_every_guide_link_leads_to_a_page(client):
    import re

    seen, todo = set(), ["/gids/"]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        todo.extend(re.findall(r'href="(/gids/[^"]*)"', response.get_data(as_text=True)))
    assert len(seen) >= 10


def test_bot_down_answer_links_to_the_guide(client):
    reply = client.post("/api/chat", json={"message": "digid kwijt"}).get_json()["replies"][0]
    assert [link["url"] for link in reply["links"]] == ["/gids/digid", "/gids/machtigen", "/gids/find_help"]


def test_helper_view_shows_a_chosen_checklist_with_steps_tips_and_dated_sources(client):
    html = client.get("/ik-help/?lijst=digid_request").get_data(as_text=True)
    assert "Een DigiD aanvragen" in html
    assert "Stap 1 van" in html
    assert "Tips voor helpers" in html and "Bewaar nooit de naam, het wachtwoord of de code van een ander." in html
    assert "government.nl" in html and "7 juni 2024" in html  # each source with its own date
    assert 'href="/ik-help/mee/?lijst=digid_request"' in html


def test_helper_view_and_chat_page_are_one_conversation(client):
    chat = client.get("/").get_data(as_text=True)
    helper = client.get("/ik-help/").get_data(as_text=True)
    session_id = re.search(r'data-session="([^"]+)"', chat).group(1)
    assert re.search(r'data-session="([^"]+)"', helper).group(1) == session_id


def test_a_form_post_returns_to_the_page_it_came_from_and_only_to_ours(client):
    html = client.get("/ik-help/").get_data(as_text=True)
    assert 'name="terug" value="helper.view"' in html
    token = csrf(html)
    back = client.post("/", data={"message": "hallo", "csrf_token": token, "terug": "helper.view"})
    assert back.status_code == 303 and back.headers["Location"].endswith("/ik-help/#laatste")
    for elsewhere in ("https://example.org/", "//example.org", "kiosk.still_there", ""):
        response = client.post("/", data={"message": "hallo", "csrf_token": token, "terug": elsewhere})
        assert response.headers["Location"] in ("/#laatste", "http://localhost/#laatste"), elsewhere


def test_the_steps_panel_alone_is_the_same_template(client):
    client.get("/ik-help/")
    html = client.get("/ik-help/stappen").get_data(as_text=True)
    assert 'id="stappen-titel"' in html and "<html" not in html


def test_take_home_page_has_a_local_qr_code_without_personal_data(client):
    client.post("/api/chat", json={"message": "mijn BSN is 123456782"})
    html = client.get("/ik-help/mee/?lijst=digid_request&lijst=machtigen_give").get_data(as_text=True)
    assert "<svg" in html and "http://localhost/ik-help/mee/?lijst=digid_request&amp;lijst=machtigen_give" in html
    assert "Een DigiD aanvragen" in html and "Machtigen: iemand anders laten helpen" in html
    assert "088 123 65 55" in html  # the helpdesk route
    assert "123456782" not in html
    assert client.get("/ik-help/mee/?lijst=nope").status_code == 404


def test_take_home_shows_only_a_help_point_we_signed(app, client):
    from web.helper import point_token
    with app.test_request_context():
        token = point_token({"name": "Bibliotheek Test", "town": "Teststad", "opening_times": "dinsdag 10-12",
                             "source_date": "2025-08-27"})
    html = client.get(f"/ik-help/mee/?lijst=ido_visit&punt={token}").get_data(as_text=True)
    assert "Bibliotheek Test" in html and "dinsdag 10-12" in html and "27 augustus 2025" in html
    assert f"punt={token}" in html  # the QR address carries it too
    assert "GeoNames (CC BY 4.0)" in html, "the place data's licence credit goes with a help point"
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    html = client.get(f"/ik-help/mee/?lijst=ido_visit&punt={forged}").get_data(as_text=True)
    assert "Bibliotheek Test" not in html and "punt=" not in html
    assert "Ga naar de bibliotheek" in html and "GeoNames" not in html  # no help point, no place data


def test_take_home_credit_in_the_visitors_language(app, client):
    from web.helper import point_token
    with app.test_request_context():
        token = point_token({"name": "Bibliotheek Test", "town": "Teststad", "opening_times": "", "source_date": ""})
    html = client.get(f"/ik-help/mee/?lijst=ido_visit&punt={token}&taal=en").get_data(as_text=True)
    credit = app.extensions["content"].place_data_credit("en")
    assert credit.language == "en" and credit.text.splitlines()[0] in html


def choose_language(client, code: str) -> str:
    html = client.get("/").get_data(as_text=True)
    client.post("/voorkeur", data={"csrf_token": csrf(html), "lang": code})
    return client.get("/").get_data(as_text=True)


def test_each_language_is_named_in_itself_on_the_switch(client):
    html = client.get("/").get_data(as_text=True)
    for code, name in (("nl", "Nederlands"), ("en", "English"), ("ar", "العربية"), ("tr", "Türkçe")):
        assert re.search(rf'name="lang" value="{code}" lang="{code}" dir="(ltr|rtl)"[^>]*>{name}</button>', html)
    assert re.search(r'value="nl"[^>]*aria-pressed="true"', html)


def test_english_is_remembered_for_the_session_and_needs_no_review_notice(client):
    html = choose_language(client, "en")
    assert '<html lang="en" dir="ltr"' in html
    assert "I am DigiHulp" in html or "I'm DigiHulp" in html
    assert "<span>Large text</span>" in html
    assert 'class="notice"' not in html
    assert '<html lang="en"' in client.get("/ik-help/").get_data(as_text=True)


def test_arabic_is_right_to_left_and_says_it_is_not_reviewed(client):
    html = choose_language(client, "ar")
    assert '<html lang="ar" dir="rtl"' in html
    assert 'class="notice" role="note"' in html
    assert "Ik ben DigiHulp" not in html  # the welcome is translated


def test_turkish_says_it_is_not_reviewed(client):
    html = choose_language(client, "tr")
    assert '<html lang="tr" dir="ltr"' in html and 'class="notice" role="note"' in html


def test_a_language_we_do_not_offer_is_ignored(client):
    assert '<html lang="nl"' in choose_language(client, "xx")


def test_take_home_date_is_written_for_the_language(client):
    choose_language(client, "en")
    html = client.get("/ik-help/mee/?lijst=digid_request").get_data(as_text=True)
    assert re.search(r"Made on [A-Z][a-z]+ \d{1,2}, \d{4} by DigiHulp", html)
    assert "Apply" in html or "apply" in html  # the checklist in English


def test_the_take_home_code_opens_the_list_in_the_same_language(client):
    choose_language(client, "en")
    html = client.get("/ik-help/mee/?lijst=digid_request").get_data(as_text=True)
    assert "http://localhost/ik-help/mee/?lijst=digid_request&amp;taal=en" in html
    phone = client.application.test_client()  # a phone: no session
    assert '<html lang="en"' in phone.get("/ik-help/mee/?lijst=digid_request&taal=en").get_data(as_text=True)


def guide_page_in(client, language: str, intent: str) -> str:
    html = client.get("/").get_data(as_text=True)
    client.post("/voorkeur", data={"csrf_token": csrf(html), "lang": language})
    return client.get(f"/gids/{intent}").get_data(as_text=True)


def test_guide_pages_speak_the_visitors_language(client):
    page = guide_page_in(client, "en", "digid")
    assert '<html lang="en" dir="ltr"' in page
    assert '<p class="message-text">What do you want to do with DigiD?' in page
    assert "Wat wil je doen met DigiD?" not in page


def test_a_guide_text_arabic_lacks_is_dutch_and_marked_so(client):
    page = guide_page_in(client, "ar", "digid_lost")
    assert '<html lang="ar" dir="rtl"' in page
    assert '<p class="message-text" lang="nl" dir="ltr">Wat is er aan de hand?' in page
    assert '<p class="message-note">هذا الجواب غير مترجم بعد.' in page
    assert 'href="/gids/digid_forgot" lang="nl" dir="ltr"' in page
    start = client.get("/gids/").get_data(as_text=True)  # the start of each journey is translated
    assert 'lang="nl"' not in start.split("<main", 1)[1]


def last_message(html: str) -> str:
    """The newest message's markup (its form token blanked: a new one per render)."""
    item = re.search(r'<li class="message[^>]* id="laatste">.*?\n</li>', html, re.DOTALL).group(0)
    return re.sub(r'name="csrf_token" value="[^"]+"', 'name="csrf_token" value=""', item)


@pytest.mark.parametrize("message, part", [("digid kwijt", 'class="guide-links"'),
                                           ("   ", 'name="terug" value="helper.view"')])
def test_the_api_renders_its_replies_for_the_page_as_the_page_does(client, message, part):
    client.post("/voorkeur", data={"lang": "ar", "csrf_token": csrf(client.get("/").get_data(as_text=True))})
    page = client.get("/ik-help/").get_data(as_text=True)
    session_id = re.search(r'data-session="([^"]+)"', page).group(1)
    client.post("/", data={"message": message, "csrf_token": csrf(page), "terug": "helper.view"})
    reloaded = last_message(client.get("/ik-help/").get_data(as_text=True))
    answer = client.post("/api/chat", json={"session": session_id, "message": message, "lang": "ar",
                                             "page": "helper.view"}).get_json()
    assert last_message(answer["html"]) == reloaded
    assert part in reloaded and "<p class=\"message-who\">DigiHulp:</p>" in reloaded


def test_each_reply_names_its_content_item(client):
    assert client.post("/api/chat", json={"message": " "}).get_json()["replies"][0]["content_id"] == "utter_empty_message"


def test_the_api_renders_html_only_for_our_pages(client):
    asked = client.post("/api/chat", json={"message": " ", "page": "https://elsewhere.example/"}).get_json()
    assert set(asked) == {"session", "replies", "bot_available", "language", "said"}
    assert set(client.post("/api/chat", json={"message": " "}).get_json()) == set(asked)


def test_a_typed_message_has_a_template_of_the_same_markup(client):
    html = client.get("/").get_data(as_text=True)
    template = re.search(r'<template id="bericht-jij">(.*?)</template>', html, re.DOTALL).group(1)
    assert re.sub(r">\s+<", "><", template) == ('<li class="message message--user"><p class="message-who">Jij:</p>'
                                               '<p class="message-text" dir="auto"></p></li>')
