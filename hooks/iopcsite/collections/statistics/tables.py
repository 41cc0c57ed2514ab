"""The statistics files: which table each file is, and the checks that its figures hold together.

A file is named ``<year>-<table>.csv`` (``2024-25-cases-finalised-by-force.csv``) or is the
national figures file (``national-key-figures.csv``). Next year's figures are a new file with
the same columns: nothing else needs to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from iopcsite.authoring.csv_source import CsvRow, read_csv
from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path, suggest
from iopcsite.collections.statistics.comparisons import ROUNDING_RULE, whole_percent
from iopcsite.collections.statistics.models import ByForceRow, CasesFinalisedRow, NationalFigure, ReviewsRow

STATISTICS_DIR = Path("docs/_data/statistics")
NATIONAL_FILE = "national-key-figures.csv"
FILE_NAME = re.compile(r"^(?P<start>\d{4})-(?P<end>\d{2})-(?P<table>[a-z0-9-]+)\.csv$")


@dataclass(frozen=True)
class Measure:
    """A column of figures: what it counts, and, for a percentage, the counts it is worked out from."""

    column: str
    unit: str  # 'cases', 'reviews', 'days' or 'percent': says how it is shown and whether it adds up
    percent_of: tuple[str, str] | None = None  # (the count, out of this count)

    @property
    def adds_up(self) -> bool:
        """Counts add up to the Total row; averages and percentages do not."""
        return self.unit in ("cases", "reviews")


@dataclass(frozen=True)
class TableKind:
    """A kind of by-force table: its file name, its row model, its figures and the figures charted."""

    id: str
    model: type[ByForceRow]
    measures: tuple[Measure, ...]
    charted: tuple[str, ...]


_NOT_INVESTIGATED = "iopc_reviews_not_investigated_"
_INVESTIGATED = "iopc_reviews_investigation_"
TABLE_KINDS = (
    TableKind("cases-finalised-by-force", CasesFinalisedRow, (
        Measure("cases_finalised_outside_schedule_3", "cases"),
        Measure("avg_days_to_finalise_outside_schedule_3", "days"),
        Measure("cases_finalised_under_schedule_3", "cases"),
        Measure("avg_days_to_finalise_under_schedule_3_inc_suspension", "days"),
        Measure("avg_days_to_finalise_under_schedule_3_exc_suspension", "days"),
    ), ("cases_finalised_outside_schedule_3", "cases_finalised_under_schedule_3")),
    TableKind("iopc-reviews-by-force", ReviewsRow, tuple(
        measure for prefix in (_NOT_INVESTIGATED, _INVESTIGATED) for measure in (
            Measure(f"{prefix}valid_completed", "reviews"),
            Measure(f"{prefix}outcome_not_reasonable_and_proportionate_n", "reviews"),
            Measure(f"{prefix}outcome_not_reasonable_and_proportionate_pct", "percent",
                    (f"{prefix}outcome_not_reasonable_and_proportionate_n", f"{prefix}valid_completed")))
    ), (f"{_NOT_INVESTIGATED}valid_completed", f"{_INVESTIGATED}valid_completed")),
)
KINDS_BY_ID = {kind.id: kind for kind in TABLE_KINDS}


@dataclass
class ByForceTable:
    """One year's table by force, read from one file: its force rows and its Total row."""

    kind: TableKind
    year: str
    file: str
    rows: list[CsvRow[ByForceRow]]  # the force rows, in the file's order
    total: CsvRow[ByForceRow] | None
    by_force: dict[str, CsvRow[ByForceRow]] = field(default_factory=dict)  # force key -> row, once checked
    whole: bool = True  # False when a row could not be read: its sums and missing rows are then not judged

    @property
    def id(self) -> str:
        """'2024-25-cases-finalised-by-force': the file's name, and the download's."""
        return f"{self.year.replace('/', '-')}-{self.kind.id}"

    @property
    def source(self) -> str:
        return (self.total or self.rows[0]).value.source

    def figure(self, force_key: str | None, column: str) -> int | None:
        """A force's figure (the Total row's with None)."""
        row = self.total if force_key is None else self.by_force.get(force_key)
        return getattr(row.value, column) if row is not None else None


