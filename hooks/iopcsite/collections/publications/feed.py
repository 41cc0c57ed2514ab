"""The publications feed of each language: every shown, dated publication, newest first."""

from __future__ import annotations

import os
from pathlib import Path

from iopcsite.config.localiser import Localiser
from iopcsite.feeds.atom import Feed, FeedEntry, FeedLink, atom_feed
from iopcsite.collections.publications.models import first_day
from iopcsite.collections.publications.views import INDEX_URI, View, feed_path, item_uri

TAG_AUTHORITY = "policeconduct.gov.uk,2026"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def site_url(root: Path) -> str:
    """The site's address as mkdocs.yml gives it (``site_url``, which may come from SITE_URL)."""
    from mkdocs.utils.yaml import yaml_load  # reads mkdocs.yml's !ENV as MkDocs does

    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return os.environ.get("SITE_URL", DEFAULT_SITE_URL)
    with config_file.open(encoding="utf-8") as stream:
        config = yaml_load(stream) or {}
    return str(config.get("site_url") or DEFAULT_SITE_URL)


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


def feed_bytes(feed: Feed, url: str, author: str) -> bytes:
    return atom_feed(feed, url, TAG_AUTHORITY, author, first_day("2020-01"))
