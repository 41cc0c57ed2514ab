"""One row of a statistics file, as the watchdog's tables publish it.

A by-force table has a row per force and a Total row. ``-`` in a count means there were none
to count and ``n/a`` in a percentage means it could not be worked out: both are read as None,
and shown as "none" and "not published". The ``parse_note``, ``raw_row_text_as_stored`` and
``source`` columns are provenance, kept in the repository and off the tables.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints

from iopcsite.authoring.base_models import Strict, Text

NONE_MARKS = ("-", "n/a")


def _number(value: object) -> object:
    """A cell as a whole number, None for '-' or 'n/a'; anything else is refused in words."""
    if value is None or isinstance(value, int):
        return value
    written = str(value).strip().replace(",", "")
    if written.lower() in NONE_MARKS:
        return None
    if not written.isdigit():
        raise ValueError("expected a whole number, or '-' where the table shows none")
    return int(written)


Number = Annotated[int | None, BeforeValidator(_number)]
Year = Annotated[str, StringConstraints(pattern=r"^\d{4}/\d{2}$")]
TOTAL_ROW = "Total"


class ByForceRow(Strict):
    """A row of a by-force table: the year, the force as the table names it, then the figures."""

    year: Year = Field(description="The financial year, written as 2024/25.")
    police_force_as_published: Text = Field(description="The force as the table names it, for example "
                                                        "'Avon & Somerset', or 'Total' for the table's total row.")
    source: Text = Field(description="The web address of the published table.")

    @property
    def is_total(self) -> bool:
        return self.police_force_as_published == TOTAL_ROW


class CasesFinalisedRow(ByForceRow):
    """Valid complaint cases finalised, outside and under Schedule 3, with the average days each took."""

    cases_finalised_outside_schedule_3: Number = Field(description="Cases finalised outside Schedule 3.")
    avg_days_to_finalise_outside_schedule_3: Number = Field(description="Average working days to finalise them.")
    cases_finalised_under_schedule_3: Number = Field(description="Cases finalised under Schedule 3.")
    avg_days_to_finalise_under_schedule_3_inc_suspension: Number = Field(
        description="Average working days to finalise them, including time suspended.")
    avg_days_to_finalise_under_schedule_3_exc_suspension: Number = Field(
        description="Average working days to finalise them, excluding time suspended.")


class ReviewsRow(ByForceRow):
    """Reviews the watchdog completed, and how many found the outcome not reasonable and proportionate."""

    iopc_reviews_not_investigated_valid_completed: Number = Field(
        description="Valid reviews completed of complaints that were not investigated.")
    iopc_reviews_not_investigated_outcome_not_reasonable_and_proportionate_n: Number = Field(
        description="How many of them found the outcome not reasonable and proportionate.")
    iopc_reviews_not_investigated_outcome_not_reasonable_and_proportionate_pct: Number = Field(
        description="That number as a whole percentage of the reviews completed.")
    iopc_reviews_investigation_valid_completed: Number = Field(
        description="Valid reviews completed of complaints that were investigated.")
    iopc_reviews_investigation_outcome_not_reasonable_and_proportionate_n: Number = Field(
        description="How many of them found the outcome not reasonable and proportionate.")
    iopc_reviews_investigation_outcome_not_reasonable_and_proportionate_pct: Number = Field(
        description="That number as a whole percentage of the reviews completed.")
    parse_note: Text | None = Field(None, description="How the row was read from the source; never shown.")
    raw_row_text_as_stored: Text | None = Field(None, description="The row as the source printed it; never shown.")


class NationalFigure(Strict):
    """One national figure of one year, with its source and whether it was seen on the watchdog's own page."""

    year: Year = Field(description="The financial year, written as 2024/25.")
    measure: Text = Field(description="What is counted, for example 'complaint cases logged'.")
    value: Number = Field(None, description="The figure, a whole number.")
    percent: Number = Field(None, description="The figure as a whole percentage, where the source gives one.")
    note: Text | None = Field(None, description="What the source says about it; never shown.")
    source: Text = Field(description="The web address of the page the figure is from.")
    status: Text = Field(description="'verified' when seen on the watchdog's own page; anything else is "
                                     "shown as 'to be confirmed'.")

    @property
    def verified(self) -> bool:
        return self.status.startswith("verified")
