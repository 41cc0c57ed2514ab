"""The publications feed of each language: every shown, dated publication, newest first."""

from __future__ import annotations

from iopcsite.config.localiser import Localiser
from iopcsite.feeds.atom import Feed, FeedEntry, FeedLink, atom_feed
from iopcsite.collections.publications.models import first_day
from iopcsite.collections.publications.views import INDEX_URI, View, feed_path, item_uri

def feed_link(local: Localiser, prefix: str) -> FeedLink:
    return FeedLink(local.string("feed-title"), feed_path(prefix))


def publications_feed(views: list[View], local: Localiser, prefix: str, org_name: str) -> Feed:
    """The feed of ``views``. An undated publication has no date to give a feed reader, and one still to be
    confirmed cannot carry its mark into a reader: both are on the list pages only."""
    dated = sorted((v for v in views if v.publication.published and not v.unconfirmed), key=lambda v: v.sort_key)
    entries = tuple(FeedEntry(f"publications/{v.publication.id}", v.title, prefix + item_uri(v.publication.id),
                              first_day(v.publication.published),
                              first_day(v.publication.updated) if v.publication.updated else None,
                              v.summary or "", tuple(v.publication.topics))
                    for v in dated)
    return Feed(feed_path(prefix), local.string("feed-title"), local.string("feed-subtitle").format(org=org_name),
                local.language, prefix + INDEX_URI, entries)


def feed_bytes(feed: Feed, url: str, author: str, authority: str) -> bytes:
    return atom_feed(feed, url, authority, author, first_day("2020-01"))
