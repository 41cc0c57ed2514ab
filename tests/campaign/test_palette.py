"""make check warns of a campaign colour coated paper cannot print, naming its line and the colour it prints as."""

from __future__ import annotations

import re

from iopcsite.collections.campaigns.loader import find_campaign_folders
from iopcsite.pdf.print_colour import printed_colour
from support.project import line_of, run_tool

OUT_OF_GAMUT = "#00FF00"  # pure screen green: far brighter than any ink on paper
IN_GAMUT = "#005EA5"  # a mid blue that CMYK inks print closely


def _set_colour(path, name: str, colour: str) -> None:
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(rf'^(  {name}: )"#[0-9A-Fa-f]{{6}}"$', rf'\g<1>"{colour}"', text, count=1, flags=re.M)
    assert count == 1, f"no colour '{name}' in {path}"
    path.write_text(text, encoding="utf-8")


def test_make_check_warns_of_an_unprintable_colour_and_not_of_a_printable_one(project_copy):
    campaign_file = find_campaign_folders(project_copy / "campaigns")[0] / "campaign.yml"
    for name, colour in (("primary", IN_GAMUT), ("on_primary", "#FFFFFF"), ("accent", OUT_OF_GAMUT),
                         ("on_accent", "#1A1A1A")):
        _set_colour(campaign_file, name, colour)
    result = run_tool(project_copy, "check")
    assert result.returncode == 0, "a colour that does not print must warn, not stop the check:\n" + result.stdout
    warnings = [line for line in result.stdout.splitlines() if "WARNING" in line]
    shown = campaign_file.relative_to(project_copy).as_posix()
    line = line_of(campaign_file, f'accent: "{OUT_OF_GAMUT}"')
    assert len(warnings) == 1, result.stdout
    assert f"{shown}:{line}:" in warnings[0] and "field 'colours.accent'" in warnings[0]
    nearest = printed_colour(OUT_OF_GAMUT)
    assert not nearest.printable and nearest.printed in warnings[0]
    assert printed_colour(IN_GAMUT).printable


def test_the_real_palettes_print_as_they_look(content):
    campaigns = content.collection("campaigns").campaigns
    assert campaigns
    assert [str(warning) for warning in content.warnings] == []
