"""The chat page in a real browser: buttons only, typing, announcements, and without JavaScript."""
from __future__ import annotations

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
    expect(page.locator("#berichten .message--user").last).to_have_text("Jij:DigiD")

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
