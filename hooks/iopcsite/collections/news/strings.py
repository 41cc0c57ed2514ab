"""A collection's template wording in every language, from a ``strings.yml`` in its templates folder
(the news collection's, and the learning collection's)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from iopcsite.config.template_strings import template_string_table

Say = Callable[..., str]


def template_strings(path: Path) -> Callable[[str], Say]:
    """For ``path`` (a strings.yml), a function from a language to its wording: ``say(key, **slots)``.
    The file is read again only once it changes, so an edit shows at the next preview rebuild."""
    table = template_string_table(path)

    def translator(language: str) -> Say:
        strings = table().strings
        return lambda key, **slots: strings[key].get(language).format(**slots)

    return translator


translator = template_strings(Path(__file__).parent / "templates" / "strings.yml")
