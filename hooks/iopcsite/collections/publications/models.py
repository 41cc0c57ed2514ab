"""The typed model of a publication, and its dates, which may be a month ('2020-02') or a day."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, HttpUrl

from iopcsite.authoring.base_models import (HoldableItem, LanguageCode, Markdown, Slug, Strict, Text,
                                            TranslatedItem)

DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def _written_date(value: object) -> object:
    """A day YAML read as a date goes back to the text it was written as, so both forms are one type."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _real_date(value: str) -> str:
    found = DATE_PATTERN.match(value)
    if found is None:
        raise ValueError("write the date as YYYY-MM-DD, or YYYY-MM when only the month is known")
    year, month, day = (int(part) if part else None for part in found.groups())
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date: check the month and the day") from None
    return value


PublicationDate = Annotated[str, BeforeValidator(_written_date), AfterValidator(_real_date),
                            Field(json_schema_extra={"pattern": DATE_PATTERN.pattern})]
"""'2020-02' (a month) or '2021-12-01' (a day)."""


def first_day(value: str) -> dt.date:
    """The day a publication date starts on: a month counts from its first day (for ordering only)."""
    year, month, day = (int(part) if part else None for part in DATE_PATTERN.match(value).groups())
    return dt.date(year, month, day or 1)


def is_month(value: str) -> bool:
    """Whether the date names only a month."""
    return DATE_PATTERN.match(value).group(3) is None


PublicationType = Literal["focus", "learning-the-lessons", "consultation-response", "report"]
Status = Literal["verified", "partial", "unverified"]


class PublicationTranslation(TranslatedItem):
    """A publication's words in another language."""

    title: Text = Field(description="The title, translated.")
    summary: Text | None = Field(None, description="The summary, translated.")
    body: Markdown | None = Field(None, description="The body, translated, in Markdown (its PDF is drawn from it).")


class Publication(HoldableItem):
    """One publication: an issue of a series, a consultation response or a report."""

    id: Slug = Field(description="Stable id: the page is /publications/<id>/. Never change a published one.")
    type: PublicationType = Field(description="focus, learning-the-lessons, consultation-response or report.")
    series: Literal["focus", "learning-the-lessons"] | None = Field(
        None, description="The series it is an issue of, if any.")
    issue: int | None = Field(None, ge=1, description="Its issue number in the series.")
    title: Text = Field(description="The title as published (for a Learning the Lessons issue, its theme).")
    published: PublicationDate | None = Field(
        description="When it was first published: YYYY-MM-DD, or YYYY-MM when only the month is known. "
                    "Write null when no source gives it: the page then says the date is not published.")
    updated: PublicationDate | None = Field(None, description="When it was last updated, if it was.")
    theme: Text | None = Field(None, description="The theme of a Learning the Lessons issue.")
    consulting_body: Text | None = Field(None, description="Who ran the consultation it answers.")
    summary: Text | None = Field(None, description="One or two sentences in our own words, from the facts only.")
    body: Markdown | None = Field(None, description="The publication itself, in Markdown: it gets a page and a PDF.")
    topics: list[Slug] = Field(default_factory=list, description="Topic ids from docs/_data/taxonomy.yml.")
    key_area: Slug | None = Field(None, description="A key area id from docs/_data/taxonomy.yml, if any.")
    sources: list[HttpUrl] = Field(min_length=1, description="Where the facts come from (shown on the page).")
    status: Status = Field(description="verified, partial or unverified (see the reference data README): "
                                       "an unverified one is shown marked 'to be confirmed'.")
    translations: dict[LanguageCode, PublicationTranslation] = Field(
        default_factory=dict, description="Its title, summary and body in another language, under the language code (cy).")


class PublicationFile(Strict):
    """One file of publications in docs/_data/publications/."""

    publications: list[Publication] = Field(min_length=1, description="The publications of this series or kind.")
