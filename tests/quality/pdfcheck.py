"""Is a PDF accessible? Read it back and check what a screen reader relies on.

Checks, after PDF/UA: tagged (``/MarkInfo /Marked true`` and a structure tree),
a document language, a title shown as the window title, alternative text on
every figure, and headings that do not skip a level.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

HEADING = re.compile(r"^/H([1-6])$")


def pdf_problems(path: Path) -> list[str]:
    """Everything that keeps ``path`` from being an accessible document, in plain words."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        problems = _document_problems(pdf, root)
        tree = root.get("/StructTreeRoot")
        if tree is None:
            return problems + ["it has no structure tree (/StructTreeRoot), so it is not tagged"]
        role_map = {str(key): str(value) for key, value in (tree.get("/RoleMap") or {}).items()}
        elements = list(structure_elements(tree, role_map))
        problems += _figure_problems(elements)
        problems += _heading_problems([role for role, _ in elements])
        return problems


def _document_problems(pdf: pikepdf.Pdf, root: pikepdf.Dictionary) -> list[str]:
    problems = []
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        problems.append("it is not marked as tagged (/MarkInfo /Marked true)")
    if not str(root.get("/Lang", "")).strip():
        problems.append("it has no document language (/Lang)")
    if not _title(pdf):
        problems.append("it has no title")
    preferences = root.get("/ViewerPreferences") or {}
    if not bool(preferences.get("/DisplayDocTitle", False)):
        problems.append("its title is not shown as the window title (/ViewerPreferences /DisplayDocTitle true)")
    return problems


def _title(pdf: pikepdf.Pdf) -> str:
    title = str(pdf.docinfo.get("/Title", "")).strip() if pdf.docinfo is not None else ""
    if title:
        return title
    with pdf.open_metadata() as metadata:
        return str(metadata.get("dc:title", "")).strip()


def structure_elements(node, role_map: dict[str, str] | None = None):
    """(standard role, element) for every structure element below ``node``, in reading order."""
    role_map = role_map or {}
    if isinstance(node, pikepdf.Array):
        for child in node:
            yield from structure_elements(child, role_map)
        return
    if not isinstance(node, pikepdf.Dictionary):
        return
    role = node.get("/S")
    if role is not None:
        name = str(role)
        yield role_map.get(name, name), node
    children = node.get("/K")
    if children is not None:
        yield from structure_elements(children, role_map)


def _figure_problems(elements) -> list[str]:
    missing = sum(1 for role, element in elements if role == "/Figure" and not str(element.get("/Alt", "")).strip())
    return [f"{missing} figure(s) have no alternative text (/Alt)"] if missing else []


def _heading_problems(roles: list[str]) -> list[str]:
    levels = [int(match.group(1)) for role in roles if (match := HEADING.match(role))]
    problems = []
    if levels and levels[0] != 1:
        problems.append(f"the first heading is H{levels[0]}, not H1")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"headings jump from H{before} to H{after}")
    return problems
