"""Which campaigns the tests run over, and what they expect of a product: which file is which, and which copy it must contain."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from iopcsite.collections.campaigns.loader import (
    LoadedCampaign,
    find_campaign_folders,
    load_campaign,
)
from iopcsite.collections.campaigns.products import PRINTED_BY_ID
from iopcsite.config.models import SiteConfig
from support.project import PROJECT_ROOT, TEST_FIXTURES


@functools.cache
def campaign_folders() -> list[Path]:
    """Every real campaign, plus the minimal fixture: a new campaign folder is tested with no new test code."""
    return find_campaign_folders(PROJECT_ROOT / "campaigns") + [TEST_FIXTURES / "campaigns" / "minimal"]


def folder_name(folder: Path) -> str:
    """A campaign's test id: its folder's name."""
    return folder.name


@functools.cache
def _source(folder: Path) -> LoadedCampaign:
    return load_campaign(folder, PROJECT_ROOT)


def campaigns_with_an_advocates_pack() -> list[Path]:
    """The campaigns that choose the advocates pack among their products."""
    return [folder for folder in campaign_folders() if "advocates-pack" in _source(folder).campaign.product_ids()]


def campaigns_with_social_images() -> list[Path]:
    """The campaigns that choose the social media images among their products."""
    return [folder for folder in campaign_folders() if "social" in _source(folder).campaign.product_ids()]


def campaigns_with_card_advice() -> list[Path]:
    """The campaigns whose copy advises advocates on giving the card safely."""
    return [folder for folder in campaign_folders() if _source(folder).campaign.copy_.giving_the_card_safely]

NAME = re.compile(r"^(?P<slug>.+?)-(?P<product>" + "|".join(sorted(PRINTED_BY_ID, key=len, reverse=True))
                  + r")-(?P<kind>print|screen)-(?P<lang>[a-z]{2})\.pdf$")


def parse_pdf_name(path: str) -> tuple[str, str, str]:
    """(product, kind, language) from a PDF's file name."""
    match = NAME.match(path.rsplit("/", 1)[-1])
    assert match, f"unexpected PDF name {path}"
    return match["product"], match["kind"], match["lang"]


def squash(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines where the layout did."""
    return re.sub(r"\s+", "", text)


def expected_copy(loaded: LoadedCampaign, site: SiteConfig, product: str, language: str) -> list[str]:
    """The copy a reader must find in ``product``: taken from the campaign, never written here."""
    c = loaded.campaign.copy_for(language)
    address = [loaded.campaign.short_url]
    phone = [site.organisation.phone] if site.organisation.phone else []
    if product.startswith("poster"):
        return [c.poster.headline, c.poster.body, c.poster.call_to_action, *address]
    if product.startswith("leaflet"):
        return [c.leaflet.cover_headline, c.leaflet.cover_text, *(e.title for e in c.examples),
                *(s.title for s in c.how_to_complain), *address, *phone]
    if product.startswith("card"):
        return [c.false_cover.title, c.false_cover.back, c.card.message_title, c.card.message, *address, *phone]
    if product == "advocates-pack":
        first_heading = next(line[3:] for line in loaded.advocates_pack[language].splitlines() if line.startswith("## "))
        return [c.title, first_heading, *address, *phone]
    raise AssertionError(f"no expectations for {product}")
