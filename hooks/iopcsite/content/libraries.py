"""The one list of the libraries that shape what the site and its downloads are built into.

The same files built with another version of any of these can come out different,
so both the content cache key (``iopcsite.content.content_cache.input_key``) and
the render cache key (``iopcsite.pdf.render_cache.render_key``) cover their versions.
Add a library here when it starts to read, format or draw anything.
"""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, version

LIBRARIES = (
    "babel", "markdown", "pymdown-extensions", "pydantic", "pydantic-core", "ruamel.yaml", "jinja2",
    "mkdocs", "mkdocs-material", "weasyprint", "pydyf", "pikepdf", "pillow", "pypdfium2", "segno", "fonttools",
)


@functools.cache
def library_versions() -> str:
    """'babel==2.16.0;markdown==3.7;...': every library of ``LIBRARIES`` with its installed version."""
    return ";".join(f"{name}=={_installed(name)}" for name in LIBRARIES)


def _installed(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"
