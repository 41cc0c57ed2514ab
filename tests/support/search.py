"""The site's search index as the tests read it, and searching as a reader does in the browser."""

from __future__ import annotations

from pathlib import Path

from iopcsite.search.pagefind_index import BUNDLE, indexed_chunks, indexed_pages

SEARCH_BOX = "#iopc-search-box"
RESULT_LINKS = ".iopc-search-result__link"
STATUS = ".iopc-search-panel__status"


def indexed_paths(built_site: Path, language: str) -> set[str]:
    """The site paths ('faqs/reviews/', 'cy/') of every page in ``language``'s search index."""
    return {page["url"].lstrip("/") for page in indexed_pages(Path(built_site) / BUNDLE).get(language, [])}


def indexed_text(built_site: Path, language: str) -> dict[str, str]:
    """Each indexed page's text, by site path."""
    return {page["url"].lstrip("/"): page["content"] for page in indexed_pages(Path(built_site) / BUNDLE).get(language, [])}


def chunk_fetched_for(chunks: list[tuple[str, str, list]], term: str) -> int | None:
    """Which chunk Pagefind's browser code fetches for a query word: the first whose range holds the
    word, compared as UTF-8 bytes (pagefind_web's ``try_request_indexes``)."""
    word = term.encode()
    return next((number for number, (start, end, _) in enumerate(chunks)
                 if start.encode() <= word <= end.encode()), None)


def search(page, words: str) -> int:
    """Type ``words`` into the header's search box, press Enter and wait for the results; returns how many."""
    box = page.locator(SEARCH_BOX)
    box.fill(words)
    box.press("Enter")
    page.wait_for_function("""words => {
        const panel = document.querySelector('.iopc-search-panel');
        return panel && !panel.hidden && panel.dataset.state === 'done' && panel.dataset.query === words;
    }""", arg=words, timeout=15_000)
    return page.locator(RESULT_LINKS).count()
