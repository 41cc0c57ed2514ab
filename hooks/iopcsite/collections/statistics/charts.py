"""Bar charts drawn at build time as SVG: the geometry is worked out here, the markup is a Jinja macro.

The CSP forbids style attributes, so the SVG uses presentation attributes only; its words
are real <text>, and its title and description say in words what the bars show.
Whole numbers only, so the same figures give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from iopcsite.collections.statistics.strings import Wording

# Contrast on white: 5.2:1 and 5.9:1 (WCAG asks 3:1 for graphics); text is near-black, 18.6:1.
COLOURS = ("#1d70b8", "#a64100")
TEXT_COLOUR = "#0b0c0c"
GRID_COLOUR = "#6f777b"
LABEL_WIDTH = 230
PLOT_WIDTH = 400
WIDTH = LABEL_WIDTH + PLOT_WIDTH + 60
BAR = 9
TOP = 44
BOTTOM = 32


@dataclass(frozen=True)
class Bar:
    y: int
    width: int
    height: int
    colour: str
    text: str  # the figure as written, printed at the end of the bar


@dataclass(frozen=True)
class Row:
    label: str
    y: int  # the label's baseline
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True)
class Key:
    x: int
    colour: str
    label: str


@dataclass(frozen=True)
class Chart:
    """Everything the macro draws."""

    id: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    plot_top: int
    plot_bottom: int
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    keys: tuple[Key, ...]
    text_colour: str = TEXT_COLOUR
    grid_colour: str = GRID_COLOUR

    @property
    def bars_by_colour(self) -> list[tuple[str, list[Bar]]]:
        """The bars of each series together, so each group names its colour once."""
        colours = dict.fromkeys(bar.colour for row in self.rows for bar in row.bars)
        return [(colour, [bar for row in self.rows for bar in row.bars if bar.colour == colour]) for colour in colours]


def nice_step(largest: int, ticks: int = 5) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving about ``ticks`` gridlines up to ``largest``."""
    rough = max(largest, 1) / ticks
    power = 1
    while power * 10 <= rough:
        power *= 10
    return next(step * power for step in (1, 2, 5, 10) if step * power >= rough)


def bar_chart(chart_id: str, title: str, description: str, labels: list[str],
              series: list[tuple[str, list[int | None]]], words: Wording) -> Chart:
    """A horizontal bar chart: a row per label, a bar per series (None draws no bar)."""
    largest = max((value or 0 for _, values in series for value in values), default=0)
    step = nice_step(largest)
    top = step * -(-max(largest, 1) // step)
    bar = BAR if len(series) > 1 else 2 * BAR  # one series: thicker bars, easier to see
    row_height = bar * len(series) + 8
    first = TOP if len(series) > 1 else 12
    rows = []
    for index, label in enumerate(labels):
        y = first + index * row_height
        bars = tuple(Bar(y + 4 + number * bar, (values[index] or 0) * PLOT_WIDTH // top, bar - 1, COLOURS[number],
                         words.number(values[index]))
                     for number, (_, values) in enumerate(series) if values[index] is not None)
        rows.append(Row(label, y + row_height // 2 + 4, bars))
    bottom = first + len(labels) * row_height
    ticks = tuple(Tick(LABEL_WIDTH + value * PLOT_WIDTH // top, words.number(value)) for value in range(0, top + 1, step))
    keys = tuple(Key(LABEL_WIDTH + number * 200, COLOURS[number], name) for number, (name, _) in enumerate(series)) \
        if len(series) > 1 else ()
    return Chart(chart_id, title, description, WIDTH, bottom + BOTTOM, LABEL_WIDTH, first, bottom, tuple(rows), ticks, keys)
