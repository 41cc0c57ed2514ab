"""The Markdown of the publications pages: the list, a list per type, year and topic, and each item."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iopcsite.config.localiser import Localiser
from iopcsite.config.taxonomy import Taxonomy
from iopcsite.content.page_templates import docs_link, file_size, framed_page, md_line, render_page
from iopcsite.authoring.markdown_text import relocate_links
from iopcsite.collections.publications.views import (INDEX_URI, TYPE_PAGES, View, feed_path, item_uri,
                                                     source_name, topic_uri, type_uri, year_uri)

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class ListPage:
    """One list page in one language: where, its title and description, the views it lists."""

    uri: str  # the English docs path
    title: str
    description: str
    intro: str
    views: tuple[View, ...]
    grouped: bool = False  # the main list: grouped by year, undated last
    label: str = ""  # its name in the links between lists: 'Focus', '2024', 'Custody'


@dataclass(frozen=True)
class Download:
    """The PDF an item page offers: its link from the page, and its size in words."""

    link: str
    size: str


def item_page(v: View, uri: str, local: Localiser, taxonomy: Taxonomy, prefix: str, download: Download | None,
              notice: str | None, banners: list[str]) -> str:
    """A publication's page: what is known of it, its body and PDF if it has one, and where to find it."""
    p = v.publication
    topics = ", ".join(f"[{md_line(taxonomy.term('topic', topic).name.get(v.language))}]"
                       f"({docs_link(uri, prefix + topic_uri(topic))})" for topic in p.topics)
    key_area = taxonomy.term("key_area", p.key_area).name.get(v.language) if p.key_area else None
    intro_key = f"intro-{p.series}" if p.series else None
    body = relocate_links(v.body, item_uri(p.id), uri) if v.body else None
    shown = View(**{**v.__dict__, "body": body})
    markdown = render_page(TEMPLATES, "item.md", v=shown, p=p, t=local.string, lang=v.language, topic_links=topics,
                           key_area=key_area, intro=local.string(intro_key) if intro_key else None, pdf=download,
                           sources=[{"name": source_name(url), "href": str(url)} for url in p.sources],
                           index_link=docs_link(uri, prefix + INDEX_URI))
    # The title first: the series' introduction alone would repeat its list page's description.
    description = v.summary or (f"{v.title}. {local.string(intro_key)}" if intro_key else v.title)
    return framed_page({"title": v.title, "description": description}, markdown, banners=banners, notice=notice)


def list_pages(views: list[View], local: Localiser, taxonomy: Taxonomy) -> list[ListPage]:
    """Every list page of one language: all, by type, by year (years with a dated item) and by topic (topics in use)."""
    views = sorted(views, key=lambda v: v.sort_key)
    pages = [ListPage(INDEX_URI, local.string("publications-title"), local.string("publications-description"),
                      local.string("publications-intro"), tuple(views), grouped=True,
                      label=local.string("all-publications"))]
    for kind in TYPE_PAGES:
        pages.append(ListPage(type_uri(kind), local.string(f"list-{kind}"), local.string(f"intro-{kind}"),
                              local.string(f"intro-{kind}"), tuple(v for v in views if v.publication.type == kind),
                              label=local.string(f"list-{kind}")))
    for year in sorted({v.year for v in views if v.year}, reverse=True):
        words = {"year": year}
        pages.append(ListPage(year_uri(year), local.string("year-title").format(**words),
                              local.string("year-description").format(**words),
                              local.string("year-description").format(**words),
                              tuple(v for v in views if v.year == year), label=str(year)))
    for term in used_topics(views, taxonomy):
        words = {"topic": term.name.get(local.language)}
        pages.append(ListPage(topic_uri(term.id), local.string("topic-title").format(**words),
                              local.string("topic-description").format(**words),
                              local.string("topic-description").format(**words),
                              tuple(v for v in views if term.id in v.publication.topics),
                              label=words["topic"]))
    return pages


def used_topics(views: list[View], taxonomy: Taxonomy) -> list:
    """The topics some shown publication has, in the taxonomy's order."""
    used = {topic for v in views for topic in v.publication.topics}
    return [term for term in taxonomy.topics if term.id in used]


def render_list(page: ListPage, all_pages: list[ListPage], local: Localiser, prefix: str, banners: list[str]) -> str:
    """One list page: its items newest first (the main list in years), then links to every other list."""
    uri = prefix + page.uri
    entries = [_entry(v, uri, prefix) for v in page.views]
    if page.grouped:
        groups = []
        for v, entry in zip(page.views, entries):
            heading = str(v.year) if v.year else local.string("undated-title")
            if not groups or groups[-1]["heading"] != heading:
                groups.append({"heading": heading, "entries": []})
            groups[-1]["entries"].append(entry)
    else:
        groups = [{"heading": None, "entries": entries}] if entries else []
    narrow = [(local.string(heading), [{"text": other.label, "link": docs_link(uri, prefix + other.uri),
                                        "current": other.uri == page.uri}
                                       for other in all_pages if _kind_of(other.uri) in kinds])
              for heading, kinds in (("by-type", ("all", "type")), ("by-year", ("year",)), ("by-topic", ("topic",)))]
    narrow = [(heading, links) for heading, links in narrow if links]
    feed = docs_link(uri, feed_path(prefix))
    body = render_page(TEMPLATES, "list.md", intro=page.intro, groups=groups, narrow=narrow, t=local.string,
                       feed_sentence=local.string("feed-sentence").format(feed=feed))
    return framed_page({"title": page.title, "description": page.description}, body, banners=banners)


def _kind_of(uri: str) -> str:
    name = uri.removeprefix("publications/")
    if name == "index.md":
        return "all"
    if name.startswith("topics/"):
        return "topic"
    return "year" if name[:4].isdigit() else "type"


def _entry(v: View, from_uri: str, prefix: str) -> dict:
    return {"title": v.title, "link": docs_link(from_uri, prefix + item_uri(v.publication.id)),
            "lang": v.text_language if not v.translated else None, "unconfirmed": v.unconfirmed,
            "kind": v.kind, "published": v.published, "updated": v.updated}
