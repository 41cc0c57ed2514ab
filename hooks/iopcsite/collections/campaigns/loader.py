"""Load a campaign folder and report every problem in it, with file, line and field."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

from PIL import Image as PILImage

from iopcsite.authoring.base_models import strings_in
from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path
from iopcsite.authoring.model_files import load_model_or_raise
from iopcsite.authoring.yaml_source import YamlDocument
from iopcsite.collections.campaigns.models import Campaign, CampaignCopy
from iopcsite.pdf import fonts

CAMPAIGN_FILE = "campaign.yml"
RASTER_FORMATS = {"PNG", "JPEG"}
MIN_CONTRAST = 4.5
# Words that would give away what the folding card is about if someone else saw it.
REVEALING_WORDS = ("police", "polic", "complain", "iopc", "officer", "abuse", "heddlu", "cwyn", "watchdog")
PRODUCT_NEEDS = {
    "poster-a4": ("poster",), "poster-a3": ("poster",),
    "leaflet-a5": ("leaflet",), "leaflet-large-print": ("leaflet",),
    "card": ("card", "false_cover"), "advocates-pack": ("advocates_pack",), "social": ("social",),
}


@dataclass(frozen=True)
class LoadedCampaign:
    """A valid campaign with where it came from, so later checks can point at lines."""

    folder: Path
    file: str
    campaign: Campaign
    document: YamlDocument
    advocates_pack: dict[str, str]

    def copy_loc(self, language: str, *parts: str | int) -> tuple[str | int, ...]:
        """Where a copy field lives in campaign.yml for ``language``."""
        return (("copy",) if language == "en" else ("translations", language)) + parts

    def problem(self, loc: tuple[str | int, ...], message: str, hint: str | None = None) -> ContentProblem:
        """A problem pointing at the line of ``loc`` in campaign.yml."""
        return self.document.problem(loc, message, hint)

    def image_path(self, image_id: str) -> Path:
        """Where the image ``image_id`` is on disk."""
        return self.folder / self.campaign.images[image_id].file

    @functools.cached_property
    def images_digest(self) -> bytes:
        """The SHA-256 of every image, in id order: read once, though every product's cache key needs it."""
        return b"".join(hashlib.sha256(self.image_path(image_id).read_bytes()).digest()
                        for image_id in sorted(self.campaign.images))


def find_campaign_folders(campaigns_dir: Path) -> list[Path]:
    """Every folder under ``campaigns_dir`` that holds a campaign.yml, sorted."""
    return sorted(p.parent for p in Path(campaigns_dir).glob(f"*/{CAMPAIGN_FILE}"))


def load_campaign(folder: Path, root: Path | None = None) -> LoadedCampaign:
    """Read, validate and check one campaign; raises ContentError listing every problem."""
    path = Path(folder) / CAMPAIGN_FILE
    shown = display_path(path, root)
    campaign, document = load_model_or_raise(path, Campaign, shown)
    loaded = LoadedCampaign(Path(folder), shown, campaign, document, {})
    found = ProblemList()
    found.extend(_check_folder_name(loaded))
    found.extend(_check_addresses(loaded))
    found.extend(_check_colours(loaded))
    found.extend(_check_images(loaded))
    found.extend(_check_products(loaded))
    found.extend(_check_false_cover(loaded))
    packs = _read_advocates_packs(loaded, found)
    found.extend(_check_characters(loaded, packs, root))
    found.raise_if_any()
    return LoadedCampaign(loaded.folder, shown, campaign, document, packs)


def _check_folder_name(loaded: LoadedCampaign) -> Iterator[ContentProblem]:
    if loaded.campaign.slug != loaded.folder.name:
        yield loaded.problem(
            ("slug",), f"the slug '{loaded.campaign.slug}' is not the folder's name '{loaded.folder.name}'.",
            "Rename the folder or change the slug so they match: the slug is the page's address.",
        )


def _check_addresses(loaded: LoadedCampaign) -> Iterator[ContentProblem]:
    campaign = loaded.campaign
    scanned = re.sub(r"^https?://(www\.)?", "", str(campaign.qr_url)).rstrip("/")
    if scanned != campaign.short_url.removeprefix("www."):
        yield loaded.problem(
            ("short_url",), f"'{campaign.short_url}' is not the same address as qr_url '{campaign.qr_url}'.",
            "People who type the short address and people who scan the code must reach the same page.",
        )


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two '#RRGGBB' colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _check_colours(loaded: LoadedCampaign) -> Iterator[ContentProblem]:
    colours = loaded.campaign.colours
    for text, background in (("on_primary", "primary"), ("on_accent", "accent"), ("ink", "paper")):
        ratio = contrast_ratio(getattr(colours, text), getattr(colours, background))
        if ratio < MIN_CONTRAST:
            yield loaded.problem(
                ("colours", text), f"text in {text} on {background} has a contrast of {ratio:.2f}:1, below {MIN_CONTRAST}:1.",
                "Choose a darker or lighter colour so the words are easy to read (WCAG 2.2 AA).",
            )


def _check_images(loaded: LoadedCampaign) -> Iterator[ContentProblem]:
    campaign = loaded.campaign
    if campaign.hero_image and campaign.hero_image not in campaign.images:
        yield loaded.problem(("hero_image",), f"there is no image '{campaign.hero_image}' under images.",
                             f"Known images: {', '.join(sorted(campaign.images)) or 'none'}.")
    for image_id, image in sorted(campaign.images.items()):
        yield from _check_image_file(loaded, image_id)
        for language in campaign.languages:
            yield from _check_alt(loaded, image_id, image.decorative, language)


