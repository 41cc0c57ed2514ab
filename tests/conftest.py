"""Shared fixtures: the real content, a built site, a local server and Chromium.

Page lists come from the content pipeline, so every new page or FAQ is tested
without new test code.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from iopcsite.authoring.markdown_text import page_url
from iopcsite.commands.build_site import build_site
from iopcsite.content.site_content import SiteContent, load_site_content
from quality.serving import QuietHandler, serve_site

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Copies of the project share the real project's campaign render cache (keyed by every input).
os.environ.setdefault("IOPC_CAMPAIGN_CACHE", str(PROJECT_ROOT / ".cache" / "iopcsite" / "campaigns"))
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


@functools.cache
def site_content() -> SiteContent:
    """The real content, loaded once per test session."""
    return load_site_content(PROJECT_ROOT)


def all_page_uris() -> list[str]:
    """Every page the site publishes, in every language, as src_uri."""
    return sorted(site_content().published)


def all_page_urls() -> list[str]:
    """Every published page's URL path, relative to the site root."""
    return [page_url(uri) for uri in all_page_uris()]


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


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


def chromium_executable() -> str | None:
    """Debian's chromium (CI), CHROMIUM_PATH, or None for Playwright's own browser."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return None


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


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
