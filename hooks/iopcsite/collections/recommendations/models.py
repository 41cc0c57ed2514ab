"""The typed model of a batch of learning recommendations, its recommendations and their responses.

Values a source does not give stay empty (null): the pages say "not published", and nothing
that needs them (the response clock) is worked out. ``status``, ``missing``, ``as_stored`` and the
``*source`` fields are provenance: they stay in the files, and the pages only use them to mark a
record "to be confirmed".
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from iopcsite.authoring.base_models import Bilingual, HoldableItem, Slug, Strict, Text

Month = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
RecordStatus = Literal["verified", "partial", "unverified"]
ResponseStatus = Literal["awaiting", "received", "published"]
Outcome = Literal["accepted", "not-accepted"]


class Response(Strict):
    """What the recipient replied, as far as a source shows it."""

    status: ResponseStatus | None = Field(None, description="awaiting, received or published; null when no source says.")
    outcome: Outcome | None = Field(None, description="accepted or not-accepted, when the source says which.")
    received: dt.date | None = Field(None, description="When the watchdog received the reply (null: not published).")
    published: dt.date | None = Field(None, description="When the watchdog published the reply (null: not published).")
    summary: Text | None = Field(None, description="The reply, summed up in our own words. Needed for 'published'.")
    complete: bool | None = Field(None, description="false when the source's reply was cut off.")
    as_stored: Text | None = Field(None, description="Provenance: the status wording in the source.")
    verified: bool = Field(True, description="false when the status is seen only in a secondary source.")
    source: Text | None = Field(None, description="Provenance: where the status was seen, if not the batch's sources.")
    note: Text | None = Field(None, description="Provenance: a note on the response.")


class Recommendation(Strict):
    """One recommendation of a batch."""

    number: int = Field(ge=1, description="Its number in the batch, as the watchdog numbers it.")
    recipients: list[Text] | None = Field(None, description="Who it is made to, when not every recipient of the batch.")
    heading: Text | None = Field(None, description="Its heading in the source, if any.")
    text: Text | None = Field(None, description="The watchdog's exact wording (null: not in the source).")
    text_complete: bool | None = Field(None, description="false when the source's text was cut off ('[...]').")
    supporting_text_complete: bool | None = Field(None, description="Provenance: whether the paragraphs after it were whole.")
    response: Response = Field(default_factory=Response, description="The reply, as far as the sources show it.")


class OverallResponse(Strict):
    """A source's account of the replies to a whole batch."""

    summary: Text = Field(description="What the source says, in our own words.")
    source: Text | None = Field(None, description="Where it was seen.")
    as_stored: Text | None = Field(None, description="Provenance: the wording in the source.")
    note: Text | None = Field(None, description="Provenance: a note on the source.")
    status: RecordStatus | None = Field(None, description="unverified when seen only in a secondary source.")


class Batch(HoldableItem):
    """One batch of learning recommendations, as the watchdog publishes it (one file each).
    ``draft`` or ``publish_from`` keep a new batch off the site until the watchdog publishes it."""

    id: Slug = Field(description="Stable id: the batch's page is /recommendations/<id>/. Never change it once published.")
    title: Text = Field(description="The title the watchdog gives the batch.")
    also_known_as: Text | None = Field(None, description="Another name the batch is known by.")
    report: Text | None = Field(None, description="The report the recommendations come from, if any.")
    month: Month = Field(description="The month the batch's title names (YYYY-MM): it orders the register and gives its year.")
    reference: Text | None = Field(None, description="The watchdog's reference, such as 2021/153511.")
    published: dt.date | None = Field(None, description="When the watchdog published the batch.")
    report_published: dt.date | None = Field(None, description="When the report was published.")
    document_date: Month | None = Field(None, description="The month of the source document (YYYY-MM).")
    date_made: dt.date | None = Field(None, description="The date of recommendation: the response clock starts here.")
    response_due: dt.date | None = Field(None, description="The response due date the source gives, or an extension.")
    recipients: list[Text] = Field(min_length=1, description="Forces (as forces.csv names them) or national bodies.")
    origin: Text | None = Field(None, description="Where the learning came from: an investigation, a review.")
    key_areas: list[Slug] = Field(default_factory=list, description="Key areas from taxonomy.yml.")
    topics: list[Slug] = Field(default_factory=list, description="Topics from taxonomy.yml.")
    context: Text | None = Field(None, description="A short account of the case, in our own words.")
    total_recommendations: int | None = Field(None, ge=1, description="How many recommendations the source says were made.")
    note: Text | None = Field(None, description="A note the source makes, such as why numbers are missing.")
    recommendations_described: list[Text] = Field(default_factory=list, description="Provenance: how a news item described the recommendations.")
    responses_overall: list[OverallResponse] = Field(default_factory=list, description="Accounts of the replies to the whole batch.")
    recommendations: list[Recommendation] = Field(default_factory=list, description="Each recommendation whose number the sources show.")
    sources: list[Text] = Field(min_length=1, description="Where every value here was seen.")
    status: RecordStatus = Field(description="verified, partial, or unverified (published marked 'to be confirmed').")
    missing: list[Text] = Field(default_factory=list, description="Provenance: what the sources did not show.")


class NationalBody(Strict):
    """A national body recommendations are made to."""

    id: Slug = Field(description="Stable id: its page is /recommendations/recipients/<id>/.")
    name: Bilingual = Field(description="Its name, in English and Welsh.")
    short_name: Text | None = Field(None, description="A short name sources use, such as NPCC.")


class NationalBodyList(Strict):
    """``docs/_data/recommendation-bodies.yml``: the one list of national bodies."""

    bodies: list[NationalBody] = Field(min_length=1, description="The national bodies recommendations are made to.")
