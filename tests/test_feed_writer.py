"""The Atom writer every feed uses: valid Atom 1.0 as a feed reader parses it, absolute addresses,
and the same bytes for the same entries. (Each collection's real feeds are tested with the collection.)"""

from __future__ import annotations

import datetime as dt

import feedparser
from iopcsite.feeds.atom import Feed, FeedEntry, atom_feed

ENTRIES = (FeedEntry("news/b", "Figures & findings <2025>", "news/b.md", dt.date(2025, 3, 1), dt.date(2025, 3, 4),
                     "What we found.", ("complaints-statistics",)),
           FeedEntry("news/a", "Older item", "news/a.md", dt.date(2024, 9, 5)))
FEED = Feed("cy/news/feed.xml", "Newyddion", "Ein newyddion diweddaraf", "cy", "cy/news/index.md", ENTRIES)


def written(feed: Feed = FEED) -> bytes:
    return atom_feed(feed, "https://example.org/site/", "example.org,2024", "IOPC", dt.date(2024, 1, 1))


def test_a_feed_reader_reads_it_without_complaint():
    parsed = feedparser.parse(written())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Newyddion" and parsed.feed.language == "cy"
    assert [entry.title for entry in parsed.entries] == ["Figures & findings <2025>", "Older item"]
    assert parsed.entries[0].tags[0].term == "complaints-statistics"


def test_every_address_is_absolute():
    parsed = feedparser.parse(written())
    assert parsed.feed.links[0].href == "https://example.org/site/cy/news/feed.xml"
    assert parsed.feed.link == "https://example.org/site/cy/news/"
    assert parsed.entries[0].link == "https://example.org/site/news/b/"


def test_the_feed_is_updated_when_its_newest_entry_is_not_when_it_was_built():
    parsed = feedparser.parse(written())
    assert parsed.feed.updated.startswith("2025-03-04")
    assert written() == written()


def test_an_empty_feed_is_still_valid():
    empty = Feed("news/feed.xml", "News", "Our news", "en", "news/index.md", ())
    parsed = feedparser.parse(written(empty))
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.updated.startswith("2024-01-01")
