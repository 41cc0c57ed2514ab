"""The learning recommendations register in Chromium: every filter narrows the list, by mouse and by
keyboard; the count is announced; the chosen filters show and go one by one; the address keeps them;
nothing is stored; axe finds nothing with filters applied; it reflows at 320 px."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from quality.axe import axe_findings
from quality.findings import report
from quality.reflow import reflow_findings

pytestmark = pytest.mark.browser
REGISTER = "recommendations/"
FILTERS = ("recipient", "key_area", "topic", "year", "status")


def opened(page, site_url, path=REGISTER):
    page.goto(site_url + path)
    page.locator("#recommendation-filters").wait_for(state="visible", timeout=5000)
    return page


def shown(page) -> int:
    return page.locator(".iopc-register li:visible").count()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def total_in_data(page) -> int:
    return page.evaluate("async () => (await (await fetch('filter.json')).json()).i.length")


def test_without_filters_every_recommendation_shows_and_is_counted(page, site_url):
    opened(page, site_url)
    total = total_in_data(page)
    assert shown(page) == total > 10  # more than the page itself lists: the script draws them all
    assert page.locator(".iopc-count").get_attribute("aria-live") == "polite"
    assert page.locator(".iopc-count").inner_text() == f"{total} recommendations"
    assert not page.locator(".iopc-chosen").is_visible()


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_narrows_the_list_and_is_kept_in_the_address(page, site_url, name):
    opened(page, site_url)
    total = shown(page)
    select = page.locator(f"#filter-{name}")
    value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(value)
    narrowed = shown(page)
    assert 0 < narrowed <= total
    assert query(page) == {name: [value]}
    assert page.locator(".iopc-count").inner_text() in (f"{narrowed} recommendations", "1 recommendation")
    assert page.locator(".iopc-chip").count() == 1


def test_words_narrow_the_list(page, site_url):
    opened(page, site_url)
    page.locator("#filter-q").fill("body worn video")
    assert 0 < shown(page) < total_in_data(page)
    assert query(page) == {"q": ["body worn video"]}
    page.locator("#filter-q").fill("no such words at all")
    assert shown(page) == 0
    assert page.locator(".iopc-count").inner_text().startswith("No recommendations match")


def test_a_shared_address_opens_the_same_view_and_filters_go_one_by_one(page, site_url):
    opened(page, site_url, REGISTER + "?recipient=sussex&status=overdue")
    assert page.locator("#filter-recipient").input_value() == "sussex"
    two = shown(page)
    assert two > 0 and page.locator(".iopc-chip").count() == 2
    page.locator(".iopc-chip").nth(1).click()  # remove the status filter
    assert query(page) == {"recipient": ["sussex"]}
    assert shown(page) >= two
    page.locator(".iopc-clear").click()
    assert query(page) == {} and shown(page) == total_in_data(page)
    assert page.evaluate("document.activeElement.id") == "filter-q"


def test_every_filter_is_used_with_the_keyboard(page, site_url):
    opened(page, site_url)
    page.locator("#filter-q").focus()
    page.keyboard.type("Sussex")
    assert query(page) == {"q": ["Sussex"]}
    for name in FILTERS:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == f"filter-{name}"
        page.keyboard.press("ArrowDown")  # Chromium changes a closed select with the arrow keys
        page.keyboard.press("ArrowUp")
    page.locator("#filter-year").focus()
    page.keyboard.press("ArrowDown")
    assert "year" in query(page)
    page.locator(".iopc-chip").first.focus()
    page.keyboard.press("Enter")
    assert "q" not in query(page)
    page.locator(".iopc-clear").focus()
    page.keyboard.press("Enter")
    assert query(page) == {}


def test_axe_finds_nothing_with_filters_applied(page, site_url):
    opened(page, site_url, REGISTER + "?recipient=sussex&q=police")
    findings = axe_findings(page, "recommendations/ with filters applied")
    assert not findings, report(findings, "axe")
    page.locator("#filter-q").fill("no such words at all")
    findings = axe_findings(page, "recommendations/ with no results")
    assert not findings, report(findings, "axe")


def test_the_welsh_register_filters_too(page, site_url):
    opened(page, site_url, "cy/" + REGISTER)
    page.locator("#filter-status").select_option("published")
    assert "argymhelliad" in page.locator(".iopc-count").inner_text()
    assert page.locator(".iopc-chip").first.inner_text().startswith("Statws yr ymateb")


def test_filters_reflow_at_320_pixels(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = opened(context.new_page(), site_url, REGISTER + "?recipient=national-police-chiefs-council&status=none")
        findings = reflow_findings(page, "recommendations/ filtered", "reflow at 320 px (WCAG 1.4.10)")
        assert not findings, report(findings, "reflow")
    finally:
        context.close()


def test_filtering_keeps_nothing_on_the_device(browser, site_url):
    context = browser.new_context()
    try:
        page = opened(context.new_page(), site_url)
        page.locator("#filter-recipient").select_option("sussex")
        page.locator("#filter-q").fill("policy")
        page.locator(".iopc-clear").click()
        kept = page.evaluate("() => [document.cookie, Object.keys(localStorage), Object.keys(sessionStorage)]")
        assert kept == ["", [], []]
        state = context.storage_state()
        assert state["cookies"] == [] and state["origins"] == []
    finally:
        context.close()


def test_without_javascript_the_list_and_its_pages_work(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + REGISTER)
        assert not page.locator("#recommendation-filters").is_visible()
        assert page.locator(".iopc-register li").count() == 10
        page.get_by_role("link", name="Who recommendations were made to").click()
        page.get_by_role("link", name="Sussex Police").first.click()
        assert page.url.endswith("recommendations/recipients/sussex/")
        assert page.locator(".iopc-register li").count() == 5
    finally:
        context.close()
