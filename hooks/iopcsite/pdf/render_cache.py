"""Finished renders kept in a folder and found again by a hash of every input.

The key (``render_key``) always covers this package's code, the versions of the
libraries that shape output (``iopcsite.content.libraries``), the font and the
colour profiles of print PDFs (``iopcsite.pdf.print_colour``). The
caller adds what only it knows: its own code and templates (``code_fingerprint``
of its folder) and its inputs (the HTML, or the content it is made from, and the
bytes of every file it refers to). Change any of them and the render is made again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from iopcsite.authoring.file_state import files_under
from iopcsite.content.libraries import library_versions
from iopcsite.pdf import fonts, print_colour

PDF_PACKAGE = Path(__file__).parent


@functools.cache
def code_fingerprint(folder: Path, leave_out: tuple[str, ...] = ()) -> str:
    """A hash of the files under ``folder`` (code and templates), except those ending in ``leave_out``.

    Kept once worked out: a build asks for it for every product. A build that may follow an edit in the
    same process (``make serve``) calls ``code_fingerprint.cache_clear()`` first."""
    digest = hashlib.sha256()
    for path in files_under(Path(folder), lambda path: path.suffix not in leave_out):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def render_key(inputs: Iterable[str | bytes], code: Iterable[str] = ()) -> str:
    """The SHA-256 of everything that can change how a render looks: the PDF code, the
    libraries, the font and the colour profiles, then the caller's ``code`` fingerprints and its ``inputs``."""
    digest = hashlib.sha256()
    parts = [code_fingerprint(PDF_PACKAGE), *code, library_versions(), fonts.font_fingerprint(),
             print_colour.profile_fingerprint(), *inputs]
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedRender:
    """A render's files by kind, and its page count."""

    files: dict[str, bytes]
    pages: int


class RenderCache:
    """A folder of finished renders by key. ``root=None`` keeps nothing (always renders)."""

    def __init__(self, root: Path | None):
        self.root = Path(root) if root else None

    def has(self, key: str) -> bool:
        """True when a render is stored under ``key`` (without reading it)."""
        return self.root is not None and (self.root / key[:2] / key / "meta.json").is_file()

    def get(self, key: str) -> CachedRender | None:
        """The render stored under ``key``, or None."""
        if self.root is None:
            return None
        folder = self.root / key[:2] / key
        meta = folder / "meta.json"
        if not meta.is_file():
            return None
        facts = json.loads(meta.read_text(encoding="utf-8"))
        files = {kind: (folder / kind).read_bytes() for kind in facts["kinds"]}
        return CachedRender(files, facts["pages"])

    def put(self, key: str, render: CachedRender) -> None:
        """Store a render; written to a temporary folder first so a crash never leaves half of one."""
        if self.root is None:
            return
        final = self.root / key[:2] / key
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=final.parent, prefix=".tmp-"))
        for kind, data in render.files.items():
            (staging / kind).write_bytes(data)
        meta = {"kinds": sorted(render.files), "pages": render.pages}
        (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        try:
            os.replace(staging, final)
        except OSError:
            # Another build (one per language runs at once) stored the same render first.
            shutil.rmtree(staging, ignore_errors=True)

    def get_or_make(self, key: str, make: Callable[[], CachedRender]) -> CachedRender:
        """The render stored under ``key``, or ``make()`` stored there now."""
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found
