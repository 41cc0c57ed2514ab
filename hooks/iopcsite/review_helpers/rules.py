"""The rules of the two review helpers, in Python: the deadline and "Who reviews my complaint?".

``docs/assets/js/review-helpers.js`` implements the same rules in the browser.
Both are run against the one table of cases in ``docs/_data/review-rules.yml``,
so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from babel.dates import get_day_names, get_month_names

from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.authoring.model_files import load_model_file
from iopcsite.authoring.yaml_source import YamlDocument
from iopcsite.config.localiser import BABEL_LOCALES
from iopcsite.config.site_config import DATA_DIR
from iopcsite.review_helpers.models import Checker, DeadlineRule, ReviewRules

RULES_FILE = DATA_DIR / "review-rules.yml"
DATE_FIELDS = ("day", "month", "year")
DIGITS = re.compile(r"^[0-9]+$")


# --- The deadline ---------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    """The answer for a valid letter date."""

    status: str
    letter: dt.date
    first_day: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class DateProblem:
    """Why a typed date cannot be used, and which fields to mark."""

    error: str
    fields: tuple[str, ...]


def days_in_month(year: int, month: int) -> int:
    """Days in a month of the Gregorian calendar, for any year (year 0 included)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def last_day(letter: dt.date, rule: DeadlineRule) -> dt.date:
    """The last day a review may arrive: day 1 is the day after the letter, so letter + days."""
    return letter + dt.timedelta(days=rule.days)


def read_letter_date(day: str, month: str, year: str, today: dt.date, rule: DeadlineRule) -> Deadline | DateProblem:
    """Check what was typed in the three fields, GOV.UK style, and work out the deadline."""
    values = {"day": day.strip(), "month": month.strip(), "year": year.strip()}
    missing = tuple(name for name in DATE_FIELDS if not values[name])
    if len(missing) == len(DATE_FIELDS):
        return DateProblem("enter-date", DATE_FIELDS)
    if missing:
        return DateProblem("missing-" + "-".join(missing), missing)
    not_numbers = tuple(name for name in DATE_FIELDS if not DIGITS.match(values[name]))
    if not_numbers:
        return DateProblem("not-numbers", not_numbers)
    if len(values["year"]) != 4:
        return DateProblem("year-four-digits", ("year",))
    d, m, y = int(values["day"]), int(values["month"]), int(values["year"])
    if not 1 <= m <= 12:
        return DateProblem("not-real", ("month",))
    if not 1 <= d <= days_in_month(y, m):
        return DateProblem("not-real", ("day",))
    earliest = rule.earliest_letter
    if (y, m, d) < (earliest.year, earliest.month, earliest.day):
        return DateProblem("too-early", DATE_FIELDS)
    letter = dt.date(y, m, d)
    if letter > today:
        return DateProblem("future", DATE_FIELDS)
    final = last_day(letter, rule)
    status = "in-time" if final > today else "last-day-today" if final == today else "late"
    return Deadline(status, letter, letter + dt.timedelta(days=1), final)


def date_names(language: str) -> dict[str, list[str]]:
    """Weekday names (Monday first) and month names, as the page shows them."""
    locale = BABEL_LOCALES[language]
    days = get_day_names("wide", context="format", locale=locale)
    months = get_month_names("wide", context="format", locale=locale)
    return {"weekdays": [days[n] for n in range(7)], "months": [months[n] for n in range(1, 13)]}


def full_date(value: dt.date, language: str) -> str:
    """'Wednesday 29 April 2026', 'Dydd Mercher 29 Ebrill 2026'."""
    names = date_names(language)
    return f"{names['weekdays'][value.weekday()]} {value.day} {names['months'][value.month - 1]} {value.year}"


# --- The checker ---------------------------------------------------------------------


class CheckerPathError(ValueError):
    """Answers that do not follow the checker's questions."""


def walk_checker(checker: Checker, answers: dict[str, str]) -> str:
    """The result id reached by answering the questions in order; raise if the answers do not fit."""
    questions = {question.id: question for question in checker.questions}
    results = {result.id: result for result in checker.results}
    current, unsure = checker.start, False
    for position, (question_id, answer_id) in enumerate(answers.items(), 1):
        if question_id != current:
            raise CheckerPathError(f"answer {position} is for '{question_id}', but the question asked is '{current}'.")
        answer = next((a for a in questions[current].answers if a.id == answer_id), None)
        if answer is None:
            raise CheckerPathError(f"'{current}' has no answer '{answer_id}'.")
        unsure = unsure or answer.unsure
        if answer.result:
            if position != len(answers):
                raise CheckerPathError(f"the checker ends after '{current}', but more answers follow.")
            result = results[answer.result]
            return result.unsure_result if unsure and result.unsure_result else result.id
        current = answer.next
    raise CheckerPathError(f"the answers stop before a result; the next question is '{current}'.")


# --- Loading and checking the rules file ---------------------------------------------------


def load_review_rules(root: Path, problems: ProblemList) -> tuple[ReviewRules | None, YamlDocument | None]:
    """Read and check ``review-rules.yml``; every problem goes to ``problems`` with its line."""
    rules, document = load_model_file(root / RULES_FILE, ReviewRules, root, problems)
    if rules is not None:
        problems.extend(check_review_rules(rules, document))
    return rules, document


