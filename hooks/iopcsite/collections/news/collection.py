"""The news collection: items in ``docs/_data/news/``, published as a page each, a list 20 to a page,
a list per topic, and an Atom feed per language for all news and for each topic.

Only shown items (not drafts, not under embargo) reach a list, a feed, search or a tagged list:
every one of them is made from ``self._shown``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.collections.news.feeds import feed_file
from iopcsite.collections.news.loader import NEWS_DIR, LoadedNews, load_news
from iopcsite.collections.news.models import NewsMeta
from iopcsite.collections.news.pages import (FOLDER, PER_PAGE, item_markdown, item_uri, list_markdown, list_uri,
                                             news_jsonld, newest_first, topic_uri, words)
from iopcsite.collections.news.strings import translator
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import AuthorText, EditorSchema, Item, Plan, PlannedPage, translation_states
from iopcsite.content.hold_banner import render_hold_banner
from iopcsite.content.page_templates import framed_page
from iopcsite.content.tagged import TaggedEntry
from iopcsite.feeds.atom import Feed, FeedEntry, FeedLink

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

FEED_SIZE = 50  # a feed carries the newest items; the list pages carry them all
FEED_TYPE = "application/atom+xml"


def feed_path(prefix: str, topic: str | None = None) -> str:
    return f"{prefix}{FOLDER}/topics/{topic}.xml" if topic else f"{prefix}{FOLDER}/feed.xml"


class NewsCollection:
    """Every news item, in every site language."""

    name = "news"
    sources = (NEWS_DIR.as_posix(), "hooks/iopcsite/collections/news/templates")
    editor_schemas = (EditorSchema("news-item", NewsMeta,
                                  f"{NEWS_DIR.as_posix()}/*.md (the front matter between the '---' lines)"),)

    def __init__(self) -> None:
        self.news: list[LoadedNews] = []
        self.languages: list[str] = []
        self.whole = True

    def load(self, data: SiteData, problems: ProblemList) -> None:
        self.languages = [language for language in data.languages if language != DEFAULT_LANGUAGE]
        before = len(list(problems))
        self.news = load_news(data.root, data.languages, data.taxonomy, problems)
        self.whole = len(list(problems)) == before

    def items(self) -> list[Item]:
        return [self._item(loaded) for loaded in self.news]

    def _item(self, loaded: LoadedNews) -> Item:
        meta, uri = loaded.meta, item_uri(loaded.meta.id)
        texts = [AuthorText(loaded.english.body, loaded.english.file, loaded.english.body_line, None, uri)]
        texts += [AuthorText(text.body, text.file, text.body_line, None, uri) for _, text in sorted(loaded.translations.items())]
        return Item(self.name, meta.id, "news item", meta.id, loaded.english.file, loaded.line, holds=(meta,),
                    translations=translation_states(self.languages, {language: text.meta.translation
                                                                     for language, text in loaded.translations.items()}),
                    texts=tuple(texts), anchors=((uri, ""),))

    def unreadable_paths(self) -> set[str]:
        return set() if self.whole else {f"{FOLDER}/"}

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        return []

    def shown(self, content: SiteContent) -> list[LoadedNews]:
        """The items this build shows, newest first: the only ones any list, feed or search sees."""
        ids = content.shown_ids(self.name)
        return newest_first([loaded for loaded in self.news if loaded.meta.id in ids])

    def plan(self, content: SiteContent) -> Plan:
        shown = self.shown(content)
        shown_ids = {loaded.meta.id for loaded in shown}
        topics = [term.id for term in content.taxonomy.topics
                  if any(term.id in loaded.meta.topics for loaded in shown)]
        key_areas_shown = any(collection.name == "learning" and collection.publishes_key_areas(content)
                              for collection in content.collections)
        plan = Plan()
        for language, prefix in language_prefixes(content.config).items():
            say = translator(language)
            self._plan_lists(content, plan, shown, topics, language, prefix, say)
            for loaded in self.news:
                page = self._item_page(content, loaded, language, prefix, say, key_areas_shown)
                (plan.pages if loaded.meta.id in shown_ids else plan.held_back).append(page)
        return plan

    def _plan_lists(self, content: SiteContent, plan: Plan, shown: list[LoadedNews], topics: list[str],
                    language: str, prefix: str, say) -> None:
        """The list pages and the topic pages of one language, and their feeds."""
        news_feed = FeedLink(say("news-feed-title", org=self._org(content, language)), feed_path(prefix))
        chunks = [shown[start:start + PER_PAGE] for start in range(0, len(shown), PER_PAGE)] or [[]]
        pages = [list_uri(number) for number in range(1, len(chunks) + 1)]
        for number, (uri, chunk) in enumerate(zip(pages, chunks), 1):
            title = say("news-title") if number == 1 else say("news-page-title", number=number)
            body = list_markdown(content, chunk, language, say, uri=uri, intro=say("news-intro"), feed=f"{FOLDER}/feed.xml",
                                 pages=pages, topics=topics if number == 1 else (),
                                 all_news=None if number == 1 else list_uri(1))
            plan.pages.append(self._page(prefix + uri, language, uri, title, say("news-description"), body,
                                         feeds=(news_feed,), in_menu=number == 1))
        plan.files.append(feed_file(content, self._feed(content, feed_path(prefix), news_feed.title, language,
                                                        prefix + list_uri(1), shown, say)))
        for topic in topics:
            name = content.taxonomy.term("topic", topic).name.get(language)
            uri, items = topic_uri(topic), [loaded for loaded in shown if topic in loaded.meta.topics]
            link = FeedLink(say("topic-feed-title", org=self._org(content, language), topic=name), feed_path(prefix, topic))
            body = list_markdown(content, items, language, say, uri=uri, intro=say("topic-description", topic=name),
                                 feed=f"{FOLDER}/topics/{topic}.xml", all_news=list_uri(1))
            plan.pages.append(self._page(prefix + uri, language, uri, say("topic-title", topic=name),
                                         say("topic-description", topic=name), body, feeds=(link, news_feed)))
            plan.files.append(feed_file(content, self._feed(content, link.path, link.title, language, prefix + uri, items, say)))

    def _item_page(self, content: SiteContent, loaded: LoadedNews, language: str, prefix: str, say,
                   key_areas_shown: bool) -> PlannedPage:
        uri, text = item_uri(loaded.meta.id), words(loaded, language)
        local = content.localiser(language)
        body = item_markdown(content, loaded, language, say, key_areas_shown)
        markdown = framed_page({"title": text.title, "description": text.summary, "hide": ["toc"]}, body,
                               banners=[render_hold_banner(loaded.meta, content.publishing, local)],
                               notice=local.string("untranslated-notice") if text.fallback else None)
        status = TranslationStatus.missing if text.fallback else TranslationStatus(text.status)
        source = loaded.translations.get(language, loaded.english)
        return PlannedPage(prefix + uri, language, uri, status, text.title, None, markdown, self.name,
                           jsonld=news_jsonld(content, loaded, language, prefix + uri), in_menu=False,
                           texts=(AuthorText(source.body, source.file, source.body_line, None, uri),),
                           feeds=(FeedLink(say("news-feed-title", org=self._org(content, language)), feed_path(prefix)),))

    def _page(self, uri: str, language: str, base_uri: str, title: str, description: str, body: str,
              feeds: tuple[FeedLink, ...], in_menu: bool = False) -> PlannedPage:
        markdown = framed_page({"title": title, "description": description, "hide": ["toc"]}, body)
        return PlannedPage(uri, language, base_uri, TranslationStatus.complete, title, None, markdown, self.name,
                           in_menu=in_menu, feeds=feeds)

    def _feed(self, content: SiteContent, path: str, title: str, language: str, home_uri: str,
              items: list[LoadedNews], say) -> Feed:
        prefix = language_prefixes(content.config)[language]
        entries = tuple(FeedEntry(f"{prefix}{FOLDER}/{loaded.meta.id}", words(loaded, language).title,
                                  prefix + item_uri(loaded.meta.id), loaded.meta.published, loaded.meta.updated,
                                  words(loaded, language).summary, tuple(loaded.meta.topics))
                        for loaded in items[:FEED_SIZE])
        return Feed(path, title, say("feed-subtitle"), language, home_uri, entries)

    @staticmethod
    def _org(content: SiteContent, language: str) -> str:
        return content.config.organisation.name.get(language)

    def tagged_entries(self, content: SiteContent, language: str) -> list[TaggedEntry]:
        """Every shown item, in ``language``, with its key area and topics."""
        prefix = language_prefixes(content.config)[language]
        return [TaggedEntry(self.name, words(loaded, language).title, prefix + item_uri(loaded.meta.id), language,
                            loaded.meta.published, (loaded.meta.key_area,) if loaded.meta.key_area else (),
                            tuple(loaded.meta.topics))
                for loaded in self.shown(content)]

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan
