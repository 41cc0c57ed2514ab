"""Social media images drawn with Pillow in Noto Sans: exact pixel sizes, copy checked to fit."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw, ImageFont
from weasyprint import HTML

from iopcsite.authoring.errors import ContentError
from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.collections.campaigns.products import SOCIAL, SocialFormat
from iopcsite.pdf import fonts
from iopcsite.pdf import previews as preview


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels, and the text size used in it."""

    x: int
    y: int
    width: int
    height: int
    size: int = 0


@dataclass(frozen=True)
class Layout:
    """Where everything goes on one social image size."""

    hero: Box
    headline: Box
    text: Box
    band: Box  # the accent band with the web address


LAYOUTS = {
    "square": Layout(Box(370, 70, 340, 340), Box(80, 440, 920, 130, 104), Box(90, 590, 900, 220, 50), Box(0, 880, 1080, 200, 50)),
    "portrait": Layout(Box(330, 100, 420, 420), Box(60, 580, 960, 140, 104), Box(90, 760, 900, 280, 54), Box(0, 1110, 1080, 240, 50)),
    "landscape": Layout(Box(70, 100, 320, 320), Box(450, 70, 700, 220, 88), Box(450, 310, 700, 180, 44), Box(0, 530, 1200, 145, 46)),
}
LINE_SPACING = 1.22


def svg_image(path: Path, size: int) -> Image.Image:
    """An SVG drawn at ``size`` x ``size`` pixels with a transparent background."""
    html = (f'<style>@page {{ size: {size}px {size}px; margin: 0 }} body {{ margin: 0 }}</style>'
            f'<img src="{path.resolve().as_uri()}" alt="" style="width: {size}px; height: {size}px; display: block">')
    data = HTML(string=html).write_pdf()
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        bitmap = page.render(scale=size / page.get_width(), fill_color=(0, 0, 0, 0))
        return bitmap.to_pil().convert("RGBA").resize((size, size), Image.LANCZOS)
    finally:
        document.close()


def hero_image(loaded: LoadedCampaign, size: int) -> Image.Image | None:
    """The campaign's hero image at ``size`` pixels square, or None when it has none."""
    if loaded.campaign.hero_image is None:
        return None
    path = loaded.image_path(loaded.campaign.hero_image)
    if path.suffix.lower() == ".svg":
        return svg_image(path, size)
    with Image.open(path) as image:
        if min(image.size) < size:
            raise ContentError([loaded.problem(
                ("images", loaded.campaign.hero_image, "file"),
                f"the picture is {image.width}x{image.height} pixels, but the social images show it {size} pixels wide.",
                f"Supply it at least {size}x{size} pixels, or use an SVG.")])
        return image.convert("RGBA").resize((size, size), Image.LANCZOS)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words in lines no wider than ``width`` (a single word that is wider stays on its own line)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _draw_text(draw: ImageDraw.ImageDraw, text: str, box: Box, weight: str, colour: str, centre: bool) -> tuple[int, int]:
    """Draw wrapped text; returns how many pixels it is too tall and too wide for the box."""
    font = fonts.pillow_font(box.size, weight)
    lines = wrap(text, font, box.width)
    step = round(box.size * LINE_SPACING)
    for number, line in enumerate(lines):
        width = font.getlength(line)
        x = box.x + (box.width - width) / 2 if centre else box.x
        draw.text((x, box.y + number * step), line, font=font, fill=_hex(colour))
    too_tall = len(lines) * step - box.height
    too_wide = max((font.getlength(line) for line in lines), default=0) - box.width
    return max(0, round(too_tall)), max(0, round(too_wide))


def draw_social(loaded: LoadedCampaign, language: str, spec: SocialFormat) -> bytes:
    """One social image as PNG; stops the build when copy does not fit."""
    copy = loaded.campaign.copy_for(language)
    index, item = next((i, s) for i, s in enumerate(copy.social) if s.format == spec.id)
    colours = loaded.campaign.colours
    shape = LAYOUTS[spec.id]
    image = Image.new("RGB", (spec.width, spec.height), _hex(colours.primary))
    draw = ImageDraw.Draw(image)
    draw.rectangle((shape.band.x, shape.band.y, shape.band.x + shape.band.width, spec.height), fill=_hex(colours.accent))
    hero = hero_image(loaded, shape.hero.width)
    if hero is not None:
        image.paste(hero, (shape.hero.x, shape.hero.y), hero)
    centre = spec.id != "landscape"
    overs = {
        "headline": _draw_text(draw, item.headline, shape.headline, "ExtraBold", colours.on_primary, centre),
        "text": _draw_text(draw, item.text, shape.text, "Regular", colours.on_primary, centre),
    }
    band = shape.band
    url_box = Box(band.x + 60, band.y + (band.height - round(band.size * LINE_SPACING)) // 2, band.width - 120, band.height, band.size)
    overs["short_url"] = _draw_text(draw, loaded.campaign.short_url, url_box, "Bold", colours.on_accent, True)
    _stop_if_over(loaded, language, spec, index, overs)
    return preview.png(image)


def _stop_if_over(loaded: LoadedCampaign, language: str, spec: SocialFormat, index: int, overs: dict[str, tuple[int, int]]) -> None:
    problems = []
    for name, (tall, wide) in overs.items():
        if not (tall or wide):
            continue
        loc = ("short_url",) if name == "short_url" else loaded.copy_loc(language, "social", index, name)
        amount = " and ".join(filter(None, (f"{tall} px too tall" if tall else "", f"{wide} px too wide" if wide else "")))
        problems.append(loaded.problem(
            loc, f"the text does not fit its box in the product 'social' ({spec.id}, {spec.width}x{spec.height}): it is {amount}.",
            "Shorten the text so that nothing is cut off."))
    if problems:
        raise ContentError(problems)


def render_social(loaded: LoadedCampaign, language: str) -> dict[str, bytes]:
    """Every social image with its thumbnail, by kind ('square', 'square-thumbnail', ...)."""
    files = {}
    for spec in SOCIAL:
        data = draw_social(loaded, language, spec)
        files[spec.id] = data
        with Image.open(io.BytesIO(data)) as image:
            files[f"{spec.id}-thumbnail"] = preview.thumbnail(image)
    return files
