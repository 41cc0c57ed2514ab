"""The news templates' wording in every language, from ``templates/strings.yml``."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from iopcsite.authoring.file_state import cached_until_changed
from iopcsite.authoring.model_files import load_model_or_raise
from iopcsite.config.models import StringTable

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
STRINGS_FILE = "hooks/iopcsite/collections/news/templates/strings.yml"


@cached_until_changed(lambda: [STRINGS_PATH])
def string_table() -> StringTable:
    """The validated strings file (read again once it changes)."""
    return load_model_or_raise(STRINGS_PATH, StringTable, STRINGS_FILE)[0]


def translator(language: str) -> Callable[..., str]:
    """A function giving the wording for a key in ``language``, with its {slots} filled in."""
    strings = string_table().strings
    return lambda key, **slots: strings[key].get(language).format(**slots)
