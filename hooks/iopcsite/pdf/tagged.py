"""HTML to tagged PDF with WeasyPrint, and the print finishing: bleed box, crop and fold marks.

Every PDF is PDF/UA-1: real text, a structure tree, /Lang and a title. The print
version adds 3 mm of bleed, then a white margin with crop marks and fold marks
outside the bleed, where printers expect them.
"""

from __future__ import annotations

import io
import logging
import os
from contextlib import contextmanager
from typing import Iterator

import pikepdf
from weasyprint import HTML, Document

from iopcsite.collections.campaigns.products import BLEED_MM

PT_PER_MM = 72 / 25.4
# White margin around the bleed that carries the marks.
SLUG_MM = 10.0
# Crop marks start this far outside the trim, so they never reach into the bleed.
MARK_OFFSET_MM = BLEED_MM + 1.0
MARK_LENGTH_MM = 7.0
PDF_VARIANT = "pdf/ua-1"


class RenderError(Exception):
    """WeasyPrint reported an error: the product would be wrong, so the build stops."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _errors_stop_the_build(what: str) -> Iterator[None]:
    collector = _Collector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        yield
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        raise RenderError(f"{what}: WeasyPrint reported: " + "; ".join(collector.messages))


def layout(html: str, base_url: str, what: str) -> Document:
    """Lay out ``html``; any WeasyPrint ERROR line stops the build, naming ``what``."""
    with _errors_stop_the_build(what):
        return HTML(string=html, base_url=base_url).render(pdf_variant=PDF_VARIANT)


@contextmanager
def _source_date(epoch: int) -> Iterator[None]:
    # fontTools stamps the fonts it instantiates with SOURCE_DATE_EPOCH, or with the current time.
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def write(document: Document, identifier: str, what: str, epoch: int) -> bytes:
    """The PDF bytes, the same for the same input: fixed ID, fixed font dates; document dates come from the HTML meta."""
    with _errors_stop_the_build(what), _source_date(epoch):
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier.encode("ascii"))
    return _normalise(data)


def _normalise(data: bytes, edit=None) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if edit:
            edit(pdf)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def add_print_marks(data: bytes, folds_mm: tuple[float, ...]) -> bytes:
    """Turn a PDF rendered with 3 mm bleed into a print PDF with crop and fold marks."""
    return _normalise(data, lambda pdf: [_mark_page(pdf, page, folds_mm) for page in pdf.pages])


def _mark_page(pdf: pikepdf.Pdf, page: pikepdf.Page, folds_mm: tuple[float, ...]) -> None:
    x0, y0, x1, y1 = (float(v) for v in page.obj.TrimBox)
    bleed = BLEED_MM * PT_PER_MM
    slug = (BLEED_MM + SLUG_MM) * PT_PER_MM
    bleed_box = [x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed]
    media = [x0 - slug, y0 - slug, x1 + slug, y1 + slug]
    clip = f"q {bleed_box[0]:.3f} {bleed_box[1]:.3f} {2 * bleed + x1 - x0:.3f} {2 * bleed + y1 - y0:.3f} re W n\n"
    page.contents_add(pikepdf.Stream(pdf, clip.encode()), prepend=True)
    page.contents_add(pikepdf.Stream(pdf, b"Q\n" + _marks((x0, y0, x1, y1), folds_mm)), prepend=False)
    for name, box in (("MediaBox", media), ("CropBox", media), ("BleedBox", bleed_box), ("TrimBox", [x0, y0, x1, y1])):
        page.obj[pikepdf.Name("/" + name)] = pikepdf.Array([round(v, 3) for v in box])
    if "/ArtBox" in page.obj:
        del page.obj["/ArtBox"]


def _line(ax: float, ay: float, bx: float, by: float) -> str:
    return f"{ax:.3f} {ay:.3f} m {bx:.3f} {by:.3f} l S\n"


def _marks(trim: tuple[float, float, float, float], folds_mm: tuple[float, ...]) -> bytes:
    x0, y0, x1, y1 = trim
    near, far = MARK_OFFSET_MM * PT_PER_MM, (MARK_OFFSET_MM + MARK_LENGTH_MM) * PT_PER_MM
    ops = ["/Artifact BMC\nq 0 G 0.25 w []0 d\n"]
    for x, sign in ((x0, -1), (x1, 1)):
        for y in (y0, y1):
            ops.append(_line(x + sign * near, y, x + sign * far, y))
    for y, sign in ((y0, -1), (y1, 1)):
        for x in (x0, x1):
            ops.append(_line(x, y + sign * near, x, y + sign * far))
    ops.append("[2 1.5]0 d\n")
    for fold in folds_mm:
        x = x0 + fold * PT_PER_MM
        ops.append(_line(x, y0 - near, x, y0 - far))
        ops.append(_line(x, y1 + near, x, y1 + far))
    ops.append("Q\nEMC\n")
    return "".join(ops).encode()

