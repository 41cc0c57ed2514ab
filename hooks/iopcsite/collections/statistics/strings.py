"""Wording of the statistics and forces pages in every language, and numbers written the reader's way."""

from __future__ import annotations

from pathlib import Path

from babel.numbers import format_decimal

from iopcsite.config.localiser import BABEL_LOCALES
from iopcsite.config.models import StringTable
from iopcsite.config.template_strings import project_file, template_string_table

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
STRINGS_FILE = project_file(STRINGS_PATH)
string_table = template_string_table(STRINGS_PATH)


class Wording:
    """The strings of one table file in one language, with numbers in that language's format."""

    def __init__(self, table: StringTable, language: str):
        self.table = table
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        """The wording for ``key``, with ``{name}`` filled from ``values``."""
        text = self.table.strings[key].get(self.language)
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self.table.strings

    def number(self, value: int | None) -> str:
        """1,543 (English and Welsh alike write thousands with a comma)."""
        return format_decimal(value, locale=BABEL_LOCALES[self.language]) if value is not None else self("none")

    def percent(self, value: int | None) -> str:
        return f"{self.number(value)}%" if value is not None else self("not-published")


def wording(language: str) -> Wording:
    """The statistics wording in ``language``."""
    return Wording(string_table(), language)
