"""Every page exists in every language, with the right lang, a switcher to its counterpart,
and Welsh pages that stay in the Welsh tree."""

from __future__ import annotations

import posixpath

import pytest
from built_html import parse
from iopcsite.authoring.markdown_text import page_url
from iopcsite.config.languages import language_prefixes
from support.content import site_content


def published_pages():
    """Every published page, in every language, by uri."""
    return sorted(site_content().published.values(), key=lambda page: page.uri)


def english_pages():
    return [page for page in published_pages() if page.language == "en"]


def translated_pages():
    return [page for page in published_pages() if page.language != "en"]


def uri_of(page) -> str:
    return page.uri


@pytest.mark.for_each("page", published_pages, ids=uri_of)
def test_page_has_its_language_and_a_switcher_to_each_counterpart(built_site, content, page):
    tree = parse(built_site, page_url(page.uri))
    assert tree.get("lang") == page.language
    switcher = tree.xpath('//nav[contains(@class, "iopc-language")]//a')
    others = [language for language in content.languages if language != page.language]
    assert sorted(link.get("hreflang") for link in switcher) == sorted(others)
    here = posixpath.dirname(page_url(page.uri).rstrip("/") + "/x")
    for link in switcher:
        target = posixpath.normpath(posixpath.join(here, link.get("href"))) + "/"
        counterpart = content.counterpart(page.uri, link.get("hreflang"))
        assert target.lstrip("./") == page_url(counterpart).rstrip("/") + "/" or (target == "./" and counterpart == "index.md")
    alternates = {link.get("hreflang") for link in tree.xpath('//link[contains(concat(" ", normalize-space(@rel), " "), " alternate ")][@hreflang]')}
    assert alternates == set(content.languages)


@pytest.mark.for_each("page", english_pages, ids=uri_of)
def test_every_english_page_has_a_welsh_page_or_the_welsh_notice(built_site, content, page):
    welsh = content.counterpart(page.uri, "cy")
    assert welsh is not None
    tree = parse(built_site, page_url(welsh))
    if content.published[welsh].is_fallback:
        notice = content.localiser("cy").string("untranslated-notice")
        assert notice in tree.text_content()
        assert tree.xpath('//div[@lang="en"]'), "the English text must be marked lang=en"


@pytest.mark.for_each("page", translated_pages, ids=uri_of)
def test_welsh_pages_link_only_into_the_welsh_tree(built_site, content, page):
    url = page_url(page.uri)
    tree = parse(built_site, url)
    here = posixpath.dirname(url.rstrip("/") + "/x")
    prefix = language_prefixes(content.config)[page.language].rstrip("/")
    for link in tree.xpath("//a[@href]"):
        href = link.get("href")
        if href.startswith(("#", "http:", "https:", "mailto:", "tel:")) or link.get("data-iopc-switch"):
            continue
        target = posixpath.normpath(posixpath.join(here, href.split("#")[0]))
        if target.startswith(("assets", "search")) or "." in posixpath.basename(target):
            continue  # theme files and downloads are shared by both languages
        marked_english = link.xpath('ancestor-or-self::*[@lang="en"]')
        assert target.startswith(prefix) or marked_english, f"{url} links into the English tree: {href}"
