"""Reflow at 320 CSS pixels (WCAG 1.4.10) and text at 200% (WCAG 1.4.4), on every page."""

from __future__ import annotations

import pytest
from quality.findings import report
from quality.pages import browser_pages
from quality.reflow import enlarge_text, reflow_findings


@pytest.fixture(scope="module")
def phone_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def large_text_page(browser):
    context = browser.new_context(viewport={"width": 640, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.for_each("path", browser_pages)
def test_nothing_scrolls_sideways_or_is_cut_off_at_320_pixels(phone_page, site_url, path):
    phone_page.goto(site_url + path)
    findings = reflow_findings(phone_page, path, "reflow at 320 px (WCAG 1.4.10)")
    assert not findings, report(findings, "reflow")


@pytest.mark.browser
@pytest.mark.for_each("path", browser_pages)
def test_text_at_200_percent_stays_readable(large_text_page, site_url, path):
    large_text_page.goto(site_url + path)
    enlarge_text(large_text_page, 200)
    findings = reflow_findings(large_text_page, path, "text at 200% (WCAG 1.4.4)")
    assert not findings, report(findings, "text resize")
