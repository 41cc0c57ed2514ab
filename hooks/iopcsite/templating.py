"""What the theme templates see: strings, organisation details and per-page data."""

from __future__ import annotations

from .build import SiteContent
from .helpers import HELPER_SCRIPT, has_helpers
from .site import organisation_values


def site_context(content: SiteContent, language: str) -> dict:
    """Site-wide values for every template, the 404 page included."""
    return {
        "lang": language,
        "strings": content.localiser(language).all_strings(),
        "org": organisation_values(content.config, language),
        "exit_page_url": str(content.config.exit_page_url),
    }


def page_context(content: SiteContent, src_uri: str) -> dict:
    """Values for one page: its language and its structured data."""
    page = content.pages.get(src_uri)
    return {
        "lang": page.language if page else "en",
        "jsonld": content.jsonld.get(src_uri),
        "scripts": [HELPER_SCRIPT] if page and has_helpers(page.body) else [],
    }
