"""The register as the pages see it: each recommendation with its recipients resolved and its clock.

Recipients are written as names (as the sources write them); they are matched here to a force of
the forces collection or to a national body of recommendation-bodies.yml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iopcsite.authoring.errors import ContentProblem, suggest
from iopcsite.collections.recommendations.clock import Clock, ClockRule, response_clock
from iopcsite.collections.recommendations.loader import BODIES_FILE, LoadedBatch
from iopcsite.collections.recommendations.models import Batch, NationalBody, Recommendation

STATES = ("due", "overdue", "received", "published", "none")  # the order filters and pages list them


@dataclass(frozen=True)
class Recipient:
    """A force or a national body, with its names."""

    id: str
    kind: str  # 'force' or 'body'
    name_en: str
    name_cy: str

    def name(self, language: str) -> str:
        return self.name_cy if language == "cy" else self.name_en


@dataclass(frozen=True)
class Row:
    """One recommendation of the register."""

    batch: Batch
    recommendation: Recommendation
    recipients: tuple[Recipient, ...]
    clock: Clock

    @property
    def anchor(self) -> str:
        return f"recommendation-{self.recommendation.number}"

    @property
    def year(self) -> int:
        return int(self.batch.month[:4])

    @property
    def to_be_confirmed(self) -> bool:
        return self.batch.status == "unverified" or not self.recommendation.response.verified


@dataclass(frozen=True)
class RecommendationStatus:
    """A recommendation as another section (a force's page) shows it."""

    batch_id: str
    batch_title: str
    number: int
    uri: str  # the docs path of its place on the batch page: 'recommendations/<batch>.md#recommendation-1'
    state: str  # one of STATES
    due: dt.date | None
    outcome: str | None


class Recipients:
    """Every recipient a batch may name: the forces, then the national bodies."""

    def __init__(self, forces, bodies: list[NationalBody]) -> None:
        self.forces = forces
        self.bodies = bodies

    def find(self, written: str) -> Recipient | None:
        """The recipient a written name means: a force (any of its names) or a body (id, names, short name)."""
        force = self.forces.find(written) if self.forces is not None else None
        if force is not None:
            return Recipient(force.key, "force", force.force_name, force.welsh_name or force.force_name)
        wanted = written.strip().casefold()
        for body in self.bodies:
            if wanted in {name.casefold() for name in (body.id, body.name.en, body.name.cy, body.short_name) if name}:
                return Recipient(body.id, "body", body.name.en, body.name.get("cy"))
        return None

    def problem(self, written: str, loaded: LoadedBatch, loc: tuple) -> ContentProblem:
        """An unknown recipient, with the nearest force or body name."""
        names = [body.name.en for body in self.bodies]
        if self.forces is not None:
            names += [force.force_name for force in self.forces.forces]
        return loaded.document.problem(loc, f"'{written}' is not a police force in forces.csv or a national body in "
                                            f"{BODIES_FILE.as_posix()}.",
                                       (suggest(written, names) or "Write the name as forces.csv or the bodies file has it.")
                                       + f" A new national body is added to {BODIES_FILE.as_posix()} first.")


def recipient_problems(batches: list[LoadedBatch], recipients: Recipients) -> list[ContentProblem]:
    """Every recipient name that is neither a force nor a national body."""
    found = []
    for loaded in batches:
        written = [(("recipients", index), name) for index, name in enumerate(loaded.batch.recipients)]
        for number, recommendation in enumerate(loaded.batch.recommendations):
            written += [(("recommendations", number, "recipients", index), name)
                        for index, name in enumerate(recommendation.recipients or [])]
        found += [recipients.problem(name, loaded, loc) for loc, name in written if recipients.find(name) is None]
    return found


def register_rows(batches: list[Batch], recipients: Recipients, rule: ClockRule, today: dt.date) -> list[Row]:
    """Every recommendation, newest batch first (by month, then id), then by number: the same order every build."""
    rows = []
    for batch in sorted(batches, key=lambda batch: (_negated(batch.month), batch.id)):
        for recommendation in sorted(batch.recommendations, key=lambda item: item.number):
            names = recommendation.recipients or batch.recipients
            found = tuple(recipient for recipient in (recipients.find(name) for name in names) if recipient)
            response = recommendation.response
            clock = response_clock(rule, today, batch.date_made, batch.response_due, response.status,
                                   response.received, response.published)
            rows.append(Row(batch, recommendation, found, clock))
    return rows


def batch_recipients(batch: Batch, recipients: Recipients) -> tuple[Recipient, ...]:
    """The batch's own recipients, resolved."""
    return tuple(recipient for recipient in (recipients.find(name) for name in batch.recipients) if recipient)


def _negated(month: str) -> tuple[int, int]:
    year, number = month.split("-")
    return -int(year), -int(number)
