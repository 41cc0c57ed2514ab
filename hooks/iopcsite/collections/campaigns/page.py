"""The campaign page and the advocates pack page, as Markdown for the site."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image

from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.collections.campaigns.products import PRINTED_BY_ID, SOCIAL
from iopcsite.collections.campaigns.strings import translator
from iopcsite.collections.campaigns.text import render_text
from iopcsite.content.page_templates import framed_page
from iopcsite.config.models import Organisation

if TYPE_CHECKING:
    from iopcsite.collections.campaigns.campaign_files import ProductFile


@dataclass(frozen=True)
class Listing:
    """One product as the page shows it."""

    id: str
    format: str
    pages: int
    files: dict[str, ProductFile]
    thumbnail_size: tuple[int, int]
    for_printers: bool = False  # its print version is PDF/X-4 with bleed and crop marks


def _png_size(data: bytes) -> tuple[int, int]:
    if not data:  # a product only planned, not drawn yet (make check draws nothing)
        return 0, 0
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def listings(files: list[ProductFile]) -> list[Listing]:
    """The products in build order, each with its files by kind."""
    order = list(dict.fromkeys(f.product for f in files))
    found = []
    for product in order:
        mine = {f.kind: f for f in files if f.product == product}
        printed = PRINTED_BY_ID.get(product)
        social = next((s for s in SOCIAL if f"social-{s.id}" == product), None)
        size = printed.size_label if printed else f"{social.width} x {social.height} px"
        found.append(Listing(product, size, next(iter(mine.values())).pages, mine, _png_size(mine["thumbnail"].data),
                             printed is not None and printed.for_printers))
    return found


def _social_copy(loaded: LoadedCampaign, language: str, files: list[ProductFile]) -> dict[str, object]:
    """The words of each social image that was built (none for a held-back social product)."""
    built = {f.product for f in files}
    return {f"social-{s.format}": s for s in loaded.campaign.copy_for(language).social if f"social-{s.format}" in built}


def campaign_page(loaded: LoadedCampaign, org: Organisation, language: str, files: list[ProductFile],
                  pack_name: str, pack_size: int, notice: str | None = None, pack_shown: bool = True,
                  banners: list[str] = ()) -> str:
    """``campaigns/<slug>/index.md``: who it is for, what to complain about, how, and every download.

    ``notice`` says the page is shown in a language it is not written in; ``banners`` mark what a preview
    shows that the public site does not."""
    copy = loaded.campaign.copy_for(language)
    body = render_text(
        "page.md", language=language, loaded=loaded, c=copy, org=org,
        products=listings(files), social=_social_copy(loaded, language, files), pack_name=pack_name, pack_size=pack_size,
        has_pack=language in loaded.advocates_pack and pack_shown,
    )
    return framed_page(_front(loaded, copy.title, copy.summary), body, banners=banners, notice=notice,
                       body_language=language if notice is not None else None)


def advocates_page(loaded: LoadedCampaign, org: Organisation, language: str, files: list[ProductFile],
                   notice: str | None = None, banners: list[str] = ()) -> str:
    """``campaigns/<slug>/advocates-pack.md``: the advocates pack as a web page."""
    pdf = next((f for f in files if f.product == "advocates-pack" and f.kind == "screen"), None)
    copy = loaded.campaign.copy_for(language)
    body = render_text("advocates-page.md", language=language, loaded=loaded, c=copy, org=org,
                       body=loaded.advocates_pack[language].strip(), pdf=pdf)
    return framed_page(_front(loaded, advocates_page_title(copy.title, language), translator(language)("advocates-intro")),
                       body, banners=banners, notice=notice, body_language=language if notice is not None else None)


def advocates_page_title(campaign_title: str, language: str) -> str:
    """'You have a voice: information pack for advocates'."""
    return f"{campaign_title}: {translator(language)('advocates-pack-title')}"


def _front(loaded: LoadedCampaign, title: str, description: str) -> dict:
    return {"title": title, "description": description, "last_reviewed": loaded.campaign.last_reviewed.isoformat(),
            "review_by": loaded.campaign.review_by.isoformat()}
