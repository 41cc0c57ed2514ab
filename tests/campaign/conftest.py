"""Campaign fixtures: every campaign is built once per test session, into a temporary cache.

A test that takes ``built`` runs once per campaign (``campaign_folders()`` in helpers.py: every real
campaign plus the minimal fixture); one about a part only some campaigns have chooses them with
``@pytest.mark.for_each("built", campaigns_with_..., ids=folder_name, indirect=True, empty=...)``.
"""

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
from iopcsite.collections.campaigns.loader import LoadedCampaign, load_campaign
from iopcsite.config.models import SiteConfig
from iopcsite.pdf.render_cache import RenderCache
from support.parametrize import chosen_by_for_each, parametrize_lazily
from support.project import PROJECT_ROOT, TEST_FIXTURES

from .helpers import campaign_folders, folder_name

NOTICES = {"cy": "(Test notice: this page is not in Welsh yet.)"}


def pytest_generate_tests(metafunc) -> None:
    """Every test that takes ``built`` runs for every campaign, unless a ``for_each`` marker chooses some."""
    if "built" in metafunc.fixturenames and not chosen_by_for_each(metafunc, "built"):
        parametrize_lazily(metafunc, "built", campaign_folders, ids=folder_name, indirect=True)


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
    document = load_yaml_file(TEST_FIXTURES / "site.yml", "tests/fixtures/site.yml")
    config, problems = validate(document, SiteConfig)
    assert config is not None, problems
    return config


def build_into(folder: Path, site: SiteConfig, cache_dir: Path) -> Built:
    """Build one campaign folder with ``cache_dir`` as its render cache."""
    loaded = load_campaign(folder, PROJECT_ROOT)
    result = CampaignBuild()
    build_campaign(loaded, site, RenderCache(cache_dir), result, NOTICES)
    return Built(loaded, result, cache_dir)


@pytest.fixture(scope="session")
def built_all(site, tmp_path_factory) -> dict[Path, Built]:
    cache = tmp_path_factory.mktemp("campaign-cache")
    return {folder: build_into(folder, site, cache) for folder in campaign_folders()}


@pytest.fixture
def built(request, built_all) -> Built:
    """One campaign, built: which one is the test's parameter (see pytest_generate_tests)."""
    return built_all[request.param]


@pytest.fixture(scope="session")
def build():
    """Build a campaign folder into a given cache folder: ``build(folder, site, cache_dir)``."""
    return build_into
