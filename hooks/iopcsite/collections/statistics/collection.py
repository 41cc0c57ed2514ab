"""The statistics collection: the watchdog's complaints tables, checked, and published as pages and downloads.

Every file in docs/_data/statistics/ is read: a year's table by force is a file of its own
(``2024-25-cases-finalised-by-force.csv``), the national figures are one file. The newest
year's tables make ``statistics/index.md``; earlier years get ``statistics/<year>.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.csv_source import CsvRow
from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path
from iopcsite.collections.statistics import downloads
from iopcsite.collections.statistics.models import NationalFigure
from iopcsite.collections.statistics.pages import (COUNTING_RULES_URL, LICENCE_URL, by_force_chart, by_force_table,
                                                   changes, headline, measure_label, national_table, table_headlines, years_of)
from iopcsite.collections.statistics.charts import bar_chart
from iopcsite.collections.statistics.strings import STRINGS_FILE, Wording, wording
from iopcsite.collections.statistics.tables import (NATIONAL_FILE, STATISTICS_DIR, ByForceTable, read_national,
                                                    read_table, statistics_files)
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import Item, Plan, PlannedFile, PlannedPage
from iopcsite.content.page_templates import framed_page, render_page

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

TEMPLATES = Path(__file__).parent / "templates"
INDEX_URI = "statistics/index.md"
NATIONAL_URI = "statistics/national.md"
TABLE_SCRIPT = "assets/javascripts/sortable-tables.js"


@dataclass(frozen=True)
class Section:
    """One table on a statistics page, with its chart and downloads."""

    id: str
    heading: str
    intro: str
    table: object
    chart: object
    description: str
    source: str
    year: str | None
    csv: tuple[str, int]  # (link, size in bytes)
    json: tuple[str, int]


class StatisticsCollection:
    """The complaints statistics: tables by force for each year, and the national figures."""

    name = "statistics"
    sources = (STATISTICS_DIR.as_posix(), STRINGS_FILE)
    editor_schemas = ()  # CSV files: their columns are checked by make check

    def __init__(self) -> None:
        self.tables: list[ByForceTable] = []
        self.national: list[CsvRow[NationalFigure]] = []
        self.national_file = (STATISTICS_DIR / NATIONAL_FILE).as_posix()

    def load(self, data: SiteData, problems: ProblemList) -> None:
        for path in statistics_files(data.root):
            if path.name.endswith(NATIONAL_FILE):
                self.national_file = display_path(path, data.root)
                self.national += read_national(path, data.root, problems)
            else:
                table = read_table(path, data.root, problems)
                if table is not None:
                    self.tables.append(table)

    @property
    def figures(self) -> list[NationalFigure]:
        return [row.value for row in self.national]

    @property
    def years(self) -> list[str]:
        """The years with tables by force, oldest first."""
        return sorted({table.year for table in self.tables})

    def tables_of(self, year: str) -> list[ByForceTable]:
        return [table for table in self.tables if table.year == year]

    def table(self, year: str, kind: str) -> ByForceTable | None:
        return next((table for table in self.tables if table.year == year and table.kind.id == kind), None)

    def items(self) -> list[Item]:
        items = [Item(self.name, table.id, "statistics table", table.id, table.file, None) for table in self.tables]
        return items + [Item(self.name, "national", "statistics table", "national figures", self.national_file, None)]

    def unreadable_paths(self) -> set[str]:
        return set()

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        """Each row names a force in forces.csv, once; each force has its row in each table.
        (Not judged while forces.csv itself has problems: those are reported, and would be repeated here.)"""
        forces = content.collection("forces")
        problems = []
        for table in self.tables:
            table.by_force = {}
            for row in table.rows:
                written = row.value.police_force_as_published
                problem = forces.problem_for(written, table.file, row.line, row.columns.get("police_force_as_published"),
                                             "police_force_as_published")
                if problem is not None:
                    problems.append(problem)
                    continue
                key = forces.find(written).key
                if key in table.by_force:
                    problems.append(row.problem(table.file, "police_force_as_published",
                                                f"'{written}' has a row already, on line {table.by_force[key].line}.",
                                                "Each force has one row: delete one of them."))
                    continue
                table.by_force[key] = row
            line = table.total.line if table.total else None
            problems += [ContentProblem(table.file, line, None, "police_force_as_published",
                                        f"there is no row for {force.name_in_iopc_statistics_tables}.",
                                        f"Add the row for '{force.name_in_iopc_statistics_tables}' before the Total row, "
                                        "with its figures as the published table gives them.")
                         for force in forces.forces if force.key not in table.by_force and table.whole]
        return problems if forces.whole else []

    def plan(self, content: SiteContent) -> Plan:
        plan = Plan()
        if not self.tables or any(not table.by_force or table.total is None for table in self.tables):
            return plan  # a table did not load whole: its problems are reported, and there is nothing to show
        forces = {force.key: force for force in content.collection("forces").forces}
        latest = self.years[-1]
        for language, prefix in language_prefixes(content.config).items():
            words = wording(language)
            for year in self.years:
                plan.pages += self._year_pages(year, latest, forces, words, prefix, language, plan)
            if self.national:
                plan.pages.append(self._national_page(words, prefix, language, latest, plan))
        return plan

    def _year_pages(self, year: str, latest: str, forces, words: Wording, prefix: str, language: str,
                    plan: Plan) -> list[PlannedPage]:
        """A year's page, with its first table, then a page for each other table of the year.

        One table and one chart a page: two 44-force tables and charts on one page would break
        the 75 KB first-visit budget for readers on a poor signal."""
        base = INDEX_URI if year == latest else year_uri(year)
        tables = self.tables_of(year)
        pages = []
        for number, table in enumerate(tables):
            uri = base if number == 0 else table_uri(table)
            section = self._table_section(table, forces, words, prefix, uri, plan)
            others = [(words(f"table-{other.kind.id}", year=year), base if i == 0 else table_uri(other))
                      for i, other in enumerate(tables) if other is not table]
            others += [(words("stats-title", year=y), year_uri(y) if y != latest else INDEX_URI)
                       for y in self.years if y != year] if number == 0 else []
            sentences = (headline(self.figures, year, words) if number == 0 else []) + table_headlines([table], words)
            body = render_page(TEMPLATES, "year.md", words=words, sentences=sentences, sections=[section],
                               about=about(words), others=[(text, link.removeprefix("statistics/")) for text, link in others])
            title = words("stats-title", year=year) if number == 0 else section.heading
            description = words("stats-description", year=year) if number == 0 else section.intro
            pages.append(PlannedPage(prefix + uri, language, uri, TranslationStatus.complete, title, None,
                                     framed_page({"title": title, "description": description}, body),
                                     self.name, in_menu=uri == INDEX_URI, scripts=(TABLE_SCRIPT,)))
        return pages

    def _table_section(self, table: ByForceTable, forces, words: Wording, prefix: str, base: str, plan: Plan) -> Section:
        chart, description = by_force_chart(table, forces, words)
        records = downloads.table_records(table)
        title = words(f"table-{table.kind.id}", year=table.year)
        links = self._files(plan, prefix, table.id, downloads.as_csv(records),
                            downloads.as_json(title, table.year, table.source, records), words.language)
        return Section(table.kind.id, title, words(f"intro-{table.kind.id}"), by_force_table(table, forces, words),
                       chart, description, table.source, table.year, *links)

    def _files(self, plan: Plan, prefix: str, name: str, csv_text: str, json_text: str, language: str):
        found = []
        for extension, text in (("csv", csv_text), ("json", json_text)):
            path = f"{prefix}statistics/{name}.{extension}"
            data = text.encode("utf-8")
            plan.files.append(PlannedFile(path, language, data))
            found.append((f"{name}.{extension}", len(data)))
        return found

    def _national_page(self, words: Wording, prefix: str, language: str, latest: str, plan: Plan) -> PlannedPage:
        figures = self.figures
        measure, values = charted_measure(figures)
        description = words("chart-years", measure=measure_label_lower(words, measure),
                            values=", ".join(f"{year}: {words.number(value)}" for year, value in values))
        chart = bar_chart("chart-national", words("chart-national", measure=measure_label_lower(words, measure)),
                          description, [year for year, _ in values], [(measure, [value for _, value in values])], words)
        records = [{"year": f.year, "measure": f.measure, "value": f.value, "percent": f.percent, "source": f.source,
                    "status": "verified" if f.verified else "to be confirmed"} for f in figures]
        links = self._files(plan, prefix, "national-key-figures", downloads.as_csv(records),
                            downloads.as_json(words("table-national"), None, "; ".join(dict.fromkeys(f.source for f in figures)),
                                              records), language)
        section = Section("national", words("table-national"), "", national_table(figures, words), chart, description,
                          "", None, *links)
        sources = list(dict.fromkeys(source.strip() for f in figures for source in f.source.split(";")))
        sentences = [s for year in reversed(years_of(figures)) for s in headline(figures, year, words)]
        body = render_page(TEMPLATES, "national.md", words=words, sentences=sentences, section=section,
                           changes=changes(figures, words), sources=sources, about=about(words), latest=latest)
        title = words("national-title")
        return PlannedPage(prefix + NATIONAL_URI, language, NATIONAL_URI, TranslationStatus.complete, title, None,
                           framed_page({"title": title, "description": words("national-description")}, body),
                           self.name, in_menu=False, scripts=(TABLE_SCRIPT,))

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan


def table_uri(table: ByForceTable) -> str:
    """'statistics/2024-25-iopc-reviews-by-force.md': the page of a year's second and later tables."""
    return f"statistics/{table.id}.md"


def year_uri(year: str) -> str:
    """'statistics/2023-24.md' for an earlier year's tables."""
    return f"statistics/{year.replace('/', '-')}.md"


def charted_measure(figures: list[NationalFigure]) -> tuple[str, list[tuple[str, int]]]:
    """The national measure known in the most years, with its value in each."""
    counts: dict[str, list[tuple[str, int]]] = {}
    for figure in figures:
        if figure.value is not None and figure.verified:
            counts.setdefault(figure.measure, []).append((figure.year, figure.value))
    measure = max(counts, key=lambda name: (len(counts[name]), name == "complaint cases logged"))
    return measure, sorted(counts[measure])


def measure_label_lower(words: Wording, measure: str) -> str:
    label = measure_label(words, measure)
    return label[:1].lower() + label[1:]


def about(words: Wording) -> dict:
    """The links of the note under every statistics page."""
    return {"counting_url": COUNTING_RULES_URL, "licence_url": LICENCE_URL}
