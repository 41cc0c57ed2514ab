"""Find your force and the sortable tables, in Chromium: each works with JavaScript, and without it the
whole list and the whole table are there to read."""

from __future__ import annotations

import pytest


@pytest.mark.browser
def test_the_filter_narrows_the_list_and_announces_the_count(page, site_url):
    page.goto(site_url + "forces/")
    box = page.locator("#force-filter-input")
    box.fill("york")
    status = page.locator(".iopc-filter-count")
    assert status.inner_text() == "3 of 44 forces shown"
    assert status.get_attribute("role") == "status"
    assert page.locator("main li:visible a[href$='north-yorkshire/']").count() == 1
    assert not page.locator("#wales").is_visible()  # a country with no match hides its heading
    box.fill("zzz")
    assert status.inner_text() == "No force matches what you typed."
    box.fill("")
    assert page.locator("main li:visible a[href*='forces/'], main li:visible a[href$='/']").count() >= 44


@pytest.mark.browser
def test_the_welsh_filter_finds_a_force_by_its_welsh_name(page, site_url):
    page.goto(site_url + "cy/forces/")
    page.locator("#force-filter-input").fill("heddlu gwent")
    assert page.locator(".iopc-filter-count").inner_text() == "Yn dangos 1 o'r 44 heddlu"


@pytest.mark.browser
def test_without_javascript_the_whole_list_shows_and_no_dead_filter_box(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "forces/")
        assert not page.locator("#force-filter-input").is_visible()
        assert page.locator("a[href$='kent/']").is_visible() and page.locator("a[href$='gwent/']").is_visible()
        page.goto(site_url + "statistics/")
        assert page.locator("table[data-sortable] tbody tr").first.is_visible()
        assert page.locator("table[data-sortable] button").count() == 0
        assert page.locator("figure.iopc-chart svg").first.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_a_column_heading_sorts_the_table_and_keeps_the_total_last(page, site_url):
    page.goto(site_url + "statistics/")
    table = page.locator("#table-2024-25-cases-finalised-by-force")
    heading = table.locator("thead th").nth(1)
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    assert table.locator("tbody tr th").first.inner_text() == "Suffolk Constabulary"  # 81, the fewest
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    assert table.locator("tbody tr th").first.inner_text() == "Metropolitan Police Service"  # 8,339
    assert table.locator("tbody tr").last.locator("th").inner_text() == "England and Wales"
