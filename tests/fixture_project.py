"""Small copies of the real project for tests that break content on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def copy_project(target: Path) -> Path:
    """A copy of the real content (docs, data, config) in ``target``, safe to break."""
    shutil.copytree(PROJECT_ROOT / "docs", target / "docs")
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("overrides", "campaigns"):
        if (PROJECT_ROOT / folder).is_dir():
            shutil.copytree(PROJECT_ROOT / folder, target / folder)
    (target / "hooks").symlink_to(PROJECT_ROOT / "hooks")
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Change one piece of text in a file; the test fails loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line where ``text`` first appears in ``path``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not in {path}")
