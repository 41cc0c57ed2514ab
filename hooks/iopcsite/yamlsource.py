"""Read YAML and Markdown front matter, keeping the line and column of every value.

Validation errors from the typed models are turned into ContentProblems that
point at the exact line an author must change.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import ruamel.yaml

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from .errors import ContentProblem, suggest

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML with its positions. ``line_offset`` shifts lines for front matter."""

    file: str
    tree: Any
    line_offset: int = 0

    @property
    def data(self) -> Any:
        return to_plain(self.tree)

    def position(self, loc: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at ``loc``, or of its nearest parent."""
        node, line, column = self.tree, 1, 1
        for key in loc:
            found = _child_position(node, key)
            if found is None:
                break
            line, column = found[0] + 1, found[1] + 1
            node = node[key]
        return line + self.line_offset, column


def _child_position(node: Any, key: str | int) -> tuple[int, int] | None:
    if isinstance(node, CommentedMap) and key in node:
        return node.lc.key(key)
    if isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
        return node.lc.item(key)
    return None


def to_plain(value: Any) -> Any:
    """ruamel's commented containers as plain dicts, lists and scalars."""
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if hasattr(value, "isoformat") or isinstance(value, (bool, int, float)) or value is None:
        return value
    return str(value)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


# Parsed trees (with their line numbers) by the hash of the text. Parsing with
# positions is most of the cost of loading a large site, and every language's
# build process loads all of it, so unchanged files are read from here.
_CACHE_FORMAT = f"1-ruamel-{ruamel.yaml.__version__}"
_cache_dir: ContextVar[Path | None] = ContextVar("yaml_cache_dir", default=None)


@contextmanager
def parsed_yaml_cache(folder: Path) -> Iterator[None]:
    """Within this block, parsed YAML is kept in ``folder`` and reused while the text is unchanged."""
    token = _cache_dir.set(Path(folder))
    try:
        yield
    finally:
        _cache_dir.reset(token)


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlDocument:
    """Parse YAML text; raises ContentProblemError with the line of a syntax error."""
    folder = _cache_dir.get()
    if folder is None:
        return YamlDocument(file, _parse_tree(text, file, line_offset), line_offset)
    key = hashlib.sha256(f"{_CACHE_FORMAT}\n{text}".encode("utf-8")).hexdigest()
    cached = folder / f"{key}.pickle"
    try:
        return YamlDocument(file, pickle.loads(cached.read_bytes()), line_offset)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    tree = _parse_tree(text, file, line_offset)
    _store(folder, cached, pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL))
    return YamlDocument(file, tree, line_offset)


def _store(folder: Path, target: Path, data: bytes) -> None:
    """Write atomically: the language builds run at once and may store the same file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError:
        pass  # a read-only or full disk only costs speed


def _parse_tree(text: str, file: str, line_offset: int) -> Any:
    try:
        return _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else None
        column = (mark.column + 1) if mark else None
        problem = error.problem or str(error)
        raise ProblemRaised(
            ContentProblem(
                file, line, column, None,
                f"this is not valid YAML ({problem}).",
                "Check the indentation and that every 'key: value' has a space after the colon.",
            )
        ) from None


def load_yaml_file(path: Path, shown_as: str) -> YamlDocument:
    """Read and parse a YAML file."""
    return parse_yaml(Path(path).read_text(encoding="utf-8"), shown_as)


class ProblemRaised(Exception):
    """Carries one ContentProblem out of a parser."""

    def __init__(self, problem: ContentProblem):
        self.problem = problem
        super().__init__(str(problem))


def validate(document: YamlDocument, model: type[Model], loc_prefix: tuple[str | int, ...] = ()) -> tuple[Model | None, list[ContentProblem]]:
    """Validate the data at ``loc_prefix`` against ``model``; problems point at lines."""
    data = document.data
    for key in loc_prefix:
        data = data[key]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems = [
            problem_from_pydantic(document, model, loc_prefix, item)
            for item in error.errors(include_url=False)
        ]
        return None, problems


def field_name(loc: tuple[str | int, ...]) -> str:
    """A dotted field name as an author writes it: ``translations.cy.question``."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        elif parts:
            parts.append(f".{part}")
        else:
            parts.append(str(part))
    return "".join(parts)


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The nested model that holds the last key of ``loc``, for 'did you mean'."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        by_key = {f.alias or name: f for name, f in fields.items()}
        if part not in by_key:
            return None
        current = _inner_model(by_key[part].annotation)
        if current is None:
            return None
    return current if hasattr(current, "model_fields") else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def problem_from_pydantic(document: YamlDocument, model: type[BaseModel], prefix: tuple[str | int, ...], item: dict) -> ContentProblem:
    """Turn one pydantic error into words an author understands."""
    loc = tuple(part for part in item["loc"] if not (isinstance(part, str) and "[" in part and "]" in part))
    full = prefix + loc
    line, column = document.position(full)
    kind = item["type"]
    name = field_name(loc) or None
    hint = None
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        choices = [f.alias or n for n, f in owner.model_fields.items()] if owner else []
        message = f"unknown key '{loc[-1]}'."
        hint = suggest(str(loc[-1]), choices) or (f"Allowed keys: {', '.join(sorted(choices))}." if choices else None)
    elif kind == "missing":
        message = "this required field is missing."
        hint = "Add it, then run 'make check' again."
    else:
        received = item.get("input")
        shown = repr(received) if not isinstance(received, (dict, list)) else type(received).__name__
        message = f"{item['msg']} (you wrote {shown})."
    return ContentProblem(document.file, line, column, name, message, hint)


FRONT_MATTER_FENCE = "---"


def split_front_matter(text: str, file: str) -> tuple[YamlDocument | None, str, int]:
    """Split a Markdown file into (front matter, body, the line the body starts on)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER_FENCE:
            front = "".join(lines[1:index])
            body = "".join(lines[index + 1:])
            return parse_yaml(front or "{}", file, line_offset=1), body, index + 2
    raise ProblemRaised(
        ContentProblem(file, 1, 1, None, "the front matter has no closing '---' line.",
                       "Add a line with three dashes after the last front matter field.")
    )
