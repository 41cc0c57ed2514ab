"""Every built page, opened in Chromium: one h1, a unique title, a description, our footer."""

from __future__ import annotations

import pytest
from support.content import all_page_urls, site_content


@pytest.mark.browser
@pytest.mark.for_each("path", all_page_urls)
def test_page_has_one_h1_title_and_description(page, site_url, path):
    response = page.goto(site_url + path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.title().strip()
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description and description != page.context.pages[0].title()
    footer = page.locator("footer")
    local = site_content().localiser(page.locator("html").get_attribute("lang"))
    for key in ("footer-contact", "footer-accessibility", "footer-privacy"):
        assert footer.get_by_role("link", name=local.string(key), exact=True).count() == 1
    assert "Made with" not in footer.inner_text()


def test_titles_and_descriptions_are_unique(built_site):
    import re

    titles, descriptions = {}, {}
    for html_file in sorted(built_site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        language = re.search(r'<html lang="([a-z]+)"', html).group(1)
        description = (language, re.search(r'<meta name="description" content="([^"]*)"', html).group(1))
        assert title not in titles, f"{html_file} repeats the title of {titles.get(title)}"
        titles[title] = html_file
        if html_file.name != "404.html":
            assert description not in descriptions, f"{html_file} repeats the description of {descriptions.get(description)}"
            descriptions[description] = html_file


@pytest.mark.browser
def test_not_found_page_has_one_h1_and_a_way_home(page, site_url):
    page.goto(site_url + "404.html")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.get_by_role("link", name="Go to the home page").count() == 1


def test_no_request_can_leave_for_google_fonts(built_site):
    for html_file in built_site.rglob("*.html"):
        assert "fonts.googleapis" not in html_file.read_text(encoding="utf-8"), html_file
