"""Values made from files, kept until one of the files changes.

``mkdocs serve`` builds again and again in one process: a value read once and
kept for ever (``functools.cache``) would hide an edit to the file it came from.
These are kept instead while the files' modification times and sizes stay the
same, which costs one ``stat`` per file when the value is asked for.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def file_state(paths: Iterable[Path]) -> tuple:
    """What changes when any of ``paths`` is edited, added or removed: each one's time and size."""
    state = []
    for path in paths:
        try:
            found = os.stat(path)
        except OSError:
            state.append((str(path), None, None))
        else:
            state.append((str(path), found.st_mtime_ns, found.st_size))
    return tuple(state)


def files_under(folder: Path, keep: Callable[[Path], bool] = lambda path: True) -> list[Path]:
    """Every file under ``folder`` that ``keep`` accepts, in a stable order, bytecode left out."""
    return sorted(path for path in Path(folder).rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts and keep(path))


def cached_until_changed(paths: Callable[[], Iterable[Path]]) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Decorate a function of no arguments: its value is made again only when ``paths()`` changed.
    ``.cache_clear()`` forgets it, as with ``functools.cache``."""

    def decorate(make: Callable[[], T]) -> Callable[[], T]:
        kept: dict[tuple, T] = {}

        @functools.wraps(make)
        def value() -> T:
            state = file_state(paths())
            if state not in kept:
                kept.clear()
                kept[state] = make()
            return kept[state]

        value.cache_clear = kept.clear  # type: ignore[attr-defined]
        return value

    return decorate
