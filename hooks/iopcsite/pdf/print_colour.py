"""The colour of print: the CMYK output condition every print PDF names.

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
import os
from dataclasses import dataclass
from pathlib import Path

ICC_DIR_VARIABLE = "IOPC_ICC_DIR"
DEFAULT_ICC_DIR = Path("/usr/share/color/icc/ghostscript")
PACKAGE = "libgs-common"
CMYK_FILE = "default_cmyk.icc"
RGB_FILE = "srgb.icc"


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