def check_review_rules(rules: ReviewRules, document: YamlDocument) -> list[ContentProblem]:
    """What types alone cannot catch: ids that must exist, be unique, and form a path to a result."""
    found: list[ContentProblem] = []

    def problem(loc: tuple, message: str, hint: str | None = None) -> None:
        found.append(document.problem(loc, message, hint))

    checker = rules.checker
    question_ids = [q.id for q in checker.questions]
    result_ids = [r.id for r in checker.results]
    _check_unique(question_ids, ("checker", "questions"), "question", problem)
    _check_unique(result_ids, ("checker", "results"), "result", problem)
    if checker.start not in question_ids:
        problem(("checker", "start"), f"there is no question '{checker.start}'.", _known("questions", question_ids))
    for qi, question in enumerate(checker.questions):
        _check_unique([a.id for a in question.answers], ("checker", "questions", qi, "answers"), "answer", problem)
        for ai, answer in enumerate(question.answers):
            loc = ("checker", "questions", qi, "answers", ai)
            if (answer.next is None) == (answer.result is None):
                problem(loc, "an answer needs either 'next' or 'result', not both and not neither.")
            elif answer.next is not None and answer.next not in question_ids:
                problem(loc + ("next",), f"there is no question '{answer.next}'.", _known("questions", question_ids))
            elif answer.result is not None and answer.result not in result_ids:
                problem(loc + ("result",), f"there is no result '{answer.result}'.", _known("results", result_ids))
    for ri, result in enumerate(checker.results):
        if result.unsure_result is not None and result.unsure_result not in result_ids:
            problem(("checker", "results", ri, "unsure_result"), f"there is no result '{result.unsure_result}'.",
                    _known("results", result_ids))
    if not found:
        _check_paths(checker, problem)
        _check_cases(rules, problem)
    return found


def _known(kind: str, ids: list[str]) -> str:
    return f"Known {kind}: {', '.join(ids)}."


def _check_unique(ids: list[str], loc: tuple, kind: str, problem) -> None:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            problem(loc + (index, "id"), f"the {kind} id '{item}' is used twice.", "Give each one its own id.")
        seen.add(item)


def _check_paths(checker: Checker, problem) -> None:
    """Every question is reached from the start, no question leads back to itself, every result is used."""
    questions = {q.id: q for q in checker.questions}
    index = {q.id: i for i, q in enumerate(checker.questions)}
    reached_questions: set[str] = set()
    reached_results: set[str] = set()

    def visit(question_id: str, trail: tuple[str, ...]) -> None:
        if question_id in trail:
            problem(("checker", "questions", index[question_id], "id"),
                    f"the questions go round in a circle: {' -> '.join(trail + (question_id,))}.",
                    "Every path must end in a result.")
            return
        reached_questions.add(question_id)
        for answer in questions[question_id].answers:
            if answer.next:
                visit(answer.next, trail + (question_id,))
            else:
                reached_results.add(answer.result)

    visit(checker.start, ())
    reached_results |= {r.unsure_result for r in checker.results if r.id in reached_results and r.unsure_result}
    for i, question in enumerate(checker.questions):
        if question.id not in reached_questions:
            problem(("checker", "questions", i, "id"), f"no answer leads to the question '{question.id}'.",
                    "Point an answer's 'next' at it, or remove it.")
    for i, result in enumerate(checker.results):
        if result.id not in reached_results:
            problem(("checker", "results", i, "id"), f"no answer leads to the result '{result.id}'.",
                    "Point an answer's 'result' at it, or remove it.")


def _check_cases(rules: ReviewRules, problem) -> None:
    """Test cases must name real questions, answers and results, and say what to expect."""
    checker = rules.checker
    questions = {q.id: q for q in checker.questions}
    result_ids = {r.id for r in checker.results}
    for ci, case in enumerate(rules.tests.checker):
        loc = ("tests", "checker", ci)
        for question_id, answer_id in case.answers.items():
            if question_id not in questions:
                problem(loc + ("answers", question_id), f"there is no question '{question_id}'.",
                        _known("questions", list(questions)))
            elif answer_id not in {a.id for a in questions[question_id].answers}:
                problem(loc + ("answers", question_id), f"the question '{question_id}' has no answer '{answer_id}'.",
                        _known("answers", [a.id for a in questions[question_id].answers]))
        if case.expect not in result_ids:
            problem(loc + ("expect",), f"there is no result '{case.expect}'.", _known("results", sorted(result_ids)))
    for ci, case in enumerate(rules.tests.deadline):
        expect = case.expect
        loc = ("tests", "deadline", ci, "expect")
        if (expect.status is None) == (expect.error is None):
            problem(loc, "a case expects either a 'status' or an 'error'.")
        elif expect.status is not None and (expect.last_day is None or expect.shown is None or expect.shown.cy is None):
            problem(loc, "a case with a status needs 'last_day' and 'shown' (with en and cy).")
        elif expect.error is not None and not expect.error_fields:
            problem(loc, "a case with an error needs 'error_fields': the fields marked as wrong.")
