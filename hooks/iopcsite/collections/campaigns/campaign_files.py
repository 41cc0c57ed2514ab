"""Build every campaign: products (from the cache when nothing changed), packs and pages.

Plain Python with no MkDocs in sight: the site adapter turns the returned files
into MkDocs generated files; tests call it directly.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from iopcsite.authoring.errors import ContentError, ContentProblem
from iopcsite.authoring.publishing import Holdable, Publishing, current_publishing
from iopcsite.collections.campaigns.cache import product_key
from iopcsite.collections.campaigns.loader import (
    LoadedCampaign,
    find_campaign_folders,
    load_campaign,
)
from iopcsite.collections.campaigns.pack import build_pack
from iopcsite.collections.campaigns.page import advocates_page, advocates_page_title, campaign_page
from iopcsite.collections.campaigns.products import SOCIAL, Job, jobs_for
from iopcsite.collections.campaigns.strings import (
    STRINGS_FILE,
    string_table,
    translator,
)
from iopcsite.config.models import Organisation, SiteConfig
from iopcsite.config.site_config import SITE_FILE
from iopcsite.pdf import fonts, render_cache

CACHE_SUBDIR = Path(".cache") / "iopcsite" / "campaigns"
# Lets copies of the project (tests that break content on purpose) share one render cache:
# the key is a hash of every input, so sharing is safe.
CACHE_VARIABLE = "IOPC_CAMPAIGN_CACHE"
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
    """A file for the site, by its path under the docs folder, and the site language it belongs to."""

    path: str
    content: bytes | str
    language: str
    title: str | None = None  # pages only
    fallback: bool = False  # a page shown in English because the campaign has no copy in its language


@dataclass
class CampaignBuild:
    """What a build produced and how much of it was drawn rather than taken from the cache."""

    files: list[OutputFile] = field(default_factory=list)
    rendered: int = 0
    from_cache: int = 0
    held_back: list[LoadedCampaign] = field(default_factory=list)  # drafts and embargoed campaigns: built into nothing

    def summary(self) -> str:
        """For the build log: 'campaign products: 0 rendered, 14 from cache'."""
        return f"campaign products: {self.rendered} rendered, {self.from_cache} from cache"


# (item held back, site language, what it is, such as 'A4 poster') -> the preview banner's HTML, or None.
Banner = Callable[[Holdable, str, str | None], str | None]


def build_campaigns(project_root: Path, site: SiteConfig, cache_dir: Path | None = None,
                    campaigns_dir: Path | None = None, notices: dict[str, str] | None = None,
                    publishing: Publishing | None = None, banner: Banner | None = None,
                    draw: bool = True, loaded: list[LoadedCampaign] | None = None) -> CampaignBuild:
    """Every campaign under ``campaigns/``, in every site language; raises ContentError listing every problem.

    Without ``draw`` (``make check``) nothing is drawn: a product the render cache lacks is
    planned with its file names and no data, so the pages are still written and checked.
    ``loaded`` are the campaigns already loaded and checked, if the caller has them.

    A site language the campaign has no copy for gets the English products and page,
    the page opening with ``notices[language]`` (that it is not translated yet).
    Drafts and embargoed campaigns and products are checked but built into nothing,
    unless ``publishing`` is a preview; then ``banner`` marks them on the campaign's pages.
    """
    publishing = publishing or current_publishing()
    root = Path(project_root)
    # Worked out afresh once per build: make serve builds again in one process after an edit to a template.
    render_cache.code_fingerprint.cache_clear()
    loaded = load_campaigns(root, site, campaigns_dir) if loaded is None else loaded
    cache = render_cache.RenderCache(cache_dir or _default_cache(root))
    result = CampaignBuild()
    shown = [campaign for campaign in loaded if publishing.shows(campaign.campaign)]
    result.held_back = [campaign for campaign in loaded if not publishing.shows(campaign.campaign)]
    drawn, problems = draw_missing_products(shown, site.organisation, cache, publishing) if draw else ({}, [])
    if problems:  # a product that would not draw: building the campaigns would only draw it again
        raise ContentError(problems)
    for campaign in shown:
        try:
            build_campaign(campaign, site, cache, result, notices, publishing, banner, drawn, draw)
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return result


def load_campaigns(project_root: Path, site: SiteConfig, campaigns_dir: Path | None = None) -> list[LoadedCampaign]:
    """Load and check every campaign without rendering anything (for ``make check``);
    raises ContentError listing every problem."""
    root = Path(project_root)
    loaded, problems = [], []
    for folder in find_campaign_folders(campaigns_dir or root / "campaigns"):
        try:
            loaded.append(load_campaign(folder, root))
        except ContentError as error:
            problems.extend(error.problems)
    problems += _characters_outside_campaigns(site) if loaded else []
    if problems:
        raise ContentError(problems)
    return loaded


def _characters_outside_campaigns(site: SiteConfig) -> list[ContentProblem]:
    """The organisation's details and the template wording are printed too: the font must draw them."""
    org = site.organisation
    site_file = SITE_FILE.as_posix()
    texts = [(site_file, f"organisation.name.{code}", text) for code, text in org.name.model_dump().items() if text]
    texts += [(site_file, "organisation.phone", org.phone or "")]
    texts += [(STRINGS_FILE, f"strings.{key}.{code}", text)
              for key, value in string_table().strings.items() for code, text in value.model_dump().items() if text]
    return [ContentProblem(file, None, None, name, f"the font {fonts.FAMILY} has no {fonts.describe(character)}.",
                           "Use another character: products must not show a substitute or an empty box.")
            for file, name, text in texts for character in fonts.missing_characters(text)]


