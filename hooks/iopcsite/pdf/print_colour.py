"""The colour of print: the CMYK output condition every print PDF names, and what a screen colour becomes in print.

The profiles are not in git: they come from Ghostscript's ICC profiles, a system package
(Debian: ``libgs-common``, installed by ``tools/ensure-system-packages``; Homebrew's
``ghostscript`` has the same files). ``IOPC_ICC_DIR`` names another folder holding them.
Debian 12 packages no FOGRA39 ICC profile, so the output condition is Ghostscript's
coated-paper SWOP characterisation, named as a custom condition (the profile itself is
embedded, which is what a printer's RIP uses).
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

ICC_DIR_VARIABLE = "IOPC_ICC_DIR"
DEFAULT_ICC_DIR = Path("/usr/share/color/icc/ghostscript")
PACKAGE = "libgs-common"
CMYK_FILE = "default_cmyk.icc"
RGB_FILE = "srgb.icc"
# ISO 12647-2 lets a printed solid colour sit about Delta E*ab 5 from its aim, and a round trip through
# the profiles moves a colour that prints well by 1 to 2 already: a colour moved further than 5 is one
# that print cannot reach, and it will look visibly duller or different on paper than on screen.
PRINTABLE_DELTA_E = 5.0


class ProfileMissing(RuntimeError):
    """A colour profile the print PDFs need is not installed."""


@dataclass(frozen=True)
class OutputCondition:
    """The printing condition a print PDF is made for, as PDF/X names it in its output intent."""

    identifier: str
    condition: str
    info: str
    registry: str


COATED = OutputCondition(
    identifier="Custom",
    condition="Offset printing on coated paper (SWOP characterisation)",
    info="Artifex CMYK SWOP Profile (Ghostscript default_cmyk.icc): coated paper",
    registry="http://www.color.org",
)


def icc_dir() -> Path:
    """The folder the profiles are read from."""
    return Path(os.environ.get(ICC_DIR_VARIABLE) or DEFAULT_ICC_DIR)


@functools.cache
def _profile(name: str) -> bytes:
    path = icc_dir() / name
    try:
        return path.read_bytes()
    except OSError:
        raise ProfileMissing(
            f"The colour profile {path} is missing: print PDFs and the palette check need it. "
            f"Install the package '{PACKAGE}' (on Debian: apt-get install {PACKAGE}; 'make check' and "
            f"'make build' do it for you), or set {ICC_DIR_VARIABLE} to a folder holding {CMYK_FILE} and {RGB_FILE}."
        ) from None


def cmyk_profile() -> bytes:
    """The CMYK characterisation of coated paper: the print PDFs' output intent."""
    return _profile(CMYK_FILE)


def rgb_profile() -> bytes:
    """sRGB: what the screen colours of the HTML are, made explicit in a print PDF."""
    return _profile(RGB_FILE)


def profile_fingerprint() -> str:
    """A hash of both profiles, for the render cache key: a new profile makes every print PDF again."""
    return hashlib.sha256(cmyk_profile() + rgb_profile()).hexdigest()


@functools.cache
def _transforms():
    from PIL import ImageCms  # only make check's palette check and the tests need Pillow's colour engine

    srgb = ImageCms.getOpenProfile(io.BytesIO(rgb_profile()))
    cmyk = ImageCms.getOpenProfile(io.BytesIO(cmyk_profile()))
    intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
    # Black point compensation: the deepest black the press prints counts as black, as a RIP treats it.
    flags = ImageCms.Flags.BLACKPOINTCOMPENSATION
    to_print = ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK", intent, flags=flags)
    from_print = ImageCms.buildTransform(cmyk, srgb, "CMYK", "RGB", intent, flags=flags)
    to_lab = ImageCms.buildTransform(srgb, ImageCms.createProfile("LAB"), "RGB", "LAB", intent)
    return to_print, from_print, to_lab


@dataclass(frozen=True)
class PrintedColour:
    """A screen colour as it prints: the nearest colour the press reaches, and how far that is from it."""

    colour: str  # '#RRGGBB'
    printed: str  # '#RRGGBB'
    delta_e: float  # CIE76 Delta E*ab

    @property
    def printable(self) -> bool:
        return self.delta_e <= PRINTABLE_DELTA_E


@functools.cache
def printed_colour(colour: str) -> PrintedColour:
    """``colour`` ('#RRGGBB', sRGB) sent to coated paper and back: the round trip finds the nearest printable colour."""
    from PIL import Image, ImageCms

    to_print, from_print, to_lab = _transforms()
    screen = Image.new("RGB", (1, 1), tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)))
    printed = ImageCms.applyTransform(ImageCms.applyTransform(screen, to_print), from_print)
    before, after = (_lab(ImageCms.applyTransform(image, to_lab).getpixel((0, 0))) for image in (screen, printed))
    delta_e = sum((a - b) ** 2 for a, b in zip(before, after)) ** 0.5
    return PrintedColour(colour.upper(), "#{:02X}{:02X}{:02X}".format(*printed.getpixel((0, 0))), round(delta_e, 1))


def _lab(pixel: tuple[int, int, int]) -> tuple[float, float, float]:
    # Pillow's 8-bit LAB: L scaled to 0..255, a and b offset by 128.
    return pixel[0] * 100 / 255, pixel[1] - 128, pixel[2] - 128
