"""Typed models for ``campaigns/<slug>/campaign.yml``.

A campaign is structure (slug, addresses, colours, images, chosen products)
plus copy. The copy lives under ``copy`` in English and, with exactly the same
shape, under ``translations.<language>`` for every other language.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, StringConstraints, field_validator

from iopcsite.authoring.base_models import (
    HoldableItem,
    LanguageCode,
    ReviewedItem,
    Slug,
    Strict,
    Text,
)

HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
ImageId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
ShortUrl = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}(/[A-Za-z0-9._~-]+)*$", max_length=60),
]

ProductId = Literal[
    "poster-a4", "poster-a3", "leaflet-a5", "leaflet-large-print", "card", "advocates-pack", "social",
]
SocialFormat = Literal["square", "portrait", "landscape"]


class Colours(Strict):
    """The campaign's palette. Pairs used for text are checked for WCAG AA contrast."""

    primary: HexColour = Field(description="Main background of covers and banners; text on it is 'on_primary'.")
    on_primary: HexColour = Field(description="Text colour on 'primary'.")
    accent: HexColour = Field(description="Highlight panels; text on it is 'on_accent'.")
    on_accent: HexColour = Field(description="Text colour on 'accent'.")
    paper: HexColour = Field("#FFFFFF", description="Background of text pages.")
    ink: HexColour = Field("#1A1A1A", description="Body text colour on 'paper'.")


class Image(Strict):
    """An image file in the campaign folder. Its alt text is in the copy (``image_alt``)."""

    file: Text = Field(description="Path inside the campaign folder, such as 'art/voices.svg'. SVG, PNG or JPEG.")
    decorative: bool = Field(False, description="True when the image adds nothing a reader needs: it gets no alt text.")


class FalseCover(Strict):
    """The outside of the folding card. Must say nothing about the police or complaints."""

    title: Text = Field(max_length=40, description="The big word or two on the front, such as 'Appointment card'.")
    lines: list[Text] = Field(default_factory=list, max_length=3, description="Write-on lines, such as 'Date' and 'Time'.")
    back: Text = Field(max_length=120, description="One short neutral sentence for the back panel.")
    pattern: ImageId | None = Field(None, description="A decorative image for the outside, such as a plain pattern.")


class Example(Strict):
    """One thing people can complain about."""

    title: Text = Field(description="A few words, such as 'Being let down after reporting'.")
    text: Text = Field(description="One or two short sentences.")


class Step(Strict):
    """One way to complain or one step to take."""

    title: Text = Field(description="A few words: the heading of this step.")
    text: Text = Field(description="One or two short sentences.")


class PosterCopy(Strict):
    """The words on the A4 and A3 posters."""

    headline: Text = Field(description="The big words at the top.")
    body: Text = Field(description="Two or three short sentences under the headline.")
    call_to_action: Text = Field(description="What to do next, placed above the web address.")


class LeafletCopy(Strict):
    """The words of the A5 and large-print leaflets that are not shared with the page."""

    cover_headline: Text = Field(description="The big words on the front of the leaflet.")
    cover_text: Text = Field(description="One or two sentences under the headline on the front.")
    back_title: Text = Field(description="Heading on the back page, above the ways to get in touch.")
    back_text: Text = Field(description="The words on the back page, above the ways to get in touch.")


class CardCopy(Strict):
    """The inside of the folding card."""

    message_title: Text = Field(description="Inside left: a heading of a few words.")
    message: Text = Field(description="Inside left: one or two short sentences.")
    how_title: Text = Field(description="Inside right: heading above the web address and phone number.")
    scan_label: Text = Field(description="A few words beside the QR code, such as 'Scan to find out more'.")


class SocialCopy(Strict):
    """The words on a social image and the post that goes with it."""

    format: SocialFormat = Field(description="The shape of the image: square, portrait or landscape.")
    headline: Text = Field(description="The big words on the image.")
    text: Text = Field(description="One short sentence under the headline.")
    alt: Text = Field(description="Alt text for the image: what it says and shows.")
    post_text: Text = Field(description="Suggested words for the post that shares the image.")


