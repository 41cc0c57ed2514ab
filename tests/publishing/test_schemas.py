"""The editor schemas say what the models say, and the real content passes them."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from iopcsite.authoring.yaml_source import load_yaml_file, split_front_matter
from iopcsite.collections.pages.loader import discover_pages
from iopcsite.commands.schemas import SCHEMAS, schema_path, schema_text, stale_schemas
from support.project import PROJECT_ROOT

VSCODE_SETTINGS = PROJECT_ROOT / ".vscode/settings.json"
# Front matter schemas (pages, news items) are for Markdown files, which the YAML extension does not read.
YAML_SCHEMAS = {name: schema.files for name, schema in SCHEMAS.items() if "front matter" not in schema.files}


def as_editor_sees_it(value):
    """YAML as an editor's JSON Schema validator sees it: dates are text (YAML 1.2)."""
    if isinstance(value, dict):
        return {key: as_editor_sees_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((PROJECT_ROOT / schema_path(name)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def content_files() -> list[tuple[str, Path]]:
    found = []
    for name, pattern in YAML_SCHEMAS.items():
        found += [(name, path) for path in sorted(PROJECT_ROOT.glob(pattern))]
    return found


def real_pages() -> list[Path]:
    """Every page file under docs/."""
    return discover_pages(PROJECT_ROOT / "docs")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_equals_what_the_models_generate(name):
    committed = PROJECT_ROOT / schema_path(name)
    assert committed.is_file(), f"run 'python -m iopcsite schemas' and commit {schema_path(name)}"
    assert committed.read_text(encoding="utf-8") == schema_text(name), \
        f"{schema_path(name)} is out of date: run 'python -m iopcsite schemas' and commit it"


def test_no_stale_schemas():
    assert stale_schemas(PROJECT_ROOT) == []


def _properties(node):
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            yield key, value
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_a_title_and_description(name):
    schema = json.loads(schema_text(name))
    missing = sorted({key for key, value in _properties(schema) if not (value.get("title") and value.get("description"))})
    assert missing == [], f"give these fields a description in models.py: {missing}"


@pytest.mark.for_each("name, path", content_files, ids=lambda value: getattr(value, "name", value))
def test_real_data_files_pass_their_schema(name, path):
    data = as_editor_sees_it(load_yaml_file(path, path.name).data)
    errors = [error.message for error in validator(name).iter_errors(data)]
    assert errors == []


@pytest.mark.for_each("path", real_pages, ids=lambda path: path.name)
def test_real_page_front_matter_passes_the_page_schema(path):
    front, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    errors = [error.message for error in validator("page").iter_errors(as_editor_sees_it(front.data))]
    assert errors == []


def test_the_schemas_catch_what_the_check_catches():
    page = {"title": "A page", "description": "About it.", "last_reviewed": "2026-11-22", "review_by": "2027-05-22"}
    check = validator("page")
    assert not list(check.iter_errors(page))
    assert not list(check.iter_errors({**page, "publish_from": "2026-12-01 09:00", "draft": True}))
    assert any("titel" in error.message for error in check.iter_errors({**page, "titel": "x"}))
    assert list(check.iter_errors({key: value for key, value in page.items() if key != "review_by"}))
    assert list(check.iter_errors({**page, "review_by": "22/05/2027"}))
    assert list(check.iter_errors({**page, "publish_from": "next Tuesday"}))


def test_vscode_maps_every_data_file_to_its_schema():
    settings = json.loads(VSCODE_SETTINGS.read_text(encoding="utf-8"))
    expected = {f"./{schema_path(name).as_posix()}": files for name, files in YAML_SCHEMAS.items()}
    assert settings["yaml.schemas"] == expected
    recommended = json.loads((PROJECT_ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]


@pytest.mark.for_each("name, path", content_files, ids=lambda value: getattr(value, "name", value))
def test_schema_comments_in_data_files_point_at_the_right_schema(name, path):
    comment = re.search(r"# yaml-language-server: \$schema=(\S+)", path.read_text(encoding="utf-8"))
    if comment is None:
        return  # the VS Code mapping above covers files without the comment
    assert (path.parent / comment.group(1)).resolve() == (PROJECT_ROOT / schema_path(name)).resolve()
