"""Every kind of content the site has. Adding a kind is one line here (see README, "Adding a kind of content")."""

from __future__ import annotations

from iopcsite.collections.campaigns.collection import CampaignCollection
from iopcsite.collections.faqs.collection import FaqCollection
from iopcsite.collections.pages.collection import PagesCollection
from iopcsite.content.collection import Collection

COLLECTIONS: tuple[type[Collection], ...] = (
    PagesCollection,
    FaqCollection,
    CampaignCollection,
)


def new_collections(kinds: tuple[type[Collection], ...] = COLLECTIONS) -> list[Collection]:
    """A fresh, empty instance of every registered collection, in registration order."""
    return [kind() for kind in kinds]
