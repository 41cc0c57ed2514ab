"""The Nu HTML Checker over the whole built site, run once; results reported page by page."""

from __future__ import annotations

import pytest
from iopcsite.authoring.markdown_text import page_file_name
from quality.findings import report
from quality.pages import gated_pages
from quality.vnu import check_html_folder


@pytest.fixture(scope="module")
def html_errors(built_site):
    return check_html_folder(built_site)


@pytest.mark.for_each("path", gated_pages)
def test_page_has_no_html_errors(html_errors, built_site, path):
    name = page_file_name(path)
    assert (built_site / name).is_file(), f"{name} was not built, so it was not checked"
    findings = html_errors.get(name, [])
    assert not findings, report(findings, f"Nu HTML Checker, {name}")


def test_checker_found_nothing_outside_the_page_list(html_errors):
    """Errors in a file no page test owns (a stray HTML file) must still fail."""
    checked = {page_file_name(path) for path in gated_pages()}
    stray = {name: found for name, found in html_errors.items() if name not in checked}
    assert not stray, report([finding for found in stray.values() for finding in found], "Nu HTML Checker")
