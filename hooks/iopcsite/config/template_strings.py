"""A collection's own interface wording: the ``strings.yml`` in its templates folder, in every language.

Each collection that keeps its wording beside its templates reads it through here, so
every such file is validated the same way and read again only once it changes (an edit
shows at the next preview rebuild).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from iopcsite.authoring.file_state import cached_until_changed
from iopcsite.authoring.model_files import load_model_or_raise
from iopcsite.config.models import StringTable


def project_file(path: Path) -> str:
    """How a file of the pipeline is named to authors and in problems: 'hooks/iopcsite/...'."""
    return "hooks/" + Path(path).as_posix().split("/hooks/", 1)[-1]


def template_string_table(path: Path) -> Callable[[], StringTable]:
    """A function giving the validated strings file at ``path``, read again only once the file changes."""

    @cached_until_changed(lambda: [path])
    def table() -> StringTable:
        return load_model_or_raise(path, StringTable, project_file(path))[0]

    return table
