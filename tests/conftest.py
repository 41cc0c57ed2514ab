"""Fixtures and hooks only. Nothing here is imported by a test: shared code is in tests/support/.

Where things are:
- the project root: ``support.project.PROJECT_ROOT``, or the ``project_root`` fixture;
- a copy of the project to break on purpose: the ``project_copy`` fixture (a fresh copy in tmp_path that
  'make' can run in), or ``support.project.copy_project(target, for_make=False)`` for another place or scope;
  ``replace_in``, ``line_of``, ``run_tool``, ``project_with_held_back_content`` are in support.project too;
- the real content: the ``content`` fixture, or ``support.content.site_content()`` / ``all_page_uris()`` /
  ``all_page_urls()`` inside a test or a parameter function, never at module level;
- one test per page (or FAQ, campaign...): ``@pytest.mark.for_each("path", all_page_urls)``, applied by
  ``pytest_generate_tests`` below when the test is collected (support/parametrize.py). A test whose list is
  empty, or whose content does not load, fails instead of passing without testing anything.

Fixtures: project_root, project_copy, content, built_site (IOPC_BUILT_SITE reuses a built site), site_url,
browser, page.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from iopcsite.commands.build_site import build_site
from iopcsite.content.site_content import SiteContent
from quality.serving import QuietHandler, serve_site
from support.browser import CHROMIUM_ARGS, chromium_executable
from support.content import site_content
from support.parametrize import MARKER_HELP, apply_for_each, fail_if_cannot_run
from support.project import PROJECT_ROOT, copy_project

# Copies of the project share the real project's campaign render cache (keyed by every input).
os.environ.setdefault("IOPC_CAMPAIGN_CACHE", str(PROJECT_ROOT / ".cache" / "iopcsite" / "campaigns"))
os.environ.setdefault("IOPC_PUBLICATION_CACHE", str(PROJECT_ROOT / ".cache" / "iopcsite" / "publications"))


def pytest_configure(config) -> None:
    for line in MARKER_HELP:
        config.addinivalue_line("markers", line)


def pytest_generate_tests(metafunc) -> None:
    apply_for_each(metafunc)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    fail_if_cannot_run(item)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A fresh copy of the project in tmp_path/project, safe to break: its content (docs, mkdocs.yml,
    overrides, campaigns) and what 'make' needs (Makefile, requirements, tools, a link to the venv)."""
    return copy_project(tmp_path / "project", for_make=True)


@pytest.fixture(scope="session")
def content() -> SiteContent:
    return site_content()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once per session with ``make build``'s strict build."""
    prebuilt = os.environ.get("IOPC_BUILT_SITE")
    if prebuilt:
        return Path(prebuilt)
    site_dir = tmp_path_factory.mktemp("built") / "site"
    status = build_site(PROJECT_ROOT, site_dir)
    assert status == 0, "the strict build failed: run 'make build' to see why"
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served on a free loopback port."""
    with serve_site(built_site, QuietHandler) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium. A missing browser fails the tests: they are never skipped."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"Chromium could not start: {error}. Run 'make test' (it installs a browser) "
                        "or set CHROMIUM_PATH.", pytrace=False)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page for each test: no shared cookies or storage."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