def _default_cache(root: Path) -> Path:
    configured = os.environ.get(CACHE_VARIABLE)
    return Path(configured) if configured else root / CACHE_SUBDIR


def draw_missing_products(campaigns: list[LoadedCampaign], org: Organisation, cache: render_cache.RenderCache,
                          publishing: Publishing) -> tuple[dict[str, render_cache.CachedRender], list[ContentProblem]]:
    """Draw every shown product the cache does not hold, on every core at once: (renders by cache key, problems).

    Drawing is most of a cold build (a few hundred products on a large site), and each
    product is drawn on its own, so the work spreads over the machine's cores.
    """
    missing: dict[str, tuple[LoadedCampaign, Job]] = {}
    for loaded in campaigns:
        shown = [product.id for product in loaded.campaign.products if publishing.shows(product)]
        for job in jobs_for(shown, loaded.campaign.languages):
            key = product_key(job.key_name, loaded, org)
            if key not in missing and not cache.has(key):
                missing[key] = (loaded, job)
    workers = min(len(missing), os.cpu_count() or 1)
    tasks = [(loaded, org, job) for loaded, job in missing.values()]
    if workers > 1:
        # A fresh interpreter for each worker ('spawn'): forking a process that runs threads
        # (mkdocs serve, the language builds) can leave a worker waiting on a lock for ever.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            outcomes = list(pool.map(_draw, tasks))
    else:
        outcomes = [_draw(task) for task in tasks]
    drawn, problems = {}, []
    for key, outcome in zip(missing, outcomes):
        if isinstance(outcome, render_cache.CachedRender):
            cache.put(key, outcome)
            drawn[key] = outcome
        else:
            problems += outcome
    return drawn, problems


def _draw(task: tuple[LoadedCampaign, Organisation, Job]) -> render_cache.CachedRender | list[ContentProblem]:
    """One product drawn, or the problems that stopped it (an exception would not cross between processes whole)."""
    try:
        return draw_product(*task)
    except ContentError as error:
        return error.problems


def build_campaign(loaded: LoadedCampaign, site: SiteConfig, cache: render_cache.RenderCache,
                   result: CampaignBuild, notices: dict[str, str] | None = None,
                   publishing: Publishing | None = None, banner: Banner | None = None,
                   drawn: dict[str, render_cache.CachedRender] | None = None, draw: bool = True) -> None:
    """One campaign's products, and its pack and pages in every site language, added to ``result``.

    ``drawn`` holds the products this build has drawn already, by cache key. A held-back
    product is never rendered, so it cannot reach a page, a download or a ZIP.
    """
    org = site.organisation
    publishing = publishing or current_publishing()
    shown = [product.id for product in loaded.campaign.products if publishing.shows(product)]
    products, problems = [], []
    for job in jobs_for(shown, loaded.campaign.languages):
        try:
            products += _job_files(loaded, org, job, cache, result, drawn or {}, draw)
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    for site_language in [language.code for language in site.languages]:
        language = site_language if site_language in loaded.campaign.languages else "en"
        notice = None if language == site_language else (notices or {}).get(site_language, "")
        banners = _banners(loaded, site_language, banner) if publishing.preview and banner else []
        result.files += _language_files(loaded, org, page_folder(site, site_language, loaded.campaign.slug),
                                        site_language, language, [f for f in products if f.language == language], notice,
                                        "advocates-pack" in shown, banners)


