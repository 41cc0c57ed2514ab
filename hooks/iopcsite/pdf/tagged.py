"""HTML to tagged PDF with WeasyPrint, and the print finishing: bleed box, crop and fold marks.

Every PDF is PDF/UA-1: real text, a structure tree, /Lang from ``<html lang>``, the
``<title>`` as its title, and Noto Sans embedded (unless the document's own CSS names
another font). ``html_to_pdf`` does it all in one call; ``layout`` and ``write`` do it
in two, for a caller that measures the laid-out document in between
(``iopcsite.pdf.layout_checks``). A print version adds the bleed the HTML was laid
out with (CSS ``@page { bleed: 3mm }``, say), then a white margin with crop marks and fold
marks outside the bleed, where printers expect them.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from contextlib import contextmanager
from typing import Iterable, Iterator

import pikepdf
from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration

from iopcsite.pdf import fonts, pdfx
from iopcsite.pdf.render_cache import CachedRender, RenderCache, render_key

PT_PER_MM = 72 / 25.4
# White margin around the bleed that carries the marks.
SLUG_MM = 10.0
# Crop marks start this far outside the bleed, so they never reach into it.
MARK_GAP_MM = 1.0
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
    """Lay out ``html`` in Noto Sans; any WeasyPrint ERROR line, or a missing
    ``<html lang>`` or ``<title>`` (PDF/UA needs both), stops the build, naming ``what``."""
    font_config = FontConfiguration()
    with _errors_stop_the_build(what):
        document = HTML(string=html, base_url=base_url).render(
            font_config=font_config, stylesheets=[_noto_sans(font_config)], pdf_variant=PDF_VARIANT)
    _require_language_and_title(document, what)
    return document


def _noto_sans(font_config: FontConfiguration) -> CSS:
    # A user stylesheet: the document's own CSS overrides the family, never the other way round.
    face = f'@font-face {{ font-family: "{fonts.FAMILY}"; src: url("{fonts.font_path().as_uri()}"); }}'
    return CSS(string=f'{face}\nhtml {{ font-family: "{fonts.FAMILY}"; }}', font_config=font_config)


def _require_language_and_title(document: Document, what: str) -> None:
    missing = [name for name, value in (("<html lang>", document.metadata.lang),
                                        ("<title>", document.metadata.title)) if not value]
    if missing:
        raise RenderError(f"{what}: the HTML has no {' and no '.join(missing)}, which an accessible PDF must have")


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
    """The PDF bytes, the same for the same input: fixed ID, fixed font dates (``epoch``, a Unix time);
    document dates come from the HTML meta (``dcterms.created``, ``dcterms.modified``)."""
    with _errors_stop_the_build(what), _source_date(epoch):
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier.encode("ascii"))
    return _normalise(data)


def html_to_pdf(html: str, base_url: str, what: str, epoch: int, identifier: str | None = None) -> bytes:
    """``html`` as an accessible PDF (tagged PDF/UA-1, Noto Sans embedded), the same bytes for the same input.

    ``base_url`` is where relative addresses in the HTML (images, stylesheets) are found;
    ``what`` names the document in errors (RenderError); ``epoch`` is the one date written
    into the fonts; ``identifier`` (ASCII) names the document, by default a hash of the HTML.
    """
    identifier = identifier or hashlib.sha256(html.encode()).hexdigest()[:32]
    return write(layout(html, base_url, what), identifier, what, epoch)


def cached_html_to_pdf(cache: RenderCache, html: str, base_url: str, what: str, epoch: int,
                       inputs: Iterable[str | bytes] = (), code: Iterable[str] = ()) -> bytes:
    """``html_to_pdf``, kept in ``cache`` and made again only when an input changes.

    The key covers the HTML, ``base_url``, ``epoch``, the PDF code, the font and the libraries.
    It cannot see inside the files the HTML refers to: pass their bytes (or a hash of them)
    in ``inputs``, and the ``code_fingerprint`` of any templates that made the HTML in ``code``.
    """
    key = render_key([html, base_url, str(epoch), *inputs], code)
    made = cache.get_or_make(key, lambda: CachedRender({"pdf": html_to_pdf(html, base_url, what, epoch)}, 0))
    return made.files["pdf"]


def _normalise(data: bytes, edit=None) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if edit:
            edit(pdf)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def add_print_marks(data: bytes, folds_mm: tuple[float, ...], bleed_mm: float, what: str = "a print PDF") -> bytes:
    """Turn a PDF laid out with ``bleed_mm`` of bleed into a PDF/X-4 print PDF with crop marks,
    and fold marks ``folds_mm`` from the left edge of the trim."""
    def edit(pdf: pikepdf.Pdf) -> None:
        for page in pdf.pages:
            _mark_page(pdf, page, folds_mm, bleed_mm)
        pdfx.make_pdfx4(pdf)

    return _conforming(_normalise(data, edit), what)


def to_pdfx4(data: bytes, what: str = "a print PDF") -> bytes:
    """A PDF laid out without bleed (for office printers) as a PDF/X-4 print PDF, marks and all as they are."""
    return _conforming(_normalise(data, pdfx.make_pdfx4), what)


def _conforming(data: bytes, what: str) -> bytes:
    """``data``, once read back as PDF/X-4: a print PDF a printer would turn away stops the build."""
    problems = pdfx.pdfx4_problems(data)
    if problems:
        raise RenderError(f"{what}: the print PDF is not PDF/X-4: " + "; ".join(problems))
    return data


def _mark_page(pdf: pikepdf.Pdf, page: pikepdf.Page, folds_mm: tuple[float, ...], bleed_mm: float) -> None:
    x0, y0, x1, y1 = (float(v) for v in page.obj.TrimBox)
    bleed = bleed_mm * PT_PER_MM
    slug = (bleed_mm + SLUG_MM) * PT_PER_MM
    bleed_box = [x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed]
    media = [x0 - slug, y0 - slug, x1 + slug, y1 + slug]
    clip = f"q {bleed_box[0]:.3f} {bleed_box[1]:.3f} {2 * bleed + x1 - x0:.3f} {2 * bleed + y1 - y0:.3f} re W n\n"
    page.contents_add(pikepdf.Stream(pdf, clip.encode()), prepend=True)
    page.contents_add(pikepdf.Stream(pdf, b"Q\n" + _marks((x0, y0, x1, y1), folds_mm, bleed_mm)), prepend=False)
    for name, box in (("MediaBox", media), ("CropBox", media), ("BleedBox", bleed_box), ("TrimBox", [x0, y0, x1, y1])):
        page.obj[pikepdf.Name("/" + name)] = pikepdf.Array([round(v, 3) for v in box])
    if "/ArtBox" in page.obj:
        del page.obj["/ArtBox"]


def _line(ax: float, ay: float, bx: float, by: float) -> str:
    return f"{ax:.3f} {ay:.3f} m {bx:.3f} {by:.3f} l S\n"


def _marks(trim: tuple[float, float, float, float], folds_mm: tuple[float, ...], bleed_mm: float) -> bytes:
    x0, y0, x1, y1 = trim
    offset = bleed_mm + MARK_GAP_MM
    near, far = offset * PT_PER_MM, (offset + MARK_LENGTH_MM) * PT_PER_MM
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

