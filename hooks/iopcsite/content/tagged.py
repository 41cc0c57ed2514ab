"""What a key area's or a topic's page lists: every shown item, of every kind, tagged with it.

A collection whose items carry a key area or topics gives ``tagged_entries(content, language)``;
the pages that gather them (key areas, topics) know nothing else of that collection.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent


@dataclass(frozen=True)
class TaggedEntry:
    """One shown item, in one language, as a list of tagged items shows it."""

    collection: str  # 'news', 'publications', 'recommendations', 'campaigns'
    title: str  # in the entry's language (English where it is not translated)
    uri: str  # docs path of its page in that language
    language: str
    date: dt.date | None  # its published date or date made, for ordering newest first
    key_areas: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@runtime_checkable
class TaggedCollection(Protocol):
    """A collection whose items are tagged with key areas or topics."""

    name: str

    def tagged_entries(self, content: SiteContent, language: str) -> list[TaggedEntry]:
        """Every item this build shows, in ``language``, with its tags."""


def tagged_entries(content: SiteContent, language: str, key_area: str | None = None,
                   topic: str | None = None) -> list[TaggedEntry]:
    """Every shown entry of every tagged collection in ``language`` with this key area (or topic),
    newest first; undated entries last, then by title, so the order never changes between builds."""
    entries = [entry for collection in content.collections if isinstance(collection, TaggedCollection)
               for entry in collection.tagged_entries(content, language)
               if (key_area is None or key_area in entry.key_areas) and (topic is None or topic in entry.topics)]
    return sorted(entries, key=lambda entry: (entry.date is None, -(entry.date or dt.date.min).toordinal(),
                                              entry.title, entry.uri))
