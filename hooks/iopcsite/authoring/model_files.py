"""Load one author file into a typed model: collecting problems, or raising them all at once."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from iopcsite.authoring.errors import (
    ContentError,
    ContentProblem,
    ProblemList,
    display_path,
)
from iopcsite.authoring.yaml_source import (
    ProblemRaised,
    YamlDocument,
    load_yaml_file,
    validate,
)

Model = TypeVar("Model", bound=BaseModel)


def load_model_file(path: Path, model: type[Model], root: Path, problems: ProblemList) -> tuple[Model | None, YamlDocument | None]:
    """Parse and validate one YAML file; problems go to ``problems``."""
    shown = display_path(path, root)
    if not path.is_file():
        problems.add(ContentProblem(shown, None, None, None, "this file is missing.", "Restore it from git."))
        return None, None
    try:
        document = load_yaml_file(path, shown)
    except ProblemRaised as raised:
        problems.add(raised.problem)
        return None, None
    if not isinstance(document.tree, dict):  # a mapping, without converting the whole tree to check
        problems.add(ContentProblem(shown, 1, 1, None, "the file must hold 'key: value' pairs at the top level."))
        return None, document
    value, found = validate(document, model)
    problems.extend(found)
    return value, document


def load_model_or_raise(path: Path, model: type[Model], shown: str) -> tuple[Model, YamlDocument]:
    """Parse and validate one YAML file; raise ContentError with every problem in it."""
    try:
        document = load_yaml_file(path, shown)
    except ProblemRaised as raised:
        raise ContentError([raised.problem]) from None
    value, problems = validate(document, model)
    if value is None:
        raise ContentError(problems)
    return value, document
