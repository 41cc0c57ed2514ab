"""What a reader finds on the publications pages: every known publication, its dates in words, what is
still to be confirmed, where to find it, and lists by type, year and topic that link to each other."""

from __future__ import annotations

import posixpath
import re

import pytest
from iopcsite.collections.publications.views import TYPE_PAGES, item_uri
from iopcsite.content.tagged import tagged_entries

from .helpers import FIXTURE_ID, fixture_content, publication_ids


def markdown(content, uri: str) -> str:
    return content.published[uri].markdown


def linked_items(text: str) -> list[str]:
    """The publication pages a list links to, in order."""
    return re.findall(r"^- \[[^\n]*?\]\(((?:\.\./)?[a-z0-9-]+)\.md\)[^\n]*<br>$", text, flags=re.M)


@pytest.mark.for_each("publication_id", publication_ids)
@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_every_publication_has_a_page_and_is_listed(content, publication_id, prefix):
    page = content.published[prefix + item_uri(publication_id)]
    assert not page.in_menu and page.in_search
    assert publication_id in linked_items(markdown(content, f"{prefix}publications/index.md"))


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_the_list_is_newest_first_and_undated_last(content, prefix):
    listed = linked_items(markdown(content, f"{prefix}publications/index.md"))
    assert listed.index("learning-the-lessons-44") < listed.index("focus-issue-13")  # October 2024, February 2020
    assert listed.index("focus-issue-13") < listed.index("learning-the-lessons-41")  # no date: last


@pytest.mark.parametrize("prefix, month, updated", [("", "February 2020", "December 2021"),
                                                    ("cy/", "Chwefror 2020", "Rhagfyr 2021")])
def test_a_month_only_date_is_written_as_a_month(content, prefix, month, updated):
    text = markdown(content, prefix + item_uri("focus-issue-13"))
    assert f":   {month}\n" in text and f":   {updated}\n" in text


@pytest.mark.parametrize("prefix, words", [("", "Date not published"), ("cy/", "Dyddiad heb ei gyhoeddi")])
def test_a_null_date_says_it_is_not_published(content, prefix, words):
    assert f":   {words}\n" in markdown(content, prefix + item_uri("learning-the-lessons-41"))
    assert words in markdown(content, f"{prefix}publications/index.md")


@pytest.mark.parametrize("prefix, label", [("", "To be confirmed"), ("cy/", "I'w gadarnhau")])
def test_an_unverified_publication_is_marked_to_be_confirmed(content, prefix, label):
    assert f'!!! warning "{label}"' in markdown(content, prefix + item_uri("focus-issue-16"))
    assert f'!!! warning "{label}"' not in markdown(content, prefix + item_uri("focus-issue-13"))
    listing = markdown(content, f"{prefix}publications/focus.md")
    assert re.search(rf'\(focus-issue-16\.md\)(?:\{{ lang="en" \}})? \({label}\)', listing)


@pytest.mark.for_each("publication_id", publication_ids)
def test_an_item_without_a_body_links_its_sources_and_offers_no_download(content, publication_id):
    text = markdown(content, item_uri(publication_id))
    loaded = next(item for item in content.collection("publications").publications
                  if item.publication.id == publication_id)
    for source in loaded.publication.sources:
        assert f"]({source})" in text
    assert "Download publication" not in text and ".pdf" not in text


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_every_list_links_to_every_other_list_without_javascript(content, prefix):
    lists = [f"{prefix}publications/index.md"] + [f"{prefix}publications/{name}.md" for name in TYPE_PAGES.values()]
    lists += [f"{prefix}publications/2024.md", f"{prefix}publications/2020.md", f"{prefix}publications/topics/custody.md"]
    for uri in lists:
        text = markdown(content, uri)
        for other in lists:
            target = re.escape(posixpath.relpath(other, posixpath.dirname(uri)))
            assert re.search(rf"\]\({target}\)", text), f"{uri} does not link to {other}"
        assert '{ aria-current="page" }' in text


def test_lists_by_type_year_and_topic_hold_only_their_items(content):
    assert linked_items(markdown(content, "publications/learning-the-lessons.md")) == [
        "learning-the-lessons-44", "learning-the-lessons-46", "learning-the-lessons-42", "learning-the-lessons-41"]
    assert linked_items(markdown(content, "publications/2024.md")) == ["learning-the-lessons-44"]
    assert linked_items(markdown(content, "publications/topics/custody.md")) == ["../learning-the-lessons-42"]
    assert "publications/2023.md" not in content.published  # no year page without a dated item


def test_only_the_publications_index_is_in_the_menu(content):
    in_menu = [uri for uri, page in content.published.items() if page.collection == "publications" and page.in_menu]
    assert sorted(in_menu) == ["cy/publications/index.md", "publications/index.md"]


def test_an_untranslated_publication_says_so_in_welsh(content):
    page = content.published["cy/" + item_uri("focus-issue-13")]
    assert page.is_fallback
    assert "Nid yw'r dudalen hon wedi'i chyfieithu" in page.markdown
    assert ":   Focus, rhifyn 13\n" in page.markdown  # our own words are in Welsh


def test_a_translated_publication_is_shown_in_welsh():
    page = fixture_content().published["cy/" + item_uri(FIXTURE_ID)]
    assert not page.is_fallback and page.title == "Adroddiad prawf gyda chorff"
    assert "Mae'r testun hwn yn bodoli ar gyfer y profion yn unig." in page.markdown


def test_key_area_and_topic_pages_can_list_publications():
    content = fixture_content()
    by_area = tagged_entries(content, "en", key_area="race-discrimination")
    assert [(entry.collection, entry.uri) for entry in by_area if entry.collection == "publications"] == [
        ("publications", item_uri(FIXTURE_ID))]
    welsh = [entry for entry in tagged_entries(content, "cy", topic="custody") if entry.collection == "publications"]
    assert [entry.uri for entry in welsh] == ["cy/" + item_uri("learning-the-lessons-42")]