def _banners(loaded: LoadedCampaign, site_language: str, banner: Banner) -> list[str]:
    """Preview banners for the campaign, if it is held back, and for each held-back product."""
    name = translator(site_language if site_language in loaded.campaign.languages else "en")
    found = [banner(loaded.campaign, site_language, None)]
    found += [banner(product, site_language, name(f"product-{product.id}")) for product in loaded.campaign.products]
    return [html for html in found if html]


def _language_files(loaded: LoadedCampaign, org: Organisation, folder: str, site_language: str, language: str,
                    products: list[ProductFile], notice: str | None, pack_shown: bool = True,
                    banners: list[str] | None = None) -> list[OutputFile]:
    pack_name, pack = build_pack(loaded, org, language, products)
    page = campaign_page(loaded, org, language, products, pack_name, len(pack), notice, pack_shown, banners or [])
    files = [OutputFile(f"{folder}/files/{f.name}", f.data, site_language) for f in products]
    copy = loaded.campaign.copy_for(language)
    fallback = notice is not None
    files += [OutputFile(f"{folder}/{pack_name}", pack, site_language),
              OutputFile(f"{folder}/index.md", page, site_language, copy.title, fallback)]
    if language in loaded.advocates_pack and pack_shown:
        files.append(OutputFile(f"{folder}/advocates-pack.md", advocates_page(loaded, org, language, products, notice, banners or []),
                                site_language, advocates_page_title(copy.title, language), fallback))
    return files


def page_folder(site: SiteConfig, language: str, slug: str) -> str:
    """Where a campaign's page lives: 'campaigns/<slug>', or 'cy/campaigns/<slug>' in Welsh."""
    prefix = next((lang.path for lang in site.languages if lang.code == language), f"{language}/")
    return f"{prefix}campaigns/{slug}"


def _job_files(loaded: LoadedCampaign, org: Organisation, job: Job, cache: render_cache.RenderCache,
               result: CampaignBuild, drawn: dict[str, render_cache.CachedRender], draw: bool = True) -> list[ProductFile]:
    key = product_key(job.key_name, loaded, org)
    found = drawn.get(key)
    if found is not None:
        result.rendered += 1
        return _name_files(loaded.campaign.slug, job, found)
    if not draw:  # planning: the files are named, not drawn or read from the cache
        return _name_files(loaded.campaign.slug, job, planned_render(job))
    found = cache.get(key)
    if found is None:
        found = draw_product(loaded, org, job)
        cache.put(key, found)
        result.rendered += 1
    else:
        result.from_cache += 1
    return _name_files(loaded.campaign.slug, job, found)


def draw_product(loaded: LoadedCampaign, org: Organisation, job: Job) -> render_cache.CachedRender:
    """Draw one job's product (a printed product, or the social images) in one language; raises ContentError."""
    # WeasyPrint takes half a second to import: only a build that draws a product pays for it.
    from iopcsite.collections.campaigns.render import render_printed
    from iopcsite.collections.campaigns.social import render_social
    from iopcsite.pdf.tagged import RenderError

    try:
        if job.printed is None:
            return render_cache.CachedRender(render_social(loaded, job.language), 0)
        rendered = render_printed(loaded, org, job.printed, job.language)
    except RenderError as error:
        raise ContentError([ContentProblem(loaded.file, None, None, None, str(error),
                                           "A product template or image is broken: fix it, then build again.")]) from None
    return render_cache.CachedRender(rendered.files, rendered.pages)


def planned_render(job: Job) -> render_cache.CachedRender:
    """What drawing ``job`` will make, by kind of file, with no data yet: enough to name and list every file."""
    if job.printed is None:
        kinds = [kind for spec in SOCIAL for kind in (spec.id, f"{spec.id}-thumbnail")]
        return render_cache.CachedRender({kind: b"" for kind in kinds}, 0)
    kinds = [*job.printed.outputs, "preview", "thumbnail"]
    return render_cache.CachedRender({kind: b"" for kind in kinds}, job.printed.pages or 1)


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
