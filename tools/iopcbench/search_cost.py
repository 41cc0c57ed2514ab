"""What searching costs a reader: the bytes a browser fetches to open search and get results.

Ours (Pagefind) is measured in Chromium against the built site, served gzip-compressed as a
host would: a page of each language is opened, then three queries are typed one after the
other, and the body bytes of every request each step starts are added up. Today's search
(Material's lunr, as plain Material builds it) fetches its worker and the language's whole
index when search opens and nothing more per query; those files are weighed as they are sent.
"""

from __future__ import annotations

import time
from pathlib import Path

from iopcbench.browsing import CHROMIUM_ARGS, chromium_executable, serve_site
from iopcbench.weight import gzip_size

QUERIES = {"en": ("complaint", "review", "police officer"), "cy": ("cwyn", "adolygiad", "heddlu")}
SEARCH_FILES = ("/pagefind/", "/assets/js/search-ui.js", "/search/strings.json")
QUIET_FOR = 0.5  # seconds with no request in flight: the query's fetches are done


class _Traffic:
    """Every request a page makes, with the body bytes of those that finished."""

    def __init__(self, page) -> None:
        self.urls: list[str] = []
        self.bytes: list[int] = []
        self.in_flight = 0
        self.last_change = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._failed)

    def _started(self, request) -> None:
        self.urls.append(request.url)
        self.in_flight += 1
        self.last_change = time.monotonic()

    def _finished(self, request) -> None:
        self.bytes.append(request.sizes()["responseBodySize"])
        self._failed(request)

    def _failed(self, request) -> None:
        self.in_flight -= 1
        self.last_change = time.monotonic()

    def settle(self, page, timeout: float = 30) -> None:
        """Wait until no request has been in flight for a moment."""
        ends = time.monotonic() + timeout
        while time.monotonic() < ends:
            page.wait_for_timeout(100)
            if self.in_flight == 0 and time.monotonic() - self.last_change >= QUIET_FOR:
                return
        raise TimeoutError("the page kept fetching")


def pagefind_costs(site_dir: Path, prefixes: dict[str, str]) -> dict[str, dict]:
    """Per language: whether opening a page fetches anything of search, then the bytes of each query."""
    from playwright.sync_api import sync_playwright

    costs = {}
    with serve_site(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        try:
            for language, prefix in prefixes.items():
                costs[language] = _measure_language(browser, url + prefix, QUERIES.get(language, QUERIES["en"]))
        finally:
            browser.close()
    return costs


def _measure_language(browser, page_url: str, queries: tuple[str, ...]) -> dict:
    context = browser.new_context()
    page = context.new_page()
    traffic = _Traffic(page)
    page.goto(page_url)
    traffic.settle(page)
    loaded_before_search = [found for found in traffic.urls if any(part in found for part in SEARCH_FILES)]
    steps = []
    for query in queries:
        start = len(traffic.bytes)
        box = page.locator("#iopc-search-box")
        box.fill(query)
        box.press("Enter")
        page.locator(".iopc-search-panel__status").wait_for()
        page.wait_for_function("() => !document.querySelector('.iopc-search-panel__status').textContent.endsWith('…')")
        traffic.settle(page)
        steps.append({"query": query, "gzip": sum(traffic.bytes[start:]), "requests": len(traffic.bytes) - start,
                      "results": page.locator(".iopc-search-panel__status").inner_text()})
    context.close()
    return {"fetched_before_search": loaded_before_search, "queries": steps}


def lunr_costs(plain_site: Path, languages: list[str]) -> dict[str, dict]:
    """Per language, what Material's search fetches when it opens: its worker and the whole index."""
    costs = {}
    for language in languages:
        built = Path(plain_site) / language
        index = (built / "search" / "search_index.json").read_bytes()
        worker = next((built / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_bytes()
        first = gzip_size(index) + gzip_size(worker)
        costs[language] = {"queries": [{"gzip": first}] + [{"gzip": 0}] * 2, "index_gzip": gzip_size(index)}
    return costs
