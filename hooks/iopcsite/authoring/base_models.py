"""What every author-facing model is built from: strict models, short texts, languages, holding back.

The editors' JSON Schemas come from these models too."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from iopcsite.authoring.publishing import PublishTime

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
LanguageCode = Literal["en", "cy"]


class Strict(BaseModel):
    """Every author-facing model refuses unknown keys, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def draft_field() -> bool:
    """The ``draft`` field shared by everything an author can hold back."""
    return Field(False, description="true while this is not ready: it is left out of the public site "
                                    "(make serve still shows it, with a 'Draft' banner).")


def publish_from_field() -> PublishTime | None:
    """The ``publish_from`` field shared by everything an author can embargo."""
    return Field(None, description="Keep this off the public site until this date and time, London time, "
                                   "written as YYYY-MM-DD HH:MM, for example 2026-12-01 09:00.")


class AuthorMarkdown:
    """Marks a text field as Markdown an author writes: its links, placeholders, plain English and
    HTML are checked wherever it appears, in every collection (see ``markdown_fields``)."""

    def __repr__(self) -> str:
        return "AuthorMarkdown()"


Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AuthorMarkdown()]
"""A text an author writes in Markdown, such as an answer."""


def markdown_fields(model: BaseModel, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(where in the file, text) of every ``Markdown`` field in ``model`` and the models inside it."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        if value is None:
            continue
        if any(isinstance(mark, AuthorMarkdown) for mark in info.metadata):
            yield loc + (key,), value
        else:
            yield from _markdown_inside(value, loc + (key,))


def _markdown_inside(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, BaseModel):
        yield from markdown_fields(value, loc)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _markdown_inside(item, loc + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _markdown_inside(item, loc + (key,))


def strings_in(value: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(where in the file, text) of every text inside a model or a parsed YAML tree."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from strings_in(getattr(value, name), loc + (info.alias or name,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, loc + (key,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from strings_in(item, loc + (index,))


class HoldableItem(Strict):
    """What every item an author can keep off the public site has: ``draft`` and ``publish_from``."""

    draft: bool = draft_field()
    publish_from: PublishTime | None = publish_from_field()


class ReviewedItem(Strict):
    """What every item someone must check now and then has: ``last_reviewed`` and ``review_by``."""

    last_reviewed: dt.date = Field(description="When someone last checked this was right.")
    review_by: dt.date = Field(description="When this must be checked again.")


TranslationState = Literal["complete", "needs-review"]


class TranslatedItem(Strict):
    """What every translation has: how complete it is."""

    translation: TranslationState = Field("complete", description="complete, or needs-review while a translator checks it.")


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
