"""What every author-facing model is built from: strict models, short texts, languages, holding back.

The editors' JSON Schemas come from these models too."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

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
