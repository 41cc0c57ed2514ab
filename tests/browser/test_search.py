"""Search in Chromium, as readers use it: in their own language, with sections, in Welsh, under the
site's policy sent as a header, with the exit button working, and with JavaScript off."""

from __future__ import annotations

import collections
import re

import pytest
from iopcbench.browsing import HeadersFileHandler, serve_site
from support.content import languages, site_content, url_prefixes
from support.search import RESULT_LINKS, SEARCH_BOX, STATUS, indexed_text, search

SEARCH_FILES = re.compile(r"/pagefind/|/assets/js/search-ui\.js|/search/strings\.json")


def word_only_in(built_site, language: str) -> str:
    """A word the index of ``language`` has many times and the other languages' indexes never."""
    def words(of: str) -> collections.Counter:
        return collections.Counter(word for text in indexed_text(built_site, of).values()
                                   for word in re.findall(r"[^\W\d_]{6,}", text.lower()))
    mine, others = words(language), collections.Counter()
    for other in languages():
        if other != language:
            others.update(words(other))
    return max((count, word) for word, count in mine.items() if word not in others)[1]


def result_paths(page) -> list[str]:
    return page.locator(RESULT_LINKS).evaluate_all("links => links.map(link => new URL(link.href).pathname)")


@pytest.mark.browser
@pytest.mark.for_each("language", languages)
def test_search_finds_only_pages_in_the_readers_language(page, site_url, built_site, language):
    word = word_only_in(built_site, language)
    page.goto(site_url + url_prefixes()[language])
    assert search(page, word) > 0, f"searching '{word}' found nothing"
    for path in result_paths(page):
        assert path.startswith("/" + url_prefixes()["cy"]) == (language == "cy"), f"'{word}' found {path}"


@pytest.mark.browser
def test_each_result_shows_its_title_section_and_the_words_marked(page, site_url):
    page.goto(site_url)
    assert search(page, "review") > 1
    first = page.locator(".iopc-search-result").first
    assert first.locator(RESULT_LINKS).inner_text().strip()
    assert first.locator(".iopc-search-result__section").inner_text() in {"Guidance", "Questions", "Campaigns"}
    assert "review" in first.locator(".iopc-search-result__excerpt mark").first.inner_text().lower()
    assert re.fullmatch(r"\d+ results", page.locator(STATUS).inner_text())
    assert page.locator(STATUS).get_attribute("role") == "status"  # read out by screen readers


@pytest.mark.browser
@pytest.mark.parametrize("language, words", [("en", "police officer"), ("en", "complaint"), ("cy", "heddlu"),
                                             ("cy", "adolygiad")])
def test_every_word_marked_in_an_excerpt_is_a_word_searched_for(page, site_url, language, words):
    # The index keeps a few places per word per page, rewritten after Pagefind: a place read back wrongly
    # would mark some other word.
    page.goto(site_url + url_prefixes()[language])
    assert search(page, words) > 1
    marked = page.locator(".iopc-search-result__excerpt mark").all_inner_texts()
    starts = tuple(word[:4] for word in words.split())
    assert marked and all(text.lower().lstrip("'\"‘“(").startswith(starts) for text in marked), marked


def results_found(page) -> int:
    """The number of results the status line announces (all of them, not only those shown yet)."""
    return int(re.match(r"\d+", page.locator(STATUS).inner_text())[0])


@pytest.mark.browser
def test_a_reader_narrows_the_results_to_one_section(page, site_url):
    page.goto(site_url)
    search(page, "review")
    everything = results_found(page)
    page.locator("label[for=iopc-search-section-questions]").click()
    # Choosing a section starts a search at once; wait until its results are on the page.
    page.wait_for_function("() => document.querySelector('.iopc-search-panel').dataset.state === 'done'")
    narrowed = page.locator(".iopc-search-result__section").all_inner_texts()
    assert narrowed and set(narrowed) == {"Questions"} and results_found(page) < everything
    assert all("/faqs/" in path for path in result_paths(page))


@pytest.mark.browser
@pytest.mark.parametrize("language, word", [("en", "review"), ("cy", "adolygiad")])
def test_a_keyboard_reader_asks_for_more_results_until_all_are_shown(page, site_url, language, word):
    page.goto(site_url + url_prefixes()[language])
    shown = search(page, word)
    found = results_found(page)
    assert 0 < shown < found, f"'{word}' showed {shown} of {found} results at once, so there is nothing more to ask for"
    more = page.locator(".iopc-search-panel__more")
    assert more.inner_text() == site_content().localiser(language).string("search-more")
    page.locator(RESULT_LINKS).last.focus()
    while more.is_visible():
        page.keyboard.press("Tab")
        assert more.evaluate("button => button === document.activeElement")
        page.keyboard.press("Enter")
        page.wait_for_function("shown => document.querySelectorAll('.iopc-search-result__link').length > shown",
                               arg=shown)
        # The focus moves to the first new result, so the reader goes on reading where the list grew.
        first_new = page.locator(RESULT_LINKS).nth(shown)
        assert first_new.evaluate("link => link === document.activeElement")
        shown = page.locator(RESULT_LINKS).count()
        page.locator(RESULT_LINKS).last.focus()
    assert shown == found


