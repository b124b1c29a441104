"""Kiosk mode in a real browser: the next user never sees anything of the previous one."""
from __future__ import annotations

from playwright.sync_api import expect

from livestack import KIOSK_GRACE_SECONDS, KIOSK_IDLE_SECONDS
from .conftest import screenshot

SECRET = "mijn naam is Jan Jansen"


def start_conversation(page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("Typ je vraag").fill(SECRET)
    page.keyboard.press("Enter")
    expect(page.locator("#berichten .message--bot")).to_have_count(2)


def assert_nothing_left(page):
    expect(page.locator("#berichten .message--user")).to_have_count(0)
    assert SECRET not in page.content()


def assert_welcome_and_next_press_works(page):
    """The start screen with its journey buttons, and the next visitor's first press is answered."""
    expect(page.locator("#berichten .message--bot")).to_have_count(1)
    expect(page.locator("#berichten .message--bot")).to_contain_text("Ik ben DigiHulp")
    choices = page.locator("#berichten .choices button")
    expect(choices).to_have_text(["DigiD", "Iemand anders laten helpen (machtigen)", "Hulp in de buurt"])
    choices.first.click()
    expect(page.locator("#berichten .message--bot").last).to_contain_text("Wat wil je doen met DigiD?")
    expect(page.locator("#berichten .message--user")).to_have_count(1)
    expect(page.locator("#berichten .message--user .message-text")).to_have_text("DigiD")


def test_idle_kiosk_warns_then_erases_everything(browser, kiosk_stack):
    context = browser.new_context(viewport={"width": 1280, "height": 1024})
    page = context.new_page()
    start_conversation(page, kiosk_stack.base_url)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    expect(dialog).to_contain_text("Ben je er nog?")
    screenshot(page, "kiosk-warning")
    expect(page.locator("#berichten .message--user")).to_have_count(0, timeout=(KIOSK_GRACE_SECONDS + 5) * 1000)
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert_nothing_left(page)
    assert_welcome_and_next_press_works(page)  # the browser's erase came after the server's
    page.go_back()  # the browser's back button must not bring the old conversation back
    assert SECRET not in page.content()
    context.close()


def test_answering_the_warning_keeps_the_conversation(browser, kiosk_stack):
    context = browser.new_context()
    page = context.new_page()
    start_conversation(page, kiosk_stack.base_url)
    page.get_by_role("button", name="Ja, ik ben er nog").click(timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    page.reload()
    expect(page.locator("#berichten .message--user")).to_contain_text(SECRET)
    context.close()


def test_stop_button_erases_at_once_also_in_rasa(browser, kiosk_stack):
    context = browser.new_context()
    page = context.new_page()
    start_conversation(page, kiosk_stack.base_url)
    conversation = page.locator("#berichten").get_attribute("data-session").split(".")[0]
    assert kiosk_stack.rasa_messages(conversation)
    page.get_by_role("button", name="Stoppen en alles wissen").click()
    assert_nothing_left(page)
    assert kiosk_stack.rasa_messages(conversation) == []
    page.go_back()
    assert SECRET not in page.content()
    context.close()


def secret_typed_without_javascript(browser, kiosk_stack):
    """A kiosk browser without JavaScript, where a visitor has typed the secret."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(kiosk_stack.base_url + "/")
    page.get_by_label("Typ je vraag").fill(SECRET)
    page.get_by_role("button", name="Verstuur").click()
    expect(page.locator("#berichten")).to_contain_text(SECRET)
    return context, page


def test_without_javascript_the_server_erases_an_idle_session(browser, kiosk_stack):
    context, page = secret_typed_without_javascript(browser, kiosk_stack)
    # The page refreshes itself to the warning, then to the start, where the server has erased all.
    page.wait_for_url("**/kiosk/nog-daar", timeout=(KIOSK_IDLE_SECONDS + 3) * 1000)
    expect(page.get_by_role("heading", name="Ben je er nog?")).to_be_visible()
    page.wait_for_url(kiosk_stack.base_url + "/", timeout=(KIOSK_GRACE_SECONDS + 5) * 1000)
    assert_nothing_left(page)
    assert_welcome_and_next_press_works(page)
    context.close()


def test_without_javascript_a_press_on_the_previous_visitors_screen_goes_to_the_welcome(browser, kiosk_stack):
    context, page = secret_typed_without_javascript(browser, kiosk_stack)
    page.goto(kiosk_stack.base_url + "/gids/digid")  # a page that does not refresh itself
    page.wait_for_timeout((KIOSK_IDLE_SECONDS + KIOSK_GRACE_SECONDS + 1) * 1000)
    page.get_by_role("button", name="Hoog contrast").click()
    expect(page).to_have_url(kiosk_stack.base_url + "/")
    assert_nothing_left(page)
    assert_welcome_and_next_press_works(page)
    context.close()
