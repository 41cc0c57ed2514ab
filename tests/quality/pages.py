"""The pages every gate runs over: everything the pipeline publishes, and the 404 page."""

from __future__ import annotations

from pathlib import Path

from support.content import all_page_urls

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


def built_html_pages(site_dir: Path) -> list[str]:
    """The URL path of every HTML file in a built site: what readers can actually reach."""
    paths = []
    for html_file in sorted(site_dir.rglob("*.html")):
        relative = html_file.relative_to(site_dir).as_posix()
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths
