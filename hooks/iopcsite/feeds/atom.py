"""Write an Atom 1.0 feed from planned entries, the same bytes for the same entries.

feedgen writes the XML (escaping, namespaces, the required elements); we give it every
date and the order ourselves, so nothing depends on the clock or on dictionary order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from iopcsite.authoring.markdown_text import page_url

MIDNIGHT_UTC = dt.time(0, 0, tzinfo=dt.timezone.utc)
FEED_MEDIA_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class FeedEntry:
    """One entry: a news item, a publication, a recommendation or a response."""

    id: str  # a stable tag: URI, e.g. 'news/2024-09-05-you-have-a-voice'
    title: str
    uri: str  # the docs path of the page it links to: 'news/you-have-a-voice.md', perhaps with '#anchor'
    published: dt.date
    updated: dt.date | None = None
    summary: str = ""
    category: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """A feed as a collection plans it: where it is published, what it is called, its entries."""

    path: str  # site path of the feed file: 'news/feed.xml', 'cy/news/feed.xml'
    title: str
    subtitle: str
    language: str
    home_uri: str  # the docs path of the page the feed follows
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True)
class FeedLink:
    """A feed announced on a page: ``<link rel="alternate" type="application/atom+xml">``."""

    title: str
    path: str  # site path of the feed file


def absolute(site_url: str, path: str) -> str:
    """``path`` on the published site: feeds are read away from the site, so every address is absolute."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def entry_address(site_url: str, uri: str) -> str:
    """The absolute address of an entry's page, ``uri`` being its docs path, with an anchor if it has one."""
    path, _, anchor = uri.partition("#")
    return absolute(site_url, page_url(path)) + (f"#{anchor}" if anchor else "")


def _timestamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, MIDNIGHT_UTC)


def feed_updated(feed: Feed) -> dt.date | None:
    """The feed's own 'updated': its newest entry's date (never the build's clock, so builds match)."""
    dates = [entry.updated or entry.published for entry in feed.entries]
    return max(dates) if dates else None


def atom_feed(feed: Feed, site_url: str, tag_authority: str, author: str, empty_date: dt.date) -> bytes:
    """The feed as Atom 1.0 XML. ``tag_authority`` ('policeconduct.gov.uk,2024') makes ids that stay
    the same when the site moves; ``empty_date`` is the 'updated' of a feed with no entries yet."""
    generator = FeedGenerator()
    generator.id(f"tag:{tag_authority}:{feed.path}")
    generator.title(feed.title)
    generator.subtitle(feed.subtitle)
    generator.language(feed.language)
    generator.author({"name": author})
    generator.link(href=absolute(site_url, feed.path), rel="self", type=FEED_MEDIA_TYPE)
    generator.link(href=absolute(site_url, page_url(feed.home_uri)), rel="alternate", type="text/html")
    generator.updated(_timestamp(feed_updated(feed) or empty_date))
    for entry in feed.entries:
        written = generator.add_entry(order="append")
        written.id(f"tag:{tag_authority}:{entry.id}")
        written.title(entry.title)
        written.link(href=entry_address(site_url, entry.uri), rel="alternate", type="text/html")
        written.published(_timestamp(entry.published))
        written.updated(_timestamp(entry.updated or entry.published))
        if entry.summary:
            written.summary(entry.summary)
        for term in entry.category:
            written.category(term=term)
    return generator.atom_str(pretty=True)
