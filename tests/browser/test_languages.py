"""Languages in a real browser: the switch, a request in the first message, right-to-left layout."""
from __future__ import annotations

from playwright.sync_api import expect

from .conftest import screenshot


def choose(page, name: str) -> None:
    page.locator(".languages").get_by_role("button", name=name, exact=True).click()


def test_arabic_mirrors_the_layout_and_says_it_is_unreviewed(page):
    page.goto("/")
    choose(page, "العربية")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator(".notice")).to_be_visible()
    box = page.locator("#bericht").bounding_box()
    send = page.locator(".message-row button").bounding_box()
    assert send["x"] + send["width"] <= box["x"] + 1, "the send button stands to the left in Arabic"
    expect(page.locator(".languages").get_by_role("button", name="العربية")).to_have_attribute("aria-pressed", "true")
    forward = page.locator("#berichten .icon--arrow").first
    assert forward.evaluate("e => getComputedStyle(e).transform") == "matrix(-1, 0, 0, 1, 0, 0)", "arrows point left"
    screenshot(page, "arabic-phone")


def test_an_untranslated_answer_is_marked_dutch(page):
    page.goto("/")
    choose(page, "العربية")
    page.locator('#berichten button[value="/digid"]').click()
    page.locator('#berichten button[value="/digid_lost"]').click()
    answer = page.locator("#berichten .message--bot").last
    expect(answer.locator(".message-text")).to_have_attribute("lang", "nl")
    expect(answer.locator(".message-text")).to_have_attribute("dir", "ltr")
    expect(answer.locator(".message-note")).to_be_visible()
    expect(answer.locator('button[value="/digid_forgot"]')).to_have_attribute("lang", "nl")
    expect(answer.get_by_role("button").last).not_to_have_attribute("lang", "nl")  # "Start again", in Arabic
    screenshot(page, "arabic-untranslated-phone")


def test_asking_for_english_in_the_first_message_turns_the_page_english(page):
    page.goto("/")
    page.get_by_label("Typ je vraag").fill("do you speak english?")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Type your question")).to_be_visible()
    expect(page.locator("#berichten .message--bot").last).to_contain_text("English")
    count = page.locator("#berichten .message--bot").count()
    page.locator('#berichten button[value="/digid"]').click()
    expect(page.locator("#berichten .message--bot")).to_have_count(count + 1)
    expect(page.locator("#berichten .message--bot .message-text").last).to_contain_text("DigiD")
    expect(page.locator("#berichten .message-note")).to_have_count(0)


def test_the_switch_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/")
    choose(page, "Türkçe")
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    choose(page, "Nederlands")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(".notice")).to_have_count(0)


def test_an_english_visitor_types_a_story_then_nonsense(page):
    """Typed in English, as an expat types: the answer of that situation, then "Do you mean" with English
    buttons (their titles from the English menus), all in English."""
    page.goto("/")
    choose(page, "English")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Type your question").fill("somebody stole my phone on the tram and the digid app was on it")
    page.keyboard.press("Enter")
    # The phone-lost answer (call the helpdesk), then the one on a new phone.
    answer = page.locator("#berichten .message--bot", has_text="remove the app from your old phone")
    expect(answer).to_contain_text("088 123 65 55")
    expect(page.locator("#laatste")).to_contain_text("Do you have a new phone?")
    screenshot(page, "english-typed-phone")
    page.get_by_label("Type your question").fill("fjdksl qwpoe zzz")
    page.keyboard.press("Enter")
    expect(page.locator("#laatste")).to_contain_text("Do you mean one of these?")
    expect(page.locator("#laatste").get_by_role("button", name="Something else")).to_be_visible()
    expect(page.locator("#laatste").get_by_role("button", name="Talk to someone")).to_be_visible()
    expect(page.locator("#berichten .message-note")).to_have_count(0)  # nothing stood in Dutch
    screenshot(page, "english-clarify-phone")
