"""Printed guidance pages: no navigation, search or buttons; every link's address written out."""

from __future__ import annotations

import pytest
from iopcsite.authoring.markdown_text import page_url
from support.content import site_content


def guidance_pages() -> list[str]:
    """The URL path of every English guidance page."""
    return [page_url(uri) for uri, page in sorted(site_content().pages.items()) if page.language == "en"]


HIDDEN_WHEN_PRINTED = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".iopc-search-form",
                       ".md-footer", ".md-skip", ".iopc-language"]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["make-a-complaint/", "ask-for-a-review/"])
def test_printed_page_drops_navigation_search_and_buttons(page, site_url, path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    shown = [selector for selector in HIDDEN_WHEN_PRINTED + [".iopc-exit", ".iopc-exit-skiplink"]
             if page.locator(selector).count() and page.locator(selector).first.is_visible()]
    assert not shown, f"{path}: these still print: {shown}"
    assert page.locator("article h1").is_visible()


@pytest.mark.browser
@pytest.mark.for_each("path", guidance_pages)
def test_printed_links_show_their_full_address(page, site_url, path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    addresses = page.evaluate("""() => [...document.querySelectorAll('article.md-content__inner a[href]')]
        .filter(a => a.offsetParent !== null && !a.closest('.iopc-language') && !a.classList.contains('headerlink')
                     && !a.getAttribute('href').startsWith('#'))
        .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
    if path == "make-a-complaint/":  # a page known to link both to our pages and to other sites
        assert {href.startswith("http") for href, _ in addresses} == {True, False}
    for href, after in addresses:
        assert after.startswith('" (http'), f"{path}: the printed link to {href} does not show its address ({after})"
