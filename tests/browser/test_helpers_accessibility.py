"""Both review helpers, used with the keyboard alone up to a result: then axe and focus visibility.

The tools engineer's tests (tests/browser/test_helpers.py) check the answers; here
the whole page is checked as a reader sees it with a result showing.
"""

from __future__ import annotations

import pytest
from quality.axe import axe_findings
from quality.findings import report
from quality.keyboard import tab_through

MOST_TABS = 80


def tab_until(page, condition: str, what: str) -> None:
    """Press Tab until ``condition`` (JavaScript, about document.activeElement) holds."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({condition}); }}"):
            return
    pytest.fail(f"{MOST_TABS} presses of Tab never reached {what}")


def show_deadline_result(page) -> None:
    """Type an outcome letter date with the keyboard and press Enter."""
    tab_until(page, "el.closest('#iopc-review-deadline') && el.tagName === 'INPUT'", "the first date field")
    for value in ("1", "4", "2026"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")


def show_checker_result(page) -> None:
    """Answer each question with the keyboard (Space on the first choice, Enter) until a result shows."""
    for _ in range(10):
        if page.locator("#iopc-who-reviews [role=status] h2, [role=status] h2, [role=status] h3").count():
            return
        tab_until(page, "el.type === 'radio' && el.closest('[data-question]')", "an answer to the question")
        page.keyboard.press("Space")
        page.keyboard.press("Enter")
    pytest.fail("ten answers did not lead to a result")


HELPERS = {"review-deadline/": show_deadline_result, "who-reviews/": show_checker_result}
@pytest.fixture
def helper_page(browser, site_url, request):
    path = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    HELPERS[path](page)
    result = page.get_by_role("status")
    result.filter(has_text=" ").first.wait_for(timeout=5_000)
    yield path, page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("helper_page", HELPERS, indirect=True)
def test_axe_finds_nothing_with_a_result_showing(helper_page):
    path, page = helper_page
    findings = axe_findings(page, f"{path} with a result showing")
    assert not findings, report(findings, "axe")


@pytest.mark.browser
@pytest.mark.parametrize("helper_page", HELPERS, indirect=True)
def test_focus_is_visible_at_every_tab_stop_with_a_result_showing(helper_page):
    path, page = helper_page
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.evaluate("() => window.scrollTo(0, 0)")
    _, findings = tab_through(page, f"{path} with a result showing")
    assert not findings, report(findings, "focus")
