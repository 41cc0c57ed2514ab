"""Search in Chromium: a Welsh search finds Welsh pages, an English search English pages;
search downloads nothing until a reader opens it."""

from __future__ import annotations

import collections
import json
import re

import pytest
from support.content import languages, url_prefixes


def index_words(built_site, language: str) -> collections.Counter:
    index = json.loads((built_site / url_prefixes()[language] / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = collections.Counter()
    for document in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", document["title"] + " " + document["text"]).lower()
        words.update(word for word in re.findall(r"[^\W\d_]{6,}", text))
    return words


def word_only_in(built_site, language: str) -> str:
    """A word that the index of ``language`` has many times and the other indexes never."""
    mine = index_words(built_site, language)
    others = collections.Counter()
    for other in languages():
        if other != language:
            others.update(index_words(built_site, other))
    candidates = [(count, word) for word, count in mine.items() if word not in others]
    assert candidates, f"no word is found only in the {language} search index"
    return max(candidates)[1]


@pytest.mark.browser
@pytest.mark.for_each("language", languages)
def test_search_returns_only_pages_in_the_readers_language(page, site_url, built_site, language):
    word = word_only_in(built_site, language)
    page.goto(site_url + url_prefixes()[language])
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item a, a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert hrefs
    for href in hrefs:
        in_welsh = href.startswith("/" + url_prefixes()["cy"])
        assert in_welsh == (language == "cy"), f"searching '{word}' on the {language} site found {href}"


@pytest.mark.browser
@pytest.mark.for_each("language", languages)
def test_search_downloads_nothing_until_a_reader_opens_it(page, site_url, built_site, language):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + url_prefixes()[language] + "contact/")
    page.wait_for_load_state("networkidle")
    searching = [url for url in fetched if "search_index.json" in url or re.search(r"workers/search\.[0-9a-f]+", url)]
    assert searching == [], f"a first visit downloaded search files: {searching}"
    page.locator(".md-search__input").focus()
    page.keyboard.type(word_only_in(built_site, language))
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    index = "/" + url_prefixes()[language] + "search/search_index.json"
    assert any(url.endswith(index) for url in fetched), f"opening search did not fetch {index}"
    assert any(re.search(r"workers/search\.[0-9a-f]+\.min\.js$", url) for url in fetched)


@pytest.mark.browser
def test_a_page_opened_from_a_search_result_highlights_the_words(page, site_url):
    page.goto(site_url + "contact/?h=complaint")
    page.locator("article mark").first.wait_for(timeout=10_000)
