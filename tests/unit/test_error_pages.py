"""Kind error pages in the visitor's language, with a working "Opnieuw beginnen"; JSON under /api/."""
from __future__ import annotations

import re

import pytest
from flask import abort


def token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def assert_kind_page(html: str, heading: str):
    assert f"<h1>{heading}</h1>" in html
    assert '<form method="post" action="/opnieuw">' in html
    assert "<span>Opnieuw beginnen</span></button>" in html
    assert "Vraag hulp aan iemand van de bibliotheek." in html
    assert "<span>Grote letters</span>" in html and ">English</button>" in html  # same header and switches
    assert "Bad Request" not in html and "could not understand" not in html


def assert_restart_works(client, html: str):
    restart = client.post("/opnieuw", data={"csrf_token": token(html)})
    assert restart.status_code == 303 and restart.headers["Location"] == "/"
    welcome = client.get("/").get_data(as_text=True)
    assert "Ik ben DigiHulp" in welcome and "<span>Hulp in de buurt</span></button>" in welcome
    press = client.post("/", data={"csrf_token": token(welcome), "message": "/digid"})
    assert press.status_code == 303 and press.headers["Location"] == "/#laatste"


def test_a_form_without_its_token_gets_the_kind_page(client):
    client.get("/")
    response = client.post("/", data={"message": "hallo"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert_kind_page(html, "Dit scherm is verlopen")
    assert "Misschien is alles al gewist." in html
    assert_restart_works(client, html)


def test_a_form_from_before_a_restart_gets_the_kind_page(app):
    from web import create_app

    before = app.test_client()
    old_page = before.get("/").get_data(as_text=True)
    restarted = create_app({**app.config, "SECRET_KEY": "another key after the restart"}).test_client()
    restarted.set_cookie("session", before.get_cookie("session").value)
    response = restarted.post("/", data={"message": "/digid", "csrf_token": token(old_page)})
    assert response.status_code == 400
    assert_kind_page(response.get_data(as_text=True), "Dit scherm is verlopen")
    assert_restart_works(restarted, response.get_data(as_text=True))


def test_not_found_in_the_visitors_language(client):
    html = client.get("/").get_data(as_text=True)
    client.post("/voorkeur", data={"csrf_token": token(html), "lang": "en"})
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert '<html lang="en" dir="ltr"' in page
    assert "<h1>This page does not exist</h1>" in page and "<span>Start again</span></button>" in page


def test_arabic_error_page_is_right_to_left(client):
    html = client.get("/").get_data(as_text=True)
    client.post("/voorkeur", data={"csrf_token": token(html), "lang": "ar"})
    page = client.get("/bestaat-niet").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl"' in page and "<h1>هذه الصفحة غير موجودة</h1>" in page


@pytest.mark.parametrize("make, status, heading", [
    (lambda c: c.get("/bestaat-niet"), 404, "Deze pagina bestaat niet"),
    (lambda c: c.get("/opnieuw"), 405, "Dit kan zo niet"),
    (lambda c: c.post("/", data={"message": "x" * (1024 * 1024 + 1)}), 413, "Dit is te veel tekst"),
])
def test_each_error_has_its_kind_page(client, make, status, heading):
    response = make(client)
    assert response.status_code == status
    assert_kind_page(response.get_data(as_text=True), heading)


def test_too_many_and_our_own_fault_get_kind_pages(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: an exception becomes a 500
    app.add_url_rule("/test-429", "too_many", lambda: abort(429))
    app.add_url_rule("/test-500", "broken", lambda: 1 / 0)
    client = app.test_client()
    assert client.get("/test-429").status_code == 429
    assert_kind_page(client.get("/test-429").get_data(as_text=True), "Rustig aan")
    broken = client.get("/test-500")
    assert broken.status_code == 500
    assert_kind_page(broken.get_data(as_text=True), "Er ging iets mis bij ons")
    assert "Het ligt niet aan jou." in broken.get_data(as_text=True)


@pytest.mark.parametrize("make, status, error", [
    (lambda c: c.get("/api/chat"), 405, "method_not_allowed"),
    (lambda c: c.post("/api/bestaat-niet", json={}), 404, "not_found"),
    (lambda c: c.post("/api/chat", json={"message": "x" * (1024 * 1024)}), 413, "request_entity_too_large"),
    (lambda c: c.get("/nlg"), 405, "method_not_allowed"),
])
def test_the_api_keeps_json_errors(client, make, status, error):
    response = make(client)
    assert response.status_code == status
    body = response.get_json()
    assert body["error"] == error and body["message"]
