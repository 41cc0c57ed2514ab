""""Exit this page" in Chromium: on every page, by button, skip link and Shift x3, with and without JavaScript.

The neutral site is never really visited: the browser's requests for it are answered
here with a tiny local page, so nothing leaves the machine.
"""

from __future__ import annotations

import pytest
from iopcsite.authoring.markdown_text import page_url
from iopcsite.config.languages import language_prefixes
from quality.pages import browser_content_pages
from support.content import all_page_uris, site_content

NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather forecast</h1>"

STATUS = "[data-iopc-exit-status]"
LIT = ".iopc-exit__light--on"

pytestmark = pytest.mark.browser


def exit_url() -> str:
    """The neutral site the exit button leaves for."""
    return str(site_content().config.exit_page_url)


def language_of(path: str) -> str:
    """The language of the page at a URL path."""
    return {page_url(uri): site_content().published[uri].language for uri in all_page_uris()}[path]


def is_exit_url(url: str) -> bool:
    return url.startswith(exit_url())


def answer_exit_requests(context) -> list[str]:
    """Answer requests for the neutral site locally; return the list of URLs asked for.

    Called once the page has loaded: a route makes every later request pass through
    this process, which would slow down loading the site itself."""
    asked: list[str] = []

    def fulfil(route):
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    context.route(is_exit_url, fulfil)
    return asked


def press_shift(page, times: int) -> None:
    for _ in range(times):
        page.keyboard.press("Shift")


def wait_until_left(page) -> None:
    page.wait_for_url(is_exit_url, timeout=5000)
    assert page.locator("h1").inner_text() == "Weather forecast"


@pytest.mark.for_each("path", browser_content_pages)
def test_every_page_has_the_exit_button_and_shift_three_times_leaves_for_good(page, site_url, path):
    language = language_of(path)
    strings = site_content().localiser(language)
    page.goto(site_url + path, wait_until="domcontentloaded")  # the exit script runs before the page is parsed
    asked = answer_exit_requests(page.context)
    button = page.get_by_role("link", name=f"{strings.string('exit-hidden-prefix')} {strings.string('exit-button')}",
                              exact=True)
    assert button.count() == 1, f"{path}: no '{strings.string('exit-button')}' button"
    assert button.is_visible()
    assert button.get_attribute("href") == exit_url()
    assert set(button.get_attribute("rel").split()) == {"nofollow", "noreferrer"}
    hint = page.get_by_role("link", name=strings.string("exit-hint-link"), exact=True)
    safety_page = site_url + language_prefixes(site_content().config)[language] + "staying-safe-online/#exit-this-page"
    assert hint.evaluate("link => link.href") == safety_page, f"{path}: no link explaining the button"

    press_shift(page, 3)
    wait_until_left(page)
    assert asked == [exit_url()]

    page.go_back()
    assert page.url != site_url + path, f"{path}: Back returned to the page that was left"
    assert page.locator(".iopc-exit").count() == 0


def test_earlier_pages_stay_in_history(page, site_url):
    page.goto(site_url)
    page.goto(site_url + "contact/")
    answer_exit_requests(page.context)
    page.locator(".iopc-exit__button").click()
    wait_until_left(page)
    page.go_back()
    assert page.url == site_url, "Back should reach the page before the one that was left"
    assert page.locator(".iopc-exit-overlay").count() == 0
    assert page.locator("h1").is_visible()


def test_status_messages_and_lights_follow_the_presses_then_expire(page, site_url):
    page.clock.install()
    page.goto(site_url + "contact/")
    status = page.locator(STATUS)
    assert status.get_attribute("aria-live") == "polite", "screen readers must hear the messages"
    assert status.inner_text() == ""
    assert not page.locator(".iopc-exit__indicator").is_visible()

    press_shift(page, 1)
    assert status.inner_text() == "Shift, press 2 more times to exit."
    assert page.locator(LIT).count() == 1
    assert page.locator(".iopc-exit__indicator").is_visible()
    press_shift(page, 1)
    assert status.inner_text() == "Shift, press 1 more time to exit."
    assert page.locator(LIT).count() == 2

    page.clock.run_for(5001)
    assert status.inner_text() == "Exit this page expired."
    assert page.locator(LIT).count() == 0
    assert not page.locator(".iopc-exit__indicator").is_visible()
    page.clock.run_for(5001)
    assert status.inner_text() == ""

    press_shift(page, 1)
    assert status.inner_text() == "Shift, press 2 more times to exit.", "the count starts again after expiry"