def _check_image_file(loaded: LoadedCampaign, image_id: str) -> Iterator[ContentProblem]:
    path = loaded.image_path(image_id)
    loc = ("images", image_id, "file")
    if not path.is_file():
        yield loaded.problem(loc, f"the file '{loaded.campaign.images[image_id].file}' does not exist.",
                             "Give the path inside the campaign folder, such as 'art/voices.svg'.")
        return
    problem = image_format_problem(path)
    if problem:
        yield loaded.problem(loc, problem, "Use an SVG drawing, or a PNG or JPEG picture.")


def image_format_problem(path: Path) -> str | None:
    """Why the image at ``path`` cannot be used, or None if it is an SVG, PNG or JPEG."""
    if path.suffix.lower() == ".svg":
        try:
            root = ElementTree.parse(path).getroot()
        except ElementTree.ParseError as error:
            return f"'{path.name}' is not a valid SVG file ({error})."
        return None if root.tag.endswith("svg") else f"'{path.name}' is not an SVG drawing."
    try:
        with PILImage.open(path) as image:
            kind = image.format
    except OSError:
        return f"'{path.name}' is not an image file this build can read."
    return None if kind in RASTER_FORMATS else f"'{path.name}' is a {kind} image; only PNG and JPEG are allowed."


def _check_alt(loaded: LoadedCampaign, image_id: str, decorative: bool, language: str) -> Iterator[ContentProblem]:
    alts = loaded.campaign.copy_for(language).image_alt
    if decorative and image_id in alts:
        yield loaded.problem(loaded.copy_loc(language, "image_alt", image_id),
                             f"image '{image_id}' is marked decorative but has alt text.",
                             "Remove the alt text, or set 'decorative: false' if readers need it.")
    if not decorative and image_id not in alts:
        yield loaded.problem(loaded.copy_loc(language, "image_alt"),
                             f"image '{image_id}' has no alt text.",
                             f"Add 'image_alt: {{{image_id}: ...}}' describing what it shows, or mark the image 'decorative: true'.")


def _check_products(loaded: LoadedCampaign) -> Iterator[ContentProblem]:
    campaign = loaded.campaign
    for index, product in enumerate(campaign.products):
        for language in campaign.languages:
            copy = campaign.copy_for(language)
            for needed in PRODUCT_NEEDS[product.id]:
                if not getattr(copy, needed):
                    yield loaded.problem(loaded.copy_loc(language), f"the product '{product.id}' needs '{needed}' copy.",
                                         f"Add '{needed}' here, or remove '{product.id}' from products (line of products[{index + 1}]).")
        if product.id == "social":
            yield from _check_social_formats(loaded)


def _check_social_formats(loaded: LoadedCampaign) -> Iterator[ContentProblem]:
    for language in loaded.campaign.languages:
        formats = [s.format for s in loaded.campaign.copy_for(language).social]
        for wanted in ("square", "portrait", "landscape"):
            if formats.count(wanted) != 1:
                yield loaded.problem(loaded.copy_loc(language, "social"),
                                     f"there must be exactly one social image of format '{wanted}' (found {formats.count(wanted)}).",
                                     "List one each of square (1080x1080), portrait (1080x1350) and landscape (1200x675).")


def _check_false_cover(loaded: LoadedCampaign) -> Iterator[ContentProblem]:
    for language in loaded.campaign.languages:
        cover = loaded.campaign.copy_for(language).false_cover
        if cover is None:
            continue
        for loc, text in strings_in(cover, loaded.copy_loc(language, "false_cover")):
            word = next((w for w in REVEALING_WORDS if w in text.lower()), None)
            if word:
                yield loaded.problem(loc, f"the false cover must not give away what the card is about, but it contains '{word}'.",
                                     "Someone who finds the card must not be able to tell what it is: use neutral words.")


def _read_advocates_packs(loaded: LoadedCampaign, found: ProblemList) -> dict[str, str]:
    packs = {}
    for language in loaded.campaign.languages:
        name = loaded.campaign.copy_for(language).advocates_pack
        if name is None:
            continue
        path = loaded.folder / name
        if path.is_file():
            packs[language] = path.read_text(encoding="utf-8")
        else:
            found.add(loaded.problem(loaded.copy_loc(language, "advocates_pack"), f"the file '{name}' does not exist.",
                                     "Name a Markdown file in the campaign folder, such as 'advocates-pack.md'."))
    return packs


def _check_characters(loaded: LoadedCampaign, packs: dict[str, str], root: Path | None) -> Iterator[ContentProblem]:
    for language in loaded.campaign.languages:
        copy: CampaignCopy = loaded.campaign.copy_for(language)
        for loc, text in strings_in(copy, loaded.copy_loc(language)):
            yield from _missing_glyphs(loaded, loc, text)
    for language, text in sorted(packs.items()):
        shown = display_path(loaded.folder / loaded.campaign.copy_for(language).advocates_pack, root)
        for number, line in enumerate(text.splitlines(), 1):
            for character in fonts.missing_characters(line):
                yield ContentProblem(shown, number, line.index(character) + 1, None,
                                     f"the font {fonts.FAMILY} has no {fonts.describe(character)}.",
                                     "Use another character: products must not show a substitute or an empty box.")


def _missing_glyphs(loaded: LoadedCampaign, loc: tuple[str | int, ...], text: str) -> Iterator[ContentProblem]:
    for character in fonts.missing_characters(text):
        yield loaded.problem(loc, f"the font {fonts.FAMILY} has no {fonts.describe(character)}.",
                             "Use another character: products must not show a substitute or an empty box.")
