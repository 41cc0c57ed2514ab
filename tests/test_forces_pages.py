"""A page for every police force, in English and Welsh: how to complain, who reviews, its figures next to
England and Wales, and the recommendations made to it once a register is joined; and the forces index."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from iopcsite.collections.forces.recommendations import recommendations_section
from iopcsite.collections.forces.strings import wording


def page(content, uri: str) -> str:
    return content.published[uri].markdown.replace("\\", "")


def test_every_force_has_a_page_in_english_and_welsh(content):
    for force in content.collection("forces").forces:
        assert f"forces/{force.key}.md" in content.published and f"cy/forces/{force.key}.md" in content.published


@pytest.mark.parametrize("key, welsh_title", [("gwent", "Heddlu Gwent"), ("south-wales", "Heddlu De Cymru"),
                                              ("kent", "Kent Police"),
                                              ("british-transport-police", "British Transport Police")])
def test_the_welsh_page_is_headed_with_the_checked_welsh_name(content, key, welsh_title):
    # British Transport Police's Welsh name was seen only in a secondary source (forces.csv notes): not shown.
    assert content.published[f"cy/forces/{key}.md"].title == welsh_title


def test_a_verified_local_policing_body_is_named_and_others_are_described(content):
    assert "For Metropolitan Police Service this is Mayor's Office for Policing and Crime (MOPAC)" in page(content, "forces/metropolitan.md")
    kent = page(content, "forces/kent.md")
    assert "the police and crime commissioner (or equivalent) for the area" in kent
    assert "Police and Crime Commissioner for the force area" not in kent


def test_a_force_page_links_the_sites_guidance_and_the_watchdogs_form(content):
    kent = page(content, "cy/forces/kent.md")
    assert "(../make-a-complaint.md#ways-to-complain)" in kent and "(../who-reviews.md)" in kent
    assert "(https://www.policeconduct.gov.uk/complaints-reviews-and-appeals/make-complaint)" in kent


def test_a_force_page_shows_its_figures_next_to_england_and_wales(content):
    metropolitan = page(content, "forces/metropolitan.md")
    assert "8,339\n</td>" in metropolitan and "60,031\n</td>" in metropolitan
    assert "14% of the total" in metropolitan  # 8,339 of 60,031
    assert "180 days longer" not in metropolitan and "11\n</td>" in metropolitan
    assert "https://www.policeconduct.gov.uk/node?page=3" in metropolitan
    assert "3% o'r cyfanswm" in page(content, "cy/forces/south-wales.md") or "Cymru a Lloegr" in page(content, "cy/forces/south-wales.md")


def test_a_force_page_lists_the_recommendations_made_to_it_with_their_status(content):
    sussex = page(content, "forces/sussex.md")
    assert "(../recommendations/sussex-2025-08-suicide-risk.md#" in sussex
    assert sussex.count("- [Recommendation") + sussex.count("- [Recommendations") >= 5
    assert "(Response overdue)" in sussex or "(Response published)" in sussex
    assert "(../recommendations/recipients/sussex.md)" in sussex
    welsh = page(content, "cy/forces/sussex.md")
    assert '<span lang="en">Recommendations - Sussex Police, August 2025</span>: Argymhelliad 1' in welsh


def test_no_recommendations_section_for_a_force_with_none(content):
    assert "recommendations/" not in page(content, "forces/bedfordshire.md")


def test_the_recommendations_hook_shows_a_section_only_where_there_is_something(content):
    class Register:
        name = "recommendations"

        def recommendations_for(self, site, key):
            return ["one", "two"] if key == "kent" else []

    others = [collection for collection in content.collections if collection.name != "recommendations"]
    joined = SimpleNamespace(collections=[*others, Register()])
    words = wording("en")
    assert recommendations_section(joined, "sussex", "en", "forces/sussex.md", words) is None
    kent = recommendations_section(joined, "kent", "en", "forces/kent.md", words)
    assert "published 2 recommendations" in kent
    assert "(../recommendations/index.md)" in kent


def test_the_forces_index_groups_by_country_and_lists_the_other_bodies(content):
    index = page(content, "forces/index.md")
    assert index.index("## England") < index.index("## Wales") < index.index("## Forces that police across")
    assert index.count("](") >= 44 and "Ministry of Defence Police" in index and "Civil Nuclear Constabulary" in index
    welsh = page(content, "cy/forces/index.md")
    assert "## Cymru" in welsh and "[Heddlu Gwent](gwent.md) (Gwent Police)" in welsh
    assert 'data-force-filter hidden' in index  # the filter box shows only once the script runs
    assert content.published["forces/index.md"].scripts == ("assets/javascripts/force-filter.js",)
