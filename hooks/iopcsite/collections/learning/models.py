"""The typed models of ``docs/_data/learning/``: the hub, the key areas of work and our strategy.

Every text is ``Bilingual``: English, with its Welsh once translated. A list the sources
do not give is left out (an empty list), never filled in.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, HttpUrl

from iopcsite.authoring.base_models import Bilingual, HoldableItem, Slug, Strict, Text

SectionCollection = Literal["news", "publications", "recommendations", "forces", "statistics", "learning"]


class HubEntry(Strict):
    """One section the hub leads to. It is shown only when its collection publishes its page."""

    id: Slug = Field(description="Stable id for this entry.")
    title: Bilingual = Field(description="The section's name, the link's words.")
    text: Bilingual = Field(description="One or two sentences about what the section holds.")
    page: Text = Field(description="The section's page, as a docs path such as publications/focus.md.")
    collection: SectionCollection = Field(description="The collection that makes the page: the entry waits until it does.")


class Hub(HoldableItem):
    """``docs/_data/learning/hub.yml``: the learning hub page."""

    title: Bilingual = Field(description="The hub's title.")
    description: Bilingual = Field(description="One sentence for search engines.")
    intro: list[Bilingual] = Field(min_length=1, description="Why we share learning: one short paragraph per item.")
    entries: list[HubEntry] = Field(min_length=1, description="The sections, in the order shown.")


class KeyArea(Strict):
    """One key area of work: its id is the taxonomy's, so items tagged with it are listed on its page."""

    id: Slug = Field(description="A key area id from docs/_data/taxonomy.yml.")
    summary: Bilingual = Field(description="One or two sentences: what this area is and why it matters.")
    focus: list[Bilingual] = Field(default_factory=list, description="What we focus on in this area, one point each.")
    done: list[Bilingual] = Field(default_factory=list, description="What we have done, one point each, with its date.")


class KeyAreas(HoldableItem):
    """``docs/_data/learning/key-areas.yml``: the key areas of work."""

    title: Bilingual = Field(description="The title of the key areas page.")
    description: Bilingual = Field(description="One sentence for search engines.")
    intro: Bilingual = Field(description="The first paragraph of the key areas page.")
    key_areas: list[KeyArea] = Field(min_length=1, description="The key areas, in the order shown.")


class StrategyArea(Strict):
    """One area of the strategy, in the page pattern: summary, what we'll achieve, how, tags."""

    id: Slug = Field(description="Stable id: the area's anchor on the page.")
    title: Bilingual = Field(description="The area's heading: the objective, as the strategy words it.")
    summary: Bilingual = Field(description="One or two sentences in plain words.")
    achieve: list[Bilingual] = Field(default_factory=list, description="'What we'll achieve', from the strategy only. "
                                                                       "Leave empty when the source does not give it.")
    how: list[Bilingual] = Field(default_factory=list, description="'How we'll achieve this', from the strategy only.")
    topics: list[Slug] = Field(default_factory=list, description="Topic ids from docs/_data/taxonomy.yml, shown as tags.")


class Strategy(HoldableItem):
    """``docs/_data/learning/strategy.yml``: our strategy page."""

    title: Bilingual = Field(description="The page title.")
    description: Bilingual = Field(description="One sentence for search engines.")
    name: Bilingual = Field(description="The strategy's own name.")
    intro: list[Bilingual] = Field(min_length=1, description="The first paragraphs.")
    first_published: dt.date | None = Field(None, description="When the strategy was first published; leave out "
                                                               "when no source gives it (the page says so).")
    areas: list[StrategyArea] = Field(min_length=1, description="The strategy's areas (its objectives), in order.")
    commitments_intro: Bilingual = Field(description="The sentence before the commitments.")
    commitments: list[Bilingual] = Field(default_factory=list, description="What the strategy commits us to, one each.")
    source: HttpUrl = Field(description="Where the strategy is published in full.")
