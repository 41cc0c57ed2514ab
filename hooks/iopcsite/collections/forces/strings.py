"""The forces pages' wording in every language, from ``templates/strings.yml``."""

from __future__ import annotations

from pathlib import Path

from iopcsite.collections.statistics.strings import Wording
from iopcsite.config.template_strings import project_file, template_string_table

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
STRINGS_FILE = project_file(STRINGS_PATH)
string_table = template_string_table(STRINGS_PATH)


def wording(language: str) -> Wording:
    """The forces pages' wording in ``language``."""
    return Wording(string_table(), language)
