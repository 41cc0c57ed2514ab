"""The template wording (headings, labels) in every language, from ``templates/strings.yml``."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from iopcsite.config.template_strings import project_file, template_string_table

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
STRINGS_FILE = project_file(STRINGS_PATH)
string_table = template_string_table(STRINGS_PATH)


def translator(language: str) -> Callable[[str], str]:
    """A function giving the wording for a key in ``language`` (English until translated)."""
    strings = string_table().strings
    return lambda key: strings[key].get(language)
