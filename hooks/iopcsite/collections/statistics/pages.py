"""The statistics pages' tables, charts and words, worked out from the checked tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iopcsite.collections.statistics.charts import Chart, bar_chart
from iopcsite.collections.statistics.comparisons import difference, percent_change, previous_year, share_of_total
from iopcsite.collections.statistics.strings import Wording
from iopcsite.collections.statistics.tables import ByForceTable, Measure
from iopcsite.content.page_templates import page_environment

if TYPE_CHECKING:
    from iopcsite.collections.forces.models import Force
    from iopcsite.collections.statistics.models import NationalFigure

TEMPLATES = Path(__file__).parent / "templates"
COUNTING_RULES_URL = "https://www.policeconduct.gov.uk/node/367"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


@dataclass(frozen=True)
class Header:
    text: str
    numeric: bool = True


@dataclass(frozen=True)
class Cell:
    text: str
    sort: int | None = None  # the number the sorting script orders by


@dataclass(frozen=True)
class TableRow:
    head: str
    cells: tuple[Cell, ...]
    total: bool = False


@dataclass(frozen=True)
class HtmlTable:
    id: str
    caption: str
    units: str
    headers: tuple[Header, ...]
    rows: tuple[TableRow, ...]
    sortable: bool = False


def column_label(words: Wording, column: str) -> str:
    return words("col-" + column.replace("_", "-"))


def figure_cell(words: Wording, measure: Measure, value: int | None) -> Cell:
    text = words.percent(value) if measure.unit == "percent" else words.number(value)
    return Cell(text, value)


def by_force_table(table: ByForceTable, forces: dict[str, Force], words: Wording) -> HtmlTable:
    """A year's table by force: a row per force in the table's order, then England and Wales."""
    headers = (Header(words("force"), False),) + tuple(Header(column_label(words, m.column)) for m in table.kind.measures)
    rows = [TableRow(forces[key].name(words.language),
                     tuple(figure_cell(words, m, table.figure(key, m.column)) for m in table.kind.measures))
            for key in table.by_force]
    rows.append(TableRow(words("total"), tuple(figure_cell(words, m, table.figure(None, m.column))
                                               for m in table.kind.measures), total=True))
    return HtmlTable(f"table-{table.id}", words(f"table-{table.kind.id}", year=table.year), words(f"units-{table.kind.id}"),
                     headers, tuple(rows), sortable=True)


def by_force_chart(table: ByForceTable, forces: dict[str, Force], words: Wording) -> tuple[Chart, str]:
    """The chart of a table's charted counts, and its description in words."""
    keys = list(table.by_force)
    labels = [forces[key].name(words.language) for key in keys]
    series = [(words("series-" + column.replace("_", "-")), [table.figure(key, column) for key in keys])
              for column in table.kind.charted]
    sentences = [words("chart-forces", series=", ".join(name for name, _ in series))]
    for name, values in series:
        known = [(value, label) for value, label in zip(values, labels) if value is not None]
        most, fewest = max(known), min(known)
        sentences.append(f"{name[:1].upper()}{name[1:]}: " + words("chart-most", name=most[1], value=words.number(most[0]))
                         + " " + words("chart-fewest", name=fewest[1], value=words.number(fewest[0])))
    description = " ".join(sentences[1:])
    title = words(f"chart-{table.kind.id}", year=table.year)
    # The chart's own description is the first sentence; the page prints every sentence under the chart.
    return bar_chart(f"chart-{table.id}", title, sentences[0], labels, series, words), description


def measure_key(measure: str) -> str:
    return "measure-" + "-".join(re.findall(r"[a-z0-9]+", measure.lower()))


def measure_label(words: Wording, measure: str) -> str:
    """A national measure in the reader's language (as the file writes it when it has no wording yet)."""
    key = measure_key(measure)
    return words(key) if words.has(key) else measure[:1].upper() + measure[1:]


def national_cell(words: Wording, figure: NationalFigure | None) -> Cell:
    if figure is None:
        return Cell("")
    parts = []
    if figure.value is not None:
        parts.append(words.number(figure.value))
    if figure.percent is not None:
        parts.append(f"({words.percent(figure.percent)})" if parts else words.percent(figure.percent))
    text = " ".join(parts) or words("not-published")
    if not figure.verified:
        text += f" ({words('to-be-confirmed')})"
    return Cell(text, figure.value if figure.value is not None else figure.percent)


def years_of(figures: list[NationalFigure]) -> list[str]:
    return sorted({figure.year for figure in figures})


def national_table(figures: list[NationalFigure], words: Wording) -> HtmlTable:
    """A row per measure, a column per year."""
    years = years_of(figures)
    measures = list(dict.fromkeys(figure.measure for figure in figures))
    found = {(figure.year, figure.measure): figure for figure in figures}
    rows = tuple(TableRow(measure_label(words, measure), tuple(national_cell(words, found.get((year, measure)))
                                                               for year in years))
                 for measure in measures)
    return HtmlTable("national-key-figures", words("table-national"), "", (Header(words("measure"), False),)
                     + tuple(Header(year) for year in years), rows, sortable=True)


