"""Where the site is published, for what is read away from it: feeds, downloads, structured data.

Every collection that writes an absolute address takes it from here, so they all agree.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils import yaml_load

from iopcsite.config.models import SiteConfig

SITE_URL_VARIABLE = "SITE_URL"  # mkdocs.yml reads it with !ENV; the content cache keys on it too
TAG_YEAR = 2024  # the year in every feed entry's tag: id, which must never change (RFC 4151)


@functools.cache
def _configured_site_url(mkdocs_file: Path, from_environment: str | None) -> str:
    # from_environment is part of the cache key: mkdocs.yml's !ENV reads the same variable.
    if not mkdocs_file.is_file():
        return ""  # a folder that is not a MkDocs project (a test's content alone) is published nowhere
    return yaml_load(mkdocs_file.read_text(encoding="utf-8")).get("site_url") or ""


def site_url(root: Path) -> str:
    """The site's address as MkDocs will have it: mkdocs.yml's ``site_url``, with ``!ENV [SITE_URL, ...]`` resolved;
    empty where the folder has no mkdocs.yml."""
    return _configured_site_url(Path(root) / "mkdocs.yml", os.environ.get(SITE_URL_VARIABLE))


def tag_authority(config: SiteConfig) -> str:
    """'policeconduct.gov.uk,2024': the organisation's own domain, so feed ids stay when the site moves."""
    host = urlsplit(str(config.organisation.website)).hostname or "localhost"
    return f"{host.removeprefix('www.')},{TAG_YEAR}"
