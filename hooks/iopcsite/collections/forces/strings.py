"""The forces pages' wording in every language, from ``templates/strings.yml``."""

from __future__ import annotations

from pathlib import Path

from iopcsite.collections.statistics.strings import Wording, table_loader

STRINGS_FILE = "hooks/iopcsite/collections/forces/templates/strings.yml"
string_table = table_loader(Path(__file__).parent / "templates" / "strings.yml", STRINGS_FILE)


def wording(language: str) -> Wording:
    """The forces pages' wording in ``language``."""
    return Wording(string_table(), language)
