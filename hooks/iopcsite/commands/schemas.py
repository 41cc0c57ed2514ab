"""JSON Schemas for editors, generated from the same models the build validates with.

Editors (VS Code's YAML extension, through ``.vscode/settings.json``) read the
committed files in ``schemas/`` to offer autocompletion and inline errors; a
test keeps them equal to what the models say now.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from iopcsite.collections.pages.models import Journey
from iopcsite.config.models import SiteConfig, StringTable
from iopcsite.config.taxonomy import Taxonomy
from iopcsite.content.collection import Collection, EditorSchema
from iopcsite.content.registry import COLLECTIONS

SCHEMA_DIR = Path("schemas")
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The settings files every site has; each collection names its own (``Collection.editor_schemas``).
SITE_SCHEMAS: tuple[EditorSchema, ...] = (
    EditorSchema("site", SiteConfig, "docs/_data/site.yml"),
    EditorSchema("strings", StringTable, "docs/_data/strings.yml"),
    EditorSchema("journey", Journey, "docs/_data/journey.yml"),
    EditorSchema("taxonomy", Taxonomy, "docs/_data/taxonomy.yml"),
)


def editor_schemas(kinds: tuple[type[Collection], ...] = COLLECTIONS) -> dict[str, EditorSchema]:
    """Every editor schema by name: the site's settings, then each registered collection's."""
    schemas = [*SITE_SCHEMAS, *(schema for kind in kinds for schema in kind.editor_schemas)]
    return {schema.name: schema for schema in schemas}


SCHEMAS = editor_schemas()


def model_file(model: type[BaseModel]) -> str:
    """Where a model is written, as a path from the project folder (``hooks/iopcsite/...``)."""
    return "hooks/" + model.__module__.replace(".", "/") + ".py"


def schema_path(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


def generate_schema(name: str, schemas: dict[str, EditorSchema] | None = None) -> dict:
    """The JSON Schema of one kind of file, with a title and description editors can show."""
    chosen = (SCHEMAS if schemas is None else schemas)[name]
    model, files = chosen.model, chosen.files
    schema = _titled(model.model_json_schema(mode="validation"))
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$comment": f"Generated from {model.__name__} in {model_file(model)} by 'python -m iopcsite schemas'. "
                    "Do not edit: change the model and run it again.",
        **schema,
        "description": f"{schema.get('description', model.__name__)} Describes: {files}.",
    }


def _titled(node):
    """Give every property a title; pydantic leaves it off properties that refer to another model."""
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            if isinstance(value, dict) and "title" not in value:
                value["title"] = key.replace("_", " ").capitalize()
        for value in node.values():
            _titled(value)
    elif isinstance(node, list):
        for value in node:
            _titled(value)
    return node


def schema_text(name: str) -> str:
    """The exact bytes written to ``schemas/NAME.schema.json``."""
    return json.dumps(generate_schema(name), indent=2, ensure_ascii=False) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema under ``root``; returns the files written."""
    written = []
    for name in SCHEMAS:
        path = Path(root) / schema_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Schema files that differ from what the models generate now (or are missing)."""
    stale = []
    for name in SCHEMAS:
        path = Path(root) / schema_path(name)
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(name):
            stale.append(schema_path(name).as_posix())
    return stale
