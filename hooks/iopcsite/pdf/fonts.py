"""The one typeface every product uses: Noto Sans from the pinned ``fontpkg-noto-sans`` package.

It covers Welsh (ŵ ŷ Ŵ Ŷ). It ships as one variable TTF: WeasyPrint instantiates
the weights it needs, Pillow picks them with ``set_variation_by_name``.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from importlib.metadata import version
from pathlib import Path

import fontpkg
from fontTools.ttLib import TTFont
from PIL import ImageFont

FAMILY = "Noto Sans"
PACKAGE = "fontpkg-noto-sans"


@functools.cache
def font_path() -> Path:
    """The upright variable TTF of Noto Sans."""
    return Path(fontpkg.path(FAMILY))


@functools.cache
def font_fingerprint() -> str:
    """Package version and file hash: part of every render's cache key."""
    digest = hashlib.sha256(font_path().read_bytes()).hexdigest()
    return f"{PACKAGE}=={version(PACKAGE)}:{digest}"


@functools.cache
def _covered() -> frozenset[int]:
    with TTFont(font_path(), lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_characters(text: str) -> list[str]:
    """Characters of ``text`` that the font cannot draw (spaces and line breaks are fine)."""
    covered = _covered()
    return sorted({c for c in text if ord(c) not in covered and unicodedata.category(c)[0] not in "CZ"})


def describe(character: str) -> str:
    """'ŵ' (U+0175 LATIN SMALL LETTER W WITH CIRCUMFLEX), for error messages."""
    name = unicodedata.name(character, "unnamed character")
    return f"'{character}' (U+{ord(character):04X} {name})"


def pillow_font(size: int, weight: str = "Regular") -> ImageFont.FreeTypeFont:
    """Noto Sans at ``size`` pixels in a named weight such as 'Regular' or 'Bold'."""
    font = ImageFont.truetype(str(font_path()), size)
    font.set_variation_by_name(weight)
    return font