def test_welsh_pages_speak_welsh(page, site_url):
    welsh = site_content().localiser("cy")
    page.goto(site_url + language_prefixes(site_content().config)["cy"] + "contact/")
    press_shift(page, 1)
    assert page.locator(STATUS).inner_text() == welsh.string("exit-press-two-more")
    assert page.locator(".iopc-exit-skiplink").inner_text() == welsh.string("exit-button") == "Gadael y dudalen hon"


def test_presses_more_than_5_seconds_apart_do_not_leave(page, site_url):
    page.clock.install()
    page.goto(site_url + "contact/")
    for _ in range(3):
        press_shift(page, 1)
        page.clock.run_for(5001)
    assert page.url == site_url + "contact/"
    assert page.locator(STATUS).inner_text() == "Exit this page expired."


def test_shift_used_with_another_key_does_not_count(page, site_url):
    page.goto(site_url + "contact/")
    for _ in range(4):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url == site_url + "contact/"
    assert page.locator(STATUS).inner_text() == ""
    assert page.locator(LIT).count() == 0


def test_another_key_starts_the_count_again(page, site_url):
    page.goto(site_url + "contact/")
    answer_exit_requests(page.context)
    press_shift(page, 2)
    page.keyboard.press("a")
    assert page.locator(STATUS).inner_text() == "Exit this page expired."
    assert page.locator(LIT).count() == 0
    press_shift(page, 2)
    page.wait_for_timeout(300)
    assert page.url == site_url + "contact/", "two presses after a reset must not leave"
    assert page.locator(STATUS).inner_text() == "Shift, press 1 more time to exit."
    press_shift(page, 1)
    wait_until_left(page)


def test_the_page_is_hidden_at_once_and_comes_back_if_shown_again(page, site_url):
    page.goto(site_url + "contact/")
    # "204 No Content" stops the navigation, so the page stays as the reader would see it
    # while a slow network loads the next site.
    stopped = []
    page.context.route(is_exit_url, lambda route: (stopped.append(route.request.url), route.fulfill(status=204)))
    press_shift(page, 3)
    page.wait_for_function("document.querySelector('.iopc-exit-overlay') !== null")
    page.wait_for_timeout(200)
    assert stopped == [exit_url()]
    state = """() => {
        const overlay = document.querySelector('.iopc-exit-overlay');
        const shown = element => element !== null && element.getClientRects().length > 0;
        return {overlay: overlay && overlay.textContent, role: overlay && overlay.getAttribute('role'),
                overlayShown: shown(overlay), headingShown: shown(document.querySelector('h1')),
                buttonShown: shown(document.querySelector('.iopc-exit__button'))};
    }"""
    assert page.evaluate(state) == {"overlay": "Loading.", "role": "alert", "overlayShown": True,
                                    "headingShown": False, "buttonShown": False}

    # What the browser does when it shows a page again from its back-forward cache.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate(state) == {"overlay": None, "role": None, "overlayShown": False,
                                    "headingShown": True, "buttonShown": True}
    assert page.locator(STATUS).inner_text() == ""


def test_keyboard_users_reach_an_exit_skip_link_first(page, site_url):
    page.goto(site_url + "ask-for-a-review/")
    answer_exit_requests(page.context)
    focused = []
    for _ in range(3):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        if focused[-1] == site_content().localiser("en").string("exit-button"):
            break
    assert focused[-1] == site_content().localiser("en").string("exit-button"), f"the first links reached by Tab were {focused}"
    skip_link = page.locator(":focus")
    assert skip_link.get_attribute("href") == exit_url()
    assert set(skip_link.get_attribute("rel").split()) == {"nofollow", "noreferrer"}
    assert skip_link.is_visible(), "the skip link must show when it has focus"
    page.keyboard.press("Enter")
    wait_until_left(page)
    page.go_back()
    assert page.url != site_url + "ask-for-a-review/"


@pytest.mark.parametrize("name", ["button", "skip link"])
def test_with_javascript_off_the_exit_links_still_leave(browser, site_url, name):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "make-a-complaint/")
        asked = answer_exit_requests(context)
        link = page.locator(".iopc-exit__button" if name == "button" else ".iopc-exit-skiplink")
        if name == "skip link":
            link.focus()
            page.keyboard.press("Enter")
        else:
            link.click()
        wait_until_left(page)
        assert asked == [exit_url()]
    finally:
        context.close()
