"""Figures worked out from the published ones: never typed in, always rounded as the source rounds.

The source gives percentages as whole numbers, a half rounded up (12.5% is shown as 13%);
every percentage here is rounded the same way, so a figure worked out from the source's own
counts is the figure the source prints.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ROUNDING_RULE = "to the nearest whole number, with a half rounded up (12.5% is 13%)"


def whole_percent(part: int, whole: int) -> int | None:
    """``part`` as a whole percentage of ``whole``, rounded as the source rounds; None when ``whole`` is 0."""
    if not whole:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def share_of_total(value: int | None, total: int | None) -> int | None:
    """A force's share of the England and Wales total, as a whole percentage."""
    if value is None or total is None:
        return None
    return whole_percent(value, total)


def difference(value: int | None, national: int | None) -> int | None:
    """How far a force's figure is above (positive) or below (negative) the England and Wales figure."""
    if value is None or national is None:
        return None
    return value - national


def percent_change(earlier: int | None, later: int | None) -> int | None:
    """The change from ``earlier`` to ``later`` as a whole percentage of ``earlier`` (negative: fewer)."""
    if earlier is None or later is None or earlier == 0:
        return None
    return whole_percent(later - earlier, earlier)


def previous_year(year: str) -> str:
    """'2023/24' for '2024/25'."""
    start = int(year[:4]) - 1
    return f"{start}/{(start + 1) % 100:02d}"
