"""The forces index and each force's page, as Markdown for the site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.collections.forces.models import Force
from iopcsite.collections.forces.recommendations import recommendations_section
from iopcsite.collections.forces.strings import wording
from iopcsite.collections.statistics.pages import force_table, table_html
from iopcsite.collections.statistics.strings import wording as statistics_wording
from iopcsite.content.page_templates import framed_page, render_page

if TYPE_CHECKING:
    from pathlib import Path

    from iopcsite.content.site_content import SiteContent

INDEX_URI = "forces/index.md"
FILTER_SCRIPT = "assets/javascripts/force-filter.js"
GROUPS = ("england", "wales", "other")
OTHER_BODIES = ("mod-police", "cnc", "hmrc", "nca", "glaa", "pcc", "contractors")


def force_uri(force: Force) -> str:
    return f"forces/{force.key}.md"


def group_of(force: Force) -> str:
    """England, Wales, or 'other' for a force that polices across them (British Transport Police)."""
    return {"England": "england", "Wales": "wales"}.get(force.country, "other")


def index_page(templates: Path, forces: list[Force], language: str, statistics: bool) -> str:
    """``forces/index.md``: every force by country, the filter box, and the other bodies in the remit."""
    words = wording(language)
    groups = [(group, sorted((f for f in forces if group_of(f) == group), key=lambda f: f.name(language).casefold()))
              for group in GROUPS]
    body = render_page(templates, "index.md", words=words, groups=[g for g in groups if g[1]], total=len(forces),
                       others=OTHER_BODIES, statistics=statistics, language=language)
    return framed_page({"title": words("index-title"), "description": words("index-description")}, body)


def force_page(templates: Path, content: SiteContent, force: Force, language: str, uri: str) -> str:
    """``forces/<key>.md``: how to complain, who reviews, its figures, and recommendations where there are some."""
    words, figures_words = wording(language), statistics_wording(language)
    name = force.name(language)
    body = render_page(templates, "force.md", words=words, force=force, name=name,
                       urls=urls(content), figures=force_figures(content, force, figures_words),
                       figures_words=figures_words,
                       recommendations=recommendations_section(content, force.key, language, uri, words))
    return framed_page({"title": name, "description": words("force-description", name=name)}, body)


def urls(content: SiteContent) -> dict[str, str]:
    """The watchdog's own addresses from site.yml: its form, and the list of police forces."""
    organisation = content.config.organisation
    return {"form": str(organisation.complaint_form_url), "forces": str(organisation.police_forces_url)}


def force_figures(content: SiteContent, force: Force, words) -> dict | None:
    """The force's figures in the newest year's tables, or None when no statistics are registered."""
    statistics = next((c for c in content.collections if c.name == "statistics"), None)
    if statistics is None or not statistics.years or any(t.total is None for t in statistics.tables):
        return None
    year = statistics.years[-1]
    tables = []
    for table in statistics.tables_of(year):
        if force.key not in table.by_force:
            continue
        earlier = statistics.table(previous(statistics.years, year), table.kind.id)
        shown = force_table(table, earlier if earlier and force.key in earlier.by_force else None, force, words)
        tables.append((table_html(shown), table.source))
    return {"year": year, "tables": tables}


def previous(years: list[str], year: str) -> str:
    index = years.index(year)
    return years[index - 1] if index else ""
