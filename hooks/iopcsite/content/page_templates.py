"""Generated pages are rendered from Jinja templates; Markdown is only what authors write.

Each collection keeps its page templates in its own ``templates/`` folder. Every
generated page is framed the same way by ``content/templates/frame.md``: its front
matter, any preview banners, and, where the page is shown in a language it is not
written in, the notice that says so (the one place that notice is written).

Author text that is not Markdown (a question, a title) goes through ``md_text``, so
whatever an author types (``[``, ``*``, ``{: #x}``, ``<script>``) shows as typed
instead of becoming Markdown, attributes or HTML.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

SHARED_TEMPLATES = Path(__file__).parent / "templates"
# Every character Python-Markdown lets a backslash escape (with the tables extension's '|'); '<' and '>'
# become entities instead, so no tag survives.
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+!|.-])")
HTML_SYNTAX = {"<": "&lt;", ">": "&gt;"}
SETEXT_UNDERLINE = re.compile(r"^=+$")  # '=' cannot be escaped with a backslash


def docs_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one generated docs page to another page or file (an anchor kept),
    relative, as MkDocs resolves it: ``docs_link('news/a.md', 'publications/b.md#x')`` is ``'../publications/b.md#x'``."""
    target, _, anchor = to_uri.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_uri) or ".")
    return path + (f"#{anchor}" if anchor else "")


def md_text(text: str) -> str:
    """Plain author text made safe to place in Markdown as a paragraph: it shows exactly as typed.

    Its line breaks stay (Markdown joins the lines of a paragraph, and blank lines part
    paragraphs), but no line can start a block of its own: no indent, no heading underline.
    """
    escaped = MARKDOWN_SYNTAX.sub(r"\\\1", str(text))
    for character, entity in HTML_SYNTAX.items():
        escaped = escaped.replace(character, entity)
    lines = [line.strip() for line in escaped.strip().splitlines()]
    return "\n".join(SETEXT_UNDERLINE.sub(lambda match: "&#61;" * len(match.group(0)), line) for line in lines)


def md_line(text: str) -> str:
    """Plain author text made safe to place in one line of Markdown (a heading, a list item, a link)."""
    return " ".join(md_text(text).split())


def file_size(size: int) -> str:
    """'850 bytes', '17 KB', '1.2 MB'."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def front_matter(values: dict) -> str:
    """Front matter for a generated page (JSON is valid YAML and needs no quoting rules)."""
    return "---\n" + json.dumps(values, ensure_ascii=False) + "\n---\n"


@functools.cache
def page_environment(folder: Path) -> Environment:
    """Jinja for one collection's page templates (and the shared frame): Markdown out, nothing escaped
    unless a template says so with ``md_text``."""
    env = Environment(loader=ChoiceLoader([FileSystemLoader(folder), FileSystemLoader(SHARED_TEMPLATES)]),
                      autoescape=False, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["md_text"] = md_text
    env.filters["md_line"] = md_line
    return env


def render_page(folder: Path, template: str, **context) -> str:
    """The Markdown body of a generated page from ``folder``'s ``template``."""
    return page_environment(Path(folder)).get_template(template).render(**context)


def framed_page(front: dict, body: str, *, banners: list[str] = (), notice: str | None = None,
                body_language: str | None = None) -> str:
    """A whole generated page: front matter, preview banners, the untranslated notice, the body.

    With ``body_language``, the body is marked as written in that language (the English
    shown on a Welsh page for want of a translation).
    """
    return page_environment(SHARED_TEMPLATES).get_template("frame.md").render(
        front_matter=front_matter(front), banners=[banner for banner in banners if banner], notice=notice,
        body=body.strip(), body_language=body_language)
