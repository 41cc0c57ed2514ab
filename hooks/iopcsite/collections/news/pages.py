"""The news pages: one per item, the list 20 to a page, and one list per topic, in one language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from iopcsite.authoring.markdown_text import page_url
from iopcsite.config.site_address import site_url
from iopcsite.collections.news.loader import LoadedNews
from iopcsite.config.site_config import organisation_values
from iopcsite.content.page_templates import docs_link, render_page

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent

TEMPLATES = Path(__file__).parent / "templates"
FOLDER = "news"
PER_PAGE = 20
KEY_AREAS_FOLDER = "key-areas"


def item_uri(news_id: str) -> str:
    return f"{FOLDER}/{news_id}.md"


def list_uri(number: int) -> str:
    """Page 1 of the list is news/index.md, then news/page-2.md, news/page-3.md..."""
    return f"{FOLDER}/index.md" if number == 1 else f"{FOLDER}/page-{number}.md"


def topic_uri(topic: str) -> str:
    return f"{FOLDER}/topics/{topic}.md"


@dataclass(frozen=True)
class Words:
    """One item's words in one language: its own, or English where it is not translated (``fallback``)."""

    title: str
    summary: str
    body: str
    fallback: bool
    status: str


def words(item: LoadedNews, language: str) -> Words:
    translation = item.translations.get(language) if language != "en" else None
    if translation is None:
        return Words(item.meta.title, item.meta.summary, item.english.body, language != "en", "complete")
    return Words(translation.meta.title, translation.meta.summary, translation.body, False,
                 translation.meta.translation)


def newest_first(items: list[LoadedNews]) -> list[LoadedNews]:
    """By published date, newest first; on the same day by id, so the order never changes between builds."""
    return sorted(items, key=lambda item: (-item.meta.published.toordinal(), item.meta.id))


def item_markdown(content: SiteContent, item: LoadedNews, language: str, say: Callable[..., str],
                  key_areas_shown: bool) -> str:
    """The body of an item's page."""
    meta, local = item.meta, content.localiser(language)
    text = words(item, language)
    uri = item_uri(meta.id)
    taxonomy = content.taxonomy
    topics = [{"name": taxonomy.term("topic", topic).name.get(language), "link": docs_link(uri, topic_uri(topic))}
              for topic in meta.topics]
    key_area = None
    if meta.key_area and key_areas_shown:
        key_area = {"name": taxonomy.term("key_area", meta.key_area).name.get(language),
                    "link": docs_link(uri, f"{KEY_AREAS_FOLDER}/{meta.key_area}.md")}
    return render_page(TEMPLATES, "item.md", body=text.body.strip(), body_language="en" if text.fallback else None,
                       published=local.date(meta.published), updated=meta.updated and local.date(meta.updated),
                       type_label=say(f"type-{meta.type}"), sources=[{"url": str(source), "text": source.host} for source in meta.sources],
                       to_be_confirmed=say("to-be-confirmed") if meta.to_be_confirmed else None,
                       topics=topics, key_area=key_area, labels=_labels(say))


def list_markdown(content: SiteContent, items: list[LoadedNews], language: str, say: Callable[..., str], *,
                  uri: str, intro: str, feed: str, pages: list[str] = (), topics: list[str] = (),
                  all_news: str | None = None) -> str:
    """A list of items (one page of the news, or a topic's news) with its page links and its feed."""
    local = content.localiser(language)
    entries = [{"title": words(item, language).title, "summary": words(item, language).summary,
                "link": docs_link(uri, item_uri(item.meta.id)), "date": local.date(item.meta.published),
                "type": say(f"type-{item.meta.type}")} for item in items]
    number = pages.index(uri) + 1 if uri in pages else 1
    return render_page(
        TEMPLATES, "list.md", intro=intro, entries=entries, labels=_labels(say), feed=docs_link(uri, feed),
        pages=[{"number": index, "link": docs_link(uri, page), "current": page == uri} for index, page in enumerate(pages, 1)],
        previous=docs_link(uri, pages[number - 2]) if number > 1 else None,
        next=docs_link(uri, pages[number]) if number < len(pages) else None,
        page_of=say("page-of", number=number, total=len(pages)),
        topics=[{"name": content.taxonomy.term("topic", topic).name.get(language), "link": docs_link(uri, topic_uri(topic))}
                for topic in topics],
        all_news=all_news and docs_link(uri, all_news))


def _labels(say: Callable[..., str]) -> dict[str, str]:
    keys = ("published", "updated", "read-original", "also-published", "source-heading", "topics", "key-area",
            "no-news", "topics-heading", "all-news", "feed-heading", "feed-explained", "feed-link")
    labels = {key.replace("-", "_"): say(key) for key in keys}
    labels.update(pages=say("pages-label"), previous=say("previous-page"), next=say("next-page"))
    return labels


def news_jsonld(content: SiteContent, item: LoadedNews, language: str, page_uri: str) -> str:
    """schema.org NewsArticle JSON-LD for an item's page: the same text for the same item, safe in a script element."""
    meta, text = item.meta, words(item, language)
    organisation = {"@type": "Organization", "name": organisation_values(content.config, language)["name"],
                    "url": str(content.config.organisation.website)}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text.title,
        "description": text.summary,
        "datePublished": meta.published.isoformat(),
        "dateModified": (meta.updated or meta.published).isoformat(),
        "inLanguage": "en" if text.fallback else language,
        "url": site_url(content.root).rstrip("/") + "/" + page_url(page_uri),
        "author": organisation,
        "publisher": organisation,
        "isBasedOn": [str(source) for source in meta.sources],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).replace("</", "<\\/")
