"""The front matter of a news item (``docs/_data/news/<name>.md``) and of its translation (``<name>.cy.md``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, HttpUrl

from iopcsite.authoring.base_models import HoldableItem, Slug, Strict, Text, TranslationState

NewsType = Literal["news", "statement", "comment", "publication"]


class NewsMeta(HoldableItem):
    """A news item's front matter. The text under it is the item, in Markdown."""

    id: Slug = Field(description="Stable id: the item's page is /news/<id>/. Never change it once published.")
    title: Text = Field(max_length=120, description="The headline: the page's h1 and the entry in lists and feeds.")
    published: dt.date = Field(description="The day the watchdog published it, written as YYYY-MM-DD.")
    updated: dt.date | None = Field(None, description="The day it was last changed, if it was (YYYY-MM-DD, not before published).")
    type: NewsType = Field("news", description="What kind of item it is: news, statement, comment or publication.")
    topics: list[Slug] = Field(default_factory=list, description="Topic ids from docs/_data/taxonomy.yml.")
    key_area: Slug | None = Field(None, description="A key area id from docs/_data/taxonomy.yml, if the item belongs to one.")
    summary: Text = Field(max_length=300, description="One or two sentences for lists, feeds and search engines.")
    sources: list[HttpUrl] = Field(min_length=1, description="Where the original is: the first is linked as 'Read the original'.")
    to_be_confirmed: bool = Field(False, description="true when the source is not the watchdog's own: the page says "
                                                     "it is to be confirmed.")


class NewsTranslationMeta(Strict):
    """The front matter of a news item's translation (``<name>.cy.md``): its words, not its facts."""

    title: Text = Field(max_length=120, description="The headline, translated.")
    summary: Text = Field(max_length=300, description="The summary, translated.")
    translation: TranslationState = Field(description="complete, or needs-review while a translator checks it.")
