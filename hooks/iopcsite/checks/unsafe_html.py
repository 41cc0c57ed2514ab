"""No author file may carry a script: ``<script>``, ``on…=`` handlers, ``javascript:`` links, ``<iframe>``.

The site runs only the scripts it ships (``iopcsite.finish.security.SHIPPED_SCRIPTS``), so
anything of this kind in a page, a question or a campaign is a mistake or an attack. Markdown
and YAML pass raw HTML through, so it is caught here, in the author's file and line, before
anything is built. Code (fenced blocks and inline spans) is text, shown and never run.

A fence is code only where Python-Markdown's fenced_code reads one: at the start of a line
in a page, closed by the same fence. In YAML the text is indented, so there a fence may be.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from iopcsite.authoring.errors import ContentProblem

AUTHOR_FOLDERS = ("docs", "campaigns")
AUTHOR_FILE_ENDINGS = (".md", ".yml", ".yaml")
SHOW_CODE = "To show it as code, put it in a code block: a line of three backticks before it and another after it."

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
IFRAME_TAG = re.compile(r"<iframe\b", re.IGNORECASE)
# An on…= attribute inside an HTML tag, or in an attribute list ({: onclick="…" }), which sets one too.
EVENT_HANDLER = re.compile(r"""(?:<[a-z][^>]*?[\s"'/]|\{:?[^{}\n]*?(?<![\w-]))(?P<name>on[a-z]+)\s*=""", re.IGNORECASE)
# Where a link's target begins: Markdown links and reference definitions, autolinks, link attributes.
LINK_TARGET = re.compile(r"""(?:\]\(\s*<?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?|<|\b(?:href|src|action|formaction)\s*=\s*["']?\s*)"""
                         r"""(?P<target>[^\s"'<>()]*)""", re.IGNORECASE | re.MULTILINE)
# Something every pattern above needs (see could_hold_a_script).
QUICK_LOOK = re.compile(r"<|&|javascript|[\x00-\x08\x0b\x0c\x0e-\x1f]|\{[^}\n]*=", re.IGNORECASE)
# Browsers ignore these inside a scheme, and decode character references: "jav&#x09;ascript:" runs too.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")


@dataclass(frozen=True)
class UnsafeKind:
    """One kind of author-written code, and what to tell the author about it."""

    message: str
    hint: str


SCRIPT = UnsafeKind("this holds a <script> tag.", f"Remove it: the site runs only its own scripts. {SHOW_CODE}")
IFRAME = UnsafeKind("this holds an <iframe>, which shows another site inside the page.",
                    f"Remove it and link to that page instead: the site does not show other sites inside its pages. {SHOW_CODE}")
HANDLER = UnsafeKind("this holds an event handler attribute ({name}=), which runs a script.",
                     f"Remove the attribute: the site runs only its own scripts. {SHOW_CODE}")
JAVASCRIPT_LINK = UnsafeKind("this holds a javascript: link, which runs a script instead of opening a page.",
                             f"Link to a page of the site or to an https:// address instead. {SHOW_CODE}")


def unsafe_html_problems(text: str, file: str, first_line: int = 1) -> list[ContentProblem]:
    """Every script, event handler, javascript: link and iframe in ``text`` outside code, as
    problems of ``file`` (Markdown, or YAML when it ends so), whose line ``first_line`` is the text's first."""
    if not could_hold_a_script(text):
        return []
    prose = without_code(text, indented_fences=not file.endswith(".md"))
    found = [(match.start(), SCRIPT, "") for match in SCRIPT_TAG.finditer(prose)]
    found += [(match.start(), IFRAME, "") for match in IFRAME_TAG.finditer(prose)]
    found += [(match.start("name"), HANDLER, match.group("name").lower()) for match in EVENT_HANDLER.finditer(prose)]
    found += [(match.start("target"), JAVASCRIPT_LINK, "") for match in LINK_TARGET.finditer(prose)
              if is_javascript_url(match.group("target"))]
    return [_problem(prose, at, kind, name, file, first_line) for at, kind, name in sorted(found, key=lambda f: f[0])]


def could_hold_a_script(text: str) -> bool:
    """False when none of the patterns can match, found cheaply: most files hold no tag at all.

    A tag needs '<'; an attribute list's handler needs '{' and '=' on one line; a javascript: link
    spells 'javascript', unless character references ('&') or control characters hide its letters."""
    return QUICK_LOOK.search(text) is not None


def unsafe_html_in_project(root: Path, sources: tuple[str, ...] = AUTHOR_FOLDERS) -> list[ContentProblem]:
    """``unsafe_html_problems`` of every author file: Markdown and YAML in ``sources`` (files and folders
    of the project: docs/ and every collection's own)."""
    root = Path(root)
    problems: list[ContentProblem] = []
    for path in author_files(root, sources):
        problems += unsafe_html_problems(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
    return problems


def author_files(root: Path, sources: tuple[str, ...] = AUTHOR_FOLDERS) -> list[Path]:
    """Every file an author writes in ``sources``: pages, translations, data and campaigns."""
    found = set()
    for source in sources:
        top = root / source
        candidates = [top] if top.is_file() else top.rglob("*")
        found.update(path for path in candidates if path.is_file() and path.name.endswith(AUTHOR_FILE_ENDINGS))
    return sorted(found)


def is_javascript_url(target: str) -> bool:
    """Whether a link target runs a script, written however a browser would still read it."""
    return IGNORED_IN_SCHEME.sub("", html.unescape(target)).lower().startswith("javascript:")


def without_code(text: str, indented_fences: bool = False) -> str:
    """``text`` with fenced code blocks and inline code spans blanked out, every line kept.

    A fence that is never closed opens no code block: what follows it is published as written.
    """
    lines = text.split("\n")
    kept: list[str] = []
    number = 0
    while number < len(lines):
        end = _code_block_end(lines, number, indented_fences)
        if end is None:
            kept.append(CODE_SPAN.sub(lambda match: " " * len(match.group(0)), lines[number]))
            number += 1
        else:
            kept += [""] * (end - number + 1)
            number = end + 1
    return "\n".join(kept)


def _code_block_end(lines: list[str], start: int, indented_fences: bool) -> int | None:
    """The index of the line closing a code block fenced on line ``start``, or None."""
    opening = FENCE.match(lines[start])
    if opening is None or (opening.group("indent") and not indented_fences):
        return None
    for number in range(start + 1, len(lines)):
        closing = FENCE.match(lines[number])
        if closing and closing.group("fence") == opening.group("fence") and not closing.group("rest").strip() \
                and (indented_fences or not closing.group("indent")):
            return number
    return None


def _problem(prose: str, at: int, kind: UnsafeKind, name: str, file: str, first_line: int) -> ContentProblem:
    line = first_line + prose.count("\n", 0, at)
    column = at - prose.rfind("\n", 0, at)
    return ContentProblem(file, line, column, None, kind.message.format(name=name), kind.hint)
