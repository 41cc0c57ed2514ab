"""axe-core in Chromium: zero WCAG 2.2 AA and best-practice violations, on every page and in every state."""

from __future__ import annotations

import pytest
from quality.axe import axe_findings
from quality.findings import report
from quality.pages import PAGE_TYPES, browser_pages, built_html_pages, gated_pages
from support.search import search


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
@pytest.mark.for_each("path", browser_pages)
def test_axe_finds_no_violations(shared_page, site_url, path):
    page = shared_page
    response = page.goto(site_url + path)
    assert response.ok or path.endswith("404.html"), f"{path} answered {response.status}"
    findings = axe_findings(page, path)
    assert not findings, report(findings, "axe")


@pytest.mark.browser
@pytest.mark.parametrize("width, prefix, query", [(1280, "", "review"), (320, "cy/", "adolygiad")])
def test_axe_finds_no_violations_with_search_results_showing(browser, site_url, width, prefix, query):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + prefix)
        assert search(page, query) > 0
        assert page.locator(".iopc-search-panel__sections input").count() > 1, "no section filter to check"
        findings = axe_findings(page, f"/{prefix} with search results showing, {width} px wide")
        assert not findings, report(findings, "axe")
    finally:
        context.close()


@pytest.mark.browser
def test_search_is_used_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "contact/")
    for _ in range(30):  # Tab from the top of the page to the search box, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "iopc-search-box":
            break
    assert page.evaluate("document.activeElement.id") == "iopc-search-box", "Tab never reached the search box"
    page.keyboard.type("review")
    page.keyboard.press("Enter")
    page.locator(".iopc-search-result__link").first.wait_for(timeout=15_000)
    assert page.evaluate("document.activeElement.id") == "iopc-search-heading", "focus should move to the results"
    page.keyboard.press("Tab")  # the close button, then the section choices, then the results
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "iopc-search-section"
    page.keyboard.press("ArrowRight")  # the next section: the results narrow to it
    chosen = page.evaluate("document.activeElement.value")
    page.wait_for_function("() => document.querySelector('.iopc-search-panel').dataset.state === 'done'")
    sections = page.locator(".iopc-search-result__section").all_inner_texts()
    label = page.locator(f"label[for='iopc-search-section-{chosen}']").inner_text()
    assert sections and all(label.startswith(section) for section in sections), (label, sections)
    for _ in range(10):  # from the section choices, Tab reaches the first result
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('iopc-search-result__link')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('iopc-search-result__link')"), \
        "Tab from the section choices should reach the results"
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    page.goto(site_url)
    page.locator("#iopc-search-box").fill("review")
    page.keyboard.press("Enter")
    page.locator(".iopc-search-panel__close").wait_for()
    page.keyboard.press("Escape")
    assert page.locator(".iopc-search-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "iopc-search-box", "Escape should return to the search box"


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
