"""Preview images and thumbnails of a finished PDF, for the page that offers it for download."""

from __future__ import annotations

import io

import pypdfium2
from PIL import Image

PREVIEW_WIDTH = 720
THUMBNAIL_WIDTH = 240
GAP = 16
BACKDROP = (236, 236, 240)
MAX_THUMBNAIL_BYTES = 25_000


def pdf_pages(data: bytes, width_px: int, first: int | None = None) -> list[Image.Image]:
    """The PDF's pages as RGB images ``width_px`` wide (only the first ``first`` if given)."""
    document = pypdfium2.PdfDocument(data)
    try:
        images = []
        for index in range(min(len(document), first or len(document))):
            page = document[index]
            scale = width_px / page.get_width()
            images.append(page.render(scale=scale, may_draw_forms=False).to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        document.close()


def pdf_previews(data: bytes) -> tuple[bytes, bytes]:
    """A preview (two pages at most, side by side or stacked) and a small thumbnail, as PNG."""
    pages = pdf_pages(data, PREVIEW_WIDTH, first=2)
    if len(pages) > 2 or _is_flowing(data):
        pages = pages[:1]
    sheet = _arrange(pages)
    return png(sheet), thumbnail(sheet)


def _is_flowing(data: bytes) -> bool:
    document = pypdfium2.PdfDocument(data)
    try:
        return len(document) > 2
    finally:
        document.close()


def _arrange(pages: list[Image.Image]) -> Image.Image:
    first = pages[0]
    if len(pages) == 1:
        return first
    landscape = first.width > first.height
    if landscape:
        sheet = Image.new("RGB", (first.width, sum(p.height for p in pages) + GAP), BACKDROP)
        sheet.paste(pages[0], (0, 0))
        sheet.paste(pages[1], (0, first.height + GAP))
    else:
        half = [p.resize((first.width // 2, first.height * (first.width // 2) // first.width), Image.LANCZOS) for p in pages]
        sheet = Image.new("RGB", (first.width + GAP, half[0].height), BACKDROP)
        sheet.paste(half[0], (0, 0))
        sheet.paste(half[1], (half[0].width + GAP, 0))
    return sheet


def png(image: Image.Image) -> bytes:
    """PNG bytes, compressed hard (Pillow writes no timestamp, so the bytes are stable)."""
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def thumbnail(image: Image.Image) -> bytes:
    """A small palette PNG for the page, under 25 KB."""
    height = round(image.height * THUMBNAIL_WIDTH / image.width)
    small = image.convert("RGB").resize((THUMBNAIL_WIDTH, height), Image.LANCZOS)
    for colours in (128, 64, 32):
        data = png(small.quantize(colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))
        if len(data) <= MAX_THUMBNAIL_BYTES:
            return data
    raise ValueError(f"a thumbnail is {len(data)} bytes, more than {MAX_THUMBNAIL_BYTES}")
