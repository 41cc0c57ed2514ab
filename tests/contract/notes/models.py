"""The typed model of the notes collection (it exists only in the tests)."""

from __future__ import annotations

from iopcsite.authoring.base_models import (
    HoldableItem,
    LanguageCode,
    Markdown,
    ReviewedItem,
    Slug,
    Strict,
    Text,
    TranslatedItem,
)
from pydantic import Field


class NoteTranslation(TranslatedItem):
    """A note in another language."""

    title: Text = Field(description="The title, translated.")
    body: Markdown = Field(description="The note, translated, in Markdown.")


class Note(HoldableItem, ReviewedItem):
    """One short note: a title and some Markdown."""

    id: Slug = Field(description="Stable id: the note's page is /notes/<id>/.")
    title: Text = Field(description="The note's title.")
    body: Markdown = Field(description="The note, in Markdown.")
    faq_topic: Slug | None = Field(None, description="The FAQ topic this note belongs with (faq-topics.yml).")
    in_search: bool = Field(True, description="false to leave the note out of the site search.")
    translations: dict[LanguageCode, NoteTranslation] = Field(default_factory=dict)


class NoteFile(Strict):
    """One file of notes in ``notes/``."""

    notes: list[Note] = Field(min_length=1)
