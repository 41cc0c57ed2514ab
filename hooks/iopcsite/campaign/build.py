"""Build every campaign: products (from the cache when nothing changed), packs and pages.

Plain Python with no MkDocs in sight: the site adapter turns the returned files
into MkDocs generated files; tests call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError
from ..models import Organisation, SiteConfig
from . import cache as render_cache
from .loader import LoadedCampaign, find_campaign_folders, load_campaign
from .pack import build_pack
from .page import advocates_page, campaign_page
from .products import SOCIAL, Job, jobs_for
from .render import render_printed
from .social import render_social

CACHE_SUBDIR = Path(".cache") / "iopcsite" / "campaigns"
EXTENSIONS = {"print": "pdf", "screen": "pdf", "preview": "png", "thumbnail": "png", "image": "png"}


@dataclass(frozen=True)
class ProductFile:
    """One finished file of one product in one language."""

    product: str  # 'poster-a4', 'card-sheet', 'social-square', ...
    kind: str  # 'print', 'screen', 'image' (social), 'preview', 'thumbnail'
    language: str
    name: str
    data: bytes
    pages: int


@dataclass(frozen=True)
class OutputFile:
    """A file for the site, by its path under the docs folder."""

    path: str
    content: bytes | str


@dataclass
class CampaignBuild:
    """What a build produced and how much of it was drawn rather than taken from the cache."""

    files: list[OutputFile] = field(default_factory=list)
    rendered: int = 0
    from_cache: int = 0

    def summary(self) -> str:
        """For the build log: 'campaign products: 0 rendered, 14 from cache'."""
        return f"campaign products: {self.rendered} rendered, {self.from_cache} from cache"


def build_campaigns(project_root: Path, site: SiteConfig, cache_dir: Path | None = None,
                    campaigns_dir: Path | None = None) -> CampaignBuild:
    """Every campaign under ``campaigns/``; raises ContentError listing every problem found."""
    root = Path(project_root)
    folders = find_campaign_folders(campaigns_dir or root / "campaigns")
    cache = render_cache.RenderCache(cache_dir if cache_dir is not None else root / CACHE_SUBDIR)
    loaded, problems = [], []
    for folder in folders:
        try:
            loaded.append(load_campaign(folder, root))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    result = CampaignBuild()
    for campaign in loaded:
        build_campaign(campaign, site, cache, result)
    return result


def build_campaign(loaded: LoadedCampaign, site: SiteConfig, cache: render_cache.RenderCache,
                   result: CampaignBuild) -> None:
    """One campaign's products, its pack per language, and its pages, added to ``result``."""
    org = site.organisation
    products = [f for job in jobs_for(loaded.campaign.product_ids(), loaded.campaign.languages)
                for f in _job_files(loaded, org, job, cache, result)]
    for language in loaded.campaign.languages:
        folder = page_folder(site, language, loaded.campaign.slug)
        mine = [f for f in products if f.language == language]
        pack_name, pack = build_pack(loaded, org, language, mine)
        result.files += [OutputFile(f"{folder}/files/{f.name}", f.data) for f in mine]
        result.files.append(OutputFile(f"{folder}/{pack_name}", pack))
        result.files.append(OutputFile(f"{folder}/index.md", campaign_page(loaded, org, language, mine, pack_name, len(pack))))
        if language in loaded.advocates_pack:
            result.files.append(OutputFile(f"{folder}/advocates-pack.md", advocates_page(loaded, org, language, mine)))


def page_folder(site: SiteConfig, language: str, slug: str) -> str:
    """Where a campaign's page lives: 'campaigns/<slug>', or 'cy/campaigns/<slug>' in Welsh."""
    prefix = next((lang.path for lang in site.languages if lang.code == language), f"{language}/")
    return f"{prefix}campaigns/{slug}"


def _job_files(loaded: LoadedCampaign, org: Organisation, job: Job, cache: render_cache.RenderCache,
               result: CampaignBuild) -> list[ProductFile]:
    key = render_cache.render_key(job.key_name, loaded, org)
    found = cache.get(key)
    if found is None:
        found = _render(loaded, org, job)
        cache.put(key, found)
        result.rendered += 1
    else:
        result.from_cache += 1
    return _name_files(loaded.campaign.slug, job, found)


def _render(loaded: LoadedCampaign, org: Organisation, job: Job) -> render_cache.CachedRender:
    if job.printed is None:
        return render_cache.CachedRender(render_social(loaded, job.language), 0)
    rendered = render_printed(loaded, org, job.printed, job.language)
    return render_cache.CachedRender(rendered.files, rendered.pages)


def _name_files(slug: str, job: Job, render: render_cache.CachedRender) -> list[ProductFile]:
    language = job.language
    if job.printed is None:
        files = []
        for spec in SOCIAL:
            product = f"social-{spec.id}"
            for kind, data_kind in (("image", spec.id), ("thumbnail", f"{spec.id}-thumbnail")):
                name = f"{slug}-{product}{'' if kind == 'image' else '-' + kind}-{language}.png"
                files.append(ProductFile(product, kind, language, name, render.files[data_kind], 0))
        return files
    product = job.printed.id
    return [ProductFile(product, kind, language, f"{slug}-{product}-{kind}-{language}.{EXTENSIONS[kind]}", data, render.pages)
            for kind, data in sorted(render.files.items())]
