"""Render one printed product in one language: template, layout checks, print and screen PDFs, previews."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import markdown
import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape
from PIL import Image as PILImage

from iopcsite.authoring.errors import ContentError, ContentProblem
from iopcsite.authoring.file_state import cached_until_changed
from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.collections.campaigns.products import BLEED_MM, PrintedProduct
from iopcsite.collections.campaigns.strings import translator
from iopcsite.collections.campaigns.text import TEMPLATES, template_files
from iopcsite.config import site_config as site
from iopcsite.config.models import Organisation
from iopcsite.pdf import layout_checks as layout
from iopcsite.pdf import previews as preview
from iopcsite.pdf import tagged as pdf

MIN_DPI = 300
SITE_FILE = site.SITE_FILE.as_posix()


@dataclass
class Rendered:
    """The files of one product in one language, by kind, and facts for the page."""

    files: dict[str, bytes] = field(default_factory=dict)
    pages: int = 0


@cached_until_changed(template_files)
def environment() -> Environment:
    """The Jinja environment for product templates: autoescaped, and strict about unknown names
    (made again when a template changes)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["breakable"] = breakable
    return env


def breakable(address: str) -> Markup:
    """A web address that may wrap after '/', never inside a word."""
    return Markup("/<wbr>").join(escape(part) for part in address.split("/"))


def qr_data_uri(url: str) -> str:
    """The QR code for ``url`` as an SVG data URI: black on white, medium error correction."""
    code = segno.make(url, error="m", boost_error=False, micro=False)
    return code.svg_data_uri(dark="#000000", light="#FFFFFF", border=4, omitsize=True)


def pack_html(text: str) -> str:
    """The advocates pack Markdown as HTML (headings get ids for bookmarks and contents)."""
    return markdown.markdown(text, extensions=["toc", "sane_lists"], output_format="html")


def pack_sections(text: str) -> list[tuple[str, str]]:
    """(anchor, heading) of every level-2 heading of the advocates pack, for its contents."""
    html = pack_html(text)
    return [(anchor, unescape(heading)) for anchor, heading in re.findall(r'<h2 id="([^"]+)">(.*?)</h2>', html)]


def context(loaded: LoadedCampaign, org: Organisation, product: PrintedProduct, language: str, printing: bool) -> dict:
    """Everything a product template may use."""
    campaign = loaded.campaign
    copy = campaign.copy_for(language)
    return {
        "c": copy, "t": translator(language), "campaign": campaign, "product": product, "lang": language, "print": printing,
        "colours": campaign.colours, "org": org, "org_name": org.name.get(language),
        "phone": org.phone, "short_url": campaign.short_url, "qr_url": str(campaign.qr_url),
        "qr_svg": qr_data_uri(str(campaign.qr_url)), "bleed_mm": BLEED_MM,
        "date": campaign.last_reviewed.isoformat(), "hero": _image(loaded, campaign.hero_image, language),
        "pattern": _image(loaded, copy.false_cover.pattern if copy.false_cover else None, language),
        "document_title": f"{copy.title}: {translator(language)('product-' + product.id)}",
        "pack_html": Markup(pack_html(loaded.advocates_pack.get(language, ""))),
        "pack_sections": pack_sections(loaded.advocates_pack.get(language, "")),
    }


def _image(loaded: LoadedCampaign, image_id: str | None, language: str) -> dict | None:
    if image_id is None:
        return None
    image = loaded.campaign.images[image_id]
    alt = "" if image.decorative else loaded.campaign.copy_for(language).image_alt[image_id]
    return {"src": loaded.image_path(image_id).resolve().as_uri(), "alt": alt, "decorative": image.decorative}


