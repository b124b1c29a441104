"""WCAG 2.2 A/AA with axe-core (from the npm registry) in headless Chromium, on every page and
state, at phone and kiosk size; screenshots of each go to var/screenshots/ to be looked at."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SIZES = {"phone": {"width": 390, "height": 844}, "kiosk": {"width": 1280, "height": 1024}}


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))  # the context bypasses our CSP for this test tool only
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def click(page, name):
    count = page.locator("#berichten .message--bot").count()
    page.get_by_role("button", name=name, exact=True).last.click()
    expect(page.locator("#berichten .message--bot")).not_to_have_count(count)


def start(page):
    page.goto("/")


def journey(page):
    page.goto("/")
    click(page, "DigiD")


def large_text(page):
    page.goto("/")
    page.get_by_role("button", name="Grote letters").click()
    expect(page.get_by_role("button", name="Grote letters")).to_have_attribute("aria-pressed", "true")


def high_contrast(page):
    page.goto("/")
    page.get_by_role("button", name="Hoog contrast").click()
    expect(page.get_by_role("button", name="Hoog contrast")).to_have_attribute("aria-pressed", "true")


def helper_view(page):
    page.goto("/ik-help/")
    click(page, "Iemand anders laten helpen (machtigen)")
    click(page, "Voor mezelf: iemand anders helpt mij")
    expect(page.locator("#stappen h2")).to_have_text("Machtigen: iemand anders laten helpen")


def take_home(page):
    helper_view(page)
    page.get_by_role("link", name="Printen of meenemen").click()
    expect(page.locator(".take-home-qr svg")).to_be_visible()


def guide(page):
    page.goto("/gids/digid")


def help_point_cards(page):
    page.goto("/")
    click(page, "Hulp in de buurt")
    expect(page.locator("#berichten .message--bot").last).to_contain_text("postcode")
    page.get_by_label("Typ je vraag").fill("3511 AB")
    page.keyboard.press("Enter")
    expect(page.locator(".message--card").first).to_be_visible()


def arabic(page):
    page.goto("/")
    page.locator(".languages").get_by_role("button", name="العربية", exact=True).click()
    page.locator('#berichten button[value="/digid"]').click()
    page.locator('#berichten button[value="/digid_lost"]').click()  # an answer shown in Dutch
    expect(page.locator("#berichten .message-note")).to_be_visible()


STATES = [start, journey, large_text, high_contrast, helper_view, take_home, guide, help_point_cards, arabic]


@pytest.fixture
def sized_page(browser, stack, request):
    context = browser.new_context(viewport=SIZES[request.param], base_url=stack.base_url, bypass_csp=True)
    page = context.new_page()
    yield request.param, page
    context.close()


@pytest.mark.parametrize("sized_page", list(SIZES), indirect=True)
@pytest.mark.parametrize("state", STATES, ids=lambda s: s.__name__)
def test_no_wcag_violations(sized_page, state):
    size, page = sized_page
    state(page)
    screenshot(page, f"{state.__name__}-{size}")
    found = violations(page)
    assert found == [], json.dumps(found, indent=1)


def test_page_without_javascript_has_no_violations(browser, stack):
    context = browser.new_context(java_script_enabled=False, base_url=stack.base_url, bypass_csp=True)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="DigiD", exact=True).click()
    # axe needs script; it is injected into this page only after it was rendered without any.
    context.close()
    with_js = browser.new_context(base_url=stack.base_url, bypass_csp=True, java_script_enabled=True)
    page = with_js.new_page()
    page.route("**/static/js/*.js", lambda route: route.abort())  # our scripts stay off
    page.goto("/")
    assert violations(page) == []
    with_js.close()


def test_kiosk_warning_has_no_violations(browser, kiosk_stack):
    from livestack import KIOSK_IDLE_SECONDS

    context = browser.new_context(base_url=kiosk_stack.base_url, bypass_csp=True)
    page = context.new_page()
    page.goto("/")
    expect(page.get_by_role("dialog")).to_be_visible(timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    assert violations(page) == []
    context.close()


def test_layout_holds_at_320px_and_400_percent_zoom(browser, stack):
    # 1280 px at 400 % zoom is 320 CSS px: no horizontal scrolling, in normal and in large type.
    for switch in (None, "Grote letters"):
        context = browser.new_context(viewport={"width": 320, "height": 640}, base_url=stack.base_url)
        page = context.new_page()
        page.goto("/")
        if switch:
            page.get_by_role("button", name=switch).click()
        click(page, "DigiD")
        screenshot(page, f"320px-{switch or 'normal'}")
        too_wide = page.evaluate("""[...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 30))""")
        assert too_wide == [], (switch, too_wide[:5])
        context.close()


def test_buttons_are_at_least_48_px(page):
    page.goto("/")
    sizes = page.eval_on_selector_all("button, .button", "els => els.filter(e => e.offsetParent).map(e => [e.offsetWidth, e.offsetHeight])")
    assert sizes and all(w >= 48 and h >= 48 for w, h in sizes), sizes


def test_keyboard_only_digid_journey_with_visible_focus(page):
    page.goto("/")
    # Tab to the DigiD choice and press Enter: no mouse anywhere.
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == "DigiD":
            break
    else:
        pytest.fail("DigiD button not reachable with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Enter")
    expect(page.locator("#berichten .message--bot")).to_have_count(2)
    # Focus moved to the new answer, so the next Tab reaches its first choice.
    assert page.evaluate("document.activeElement.classList.contains('message--bot')")
    page.keyboard.press("Tab")  # the answer's "Lees voor"
    page.keyboard.press("Tab")  # its first choice
    choice = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    expect(page.locator("#berichten .message--user").last).to_contain_text(choice)
    expect(page.locator("#berichten .message--bot")).not_to_have_count(2)
