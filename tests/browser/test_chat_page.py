"""The chat page in a real browser: buttons only, typing, announcements, and without JavaScript."""
from __future__ import annotations

import pytest
from livestack import ONE_GUESS
from playwright.sync_api import expect

from .conftest import screenshot


def bot_messages(page):
    return page.locator("#berichten .message--bot")


def test_buttons_only_journey_announces_each_answer(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    live = page.locator("#berichten")
    expect(live).to_have_attribute("aria-live", "polite")
    screenshot(page, "start-phone")

    page.get_by_role("button", name="DigiD", exact=True).click()
    expect(bot_messages(page)).to_have_count(2)
    expect(page.locator("#berichten .message--user .message-text").last).to_have_text("DigiD")

    page.get_by_role("button", name="Terug").last.click()
    expect(bot_messages(page)).to_have_count(3)
    assert page.url.endswith("/"), "the page must not reload"
    screenshot(page, "journey-phone")


def test_typed_question_gets_an_answer_inside_the_live_region(page):
    page.goto("/")
    page.get_by_label("Typ je vraag").fill("ik snap er niks van")
    page.keyboard.press("Enter")
    answer = page.locator("#berichten[aria-live=polite] .message--bot").last
    expect(answer).to_contain_text("bibliotheek")
    expect(page.get_by_label("Typ je vraag")).to_have_value("")


def test_typed_html_is_never_run(page):
    page.goto("/")
    page.evaluate("window.__ran = false")
    page.get_by_label("Typ je vraag").fill('<img src=x onerror="window.__ran=true"><script>window.__ran=true</script>')
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    assert page.evaluate("window.__ran") is False
    assert page.locator("#berichten img, #berichten script").count() == 0


def test_page_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/")
    page.get_by_role("button", name="Hulp in de buurt").click()
    expect(page.locator("#laatste")).to_contain_text("postcode")
    page.get_by_label("Typ je vraag").fill("hallo")
    page.get_by_role("button", name="Verstuur").click()
    expect(page.locator("#laatste")).to_contain_text("DigiHulp")


def test_read_aloud_plays_the_helpers_text_and_can_be_stopped(page):
    page.goto("/")
    link = page.locator(".message--bot .button--speak").first
    with page.expect_response(lambda r: "/spraak/" in r.url) as clip:
        link.click()
    assert clip.value.status in (200, 206)  # 206: the browser asks for the audio in ranges
    assert clip.value.headers["content-type"].startswith("audio/")
    expect(link).to_have_text("Stop voorlezen")
    link.click()
    expect(link).to_have_text("Lees voor")


def test_help_points_show_as_cards_with_a_route_link(page):
    page.goto("/")
    page.get_by_role("button", name="Hulp in de buurt").click()
    expect(page.locator("#berichten .message--bot").last).to_contain_text("postcode")
    page.get_by_label("Typ je vraag").fill("3511 AB")
    page.keyboard.press("Enter")
    card = page.locator(".message--card").first
    expect(card).to_contain_text("km van 3511 Utrecht")
    expect(card.get_by_role("link", name="Route naar Utrecht (OpenStreetMap)")).to_have_attribute(
        "href", "https://www.openstreetmap.org/directions?to=52.09358%2C5.10406")
    # The place data's licence credit (GeoNames, CC BY 4.0) is shown with the results.
    expect(page.locator("#berichten .message--bot", has_text="GeoNames (CC BY 4.0)")).to_have_count(1)
    screenshot(page, "cards-phone")


# A conversation as clicks (a button's payload) and typed text, in the page's language.
JOURNEYS = {
    # Arabic menus, then an answer Arabic lacks: Dutch, marked lang="nl", its note, Dutch buttons.
    "dutch-stand-in": ("ar", [("click", "/digid"), ("click", "/digid_activate")]),
    # Help points as cards (route and website links), the data's credit, typed text.
    # A pressed "Terug" stays "Terug" after a reload, not the menu's "DigiD" of the same payload.
    "cards": ("nl", [("click", "/digid"), ("click", "/digid_lost"), ("click", "/digid"), ("click", "/menu"),
                     ("click", "/find_help"), ("type", "3511 AB")]),
    # A typed "ja" to the one guess of "Bedoel je …?" is shown as typed, the pressed guess not again.
    "yes-to-the-guess": ("nl", [("type", ONE_GUESS[0]), ("type", "ja")]),
}


def talk(page, language: str, steps) -> None:
    page.goto("/")
    page.locator(f'button[name="lang"][value="{language}"]').click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    messages = page.locator("#berichten > .message")
    for kind, value in steps:
        before = messages.count()
        if kind == "click":
            page.locator(f'#laatste button[name="message"][value="{value}"]').click()
        else:
            page.get_by_label("Typ je vraag").fill(value)
            page.keyboard.press("Enter")
        expect(messages).not_to_have_count(before)
        expect(page.locator("#laatste.message--bot")).to_be_visible()


def markup(page) -> list[str]:
    """Each message's outerHTML, without what differs per render (the form token) or per focus."""
    return page.locator("#berichten > .message").evaluate_all("""items => items.map(item => {
        const copy = item.cloneNode(true);
        copy.removeAttribute("tabindex");
        copy.querySelectorAll("input[name=csrf_token]").forEach(field => field.setAttribute("value", ""));
        return copy.outerHTML.replace(/>\\s+</g, "><");
    })""")


@pytest.mark.parametrize("journey", JOURNEYS)
def test_a_message_has_one_markup_from_the_script_after_a_reload_and_without_javascript(
        page, page_without_js, journey):
    language, steps = JOURNEYS[journey]
    talk(page, language, steps)
    assert page.url.endswith("/"), "the script, not a form post, showed the answers"
    shown = markup(page)  # the typed message from the <template>, the replies from the API's html
    assert len(shown) > 2 * len(steps)  # the welcome, and each step's own message and answer
    page.reload()
    assert markup(page) == shown
    talk(page_without_js, language, steps)
    assert markup(page_without_js) == shown
    if journey == "dutch-stand-in":
        assert page.locator('#laatste .message-text[lang="nl"][dir="ltr"] + .message-note').count() == 1
        assert page.locator('#laatste button[lang="nl"]').count() >= 1
    elif journey == "yes-to-the-guess":
        expect(page.locator("#berichten .message--user .message-text")).to_have_text([ONE_GUESS[0], "ja"])
        expect(page.locator("#laatste")).to_contain_text("kaartlezer")  # the guess's answer (digid_id_check)
    else:
        assert page.locator('.message--card .card-links a[href^="https://www.openstreetmap.org/directions?"]').count() >= 1
