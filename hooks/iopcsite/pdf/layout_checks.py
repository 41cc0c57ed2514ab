"""Measure a laid-out WeasyPrint document: copy that overflows its box, image resolution.

Templates mark every fixed-size text box with ``data-fit="<field>"``, naming the
field of the copy it shows (the campaign's ``poster.headline``, say). After layout,
every box whose content reaches past its bottom or right edge is reported with how
far over it is, so the author can be told which field to shorten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from weasyprint import Document
from weasyprint.formatting_structure import boxes

PX_PER_MM = 96 / 25.4
# Less than this is rounding in the layout engine, not copy that does not fit.
TOLERANCE_MM = 0.2


@dataclass(frozen=True)
class Overflow:
    """Copy that does not fit: which field, on which page, how far over, in which direction."""

    field: str
    page: int
    over_mm: float
    direction: str  # "down" or "across"


@dataclass(frozen=True)
class PlacedImage:
    """A raster or vector image as printed: its source and printed width in mm."""

    src: str
    page: int
    width_mm: float
    height_mm: float


def _unwrap(box: boxes.Box) -> boxes.Box:
    # Absolutely positioned boxes sit in the tree inside a placeholder that is not a Box.
    return getattr(box, "_box", box)


def _descendants(box: boxes.Box) -> Iterator[boxes.Box]:
    for child in getattr(box, "children", ()):
        child = _unwrap(child)
        yield child
        yield from _descendants(child)


def _walk(box: boxes.Box) -> Iterator[boxes.Box]:
    yield box
    yield from _descendants(box)


def _fit_field(box: boxes.Box) -> str | None:
    element = getattr(box, "element", None)
    if element is None or box.element_tag is None or not isinstance(box, boxes.BlockBox):
        return None
    return element.get("data-fit")


def overflows(document: Document) -> list[Overflow]:
    """Every ``data-fit`` box whose content spills out, page by page."""
    found = []
    for number, page in enumerate(document.pages, 1):
        for box in _walk(page._page_box):
            field = _fit_field(box)
            if field:
                found.extend(_box_overflow(box, field, number))
    return found


def _box_overflow(box: boxes.BlockBox, field: str, page: int) -> Iterator[Overflow]:
    bottom = box.content_box_y() + box.height
    right = box.content_box_x() + box.width
    extents = [(d.position_y + d.margin_height(), d.position_x + d.margin_width()) for d in _descendants(box)
               if not isinstance(d, boxes.LineBox)]
    lowest = max((e[0] for e in extents), default=bottom)
    widest = max((e[1] for e in extents), default=right)
    if (lowest - bottom) / PX_PER_MM > TOLERANCE_MM:
        yield Overflow(field, page, round((lowest - bottom) / PX_PER_MM, 1), "down")
    if (widest - right) / PX_PER_MM > TOLERANCE_MM:
        yield Overflow(field, page, round((widest - right) / PX_PER_MM, 1), "across")


def placed_images(document: Document) -> list[PlacedImage]:
    """Every <img> as laid out, with its printed size."""
    found = []
    for number, page in enumerate(document.pages, 1):
        for box in _walk(page._page_box):
            if isinstance(box, boxes.ReplacedBox) and box.element is not None and box.element.get("src"):
                found.append(PlacedImage(box.element.get("src"), number, box.width / PX_PER_MM, box.height / PX_PER_MM))
    return found
