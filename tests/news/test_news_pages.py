"""News as a reader meets it: every dated item of the reference data, newest first, 20 to a page,
dates in words in both languages, NewsArticle JSON-LD, and nothing held back on show."""

from __future__ import annotations

import json
import re

import pytest
from iopcsite.collections.news.pages import PER_PAGE
from support.content import site_content
from support.search import indexed_paths
from support.project import replace_in

from news.helpers import feed_text, planned, reference_items, write_item


def news_items():
    return site_content().collection("news").news


def item_pages():
    return sorted(uri for uri, page in site_content().published.items()
                  if page.collection == "news" and re.fullmatch(r"(cy/)?news/[a-z0-9-]+\.md", uri)
                  and not re.search(r"/(index|page-\d+)\.md$", uri))


def test_every_dated_reference_item_is_published_with_its_source(content):
    published = {str(source) for loaded in content.collection("news").shown(content) for source in loaded.meta.sources}
    dated = [record for record in reference_items() if record["date"] and len(str(record["date"])) == 10
             and record["status"] != "unverified"]
    assert dated, "the reference data has no dated items"
    for record in dated:
        assert record["source"] in published, f"'{record['title']}' ({record['date']}) is not published"


def test_the_item_without_a_date_is_left_out(content):
    published = {str(source) for loaded in content.collection("news").news for source in loaded.meta.sources}
    for record in reference_items():
        if not record["date"]:
            assert record["source"] not in published


def test_items_are_listed_newest_first(built_site):
    html = (built_site / "news/index.html").read_text(encoding="utf-8")
    dates = re.findall(r'class="iopc-news-date">[^<]*?Published: ([^<]+)</p>', html)
    assert dates, "the news list shows no dates"
    order = [loaded.meta.published for loaded in site_content().collection("news").shown(site_content())]
    words = [site_content().localiser("en").date(day) for day in order]
    assert dates == words[:PER_PAGE]


@pytest.mark.parametrize("language, words", [("", "27 November 2025"), ("cy/", "27 Tachwedd 2025")])
def test_dates_are_written_in_words_in_each_language(built_site, language, words):
    html = (built_site / language / "news/complaints-data-2024-25/index.html").read_text(encoding="utf-8")
    label = "Cyhoeddwyd" if language else "Published"
    assert f"{label}: {words}" in html


@pytest.mark.for_each("uri", item_pages)
def test_every_item_page_has_news_article_json_ld(built_site, uri):
    html = (built_site / uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] and data["datePublished"] and data["publisher"]["name"]
    assert data["inLanguage"] in ("en", "cy")


def test_welsh_item_without_translation_says_so_in_welsh(project_copy):
    (project_copy / "docs/_data/news/2025-11-27-complaints-data.cy.md").unlink()
    content = planned(project_copy)
    markdown = content.published["cy/news/complaints-data-2024-25.md"].markdown
    assert content.localiser("cy").string("untranslated-notice") in markdown
    assert '<div lang="en" markdown>' in markdown


def test_the_list_is_twenty_to_a_page_with_links_that_need_no_script(project_copy):
    for number in range(1, 26):
        write_item(project_copy, f"extra-{number}", f"extra-{number:02d}", f"2026-01-{number:02d}")
    content = planned(project_copy)
    first, second = content.published["news/index.md"].markdown, content.published["news/page-2.md"].markdown
    assert first.count("\n## [") == PER_PAGE and "[Next page](page-2.md)" in first
    assert "[Previous page](index.md)" in second and "Page 2 of 2" in second
    assert "cy/news/page-2.md" in content.published
    assert first.index("extra-25.md") < first.index("extra-24.md"), "the newest is not first"


@pytest.mark.parametrize("hold", ["draft: true\n", "publish_from: 2099-01-01 09:00\n"])
def test_a_held_back_item_is_in_no_list_feed_or_topic(project_copy, hold):
    write_item(project_copy, "secret", "secret-item", "2026-01-01", extra=hold, topics="[custody, body-worn-video]")
    content = planned(project_copy)
    assert "news/secret-item.md" in content.held_back and "news/secret-item.md" not in content.published
    shown = "\n".join(page.markdown or "" for page in content.published.values())
    assert "secret-item" not in shown
    assert "news/topics/body-worn-video.md" not in content.published
    feeds = "\n".join(feed_text(content, path) for path in content.files if path.endswith(".xml"))
    assert "secret-item" not in feeds
    assert all(entry.uri != "news/secret-item.md" for entry in content.collection("news").tagged_entries(content, "en"))


def test_every_news_page_is_in_search_and_only_the_list_in_the_menu(content):
    pages = [page for page in content.published.values() if page.collection == "news"]
    assert all(page.in_search for page in pages)
    assert sorted(page.uri for page in pages if page.in_menu) == ["cy/news/index.md", "news/index.md"]


def test_an_item_links_to_its_topics(content):
    markdown = content.published["news/deaths-figures-2023-24.md"].markdown
    assert "[Custody](topics/custody.md)" in markdown


def test_welsh_search_covers_the_news(built_site):
    assert "cy/news/complaints-data-2024-25/" in indexed_paths(built_site, "cy")
