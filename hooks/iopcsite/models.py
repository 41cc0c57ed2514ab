"""Typed models for everything an author writes. The JSON Schemas come from these too."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
LanguageCode = Literal["en", "cy"]


class Strict(BaseModel):
    """Every author-facing model refuses unknown keys, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class TranslationStatus(str, Enum):
    """How far a translation has got."""

    complete = "complete"
    needs_review = "needs-review"
    missing = "missing"


class Bilingual(Strict):
    """A short text in English, with its Welsh when it has one."""

    en: Text = Field(description="The English text.")
    cy: Text | None = Field(None, description="The Welsh text. Leave out until it is translated.")

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to English."""
        return (self.cy if language == "cy" else None) or self.en


# --- Site configuration -------------------------------------------------------


class Organisation(Strict):
    """The organisation's public details. Used everywhere from here, never copied."""

    name: Bilingual = Field(description="Full name, in English and Welsh.")
    short_name: Bilingual = Field(description="Short name or initials.")
    website: HttpUrl = Field(description="Main website address.")
    phone: str | None = Field(None, description="Main public phone number, as people dial it.")
    phone_hours: Bilingual | None = Field(None, description="When the phone line is open.")
    postal_address: list[Text] | None = Field(None, description="Postal address, one line per item.")
    complaint_form_url: HttpUrl = Field(description="The online complaint form.")
    review_form_url: HttpUrl = Field(description="The online form to apply for a review.")
    police_forces_url: HttpUrl | None = Field(None, description="A list of police forces and how to contact them.")


class LanguageConfig(Strict):
    """One language the site is published in."""

    code: LanguageCode
    name: Text = Field(description="The language's own name, for the switcher (English, Cymraeg).")
    path: str = Field(description="URL prefix: '' for the main language, 'cy/' for Welsh.")


class SiteConfig(Strict):
    """``docs/_data/site.yml``: organisation details and site-wide settings."""

    organisation: Organisation
    languages: list[LanguageConfig] = Field(min_length=1)
    exit_page_url: HttpUrl = Field(description="Where 'Exit this page' goes: a neutral site.")
    content_last_checked: dt.date | None = None


# --- Pages -----------------------------------------------------------------------


JourneyStep = Literal["complain", "contact", "outcome", "review"]


class SearchSettings(Strict):
    exclude: bool = False


class PageMeta(Strict):
    """The front matter at the top of every Markdown page."""

    title: Text = Field(description="The page title: the h1 and the browser tab title.", max_length=90)
    description: Text = Field(description="One or two sentences for search engines (meta description).", max_length=200)
    last_reviewed: dt.date = Field(description="When someone last checked the page was right.")
    review_by: dt.date = Field(description="When the page must be checked again.")
    journey_step: JourneyStep | None = Field(None, description="Shows the step-by-step journey with this step marked.")
    translation: Literal["complete", "needs-review"] | None = Field(
        None, description="Translated pages only (page.cy.md): complete, or needs-review while a check is due."
    )
    hide: list[Literal["navigation", "toc", "footer", "path", "tags"]] = Field(default_factory=list)
    search: SearchSettings | None = None
    template: str | None = Field(None, description="A template from overrides/, for special pages.")


# --- FAQs ------------------------------------------------------------------------


class RelatedLink(Strict):
    text: Text = Field(description="The words of the link.")
    link: Text = Field(description="A page of this site, such as 'ask-for-a-review.md#the-28-day-limit'.")


class FaqTranslation(Strict):
    question: Text
    answer: Text
    translation: Literal["complete", "needs-review"] = "complete"
    related: list[RelatedLink] | None = None


class Faq(Strict):
    """One question and answer."""

    id: Slug = Field(description="Stable id: becomes the anchor. Never change it once published.")
    topic: Slug = Field(description="The topic id from faq-topics.yml.")
    question: Text = Field(max_length=150)
    answer: Text = Field(description="The answer, in Markdown.")
    related: list[RelatedLink] = Field(default_factory=list)
    last_reviewed: dt.date
    review_by: dt.date
    translations: dict[LanguageCode, FaqTranslation] = Field(default_factory=dict)


class FaqTopicTranslation(Strict):
    title: Text
    description: Text
    translation: Literal["complete", "needs-review"] = "complete"


class FaqTopic(Strict):
    """A group of FAQs, shown as one page."""

    id: Slug
    title: Text
    description: Text = Field(max_length=200)
    translations: dict[LanguageCode, FaqTopicTranslation] = Field(default_factory=dict)


class FaqTopicList(Strict):
    topics: list[FaqTopic] = Field(min_length=1)


class FaqFile(Strict):
    faqs: list[Faq] = Field(min_length=1)


# --- Journey and strings -----------------------------------------------------------


class JourneyStepSpec(Strict):
    id: JourneyStep
    title: Bilingual
    summary: Bilingual
    link: Text = Field(description="The page (and section) for this step.")


class Journey(Strict):
    title: Bilingual
    steps: list[JourneyStepSpec] = Field(min_length=1)


class StringTable(Strict):
    """``docs/_data/strings.yml``: every interface string of our own, by key."""

    strings: dict[Slug, Bilingual]


# --- Review helpers ------------------------------------------------------------------


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
