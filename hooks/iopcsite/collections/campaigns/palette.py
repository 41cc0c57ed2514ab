"""Whether a campaign's colours print as they look on screen: a warning for each that cannot, with what prints instead."""

from __future__ import annotations

from iopcsite.authoring.errors import ContentProblem
from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.pdf.print_colour import PRINTABLE_DELTA_E, printed_colour


def palette_warnings(loaded: LoadedCampaign) -> list[ContentProblem]:
    """Every colour of the campaign's palette that coated paper cannot print, pointing at its line in campaign.yml."""
    warnings = []
    for name, colour in loaded.campaign.colours.model_dump().items():
        printed = printed_colour(colour)
        if printed.printable:
            continue
        warnings.append(loaded.problem(
            ("colours", name),
            f"{printed.colour} cannot be printed on coated paper: in print it becomes about {printed.printed} "
            f"(a colour difference of {printed.delta_e:g}, where more than {PRINTABLE_DELTA_E:g} shows).",
            f"To know how the print will look, use {printed.printed} or another colour close to it."))
    return warnings
