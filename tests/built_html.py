"""Reading pages of the built site."""

from __future__ import annotations

from pathlib import Path

import lxml.html


def page_file(site_dir: Path, url: str) -> Path:
    """The HTML file behind a directory URL such as ``cy/contact/``."""
    return site_dir / url / "index.html" if url.endswith("/") or not url else site_dir / url


def parse(site_dir: Path, url: str):
    """The built page at ``url`` as an lxml tree."""
    return lxml.html.fromstring(page_file(site_dir, url).read_bytes())
