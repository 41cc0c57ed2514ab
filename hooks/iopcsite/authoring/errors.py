"""Problems found in author content, reported all at once with file, line and field."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One mistake in one file, in words an author can act on."""

    file: str
    line: int | None
    column: int | None
    field: str | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        where = f" field '{self.field}':" if self.field else ""
        text = f"{place}:{where} {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text


class ContentError(Exception):
    """Raised when content has problems; carries every problem found, not only the first."""

    def __init__(self, problems: Iterable[ContentProblem]):
        self.problems = sorted(set(problems), key=_problem_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        """A numbered list of every problem, for the terminal."""
        count = len(self.problems)
        heading = f"Found {count} problem{'s' if count != 1 else ''} in the content:"
        lines = [heading] + [f"  {n}. {p}" for n, p in enumerate(self.problems, 1)]
        return "\n".join(lines)


def _problem_sort_key(problem: ContentProblem) -> tuple:
    return (problem.file, problem.line or 0, problem.column or 0, problem.field or "", problem.message)


@dataclass
class ProblemList:
    """Collects problems while loading, so one run reports them all."""

    problems: list[ContentProblem] = field(default_factory=list)

    def add(self, problem: ContentProblem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[ContentProblem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[ContentProblem]:
        return iter(self.problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """'did you mean ...?' for a misspelt key or id, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"Did you mean '{close[0]}'?" if close else None


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as an author sees it: relative to the project when possible."""
    path = Path(path)
    for base in filter(None, (root, Path.cwd())):
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()
