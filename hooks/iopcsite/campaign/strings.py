"""The template wording (headings, labels) in every language, from ``templates/strings.yml``."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable

from ..errors import ContentError
from ..models import StringTable
from ..yamlsource import ProblemRaised, load_yaml_file, validate

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
STRINGS_FILE = "hooks/iopcsite/campaign/templates/strings.yml"


@functools.cache
def string_table() -> StringTable:
    """The validated strings file (read once)."""
    try:
        document = load_yaml_file(STRINGS_PATH, STRINGS_FILE)
    except ProblemRaised as raised:
        raise ContentError([raised.problem]) from None
    table, problems = validate(document, StringTable)
    if table is None:
        raise ContentError(problems)
    return table


def translator(language: str) -> Callable[[str], str]:
    """A function giving the wording for a key in ``language`` (English until translated)."""
    strings = string_table().strings
    return lambda key: strings[key].get(language)
