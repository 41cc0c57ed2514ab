"""Load all author content, check it as a whole, and render what MkDocs needs.

This is the pipeline's front door: ``load_site_content`` for loading and
checking (``make check`` stops here), then ``generated_pages`` and
``render_page_markdown`` for the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentProblem, ProblemList
from .faqs import (FAQ_HUB_URI, LoadedFaq, faq_jsonld, faqs_by_topic, load_faqs, load_topics,
                   render_hub_page, render_topic_page, topic_page_uri)
from .helpers import HelperContext, check_markers, check_strings, render_helpers
from .journey import journey_pages, load_journey, render_journey, render_journey_banner
from .localise import Localiser
from .markup import (heading_anchors, internal_links, resolve_link, substitute_placeholders)
from .models import FaqTopic, Journey, ReviewRules, SiteConfig, StringTable
from .pages import SourcePage, load_pages
from .review_rules import load_review_rules
from .site import STRINGS_FILE, load_site_config, load_strings, organisation_values
from .yamlsource import YamlDocument, field_name

DOCS_DIR = Path("docs")


@dataclass
class SiteContent:
    """Everything authors wrote, validated, plus the pages generated from it."""

    root: Path
    config: SiteConfig
    strings: StringTable
    pages: dict[str, SourcePage]
    topics: list[FaqTopic]
    faqs: list[LoadedFaq]
    journey: Journey
    review_rules: ReviewRules
    review_rules_document: YamlDocument
    generated: dict[str, str] = field(default_factory=dict)
    jsonld: dict[str, str] = field(default_factory=dict)
    extra_files: set[str] = field(default_factory=set)

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    def localiser(self, language: str) -> Localiser:
        return Localiser(language, self.strings)


def load_site_content(root: Path) -> SiteContent:
    """Load and check every content file; raise ContentError listing every problem."""
    root = Path(root).resolve()
    problems = ProblemList()
    config = load_site_config(root, problems)
    strings = load_strings(root, problems)
    pages = load_pages(root / DOCS_DIR, root, problems)
    topics = load_topics(root, problems)
    faqs = load_faqs(root, topics, problems)
    journey = load_journey(root, problems)
    review_rules, rules_document = load_review_rules(root, problems)
    if strings is not None:
        problems.extend(check_strings(strings, STRINGS_FILE.as_posix()))
    for page in pages.values():
        problems.extend(check_markers(page.body, page.file, page.body_line))
    problems.raise_if_any()
    content = SiteContent(root, config, strings, pages, topics, faqs, journey, review_rules, rules_document)
    content.generated, content.jsonld = generate_faq_pages(content)
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


def generate_faq_pages(content: SiteContent) -> tuple[dict[str, str], dict[str, str]]:
    """The FAQ hub and one page per topic, with the JSON-LD of each topic page."""
    local = content.localiser("en")
    grouped = faqs_by_topic(content.faqs, content.topics)
    pages = {FAQ_HUB_URI: render_hub_page(content.topics, grouped, local.string("faq-hub-title"),
                                          local.string("faq-hub-description"))}
    jsonld = {}
    for topic in content.topics:
        uri = topic_page_uri(topic.id)
        pages[uri] = render_topic_page(topic, grouped[topic.id], local)
        if grouped[topic.id]:
            jsonld[uri] = faq_jsonld(grouped[topic.id])
    return pages, jsonld


def check_placeholders(content: SiteContent) -> list[ContentProblem]:
    """Every ``{{ org.* }}`` in pages and FAQ answers must be a known detail."""
    values = organisation_values(content.config, "en")
    problems: list[ContentProblem] = []
    for page in content.pages.values():
        problems += substitute_placeholders(page.body, values, page.file, page.body_line)[1]
    for item in content.faqs:
        problems += substitute_placeholders(item.faq.answer, values, item.file, item.line, "answer")[1]
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
            problem = _link_problem(content, anchors, page.src_uri, link.target)
            if problem:
                problems.append(ContentProblem(page.file, page.body_line + link.line - 1, None, None, *problem))
    for item in content.faqs:
        targets = [(link.target, "answer") for link in internal_links(item.faq.answer)]
        targets += [(related.link, "related") for related in item.faq.related]
        for target, which in targets:
            problem = _link_problem(content, anchors, "index.md", target)
            if problem:
                problems.append(ContentProblem(item.file, item.line, None, f"{item.faq.id}.{which}", *problem))
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
    """The anchors every page offers, source and generated."""
    anchors = {uri: heading_anchors(page.body) for uri, page in content.pages.items()}
    anchors.update({uri: heading_anchors(text) for uri, text in content.generated.items()})
    return anchors


def _link_problem(content: SiteContent, anchors: dict[str, set[str]], source: str, target: str) -> tuple[str, str] | None:
    uri, anchor = resolve_link(source, target)
    if uri in content.extra_files and not anchor:
        return None
    if uri not in anchors:
        return (f"the link '{target}' goes to a page that does not exist ({uri}).",
                "Check the file name; links are relative to the page they are in.")
    if anchor and anchor not in anchors[uri]:
        return (f"the link '{target}' goes to a heading '#{anchor}' that {uri} does not have.",
                "Check the heading's {#id}.")
    return None


def render_page_markdown(content: SiteContent, src_uri: str, markdown: str, title: str, language: str = "en") -> str:
    """A page's Markdown as it is built: the h1, the journey, the details, the review date."""
    local = content.localiser(language)
    org = organisation_values(content.config, language)
    body, _ = substitute_placeholders(markdown, org, src_uri, 1)
    body = render_helpers(body, HelperContext(content.review_rules, local, org, src_uri))
    parts = [f"# {title}", ""]
    on_journey = src_uri in journey_pages(content.journey)
    if on_journey:
        parts += [render_journey_banner(content.journey, local), ""]
    parts.append(body.rstrip())
    if on_journey:
        parts += ["", render_journey(content.journey, src_uri, local)]
    page = content.pages.get(src_uri)
    if page is not None:
        parts += ["", f"*{local.string('last-reviewed')}: {local.date(page.meta.last_reviewed)}*{{ .iopc-reviewed }}"]
    return "\n".join(parts) + "\n"
