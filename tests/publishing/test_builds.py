"""Safe, repeatable builds: the same commit gives the same bytes; a good build replaces the site whole, a failed one changes nothing."""

from __future__ import annotations

from iopcsite.commands import build_site as build_site_module
from iopcsite.commands.build_site import KEPT_CONTENT_NOTE, build_site
from support.project import (
    NOW,
    PROJECT_ROOT,
    SECRETS,
    every_file_bytes,
    project_with_held_back_content,
    replace_in,
    run_tool,
)


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    # No SOURCE_DATE_EPOCH from outside: the build must make itself repeatable.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "first" / "site", tmp_path / "second" / "site"
    assert build_site(PROJECT_ROOT, first) == 0
    second.mkdir(parents=True)
    (second / "stale.html").write_text("a page deleted since the last build", encoding="utf-8")
    assert build_site(PROJECT_ROOT, second) == 0
    files_first, files_second = every_file_bytes(first), every_file_bytes(second)
    # The second build replaced the old site whole, and left no staging folder beside it (only the
    # replaced site, put aside for the next build to delete).
    assert "stale.html" not in files_second
    beside = sorted(path.name for path in second.parent.iterdir())
    assert [name for name in beside if not name.startswith(".site-replaced-")] == ["site"]
    assert {"sitemap.xml", "sitemap.xml.gz", "pagefind/pagefind-entry.json", "index.html"} <= set(files_first)
    assert any(name.startswith("pagefind/filter/") for name in files_first)  # the files Pagefind writes in any order
    # The PDF/X-4 print PDFs are compared too, in every language (a fresh render of each is compared
    # with the first in tests/campaign/test_pack.py).
    assert {name.rsplit("-", 1)[-1] for name in files_first if "-print-" in name and name.endswith(".pdf")} == {
        "en.pdf", "cy.pdf"}
    assert {"statistics/index.html", "statistics/2024-25-cases-finalised-by-force.csv"} <= set(files_first)  # charts, downloads
    assert sorted(files_first) == sorted(files_second)
    different = [name for name in files_first if files_first[name] != files_second[name]]
    assert different == []


def test_a_failed_build_leaves_the_previous_site_untouched(project_copy):
    root = project_copy
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("the site that is live now", encoding="utf-8")
    # Content that passes the check but fails MkDocs' strict build half-way: a menu entry to no page.
    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text(encoding="utf-8").replace(
        "  - Contact: contact.md", "  - Contact: contact.md\n  - Gone: no-such-page.md"), encoding="utf-8")
    result = run_tool(root, "build-site")
    assert result.returncode != 0
    assert "The build failed (en, cy); site/ was left as it was." in result.stderr  # MkDocs itself failed
    assert every_file_bytes(site) == {"index.html": b"the site that is live now"}
    assert sorted(path.name for path in root.iterdir() if path.name.startswith((".site", "site"))) == ["site"]


def test_content_is_checked_again_after_an_edit_and_when_an_embargo_ends(tmp_path, monkeypatch, capsys):
    root = project_with_held_back_content(tmp_path / "project")
    site = root / "site"
    faq_page = site / "faqs" / "reviews" / "index.html"

    def build(now: str) -> str:
        monkeypatch.setenv("IOPC_NOW", now)
        assert build_site(root, site, ["en"]) == 0
        return capsys.readouterr().out

    assert KEPT_CONTENT_NOTE not in build(NOW)
    assert SECRETS["embargoed FAQ"] not in faq_page.read_text(encoding="utf-8")
    # Nothing changed: the content checked by the first build is used again, and builds the same site.
    first = every_file_bytes(site)
    assert KEPT_CONTENT_NOTE in build(NOW)
    assert every_file_bytes(site) == first
    # An answer edited: checked and built again.
    replace_in(root / "docs/_data/faqs/reviews.yml", SECRETS["embargoed FAQ"], "Cardamom lantern sentence.")
    replace_in(root / "docs/_data/faqs/reviews.yml", "faqs:\n", "faqs:\n" + "  - id: edited-question\n"
               "    topic: reviews\n    question: Was this question just added?\n    answer: Yes, a minute ago.\n"
               "    last_reviewed: 2026-11-22\n    review_by: 2027-05-22\n\n")
    assert KEPT_CONTENT_NOTE not in build(NOW)
    assert "Was this question just added?" in faq_page.read_text(encoding="utf-8")
    # The embargo on a question ends: what the last build checked no longer holds.
    assert KEPT_CONTENT_NOTE in build("2026-12-01T08:59")
    assert "Cardamom lantern sentence." not in faq_page.read_text(encoding="utf-8")
    assert KEPT_CONTENT_NOTE not in build("2026-12-01T09:00")
    assert "Cardamom lantern sentence." in faq_page.read_text(encoding="utf-8")


def test_a_replaced_site_is_put_aside_and_deleted_by_the_next_build(tmp_path):
    site, built = tmp_path / "site", tmp_path / ".site-staging"
    (site / "news").mkdir(parents=True)
    (site / "news/index.html").write_text("the old site")
    built.mkdir()
    (built / "index.html").write_text("the new site")
    build_site_module._swap_into_place(built, site)
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert len(list(tmp_path.glob(".site-replaced-*"))) == 1, "the replaced site should wait beside the new one"
    build_site_module._clear_retired_sites(site).join()
    assert [path.name for path in tmp_path.iterdir()] == ["site"]
    assert (site / "index.html").read_text() == "the new site"
