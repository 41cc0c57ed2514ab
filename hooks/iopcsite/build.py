"""Load all author content, check it as a whole, and render what MkDocs needs.

This is the pipeline's front door: ``load_site_content`` loads and checks
everything (``make check`` stops there) and works out every page in every
language; ``render_page_markdown`` finishes each page as it is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .campaign.build import build_campaigns, campaign_pages, load_campaigns
from .errors import ContentError, ContentProblem, ProblemList
from .faqs import (FAQ_HUB_URI, LoadedFaq, faq_jsonld, faqs_by_topic, load_faqs, load_topics,
                   render_hub_page, render_topic_page, topic_page_uri)
from .helpers import HelperContext, check_markers, check_strings, insert_helpers, mark_helpers
from .i18n import PublishedPage, language_prefixes, localised_uri, publish_pages
from .journey import journey_pages, load_journey, render_journey, render_journey_banner
from .localise import Localiser
from .markup import heading_anchors, internal_links, resolve_link, substitute_placeholders
from .models import FaqTopic, Journey, ReviewRules, SiteConfig, StringTable, TranslationStatus
from .pages import DEFAULT_LANGUAGE, SourcePage, discover_pages, load_pages
from .review_rules import load_review_rules
from .site import STRINGS_FILE, load_site_config, load_strings, organisation_values
from .yamlsource import YamlDocument, field_name, parsed_yaml_cache

DOCS_DIR = Path("docs")
YAML_CACHE_DIR = Path(".cache/iopcsite/yaml")


@dataclass
class SiteContent:
    """Everything authors wrote, validated, and every page the site publishes."""

    root: Path
    config: SiteConfig
    strings: StringTable
    pages: dict[str, SourcePage]
    topics: list[FaqTopic]
    faqs: list[LoadedFaq]
    journey: Journey
    review_rules: ReviewRules
    review_rules_document: YamlDocument
    published: dict[str, PublishedPage] = field(default_factory=dict)
    jsonld: dict[str, str] = field(default_factory=dict)
    extra_files: set[str] = field(default_factory=set)
    unreadable: set[str] = field(default_factory=set)
    assets: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    campaign_summary: str = ""

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    @property
    def languages(self) -> list[str]:
        return [language.code for language in self.config.languages]

    @property
    def generated(self) -> dict[str, str]:
        """Markdown of every page the pipeline generates (MkDocs reads the English authors' files itself)."""
        return {uri: page.markdown for uri, page in self.published.items() if page.markdown is not None}

    def localiser(self, language: str) -> Localiser:
        return Localiser(language, self.strings)

    def counterpart(self, uri: str, language: str) -> str | None:
        """The uri of the same page in ``language``, if the site publishes it."""
        page = self.published.get(uri)
        if page is None:
            return None
        target = localised_uri(page.base_uri, language, self.config)
        return target if target in self.published else None


def load_site_content(root: Path, render_campaigns: bool = True) -> SiteContent:
    """Load and check every content file; raise ContentError listing every problem.
    Without ``render_campaigns`` (``make check``) campaigns are checked but no product is drawn."""
    root = Path(root).resolve()
    with parsed_yaml_cache(root / YAML_CACHE_DIR):
        return _load_site_content(root, render_campaigns)


def _load_site_content(root: Path, render_campaigns: bool) -> SiteContent:
    problems = ProblemList()
    config = load_site_config(root, problems)
    strings = load_strings(root, problems)
    languages = [language.code for language in config.languages] if config else [DEFAULT_LANGUAGE]
    pages = load_pages(root / DOCS_DIR, root, languages, problems)
    topics = load_topics(root, problems)
    faqs = load_faqs(root, topics, problems)
    journey = load_journey(root, problems)
    review_rules, rules_document = load_review_rules(root, problems)
    if strings is not None:
        problems.extend(check_strings(strings, STRINGS_FILE.as_posix()))
    for page in pages.values():
        problems.extend(check_markers(page.body, page.file, page.body_line))
    if config is None or strings is None or journey is None or review_rules is None:
        problems.raise_if_any()
    content = SiteContent(root, config, strings, pages, topics, faqs, journey, review_rules, rules_document)
    content.unreadable = {path.relative_to(root / DOCS_DIR).as_posix() for path in discover_pages(root / DOCS_DIR)} - set(pages)
    notices = {language: content.localiser(language).string("untranslated-notice") for language in languages}
    content.published = publish_pages(pages, config, notices)
    add_faq_pages(content)
    if render_campaigns:
        add_campaigns(content, problems)
    else:
        add_campaign_pages_unrendered(content, problems)
    content.extra_files = static_files(root / DOCS_DIR)
    problems.extend(check_placeholders(content))
    problems.extend(check_links(content))
    problems.raise_if_any()
    return content


def static_files(docs_dir: Path) -> set[str]:
    """Non-page files under docs (stylesheets, scripts, images) that links may point to."""
    return {
        path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*")
        if path.is_file() and path.suffix != ".md" and not path.relative_to(docs_dir).parts[0].startswith(("_", "."))
    }


def add_faq_pages(content: SiteContent) -> None:
    """The FAQ hub and one page per topic, in every language, with each topic page's JSON-LD."""
    grouped = faqs_by_topic(content.faqs, content.topics)
    for language, prefix in language_prefixes(content.config).items():
        local = content.localiser(language)
        values = organisation_values(content.config, language)
        hub_uri = prefix + FAQ_HUB_URI
        content.published[hub_uri] = _generated(hub_uri, language, FAQ_HUB_URI, local.string("faq-hub-title"),
                                                render_hub_page(content.topics, grouped, local))
        for topic in content.topics:
            base_uri = topic_page_uri(topic.id)
            uri = prefix + base_uri
            markdown = render_topic_page(topic, grouped[topic.id], local, prefix)
            title = markdown.split('"title": "', 1)[1].split('"', 1)[0]
            content.published[uri] = _generated(uri, language, base_uri, title, markdown)
            if grouped[topic.id]:
                content.jsonld[uri] = faq_jsonld(grouped[topic.id], language, values)


def _generated(uri: str, language: str, base_uri: str, title: str, markdown: str) -> PublishedPage:
    return PublishedPage(uri, language, base_uri, TranslationStatus.complete, title, None, markdown)


def add_campaigns(content: SiteContent, problems: ProblemList) -> None:
    """Every campaign's pages and downloads in every language (products come from the render cache when unchanged)."""
    notices = {language: content.localiser(language).string("untranslated-notice") for language in content.languages}
    try:
        built = build_campaigns(content.root, content.config, notices=notices)
    except ContentError as error:
        problems.extend(error.problems)
        return
    prefixes = language_prefixes(content.config)
    for output in built.files:
        if output.title is None:
            content.assets[output.path] = (output.language, output.content)
            continue
        status = TranslationStatus.missing if output.fallback else TranslationStatus.complete
        base_uri = output.path.removeprefix(prefixes[output.language])
        content.published[output.path] = PublishedPage(output.path, output.language, base_uri, status, output.title,
                                                        None, output.content)
    content.campaign_summary = built.summary()


def add_campaign_pages_unrendered(content: SiteContent, problems: ProblemList) -> None:
    """Register every campaign page (for link checks and page lists) without rendering products."""
    try:
        loaded = load_campaigns(content.root, content.config)
    except ContentError as error:
        problems.extend(error.problems)
        return
    prefixes = language_prefixes(content.config)
    for path, language, title in campaign_pages(loaded, content.config):
        base_uri = path.removeprefix(prefixes[language])
        content.published[path] = PublishedPage(path, language, base_uri, TranslationStatus.complete, title, None, "")


def check_placeholders(content: SiteContent) -> list[ContentProblem]:
    """Every ``{{ org.* }}`` in pages and FAQ answers must be a known detail."""
    values = organisation_values(content.config, DEFAULT_LANGUAGE)
    problems: list[ContentProblem] = []
    for page in content.pages.values():
        problems += substitute_placeholders(page.body, values, page.file, page.body_line)[1]
    for item in content.faqs:
        answers = [item.faq.answer] + [translation.answer for translation in item.faq.translations.values()]
        for answer in answers:
            problems += substitute_placeholders(answer, values, item.file, item.line, "answer")[1]
    document = content.review_rules_document
    for loc, text in _strings_in(document.data):
        line, _ = document.position(loc)
        problems += substitute_placeholders(text, values, document.file, line, field_name(loc))[1]
    return problems


def _strings_in(data, loc: tuple = ()):
    """Every text in a YAML tree, with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings_in(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings_in(value, loc + (index,))
    elif isinstance(data, str):
        yield loc, data


def check_links(content: SiteContent) -> list[ContentProblem]:
    """Every link between pages must reach a page (and heading) that exists."""
    anchors = anchors_by_page(content)
    problems: list[ContentProblem] = []
    for page in content.pages.values():
        for link in internal_links(page.body):
            problem = _link_problem(content, anchors, page.base_uri, link.target)
            if problem:
                problems.append(ContentProblem(page.file, page.body_line + link.line - 1, None, None, *problem))
    for item in content.faqs:
        targets = [(link.target, "answer") for link in internal_links(item.faq.answer)]
        targets += [(related.link, "related") for related in item.faq.related]
        for translation in item.faq.translations.values():
            targets += [(link.target, "answer") for link in internal_links(translation.answer)]
            targets += [(related.link, "related") for related in translation.related or []]
        for target, which in targets:
            problem = _link_problem(content, anchors, "index.md", target)
            if problem:
                message, hint = problem
                problems.append(ContentProblem(item.file, item.line, None, which,
                                               f"in question '{item.faq.id}', {message}", hint))
    document = content.review_rules_document
    for loc, target in _rules_links(content.review_rules):
        problem = _link_problem(content, anchors, "index.md", target)
        if problem:
            problems.append(ContentProblem(document.file, document.position(loc)[0], None, field_name(loc), *problem))
    return problems


def _rules_links(rules: ReviewRules):
    """The links in the review rules, with where each is written."""
    for index, item in enumerate(rules.deadline.links):
        yield ("deadline", "links", index, "link"), item.link
    for result_index, result in enumerate(rules.checker.results):
        for index, item in enumerate(result.links):
            yield ("checker", "results", result_index, "links", index, "link"), item.link


def anchors_by_page(content: SiteContent) -> dict[str, set[str]]:
    """The anchors every English page offers (translations keep the English heading ids)."""
    anchors = {uri: heading_anchors(page.body) for uri, page in content.pages.items() if page.language == DEFAULT_LANGUAGE}
    for uri, page in content.published.items():
        if page.language == DEFAULT_LANGUAGE and page.markdown is not None:
            anchors[uri] = heading_anchors(page.markdown)
    return anchors


def _link_problem(content: SiteContent, anchors: dict[str, set[str]], source: str, target: str) -> tuple[str, str] | None:
    uri, anchor = resolve_link(source, target)
    if (uri in content.extra_files and not anchor) or uri in content.unreadable:
        return None
    if uri not in anchors:
        return (f"the link '{target}' goes to a page that does not exist ({uri}).",
                "Check the file name; links are relative to the page they are in.")
    if anchor and anchor not in anchors[uri]:
        return (f"the link '{target}' goes to a heading '#{anchor}' that {uri} does not have.",
                "Check the heading's {#id}.")
    return None


def render_page_markdown(content: SiteContent, src_uri: str, markdown: str, title: str) -> str:
    """A page's Markdown as it is built: the h1, the journey, the details, the review date."""
    page = content.published.get(src_uri)
    language = page.language if page else DEFAULT_LANGUAGE
    local = content.localiser(language)
    body, _ = substitute_placeholders(markdown, organisation_values(content.config, language), src_uri, 1)
    title_lang = ' { lang="en" }' if page is not None and page.is_fallback else ""
    parts = [f"# {title}{title_lang}", ""]
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