@pytest.mark.browser
@pytest.mark.parametrize("typed, written", [("adolygu", "adolygiad")])
def test_welsh_search_finds_the_word_whatever_its_ending(page, site_url, built_site, typed, written):
    having = [path for path, text in indexed_text(built_site, "cy").items()
              if re.search(rf"\b{written}\b", text, re.I) and not re.search(rf"\b{typed}\b", text, re.I)]
    assert having, f"no Welsh page has '{written}' without '{typed}', so this tests nothing"
    page.goto(site_url + url_prefixes()["cy"])
    search(page, typed)
    found = {path.lstrip("/") for path in result_paths(page)}
    assert found & set(having), f"'{typed}' found none of the pages that say '{written}': {sorted(having)}"
    # Either form of the word finds the same pages.
    first = page.locator(STATUS).inner_text()
    search(page, written)
    assert page.locator(STATUS).inner_text() == first


@pytest.mark.browser
def test_the_welsh_pages_search_in_welsh_and_say_what_to_try(page, site_url):
    page.goto(site_url + url_prefixes()["cy"])
    assert search(page, "zzyzxq") == 0
    strings = site_content().localiser("cy")
    assert page.locator(STATUS).inner_text() == strings.string("search-none")
    assert page.locator(".iopc-search-panel__help").inner_text() == strings.string("search-none-help")
    assert page.locator("#iopc-search-heading").inner_text() == strings.string("search-results-heading")
    assert page.locator(".iopc-search-panel__close").inner_text() == strings.string("search-close")
    search(page, "cwyn")
    assert re.fullmatch(r"\d+ canlyniad", page.locator(STATUS).inner_text())
    assert page.locator(".iopc-search-panel__sections legend").inner_text() == strings.string("search-sections-label")


@pytest.mark.browser
@pytest.mark.for_each("language", languages)
def test_nothing_of_search_loads_until_a_reader_searches(page, site_url, language):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + url_prefixes()[language] + "contact/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    page.locator(SEARCH_BOX).focus()  # reaching the box is not searching
    page.wait_for_timeout(300)
    assert [url for url in fetched if SEARCH_FILES.search(url)] == []
    search(page, "police" if language == "en" else "heddlu")
    assert any("/pagefind/pagefind.js" in url for url in fetched)


@pytest.fixture(scope="module")
def site_with_header_policy(built_site):
    """The site as a host that reads _headers serves it: the Content-Security-Policy as an HTTP header."""
    with serve_site(built_site, HeadersFileHandler) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_search_works_under_the_policy_sent_as_a_header(page, site_with_header_policy, prefix):
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    response = page.goto(site_with_header_policy + prefix)
    assert "wasm-unsafe-eval" in response.headers["content-security-policy"]
    assert search(page, "review" if not prefix else "adolygiad") > 0
    assert blocked == []


@pytest.mark.browser
def test_the_exit_button_and_shift_three_times_still_work_with_search_open(browser, site_url):
    exit_to = str(site_content().config.exit_page_url)
    for how in ("button", "shift"):
        context = browser.new_context()
        page = context.new_page()
        page.goto(site_url)
        search(page, "review")
        context.route(lambda url: url.startswith(exit_to),
                      lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"))
        if how == "button":
            page.locator(".iopc-exit__button").click()
        else:
            page.locator("#iopc-search-heading").focus()
            for _ in range(3):
                page.keyboard.press("Shift")
        page.wait_for_url(lambda url: url.startswith(exit_to), timeout=5000)
        context.close()


@pytest.mark.browser
def test_results_fit_a_320_pixel_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + url_prefixes()["cy"])
    assert search(page, "adolygiad") > 0
    assert page.locator(SEARCH_BOX).is_visible() and page.locator(".iopc-search-form__button").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


@pytest.mark.browser
@pytest.mark.for_each("language", languages)
def test_without_javascript_the_search_form_leads_to_other_ways_to_find_pages(browser, site_url, language):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    prefix = url_prefixes()[language]
    page.goto(site_url + prefix + "contact/")
    page.locator(SEARCH_BOX).fill("review")
    page.locator(".iopc-search-form__button").click()
    page.wait_for_url(f"**/{prefix}search/?q=review")
    local = site_content().localiser(language)
    assert local.string("search-nojs") in page.locator("[data-iopc-search-nojs]").inner_text()
    links = page.locator("[data-iopc-search-nojs] a").evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert f"/{prefix}" in links and f"/{prefix}faqs/" in links
    context.close()
