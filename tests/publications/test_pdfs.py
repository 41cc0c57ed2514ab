"""A publication with a body is offered as an accessible PDF drawn from the same text, with its size and
type shown; drawing it again costs nothing while nothing changed. (The real data has no body we may
publish, so the fixture project's publication is drawn too.)"""

from __future__ import annotations

import io
import re

import pikepdf
import pypdf
import pytest
from iopcsite.collections.publications import pdf
from iopcsite.content.page_templates import file_size
from iopcsite.pdf.render_cache import RenderCache
from quality.pdfcheck import pdf_problems

from .helpers import FIXTURE_ID, every_publication_pdf, fixture_content, pdf_case_id


def site_of(request, which: str):
    return request.getfixturevalue("built_site") if which == "real" else request.getfixturevalue("fixture_site")[1]


@pytest.mark.for_each("case", every_publication_pdf, ids=pdf_case_id)
def test_every_publication_pdf_is_accessible(request, case):
    which, path = case
    file = site_of(request, which) / path
    assert pdf_problems(file) == [], f"{path} is not accessible"
    language = "cy" if path.startswith("cy/") else "en"
    with pikepdf.open(file) as document:
        assert str(document.Root.Lang) == language
        assert document.open_metadata().get("dc:title"), "the PDF has no title"


@pytest.mark.parametrize("prefix, labels", [("", ("Download publication", "File size", "File type")),
                                            ("cy/", ("Lawrlwytho cyhoeddiad", "Maint y ffeil", "Math o ffeil"))])
def test_the_page_offers_the_pdf_with_its_size_and_type(fixture_site, prefix, labels):
    _, site = fixture_site
    html = (site / f"{prefix}publications/{FIXTURE_ID}/index.html").read_text(encoding="utf-8")
    size = (site / f"{prefix}publications/{FIXTURE_ID}.pdf").stat().st_size
    download, size_label, type_label = labels
    assert re.search(rf'href="\.\./{FIXTURE_ID}\.pdf"[^>]*>{download} \(PDF\)</a>', html)
    assert f"<dt>{size_label}</dt>\n<dd>{file_size(size)}</dd>" in html
    assert f"<dt>{type_label}</dt>\n<dd>PDF" in html


@pytest.mark.parametrize("prefix, title, sentence", [
    ("", "Fixture report with a body", "This text exists only for the tests."),
    ("cy/", "Adroddiad prawf gyda chorff", "Mae'r testun hwn yn bodoli ar gyfer y profion yn unig.")])
def test_the_pdf_is_drawn_from_the_page_text(fixture_site, prefix, title, sentence):
    _, site = fixture_site
    reader = pypdf.PdfReader(io.BytesIO((site / f"{prefix}publications/{FIXTURE_ID}.pdf").read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert title in text and sentence in " ".join(text.split())
    assert sentence in (site / f"{prefix}publications/{FIXTURE_ID}/index.html").read_text(encoding="utf-8")


def test_a_link_in_the_body_is_a_full_address_in_the_pdf(fixture_site):
    _, site = fixture_site
    reader = pypdf.PdfReader(io.BytesIO((site / f"publications/{FIXTURE_ID}.pdf").read_bytes()))
    uris = [annotation.get_object()["/A"]["/URI"] for page in reader.pages for annotation in page.get("/Annots", [])
            if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]]
    assert any(uri.startswith("http") and uri.endswith("/publications/") for uri in uris), uris


def test_a_pdf_is_drawn_once_then_taken_from_the_cache(tmp_path):
    content = fixture_content()
    collection = content.collection("publications")
    loaded = next(item for item in collection.publications if item.publication.id == FIXTURE_ID)
    _, view = next(pair for pair in collection.views(content, "en") if pair[0] is loaded)
    from iopcsite.collections.publications.strings import localiser

    job = pdf.pdf_job(view, localiser("en"), "Org", loaded, "https://example.org/")
    cache = RenderCache(tmp_path)
    first, drawn_first = pdf.draw_all([job], cache)
    again, drawn_again = pdf.draw_all([job], cache)
    assert (drawn_first, drawn_again) == (1, 0)
    assert first == again
