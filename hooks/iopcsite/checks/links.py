"""Every link an author writes must reach a page (and heading) that exists, and that is published when the link is.

Links are checked in every author text and link field of every collection's items,
and in the review rules. A link in a published item may only lead to what is
published; a link in a held-back item may also lead to what is held back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.authoring.errors import ContentProblem, suggest
from iopcsite.authoring.markdown_text import heading_anchors, internal_links, resolve_link
from iopcsite.authoring.yaml_source import field_name
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.content.holding import hold_reason
from iopcsite.review_helpers.models import ReviewRules

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent

Anchors = dict[str, set[str]]


def check_links(content: SiteContent) -> list[ContentProblem]:
    """Every broken link, or link to something held back, with its file, line and what to do."""
    public = anchors_by_page(content)
    everything = _with_held_back_anchors(content, public)
    problems: list[ContentProblem] = []
    for item in content.items:
        anchors = public if content.shows(item) else everything
        for text in item.texts:
            for link in internal_links(text.text):
                found = _link_problem(content, anchors, everything, text.links_from, link.target)
                if found:
                    problems.append(ContentProblem(text.file, text.line_of(link.line), None, text.field,
                                                   text.subject + found[0], found[1]))
        for link in item.links:
            found = _link_problem(content, anchors, everything, link.links_from, link.target)
            if found:
                problems.append(ContentProblem(link.file, link.line, None, link.field, link.subject + found[0], found[1]))
    document = content.review_rules_document
    for loc, target in _rules_links(content.review_rules):
        found = _link_problem(content, public, everything, "index.md", target)
        if found:
            problems.append(ContentProblem(document.file, document.position(loc)[0], None, field_name(loc), *found))
    return problems


def _rules_links(rules: ReviewRules):
    """The links in the review rules, with where each is written."""
    for index, item in enumerate(rules.deadline.links):
        yield ("deadline", "links", index, "link"), item.link
    for result_index, result in enumerate(rules.checker.results):
        for index, item in enumerate(result.links):
            yield ("checker", "results", result_index, "links", index, "link"), item.link


def anchors_by_page(content: SiteContent) -> Anchors:
    """The anchors every published English page offers (translations keep the English heading ids)."""
    return {uri: _page_anchors(page) for uri, page in content.published.items() if page.language == DEFAULT_LANGUAGE}


def _page_anchors(page) -> set[str]:
    if page.markdown is not None:
        return heading_anchors(page.markdown)
    return heading_anchors(page.source.body) if page.source is not None else set()


def _with_held_back_anchors(content: SiteContent, public: Anchors) -> Anchors:
    everything = {uri: set(anchors) for uri, anchors in public.items()}
    everything.update({uri: _page_anchors(page) for uri, page in content.held_back.items()
                       if page.language == DEFAULT_LANGUAGE})
    for item in content.items:
        if not content.shows(item):
            for uri, anchor in item.anchors:
                everything.setdefault(uri, set()).update({anchor} if anchor else set())
    return everything


def _link_problem(content: SiteContent, anchors: Anchors, everything: Anchors, source: str,
                  target: str) -> tuple[str, str] | None:
    uri, anchor = resolve_link(source, target)
    if (uri in content.extra_files and not anchor) or _unreadable(content, uri):
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


def _unreadable(content: SiteContent, uri: str) -> bool:
    """Whether ``uri`` is in a file with a problem of its own, so links to it cannot be judged."""
    return any(uri == path or (path.endswith("/") and uri.startswith(path)) for path in content.unreadable)


def _held_back_what(content: SiteContent, uri: str, anchor: str) -> str:
    """'a question that is a draft (draft: true)': what a link leads to that the public site does not show."""
    held = [item for item in content.items if not content.shows(item)]
    for wanted in ((uri, anchor), (uri, "")):
        for item in held:
            if wanted in item.anchors:
                return f"a {item.noun} that is {hold_reason(item, content.publishing)}"
    return "something that is not published yet"
