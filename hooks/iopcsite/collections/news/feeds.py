"""The Atom feeds a section publishes: absolute addresses from mkdocs.yml's ``site_url``, the same bytes
for the same entries. Used by the news collection and by the key areas (collections/learning)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from iopcsite.config.site_address import site_url, tag_authority
from iopcsite.content.collection import PlannedFile
from iopcsite.feeds.atom import Feed, atom_feed

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent

# The 'updated' of a feed with no entries yet: a fixed day, so every build writes the same bytes.
EMPTY_FEED_DATE = dt.date(2024, 1, 1)


def feed_file(content: SiteContent, feed: Feed) -> PlannedFile:
    """The feed as a planned file, written now: it is cheap, and ``make check`` then checks its bytes too."""
    author = content.config.organisation.name.get(feed.language)
    return PlannedFile(feed.path, feed.language,
                       atom_feed(feed, site_url(content.root), tag_authority(content.config), author, EMPTY_FEED_DATE))
