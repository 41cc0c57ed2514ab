"""Search in Chromium: a Welsh search finds Welsh pages, an English search English pages."""

from __future__ import annotations

import collections
import json
import re

import pytest

from conftest import site_content
from iopcsite.i18n import language_prefixes

CONTENT = site_content()
PREFIXES = language_prefixes(CONTENT.config)


def index_words(built_site, language: str) -> collections.Counter:
    index = json.loads((built_site / PREFIXES[language] / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = collections.Counter()
    for document in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", document["title"] + " " + document["text"]).lower()
        words.update(word for word in re.findall(r"[^\W\d_]{6,}", text))
    return words


def word_only_in(built_site, language: str) -> str:
    """A word that the index of ``language`` has many times and the other indexes never."""
    mine = index_words(built_site, language)
    others = collections.Counter()
    for other in CONTENT.languages:
        if other != language:
            others.update(index_words(built_site, other))
    candidates = [(count, word) for word, count in mine.items() if word not in others]
    assert candidates, f"no word is found only in the {language} search index"
    return max(candidates)[1]


@pytest.mark.browser
@pytest.mark.parametrize("language", CONTENT.languages)
def test_search_returns_only_pages_in_the_readers_language(page, site_url, built_site, language):
    word = word_only_in(built_site, language)
    page.goto(site_url + PREFIXES[language])
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item a, a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert hrefs
    for href in hrefs:
        in_welsh = href.startswith("/" + PREFIXES["cy"])
        assert in_welsh == (language == "cy"), f"searching '{word}' on the {language} site found {href}"
