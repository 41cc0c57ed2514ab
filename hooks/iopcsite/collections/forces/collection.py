"""The forces collection: every police force, read from docs/_data/forces.csv.

Other collections name forces (recommendations, statistics rows); ``find`` is the one
place a written name is matched to a force, and ``problem_for`` says what to write instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from iopcsite.authoring.csv_source import CsvRow, read_csv
from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path, suggest
from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.collections.forces.models import Force
from iopcsite.collections.forces.pages import FILTER_SCRIPT, INDEX_URI, force_page, force_uri, index_page
from iopcsite.collections.forces.strings import STRINGS_FILE, wording
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import Item, Plan, PlannedPage

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

FORCES_FILE = Path("docs/_data/forces.csv")
TEMPLATES = Path(__file__).parent / "templates"


class ForceCollection:
    """The police forces in the watchdog's remit, one row each in ``forces.csv``."""

    name = "forces"
    sources = (FORCES_FILE.as_posix(), STRINGS_FILE)
    editor_schemas = ()  # a CSV file: its columns are checked by make check, not by an editor schema

    def __init__(self) -> None:
        self.rows: list[CsvRow[Force]] = []
        self.file = FORCES_FILE.as_posix()
        self.whole = True  # False when forces.csv had problems: others then do not judge the forces they name

    @property
    def forces(self) -> list[Force]:
        """Every force, in the file's order."""
        return [row.value for row in self.rows]

    def load(self, data: SiteData, problems: ProblemList) -> None:
        self.file = display_path(data.root / FORCES_FILE, data.root)
        rows = read_csv(data.root / FORCES_FILE, data.root, Force, problems)
        problems.extend(_repeated_names(self.file, rows))
        self.rows = rows
        self.whole = not any(problem.file == self.file for problem in problems)

    def find(self, written: str) -> Force | None:
        """The force a text names: its key, its own name, its Welsh name or its statistics-table name."""
        wanted = written.strip().casefold()
        return next((force for force in self.forces if wanted in _names_of(force)), None)

    def problem_for(self, written: str, file: str, line: int | None, column: int | None,
                    field: str | None) -> ContentProblem | None:
        """None when ``written`` names a force; else a problem with the nearest force's name."""
        if self.find(written) is not None:
            return None
        known = [force.force_name for force in self.forces]
        hint = suggest(written, known) or suggest(written, [row.value.name_in_iopc_statistics_tables
                                                            for row in self.rows])
        return ContentProblem(file, line, column, field, f"'{written}' is not a police force in {self.file}.",
                              (hint or "Write the force's name as forces.csv has it, for example "
                                       f"'{known[0] if known else 'Kent Police'}'.")
                              + " A new force is added to forces.csv first.")

    def items(self) -> list[Item]:
        return [Item(self.name, row.value.key, "police force", row.value.force_name, self.file, row.line)
                for row in self.rows]

    def unreadable_paths(self) -> set[str]:
        return set()

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        return []

    def plan(self, content: SiteContent) -> Plan:
        """The forces index and a page per force, in every language. Forces are facts from a CSV file:
        never held back, and every page is written in each language."""
        plan = Plan()
        statistics = any(collection.name == "statistics" and getattr(collection, "years", None)
                         for collection in content.collections)
        for language, prefix in language_prefixes(content.config).items():
            plan.pages.append(PlannedPage(prefix + INDEX_URI, language, INDEX_URI, TranslationStatus.complete,
                                          wording(language)("index-title"), None,
                                          index_page(TEMPLATES, self.forces, language, statistics), self.name,
                                          scripts=(FILTER_SCRIPT,)))
            for force in self.forces:
                uri = force_uri(force)
                plan.pages.append(PlannedPage(prefix + uri, language, uri, TranslationStatus.complete,
                                              force.name(language), None,
                                              force_page(TEMPLATES, content, force, language, prefix + uri),
                                              self.name, in_menu=False))
        return plan

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan


def _names_of(force: Force) -> set[str]:
    names = (force.key, force.force_name, force.welsh_name, force.name_in_iopc_statistics_tables)
    return {name.casefold() for name in names if name}


def _repeated_names(file: str, rows: list[CsvRow[Force]]) -> list[ContentProblem]:
    """Each key and each name may belong to one force only, or ``find`` could not tell them apart."""
    problems, seen = [], {}
    for row in rows:
        for column in ("key", "force_name", "name_in_iopc_statistics_tables", "welsh_name"):
            value = getattr(row.value, column)
            if not value:
                continue
            earlier = seen.setdefault(value.casefold(), row.line)
            if earlier != row.line:
                problems.append(row.problem(file, column, f"'{value}' is already used by the force on line {earlier}.",
                                            "Each force needs its own key and names."))
    return problems
