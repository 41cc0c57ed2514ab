"""The product catalogue: every layout a campaign can choose, shared by all campaigns."""

from __future__ import annotations

from dataclasses import dataclass

BLEED_MM = 3.0
SAFE_MM = 5.0


@dataclass(frozen=True)
class PrintedProduct:
    """A PDF product laid out by an HTML template under ``templates/``."""

    id: str
    name: str
    template: str
    width_mm: float
    height_mm: float
    pages: int | None  # None: flowing text, as many pages as it takes up to max_pages
    max_pages: int = 1
    folds_mm: tuple[float, ...] = ()
    outputs: tuple[str, ...] = ("print", "screen")
    bleed: bool = True  # False: for office printers, which cannot print to the edge
    how_to_print: str = ""

    @property
    def size_label(self) -> str:
        return f"{self.width_mm:g} x {self.height_mm:g} mm"


@dataclass(frozen=True)
class SocialFormat:
    """A social media image size."""

    id: str
    name: str
    width: int
    height: int


POSTER_HOW = "Print on A4 or A3 paper or card. A printer can trim the print version to the edge; on an office printer, use the screen version at 'actual size'."
PRINTED: dict[str, tuple[PrintedProduct, ...]] = {
    "poster-a4": (PrintedProduct("poster-a4", "A4 poster", "poster.html", 210, 297, 1, how_to_print=POSTER_HOW),),
    "poster-a3": (PrintedProduct("poster-a3", "A3 poster", "poster.html", 297, 420, 1, how_to_print=POSTER_HOW),),
    "leaflet-a5": (PrintedProduct(
        "leaflet-a5", "A5 leaflet", "leaflet.html", 148, 210, 2,
        how_to_print="Print double-sided on A5, or on A4 and trim. Flip on the long edge."),),
    "leaflet-large-print": (PrintedProduct(
        "leaflet-large-print", "Large-print leaflet", "large-print.html", 210, 297, None, max_pages=4,
        how_to_print="Print on A4 at 'actual size'. Do not shrink it: the text is large on purpose."),),
    "card": (
        PrintedProduct(
            "card", "Folding card", "card.html", 170, 55, 2, folds_mm=(85,),
            how_to_print="For a printer: 85 x 55 mm folded, 170 x 55 mm flat, double-sided, folded on the dashed fold marks."),
        PrintedProduct(
            "card-sheet", "Folding cards, 4 on A4", "card-sheet.html", 210, 297, 2, outputs=("print",), bleed=False,
            how_to_print="Print double-sided on A4 card (250 to 300 gsm), flip on the long edge, at 'actual size'. Cut on the crop marks, then fold in the middle so the appointment card side is outside."),
    ),
    "advocates-pack": (PrintedProduct(
        "advocates-pack", "Advocates information pack", "advocates-pack.html", 210, 297, None, max_pages=16,
        outputs=("screen",), how_to_print="Print on A4, double-sided if you can."),),
}

SOCIAL: tuple[SocialFormat, ...] = (
    SocialFormat("square", "Square social image", 1080, 1080),
    SocialFormat("portrait", "Portrait social image", 1080, 1350),
    SocialFormat("landscape", "Landscape social image", 1200, 675),
)


@dataclass(frozen=True)
class Job:
    """One thing to render for one language: a printed product or the social images."""

    product_id: str
    language: str
    printed: PrintedProduct | None = None

    @property
    def key_name(self) -> str:
        name = self.printed.id if self.printed else self.product_id
        return f"{name}-{self.language}"


def jobs_for(product_ids: list[str], languages: list[str]) -> list[Job]:
    """Every render job for a campaign's chosen products, in a fixed order."""
    found = []
    for language in languages:
        for product_id in product_ids:
            if product_id == "social":
                found.append(Job("social", language))
            for printed in PRINTED.get(product_id, ()):
                found.append(Job(product_id, language, printed))
    return found
