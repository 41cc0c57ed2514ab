"""Load all author content through the registered collections, check it as a whole, and plan every page.

This is the pipeline's front door. ``load_site_content`` reads the site's settings,
lets every registered collection (``content/registry.py``) load and check its own
files, runs the checks that hold for every collection (links, placeholders), then lets
every collection plan its pages and files. ``make check`` stops there; a build
(``draw=True``) also lets each collection draw what is expensive (PDFs, images).
``render_page_markdown`` and ``render_page_html`` finish each page as it is built.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from iopcsite.authoring.base_models import LanguageCode
from iopcsite.authoring.errors import ContentError, ContentProblem, ProblemList
from iopcsite.authoring.markdown_text import substitute_placeholders
from iopcsite.authoring.publishing import Publishing, Status, current_publishing, status
from iopcsite.authoring.yaml_source import YamlDocument, parsed_yaml_cache
from iopcsite.checks.links import check_links
from iopcsite.checks.placeholders import data_placeholder_problems, placeholder_problems
from iopcsite.checks.unsafe_html import unsafe_html_in_project
from iopcsite.collections.pages.journey import journey_pages, load_journey, render_journey, render_journey_banner
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE, SourcePage
from iopcsite.collections.pages.models import Journey
from iopcsite.config.languages import language_prefixes, localised_uri
from iopcsite.config.localiser import Localiser
from iopcsite.config.models import SiteConfig, StringTable
from iopcsite.config.taxonomy import Taxonomy, load_taxonomy
from iopcsite.config.site_config import STRINGS_FILE, load_site_config, load_strings, organisation_values
from iopcsite.content.collection import Collection, Item, Plan, PlannedFile, PlannedPage
from iopcsite.content.hold_banner import render_hold_banner
from iopcsite.content.holding import shows
from iopcsite.content.page_templates import md_line
from iopcsite.content.registry import new_collections
from iopcsite.review_helpers.models import ReviewRules
from iopcsite.review_helpers.rules import load_review_rules
from iopcsite.review_helpers.widgets import HelperContext, check_strings, insert_helpers, mark_helpers

DOCS_DIR = Path("docs")
YAML_CACHE_DIR = Path(".cache/iopcsite/yaml")


@dataclass(frozen=True)
class SiteData:
    """What every collection may read while it loads: the project, the site's settings, the build's clock."""

    root: Path
    config: SiteConfig | None  # None when site.yml has problems (already reported)
    languages: list[str]
    publishing: Publishing
    taxonomy: Taxonomy | None = None  # None when taxonomy.yml has problems (already reported)


@dataclass
class SiteContent:
    """Everything authors wrote, validated, and every page and file the site publishes."""

    root: Path
    config: SiteConfig
    strings: StringTable
    journey: Journey
    review_rules: ReviewRules
    review_rules_document: YamlDocument
    collections: list[Collection]
    publishing: Publishing = field(default_factory=current_publishing)
    taxonomy: Taxonomy | None = None
    items: list[Item] = field(default_factory=list)
    published: dict[str, PlannedPage] = field(default_factory=dict)
    held_back: dict[str, PlannedPage] = field(default_factory=dict)  # pages this build leaves out
    files: dict[str, PlannedFile] = field(default_factory=dict)
    extra_files: set[str] = field(default_factory=set)
    unreadable: set[str] = field(default_factory=set)
    summaries: list[str] = field(default_factory=list)
    kept_summaries: list[str] = field(default_factory=list)
    warnings: list[ContentProblem] = field(default_factory=list)

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    @property
    def languages(self) -> list[str]:
        return [language.code for language in self.config.languages]

    def collection(self, name: str) -> Collection:
        """The registered collection called ``name``."""
        return next(collection for collection in self.collections if collection.name == name)

    def shows(self, item: Item) -> bool:
        """Whether this build shows ``item`` (drafts and embargoes only in a preview)."""
        return shows(item, self.publishing)

    def shown_ids(self, collection: str) -> set[str]:
        """The ids of the items of ``collection`` this build shows: what its plan publishes."""
        return {item.id for item in self.items if item.collection == collection and self.shows(item)}

    def use_plans(self, plans: list[Plan]) -> None:
        """Take in what every collection publishes (planned, or drawn), in place of what was there."""
        self.published, self.held_back, self.files = {}, {}, {}
        self.summaries, self.kept_summaries, self.warnings = [], [], []
        for plan in plans:
            self.add_plan(plan)

    def add_plan(self, plan: Plan) -> None:
        """Take in what one more collection publishes: a collection planned later can list it."""
        self.published.update({page.uri: page for page in plan.pages})
        self.held_back.update({page.uri: page for page in plan.held_back})
        self.files.update({planned.path: planned for planned in plan.files})
        self.summaries += [plan.summary] if plan.summary else []
        self.kept_summaries += [plan.summary_when_kept] if plan.summary_when_kept else []
        self.warnings = sorted(self.warnings + plan.warnings)

    @property
    def generated(self) -> dict[str, str]:
        """Markdown of every page the pipeline generates (MkDocs reads the English authors' files itself)."""
        return {uri: page.markdown for uri, page in self.published.items() if page.markdown is not None}

    @property
    def assets(self) -> dict[str, tuple[str, bytes | str]]:
        """Every drawn file, by its path under docs, with its site language."""
        return {path: (planned.language, planned.content) for path, planned in self.files.items()
                if planned.content is not None}

    @property
    def pages(self) -> dict[str, SourcePage]:
        """The author pages this build publishes, in every language, by file."""
        return {uri: page for uri, page in self.collection("pages").sources.items() if uri not in self.held_back}

    @property
    def topics(self):
        return self.collection("faqs").topics

    @property
    def faqs(self):
        """The questions this build publishes."""
        return [item for item in self.collection("faqs").questions if self.publishing.shows(item.faq)]

    @property
    def summary(self) -> str:
        """What the collections report for the build log (how many products were drawn)."""
        return " ".join(self.summaries)

    @property
    def summary_when_kept(self) -> str:
        """What a later build that reuses this checked content reports: nothing drawn again."""
        return " ".join(self.kept_summaries)

    def localiser(self, language: str) -> Localiser:
        return Localiser(language, self.strings)

    def counterpart(self, uri: str, language: str) -> str | None:
        """The uri of the same page in ``language``, if the site publishes it."""
        page = self.published.get(uri)
        if page is None:
            return None
        target = localised_uri(page.base_uri, language, self.config)
        return target if target in self.published else None


def load_site_content(root: Path, publishing: Publishing | None = None, draw: bool = True,
                      collections: tuple[type[Collection], ...] | None = None) -> SiteContent:
    """Load and check every content file; raise ContentError listing every problem.

    Drafts and embargoed items are checked like everything else, then kept apart:
    only ``publishing`` in preview mode shows them. Without ``draw`` (``make check``)
    every page and file is planned but nothing expensive is drawn. ``collections``
    defaults to the registered ones (``content.registry.registered_collections``).
    """
    root = Path(root).resolve()
    publishing = publishing or current_publishing()
    with parsed_yaml_cache(root / YAML_CACHE_DIR):
        return _load_site_content(root, publishing, draw, collections)


def _load_site_content(root: Path, publishing: Publishing, draw: bool,
                       kinds: tuple[type[Collection], ...] | None) -> SiteContent:
    problems = ProblemList()
    config = load_site_config(root, problems)
    strings = load_strings(root, problems)
    # With site.yml broken, accept every language the models know, so one mistake there
    # does not also make every translation a problem.
    languages = [language.code for language in config.languages] if config else list(get_args(LanguageCode))
    taxonomy = load_taxonomy(root, problems)
    journey = load_journey(root, problems)
    review_rules, rules_document = load_review_rules(root, problems)
    if strings is not None:
        problems.extend(check_strings(strings, STRINGS_FILE.as_posix()))
    collections = new_collections(kinds)
    for collection in collections:
        collection.load(SiteData(root, config, languages, publishing, taxonomy), problems)
    problems.extend(unsafe_html_in_project(root, (DOCS_DIR.as_posix(), *(source for collection in collections
                                                                         for source in collection.sources))))
    if None in (config, strings, taxonomy, journey, review_rules):
        problems.raise_if_any()
    content = SiteContent(root, config, strings, journey, review_rules, rules_document, collections, publishing,
                          taxonomy)
    content.items = [item for collection in collections for item in collection.items()]
    content.unreadable = {path for collection in collections for path in collection.unreadable_paths()}
    for collection in collections:
        problems.extend(collection.check_references(content))
    plans: list[Plan] = []
    for collection in collections:  # in order: a collection can list what those before it publish (hub, search)
        plans.append(_run_step(collection.plan, content, problems))
        content.add_plan(plans[-1])
    content.extra_files = static_files(root / DOCS_DIR)
    problems.extend(placeholder_problems(content.items, organisation_values(config, DEFAULT_LANGUAGE)))
    problems.extend(data_placeholder_problems(rules_document, organisation_values(config, DEFAULT_LANGUAGE)))
    problems.extend(check_links(content))
    problems.raise_if_any()
    if draw:  # only checked content is drawn: a mistake found above costs no drawing
        content.use_plans([_run_step(functools.partial(collection.draw, plan=plan), content, problems)
                           for collection, plan in zip(collections, plans)])
        problems.raise_if_any()
    return content


def _run_step(step, content: SiteContent, problems: ProblemList) -> Plan:
    """One collection's plan (or drawing); its problems go with every other, and it publishes nothing."""
    try:
        return step(content)
    except ContentError as error:
        problems.extend(error.problems)
        return Plan()


def static_files(docs_dir: Path) -> set[str]:
    """Non-page files under docs (stylesheets, scripts, images) that links may point to."""
    return {
        path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*")
        if path.is_file() and path.suffix != ".md" and not path.relative_to(docs_dir).parts[0].startswith(("_", "."))
    }


def _held_meta(content: SiteContent, source: SourcePage):
    """The front matter that holds a page back (its own, or its English page's), or None."""
    english = content.collection("pages").sources.get(source.base_uri, source)
    for meta in (source.meta, english.meta):
        if status(meta, content.publishing.now) is not Status.published:
            return meta
    return None


def page_meta(content: SiteContent, src_uri: str, meta: dict) -> dict:
    """A page's front matter as MkDocs and the theme read it: a planned page left out of search says so."""
    page = content.published.get(src_uri)
    if page is not None and not page.in_search:
        return {**meta, "search": {**(meta.get("search") or {}), "exclude": True}}
    return meta


def render_page_markdown(content: SiteContent, src_uri: str, markdown: str, title: str) -> str:
    """A page's Markdown as it is built: the h1, the journey, the details, the review date."""
    page = content.published.get(src_uri)
    language = page.language if page else DEFAULT_LANGUAGE
    local = content.localiser(language)
    body, _ = substitute_placeholders(markdown, organisation_values(content.config, language), src_uri, 1)
    title_lang = ' { lang="en" }' if page is not None and page.is_fallback else ""
    parts = [f"# {md_line(title)}{title_lang}", ""]
    held = _held_meta(content, page.source) if page is not None and page.source is not None else None
    if held is not None:
        parts += [render_hold_banner(held, content.publishing, local), ""]
    base_uri = page.base_uri if page else src_uri
    on_journey = base_uri in journey_pages(content.journey)
    prefix = language_prefixes(content.config).get(language, "")
    body = mark_helpers(body)
    if on_journey:
        parts += [render_journey_banner(content.journey, local), ""]
    parts.append(body.rstrip())
    if on_journey:
        parts += ["", render_journey(content.journey, src_uri, local, prefix)]
    if page is not None and page.source is not None:
        parts += ["", f"*{local.string('last-reviewed')}: {local.date(page.source.meta.last_reviewed)}*{{ .iopc-reviewed }}"]
    return "\n".join(parts) + "\n"


def render_page_html(content: SiteContent, src_uri: str, html: str) -> str:
    """A page's HTML once Markdown has run: the helpers go into their slots."""
    page = content.published.get(src_uri)
    language = page.language if page else DEFAULT_LANGUAGE
    prefix = language_prefixes(content.config).get(language, "")
    context = HelperContext(content.review_rules, content.localiser(language),
                            organisation_values(content.config, language), src_uri, prefix)
    return insert_helpers(html, context)
