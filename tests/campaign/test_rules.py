"""Bad author input stops the build with a message naming the file, line, field and what to do."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from iopcsite.authoring.errors import ContentError
from iopcsite.collections.campaigns.loader import load_campaign
from iopcsite.pdf import tagged as pdf
from PIL import Image
from support.project import TEST_FIXTURES, line_of

FIXTURES = TEST_FIXTURES / "campaigns"


def _campaign(tmp_path: Path, replace: dict[str, str] | None = None, slug: str = "minimal") -> Path:
    """A copy of the minimal fixture with some lines of its campaign.yml changed."""
    folder = tmp_path / slug
    shutil.copytree(FIXTURES / "minimal", folder)
    path = folder / "campaign.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path, site, build, cache: Path) -> str:
    with pytest.raises(ContentError) as caught:
        build(folder, site, cache)
    return str(caught.value)


def test_overlong_copy_names_file_field_product_and_how_far_over(site, build, tmp_path):
    message = _problems(FIXTURES / "overlong", site, build, tmp_path)
    assert "tests/fixtures/campaigns/overlong/campaign.yml:" in message
    line = line_of(FIXTURES / "overlong" / "campaign.yml", "headline:")
    assert f"campaign.yml:{line}:" in message
    assert "field 'copy.poster.headline'" in message
    assert "product 'poster-a4'" in message
    assert re.search(r"it is [\d.]+ mm over", message)
    assert "field 'copy.card.message_title'" in message and "product 'card'" in message, "every problem, not only the first"


def test_a_character_missing_from_the_font_stops_the_build(tmp_path):
    folder = _campaign(tmp_path, {"headline: Minimal poster": "headline: Minimal poster \u2192 now"})
    with pytest.raises(ContentError) as caught:
        load_campaign(folder)
    assert "field 'copy.poster.headline'" in str(caught.value)
    assert "U+2192" in str(caught.value)


def test_a_low_resolution_picture_stops_the_build(tmp_path, site, build):
    folder = _campaign(tmp_path, {"products:": "images:\n  photo:\n    file: photo.png\nhero_image: photo\nproducts:",
                                  "  phone_label: Phone": "  phone_label: Phone\n  image_alt:\n    photo: A test picture.",
                                  "    phone_label: Ffôn": "    phone_label: Ffôn\n    image_alt:\n      photo: Llun prawf."})
    Image.new("RGB", (200, 200), (200, 100, 50)).save(folder / "photo.png")
    message = _problems(folder, site, build, tmp_path / "cache")
    assert "field 'images.photo.file'" in message and "dpi" in message and "pixels wide" in message


def test_images_need_alt_text_or_decorative(tmp_path):
    folder = _campaign(tmp_path, {"products:": "images:\n  art:\n    file: art.svg\nproducts:"})
    (folder / "art.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    with pytest.raises(ContentError) as caught:
        load_campaign(folder)
    assert "image 'art' has no alt text" in str(caught.value)


def test_image_format_is_checked(tmp_path):
    folder = _campaign(tmp_path, {"products:": "images:\n  art:\n    file: art.gif\n    decorative: true\nproducts:"})
    Image.new("RGB", (10, 10)).save(folder / "art.gif")
    with pytest.raises(ContentError) as caught:
        load_campaign(folder)
    assert "only PNG and JPEG are allowed" in str(caught.value)


def test_false_cover_must_not_give_the_card_away(tmp_path):
    folder = _campaign(tmp_path, {"title: Notes": "title: Police complaints"})
    with pytest.raises(ContentError) as caught:
        load_campaign(folder)
    assert "field 'copy.false_cover.title'" in str(caught.value)


def test_low_contrast_colours_are_refused(tmp_path):
    folder = _campaign(tmp_path, {'on_accent: "#1B1B1B"': 'on_accent: "#F0F0F0"'})
    with pytest.raises(ContentError) as caught:
        load_campaign(folder)
    assert "field 'colours.on_accent'" in str(caught.value) and "4.5:1" in str(caught.value)


def test_typos_and_mismatched_addresses_are_all_reported_at_once(tmp_path):
    folder = _campaign(tmp_path, {"  headline: Minimal poster": "  headlin: Minimal poster"})
    with pytest.raises(ContentError) as caught:
        load_campaign(folder)
    assert "unknown key 'headlin'. Did you mean 'headline'?" in str(caught.value)
    folder = _campaign(tmp_path / "second", {"short_url: example.org/minimal": "short_url: example.org/other"})
    with pytest.raises(ContentError) as caught:
        load_campaign(folder)
    assert "field 'short_url'" in str(caught.value)


def test_weasyprint_errors_stop_the_build(tmp_path):
    html = '<html lang="en"><title>t</title><img src="missing.png" alt="missing"></html>'
    with pytest.raises(pdf.RenderError, match="WeasyPrint reported"):
        pdf.layout(html, tmp_path.as_uri() + "/", "test document")


def test_site_details_the_products_print_must_be_in_the_font_too(site, tmp_path):
    from iopcsite.collections.campaigns.campaign_files import build_campaigns

    organisation = site.organisation.model_copy(update={"phone": "0300 \u2192 0096"})
    broken = site.model_copy(update={"organisation": organisation})
    with pytest.raises(ContentError) as caught:
        build_campaigns(tmp_path, broken, cache_dir=tmp_path / "cache", campaigns_dir=FIXTURES)
    assert "docs/_data/site.yml: field 'organisation.phone'" in str(caught.value) and "U+2192" in str(caught.value)
