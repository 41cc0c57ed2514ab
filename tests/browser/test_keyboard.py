"""Keyboard use on every kind of page: the skip link comes first, and focus can always be seen."""

from __future__ import annotations

import pytest
from quality.findings import report
from quality.keyboard import describe_focus, focus_indicator_problem, tab_through
from quality.pages import PAGE_TYPES

WIDTHS = {"desktop": 1280, "phone": 320}
CASES = [(kind, path, width) for kind, path in PAGE_TYPES.items() for width in WIDTHS]


@pytest.fixture
def sized_page(browser, request):
    width = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind,path,sized_page", CASES, indirect=["sized_page"], ids=[f"{k}-{w}" for k, _, w in CASES])
def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_the_content(sized_page, site_url, kind, path):
    page = sized_page
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    first = describe_focus(page)
    assert first is not None and "md-skip" in first["tag"], f"{kind} ({path}): the first Tab reached {first}, not the skip link"
    assert not first["hidden"], f"{kind} ({path}): the skip link has focus but cannot be seen"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_content = page.evaluate("() => !!document.activeElement.closest('.md-content, .md-footer')")
    assert in_content, f"{kind} ({path}): after the skip link, Tab should move within the page content"


@pytest.mark.browser
@pytest.mark.parametrize("kind,path,sized_page", CASES, indirect=["sized_page"], ids=[f"{k}-{w}" for k, _, w in CASES])
def test_focus_is_visible_at_every_tab_stop(sized_page, site_url, kind, path):
    page = sized_page
    page.goto(site_url + path)
    stops, findings = tab_through(page, f"{kind} ({path})")
    assert len(stops) > 3, f"{kind} ({path}): Tab reached only {len(stops)} elements"
    assert not findings, report(findings, "focus")


@pytest.mark.browser
def test_menu_opens_from_the_keyboard_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(site_url + "make-a-complaint/")
        for _ in range(6):  # past the skip links (ours and the exit button's)
            page.keyboard.press("Tab")
            if describe_focus(page)["name"] == "Menu":
                break
        else:
            pytest.fail("six presses of Tab never reached the Menu button")
        page.keyboard.press("Enter")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
                break
        else:
            pytest.fail("after opening the menu, ten presses of Tab never reached a menu link")
        # The menu slides in (a quarter of a second): judge what the reader sees once it has stopped.
        for _ in range(20):
            if not describe_focus(page)["hidden"]:
                break
            page.wait_for_timeout(100)
        assert not describe_focus(page)["hidden"], "the menu link that has focus cannot be seen, even once the menu is open"
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind,path,sized_page", CASES, indirect=["sized_page"], ids=[f"{k}-{w}" for k, _, w in CASES])
def test_exit_button_is_reached_by_tab_and_its_focus_shows(sized_page, site_url, kind, path):
    page = sized_page
    page.goto(site_url + path)
    for _ in range(12):
        page.keyboard.press("Tab")
        state = describe_focus(page)
        if state and "iopc-exit__button" in state["tag"]:
            break
    else:
        pytest.fail(f"{kind} ({path}): twelve presses of Tab never reached the 'Exit this page' button")
    assert focus_indicator_problem(state) is None, f"{kind} ({path}): {focus_indicator_problem(state)}"
