"""The gates are shown to fail: a deliberately broken page makes each of them report it.

The page has an image without alt text, an empty link, low-contrast text, a
box too wide for a phone and a link whose focus is invisible. The same gate
functions that check the real site run on it.
"""

from __future__ import annotations

import pytest
from quality.axe import axe_findings
from quality.keyboard import tab_through
from quality.lighthouse import run_lighthouse
from quality.reflow import reflow_findings
from quality.serving import serve_site
from quality.vnu import check_html_folder
from support.browser import chromium_executable

BROKEN_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Broken fixture</title>
<style>
  .faint { color: #bbbbbb; background: #ffffff; }
  .wide { width: 600px; }
  a.hidden-focus:focus { outline: none; }
</style>
</head>
<body>
<main>
<h1>Broken fixture</h1>
<a href="#skip">Skip to content</a>
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='40'/%3E" width="40" height="40">
<a href="/somewhere"></a>
<p class="faint">This text is too pale to read.</p>
<p class="wide">This paragraph is wider than a phone, so the page scrolls sideways.</p>
<p id="skip"><a class="hidden-focus" href="/elsewhere">A link whose focus cannot be seen</a></p>
</main>
</body>
</html>
"""


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken-site")
    (folder / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def broken_url(broken_site):
    with serve_site(broken_site) as url:
        yield url


@pytest.mark.browser
def test_axe_reports_the_missing_alt_the_empty_link_and_the_low_contrast(page, broken_url):
    page.goto(broken_url)
    rules = {finding.rule.split()[1] for finding in axe_findings(page, "broken")}
    assert {"image-alt", "link-name", "color-contrast"} <= rules


def test_html_checker_reports_the_image_without_alt(broken_site):
    messages = [finding.message for finding in check_html_folder(broken_site).get("index.html", [])]
    assert any("alt" in message for message in messages), messages


@pytest.mark.browser
def test_reflow_gate_reports_the_wide_box(browser, broken_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(broken_url)
        findings = reflow_findings(page, "broken", "reflow")
        assert any("scrolls sideways" in finding.message for finding in findings)
    finally:
        context.close()


@pytest.mark.browser
def test_focus_gate_reports_the_link_whose_focus_is_invisible(page, broken_url):
    page.goto(broken_url)
    _, findings = tab_through(page, "broken")
    problems = {finding.element: finding.message for finding in findings}
    assert "no outline, shadow or background" in problems["a.hidden-focus 'A link whose focus cannot be seen'"]
    assert problems["a ''"] == "the focused element is not visible on screen"  # the empty link has no size
    assert len(problems) == 2, problems


@pytest.mark.browser
def test_lighthouse_accessibility_score_drops_below_100(broken_url):
    result = run_lighthouse({"broken": broken_url}, chromium_executable())["broken"]
    assert result.scores["accessibility"] < 1
    failing = {finding.rule.split("/")[1].split()[0] for finding in result.failing_audits}
    assert {"image-alt", "link-name", "color-contrast"} <= failing
