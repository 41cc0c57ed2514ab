"""The publications' own interface wording, in every language, from ``templates/strings.yml``."""

from __future__ import annotations

from pathlib import Path

from iopcsite.authoring.file_state import cached_until_changed
from iopcsite.authoring.model_files import load_model_or_raise
from iopcsite.config.localiser import Localiser
from iopcsite.config.models import StringTable

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
STRINGS_FILE = "hooks/iopcsite/collections/publications/templates/strings.yml"


@cached_until_changed(lambda: [STRINGS_PATH])
def string_table() -> StringTable:
    """The validated strings file (read again once it changes)."""
    return load_model_or_raise(STRINGS_PATH, StringTable, STRINGS_FILE)[0]


def localiser(language: str) -> Localiser:
    """Our wording and dates in ``language``: ``.string(key)`` and ``.date(day)``."""
    return Localiser(language, string_table())
