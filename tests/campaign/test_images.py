"""Images opened as images: exact social sizes, small thumbnails, and QR codes that scan."""

from __future__ import annotations

import io

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from .helpers import campaigns_with_social_images, folder_name, parse_pdf_name

SOCIAL_SIZES = {"square": (1080, 1080), "portrait": (1080, 1350), "landscape": (1200, 675)}
NO_QR = {"advocates-pack", "leaflet-large-print"}


@pytest.mark.for_each("built", campaigns_with_social_images, ids=folder_name, indirect=True,
                      empty="no campaign has social media images, so the image size checks test nothing")
def test_social_images_have_exact_pixel_sizes(built):
    for name, size in SOCIAL_SIZES.items():
        [output] = [o for o in built.products(f"-social-{name}-en.png")]
        with Image.open(io.BytesIO(output.content)) as image:
            assert image.format == "PNG"
            assert image.size == size


def test_thumbnails_are_small_and_previews_open(built):
    assert any("-thumbnail-" in output.path for output in built.products(".png")), (
        f"the campaign {built.loaded.campaign.slug} builds no thumbnails, so the thumbnail checks test nothing")
    for output in built.products(".png"):
        with Image.open(io.BytesIO(output.content)) as image:
            image.load()
            if "-thumbnail-" in output.path:
                assert len(output.content) <= 25_000, output.path
                assert image.width == 240


def _page_images(data: bytes, dpi: int = 300):
    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            yield page.render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def test_qr_codes_scan_to_the_campaign_address(built):
    wanted = str(built.loaded.campaign.qr_url)
    for output in built.products(".pdf"):
        product, kind, _ = parse_pdf_name(output.path)
        if product in NO_QR or (kind == "print" and product != "card-sheet"):
            continue
        found = [code.text for image in _page_images(output.content) for code in zxingcpp.read_barcodes(image)]
        assert found, f"no QR code could be read in {output.path}"
        assert set(found) == {wanted}, output.path


def test_welsh_letters_are_in_the_font():
    from iopcsite.pdf import fonts

    assert fonts.missing_characters("ŵ ŷ Ŵ Ŷ â ê î ô û ŵ ŷ ä ë ï ö ü ẅ ÿ") == []