class CampaignCopy(Strict):
    """Every word of a campaign in one language. Welsh repeats this shape under ``translations.cy``."""

    title: Text = Field(max_length=60, description="The campaign's name: the page title and the words on every product.")
    summary: Text = Field(max_length=200, description="One or two sentences: the page's description.")
    audience: Text = Field(description="Who the campaign is for.")
    examples_intro: Text = Field(description="The sentence before the examples of what people can complain about.")
    examples: list[Example] = Field(min_length=1, max_length=6, description="One to six things people can complain about.")
    how_to_complain_intro: Text = Field(description="The sentence before the ways to complain.")
    how_to_complain: list[Step] = Field(min_length=1, max_length=5, description="One to five ways or steps to complain.")
    phone_label: Text = Field(description="Words before the phone number, such as 'Call us on'.")
    image_alt: dict[ImageId, Text] = Field(default_factory=dict, description="Alt text for every image that is not decorative.")
    false_cover: FalseCover | None = Field(None, description="The neutral outside of the folding card (needed for the card).")
    poster: PosterCopy | None = Field(None, description="The words of the posters (needed for poster-a4 and poster-a3).")
    leaflet: LeafletCopy | None = Field(None, description="The words of the leaflets (needed for leaflet-a5 and leaflet-large-print).")
    card: CardCopy | None = Field(None, description="The words inside the folding card (needed for the card).")
    social: list[SocialCopy] = Field(default_factory=list, description="One entry per social media image (needed for social).")
    advocates_pack: Text | None = Field(
        None, description="The Markdown file with the advocates information pack, such as 'advocates-pack.md'."
    )
    giving_the_card_safely: list[Text] = Field(default_factory=list, description="Advice for advocates, one point per item.")
    terms_of_use: Text = Field(description="How others may use the materials, printed in the pack.")


class Product(HoldableItem):
    """One product the campaign publishes."""

    id: ProductId = Field(description="Which product: poster-a4, poster-a3, leaflet-a5, leaflet-large-print, card, advocates-pack or social.")


class Campaign(HoldableItem, ReviewedItem):
    """``campaigns/<slug>/campaign.yml``."""

    slug: Slug = Field(description="The campaign's web address under /campaigns/: the same as its folder's name.")
    launched: dt.date | None = Field(None, description="When the campaign started.")
    key_area: Slug | None = Field(None, description="The key area of work it belongs to: an id from docs/_data/taxonomy.yml.")
    topics: list[Slug] = Field(default_factory=list, description="Topic ids from docs/_data/taxonomy.yml.")
    short_url: ShortUrl = Field(description="The web address people type, without https://, such as 'policeconduct.gov.uk/youhaveavoice'.")
    qr_url: HttpUrl = Field(description="The full address the QR code opens.")
    colours: Colours = Field(description="The campaign's colours.")
    images: dict[ImageId, Image] = Field(default_factory=dict, description="The campaign's images, each with an id used elsewhere in this file.")
    hero_image: ImageId | None = Field(None, description="The image used on posters, leaflets and the page.")
    products: list[Product] = Field(min_length=1, description="The products to publish, each once.")
    copy_: CampaignCopy = Field(alias="copy", description="Every word of the campaign, in English.")
    translations: dict[LanguageCode, CampaignCopy] = Field(default_factory=dict, description="The same words in other languages, such as cy for Welsh, in the same shape as copy.")

    @field_validator("products")
    @classmethod
    def _products_once(cls, products: list[Product]) -> list[Product]:
        seen = [p.id for p in products]
        twice = sorted({p for p in seen if seen.count(p) > 1})
        if twice:
            raise ValueError(f"each product may be listed once; listed more than once: {', '.join(twice)}")
        return products

    def copy_for(self, language: str) -> CampaignCopy:
        """The copy in ``language`` (English is ``copy``)."""
        return self.copy_ if language == "en" else self.translations[language]

    @property
    def languages(self) -> list[str]:
        """English first, then every translated language."""
        return ["en", *sorted(self.translations)]

    def product_ids(self) -> list[str]:
        """The chosen products, in a fixed order."""
        return [p.id for p in self.products]
