"""A Markdown page's front matter, and the step-by-step journey shown on some pages."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from iopcsite.authoring.base_models import (
    Bilingual,
    HoldableItem,
    ReviewedItem,
    Strict,
    Text,
)

JourneyStep = Literal["complain", "contact", "outcome", "review"]


class SearchSettings(Strict):
    """How the site search treats a page."""

    exclude: bool = Field(False, description="true to leave this page out of the site search.")


class PageMeta(HoldableItem, ReviewedItem):
    """The front matter at the top of every Markdown page."""

    title: Text = Field(description="The page title: the h1 and the browser tab title.", max_length=90)
    description: Text = Field(description="One or two sentences for search engines (meta description).", max_length=200)
    journey_step: JourneyStep | None = Field(None, description="Shows the step-by-step journey with this step marked.")
    translation: Literal["complete", "needs-review"] | None = Field(
        None, description="Translated pages only (page.cy.md): complete, or needs-review while a check is due."
    )
    hide: list[Literal["navigation", "toc", "footer", "path", "tags"]] = Field(
        default_factory=list, description="Parts of the page layout to hide, such as toc (the list of sections).")
    search: SearchSettings | None = Field(None, description="Search settings for this page.")
    template: str | None = Field(None, description="A template from overrides/, for special pages.")




class JourneyStepSpec(Strict):
    """One step of the journey."""

    id: JourneyStep = Field(description="Which step this is: complain, contact, outcome or review.")
    title: Bilingual = Field(description="The step's title.")
    summary: Bilingual = Field(description="One sentence about the step.")
    link: Text = Field(description="The page (and section) for this step.")


class Journey(Strict):
    """``docs/_data/journey.yml``: the step-by-step journey."""

    title: Bilingual = Field(description="The heading above the steps.")
    steps: list[JourneyStepSpec] = Field(min_length=1, description="The steps, in order.")
