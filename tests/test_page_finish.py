"""Setting Material's menu aside while pages are finished changes nothing but the time it takes."""

from __future__ import annotations

import pytest
from iopcbench.weight import page_file
from iopcsite.finish.page import MENU_PLACE, finish_page, put_menu_back, set_menu_aside
from iopcsite.finish.security import (
    SHIPPED_SCRIPTS,
    UnshippedScript,
    script_hash,
    shipped_script_hashes,
    shipped_script_text,
)
from quality.pages import NOT_FOUND_PAGE, gated_pages
from support.project import PROJECT_ROOT

SHIPPED = [shipped_script_text(script, PROJECT_ROOT) for script in SHIPPED_SCRIPTS]

# The least of Material's markup every page has (the repairs refuse a page without it), and a menu.
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body>
<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">
<div data-md-component="skip"></div>
<header><label class="md-header__button md-icon" for="__drawer"></label></header>
<div class="md-sidebar md-sidebar--primary"><nav>
<input class="md-nav__toggle" type="checkbox" id="__nav_1"><label class="md-nav__link" for="__nav_1">Section</label>
<label class="md-nav__title" for="__gone">Gone</label>
<a href="https://example.org/elsewhere" class="md-nav__link">Elsewhere</a>
<a href="../contact/" class="md-nav__link">Contact</a>
</nav></div>
<div class="md-content"><article class="md-content__inner md-typeset"><h1>T</h1>
<a href="../review/">Review</a> <a href="http://example.org/">Outside</a></article></div>
<script id="__config" type="application/json">{"base": ".", "search": "assets/javascripts/workers/search.a7633da7.min.js"}</script>
<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script>SHIPPED_SCRIPT</script></body></html>""".replace("SHIPPED_SCRIPT", SHIPPED[0])


@pytest.mark.for_each("url", gated_pages)
def test_every_built_page_comes_back_whole_after_its_menu_is_set_aside(built_site, url):
    html = page_file(built_site, url).read_text(encoding="utf-8")
    rest, menu = set_menu_aside(html)
    assert put_menu_back(rest, menu) == html
    if url != NOT_FOUND_PAGE:
        assert menu.startswith('<div class="md-sidebar md-sidebar--primary"') and MENU_PLACE in rest


def test_the_menu_still_gets_the_repairs_that_concern_it(content):
    page = finish_page(PAGE, content, "https://example.org/make-a-complaint/")
    finished = page.html
    assert MENU_PLACE not in finished
    # A label for a control that is not on the page loses its target; one whose control is there keeps it.
    assert '<label class="md-nav__title">Gone</label>' in finished
    assert 'for="__nav_1"' in finished and 'for="__drawer"' in finished
    # External links in the menu and in the text alike never tell the other site where the reader came from.
    assert '<a href="https://example.org/elsewhere" class="md-nav__link" rel="noreferrer">' in finished
    assert '<a href="http://example.org/" rel="noreferrer">' in finished
    # Links in the text get their full address for printing; the menu is not printed.
    assert 'data-iopc-address="https://example.org/review/"' in finished
    assert 'href="../contact/" class="md-nav__link">' in finished
    # The policy allows the shipped scripts, and comes first in <head> after the charset.
    assert finished.index('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"') > 0
    assert page.script_hashes == list(shipped_script_hashes(PROJECT_ROOT))
    assert script_hash(SHIPPED[0]) in page.script_hashes and all(source in finished for source in page.script_hashes)


def test_a_page_with_a_script_in_its_menu_is_finished_whole(content):
    page = PAGE.replace("<nav>", f"<nav><script>{SHIPPED[1]}</script>")
    assert set_menu_aside(page) == (page, "")
    assert finish_page(page, content, "https://example.org/x/").html.count(SHIPPED[1]) == 1


@pytest.mark.parametrize("where", ["<nav>", "<h1>T</h1>"])
def test_an_inline_script_the_site_does_not_ship_stops_the_page_wherever_it_is(content, where):
    page = PAGE.replace(where, where + "<script>\n  alert(document.cookie)</script>")
    with pytest.raises(UnshippedScript, match="inline script the site does not ship, starting 'alert\\(document.cookie\\)'"):
        finish_page(page, content, "https://example.org/x/")


def test_data_scripts_need_no_listing(content):
    page = PAGE.replace("<h1>T</h1>", '<h1>T</h1><script type="application/ld+json">{"@type": "FAQPage"}</script>')
    assert '"@type": "FAQPage"' in finish_page(page, content, "https://example.org/x/").html
