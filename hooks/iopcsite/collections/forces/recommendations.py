"""The hook that joins the recommendations register to each force's page, when both exist.

A force's page shows a "Recommendations we made to this force" section only when a
collection named ``recommendations`` is registered and has something for that force.
The forces collection asks it, at plan time, through one of two methods:

- ``force_page_section(content, force_key, language, page_uri) -> str | None``: the section's
  Markdown, drawn by the recommendations collection itself (with response statuses and
  links to its own pages). Preferred when present.
- ``recommendations_for(content, force_key) -> list``: the recommendations made to the force; the
  force page then says how many there are and links to ``recommendations/index.md``.

An empty result, or no such collection, shows no section, so the page never links to a
register that is not built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.collections.statistics.strings import Wording
from iopcsite.content.page_templates import md_line

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent

RECOMMENDATIONS = "recommendations"
REGISTER_URI = "recommendations/index.md"


def recommendations_collection(content: SiteContent):
    """The registered recommendations collection, or None."""
    return next((collection for collection in content.collections if collection.name == RECOMMENDATIONS), None)


def recommendations_section(content: SiteContent, force_key: str, language: str, page_uri: str,
                            words: Wording) -> str | None:
    """The Markdown body of the force page's recommendations section, or None when there is nothing to show."""
    collection = recommendations_collection(content)
    if collection is None:
        return None
    drawn = getattr(collection, "force_page_section", None)
    if drawn is not None:
        return drawn(content, force_key, language, page_uri) or None
    found = list(collection.recommendations_for(content, force_key) or [])
    if not found:
        return None
    return (f"{md_line(words('recommendations-count', count=words.number(len(found))))}\n\n"
            f"[{md_line(words('recommendations-link'))}](../{REGISTER_URI})")
