"""The rules behind the two review helpers, and the cases that test them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from iopcsite.authoring.base_models import Bilingual, Slug, Strict, Text


class ResultLink(Strict):
    text: Bilingual = Field(description="The words of the link.")
    link: Text = Field(description="A page of this site, such as 'ask-for-a-review.md#how-to-apply'.")


class DeadlineRule(Strict):
    """The time limit for applying for a review (Police (Complaints and Misconduct) Regulations 2020, reg 29)."""

    days: int = Field(ge=1, le=366, description="How many days people have to apply.")
    counting_starts: Literal["day-after"] = Field(
        description="Day 1 is the day after the date on the outcome letter, so the last day is the letter date plus 'days'.")
    earliest_letter: dt.date = Field(
        description="Letters dated before this are under older rules: the calculator sends people to contact us.")
    source: Text = Field(description="Where the rule comes from, for people checking it.")
    links: list[ResultLink] = Field(default_factory=list, description="Links shown under every answer.")


class CheckerAnswer(Strict):
    """One choice in a question of the 'Who reviews my complaint?' checker."""

    id: Slug = Field(description="Stable id, used by the test cases.")
    text: Bilingual = Field(description="The words next to the radio button.")
    next: Slug | None = Field(None, description="The id of the question to ask next. Give 'next' or 'result', not both.")
    result: Slug | None = Field(None, description="The id of the result to show.")
    unsure: bool = Field(False, description="True for 'I do not know' answers: results may then show their 'unsure_result'.")


class CheckerQuestion(Strict):
    """One step of the checker: a question with radio answers."""

    id: Slug
    question: Bilingual = Field(description="The question, shown as the legend of the radios.")
    hint: Bilingual | None = Field(None, description="Help under the question, in plain words.")
    answers: list[CheckerAnswer] = Field(min_length=2)


class CheckerResult(Strict):
    """Where the checker ends: who is likely to do the review, and what to do."""

    id: Slug
    reviewer: Literal["iopc", "local-policing-body", "unknown"] = Field(description="Who reviews the complaint.")
    title: Bilingual = Field(description="The answer, in one short sentence.")
    text: list[Bilingual] = Field(min_length=1, description="Paragraphs explaining the answer.")
    links: list[ResultLink] = Field(default_factory=list)
    unsure_result: Slug | None = Field(
        None, description="Show this result instead when the person answered 'I do not know' on the way here.")


class Checker(Strict):
    """The 'Who reviews my complaint?' checker (reg 32 and Schedule 3 para 32)."""

    start: Slug = Field(description="The id of the first question.")
    caveat: Bilingual = Field(description="Shown with every result: the outcome letter decides.")
    questions: list[CheckerQuestion] = Field(min_length=1)
    results: list[CheckerResult] = Field(min_length=1)


class LetterDate(Strict):
    """What someone types into the Day, Month and Year fields (kept as text: typing mistakes are cases too)."""

    day: str = ""
    month: str = ""
    year: str = ""


DeadlineError = Literal["enter-date", "missing-day", "missing-month", "missing-year", "missing-day-month",
                        "missing-day-year", "missing-month-year", "not-numbers", "year-four-digits", "not-real",
                        "too-early", "future"]
DeadlineStatus = Literal["in-time", "last-day-today", "late"]
DateField = Literal["day", "month", "year"]


class DeadlineExpectation(Strict):
    status: DeadlineStatus | None = Field(None, description="in-time, last-day-today or late. Give this or 'error'.")
    last_day: dt.date | None = Field(None, description="The last day the review must arrive.")
    shown: Bilingual | None = Field(None, description="The last day exactly as the page shows it.")
    error: DeadlineError | None = Field(None, description="The message the person gets instead of a date.")
    error_fields: list[DateField] = Field(default_factory=list, description="The fields marked as wrong.")


class DeadlineCase(Strict):
    """One test of the calculator: what is typed, what day it is, what must come out."""

    name: Text
    letter: LetterDate
    today: dt.date
    expect: DeadlineExpectation


class CheckerCase(Strict):
    """One test of the checker: the answers given in order, and the result that must come out."""

    name: Text
    answers: dict[Slug, Slug] = Field(min_length=1, description="question id: answer id, in the order asked.")
    expect: Slug = Field(description="The id of the result.")


class HelperTests(Strict):
    deadline: list[DeadlineCase] = Field(min_length=1)
    checker: list[CheckerCase] = Field(min_length=1)


class ReviewRules(Strict):
    """``docs/_data/review-rules.yml``: the rules behind both review helpers, and their test table."""

    deadline: DeadlineRule
    checker: Checker
    tests: HelperTests
