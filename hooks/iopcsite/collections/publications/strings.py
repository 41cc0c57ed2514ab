"""The publications' own interface wording, in every language, from ``templates/strings.yml``."""

from __future__ import annotations

from pathlib import Path

from iopcsite.config.localiser import Localiser
from iopcsite.config.template_strings import template_string_table

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
string_table = template_string_table(STRINGS_PATH)


def localiser(language: str) -> Localiser:
    """Our wording and dates in ``language``: ``.string(key)`` and ``.date(day)``."""
    return Localiser(language, string_table())
