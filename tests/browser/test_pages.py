"""Every built page, opened in Chromium: one h1, a unique title, a description, our footer."""

from __future__ import annotations

import lxml.html
import pytest
from iopcbench.weight import page_file
from support.content import all_page_urls, site_content


@pytest.mark.for_each("path", all_page_urls)
def test_page_has_one_h1_title_and_description(built_site, path):
    # Read from the built file (every page): the browser gates open a representative set.
    tree = lxml.html.fromstring(page_file(built_site, path).read_bytes())
    assert len(tree.xpath("//h1")) == 1
    title = tree.findtext(".//title").strip()
    assert title
    description = tree.xpath('//meta[@name="description"]/@content')
    assert description and description[0] and description[0] != title
    [footer] = tree.xpath("//footer")
    local = site_content().localiser(tree.get("lang"))
    for key in ("footer-contact", "footer-accessibility", "footer-privacy"):
        assert [link for link in footer.xpath(".//a") if link.text_content().strip() == local.string(key)], key
    assert "Made with" not in footer.text_content()


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
