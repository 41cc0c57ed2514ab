"""Every Atom feed the site publishes: valid Atom 1.0, absolute addresses, the same bytes every time,
announced in the head of the pages it belongs to and explained in their text."""

from __future__ import annotations

import re

import feedparser
import pytest
from iopcsite.authoring.markdown_text import page_url
from iopcsite.config.site_address import site_url
from iopcsite.content.site_content import load_site_content
from support.content import site_content
from support.project import PROJECT_ROOT

ATOM_NS = "http://www.w3.org/2005/Atom"


def feed_paths() -> list[str]:
    return sorted(path for path in site_content().files if path.endswith(".xml"))


def pages_with_feeds() -> list[tuple[str, str]]:
    return sorted((uri, feed.path) for uri, page in site_content().published.items() for feed in page.feeds)


@pytest.mark.for_each("path", feed_paths)
def test_every_feed_is_valid_atom_with_absolute_addresses(built_site, path):
    parsed = feedparser.parse((built_site / path).read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.bozo_exception}"
    assert parsed.version == "atom10"
    base = site_url(PROJECT_ROOT)
    links = [link.href for link in parsed.feed.links] + [link.href for entry in parsed.entries for link in entry.links]
    assert links and all(link.startswith(base) for link in links), links
    for entry in parsed.entries:
        assert entry.id.startswith("tag:") and entry.title and entry.published_parsed
        target, _, anchor = entry.link.removeprefix(base).partition("#")
        page = built_site / target / "index.html"
        assert page.is_file(), f"{path}: entry {entry.title} links to a missing page"
        assert not anchor or f'id="{anchor}"' in page.read_text(encoding="utf-8"), f"{path}: no #{anchor} on {target}"


def test_every_feed_is_byte_identical_when_planned_again(content):
    again = load_site_content(PROJECT_ROOT, draw=False)
    for path in feed_paths():
        assert again.files[path].content == content.files[path].content, path


@pytest.mark.for_each("uri, feed", pages_with_feeds)
def test_a_page_announces_its_feed_and_says_what_a_feed_is(built_site, uri, feed):
    html = (built_site / page_url(uri) / "index.html").read_text(encoding="utf-8")
    heads = re.findall(r'<link rel=" alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', html)
    assert heads, f"{uri} announces no feed"
    assert (built_site / feed).is_file(), f"{uri} announces {feed}, which is not published"


def lists_with_feeds() -> list[str]:
    # The news and learning lists (publications and the register test their own sentence about feeds).
    return sorted(uri for uri, page in site_content().published.items() if page.feeds and page.collection == "learning"
                  or re.search(r"news/(index|page-\d+|topics/[a-z0-9-]+)\.md$", uri))


@pytest.mark.for_each("uri", lists_with_feeds)
def test_a_list_page_links_its_feed_with_one_sentence_about_feeds(built_site, uri):
    html = (built_site / page_url(uri) / "index.html").read_text(encoding="utf-8")
    welsh = uri.startswith("cy/")
    sentence = "Cyfeiriad gwe yw ffrwd" if welsh else "A feed is a web address"
    assert sentence in html
    assert re.search(r'<a href="[^"]+\.xml"[^>]* type="application/atom\+xml"', html), f"{uri} has no link to its feed"