def national_value(figures: list[NationalFigure], year: str, measure: str) -> int | None:
    return next((f.value for f in figures if f.year == year and f.measure == measure and f.verified), None)


def changes(figures: list[NationalFigure], words: Wording) -> list[str]:
    """'Complaint cases logged: 11% more from 2023/24 to 2024/25.' for each measure with both years."""
    found = []
    for figure in figures:
        earlier = previous_year(figure.year)
        change = percent_change(national_value(figures, earlier, figure.measure), national_value(figures, figure.year, figure.measure))
        if change is None or not figure.verified:
            continue
        found.append(words("change-row", measure=measure_label(words, figure.measure), change=change_words(words, change),
                           earlier=earlier, later=figure.year))
    return found


def change_words(words: Wording, change: int) -> str:
    if change == 0:
        return words("no-change")
    return words("more-percent" if change > 0 else "fewer-percent", value=words.number(abs(change)))


LOGGED = "complaint cases logged"
RECORDED = "complaint cases formally recorded under Schedule 3"


def headline(figures: list[NationalFigure], year: str, words: Wording) -> list[str]:
    """The year's main national figures, a paragraph each, with the change from the year before where both are known."""
    sentences = []
    logged = national_value(figures, year, LOGGED)
    if logged is not None:
        sentences.append(words("headline-logged", year=year, value=words.number(logged)))
        earlier = previous_year(year)
        before = national_value(figures, earlier, LOGGED)
        change = percent_change(before, logged)
        if change is not None:
            key = "headline-change-same" if change == 0 else ("headline-change-up" if change > 0 else "headline-change-down")
            sentences[-1] += " " + words(key, change=words.number(abs(change)), earlier=earlier, before=words.number(before))
    recorded = national_value(figures, year, RECORDED)
    if recorded is not None:
        sentences.append(words("headline-recorded", value=words.number(recorded)))
    return sentences


def table_headlines(tables: list[ByForceTable], words: Wording) -> list[str]:
    """What the Total rows of a year's tables say, in sentences."""
    sentences = []
    for table in tables:
        if table.kind.id == "cases-finalised-by-force":
            sentences.append(words("headline-finalised",
                                   outside=words.number(table.figure(None, "cases_finalised_outside_schedule_3")),
                                   under=words.number(table.figure(None, "cases_finalised_under_schedule_3"))))
        elif table.kind.id == "iopc-reviews-by-force":
            for part in ("not_investigated", "investigation"):
                prefix = f"iopc_reviews_{part}_"
                sentences.append(words(f"headline-reviews-{part.replace('_', '-')}",
                                       reviews=words.number(table.figure(None, prefix + "valid_completed")),
                                       found=words.number(table.figure(None, prefix + "outcome_not_reasonable_and_proportionate_n")),
                                       percent=words.percent(table.figure(None, prefix + "outcome_not_reasonable_and_proportionate_pct"))))
    return sentences


def comparison(words: Wording, measure: Measure, value: int | None, national: int | None) -> str:
    """The force's figure against England and Wales: a share of the total, or a difference from the average."""
    if value is None or national is None:
        return ""
    if measure.adds_up:
        share = share_of_total(value, national)
        return words("share-small") if share == 0 and value > 0 else words("share", value=words.number(share))
    gap = difference(value, national)
    if gap == 0:
        return words("days-same")
    if measure.unit == "days":
        return words("days-more" if gap > 0 else "days-fewer", value=words.number(abs(gap)))
    return words("points-more" if gap > 0 else "points-fewer", value=words.number(abs(gap)))


def force_table(table: ByForceTable, earlier: ByForceTable | None, force: Force, words: Wording) -> HtmlTable:
    """One force's figures in a year's table, next to England and Wales, with the change since the year before."""
    headers = [Header(words("measure"), False), Header(words("this-force")), Header(words("total")),
               Header(words("comparison"), False)]
    if earlier is not None:
        headers.append(Header(words("change-column", earlier=earlier.year), False))
    rows = []
    for measure in table.kind.measures:
        value, national = table.figure(force.key, measure.column), table.figure(None, measure.column)
        cells = [figure_cell(words, measure, value), figure_cell(words, measure, national),
                 Cell(comparison(words, measure, value, national))]
        if earlier is not None:
            change = percent_change(earlier.figure(force.key, measure.column), value) if measure.adds_up else None
            cells.append(Cell(change_words(words, change) if change is not None else ""))
        rows.append(TableRow(column_label(words, measure.column), tuple(cells)))
    return HtmlTable(f"{table.kind.id}-{force.key}",
                     words(f"force-table-{table.kind.id}", name=force.name(words.language), year=table.year), "",
                     tuple(headers), tuple(rows))


def table_html(table: HtmlTable) -> str:
    """A table as the statistics pages draw it, for another collection's page."""
    return str(page_environment(TEMPLATES).get_template("macros.html").module.html_table(table))
