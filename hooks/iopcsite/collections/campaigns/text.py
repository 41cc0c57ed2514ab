"""Text templates (the campaign page Markdown, the pack README) and the filters they share."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from iopcsite.authoring.file_state import cached_until_changed, files_under
from iopcsite.content.page_templates import file_size, md_line, md_text

from iopcsite.collections.campaigns.strings import translator

TEMPLATES = Path(__file__).parent / "templates"


def template_files() -> list[Path]:
    """Every template and the strings file: what the template environments are made again for."""
    return files_under(TEMPLATES)


@cached_until_changed(template_files)
def text_environment() -> Environment:
    """Jinja for Markdown and plain text: no autoescaping, but ``attr`` escapes HTML attribute values.
    Made again when a template changes, so an edit shows at the next preview rebuild."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["size"] = file_size
    env.filters["attr"] = lambda value: str(escape(value))
    env.filters["md_text"] = md_text
    env.filters["md_line"] = md_line
    return env


def render_text(template: str, *, language: str, **values) -> str:
    """Render a text template with the wording of ``language`` as ``t``."""
    return text_environment().get_template(template).render(t=translator(language), lang=language, **values)
