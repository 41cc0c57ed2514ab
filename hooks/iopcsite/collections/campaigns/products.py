"""The product catalogue: every layout a campaign can choose, shared by all campaigns."""

from __future__ import annotations

from dataclasses import dataclass

# Every template draws its backgrounds this far past the trim, for the print version.
BLEED_MM = 3.0


@dataclass(frozen=True)
class PrintedProduct:
    """A PDF product laid out by an HTML template under ``templates/``."""

    id: str
    template: str
    width_mm: float
    height_mm: float
    pages: int | None  # None: flowing text, as many pages as it takes up to max_pages
    max_pages: int = 1
    folds_mm: tuple[float, ...] = ()
    outputs: tuple[str, ...] = ("print", "screen")
    bleed: bool = True  # False: for office printers, which cannot print to the edge
    folded_mm: tuple[float, float] | None = None

    @property
    def for_printers(self) -> bool:
        """Whether its print version is the one for a commercial printer: PDF/X-4 with bleed and crop marks."""
        return self.bleed and "print" in self.outputs

    @property
    def size_label(self) -> str:
        """'210 x 297 mm', or '85 x 55 mm folded (170 x 55 mm flat)'."""
        flat = f"{self.width_mm:g} x {self.height_mm:g} mm"
        if self.folded_mm is None:
            return flat
        return f"{self.folded_mm[0]:g} x {self.folded_mm[1]:g} mm folded ({flat} flat)"


@dataclass(frozen=True)
class SocialFormat:
    """A social media image size."""

    id: str
    width: int
    height: int


PRINTED: dict[str, tuple[PrintedProduct, ...]] = {
    "poster-a4": (PrintedProduct("poster-a4", "poster.html", 210, 297, 1),),
    "poster-a3": (PrintedProduct("poster-a3", "poster.html", 297, 420, 1),),
    "leaflet-a5": (PrintedProduct("leaflet-a5", "leaflet.html", 148, 210, 2),),
    "leaflet-large-print": (PrintedProduct("leaflet-large-print", "large-print.html", 210, 297, None, max_pages=4),),
    "card": (
        PrintedProduct("card", "card.html", 170, 55, 2, folds_mm=(85,), folded_mm=(85, 55)),
        PrintedProduct("card-sheet", "card-sheet.html", 210, 297, 2, outputs=("print",), bleed=False),
    ),
    "advocates-pack": (
        PrintedProduct("advocates-pack", "advocates-pack.html", 210, 297, None, max_pages=16, outputs=("screen",)),
    ),
}

SOCIAL: tuple[SocialFormat, ...] = (
    SocialFormat("square", 1080, 1080),
    SocialFormat("portrait", 1080, 1350),
    SocialFormat("landscape", 1200, 675),
)


@dataclass(frozen=True)
class Job:
    """One thing to render for one language: a printed product or the social images."""

    product_id: str
    language: str
    printed: PrintedProduct | None = None

    @property
    def key_name(self) -> str:
        """'card-en': names the job in the cache key."""
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

PRINTED_BY_ID: dict[str, PrintedProduct] = {p.id: p for group in PRINTED.values() for p in group}
