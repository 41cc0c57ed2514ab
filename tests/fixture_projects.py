"""Small copies of the real project in temporary folders, for breaking one thing at a time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "hooks", "overrides", "Makefile", "requirements.txt", "tools")


def copy_project(destination: Path) -> Path:
    """The real content, pipeline and theme, copied to ``destination`` (the venv is linked, not copied)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    venv = PROJECT_ROOT / ".venv"
    if venv.exists():
        (destination / ".venv").symlink_to(venv)
    return destination


def run_tool(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m iopcsite ARGS`` in ``root``, as 'make check' and 'make build' run it."""
    environment = {**os.environ, "PYTHONPATH": str(root / "hooks"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "iopcsite", *args, str(root)], cwd=root, env=environment,
                          capture_output=True, text=True)


def replace_in(path: Path, old: str, new: str) -> None:
    """Change one thing in a file; fails loudly when ``old`` is not there (so the test cannot pass vacuously)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    """The 1-based line of the first line containing ``fragment``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} is not in {path}")


def every_file_bytes(site: Path) -> dict[str, bytes]:
    """Every file of a built site by relative path, for byte-for-byte comparisons and searches."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
