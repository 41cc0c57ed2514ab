"""The review helpers in Chromium: the same table of cases as tests/test_review_rules.py, typed into the real page.

"Today" is fixed with Playwright's clock, so every case is deterministic.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from iopcsite.authoring.markdown_text import page_url
from iopcsite.config.languages import language_prefixes
from iopcsite.config.site_config import organisation_values
from iopcsite.content.theme_context import page_text
from iopcsite.review_helpers.widgets import HELPER_SCRIPT
from quality.axe import AXE_TAGS
from support.content import (
    case_name,
    checker_cases,
    deadline_cases,
    review_rules,
    site_content,
    url_prefixes,
)

DEADLINE_URL = page_url("review-deadline.md")
CHECKER_URL = page_url("who-reviews.md")


def english_strings():
    return site_content().localiser("en")


def welsh_strings():
    return site_content().localiser("cy")


def welsh_prefix() -> str:
    return url_prefixes()["cy"]


def status_cases() -> list:
    """The deadline cases that end with a status (not an error): the ones shown in Welsh too."""
    return [case for case in deadline_cases() if case.expect.status]


def shown(text, language: str = "en") -> str:
    """A rules text as the page shows it, organisation details filled in."""
    value = text.get(language)
    for name, detail in organisation_values(site_content().config, language).items():
        value = re.sub(r"\{\{\s*org\." + name + r"\s*\}\}", lambda _: detail, value)
    return value


def english(text) -> str:
    return shown(text, "en")


@pytest.fixture
def open_page(browser, site_url):
    """Open a page on a given day (London time), collecting script errors; JavaScript can be switched off."""
    contexts, errors = [], []

    def opener(path: str, today: dt.date = dt.date(2026, 11, 22), javascript: bool = True, width: int = 1280):
        context = browser.new_context(timezone_id="Europe/London", java_script_enabled=javascript,
                                      viewport={"width": width, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        if javascript:
            page.clock.set_fixed_time(dt.datetime(today.year, today.month, today.day, 12, tzinfo=dt.timezone.utc))
        page.goto(site_url + path, wait_until="domcontentloaded")
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == [], f"the page had script errors: {errors}"


def deadline_form(page):
    return page.locator("#iopc-review-deadline")


def type_date(page, day: str, month: str, year: str, local=None) -> None:
    local = local or english_strings()
    labels = [local.string(f"date-{name}") for name in ("day", "month", "year")]
    for name, value in zip(labels, (day, month, year)):
        field = deadline_form(page).get_by_label(name, exact=True)
        field.click()
        field.press_sequentially(value)


@pytest.mark.browser
@pytest.mark.for_each("case", deadline_cases, ids=case_name)
def test_deadline_case_in_the_browser(open_page, case):
    page = open_page(DEADLINE_URL, today=case.today)
    type_date(page, case.letter.day, case.letter.month, case.letter.year)
    deadline_form(page).get_by_role("button", name=english_strings().string("deadline-submit")).click()
    result = page.get_by_role("status")
    summary = page.locator(".iopc-error-summary")
    expect = case.expect
    if expect.error:
        message = english_strings().string(f"deadline-error-{expect.error}").replace(
            "{earliest}", english_strings().date(review_rules().deadline.earliest_letter))
        assert summary.is_visible()
        assert summary.evaluate("element => element === document.activeElement"), "the error summary takes focus"
        assert summary.get_by_role("link").inner_text() == message
        assert page.locator("#iopc-deadline-error").inner_text().endswith(message)
        invalid = [name for name in ("day", "month", "year")
                   if page.locator(f"#iopc-deadline-{name}").get_attribute("aria-invalid") == "true"]
        assert invalid == expect.error_fields
        described = page.locator("#iopc-review-deadline fieldset").get_attribute("aria-describedby")
        assert "iopc-deadline-error" in described.split()
        assert result.inner_text().strip() == ""
        summary.get_by_role("link").click()
        assert page.locator(f"#iopc-deadline-{expect.error_fields[0]}").evaluate("e => e === document.activeElement")
    else:
        assert not summary.is_visible()
        title = english_strings().string(f"deadline-title-{expect.status}").replace("{last_day}", expect.shown.en)
        assert result.get_by_role("heading").inner_text() == title
        assert f"Day {review_rules().deadline.days} is {expect.shown.en}." in result.inner_text()


@pytest.mark.browser
def test_a_corrected_date_clears_the_error(open_page):
    page = open_page(DEADLINE_URL, today=dt.date(2026, 4, 10))
    type_date(page, "31", "2", "2026")
    page.keyboard.press("Enter")
    assert page.locator(".iopc-error-summary").is_visible()
    page.get_by_label("Day", exact=True).fill("1")
    page.get_by_label("Month", exact=True).fill("4")
    page.keyboard.press("Enter")
    assert not page.locator(".iopc-error-summary").is_visible()
    assert not page.locator("#iopc-deadline-error").is_visible()
    assert page.locator("[aria-invalid]").count() == 0
    assert "Wednesday 29 April 2026" in page.get_by_role("status").inner_text()


def choose(page, question_id: str, answer_id: str, language: str = "en") -> None:
    question = next(q for q in review_rules().checker.questions if q.id == question_id)
    answer = next(a for a in question.answers if a.id == answer_id)
    group = page.locator(f'[data-question="{question_id}"]')
    assert group.is_visible(), f"the question '{question_id}' should be showing"
    assert page.locator("[data-question]:visible").count() == 1, "one question at a time"
    assert group.locator("legend").inner_text() == shown(question.question, language)
    group.get_by_role("radio", name=shown(answer.text, language), exact=True).check()
    continue_text = site_content().localiser(language).string("checker-continue")
    page.locator("#iopc-who-reviews").get_by_role("button", name=continue_text, exact=True).click()


def result_of(result_id: str):
    return next(result for result in review_rules().checker.results if result.id == result_id)


@pytest.mark.browser
@pytest.mark.for_each("case", checker_cases, ids=case_name)
def test_checker_case_in_the_browser(open_page, case):
    page = open_page(CHECKER_URL)
    for question_id, answer_id in case.answers.items():
        choose(page, question_id, answer_id)
    status = page.get_by_role("status")
    result = result_of(case.expect)
    assert status.get_by_role("heading").inner_text() == english(result.title)
    assert english(review_rules().checker.caveat) in status.inner_text()
    assert page.locator("[data-question]:visible").count() == 0


@pytest.mark.browser
@pytest.mark.for_each("case", status_cases, ids=case_name)
def test_deadline_case_in_welsh(open_page, case):
    page = open_page(welsh_prefix() + DEADLINE_URL, today=case.today)
    type_date(page, case.letter.day, case.letter.month, case.letter.year, local=welsh_strings())
    page.keyboard.press("Enter")
    title = welsh_strings().string(f"deadline-title-{case.expect.status}").replace("{last_day}", case.expect.shown.cy)
    assert page.get_by_role("status").get_by_role("heading").inner_text() == title


@pytest.mark.browser
@pytest.mark.for_each("case", checker_cases, ids=case_name)
def test_checker_case_in_welsh(open_page, case):
    page = open_page(welsh_prefix() + CHECKER_URL)
    for question_id, answer_id in case.answers.items():
        choose(page, question_id, answer_id, "cy")
    status = page.get_by_role("status")
    assert status.get_by_role("heading").inner_text() == shown(result_of(case.expect).title, "cy")
    assert shown(review_rules().checker.caveat, "cy") in status.inner_text()
    for link in status.get_by_role("link").all():
        assert link.get_attribute("href").startswith("../"), "links stay in the Welsh site"
        assert not link.get_attribute("href").startswith("../../")


@pytest.mark.browser
def test_checker_asks_for_an_answer_before_moving_on(open_page):
    page = open_page(CHECKER_URL)
    page.get_by_role("button", name=english_strings().string("checker-continue")).click()
    summary = page.locator(".iopc-error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    assert summary.get_by_role("link").inner_text() == english_strings().string("checker-error-choose")
    assert page.locator(f'[data-question="{review_rules().checker.start}"]').is_visible()
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.type") == "radio"


@pytest.mark.browser
def test_back_and_start_again(open_page):
    page = open_page(CHECKER_URL)
    choose(page, "letter-names-body", "no")
    choose(page, "senior-officer", "yes")
    page.get_by_role("button", name=english_strings().string("checker-back"), exact=True).click()
    assert page.locator('[data-question="senior-officer"]').is_visible()
    assert page.get_by_role("status").inner_text().strip() == ""
    assert page.locator('[data-question="senior-officer"] input[value="yes"]').is_checked(), "Back keeps the answer"
    page.get_by_role("button", name=english_strings().string("checker-start-again")).click()
    assert page.locator(f'[data-question="{review_rules().checker.start}"]').is_visible()
    assert page.locator("input:checked").count() == 0
    assert not page.get_by_role("button", name=english_strings().string("checker-back"), exact=True).is_visible()


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")


def tab_to(page, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


@pytest.mark.browser
def test_deadline_by_keyboard_only(open_page):
    page = open_page(DEADLINE_URL, today=dt.date(2026, 4, 10))
    tab_to(page, "iopc-deadline-day")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    assert "Wednesday 29 April 2026" in page.get_by_role("status").inner_text()


@pytest.mark.browser
def test_checker_by_keyboard_only(open_page):
    page = open_page(CHECKER_URL)
    tab_to(page, "iopc-who-letter-names-body-names-iopc")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "iopc-who-letter-names-body-no"
    page.keyboard.press("Enter")
    question = next(q for q in review_rules().checker.questions if q.id == "senior-officer")
    assert focused(page) == english(question.question), "the next question takes focus"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert focused(page) == english(result_of("iopc").title), "the result takes focus"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert focused(page) == english(question.question), "Back by keyboard returns to the question"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.action") == "restart":
            break
    page.keyboard.press("Enter")
    first = next(q for q in review_rules().checker.questions if q.id == review_rules().checker.start)
    assert focused(page) == english(first.question)


@pytest.mark.browser
@pytest.mark.parametrize("path", [DEADLINE_URL, CHECKER_URL])
def test_without_javascript_the_explanation_stands_in(open_page, path):
    page = open_page(path, javascript=False)
    assert page.locator("[data-iopc-helper]").count() == 1
    assert not page.locator("[data-iopc-helper]").is_visible()
    # The helper's own form stays hidden (the header's search form works without JavaScript, and shows).
    assert page.locator("article form").evaluate_all("forms => forms.filter(f => f.offsetParent !== null).length") == 0
    assert page.get_by_role("button", name=re.compile("deadline|Continue")).count() == 0
    text = page.locator("article").inner_text()
    if path == DEADLINE_URL:
        assert "Your outcome letter is dated 1 April" in text and "arrive by 29 April" in text
    else:
        assert "Your outcome letter must say who does the review" in text
        assert "passed on to the right one" in text


@pytest.mark.browser
@pytest.mark.parametrize("path", [DEADLINE_URL, CHECKER_URL])
def test_helpers_fit_a_320_pixel_screen(open_page, path):
    page = open_page(path, today=dt.date(2026, 4, 10), width=320)
    if path == DEADLINE_URL:
        type_date(page, "1", "4", "2026")
        page.keyboard.press("Enter")
    else:
        choose(page, "letter-names-body", "no")
        choose(page, "senior-officer", "no")
        choose(page, "crime-or-discipline", "yes")
    assert page.get_by_role("status").inner_text().strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_helper_script_loads_only_on_helper_pages(built_site):
    helper_pages = {page_url(uri) for uri, page in site_content().published.items() if "{{ helper:" in page_text(page)}
    assert helper_pages == {prefix + url for prefix in language_prefixes(site_content().config).values()
                            for url in (DEADLINE_URL, CHECKER_URL)}
    for html_file in built_site.rglob("*.html"):
        path = html_file.relative_to(built_site).as_posix().removesuffix("index.html")
        uses = HELPER_SCRIPT in html_file.read_text(encoding="utf-8")
        assert uses == (path in helper_pages), path


def test_helper_script_stores_and_sends_nothing(built_site):
    script = (built_site / HELPER_SCRIPT).read_text(encoding="utf-8")
    for forbidden in ("document.cookie", "localStorage", "sessionStorage", "fetch(", "XMLHttpRequest",
                      "sendBeacon", "WebSocket", "eval(", "innerHTML"):
        assert forbidden not in script, forbidden


def axe_violations(page, selector: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    rules = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    found = Axe().run(page, context={"include": [selector]}, options=rules).response["violations"]
    return [f"{item['id']}: {[node['target'] for node in item['nodes']]}" for item in found]


@pytest.mark.browser
def test_axe_finds_nothing_in_the_deadline_helper(open_page):
    page = open_page(DEADLINE_URL, today=dt.date(2026, 4, 10))
    assert axe_violations(page, "#iopc-review-deadline") == []
    type_date(page, "31", "2", "2026")
    page.keyboard.press("Enter")
    assert axe_violations(page, "#iopc-review-deadline") == [], "with an error showing"
    page.get_by_label("Day", exact=True).fill("1")
    page.get_by_label("Month", exact=True).fill("4")
    page.keyboard.press("Enter")
    assert axe_violations(page, "#iopc-review-deadline") == [], "with a result showing"


@pytest.mark.browser
def test_axe_finds_nothing_in_the_checker(open_page):
    page = open_page(CHECKER_URL)
    assert axe_violations(page, "#iopc-who-reviews") == []
    page.get_by_role("button", name=english_strings().string("checker-continue")).click()
    assert axe_violations(page, "#iopc-who-reviews") == [], "with an error showing"
    choose(page, "letter-names-body", "no")
    choose(page, "senior-officer", "yes")
    assert axe_violations(page, "#iopc-who-reviews") == [], "with a result showing"
