"""Rendered products kept under ``.cache/iopcsite/`` and found again by a hash of every input.

The key covers the renderer's own code and templates, the campaign (copy, colours,
images, advocates pack), the organisation's details, the font and the versions
of the libraries that draw. Change any of them and the product is drawn again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from iopcsite.authoring.file_state import cached_until_changed, files_under
from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.config.models import Organisation
from iopcsite.pdf import fonts

PACKAGE_DIR = Path(__file__).parent
# The page and README templates shape no product, so editing them re-renders nothing.
NOT_IN_PRODUCTS = (".md", ".txt")
LIBRARIES = ("weasyprint", "pydyf", "pikepdf", "pillow", "pypdfium2", "segno", "fonttools", "jinja2", "markdown")


def product_code_files() -> list[Path]:
    """The renderer's code, templates and strings."""
    return files_under(PACKAGE_DIR, lambda path: path.suffix not in NOT_IN_PRODUCTS)


@cached_until_changed(product_code_files)
def code_fingerprint() -> str:
    """A hash of the renderer's code, templates and strings: a change invalidates every render,
    also in a preview already running (read again only once a file's time or size changes)."""
    digest = hashlib.sha256()
    for path in product_code_files():
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def library_versions() -> str:
    """The versions of every library that draws: an upgrade re-renders."""
    return ";".join(f"{name}=={version(name)}" for name in LIBRARIES)


def render_key(job_name: str, loaded: LoadedCampaign, org: Organisation) -> str:
    """The SHA-256 of everything that can change how ``job_name`` looks."""
    digest = hashlib.sha256()
    parts = [
        code_fingerprint(), library_versions(), fonts.font_fingerprint(), job_name,
        loaded.campaign.model_dump_json(by_alias=True), org.model_dump_json(),
        json.dumps(loaded.advocates_pack, sort_keys=True),
    ]
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(loaded.images_digest)
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedRender:
    """A product's files by kind, and its page count."""

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
