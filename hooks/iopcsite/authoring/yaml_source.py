"""Read YAML and Markdown front matter, keeping the line and column of every value.

Validation errors from the typed models are turned into ContentProblems that
point at the exact line an author must change.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import re
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
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from iopcsite.authoring.errors import ContentProblem, suggest

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

    def problem(self, loc: tuple[str | int, ...], message: str, hint: str | None = None) -> ContentProblem:
        """A problem with the value at ``loc``, pointing at its line and naming its field."""
        line, column = self.position(loc)
        return ContentProblem(self.file, line, column, field_name(loc) or None, message, hint)


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


def _timestamp_or_text(constructor: Any, node: Any) -> Any:
    """A YAML date; an impossible one (2026-02-30) stays text so validation can say what is wrong."""
    try:
        return constructor.construct_yaml_timestamp(node)
    except ValueError:
        return constructor.construct_scalar(node)


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, with our dates. add_constructor changes the class it is
    called on, so it goes on a class of our own, once, not on ruamel's for every parse."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
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
    """Parse YAML text; raises ProblemRaised with the line of a syntax error, in plain words."""
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
        problem = error.problem or str(error)
        unclosed = "end of stream" in problem and error.context_mark is not None
        mark = error.context_mark if unclosed else (error.problem_mark or error.context_mark)
        line = (mark.line + 1 + line_offset) if mark else None
        column = (mark.column + 1) if mark else None
        message, hint = explain_yaml_error(problem, unclosed)
        raise ProblemRaised(ContentProblem(file, line, column, None, message, hint)) from None


GENERIC_YAML_HINT = "Check the indentation and that every 'key: value' has a space after the colon."


def explain_yaml_error(problem: str, unclosed: bool = False) -> tuple[str, str]:
    """(what is wrong, what to do) for a YAML syntax error, in place of the parser's jargon."""
    duplicate = re.search(r'found duplicate key "([^"]*)"', problem)
    if duplicate:
        return f"the key '{duplicate.group(1)}' is written twice.", "Keep one of them and delete the other."
    if unclosed:
        return "a quotation mark is opened here but never closed.", "Add the closing quote mark at the end of the text."
    if "mapping values are not allowed" in problem:
        return ("the text here contains a colon followed by a space, which YAML reads as a new key.",
                'Put the whole text in double quotes, for example: title: "Reviews: what to expect"')
    if "'\\t'" in problem:  # the parser names a tab as '\t'
        return "there is a tab character here.", "Indent with spaces, not tabs."
    if "expected <block end>" in problem or "could not find expected ':'" in problem:
        return ("this line is not lined up with the lines around it, or a 'key: value' is missing its colon.",
                "Lines in the same group must start in the same column. Indent with spaces.")
    if "expected ',' or ']'" in problem:
        return "a list in square brackets [ ] is not closed.", "Add the closing ']' or write the list one '- item' a line."
    if "expected ',' or '}'" in problem:
        return "a group in curly brackets { } is not closed.", "Add the closing '}'."
    character = re.search(r"found character '(.)' that cannot start any token", problem)
    if character:
        return (f"a value cannot start with the character '{character.group(1)}'.",
                "Put the whole value in double quotes.")
    return f"this is not valid YAML ({problem}).", GENERIC_YAML_HINT


def load_yaml_file(path: Path, shown_as: str) -> YamlDocument:
    """Read and parse a YAML file."""
    return parse_yaml(Path(path).read_text(encoding="utf-8"), shown_as)


class ProblemRaised(Exception):
    """Carries one ContentProblem out of a parser."""

    def __init__(self, problem: ContentProblem):
        self.problem = problem
        super().__init__(str(problem))


