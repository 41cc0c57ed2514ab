"""The bench's synthetic site is real content: it passes the checks authors' files pass."""

from __future__ import annotations

import pytest
from iopcbench.plain import plain_config, published_markdown
from iopcbench.synth import Scale, generate_site
from iopcsite.collections.campaigns.loader import find_campaign_folders, load_campaign
from iopcsite.content.site_content import load_site_content

# No campaigns here: loading the site would draw their products, which the campaign tests cover.
SMALL = Scale(pages=6, faqs=15, topics=3, campaigns=0, publications=8, publications_with_body=1,
              recommendation_batches=8, news=25, seed=3)


@pytest.fixture(scope="module")
def synthetic(project_root, tmp_path_factory):
    return generate_site(project_root, tmp_path_factory.mktemp("synthetic") / "site", SMALL)


def test_synthetic_site_passes_the_authors_checks(synthetic):
    content = load_site_content(synthetic.root)
    english = [uri for uri, page in content.pages.items() if page.language == "en"]
    welsh = [uri for uri, page in content.pages.items() if page.language == "cy"]
    assert len(content.faqs) == SMALL.faqs
    assert len([uri for uri in english if uri.startswith("guides/")]) == SMALL.pages
    assert welsh, "some pages have a Welsh translation"
    assert any("cy" in item.faq.translations for item in content.faqs)
    assert {page.language for page in content.published.values()} == {"en", "cy"}


def test_every_guide_is_in_the_menu(synthetic):
    menu = (synthetic.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert all(f"- {uri}" in menu for uri in synthetic.guide_pages)
    assert "hooks/site_hooks.py" in menu


def test_generation_is_deterministic(synthetic, project_root, tmp_path):
    again = generate_site(project_root, tmp_path / "again", SMALL)
    files = sorted(path.relative_to(synthetic.root) for path in (synthetic.root / "docs").rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(again.root) for path in (again.root / "docs").rglob("*") if path.is_file())
    for name in files:
        assert (synthetic.root / name).read_bytes() == (again.root / name).read_bytes(), name


def test_plain_material_gets_our_markdown_without_our_hooks(synthetic):
    content = load_site_content(synthetic.root)
    welsh = published_markdown(content, "cy")
    assert set(welsh) == {uri for uri, page in content.published.items() if page.language == "cy"}
    assert all("\n# " in markdown for markdown in welsh.values()), "every page gets its h1 from the pipeline"
    assert all("{{ org." not in markdown for markdown in welsh.values())
    config = plain_config((synthetic.root / "mkdocs.yml").read_text(encoding="utf-8"), ["cy/index.md"], "cy")
    assert "hooks:" not in config and "custom_dir" not in config
    assert "  language: cy" in config and 'nav: ["cy/index.md"]' in config


def test_synthetic_campaigns_pass_the_campaign_checks(project_root, tmp_path):
    synthetic = generate_site(project_root, tmp_path / "site", Scale(pages=1, faqs=1, topics=1, campaigns=3))
    folders = find_campaign_folders(synthetic.root / "campaigns")
    assert [folder.name for folder in folders] == synthetic.campaigns and len(folders) == 3
    titles = {load_campaign(folder, synthetic.root).campaign.copy_.title for folder in folders}
    assert len(titles) == 3, "each campaign has its own title"
    menu = (synthetic.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert all(f"campaigns/{slug}/index.md" in menu for slug in synthetic.campaigns)
