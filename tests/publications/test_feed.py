"""The publications feed of each language: valid Atom 1.0 as a feed reader reads it, full addresses, the
same bytes every time, announced on the publications pages and explained in one sentence; held-back
publications are never in it."""

from __future__ import annotations

import feedparser
import pytest
from iopcsite.content.site_content import load_site_content
from support.project import replace_in
from support.search import indexed_paths

from .helpers import FIXTURE, FIXTURE_ID, add_fixture, fixture_project

LANGUAGES = [("", "en"), ("cy/", "cy")]


@pytest.mark.parametrize("prefix, language", LANGUAGES)
def test_the_feed_is_valid_atom_with_full_addresses(built_site, content, prefix, language):
    parsed = feedparser.parse((built_site / f"{prefix}publications/feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and parsed.feed.language == language
    links = [parsed.feed.link] + [link.href for link in parsed.feed.links] + [entry.link for entry in parsed.entries]
    assert all(link.startswith(("http://", "https://")) for link in links), links
    assert [entry.link.rsplit("/", 2)[-2] for entry in parsed.entries] == ["learning-the-lessons-44", "focus-issue-13"]


def test_an_unconfirmed_or_undated_publication_is_not_in_the_feed(built_site):
    feed = (built_site / "publications/feed.xml").read_text(encoding="utf-8")
    assert "focus-issue-16" not in feed  # to be confirmed
    assert "learning-the-lessons-41" not in feed  # no date to give a reader


def test_the_feed_has_the_same_bytes_every_time(built_site, project_root):
    planned = [load_site_content(project_root, draw=False).files["publications/feed.xml"].content for _ in range(2)]
    assert planned[0] == planned[1] == (built_site / "publications/feed.xml").read_bytes()


@pytest.mark.parametrize("page", ["publications/index.md", "publications/focus.md", "publications/2020.md",
                                  "publications/topics/custody.md", "publications/focus-issue-13.md"])
@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_the_publications_pages_announce_the_feed(content, page, prefix):
    assert [link.path for link in content.published[prefix + page].feeds] == [f"{prefix}publications/feed.xml"]


@pytest.mark.parametrize("prefix, sentence", [("", "A feed lets a feed reader app tell you"),
                                              ("cy/", "Mae ffrwd yn gadael i ap darllen ffrydiau")])
def test_the_list_says_what_a_feed_is_and_links_it(built_site, prefix, sentence):
    html = (built_site / f"{prefix}publications/index.html").read_text(encoding="utf-8")
    assert '<link rel=" alternate" type="application/atom+xml"' in html and 'href="feed.xml"' in html
    assert sentence in html


def test_a_held_back_publication_is_never_in_the_feed(project_copy):
    root = add_fixture(project_copy)
    replace_in(root / "docs/_data/publications" / FIXTURE.name, "    status: verified\n",
               "    status: verified\n    draft: true\n")
    content = load_site_content(root, draw=False)
    for prefix in ("", "cy/"):
        assert FIXTURE_ID.encode() not in content.files[f"{prefix}publications/feed.xml"].content
        assert f"{prefix}publications/{FIXTURE_ID}.md" not in content.published
        assert f"{prefix}publications/{FIXTURE_ID}.pdf" not in content.files
        assert FIXTURE_ID not in content.published[f"{prefix}publications/index.md"].markdown


def test_a_shown_fixture_is_in_the_feed():
    """The held-back test above would pass for a publication that never reached the feed at all."""
    content = load_site_content(fixture_project(), draw=False)
    assert FIXTURE_ID.encode() in content.files["publications/feed.xml"].content


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_the_welsh_and_english_menus_and_search_cover_publications(built_site, prefix):
    home = (built_site / f"{prefix}index.html").read_text(encoding="utf-8")
    assert 'href="publications/"' in home
    assert f"{prefix}publications/focus-issue-13/" in indexed_paths(built_site, "cy" if prefix else "en")