def validate(document: YamlDocument, model: type[Model]) -> tuple[Model | None, list[ContentProblem]]:
    """Validate the document against ``model``; problems point at lines."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        items = error.errors(include_url=False)
        misspelt = _misspelt_required(model, items)
        problems = [
            problem_from_pydantic(document, model, item)
            for item in items
            if not (item["type"] == "missing" and _clean_loc(item["loc"]) in misspelt)
        ]
        return None, problems


def _clean_loc(loc: tuple) -> tuple[str | int, ...]:
    """A pydantic location without its '[key]'-style markers."""
    return tuple(part for part in loc if not (isinstance(part, str) and "[" in part and "]" in part))


def _misspelt_required(model: type[BaseModel], items: list[dict]) -> set[tuple[str | int, ...]]:
    """Missing fields that an unknown key beside them is a misspelling of: one problem, not two."""
    missing = {_clean_loc(item["loc"]) for item in items if item["type"] == "missing"}
    covered = set()
    for item in items:
        if item["type"] != "extra_forbidden":
            continue
        loc = _clean_loc(item["loc"])
        owner = _model_at(model, loc)
        choices = [f.alias or n for n, f in owner.model_fields.items()] if owner else []
        close = difflib.get_close_matches(str(loc[-1]), choices, n=1, cutoff=0.6)
        if close and loc[:-1] + (close[0],) in missing:
            covered.add(loc[:-1] + (close[0],))
    return covered


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


def problem_from_pydantic(document: YamlDocument, model: type[BaseModel], item: dict) -> ContentProblem:
    """Turn one pydantic error into words an author understands."""
    loc = _clean_loc(item["loc"])
    line, column = document.position(loc)
    name = field_name(loc) or None
    if item["type"] == "extra_forbidden":
        owner = _model_at(model, loc)
        choices = [f.alias or n for n, f in owner.model_fields.items()] if owner else []
        message = f"unknown key '{loc[-1]}'."
        hint = suggest(str(loc[-1]), choices) or (f"Allowed keys: {', '.join(sorted(choices))}." if choices else None)
    elif item["type"] == "missing":
        message, hint = _missing(model, loc)
    else:
        message, hint = explain(item)
    return ContentProblem(document.file, line, column, name, message, hint)


def _missing(model: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[str, str]:
    key = str(loc[-1]) if loc else "?"
    owner = _model_at(model, loc)
    info = owner.model_fields.get(key) if owner else None
    about = f" ({info.description.rstrip('.')})" if info is not None and info.description else ""
    return f"the required field '{key}' is missing.", f"Add a line '{key}: ...'{about}."


DATE_EXAMPLE = "2026-11-22"
URL_EXAMPLE = "https://www.police.uk/"
KNOWN_PATTERNS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "an id made of lower-case letters, numbers and single hyphens, such as 'ask-for-a-review'",
    r"^#[0-9A-Fa-f]{6}$": "a colour written as # and six letters or digits, such as #13294B",
}


def explain(item: dict) -> tuple[str, str | None]:
    """(what is wrong, what to do) for one pydantic error other than unknown or missing keys."""
    kind, ctx, value = item["type"], item.get("ctx") or {}, item.get("input")
    wrote = f" (you wrote {shown_value(value)})"
    if value is None and kind not in ("too_short", "too_long"):
        return "nothing is written after the colon.", "Write the value after the colon."
    if kind.startswith("date_"):
        if kind == "date_from_datetime_inexact":
            return f"expected a date only, with no time{wrote}.", f"Write it as YYYY-MM-DD, for example {DATE_EXAMPLE}."
        return f"expected a date written as YYYY-MM-DD, for example {DATE_EXAMPLE}{wrote}.", _date_hint(value)
    if kind.startswith("datetime_"):
        return f"expected a date and time written as YYYY-MM-DD HH:MM, for example 2026-12-01 09:00{wrote}.", None
    if kind.startswith("url_"):
        return f"expected a full web address starting with https://, for example {URL_EXAMPLE}{wrote}.", None
    if kind in ("string_type", "str_type"):
        return f"expected text, but this is {kind_of(value)}{wrote}.", "To use it as text, put it in quotes, for example \"2026\"."
    if kind == "string_too_short":
        if ctx.get("min_length", 1) <= 1:
            return "this is empty.", "Write the text after the colon."
        return f"this is too short: it needs at least {ctx['min_length']} characters{wrote}.", None
    if kind == "string_too_long":
        over = len(str(value)) - ctx["max_length"]
        return (f"this is {len(str(value))} characters long; the most allowed is {ctx['max_length']}.",
                f"Shorten it by at least {over} character{'s' if over != 1 else ''}.")
    if kind == "string_pattern_mismatch":
        expected = KNOWN_PATTERNS.get(ctx.get("pattern", ""), f"text matching the pattern {ctx.get('pattern')}")
        return f"expected {expected}{wrote}.", None
    if kind.startswith("bool_"):
        return f"expected true or false{wrote}.", None
    if kind.startswith(("int_", "float_")):
        return f"expected a number{wrote}.", None
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        close = suggest(str(value), choices) if isinstance(value, str) else None
        return f"expected one of: {', '.join(choices)}{wrote}.", close
    if kind == "list_type":
        return f"expected a list{wrote}.", "Put each item on its own line, indented, starting with '- '."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (f"expected a group of 'key: value' lines{wrote}.",
                "Put each key on its own line, indented under this one.")
    if kind == "too_short":
        return f"this list needs at least {ctx.get('min_length')} item(s); it has {ctx.get('actual_length')}.", None
    if kind == "too_long":
        return f"this list can have at most {ctx.get('max_length')} item(s); it has {ctx.get('actual_length')}.", None
    message = item["msg"].removeprefix("Value error, ")
    return f"{message}{wrote}.", None


def _date_hint(value: Any) -> str | None:
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", value.strip()):
        return "There is no such day: check the month and the day."
    if isinstance(value, str) and re.match(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$", value.strip()):
        day, month, year = re.split(r"[/.-]", value.strip())
        return f"Write the year first: {year}-{int(month):02d}-{int(day):02d}."
    return None


def kind_of(value: Any) -> str:
    """What an author wrote, in words: 'a number', 'a list'..."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    if hasattr(value, "isoformat"):
        return "a date"
    return "text"


def shown_value(value: Any) -> str:
    """A value as the author wrote it, short enough for one line."""
    if isinstance(value, (dict, list)):
        return kind_of(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    text = text if len(text) <= 60 else text[:57] + "..."
    return f"'{text}'" if isinstance(value, str) else text


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
