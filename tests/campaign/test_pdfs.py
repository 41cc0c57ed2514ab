"""Every PDF read back: real text with the copy in it, tagged for screen readers, print boxes and fonts."""

from __future__ import annotations

import io

import pikepdf
import pypdf
import pytest
from quality.pdfcheck import structure_elements

from .helpers import (
    campaigns_with_an_advocates_pack,
    expected_copy,
    folder_name,
    parse_pdf_name,
    squash,
)

MM = 72 / 25.4


def _pdfs(built, kind: str | None = None):
    for output in built.products(".pdf"):
        product, found_kind, language = parse_pdf_name(output.path)
        if kind is None or kind == found_kind:
            yield output, product, language


def test_every_chosen_product_has_its_pdfs(built):
    names = {parse_pdf_name(o.path)[:2] for o in built.products(".pdf")}
    chosen = set(built.loaded.campaign.product_ids()) - {"social"}
    assert {product for product, _ in names} >= chosen
    for product, kind in names:
        assert kind in ("print", "screen")


def test_text_is_extractable_and_contains_the_copy(built, site):
    for output, product, language in _pdfs(built):
        text = squash("".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(output.content)).pages))
        for copy in expected_copy(built.loaded, site, product, language):
            assert squash(copy) in text, f"{output.path} does not contain {copy!r}"


def test_screen_pdfs_are_tagged_with_language_and_title(built):
    title = built.loaded.campaign.copy_.title
    for output, _, language in _pdfs(built, "screen"):
        with pikepdf.open(io.BytesIO(output.content)) as pdf:
            assert "/StructTreeRoot" in pdf.Root, output.path
            assert pdf.Root.MarkInfo.Marked is True
            assert str(pdf.Root.Lang) == language
            assert str(pdf.docinfo.Title).startswith(title), output.path
            assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


@pytest.mark.for_each("built", campaigns_with_an_advocates_pack, ids=folder_name, indirect=True,
                      empty="no campaign has an advocates pack, so the pack PDF checks test nothing")
def test_advocates_pack_has_bookmarks_for_its_sections(built):
    packs = [(output, language) for output, product, language in _pdfs(built, "screen") if product == "advocates-pack"]
    assert packs, (f"the campaign {built.loaded.campaign.slug} chooses an advocates pack but no screen PDF of it "
                   "was built, so the pack PDF checks test nothing")
    for output, language in packs:
        headings = [line[3:] for line in built.loaded.advocates_pack[language].splitlines() if line.startswith("## ")]
        assert headings, f"the advocates pack ({language}) has no '## ' sections, so there are no bookmarks to check"
        with pikepdf.open(io.BytesIO(output.content)) as pdf, pdf.open_outline() as outline:
            titles = [item.title for item in _walk(outline.root)]
        for heading in headings:
            assert heading in titles


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def test_images_in_screen_pdfs_have_alt_text(built):
    has_hero = built.loaded.campaign.hero_image is not None
    for output, product, _ in _pdfs(built, "screen"):
        with pikepdf.open(io.BytesIO(output.content)) as pdf:
            figures = [e for _, e in structure_elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
        if has_hero or product not in ("advocates-pack", "leaflet-large-print"):
            assert figures, f"the picture or QR code in {output.path} is not tagged as a figure"
        for figure in figures:
            assert str(figure.get("/Alt", "")).strip(), f"a figure without alt text in {output.path}"


def _box(page, name):
    return [float(v) for v in page.obj[name]]


def test_print_pdfs_have_trim_and_3mm_bleed_with_marks_outside(built):
    from iopcsite.collections.campaigns.products import PRINTED_BY_ID

    for output, product, _ in _pdfs(built, "print"):
        spec = PRINTED_BY_ID[product]
        if not spec.bleed:
            continue
        with pikepdf.open(io.BytesIO(output.content)) as pdf:
            for page in pdf.pages:
                x0, y0, x1, y1 = _box(page, "/TrimBox")
                assert (x1 - x0, y1 - y0) == pytest.approx((spec.width_mm * MM, spec.height_mm * MM), abs=0.05)
                bleed = _box(page, "/BleedBox")
                assert bleed == pytest.approx([x0 - 3 * MM, y0 - 3 * MM, x1 + 3 * MM, y1 + 3 * MM], abs=0.05)
                media = _box(page, "/MediaBox")
                assert media[0] < bleed[0] - 5 * MM and media[2] > bleed[2] + 5 * MM, "no room for crop marks"


def test_print_pdfs_embed_every_font(built):
    for output, _, _ in _pdfs(built, "print"):
        with pikepdf.open(io.BytesIO(output.content)) as pdf:
            for page in pdf.pages:
                for font in page.obj.Resources.get("/Font", {}).values():
                    descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                    descriptor = descendant.FontDescriptor
                    assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), str(font.BaseFont)
