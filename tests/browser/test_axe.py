"""axe-core in Chromium: zero WCAG 2.2 AA and best-practice violations, on every page and in every state."""

from __future__ import annotations

import pytest
from quality.axe import axe_findings
from quality.findings import report
from quality.pages import PAGE_TYPES, built_html_pages, gated_pages


def test_every_built_html_page_is_gated(built_site):
    missing = sorted(set(built_html_pages(built_site)) - set(gated_pages()))
    assert not missing, f"these built pages are not in the gated page list (tests/quality/pages.py): {missing}"


@pytest.fixture(scope="module")
def shared_page(browser):
    """One tab for every page: the theme's files stay cached, as they do for a reader."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.for_each("path", gated_pages)
def test_axe_finds_no_violations(shared_page, site_url, path):
    page = shared_page
    response = page.goto(site_url + path)
    assert response.ok or path.endswith("404.html"), f"{path} answered {response.status}"
    findings = axe_findings(page, path)
    assert not findings, report(findings, "axe")


def open_search_with_results(page, query: str) -> None:
    """Open Material's search as a reader does (the '/' shortcut), type, and wait for results."""
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(query)  # Material searches on key presses
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_no_violations_with_search_results_showing(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url)
        open_search_with_results(page, "review")
        assert page.locator("#__search").is_checked()
        findings = axe_findings(page, f"/ with search results showing, {width} px wide")
        assert not findings, report(findings, "axe")
    finally:
        context.close()


@pytest.mark.browser
def test_search_results_are_reached_and_opened_with_the_keyboard(page, site_url):
    page.goto(site_url)
    open_search_with_results(page, "review")
    page.keyboard.press("ArrowDown")  # Material's keyboard model for its results list
    first_result = page.evaluate("() => document.activeElement.closest('.md-search-result__item') !== null")
    assert first_result, "the Down arrow in the search box should move focus to the first result"
    target = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target.split("#")[0] + "**")


@pytest.mark.browser
@pytest.mark.parametrize("path", sorted(set(PAGE_TYPES.values())))
def test_axe_finds_no_violations_on_a_small_screen(browser, site_url, path):
    """The mobile layout has its own controls (the menu button, the drawer)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(site_url + path)
        findings = axe_findings(page, f"{path} at 320 px")
        assert not findings, report(findings, "axe")
    finally:
        context.close()
