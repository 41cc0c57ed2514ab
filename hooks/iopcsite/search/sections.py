"""Which section of the site a page belongs to, for narrowing search results.

Search results name their section (news, publication, recommendation, guidance, question)
and a reader can narrow them by it. The section comes from the collection that planned
the page; a kind of content with no line here is searched as guidance.
"""

from __future__ import annotations

SECTION_OF_COLLECTION = {
    "pages": "guidance",
    "faqs": "questions",
    "campaigns": "campaigns",
    "news": "news",
    "publications": "publications",
    "recommendations": "recommendations",
    "forces": "forces",
    "statistics": "statistics",
}
DEFAULT_SECTION = "guidance"


def search_section(collection: str) -> str:
    """The search section of a page planned by ``collection``."""
    return SECTION_OF_COLLECTION.get(collection, DEFAULT_SECTION)


def section_string_key(section: str) -> str:
    """The strings.yml key of a section's name: 'search-section-news'."""
    return f"search-section-{section}"
