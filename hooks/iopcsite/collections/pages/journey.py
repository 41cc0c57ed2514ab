"""The step-by-step journey (complain, contact, outcome, review), shown on each journey page."""

from __future__ import annotations

from html import escape
from pathlib import Path

from iopcsite.authoring.errors import ProblemList
from iopcsite.authoring.markdown_text import relative_url, resolve_link
from iopcsite.authoring.model_files import load_model_file
from iopcsite.collections.pages.models import Journey
from iopcsite.config.localiser import Localiser
from iopcsite.config.site_config import DATA_DIR

JOURNEY_FILE = DATA_DIR / "journey.yml"


def load_journey(root: Path, problems: ProblemList) -> Journey | None:
    journey, _ = load_model_file(root / JOURNEY_FILE, Journey, root, problems)
    return journey


def journey_pages(journey: Journey) -> set[str]:
    """The pages that show the journey: every page a step links to."""
    return {resolve_link("index.md", step.link)[0] for step in journey.steps}


def render_journey(journey: Journey, src_uri: str, local: Localiser, prefix: str = "") -> str:
    """GOV.UK-style step-by-step navigation as HTML, marking this page's steps as current."""
    title = journey.title.get(local.language)
    items = []
    for number, step in enumerate(journey.steps, 1):
        current = prefix + resolve_link("index.md", step.link)[0] == src_uri
        href = relative_url(src_uri, prefix + step.link)
        marker = ' aria-current="step"' if current else ""
        css = "iopc-steps__step iopc-steps__step--current" if current else "iopc-steps__step"
        items.append(
            f'<li class="{css}"{marker}>'
            f'<span class="iopc-steps__number"><span class="iopc-visually-hidden">{escape(local.string("journey-step"))} </span>{number}</span> '
            f'<a class="iopc-steps__title" href="{escape(href)}">{escape(step.title.get(local.language))}</a>'
            f'<p class="iopc-steps__summary">{escape(step.summary.get(local.language))}</p></li>'
        )
    return (
        f'<nav class="iopc-steps" aria-labelledby="iopc-steps-title">'
        f'<h2 class="iopc-steps__heading" id="iopc-steps-title">{escape(title)}</h2>'
        f'<ol class="iopc-steps__list">{"".join(items)}</ol></nav>'
    )


def render_journey_banner(journey: Journey, local: Localiser) -> str:
    """The 'Part of' line under the h1 that leads to the full step-by-step list."""
    title = escape(journey.title.get(local.language))
    part_of = escape(local.string("journey-part-of"))
    return f'<p class="iopc-steps-part">{part_of} <a href="#iopc-steps-title">{title}</a></p>'
