"""Load all author content, check it as a whole, and render what MkDocs needs.

This is the pipeline's front door: ``load_site_content`` loads and checks
everything (``make check`` stops there) and works out every page in every
language; ``render_page_markdown`` finishes each page as it is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from iopcsite.authoring.base_models import LanguageCode, TranslationStatus
from iopcsite.authoring.errors import (
    ContentError,
    ContentProblem,
    ProblemList,
    display_path,
    suggest,
)
from iopcsite.authoring.markdown_text import (
    heading_anchors,
    internal_links,
    resolve_link,
    substitute_placeholders,
)
from iopcsite.authoring.publishing import (
    Publishing,
    Status,
    current_publishing,
    describe_moment,
    publish_moment,
    status,
)
from iopcsite.authoring.yaml_source import YamlDocument, field_name, parsed_yaml_cache
from iopcsite.checks.unsafe_html import unsafe_html_in_project
from iopcsite.collections.campaigns.campaign_files import (
    build_campaigns,
    campaign_pages,
    load_campaigns,
    page_folder,
)
from iopcsite.collections.faqs.models import FaqTopic
from iopcsite.collections.faqs.questions import (
    FAQ_DIR,
    FAQ_HUB_URI,
    LoadedFaq,
    faq_jsonld,
    faqs_by_topic,
    load_faqs,
    load_topics,
    render_hub_page,
    render_topic_page,
    topic_page_uri,
    topic_text,
)
from iopcsite.collections.pages.journey import (
    journey_pages,
    load_journey,
    render_journey,
    render_journey_banner,
)
from iopcsite.collections.pages.loader import (
    DEFAULT_LANGUAGE,
    SourcePage,
    discover_pages,
    load_pages,
)
from iopcsite.collections.pages.models import Journey
from iopcsite.config.languages import (
    PublishedPage,
    language_prefixes,
    localised_uri,
    publish_pages,
)
from iopcsite.config.localiser import Localiser
from iopcsite.config.models import SiteConfig, StringTable
from iopcsite.config.site_config import (
    STRINGS_FILE,
    load_site_config,
    load_strings,
    organisation_values,
)
from iopcsite.content.hold_banner import render_hold_banner
from iopcsite.review_helpers.models import ReviewRules
from iopcsite.review_helpers.rules import load_review_rules
from iopcsite.review_helpers.widgets import (
    HelperContext,
    check_markers,
    check_strings,
    insert_helpers,
    mark_helpers,
)

DOCS_DIR = Path("docs")
FAQ_URI_PREFIX = "faqs/"
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
    campaign_products: int = 0  # drawn or taken from the render cache
    publishing: Publishing = field(default_factory=current_publishing)
    held_back_pages: dict[str, SourcePage] = field(default_factory=dict)
    held_back_faqs: list[LoadedFaq] = field(default_factory=list)
    held_back_campaigns: dict[str, object] = field(default_factory=dict)  # page uri -> the held-back Campaign

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


def load_site_content(root: Path, publishing: Publishing | None = None, render_campaigns: bool = True) -> SiteContent:
    """Load and check every content file; raise ContentError listing every problem.

    Drafts and embargoed items are checked like everything else, then kept
    apart: only ``publishing`` in preview mode shows them. Without
    ``render_campaigns`` (``make check``) campaigns are checked but no product is drawn.
    """
    root = Path(root).resolve()
    publishing = publishing or current_publishing()
    with parsed_yaml_cache(root / YAML_CACHE_DIR):
        return _load_site_content(root, publishing, render_campaigns)


def _load_site_content(root: Path, publishing: Publishing, render_campaigns: bool) -> SiteContent:
    problems = ProblemList()
    config = load_site_config(root, problems)
    strings = load_strings(root, problems)
    # With site.yml broken, accept every language the models know, so one mistake there
    # does not also make every translation a problem.
    languages = [language.code for language in config.languages] if config else list(get_args(LanguageCode))
    pages = load_pages(root / DOCS_DIR, root, languages, problems)
    topics = load_topics(root, problems)
    faqs = load_faqs(root, topics, problems)
    journey = load_journey(root, problems)
    review_rules, rules_document = load_review_rules(root, problems)
    if strings is not None:
        problems.extend(check_strings(strings, STRINGS_FILE.as_posix()))
    for page in pages.values():
        problems.extend(check_markers(page.body, page.file, page.body_line))
    problems.extend(unsafe_html_in_project(root))
    if config is None or strings is None or journey is None or review_rules is None:
        problems.raise_if_any()
    shown, held_back = split_pages(pages, publishing)
    content = SiteContent(root, config, strings, shown, topics or [], [item for item in faqs if publishing.shows(item.faq)],
                          journey, review_rules, rules_document, publishing=publishing, held_back_pages=held_back,
                          held_back_faqs=[item for item in faqs if not publishing.shows(item.faq)])
    content.unreadable = {path.relative_to(root / DOCS_DIR).as_posix() for path in discover_pages(root / DOCS_DIR)} - set(pages)
    if topics is None or not _faq_files_whole(root, problems):
        content.unreadable.add(FAQ_URI_PREFIX)  # some questions did not load: their anchors cannot be judged
    notices = {language: content.localiser(language).string("untranslated-notice") for language in languages}
    content.published = publish_pages(shown, config, notices)
    add_faq_pages(content)
    if render_campaigns:
        add_campaigns(content, problems, notices)
    else:
        add_campaign_pages_unrendered(content, problems)
    content.extra_files = static_files(root / DOCS_DIR)
    problems.extend(check_placeholders(content))
    problems.extend(check_links(content))
    problems.raise_if_any()
    return content


def split_pages(pages: dict[str, SourcePage], publishing: Publishing) -> tuple[dict[str, SourcePage], dict[str, SourcePage]]:
    """(shown, held back): a translation is held back with the page it translates."""
    shown, held_back = {}, {}
    for uri, page in pages.items():
        original = pages.get(page.base_uri, page)
        visible = publishing.shows(page.meta) and publishing.shows(original.meta)
        (shown if visible else held_back)[uri] = page
    return shown, held_back


def _faq_files_whole(root: Path, problems: ProblemList) -> bool:
    faq_dir = display_path(root / FAQ_DIR, root)
    return not any(problem.file.startswith(faq_dir) for problem in problems)


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

        def banner(faq, local=local) -> str | None:
            return render_hold_banner(faq, content.publishing, local)

        values = organisation_values(content.config, language)
        hub_uri = prefix + FAQ_HUB_URI
        content.published[hub_uri] = _generated(hub_uri, language, FAQ_HUB_URI, local.string("faq-hub-title"),
                                                render_hub_page(content.topics, grouped, local))
        for topic in content.topics:
            base_uri = topic_page_uri(topic.id)
            uri = prefix + base_uri
            markdown = render_topic_page(topic, grouped[topic.id], local, prefix, banner)
            title = topic_text(topic, language)[0]
            content.published[uri] = _generated(uri, language, base_uri, title, markdown)
            if grouped[topic.id]:
                content.jsonld[uri] = faq_jsonld(grouped[topic.id], language, values)


def _generated(uri: str, language: str, base_uri: str, title: str, markdown: str) -> PublishedPage:
    return PublishedPage(uri, language, base_uri, TranslationStatus.complete, title, None, markdown)


def add_campaigns(content: SiteContent, problems: ProblemList, notices: dict[str, str]) -> None:
    """Every campaign's pages and downloads in every language (products come from the render cache when unchanged);
    ``notices`` says, in each language, that a page is not translated yet."""

    def banner(item, language: str, subject: str | None) -> str | None:
        return render_hold_banner(item, content.publishing, content.localiser(language), subject)

    try:
        built = build_campaigns(content.root, content.config, notices=notices, publishing=content.publishing,
                                banner=banner)
    except ContentError as error:
        problems.extend(error.problems)
        return
    _hold_campaigns(content, built.held_back)
    for output in built.files:
        if output.title is None:
            content.assets[output.path] = (output.language, output.content)
            continue
        status = TranslationStatus.missing if output.fallback else TranslationStatus.complete
        _add_campaign_page(content, output.path, output.language, status, output.title, output.content)
    content.campaign_summary = built.summary()
    content.campaign_products = built.rendered + built.from_cache


def add_campaign_pages_unrendered(content: SiteContent, problems: ProblemList) -> None:
    """Register every campaign page (for link checks and page lists) without rendering products."""
    try:
        loaded = load_campaigns(content.root, content.config)
    except ContentError as error:
        problems.extend(error.problems)
        return
    _hold_campaigns(content, [item for item in loaded if not content.publishing.shows(item.campaign)])
    shown = [item for item in loaded if content.publishing.shows(item.campaign)]
    for path, language, title in campaign_pages(shown, content.config, content.publishing):
        _add_campaign_page(content, path, language, TranslationStatus.complete, title, "")


def _hold_campaigns(content: SiteContent, held_back: list) -> None:
    """Record the pages of campaigns that are drafts or embargoed, so links to them are named as such."""
    for loaded in held_back:
        folder = page_folder(content.config, DEFAULT_LANGUAGE, loaded.campaign.slug)
        for name in ("index.md", "advocates-pack.md"):
            content.held_back_campaigns[f"{folder}/{name}"] = loaded.campaign


def _add_campaign_page(content: SiteContent, path: str, language: str, status: TranslationStatus, title: str,
                       markdown: str) -> None:
    base_uri = path.removeprefix(language_prefixes(content.config)[language])
    content.published[path] = PublishedPage(path, language, base_uri, status, title, None, markdown)


def check_placeholders(content: SiteContent) -> list[ContentProblem]:
    """Every ``{{ org.* }}`` in pages and FAQ answers (held-back ones too) must be a known detail."""
    values = organisation_values(content.config, DEFAULT_LANGUAGE)
    problems: list[ContentProblem] = []
    for page in [*content.pages.values(), *content.held_back_pages.values()]:
        problems += substitute_placeholders(page.body, values, page.file, page.body_line)[1]
    for item in [*content.faqs, *content.held_back_faqs]:
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
    """Every link must reach a page (and heading) that exists, and that is published when the link is."""
    public = anchors_by_page(content)
    everything = _with_held_back_anchors(content, public)
    problems: list[ContentProblem] = []
    for page in [*content.pages.values(), *content.held_back_pages.values()]:
        anchors = public if page.src_uri in content.pages else everything
        for link in internal_links(page.body):
            problem = _link_problem(content, anchors, everything, page.base_uri, link.target)
            if problem:
                problems.append(ContentProblem(page.file, page.body_line + link.line - 1, None, None, *problem))
    shown_faqs = {id(item) for item in content.faqs}  # by identity: comparing models field by field is slow
    for item in [*content.faqs, *content.held_back_faqs]:
        anchors = public if id(item) in shown_faqs else everything
        targets = [(link.target, "answer", item.line_in_answer(link.line)) for link in internal_links(item.faq.answer)]
        targets += [(related.link, "related", item.related_line(number)) for number, related in enumerate(item.faq.related)]
        for translation in item.faq.translations.values():
            targets += [(link.target, "answer", item.line) for link in internal_links(translation.answer)]
            targets += [(related.link, "related", item.line) for related in translation.related or []]
        for target, which, line in targets:
            problem = _link_problem(content, anchors, everything, "index.md", target)
            if problem:
                message, hint = problem
                problems.append(ContentProblem(item.file, line, None, which,
                                               f"in question '{item.faq.id}', {message}", hint))
    document = content.review_rules_document
    for loc, target in _rules_links(content.review_rules):
        problem = _link_problem(content, public, everything, "index.md", target)
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
    """The anchors every published English page offers (translations keep the English heading ids)."""
    anchors = {uri: heading_anchors(page.body) for uri, page in content.pages.items() if page.language == DEFAULT_LANGUAGE}
    for uri, page in content.published.items():
        if page.language == DEFAULT_LANGUAGE and page.markdown is not None:
            anchors[uri] = heading_anchors(page.markdown)
    return anchors


def _with_held_back_anchors(content: SiteContent, public: dict[str, set[str]]) -> dict[str, set[str]]:
    everything = {uri: set(anchors) for uri, anchors in public.items()}
    everything.update({uri: heading_anchors(page.body) for uri, page in content.held_back_pages.items()
                       if page.language == DEFAULT_LANGUAGE})
    for item in content.held_back_faqs:
        everything.setdefault(topic_page_uri(item.faq.topic), set()).add(item.faq.id)
    for uri in content.held_back_campaigns:
        everything.setdefault(uri, set())
    return everything


def _link_problem(content: SiteContent, anchors: dict[str, set[str]], everything: dict[str, set[str]],
                  source: str, target: str) -> tuple[str, str] | None:
    uri, anchor = resolve_link(source, target)
    if (uri in content.extra_files and not anchor) or uri in content.unreadable:
        return None
    if FAQ_URI_PREFIX in content.unreadable and uri.startswith(FAQ_URI_PREFIX):
        return None
    if uri not in everything:
        close = suggest(uri, everything)
        return (f"the link '{target}' goes to a page that does not exist ({uri}).",
                (close + " " if close else "") + "Check the file name; links are relative to the page they are in.")
    if anchor and anchor not in everything[uri]:
        close = suggest(anchor, everything[uri])
        return (f"the link '{target}' goes to a heading '#{anchor}' that {uri} does not have.",
                (close + " " if close else "") + "Use the id written in curly brackets after the heading on that page.")
    if uri not in anchors or (anchor and anchor not in anchors[uri]):
        return (f"the link '{target}' goes to {_held_back_what(content, uri, anchor)}, "
                "so the link would be broken on the public site.",
                "Remove the link until that is published, or publish both at the same time.")
    return None


def _held_back_what(content: SiteContent, uri: str, anchor: str) -> str:
    page = content.held_back_pages.get(uri)
    if page is not None:
        return f"a page that is {describe_hold(page.meta)}"
    for item in content.held_back_faqs:
        if item.faq.id == anchor:
            return f"a question that is {describe_hold(item.faq)}"
    if uri in content.held_back_campaigns:
        return f"a campaign that is {describe_hold(content.held_back_campaigns[uri])}"
    return "something that is not published yet"


def describe_hold(item) -> str:
    """'a draft' or 'embargoed until 1 December 2026 at 09:00 (London time)', for messages."""
    if item.draft:
        return "a draft (draft: true)"
    return f"embargoed until {describe_moment(publish_moment(item.publish_from))}"


def _held_meta(content: SiteContent, source: SourcePage):
    """The front matter that holds a page back (its own, or its English page's), or None."""
    english = content.pages.get(source.base_uri, source)
    for meta in (source.meta, english.meta):
        if status(meta, content.publishing.now) is not Status.published:
            return meta
    return None


def render_page_markdown(content: SiteContent, src_uri: str, markdown: str, title: str) -> str:
    """A page's Markdown as it is built: the h1, the journey, the details, the review date."""
    page = content.published.get(src_uri)
    language = page.language if page else DEFAULT_LANGUAGE
    local = content.localiser(language)
    body, _ = substitute_placeholders(markdown, organisation_values(content.config, language), src_uri, 1)
    title_lang = ' { lang="en" }' if page is not None and page.is_fallback else ""
    parts = [f"# {title}{title_lang}", ""]
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