def render_printed(loaded: LoadedCampaign, org: Organisation, product: PrintedProduct, language: str) -> Rendered:
    """Both PDFs, the preview and the thumbnail of ``product``; stops on copy that does not fit."""
    what = f"{loaded.file}: product '{product.id}' ({language})"
    template = environment().get_template(product.template)
    base_url = loaded.folder.resolve().as_uri() + "/"
    screen_doc = pdf.layout(template.render(context(loaded, org, product, language, printing=False)), base_url, what)
    _check(loaded, product, language, screen_doc)
    identifier = f"{loaded.campaign.slug}-{product.id}-{language}"
    rendered = Rendered(pages=len(screen_doc.pages))
    screen = pdf.write(screen_doc, identifier, what, _epoch(loaded))
    if "screen" in product.outputs:
        rendered.files["screen"] = screen
    if "print" in product.outputs:
        rendered.files["print"] = _print_pdf(loaded, org, product, language, screen, identifier, what)
    rendered.files["preview"], rendered.files["thumbnail"] = preview.pdf_previews(screen)
    return rendered


def _print_pdf(loaded: LoadedCampaign, org: Organisation, product: PrintedProduct, language: str,
               screen: bytes, identifier: str, what: str) -> bytes:
    if not product.bleed:
        return pdf.to_pdfx4(screen, what)
    template = environment().get_template(product.template)
    base_url = loaded.folder.resolve().as_uri() + "/"
    document = pdf.layout(template.render(context(loaded, org, product, language, printing=True)), base_url, what)
    return pdf.add_print_marks(pdf.write(document, identifier, what, _epoch(loaded)), product.folds_mm, BLEED_MM, what)


def _epoch(loaded: LoadedCampaign) -> int:
    """The campaign's last review date as a Unix time: the one date written into its files."""
    day = loaded.campaign.last_reviewed
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())


def _check(loaded: LoadedCampaign, product: PrintedProduct, language: str, document) -> None:
    problems = [_overflow_problem(loaded, product, language, o) for o in layout.overflows(document)]
    problems += _page_count_problems(loaded, product, language, len(document.pages))
    problems += _resolution_problems(loaded, product, document)
    if problems:
        raise ContentError(problems)


def _overflow_problem(loaded: LoadedCampaign, product: PrintedProduct, language: str, overflow: layout.Overflow) -> ContentProblem:
    where = "too long" if overflow.direction == "down" else "too wide"
    message = (f"the text is {where} for its box in the product '{product.id}' (page {overflow.page}): "
               f"it is {overflow.over_mm:g} mm over.")
    hint = "Shorten the text, or split it, so that nothing is cut off when it is printed."
    if overflow.field.startswith("site:"):
        return ContentProblem(SITE_FILE, None, None, overflow.field.removeprefix("site:"), message, hint)
    return loaded.problem(loaded.copy_loc(language, *overflow.field.split(".")), message, hint)


def _page_count_problems(loaded: LoadedCampaign, product: PrintedProduct, language: str, pages: int) -> list[ContentProblem]:
    limit = product.pages or product.max_pages
    if pages <= limit and (product.pages is None or pages == product.pages):
        return []
    field_loc = loaded.copy_loc(language)
    return [loaded.problem(field_loc, f"the product '{product.id}' takes {pages} pages; it must fit on {limit}.",
                           f"Shorten the copy by about {pages - limit} page(s).")]


def _resolution_problems(loaded: LoadedCampaign, product: PrintedProduct, document) -> list[ContentProblem]:
    problems = []
    for placed in layout.placed_images(document):
        path = Path(url2pathname(urlparse(placed.src).path))
        if not placed.src.startswith("file://") or path.suffix.lower() == ".svg":
            continue
        with PILImage.open(path) as image:
            dpi = image.width / (placed.width_mm / 25.4)
        if dpi < MIN_DPI:
            image_id = next(i for i, img in loaded.campaign.images.items() if loaded.image_path(i).resolve() == path)
            problems.append(loaded.problem(
                ("images", image_id, "file"),
                f"the image is printed {placed.width_mm:.0f} mm wide in the product '{product.id}', which gives only {dpi:.0f} dpi.",
                f"Supply it at least {MIN_DPI} dpi: {int(placed.width_mm / 25.4 * MIN_DPI) + 1} pixels wide, or use an SVG."))
    return problems
