"""The learning hub, the key areas of work and our strategy, as a reader meets them."""

from __future__ import annotations

import posixpath
import re

import pytest
from iopcsite.collections.learning.collection import HUB_URI
from iopcsite.content.registry import COLLECTIONS
from iopcsite.content.site_content import load_site_content
from support.project import line_of, replace_in, run_tool

from learning.fake_sections import FakePublications

VAWG = "key-areas/violence-against-women-and-girls"


def hub_links(content, language_prefix: str = "") -> list[str]:
    """The docs paths the hub's section headings link to."""
    markdown = content.published[language_prefix + HUB_URI].markdown
    return [posixpath.normpath(posixpath.join(posixpath.dirname(language_prefix + HUB_URI), target))
            for target in re.findall(r"^### \[[^\]]+\]\(([^)]+)\)", markdown, re.M)]


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_you_have_a_voice_is_listed_under_violence_against_women_and_girls(built_site, prefix):
    html = (built_site / prefix / VAWG / "index.html").read_text(encoding="utf-8")
    title = "Mae gennych chi lais" if prefix else "You have a voice"
    assert re.search(rf'<a href="[^"]*campaigns/you-have-a-voice/"[^>]*>{title}</a>', html)
    assert "you-have-a-voice-launch/" in html, "the news item tagged with the area is not listed"


def test_a_key_area_page_says_what_we_focus_on_and_what_we_have_done(built_site):
    html = (built_site / "key-areas/race-discrimination/index.html").read_text(encoding="utf-8")
    assert "What we focus on" in html and "What we have done" in html
    assert "Operation Hotton" in html and "15 recommendations" in html


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_the_hub_shows_only_sections_that_exist_here(content, prefix):
    links = hub_links(content, prefix)
    for section in ("key-areas/index.md", "news/index.md", "publications/focus.md", "recommendations/index.md",
                    "forces/index.md", "statistics/index.md"):
        assert f"{prefix}{section}" in links, section
    for link in links:
        assert link in content.published, f"the hub links to {link}, which is not published"


def test_a_hub_entry_appears_once_its_collection_exists(project_copy):
    without = tuple(kind for kind in COLLECTIONS if kind.name not in ("publications", "recommendations"))
    content = load_site_content(project_copy, draw=False, collections=without)
    links = hub_links(content)
    assert not any("publications/" in link or "recommendations/" in link for link in links)
    assert all(link in content.published for link in links)
    # Registered where the real one is: before the learning collection, whose hub lists what they publish.
    learning = next(index for index, kind in enumerate(without) if kind.name == "learning")
    with_fake = without[:learning] + (FakePublications,) + without[learning:]
    content = load_site_content(project_copy, draw=False, collections=with_fake)
    links = hub_links(content)
    for page in FakePublications.pages:
        assert page in links
    assert "recommendations/index.md" not in links
    assert all(link in content.published for link in links)


def test_the_strategy_has_its_four_objectives_and_three_commitments_and_nothing_made_up(content):
    markdown = content.published["about/our-strategy.md"].markdown
    assert markdown.count("\n### ") == 4
    commitments = markdown.split("## Our commitments", 1)[1]
    assert len(re.findall(r"^- ", commitments, re.M)) == 3
    assert "First published: date not published" in markdown
    assert "What we'll achieve" not in markdown and "How we'll achieve this" not in markdown


def test_the_welsh_strategy_is_in_welsh(content):
    markdown = content.published["cy/about/our-strategy.md"].markdown
    assert "Meithrin ymddiriedaeth a hyder mewn plismona" in markdown
    assert "Cyhoeddwyd gyntaf: dyddiad heb ei gyhoeddi" in markdown


@pytest.mark.parametrize("prefix, section", [("", "Learning"), ("cy/", "Dysgu")])
def test_the_menu_has_the_learning_section_and_the_news(built_site, prefix, section):
    html = (built_site / prefix / "index.html").read_text(encoding="utf-8")
    for target in ("learning/", "key-areas/", "about/our-strategy/", "news/"):
        assert f'href="{target}"' in html or f'href="./{target}"' in html, f"the {prefix or 'English'} menu has no {target}"
    assert section in html


def test_a_campaign_tagged_with_an_unknown_key_area_is_named_with_a_suggestion(project_copy):
    campaign = project_copy / "campaigns/you-have-a-voice/campaign.yml"
    replace_in(campaign, "key_area: violence-against-women-and-girls", "key_area: violence-against-women")
    result = run_tool(project_copy, "check")
    assert result.returncode != 0
    line = line_of(campaign, "key_area:")
    assert f"campaigns/you-have-a-voice/campaign.yml:{line}" in result.stdout
    assert "Did you mean 'violence-against-women-and-girls'?" in result.stdout


def test_a_key_area_file_naming_an_unknown_area_is_named(project_copy):
    replace_in(project_copy / "docs/_data/learning/key-areas.yml", "  - id: race-discrimination", "  - id: race-discrimnation")
    result = run_tool(project_copy, "check")
    assert result.returncode != 0 and "Did you mean 'race-discrimination'?" in result.stdout
