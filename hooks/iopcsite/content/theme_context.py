"""What the theme templates see: strings, organisation details and per-page data."""

from __future__ import annotations

from iopcsite.authoring.markdown_text import page_url, relative_file_url, relative_url
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import PlannedPage
from iopcsite.config.site_config import organisation_values
from iopcsite.content.site_content import SiteContent
from iopcsite.review_helpers.widgets import HELPER_SCRIPT, has_helpers
from iopcsite.search.sections import search_section, section_string_key


def site_context(content: SiteContent, language: str) -> dict:
    """Values for every template in ``language``, the 404 page included."""
    return {
        "lang": language,
        "prefix": language_prefixes(content.config)[language],
        "strings": content.localiser(language).all_strings(),
        "org": organisation_values(content.config, language),
        "exit_page_url": str(content.config.exit_page_url),
    }


def page_context(content: SiteContent, src_uri: str, site_url: str = "") -> dict:
    """Values for one page: its language, translations, language switcher and structured data."""
    page = content.published.get(src_uri)
    language = page.language if page else DEFAULT_LANGUAGE
    context = site_context(content, language)
    context.update({
        "jsonld": page.jsonld if page else None,
        "feeds": [{"title": feed.title, "href": relative_file_url(src_uri, feed.path)}
                  for feed in (page.feeds if page else ())],
        "translation": page.status.value if page else "complete",
        "alternates": alternates(content, src_uri, site_url),
        "scripts": page_scripts(page),
        "search_section": search_entry(content, page),
    })
    return context


def page_scripts(page: PlannedPage | None) -> list[str]:
    """The script files a page loads: the review helpers' where it shows one, and those its plan names."""
    if page is None:
        return []
    return ([HELPER_SCRIPT] if has_helpers(page_text(page)) else []) + list(page.scripts)


def search_entry(content: SiteContent, page: PlannedPage | None) -> dict | None:
    """The section a searchable page is filed under, by id and by name in its language; None for a page
    left out of search (Pagefind then leaves it out of the index: it reads only marked pages)."""
    if page is None or not page.in_search:
        return None
    section = search_section(page.collection)
    return {"id": section, "name": content.localiser(page.language).string(section_string_key(section))}


def page_text(page: PlannedPage) -> str:
    """The Markdown a published page is built from: generated, or the author's file."""
    if page.markdown is not None:
        return page.markdown
    return page.source.body if page.source else ""


def alternates(content: SiteContent, src_uri: str, site_url: str) -> list[dict]:
    """This page in every language it is published in: for the switcher and hreflang links."""
    found = []
    for language in content.config.languages:
        target = content.counterpart(src_uri, language.code)
        if target is None:
            continue
        found.append({
            "lang": language.code,
            "name": language.name,
            "current": target == src_uri,
            "href": relative_url(src_uri, target),
            "absolute": site_url.rstrip("/") + "/" + page_url(target) if site_url else "/" + page_url(target),
        })
    return found
