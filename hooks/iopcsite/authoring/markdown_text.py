"""Small text passes over author Markdown: placeholders, links, anchors and headings."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from iopcsite.authoring.errors import ContentProblem, suggest

PLACEHOLDER = re.compile(r"\{\{\s*org\.([A-Za-z_]+)\s*\}\}")
INLINE_LINK = re.compile(r"(?<!\!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
EXPLICIT_ID = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """A link in Markdown, with the line it is on."""

    target: str
    line: int


def substitute_placeholders(text: str, values: dict[str, str], file: str, first_line: int, field: str | None = None) -> tuple[str, list[ContentProblem]]:
    """Replace ``{{ org.name }}`` and friends; unknown names become problems."""
    problems: list[ContentProblem] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        line = first_line + text.count("\n", 0, match.start())
        known = [f"org.{value}" for value in sorted(values)]
        hint = suggest(f"org.{name}", known) or f"Known names: {', '.join(known)}."
        problems.append(ContentProblem(file, line, None, field, f"unknown placeholder '{{{{ org.{name} }}}}'.", hint))
        return match.group(0)

    return PLACEHOLDER.sub(replace, text), problems


def lines_outside_code(text: str):
    """(line number, line) of every line of Markdown outside fenced code blocks (the fences too are left out)."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def internal_links(text: str) -> list[Link]:
    """Links to other pages of the site (not external, not placeholders)."""
    found = []
    for number, line in lines_outside_code(text):
        for match in INLINE_LINK.finditer(line):
            target = match.group("target")
            if EXTERNAL.match(target) or target.startswith("{{"):
                continue
            found.append(Link(target, number))
    return found


def heading_anchors(text: str) -> set[str]:
    """Every anchor a page's headings get: explicit ``{#id}`` or the slug of the words."""
    anchors: set[str] = set()
    for _, line in lines_outside_code(text):
        match = HEADING.match(line)
        if not match:
            continue
        explicit = EXPLICIT_ID.search(line)
        anchors.add(explicit.group(1) if explicit else slugify(match.group(2), "-"))
    return anchors


def h1_lines(text: str) -> list[int]:
    """Lines with a level-one heading (authors must not write one: the title is the h1)."""
    return [number for number, line in lines_outside_code(text) if re.match(r"^#\s", line)]


def resolve_link(source_uri: str, target: str) -> tuple[str, str]:
    """(page src_uri, anchor) that a relative link in ``source_uri`` points to."""
    path, _, anchor = target.partition("#")
    if not path:
        return source_uri, anchor
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source_uri), path))
    if joined.endswith("/") or not joined.endswith(".md"):
        joined = posixpath.join(joined, "index.md") if not posixpath.splitext(joined)[1] else joined
    return joined, anchor


def relocate_target(target: str, written_from: str, placed_at: str) -> str:
    """A relative link target written in ``written_from``, as seen from ``placed_at``."""
    if EXTERNAL.match(target) or target.startswith(("#", "{{")):
        return target
    path, hash_, anchor = target.partition("#")
    absolute = posixpath.normpath(posixpath.join(posixpath.dirname(written_from), path))
    return posixpath.relpath(absolute, posixpath.dirname(placed_at) or ".") + hash_ + anchor


def relocate_links(text: str, written_from: str, placed_at: str) -> str:
    """Rewrite every relative link in ``text`` for a page placed at ``placed_at``."""
    if posixpath.dirname(written_from) == posixpath.dirname(placed_at):
        return text

    def fix(match: re.Match[str]) -> str:
        target = match.group("target")
        return match.group(0).replace(f"({target}", f"({relocate_target(target, written_from, placed_at)}", 1)

    return INLINE_LINK.sub(fix, text)


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page: ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri[: -len("index.md")]
    return src_uri[:-3] + "/"


def page_file_name(url: str) -> str:
    """The built file a site path is served from: ``faqs/reviews/`` -> ``faqs/reviews/index.html``."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative_url(from_uri: str, docs_target: str) -> str:
    """A docs-root-relative link (``review.md#x``) as a URL relative to the page ``from_uri``."""
    target_uri, anchor = resolve_link("index.md", docs_target)
    base = page_url(from_uri).rstrip("/") or "."
    url = posixpath.relpath(page_url(target_uri).rstrip("/") or ".", base)
    url = "./" if url == "." else (url if url.endswith("/") else url + "/")
    return url + (f"#{anchor}" if anchor else "")


def relative_file_url(from_uri: str, site_path: str) -> str:
    """A file the site publishes (``news/feed.xml``) as a URL relative to the page ``from_uri``."""
    return posixpath.relpath(site_path, page_url(from_uri).rstrip("/") or ".")


EXTERNAL_HREF = re.compile(r'href="(?:https?:)?//')
REL = re.compile(r'\brel="([^"]*)"')


def mark_external_links(html: str) -> str:
    """Links to other sites get ``rel="noreferrer"`` so they never learn where readers came from."""
    # Found from their href (rare) rather than by trying every <a> of Material's long menu: this runs on every page.
    pieces, done = [], 0
    for match in EXTERNAL_HREF.finditer(html):
        start = html.rfind("<", 0, match.start())
        if start < done or not html.startswith("<a", start) or not html[start + 2:start + 3].isspace():
            continue
        end = html.find(">", match.end())
        if end == -1:
            break
        pieces += [html[done:start], _with_noreferrer(html[start:end + 1])]
        done = end + 1
    return "".join(pieces) + html[done:] if pieces else html


def _with_noreferrer(tag: str) -> str:
    rel = REL.search(tag)
    if rel is None:
        return tag[:-1] + ' rel="noreferrer">'
    values = rel.group(1).split()
    if "noreferrer" in values:
        return tag
    return tag.replace(rel.group(0), f'rel="{" ".join(values + ["noreferrer"])}"', 1)
