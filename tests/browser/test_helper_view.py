"""The helper's view ("Ik help iemand") as a helper uses it, with JavaScript on and off: one
conversation with the chat page, the steps panel following the answers, and a take-home page whose
QR code opens the same lists on a phone and that holds nothing the visitor typed."""
from __future__ import annotations

import base64
import re

import zxingcpp
from playwright.sync_api import expect

from .conftest import SCREENSHOTS, screenshot

TYPED = "Hoe zet ik mijn DigiD aan? Ik heet Jansen"  # nothing of it may reach the take-home


def bot_messages(page):
    return page.locator("#berichten .message--bot")


def press(page, name: str) -> None:
    """Press a button of the latest answer and wait for the next answer (JS: no reload)."""
    count = bot_messages(page).count()
    page.locator("#berichten").get_by_role("button", name=name, exact=True).last.click()
    expect(bot_messages(page)).not_to_have_count(count)


def type_question(page, text: str) -> None:
    count = bot_messages(page).count()
    page.get_by_label("Typ je vraag").fill(text)
    page.get_by_role("button", name="Verstuur").click()
    expect(bot_messages(page)).not_to_have_count(count)


def expect_steps(page, title: str) -> None:
    expect(page.locator("#stappen h2")).to_have_text(title)
    expect(page.locator("#stappen")).to_contain_text("Tips voor helpers")
    assert re.search(r"/ik-help/(#laatste)?$", page.url), page.url  # still the helper view


def helper_journey(page) -> list[str]:
    """From /ik-help/: a DigiD journey, a machtigen journey and one typed question. Returns the
    messages as the page shows them."""
    expect(page.locator("#stappen h2")).to_have_text("Stappen")
    press(page, "DigiD")
    press(page, "Ik wil een DigiD")
    expect_steps(page, "Een DigiD aanvragen")
    press(page, "Terug")
    press(page, "Terug")
    press(page, "Iemand anders laten helpen (machtigen)")
    press(page, "Voor mezelf: iemand anders helpt mij")
    expect_steps(page, "Machtigen: iemand anders laten helpen")
    type_question(page, TYPED)
    expect_steps(page, "DigiD aanzetten met de brief")
    return bot_messages(page).all_inner_texts()


def qr_code_text(page, browser) -> str:
    """What the QR code on the page says, read from its pixels as shown (Chromium decodes the
    screenshot, zxing-cpp reads the code)."""
    png = page.locator(".take-home-qr svg").screenshot()
    context = browser.new_context()
    try:
        width, height, grey = context.new_page().evaluate("""async (data) => {
            const image = new Image();
            image.src = "data:image/png;base64," + data;
            await image.decode();
            const canvas = document.createElement("canvas");
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext("2d");
            context.drawImage(image, 0, 0);
            const rgba = context.getImageData(0, 0, image.width, image.height).data;
            return [image.width, image.height, Array.from(rgba.filter((_, i) => i % 4 === 0))];
        }""", base64.b64encode(png).decode())
    finally:
        context.close()
    pixels = memoryview(bytes(grey)).cast("B", (height, width))
    found = zxingcpp.read_barcode(zxingcpp.ImageView(pixels, width, height, zxingcpp.ImageFormat.Lum))
    assert found is not None, "no QR code found"
    return found.text


def check_take_home(page, browser, stack) -> None:
    page.get_by_role("link", name="Printen of meenemen").click()
    expect(page.locator("h1")).to_have_text("Je volgende stappen")
    titles = page.locator(".take-home-list h2").all_inner_texts()
    assert titles == ["DigiD aanzetten met de brief", "Een DigiD aanvragen", "Machtigen: iemand anders laten helpen"]
    expect(page.locator(".take-home")).to_contain_text("088 123 65 55")
    expect(page.locator(".take-home-date")).to_contain_text("Gemaakt op")
    expect(page.locator(".take-home-qr svg[role=img]")).to_be_visible()
    html = page.content()
    for typed in ("Jansen", "Hoe zet ik"):
        assert typed not in html, typed
    url = qr_code_text(page, browser)
    assert url == page.locator(".take-home-url").inner_text()  # the address printed beside it
    assert url.startswith(stack.base_url + "/ik-help/mee/?lijst=digid_activate&lijst=digid_request&lijst=machtigen_give")
    # The QR code's address on a phone that has no session opens the same lists.
    phone = browser.new_context(base_url=stack.base_url)
    try:
        other = phone.new_page()
        other.goto(url)
        assert other.locator(".take-home-list h2").all_inner_texts() == titles
    finally:
        phone.close()
    screenshot(page, "take-home-after-journey")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)  # as printed: the print style sheet
    (SCREENSHOTS / "take-home.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, "three lists print on one A4 page"


def test_helper_view_with_javascript_is_one_conversation_whose_steps_follow_it(page, browser, stack):
    page.goto("/ik-help/")
    page.evaluate("window.__samePage = true")  # gone if the page reloads
    shown = helper_journey(page)
    assert page.evaluate("window.__samePage") is True, "the panel must follow without a reload"
    expect(page.locator("#stappen-status[role=status]")).to_have_text("Nieuwe stappen hiernaast: DigiD aanzetten met de brief")
    page.reload()
    assert bot_messages(page).all_inner_texts() == shown  # every message, after a reload too
    expect_steps(page, "DigiD aanzetten met de brief")
    page.goto("/")  # the chat page shows the same conversation
    assert bot_messages(page).all_inner_texts() == shown
    page.goto("/ik-help/")
    check_take_home(page, browser, stack)


def test_helper_view_without_javascript_is_one_conversation_whose_steps_follow_it(page_without_js, browser, stack):
    page = page_without_js
    page.goto("/ik-help/")
    shown = helper_journey(page)
    page.reload()
    assert bot_messages(page).all_inner_texts() == shown
    page.goto("/")
    assert bot_messages(page).all_inner_texts() == shown
    page.goto("/ik-help/")
    check_take_home(page, browser, stack)


def test_take_home_carries_the_help_point_found(page, browser, stack):
    page.goto("/ik-help/")
    press(page, "Hulp in de buurt")
    type_question(page, "3511 AB")
    expect(page.locator(".message--card").first).to_be_visible()
    expect_steps(page, "Naar het Informatiepunt in de bibliotheek")
    nearest = page.locator(".message--card .message-text").first.inner_text().splitlines()[0]
    page.get_by_role("link", name="Printen of meenemen").click()
    expect(page.locator(".take-home-point")).to_contain_text(nearest)
    url = qr_code_text(page, browser)
    assert "3511 AB" not in page.content() and "punt=" in url  # (a signed token has no spaces)
    phone = browser.new_context(base_url=stack.base_url)
    try:
        other = phone.new_page()
        other.goto(url)
        expect(other.locator(".take-home-point")).to_contain_text(nearest)
    finally:
        phone.close()
