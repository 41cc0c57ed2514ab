"""The fixture project with a publication that has a body, built once per session when a test asks."""

from __future__ import annotations

import pytest
from iopcsite.commands.build_site import build_site

from .helpers import fixture_project


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The fixture project built with make build's strict build: (project root, site folder)."""
    root = fixture_project()
    site_dir = tmp_path_factory.mktemp("publications-built") / "site"
    assert build_site(root, site_dir) == 0, "the strict build of the fixture project failed"
    return root, site_dir
