"""In Chromium: a stale form gets the kind page and "Opnieuw beginnen" works; error pages pass axe;
a number typed by mistake is replaced on the screen too."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .test_accessibility import violations


def stale_form(page):
    """A page from before a restart or an erase (no cookie): its form token no longer counts.
    With JavaScript the buttons use the JSON API, so the plain form is posted as without it."""
    page.goto("/")
    page.context.clear_cookies()
    page.evaluate("() => { document.querySelector('#bericht').value = 'hallo'; document.querySelector('#bericht-formulier').submit(); }")
    page.wait_for_load_state()


def not_found(page):
    page.goto("/bestaat-niet")


def wrong_method(page):
    page.goto("/opnieuw")


def too_large(page):
    page.goto("/")
    page.evaluate("""() => { const box = document.querySelector('#bericht');
        box.removeAttribute('maxlength'); box.value = 'x'.repeat(1100000); box.form.submit(); }""")
    page.wait_for_load_state()


ERRORS = {stale_form: "Dit scherm is verlopen", not_found: "Deze pagina bestaat niet",
          wrong_method: "Dit kan zo niet", too_large: "Dit is te veel tekst"}


def test_a_stale_form_gets_the_kind_page_and_starting_again_works(page_without_js):
    page = page_without_js
    page.goto("/")
    page.context.clear_cookies()  # as after a restart (a new secret key) or an erase
    page.get_by_role("button", name="DigiD", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit scherm is verlopen")
    expect(page.get_by_text("Vraag hulp aan iemand van de bibliotheek.")).to_be_visible()
    expect(page.get_by_role("button", name="Grote letters")).to_be_visible()  # the same header
    page.locator("main").get_by_role("button", name="Opnieuw beginnen").click()
    expect(page.locator("#berichten .message--bot")).to_contain_text("Ik ben DigiHulp")
    page.get_by_role("button", name="DigiD", exact=True).click()
    expect(page.locator("#berichten .message--bot").last).to_contain_text("Wat wil je doen met DigiD?")


@pytest.mark.parametrize("make", list(ERRORS), ids=lambda m: m.__name__)
def test_error_pages_have_no_violations(browser, stack, make):
    context = browser.new_context(viewport={"width": 1280, "height": 1024}, base_url=stack.base_url, bypass_csp=True)
    page = context.new_page()
    make(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(ERRORS[make])
    screenshot(page, f"error-{make.__name__}")
    found = violations(page)
    assert found == [], json.dumps(found, indent=1)
    context.close()


def test_a_bsn_typed_by_mistake_is_replaced_on_the_screen_and_warned_about(page):
    page.goto("/")
    page.get_by_label("Typ je vraag").fill("mijn digid doet het niet 111 222 333")
    page.keyboard.press("Enter")
    expect(page.locator("#berichten .message--user .message-text")).to_have_text("mijn digid doet het niet [BSN]")
    bot = page.locator("#berichten .message--bot .message-text")
    expect(bot.nth(1)).to_have_text("Typ hier nooit je BSN: het nummer op je paspoort of ID-kaart. Ik heb het niet bewaard.")
    expect(bot.nth(2)).to_contain_text("Wat is er aan de hand?")  # the answer to a DigiD that does not work
    assert "111 222 333" not in page.content()
