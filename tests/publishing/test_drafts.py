"""Drafts and embargoes never reach the public site; the preview ('make serve') shows them with a banner."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

import pytest

from fixture_projects import copy_project, every_file_bytes, replace_in, run_tool

NOW = "2026-11-22T12:00"
SECRETS = {
    "draft page": "Periwinkle lighthouse sentence from a draft page.",
    "embargoed page": "Marmalade compass sentence from an embargoed page.",
    "draft FAQ": "Tangerine harbour sentence from a draft question.",
    "embargoed FAQ": "Juniper kettle sentence from an embargoed question.",
}
HIDDEN_TITLES = ("Plans we have not announced", "News for the new year", "Is this question a draft?",
                 "Is this question under embargo?")


def _page(title: str, extra: str, sentence: str) -> str:
    return (f"---\ntitle: {title}\ndescription: A page that is not ready, about {title.lower()}.\n"
            f"last_reviewed: 2026-11-22\nreview_by: 2027-05-22\n{extra}\n---\n\n{sentence}\n")


def _faq(faq_id: str, question: str, extra: str, sentence: str) -> str:
    return (f"  - id: {faq_id}\n    topic: reviews\n    question: {question}\n    answer: {sentence}\n"
            f"    last_reviewed: 2026-11-22\n    review_by: 2027-05-22\n    {extra}\n\n")


def project_with_held_back_content(root: Path) -> Path:
    """The real project plus a draft page (in the menu), an embargoed page, a draft and an embargoed FAQ."""
    copy_project(root)
    (root / "docs/plans.md").write_text(_page(HIDDEN_TITLES[0], "draft: true", SECRETS["draft page"]), encoding="utf-8")
    (root / "docs/new-year.md").write_text(
        _page(HIDDEN_TITLES[1], "publish_from: 2027-01-01 09:00", SECRETS["embargoed page"]), encoding="utf-8")
    replace_in(root / "mkdocs.yml", "  - Contact: contact.md",
               "  - Contact: contact.md\n  - Coming soon:\n      - plans.md\n      - new-year.md")
    replace_in(root / "docs/_data/faqs/reviews.yml", "faqs:\n",
               "faqs:\n" + _faq("draft-question", HIDDEN_TITLES[2], "draft: true", SECRETS["draft FAQ"])
               + _faq("embargoed-question", HIDDEN_TITLES[3], "publish_from: 2026-12-01 09:00", SECRETS["embargoed FAQ"]))
    return root


def readable_bytes(site: Path) -> dict[str, bytes]:
    """Every file of the site, with gzip files (the sitemap) unpacked so nothing hides inside them."""
    files = every_file_bytes(site)
    return {name: gzip.decompress(data) if name.endswith(".gz") else data for name, data in files.items()}


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


@pytest.mark.parametrize("what", sorted(SECRETS))
def test_held_back_content_is_in_no_byte_of_the_public_site(builds, what):
    files = readable_bytes(builds["public"])
    assert "search/search_index.json" in files and "sitemap.xml" in files
    leaks = [name for name, data in files.items() if SECRETS[what].encode() in data]
    assert leaks == []


def test_held_back_titles_addresses_and_menu_entries_are_gone(builds):
    files = readable_bytes(builds["public"])
    for words in (*HIDDEN_TITLES, "Coming soon", "draft-question", "embargoed-question", "/plans/", "/new-year/"):
        assert [name for name, data in files.items() if words.encode() in data] == [], words
    assert "plans/index.html" not in files and "new-year/index.html" not in files
    # The rest of the reviews topic is still there.
    assert b"What is a review?" in files["faqs/reviews/index.html"]


@pytest.mark.parametrize("what", sorted(SECRETS))
def test_the_preview_shows_held_back_content(builds, what):
    files = readable_bytes(builds["preview"])
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
    published = (site / "make-a-complaint/index.html").read_text(encoding="utf-8")
    assert "iopc-hold-banner" not in published


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def preview_url(builds):
    handler = functools.partial(_QuietHandler, directory=str(builds["preview"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("path, label", [("plans/", "Draft"), ("new-year/", "Embargoed until 1 January 2027"),
                                         ("faqs/reviews/", "Draft")])
def test_an_author_previewing_sees_the_banner(page, preview_url, path, label):
    page.goto(preview_url + path)
    banner = page.get_by_role("note").filter(has_text=label).first
    assert banner.is_visible()
    assert "not on the public site" in banner.inner_text()
