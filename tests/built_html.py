"""Reading pages of the built site."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from iopcbench.weight import page_file


def parse(site_dir: Path, url: str):
    """The built page at ``url`` as an lxml tree."""
    return lxml.html.fromstring(page_file(site_dir, url).read_bytes())
