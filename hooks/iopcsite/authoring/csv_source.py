"""Read an author's CSV file through a typed model, with every problem at its line and column.

The standard csv module reads the cells; pydantic checks each row. What is added here
is what an author needs when it goes wrong: the row's line in the file, the column's
number and name, and a missing or unknown column named with the nearest known one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path, suggest
from iopcsite.authoring.yaml_source import explain

Row = TypeVar("Row", bound=BaseModel)


@dataclass(frozen=True)
class CsvRow(Generic[Row]):
    """One checked row and where it is: its line, and the column number of each column name."""

    line: int
    value: Row
    columns: dict[str, int]

    def problem(self, file: str, column: str, message: str, hint: str | None = None) -> ContentProblem:
        """A problem with this row's cell in ``column``."""
        return ContentProblem(file, self.line, self.columns.get(column), column, message, hint)


def column_names(model: type[BaseModel]) -> list[str]:
    """The columns a file for ``model`` has: its fields' names (or aliases), in order."""
    return [info.alias or name for name, info in model.model_fields.items()]


def read_csv(path: Path, root: Path, model: type[Row], problems: ProblemList) -> list[CsvRow[Row]]:
    """Every valid row of the CSV file at ``path``; each problem found goes into ``problems``.

    Empty cells are read as missing values. The first line must name the columns, the
    same columns as ``model``'s fields, in any order."""
    shown = display_path(path, root)
    if not path.is_file():
        problems.add(ContentProblem(shown, None, None, None, "this file is missing.", "Restore it from git."))
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add(ContentProblem(shown, None, None, None, f"this file is not UTF-8 text ({error.reason}).",
                                    "Save it as 'CSV UTF-8' from your spreadsheet."))
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        problems.add(ContentProblem(shown, 1, None, None, "the file is empty.",
                                    f"The first line names the columns: {', '.join(column_names(model))}."))
        return []
    columns = {name: number for number, name in enumerate(header, start=1)}
    found = _header_problems(shown, header, column_names(model))
    problems.extend(found)
    if found:
        return []
    rows: list[CsvRow[Row]] = []
    line = reader.line_num
    for cells in reader:
        first_line, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.add(ContentProblem(shown, first_line, min(len(cells), len(header)) + 1, None,
                                        f"this row has {len(cells)} cells but the file has {len(header)} columns.",
                                        "Check for a missing or extra comma; put quotes round a value with a comma."))
            continue
        values = {name: (cell.strip() or None) for name, cell in zip(header, cells)}
        try:
            rows.append(CsvRow(first_line, model.model_validate(values), columns))
        except ValidationError as error:
            for item in error.errors():
                name = str(item["loc"][0]) if item["loc"] else None
                message, hint = _explained(item)
                problems.add(ContentProblem(shown, first_line, columns.get(name), name, message, hint))
    return rows


def _explained(item: dict) -> tuple[str, str | None]:
    if item.get("input") is None:  # explain() speaks of YAML's 'key: value'; a CSV cell is simply empty
        return "this cell is empty.", "Fill it in: this column needs a value on every row."
    return explain(item)


def _header_problems(shown: str, header: list[str], expected: list[str]) -> list[ContentProblem]:
    found = []
    for number, name in enumerate(header, start=1):
        if name not in expected:
            hint = suggest(name, expected) or f"The columns are: {', '.join(expected)}."
            found.append(ContentProblem(shown, 1, number, name, f"unknown column '{name}'.", hint))
        elif header.count(name) > 1 and header.index(name) != number - 1:
            found.append(ContentProblem(shown, 1, number, name, f"the column '{name}' appears twice.",
                                        "Keep one of them."))
    for name in expected:
        if name not in header:
            found.append(ContentProblem(shown, 1, None, name, f"the column '{name}' is missing.",
                                        f"Add it to the first line (the columns are: {', '.join(expected)})."))
    return found
