"""The search page in every language, and the interface words search shows, as a file per language.

Search itself runs in the reader's browser (docs/assets/js/search-open.js and
search-ui.js) over Pagefind's index (iopcsite.search). Without JavaScript the header's
search form opens this page, which links the site's index pages instead.

Registered last: its page lists the index pages every other collection planned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import Item, Plan, PlannedFile, PlannedPage
from iopcsite.content.page_templates import docs_link, framed_page, render_page
from iopcsite.search.sections import SECTION_OF_COLLECTION, section_string_key

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

TEMPLATES = Path(__file__).parent / "templates"
SEARCH_PAGE = "search.md"
STRINGS_FILE = "search/strings.json"  # beside the page, per language: what search-ui.js shows
UI_STRINGS = ("search-label", "search-results-heading", "search-results-one", "search-results-other",
              "search-none", "search-none-help", "search-sections-label", "search-all-sections", "search-close",
              "search-loading", "search-failed", "search-more")


class SearchCollection:
    """The search page (``search/``, ``cy/search/``) and its interface words."""

    name = "search"
    sources = ()  # nothing an author writes: its words are in docs/_data/strings.yml
    editor_schemas = ()

    def load(self, data: SiteData, problems: ProblemList) -> None:
        return None

    def items(self) -> list[Item]:
        return []

    def unreadable_paths(self) -> set[str]:
        return set()

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        return []

    def plan(self, content: SiteContent) -> Plan:
        """The search page and the strings file of every language."""
        plan = Plan()
        for language, prefix in language_prefixes(content.config).items():
            local = content.localiser(language)
            uri = prefix + SEARCH_PAGE
            body = render_page(TEMPLATES, "search.md", strings=local.all_strings(),
                               index_pages=index_pages(content, language, uri))
            title = local.string("search-label")
            plan.pages.append(PlannedPage(uri, language, SEARCH_PAGE, TranslationStatus.complete, title, None,
                                          framed_page({"title": title}, body), self.name, in_menu=False,
                                          in_search=False))
            plan.files.append(PlannedFile(prefix + STRINGS_FILE, language, interface_strings(content, language)))
        return plan

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan


def index_pages(content: SiteContent, language: str, from_uri: str) -> list[dict[str, str]]:
    """The home page and each section's index page in ``language``, by title: another way to every page."""
    pages = [page for uri, page in content.published.items() if page.language == language and Path(uri).name == "index.md"]
    return [{"title": page.title, "href": docs_link(from_uri, page.uri)}
            for page in sorted(pages, key=lambda page: (page.uri.count("/"), page.title))]


def interface_strings(content: SiteContent, language: str) -> str:
    """The words search-ui.js shows, and each section's name, as JSON (sorted, so builds match)."""
    local = content.localiser(language)
    words = {key: local.string(key) for key in UI_STRINGS}
    sections = {section: local.string(section_string_key(section)) for section in sorted(set(SECTION_OF_COLLECTION.values()))}
    return json.dumps({"strings": words, "sections": sections}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
