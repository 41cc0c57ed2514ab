"""Campaign fixtures: every campaign is built once per test session, into a temporary cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from iopcsite.authoring.yaml_source import load_yaml_file, validate
from iopcsite.collections.campaigns.campaign_files import (
    CampaignBuild,
    OutputFile,
    build_campaign,
)
from iopcsite.collections.campaigns.loader import (
    LoadedCampaign,
    find_campaign_folders,
    load_campaign,
)
from iopcsite.config.models import SiteConfig
from iopcsite.pdf.render_cache import RenderCache

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# Every real campaign, plus the minimal fixture: a new campaign folder is tested with no new test code.
NOTICES = {"cy": "(Test notice: this page is not in Welsh yet.)"}
CAMPAIGN_FOLDERS = find_campaign_folders(ROOT / "campaigns") + [FIXTURES / "campaigns" / "minimal"]


@dataclass
class Built:
    """One campaign built for the tests: its source and every file the site gets."""

    loaded: LoadedCampaign
    result: CampaignBuild
    cache_dir: Path

    def paths(self) -> list[str]:
        return [f.path for f in self.result.files]

    def products(self, suffix: str, language: str = "en") -> list[OutputFile]:
        """The files ending in ``suffix`` published for the site language ``language``."""
        return [f for f in self.result.files if f.path.endswith(suffix) and f.language == language]

    def page(self, name: str, language: str = "en") -> OutputFile:
        [page] = self.products(f"/{name}", language)
        return page


@pytest.fixture(scope="session")
def site() -> SiteConfig:
    document = load_yaml_file(FIXTURES / "site.yml", "tests/fixtures/site.yml")
    config, problems = validate(document, SiteConfig)
    assert config is not None, problems
    return config


def build_into(folder: Path, site: SiteConfig, cache_dir: Path) -> Built:
    """Build one campaign folder with ``cache_dir`` as its render cache."""
    loaded = load_campaign(folder, ROOT)
    result = CampaignBuild()
    build_campaign(loaded, site, RenderCache(cache_dir), result, NOTICES)
    return Built(loaded, result, cache_dir)


@pytest.fixture(scope="session")
def built_all(site, tmp_path_factory) -> dict[Path, Built]:
    cache = tmp_path_factory.mktemp("campaign-cache")
    return {folder: build_into(folder, site, cache) for folder in CAMPAIGN_FOLDERS}


@pytest.fixture(params=CAMPAIGN_FOLDERS, ids=[f.name for f in CAMPAIGN_FOLDERS])
def built(request, built_all) -> Built:
    return built_all[request.param]


@pytest.fixture(scope="session")
def build():
    """Build a campaign folder into a given cache folder: ``build(folder, site, cache_dir)``."""
    return build_into
