"""Load all author content, check it as a whole, and render what MkDocs needs.

This is the pipeline's front door: ``load_site_content`` for loading and
checking (``make check`` stops here), then ``generated_pages`` and
``render_page_markdown`` for the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .banners import render_hold_banner
from .errors import ContentProblem, ProblemList, display_path, suggest
from .faqs import (FAQ_DIR, FAQ_HUB_URI, LoadedFaq, faq_jsonld, faqs_by_topic, load_faqs, load_topics,
                   render_hub_page, render_topic_page, topic_page_uri)
from .journey import journey_pages, load_journey, render_journey, render_journey_banner
from .localise import Localiser
from .markup import (heading_anchors, internal_links, resolve_link, substitute_placeholders)
from .models import FaqTopic, Journey, SiteConfig, StringTable
from .pages import SourcePage, discover_pages, load_pages
from .publishing import Publishing, Status, current_publishing, describe_moment, publish_moment, status
from .site import load_site_config, load_strings, organisation_values

DOCS_DIR = Path("docs")
FAQ_DIR_URI_PREFIX = "faqs/"


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
    publishing: Publishing
    held_back_pages: dict[str, SourcePage] = field(default_factory=dict)
    held_back_faqs: list[LoadedFaq] = field(default_factory=list)
    generated: dict[str, str] = field(default_factory=dict)
    jsonld: dict[str, str] = field(default_factory=dict)
    extra_files: set[str] = field(default_factory=set)
    unverifiable: set[str] = field(default_factory=set)

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    def localiser(self, language: str) -> Localiser:
        return Localiser(language, self.strings)


def load_site_content(root: Path, publishing: Publishing | None = None) -> SiteContent:
    """Load and check every content file; raise ContentError listing every problem.

    Drafts and embargoed items are checked like everything else, then kept
    apart: only ``publishing`` in preview mode shows them.
    """
    root = Path(root).resolve()
    publishing = publishing or current_publishing()
    problems = ProblemList()
    config = load_site_config(root, problems)
    strings = load_strings(root, problems)
    pages = load_pages(root / DOCS_DIR, root, problems)
    topics = load_topics(root, problems)
    faqs = load_faqs(root, topics, problems)
    journey = load_journey(root, problems)
    if strings is None:
        problems.raise_if_any()  # the generated pages need the interface strings: nothing more can be checked
    content = SiteContent(root, config, strings, {}, topics or [], [], journey, publishing)
    content.unverifiable = _unverifiable_targets(root, pages, topics, faqs_complete(root, problems))
    content.pages, content.held_back_pages = split_pages(pages, publishing)
    content.faqs = [item for item in faqs if publishing.shows(item.faq)]
    content.held_back_faqs = [item for item in faqs if not publishing.shows(item.faq)]
    content.generated, content.jsonld = generate_faq_pages(content)
    content.extra_files = static_files(root / DOCS_DIR)
    if config is not None:
        problems.extend(check_placeholders(content))
    problems.extend(check_links(content))
    problems.raise_if_any()
    return content


def faqs_complete(root: Path, problems: ProblemList) -> bool:
    """False when a problem in an FAQ file may have left some of its questions out."""
    faq_dir = (root / FAQ_DIR).resolve()
    return not any(problem.file.startswith(display_path(faq_dir, root)) for problem in problems)


def _unverifiable_targets(root: Path, pages: dict[str, SourcePage], topics, faqs_whole: bool) -> set[str]:
    """Pages whose headings cannot be known because they failed to load: links to them are not judged.

    So one mistake in a page's front matter does not also make every link to it a problem.
    """
    docs_dir = root / DOCS_DIR
    failed = {path.relative_to(docs_dir).as_posix() for path in discover_pages(docs_dir)} - set(pages)
    if topics is None or not faqs_whole:
        failed.add(FAQ_DIR_URI_PREFIX)
    return failed


def split_pages(pages: dict[str, SourcePage], publishing: Publishing) -> tuple[dict[str, SourcePage], dict[str, SourcePage]]:
    """(shown, held back): a translation is held back with the page it translates."""
    shown, held_back = {}, {}
    for uri, page in pages.items():
        original = pages.get(page.base_uri, page)
        visible = publishing.shows(page.meta) and publishing.shows(original.meta)
        (shown if visible else held_back)[uri] = page
    return shown, held_back


def static_files(docs_dir: Path) -> set[str]:
    """Non-page files under docs (stylesheets, scripts, images) that links may point to."""
    return {
        path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*")
        if path.is_file() and path.suffix != ".md" and not path.relative_to(docs_dir).parts[0].startswith(("_", "."))
    }


def generate_faq_pages(content: SiteContent) -> tuple[dict[str, str], dict[str, str]]:
    """The FAQ hub and one page per topic, with the JSON-LD of each topic page."""
    local = content.localiser("en")

    def banner(faq) -> str | None:
        return render_hold_banner(faq, content.publishing, local)

    grouped = faqs_by_topic(content.faqs, content.topics)
    pages = {FAQ_HUB_URI: render_hub_page(content.topics, grouped, local.string("faq-hub-title"),
                                          local.string("faq-hub-description"))}
    jsonld = {}
    for topic in content.topics:
        uri = topic_page_uri(topic.id)
        pages[uri] = render_topic_page(topic, grouped[topic.id], local, banner)
        if grouped[topic.id]:
            jsonld[uri] = faq_jsonld(grouped[topic.id])
    return pages, jsonld


def check_placeholders(content: SiteContent) -> list[ContentProblem]:
    """Every ``{{ org.* }}`` in pages and FAQ answers (held-back ones too) must be a known detail."""
    values = organisation_values(content.config, "en")
    problems: list[ContentProblem] = []
    for page in [*content.pages.values(), *content.held_back_pages.values()]:
        problems += substitute_placeholders(page.body, values, page.file, page.body_line)[1]
    for item in [*content.faqs, *content.held_back_faqs]:
        problems += substitute_placeholders(item.faq.answer, values, item.file, item.line, "answer")[1]
    return problems


def check_links(content: SiteContent) -> list[ContentProblem]:
    """Every link must reach a page (and heading) that exists, and that is published when the link is."""
    public = anchors_by_page(content)
    everything = _with_held_back_anchors(content, public)
    problems: list[ContentProblem] = []
    for page in [*content.pages.values(), *content.held_back_pages.values()]:
        anchors = public if page.src_uri in content.pages else everything
        for link in internal_links(page.body):
            problem = _link_problem(content, anchors, everything, page.src_uri, link.target)
            if problem:
                problems.append(ContentProblem(page.file, page.body_line + link.line - 1, None, None, *problem))
    for item in [*content.faqs, *content.held_back_faqs]:
        anchors = public if item in content.faqs else everything
        targets = [(link.target, "answer") for link in internal_links(item.faq.answer)]
        targets += [(related.link, "related") for related in item.faq.related]
        for target, field_name in targets:
            problem = _link_problem(content, anchors, everything, "index.md", target)
            if problem:
                problems.append(ContentProblem(item.file, item.line, None, f"{item.faq.id}.{field_name}", *problem))
    return problems


def anchors_by_page(content: SiteContent) -> dict[str, set[str]]:
    """The anchors every published page offers, source and generated."""
    anchors = {uri: heading_anchors(page.body) for uri, page in content.pages.items()}
    anchors.update({uri: heading_anchors(text) for uri, text in content.generated.items()})
    return anchors


def _with_held_back_anchors(content: SiteContent, public: dict[str, set[str]]) -> dict[str, set[str]]:
    everything = {uri: set(anchors) for uri, anchors in public.items()}
    everything.update({uri: heading_anchors(page.body) for uri, page in content.held_back_pages.items()})
    for item in content.held_back_faqs:
        everything.setdefault(topic_page_uri(item.faq.topic), set()).add(item.faq.id)
    return everything


def _link_problem(content: SiteContent, anchors: dict[str, set[str]], everything: dict[str, set[str]],
                  source: str, target: str) -> tuple[str, str] | None:
    uri, anchor = resolve_link(source, target)
    if uri in content.extra_files and not anchor:
        return None
    if uri in content.unverifiable or (FAQ_DIR_URI_PREFIX in content.unverifiable and uri.startswith(FAQ_DIR_URI_PREFIX)):
        return None
    if uri not in everything:
        close = suggest(uri, everything)
        return (f"the link '{target}' goes to a page that does not exist ({uri}).",
                (close + " " if close else "") + "Check the file name; links are relative to the page they are in.")
    if anchor and anchor not in everything[uri]:
        return (f"the link '{target}' goes to a heading '#{anchor}' that {uri} does not have.",
                "Check the heading's {#id}.")
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
    return "something that is not published yet"


def describe_hold(item) -> str:
    """'a draft' or 'embargoed until 1 December 2026 at 09:00 (London time)', for messages."""
    if item.draft:
        return "a draft (draft: true)"
    return f"embargoed until {describe_moment(publish_moment(item.publish_from))}"


def render_page_markdown(content: SiteContent, src_uri: str, markdown: str, title: str, language: str = "en") -> str:
    """A page's Markdown as it is built: the h1, the journey, the details, the review date."""
    local = content.localiser(language)
    body, _ = substitute_placeholders(markdown, organisation_values(content.config, language), src_uri, 1)
    parts = [f"# {title}", ""]
    page = content.pages.get(src_uri)
    banner = render_hold_banner(page.meta, content.publishing, local) if page is not None else None
    if banner:
        parts += [banner, ""]
    on_journey = src_uri in journey_pages(content.journey)
    if on_journey:
        parts += [render_journey_banner(content.journey, local), ""]
    parts.append(body.rstrip())
    if on_journey:
        parts += ["", render_journey(content.journey, src_uri, local)]
    if page is not None:
        parts += ["", f"*{local.string('last-reviewed')}: {local.date(page.meta.last_reviewed)}*{{ .iopc-reviewed }}"]
    return "\n".join(parts) + "\n"
