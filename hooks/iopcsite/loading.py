"""Load one author file into a typed model, collecting problems instead of stopping."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .errors import ContentProblem, ProblemList, display_path
from .yamlsource import ProblemRaised, YamlDocument, load_yaml_file, validate

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
    if not isinstance(document.data, dict):
        problems.add(ContentProblem(shown, 1, 1, None, "the file must hold 'key: value' pairs at the top level."))
        return None, document
    value, found = validate(document, model)
    problems.extend(found)
    return value, document
