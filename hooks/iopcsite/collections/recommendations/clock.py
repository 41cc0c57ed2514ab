"""The response clock: whether a recommendation's reply is due, overdue, received or published.

One function, ``response_clock``, holds the rule; its cases are in
``docs/_data/recommendation-clock.yml`` (tests run every case), beside the rule's numbers and source.
The build's clock (``content.publishing.today``, the one embargoes use) says what "today" is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from iopcsite.authoring.base_models import Strict, Text
from iopcsite.authoring.errors import ProblemList
from iopcsite.authoring.model_files import load_model_file
from iopcsite.config.site_config import DATA_DIR

from iopcsite.collections.recommendations.models import ResponseStatus

CLOCK_FILE = DATA_DIR / "recommendation-clock.yml"
ClockState = Literal["due", "overdue", "received", "published", "none"]


class ClockRule(Strict):
    """The law's numbers."""

    reply_within_days: int = Field(ge=1, description="The reply is due before the end of this many days, "
                                                     "beginning with the day the recommendation was made.")
    publish_within_days: int = Field(ge=1, description="The watchdog publishes a reply within this many days of receiving it.")
    source: Text = Field(description="Where the rule comes from.")


class ClockCase(Strict):
    """One case: the inputs and what the clock must say."""

    name: Text = Field(description="What the case shows, in a few words.")
    today: dt.date = Field(description="The build's date.")
    made: dt.date | None = Field(None, description="The date of recommendation.")
    due_given: dt.date | None = Field(None, description="A due date the source gives, or an extension.")
    status: ResponseStatus | None = Field(None, description="The response status the source gives.")
    received: dt.date | None = Field(None, description="When the response was received.")
    published: dt.date | None = Field(None, description="When the response was published.")
    state: ClockState = Field(description="What the clock must say: due, overdue, received or published.")
    due: dt.date | None = Field(None, description="The due date the clock must show.")
    worked_out: bool = Field(False, description="true when the due date is worked out from the rule.")
    days_left: int | None = Field(None, description="For 'due': the days left (0 on the last day).")
    overdue_since: dt.date | None = Field(None, description="For 'overdue': the first day the reply was late.")
    published_late: bool = Field(False, description="true when the reply was published after the time allowed.")


class ClockFile(Strict):
    """``docs/_data/recommendation-clock.yml``."""

    rule: ClockRule = Field(description="The days to reply and to publish the law sets, and where that is written.")
    cases: list[ClockCase] = Field(min_length=1, description="The cases the clock function is tested against.")


@dataclass(frozen=True)
class Clock:
    """What a recommendation shows about its reply."""

    state: ClockState
    due: dt.date | None = None  # the last day for the reply
    worked_out: bool = False  # True when ``due`` was worked out from the rule, not given by a source
    days_left: int | None = None  # for 'due': 0 on the last day
    overdue_since: dt.date | None = None  # for 'overdue': the first day after the due date
    published_late: bool = False  # published more than ``publish_within_days`` after it was received


def response_clock(rule: ClockRule, today: dt.date, made: dt.date | None, due_given: dt.date | None,
                   status: str | None, received: dt.date | None, published: dt.date | None) -> Clock:
    """The clock for one recommendation. A due date from the source (or an extension) wins over the
    worked-out one: the last of ``reply_within_days`` days beginning with the day made is made + days - 1.
    With no date made there is no clock, unless the reply is already received or published."""
    due, worked_out = _due_date(rule, made, due_given)
    if status == "published":
        late = received is not None and published is not None and (published - received).days > rule.publish_within_days
        return Clock("published", due, worked_out, published_late=late)
    if status == "received" or received is not None:
        return Clock("received", due, worked_out)
    if made is None or due is None:
        return Clock("none")
    if today <= due:
        return Clock("due", due, worked_out, days_left=(due - today).days)
    return Clock("overdue", due, worked_out, overdue_since=due + dt.timedelta(days=1))


def _due_date(rule: ClockRule, made: dt.date | None, due_given: dt.date | None) -> tuple[dt.date | None, bool]:
    if due_given is not None:
        return due_given, False
    if made is None:
        return None, False
    return made + dt.timedelta(days=rule.reply_within_days - 1), True


def case_clock(rule: ClockRule, case: ClockCase) -> Clock:
    """What ``response_clock`` says for one case of the data file."""
    return response_clock(rule, case.today, case.made, case.due_given, case.status, case.received, case.published)


def load_clock(root: Path, problems: ProblemList) -> ClockFile | None:
    """The rule and its cases (None when the file has problems, already reported)."""
    clock, _ = load_model_file(root / CLOCK_FILE, ClockFile, root, problems)
    return clock
