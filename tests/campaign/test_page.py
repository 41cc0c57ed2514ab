"""The campaign page and the advocates pack page, as a reader and the link checker see them."""

from __future__ import annotations

import posixpath
import re

import pytest
from iopcsite.authoring.yaml_source import split_front_matter
from iopcsite.content.page_templates import md_line, md_text

from .helpers import (
    campaigns_with_an_advocates_pack,
    campaigns_with_card_advice,
    folder_name,
)

LINK = re.compile(r"\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+)\"")


def test_campaign_page_has_one_title_and_every_section(built):
    page = built.page("index.md")
    front, body, _ = split_front_matter(page.content, page.path)
    c = built.loaded.campaign.copy_
    assert front.data["title"] == c.title
    assert not re.search(r"^# ", body, re.M), "the title is the page's only h1"
    # Author text is escaped on its way into the page's Markdown, so it shows exactly as written.
    for text in (c.audience, c.terms_of_use):
        assert md_text(text) in body
    for text in (c.examples[0].title, c.how_to_complain[0].title):
        assert md_line(text) in body
    assert re.search(r"\[Download everything \(ZIP file, [\d.]+ (KB|MB)\)\]", body)


def test_every_link_on_the_page_reaches_a_generated_file(built):
    paths = set(built.paths())
    for page in (f for f in built.result.files if f.path.endswith(".md")):
        folder = posixpath.dirname(page.path)
        for match in LINK.finditer(page.content):
            target = match.group(1) or match.group(2)
            if target.startswith(("http://", "https://")) or target == "../../staying-safe-online.md":
                continue
            assert posixpath.normpath(posixpath.join(folder, target)) in paths, f"{page.path} links to {target}"


def test_previews_are_lazy_with_their_size(built):
    body = built.page("index.md").content
    images = re.findall(r"<img [^>]+>", body)
    assert images
    for tag in images:
        assert 'loading="lazy"' in tag and re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag)
        assert re.search(r'alt="[^"]+"', tag)


@pytest.mark.for_each("built", campaigns_with_card_advice, ids=folder_name, indirect=True,
                      empty="no campaign gives advice on giving the card safely, so the card advice checks test nothing")
def test_card_advice_and_safety_link_when_the_card_is_chosen(built):
    body = built.page("index.md").content
    c = built.loaded.campaign.copy_
    assert c.giving_the_card_safely, f"the campaign {c.title!r} has no card advice, so this test checks nothing"
    for point in c.giving_the_card_safely:
        assert md_line(point) in body
    assert "(../../staying-safe-online.md)" in body


@pytest.mark.for_each("built", campaigns_with_an_advocates_pack, ids=folder_name, indirect=True,
                      empty="no campaign has an advocates pack, so the pack page checks test nothing")
def test_advocates_page_has_the_pack(built):
    assert built.loaded.advocates_pack, (f"the campaign {built.loaded.campaign.slug} chooses an advocates pack but "
                                         "has no pack text, so the pack page checks test nothing")
    page = built.page("advocates-pack.md")
    front, body, _ = split_front_matter(page.content, page.path)
    assert front.data["title"].startswith(built.loaded.campaign.copy_.title)
    assert not re.search(r"^# ", body, re.M)
    assert built.loaded.advocates_pack["en"].strip() in body
