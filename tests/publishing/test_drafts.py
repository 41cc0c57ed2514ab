"""Drafts and embargoes never reach the public site; the preview ('make serve') shows them with a banner."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest
from iopcsite.search.pagefind_index import BUNDLE
from pypdf import PdfReader
from quality.serving import QuietHandler, serve_site
from support.project import (
    HIDDEN_TITLES,
    NOW,
    SECRETS,
    every_file_bytes,
    project_with_held_back_content,
    run_tool,
)


GZIP_MAGIC = b"\x1f\x8b"


def readable_bytes(site: Path) -> dict[str, bytes]:
    """Every file of the site as a reader could get at its words: gzip and ZIP files (and the search index's
    gzip-compressed files) unpacked, PDF text extracted."""
    readable = {}
    for name, data in every_file_bytes(site).items():
        readable.update(_unpacked(name, data))
    return readable


def _unpacked(name: str, data: bytes) -> dict[str, bytes]:
    if name.endswith(".gz") or (name.startswith(f"{BUNDLE}/") and data[:2] == GZIP_MAGIC):
        return {name: gzip.decompress(data)}
    if name.endswith(".zip"):
        found = {name: data}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.namelist():
                found.update(_unpacked(f"{name}/{entry}", archive.read(entry)))
        return found
    if name.endswith(".pdf"):
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)
        return {name: data, f"{name} (text)": text.encode("utf-8")}  # words wrapped onto new lines joined again
    return {name: data}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The same project built for the public and for the preview, at a fixed moment."""
    root = project_with_held_back_content(tmp_path_factory.mktemp("held-back") / "project")
    built = {}
    for mode, environment in (("public", {"IOPC_NOW": NOW}), ("preview", {"IOPC_NOW": NOW, "IOPC_PREVIEW": "1"})):
        result = run_tool(root, "build-site", env=environment)
        assert result.returncode == 0, result.stderr
        built[mode] = (root / "site").rename(root.parent / f"site-{mode}")
    return built


@pytest.fixture(scope="module")
def public_files(builds) -> dict[str, bytes]:
    return readable_bytes(builds["public"])


@pytest.mark.parametrize("what", sorted(SECRETS))
def test_held_back_content_is_in_no_byte_of_the_public_site(public_files, what):
    files = public_files
    assert {"pagefind/pagefind-entry.json", "sitemap.xml"} <= set(files)
    assert len([name for name in files if name.startswith("pagefind/fragment/cy_")]) > 10  # each page's words, unpacked
    assert any(name.endswith(".zip/you-have-a-voice-en/README.txt") for name in files)  # inside the ZIP too
    assert any(name.endswith(".pdf (text)") for name in files)
    leaks = [name for name, data in files.items() if SECRETS[what].encode() in data]
    assert leaks == []


def test_held_back_titles_addresses_and_menu_entries_are_gone(public_files):
    files = public_files
    for words in (*HIDDEN_TITLES, "Coming soon", "draft-question", "embargoed-question", "/plans/", "/new-year/"):
        assert [name for name, data in files.items() if words.encode() in data] == [], words
    assert "plans/index.html" not in files and "new-year/index.html" not in files
    # The rest of the reviews topic is still there, and the campaign without its social media images.
    assert b"What is a review?" in files["faqs/reviews/index.html"]
    campaign_files = [name for name in files if name.startswith("campaigns/you-have-a-voice/")]
    assert any("poster-a4" in name for name in campaign_files)
    assert not [name for name in campaign_files if "social" in name]


@pytest.fixture(scope="module")
def preview_files(builds) -> dict[str, bytes]:
    return readable_bytes(builds["preview"])


@pytest.mark.parametrize("what", sorted(SECRETS))
def test_the_preview_shows_held_back_content(preview_files, what):
    files = preview_files
    assert [name for name, data in files.items() if SECRETS[what].encode() in data and name.endswith(".html")]


def test_the_preview_marks_each_held_back_item_with_a_banner(builds):
    site = builds["preview"]
    draft_page = (site / "plans/index.html").read_text(encoding="utf-8")
    assert "<strong>Draft</strong>" in draft_page
    embargoed_page = (site / "new-year/index.html").read_text(encoding="utf-8")
    assert "<strong>Embargoed until 1 January 2027 at 09:00 (London time)</strong>" in embargoed_page
    topic = (site / "faqs/reviews/index.html").read_text(encoding="utf-8")
    assert topic.count("iopc-hold-banner--draft") == 1
    assert "Embargoed until 1 December 2026 at 09:00 (London time)" in topic
    campaign = (site / "campaigns/you-have-a-voice/index.html").read_text(encoding="utf-8")
    assert "Embargoed until 1 January 2027 at 09:00 (London time): Social media images" in campaign
    published = (site / "make-a-complaint/index.html").read_text(encoding="utf-8")
    assert "iopc-hold-banner" not in published


@pytest.fixture(scope="module")
def preview_url(builds):
    with serve_site(builds["preview"], QuietHandler) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("path, label", [("plans/", "Draft"), ("new-year/", "Embargoed until 1 January 2027"),
                                         ("faqs/reviews/", "Draft")])
def test_an_author_previewing_sees_the_banner(page, preview_url, path, label):
    page.goto(preview_url + path)
    banner = page.get_by_role("note").filter(has_text=label).first
    assert banner.is_visible()
    assert "not on the public site" in banner.inner_text()
