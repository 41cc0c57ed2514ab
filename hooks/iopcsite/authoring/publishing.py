"""Drafts, embargoes and review dates: what is published now, and what is overdue.

One filter for everything an author can hold back (pages, FAQs, campaigns,
products): anything with ``draft`` and ``publish_from`` attributes. The clock
is injectable (``IOPC_NOW`` or a parameter) so tests and builds are repeatable;
the time never appears in the output, only which items are in it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Protocol
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

LONDON = ZoneInfo("Europe/London")
NOW_VARIABLE = "IOPC_NOW"
PREVIEW_VARIABLE = "IOPC_PREVIEW"
PUBLISH_FROM_EXAMPLE = "2026-12-01 09:00"
_WRITTEN_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def _london_time(value: Any) -> dt.datetime:
    """An author's ``publish_from`` as an exact moment: London time unless they gave an offset."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=LONDON) if value.tzinfo is None else value.astimezone(LONDON)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=LONDON)
    match = _WRITTEN_TIME.match(value.strip()) if isinstance(value, str) else None
    if match:
        try:
            day = dt.date.fromisoformat(match.group(1))
            hour, minute, second = (int(part or 0) for part in match.group(2, 3, 4))
            return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=LONDON)
        except ValueError:
            pass
    raise PydanticCustomError(
        "publish_time",
        "expected a date, or a date and time in London time, written as YYYY-MM-DD or YYYY-MM-DD HH:MM "
        "(24-hour clock), for example {example}",
        {"example": PUBLISH_FROM_EXAMPLE},
    )


PublishTime = Annotated[
    dt.datetime,
    BeforeValidator(_london_time),
    WithJsonSchema({
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?)?$",
        "examples": [PUBLISH_FROM_EXAMPLE, "2027-01-15"],
    }),
]
"""A moment written by an author: a date (midnight) or a date and time, in London time."""


class Holdable(Protocol):
    """Anything an author can keep back: a page, a FAQ, a campaign, a product."""

    draft: bool
    publish_from: dt.date | dt.datetime | None


class Status(str, Enum):
    """Whether the public can see an item now."""

    published = "published"
    draft = "draft"
    embargoed = "embargoed"


def publish_moment(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    """``publish_from`` as an aware datetime (a plain date means midnight in London)."""
    return None if value is None else _london_time(value)


def status(item: Holdable, now: dt.datetime) -> Status:
    """Draft beats embargo: a draft stays hidden even after its publish time."""
    if item.draft:
        return Status.draft
    moment = publish_moment(item.publish_from)
    if moment is not None and moment > now:
        return Status.embargoed
    return Status.published


def is_public(item: Holdable, now: dt.datetime) -> bool:
    """True when the public site may show ``item`` at ``now``."""
    return status(item, now) is Status.published


@dataclass(frozen=True)
class Publishing:
    """How this build treats held-back content: the moment it publishes at, and preview or not."""

    now: dt.datetime
    preview: bool = False
    # Every publish time this build has compared with ``now``: what it shows stays the same
    # until the next of them (see ``unchanged_between``).
    compared: set[dt.datetime] = field(default_factory=set, compare=False, repr=False)

    @property
    def today(self) -> dt.date:
        """Today's date in London, for review dates."""
        return self.now.astimezone(LONDON).date()

    def shows(self, item: Holdable) -> bool:
        """True when this build shows ``item``: public items always, held-back ones only in a preview.

        The one filter for pages, FAQs, campaigns and products, so none can leak by a different rule.
        """
        moment = publish_moment(item.publish_from)
        if moment is not None:
            self.compared.add(moment)
        return self.preview or is_public(item, self.now)

    def unchanged_between(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """(the last publish time already passed, the next one to come) of those compared so far:
        at any moment in between, ``shows`` gives every item the same answer."""
        passed = [moment for moment in self.compared if moment <= self.now]
        to_come = [moment for moment in self.compared if moment > self.now]
        return (max(passed) if passed else None), (min(to_come) if to_come else None)


def current_now(environ: dict[str, str] | None = None) -> dt.datetime:
    """``IOPC_NOW`` (for tests and rehearsals) or the real clock, in London time."""
    written = (environ if environ is not None else os.environ).get(NOW_VARIABLE, "").strip()
    if not written:
        return dt.datetime.now(LONDON)
    try:
        parsed = dt.datetime.fromisoformat(written)
    except ValueError:
        raise ValueError(f"{NOW_VARIABLE}='{written}' is not a date and time such as 2026-12-01T09:00") from None
    return parsed.replace(tzinfo=LONDON) if parsed.tzinfo is None else parsed.astimezone(LONDON)


def current_publishing(environ: dict[str, str] | None = None) -> Publishing:
    """The publishing mode from the environment: ``make serve`` sets ``IOPC_PREVIEW=1``."""
    environ = environ if environ is not None else dict(os.environ)
    return Publishing(current_now(environ), environ.get(PREVIEW_VARIABLE, "") not in ("", "0"))


def describe_moment(moment: dt.datetime) -> str:
    """'1 December 2026 at 09:00 (London time)': unambiguous for authors."""
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%B %Y} at {local:%H:%M} (London time)"


def prune_nav(nav: list | None, hidden: set[str]) -> list | None:
    """mkdocs.yml's ``nav`` without the held-back pages; a section left empty goes too."""
    if nav is None:
        return None
    pruned = []
    for entry in nav:
        kept = _prune_entry(entry, hidden)
        if kept is not None:
            pruned.append(kept)
    return pruned


def _prune_entry(entry: Any, hidden: set[str]) -> Any:
    if isinstance(entry, str):
        return None if entry in hidden else entry
    if isinstance(entry, dict):
        (title, value), = entry.items()
        if isinstance(value, list):
            children = prune_nav(value, hidden)
            return {title: children} if children else None
        return None if value in hidden else entry
    return entry
