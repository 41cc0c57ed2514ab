"""The Atom feeds a section publishes: absolute addresses from mkdocs.yml's ``site_url``, the same bytes
for the same entries. Used by the news collection and by the key areas (collections/learning)."""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.utils import yaml_load

from iopcsite.content.collection import PlannedFile
from iopcsite.feeds.atom import Feed, atom_feed

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent

# The 'updated' of a feed with no entries yet: a fixed day, so every build writes the same bytes.
EMPTY_FEED_DATE = dt.date(2024, 1, 1)
TAG_YEAR = 2024  # the year in every entry's tag: id, which must never change (RFC 4151)
SITE_URL_VARIABLE = "SITE_URL"  # mkdocs.yml reads it with !ENV; the content cache keys on it too


@functools.cache
def _configured_site_url(mkdocs_file: Path, from_environment: str | None) -> str:
    return yaml_load(mkdocs_file.read_text(encoding="utf-8")).get("site_url") or ""


def site_url(root: Path) -> str:
    """The site's address as MkDocs will have it: mkdocs.yml's ``site_url``, with ``!ENV [SITE_URL, ...]`` resolved."""
    return _configured_site_url(Path(root) / "mkdocs.yml", os.environ.get(SITE_URL_VARIABLE))


def tag_authority(content: SiteContent) -> str:
    """'policeconduct.gov.uk,2024': the organisation's own domain, so ids stay when the site moves."""
    host = urlsplit(str(content.config.organisation.website)).hostname or "localhost"
    return f"{host.removeprefix('www.')},{TAG_YEAR}"


def feed_file(content: SiteContent, feed: Feed) -> PlannedFile:
    """The feed as a planned file, written now: it is cheap, and ``make check`` then checks its bytes too."""
    author = content.config.organisation.name.get(feed.language)
    return PlannedFile(feed.path, feed.language,
                       atom_feed(feed, site_url(content.root), tag_authority(content), author, EMPTY_FEED_DATE))
