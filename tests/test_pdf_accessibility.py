"""Every PDF the site offers is an accessible document; the checker is shown to catch bad ones."""

from __future__ import annotations

import re
from pathlib import Path

from quality.pdfcheck import pdf_problems

SQUARE = ("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'>"
          "<rect width='20' height='20'/></svg>")


def make_pdf(folder: Path, name: str, body: str, variant: str | None = "pdf/ua-1") -> Path:
    """A small PDF from HTML with WeasyPrint, as the campaign products are made."""
    import weasyprint

    html = f'<html lang="en"><head><title>Fixture {name}</title></head><body>{body}</body></html>'
    path = folder / f"{name}.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf(pdf_variant=variant))
    return path


def test_a_tagged_pdf_with_alt_text_and_ordered_headings_passes(tmp_path):
    good = make_pdf(tmp_path, "good", f'<h1>Your voice</h1><p>Text.</p><img src="{SQUARE}" alt="A black square">'
                                      "<h2>How to complain</h2><p>More.</p><h3>By phone</h3><h2>Reviews</h2>")
    assert pdf_problems(good) == []


def test_an_image_without_alt_text_fails(tmp_path):
    bad = make_pdf(tmp_path, "no-alt", f'<h1>Your voice</h1><img src="{SQUARE}"><p>Text.</p>')
    assert "1 figure(s) have no alternative text (/Alt)" in pdf_problems(bad)


def test_a_heading_jump_fails(tmp_path):
    bad = make_pdf(tmp_path, "jump", "<h1>Your voice</h1><h3>Too deep</h3><p>Text.</p>")
    assert "headings jump from H1 to H3" in pdf_problems(bad)


def test_an_untagged_pdf_fails(tmp_path):
    plain = make_pdf(tmp_path, "untagged", "<h1>Your voice</h1><p>Text.</p>", variant=None)
    problems = pdf_problems(plain)
    assert "it is not marked as tagged (/MarkInfo /Marked true)" in problems
    assert any("structure tree" in problem for problem in problems)


def site_pdfs(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.pdf"))


def test_every_pdf_the_site_offers_is_accessible(built_site):
    problems = {path.relative_to(built_site).as_posix(): found
                for path in site_pdfs(built_site) if (found := pdf_problems(path))}
    report = "\n".join(f"{name}: {'; '.join(found)}" for name, found in problems.items())
    assert not problems, f"PDFs that are not accessible:\n{report}"


def test_every_pdf_link_leads_to_a_pdf_that_was_checked(built_site):
    """A PDF offered by a link but stored elsewhere would escape the check above."""
    checked = {path.resolve() for path in site_pdfs(built_site)}
    unchecked = []
    for html_file in built_site.rglob("*.html"):
        for target in re.findall(r'href="([^"#?]+\.pdf)"', html_file.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target):
                unchecked.append(f"{html_file.relative_to(built_site)} links to a PDF on another site: {target}")
            elif (html_file.parent / target).resolve() not in checked:
                unchecked.append(f"{html_file.relative_to(built_site)} links to {target}, which is not in the site")
    assert not unchecked, "\n".join(unchecked)
