"""A copy of the project with a publication that has a body (the real data has none we may publish),
and the lists the publication tests are parametrised over."""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

from iopcsite.collections.publications.loader import PUBLICATIONS_DIR
from iopcsite.content.site_content import SiteContent, load_site_content
from support.content import site_content
from support.project import TEST_FIXTURES, copy_project

FIXTURE = TEST_FIXTURES / "publications" / "fixture-with-body.yml"
FIXTURE_ID = "fixture-guide-with-body"


def add_fixture(root: Path) -> Path:
    """``root`` with the fixture publication (a body, a Welsh translation, a key area) added."""
    shutil.copy(FIXTURE, root / PUBLICATIONS_DIR / FIXTURE.name)
    return root


@functools.cache
def fixture_project() -> Path:
    """One copy of the project with the fixture, made once per session when a test first asks."""
    return add_fixture(copy_project(Path(tempfile.mkdtemp(prefix="iopc-publications-")) / "project"))


@functools.cache
def fixture_content() -> SiteContent:
    """The fixture project's content, planned (nothing drawn)."""
    return load_site_content(fixture_project(), draw=False)


def publication_pdfs(content: SiteContent) -> list[str]:
    """Every PDF the publications collection plans, by its path under the site."""
    return sorted(path for path in content.files if path.endswith(".pdf")
                  and path.removeprefix("cy/").startswith("publications/"))


def every_publication_pdf() -> list[tuple[str, str]]:
    """(which site, path) of every publication PDF: the real site's, then the fixture project's."""
    return ([("real", path) for path in publication_pdfs(site_content())]
            + [("fixture", path) for path in publication_pdfs(fixture_content())])


def publication_ids() -> list[str]:
    """Every real publication's id."""
    return [loaded.publication.id for loaded in site_content().collection("publications").publications]


def pdf_case_id(case) -> str:
    return case if isinstance(case, str) else ":".join(case)