def statistics_files(root: Path) -> list[Path]:
    """Every CSV file in the statistics folder, in name order."""
    return sorted((root / STATISTICS_DIR).glob("*.csv"))


def read_table(path: Path, root: Path, problems: ProblemList) -> ByForceTable | None:
    """The by-force table in ``path``, with its figures checked; None when its name says no known table."""
    shown = display_path(path, root)
    match = FILE_NAME.match(path.name)
    kind = KINDS_BY_ID.get(match.group("table")) if match else None
    if kind is None:
        written = match.group("table") if match else path.stem
        problems.add(ContentProblem(shown, None, None, None, f"'{path.name}' is not a statistics table this site knows.",
                                    (suggest(written, list(KINDS_BY_ID)) or "")
                                    + f" Name the file <year>-<table>.csv, for example 2025-26-{TABLE_KINDS[0].id}.csv"
                                    f" (tables: {', '.join(KINDS_BY_ID)}), or {NATIONAL_FILE}."))
        return None
    year = f"{match.group('start')}/{match.group('end')}"
    before = len(problems.problems)
    rows = read_csv(path, root, kind.model, problems)
    whole = len(problems.problems) == before
    if not rows:  # the file or its columns had problems, already reported
        return None
    problems.extend(_year_problems(shown, rows, year))
    totals = [row for row in rows if row.value.is_total]
    if not totals:
        problems.add(ContentProblem(shown, rows[-1].line + 1, None, "police_force_as_published",
                                    "the table has no Total row.",
                                    "Add the Total row as the source prints it, with 'Total' in police_force_as_published."))
    table = ByForceTable(kind, year, shown, [row for row in rows if not row.value.is_total],
                         totals[0] if totals else None, whole=whole)
    if table.total is not None and whole:
        problems.extend(sum_problems(table))
    problems.extend(percent_problems(table))
    return table


def _year_problems(file: str, rows: list[CsvRow], year: str) -> list[ContentProblem]:
    return [row.problem(file, "year", f"this row is for {row.value.year}, but the file's name says {year}.",
                        "A file holds one year: put this row in that year's file, or correct the year.")
            for row in rows if row.value.year != year]


def sum_problems(table: ByForceTable) -> list[ContentProblem]:
    """A count in the Total row that the force rows do not add up to."""
    found = []
    for measure in table.kind.measures:
        if not measure.adds_up:
            continue
        added = sum(getattr(row.value, measure.column) or 0 for row in table.rows)
        stated = getattr(table.total.value, measure.column) or 0
        if added != stated:
            found.append(table.total.problem(
                table.file, measure.column, f"the force rows add up to {added}, but the Total row says {stated}.",
                "Check each force's figure against the published table, and the Total row too."))
    return found


def percent_problems(table: ByForceTable) -> list[ContentProblem]:
    """A percentage that is not its count out of its total, rounded as the source rounds."""
    found = []
    for row in table.rows + ([table.total] if table.total else []):
        for measure in table.kind.measures:
            if measure.percent_of is None:
                continue
            part, whole = (getattr(row.value, column) for column in measure.percent_of)
            expected = whole_percent(part or 0, whole) if whole else None
            stated = getattr(row.value, measure.column)
            if stated != expected:
                worked = (f"{part} out of {whole} is {expected}%" if expected is not None
                          else f"with no {measure.percent_of[1]} there is no percentage (write n/a)")
                found.append(row.problem(table.file, measure.column,
                                         f"this percentage is {'n/a' if stated is None else stated}, but {worked}.",
                                         f"Percentages are rounded {ROUNDING_RULE}. Check the counts and the percentage."))
    return found


def read_national(path: Path, root: Path, problems: ProblemList) -> list[CsvRow[NationalFigure]]:
    """The national figures, each year's with its source."""
    return read_csv(path, root, NationalFigure, problems)
