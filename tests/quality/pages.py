"""The pages every gate runs over: everything the pipeline publishes, and the 404 page."""

from __future__ import annotations

from pathlib import Path

from iopcsite.authoring.markdown_text import page_url
from support.content import all_page_urls, site_content

NOT_FOUND_PAGE = "404.html"

# One page of each kind, for the slower per-page checks (Tab through every stop).
PAGE_TYPES = {
    "home": "",
    "guidance page": "make-a-complaint/",
    "FAQ hub": "faqs/",
    "FAQ topic page": "faqs/complaining/",
    "review deadline helper": "review-deadline/",
    "who reviews helper": "who-reviews/",
    "publications list": "publications/",
    "publication page": "publications/focus-issue-13/",
    "recommendations register": "recommendations/",
    "recommendation batch": "recommendations/national-stop-and-search-2022-04/",
    "recommendation recipient": "recommendations/recipients/sussex/",
    "learning hub": "learning/",
    "key area page": "key-areas/violence-against-women-and-girls/",
    "strategy page": "about/our-strategy/",
    "news list": "news/",
    "news item": "news/you-have-a-voice-launch/",
    "forces index": "forces/",
    "force page": "cy/forces/gwent/",
    "statistics page": "statistics/",
    "not found": NOT_FOUND_PAGE,
}


def gated_pages() -> list[str]:
    """Every published page's URL path, plus the 404 page (a theme page, not content)."""
    return all_page_urls() + [NOT_FOUND_PAGE]


# A kind of content with more pages than this in one language is opened in the browser gates through a
# few of them (its section pages, its PAGE_TYPES page, its first items); the cheap checks read every page.
PAGES_OPENED_PER_KIND = 12
FIRST_ITEMS_OPENED = 3


def browser_pages() -> list[str]:
    """The pages the slow browser gates (axe, reflow, the exit button, no traces) open, in every language:
    every page of a kind with few pages, and a representative set of a kind with a page per item."""
    content = site_content()
    chosen = set(PAGE_TYPES.values())
    groups: dict[tuple[str, str], list[str]] = {}
    for uri, page in sorted(content.published.items()):
        groups.setdefault((page.collection, page.language), []).append(uri)
    for uris in groups.values():
        if len(uris) <= PAGES_OPENED_PER_KIND:
            chosen.update(page_url(uri) for uri in uris)
            continue
        chosen.update(page_url(uri) for uri in uris if Path(uri).name == "index.md")
        chosen.update(page_url(uri) for uri in uris[:FIRST_ITEMS_OPENED])
    counterparts = {page_url(target) for uri in content.published for language in content.languages
                    if page_url(uri) in chosen and (target := content.counterpart(uri, language))}
    return sorted((chosen | counterparts) - {NOT_FOUND_PAGE}) + [NOT_FOUND_PAGE]


def browser_content_pages() -> list[str]:
    """``browser_pages`` without the 404 page: the published pages the browser gates open."""
    return [path for path in browser_pages() if path != NOT_FOUND_PAGE]


def built_html_pages(site_dir: Path) -> list[str]:
    """The URL path of every HTML file in a built site: what readers can actually reach."""
    paths = []
    for html_file in sorted(site_dir.rglob("*.html")):
        relative = html_file.relative_to(site_dir).as_posix()
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths
