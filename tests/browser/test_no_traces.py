"""No traces, no third parties, no policy breaches: what a reader's browser keeps and sends, in Chromium.

One browser context is used the way a reader would: it opens every page, searches,
and uses both review helpers. After each step the test checks that nothing was
stored (cookies, localStorage, sessionStorage, IndexedDB, Cache Storage), that no
request went to another origin, and that the Content-Security-Policy blocked nothing.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from iopcsite.search.pagefind_index import BUNDLE, indexed_pages
from quality.pages import browser_content_pages
from support.content import url_prefixes
from support.search import search

# Added to every document before its own scripts run; it only listens.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => window.__cspViolations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`));
"""

WHAT_THE_PAGE_KEEPS = """async () => ({
  cookies: document.cookie,
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map(database => database.name),
  caches: await caches.keys(),
  cspViolations: window.__cspViolations,
})"""

NOTHING = {"cookies": "", "localStorage": [], "sessionStorage": [], "indexedDB": [], "caches": [], "cspViolations": []}

pytestmark = pytest.mark.browser


class Reader:
    """One reader's browser: a page in a context whose every request, console line and error is recorded."""

    def __init__(self, browser, site_url: str):
        self.site_url = site_url
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
        self.context = browser.new_context()
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.requests: list[str] = []
        self.console: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))

    def open(self, path: str) -> None:
        response = self.page.goto(self.site_url + path)
        assert response.status == 200, f"{path}: HTTP {response.status}"

    def problems(self, step: str) -> list[str]:
        """Everything wrong since the last check, each naming the step; then start afresh."""
        found = []
        kept = self.page.evaluate(WHAT_THE_PAGE_KEEPS)
        for kind, value in kept.items():
            if value != NOTHING[kind]:
                found.append(f"{step}: {kind} = {value!r}")
        cookies = self.context.cookies()
        if cookies:
            found.append(f"{step}: the browser holds cookies {cookies!r}")
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme not in ("data", "blob") and f"{parts.scheme}://{parts.netloc}" != self.origin:
                found.append(f"{step}: a request left the site for {url}")
        found += [f"{step}: console {line}" for line in self.console
                  if line.startswith(("error", "warning", "pageerror"))]
        self.requests.clear()
        self.console.clear()
        return found

    def close(self) -> list[str]:
        state = self.context.storage_state(indexed_db=True)
        self.context.close()
        return [f"at the end the browser kept {kind}: {state[kind]!r}" for kind in ("cookies", "origins") if state[kind]]


@pytest.fixture
def reader(browser, site_url):
    visitor = Reader(browser, site_url)
    yield visitor
    leftovers = visitor.close()
    assert leftovers == [], "\n".join(leftovers)


def a_word_to_search(built_site, language: str) -> str:
    """A word from the first page title in a language's own search index."""
    titles = " ".join(page["meta"]["title"] for page in indexed_pages(built_site / BUNDLE)[language])
    return next(word for word in re.findall(r"[^\W\d_]{5,}", titles))


def test_reading_every_page_and_searching_leaves_no_trace(reader, built_site):
    problems = []
    for path in browser_content_pages():
        reader.open(path)
        problems += reader.problems(path)
    reader.open("404.html")
    problems += reader.problems("404.html")
    for language, prefix in url_prefixes().items():
        word = a_word_to_search(built_site, language)
        reader.open(prefix)
        assert search(reader.page, word) > 0, f"searching the {language} pages for '{word}' found nothing"
        # The words searched for never go into the address, so the browser's history does not keep them.
        assert word not in reader.page.url
        problems += reader.problems(f"searching the {language} pages for '{word}'")
    assert problems == [], "\n".join(problems)


def use_helper(reader: Reader, path: str, fill) -> None:
    """Open a helper, let ``fill`` answer it, and wait for the answer to show."""
    reader.open(path)
    form = reader.page.locator(".iopc-helper__form")
    assert form.count() == 1, f"there is no helper form on {path}"
    fill(reader.page, form)
    reader.page.locator(".iopc-helper__result").get_by_role("heading").wait_for(timeout=5000)


def fill_deadline(page, form) -> None:
    for field, value in (("day", "1"), ("month", "4"), ("year", "2026")):
        form.locator(f"#iopc-deadline-{field}").fill(value)
    form.locator("button[type=submit]").click()


def answer_every_question(page, form) -> None:
    question = page.locator("[data-question]:visible")
    for _ in range(20):
        if question.count() == 0:
            return
        question.first.get_by_role("radio").first.check()
        form.locator("button[type=submit]").click()


def test_using_the_review_helpers_leaves_no_trace(reader):
    use_helper(reader, "review-deadline/", fill_deadline)
    assert "29 April 2026" in reader.page.locator(".iopc-helper__result").inner_text()
    problems = reader.problems("the review deadline calculator")
    use_helper(reader, "who-reviews/", answer_every_question)
    problems += reader.problems("the 'who reviews' checker")
    assert problems == [], "\n".join(problems)


def test_the_policy_blocks_a_script_the_site_did_not_ship(reader):
    """The checks above can fail: a script injected into a page is refused and reported."""
    reader.open("contact/")
    ran = reader.page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.head.appendChild(script);
        return window.__injected === true;
    }""")
    assert not ran
    problems = reader.problems("injecting a script")
    assert any("script-src" in problem and "cspViolations" in problem for problem in problems), problems
    reader.page.evaluate("window.__cspViolations.length = 0")


def test_materials_storage_helpers_keep_nothing(reader):
    reader.open("contact/")
    reader.page.evaluate("__md_set('__palette', {color: {scheme: 'slate'}}); __md_set('__tabs', ['x'], sessionStorage)")
    assert reader.page.evaluate("__md_get('__palette')") is None
    assert reader.problems("Material's storage helpers") == []
