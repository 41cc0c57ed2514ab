"""Every kind of content the site has. Adding a kind is one line in ``COLLECTIONS``
(README, "Adding a kind of content", walks through one).

``IOPC_EXTRA_COLLECTIONS`` adds collections kept outside the package, written as
``path/to/collection.py:ClassName`` (comma-separated): the tests use it to build a site
with a collection that exists only in the tests.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path

from iopcsite.collections.campaigns.collection import CampaignCollection
from iopcsite.collections.faqs.collection import FaqCollection
from iopcsite.collections.forces.collection import ForceCollection
from iopcsite.collections.learning.collection import LearningCollection
from iopcsite.collections.news.collection import NewsCollection
from iopcsite.collections.pages.collection import PagesCollection
from iopcsite.collections.publications.collection import PublicationCollection
from iopcsite.collections.recommendations.collection import RecommendationCollection
from iopcsite.collections.search.collection import SearchCollection
from iopcsite.collections.statistics.collection import StatisticsCollection
from iopcsite.content.collection import Collection

COLLECTIONS: tuple[type[Collection], ...] = (
    PagesCollection,
    FaqCollection,
    CampaignCollection,
    ForceCollection,
    PublicationCollection,
    RecommendationCollection,
    NewsCollection,
    StatisticsCollection,
    LearningCollection,  # after the kinds its hub lists: it lists only the sections they publish
    SearchCollection,  # last: its page lists the index pages the others plan
)
EXTRA_COLLECTIONS_VARIABLE = "IOPC_EXTRA_COLLECTIONS"


def registered_collections(environ: dict[str, str] | None = None) -> tuple[type[Collection], ...]:
    """The registered collections, then any named in ``IOPC_EXTRA_COLLECTIONS``."""
    written = (os.environ if environ is None else environ).get(EXTRA_COLLECTIONS_VARIABLE, "")
    return COLLECTIONS + tuple(_collection_class(entry.strip()) for entry in written.split(",") if entry.strip())


def _collection_class(entry: str) -> type[Collection]:
    """The class named by 'path/to/collection.py:ClassName'; the file's folder is imported as a package,
    so the collection's modules can import each other as a collection inside the package does."""
    path, _, name = entry.rpartition(":")
    file = Path(path)
    if not path or not file.is_file() or not (file.parent / "__init__.py").is_file():
        raise ValueError(f"{EXTRA_COLLECTIONS_VARIABLE}: '{entry}' is not 'path/to/folder/collection.py:ClassName' "
                         "in a folder with an __init__.py.")
    package = f"iopc_extra_{file.parent.name}"
    if package not in sys.modules:
        spec = importlib.util.spec_from_file_location(package, file.parent / "__init__.py",
                                                      submodule_search_locations=[str(file.parent)])
        sys.modules[package] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[package])
    return getattr(importlib.import_module(f"{package}.{file.stem}"), name)


def new_collections(kinds: tuple[type[Collection], ...] | None = None) -> list[Collection]:
    """A fresh, empty instance of every collection (the registered ones by default), in order."""
    return [kind() for kind in (registered_collections() if kinds is None else kinds)]
