"""The learning collection: the learning hub, the key areas of work (a page each, with everything tagged
with the area and its feed) and our strategy, from the YAML files in ``docs/_data/learning/``.

The hub lists a section only once the collection that makes it publishes its page, so no link on it
is ever dead and no "coming soon" page is needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from iopcsite.authoring.base_models import Bilingual, TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.authoring.model_files import load_model_file
from iopcsite.authoring.yaml_source import YamlDocument
from iopcsite.collections.learning.models import Hub, KeyAreas, Strategy
from iopcsite.collections.news.feeds import feed_file
from iopcsite.collections.news.strings import Say, template_strings
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import EditorSchema, Item, Plan, PlannedPage, translation_states
from iopcsite.content.page_templates import docs_link, framed_page, render_page
from iopcsite.content.tagged import tagged_entries
from iopcsite.feeds.atom import Feed, FeedEntry, FeedLink

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

DATA_DIR = Path("docs/_data/learning")
FILES = {"hub": (DATA_DIR / "hub.yml", Hub), "key_areas": (DATA_DIR / "key-areas.yml", KeyAreas),
         "strategy": (DATA_DIR / "strategy.yml", Strategy)}
TEMPLATES = Path(__file__).parent / "templates"
translator = template_strings(TEMPLATES / "strings.yml")

HUB_URI = "learning/index.md"
KEY_AREAS_URI = "key-areas/index.md"
STRATEGY_URI = "about/our-strategy.md"


def key_area_uri(area: str) -> str:
    return f"key-areas/{area}.md"


def key_area_feed(prefix: str, area: str) -> str:
    return f"{prefix}key-areas/{area}.xml"


def bilingual_texts(model: object) -> list[Bilingual]:
    """Every Bilingual text inside a model, to tell whether its Welsh is complete."""
    if isinstance(model, Bilingual):
        return [model]
    if isinstance(model, BaseModel):
        return [text for name in type(model).model_fields for text in bilingual_texts(getattr(model, name))]
    if isinstance(model, (list, tuple)):
        return [text for value in model for text in bilingual_texts(value)]
    return []


def translated(model: object) -> bool:
    return all(text.cy for text in bilingual_texts(model))


class LearningCollection:
    """The learning hub, the key areas of work and our strategy, in every site language."""

    name = "learning"
    sources = (DATA_DIR.as_posix(), "hooks/iopcsite/collections/learning/templates")
    editor_schemas = (EditorSchema("learning-hub", Hub, FILES["hub"][0].as_posix()),
                      EditorSchema("key-areas", KeyAreas, FILES["key_areas"][0].as_posix()),
                      EditorSchema("strategy", Strategy, FILES["strategy"][0].as_posix()))

    def __init__(self) -> None:
        self.hub: Hub | None = None
        self.key_areas: KeyAreas | None = None
        self.strategy: Strategy | None = None
        self.documents: dict[str, YamlDocument] = {}
        self.languages: list[str] = []

    def load(self, data: SiteData, problems: ProblemList) -> None:
        self.languages = [language for language in data.languages if language != DEFAULT_LANGUAGE]
        for key, (path, model) in FILES.items():
            value, document = load_model_file(data.root / path, model, data.root, problems)
            setattr(self, key, value)
            if document is not None:
                self.documents[key] = document
        taxonomy = data.taxonomy
        if taxonomy is None:
            return
        if self.key_areas is not None:
            for index, area in enumerate(self.key_areas.key_areas):
                found = taxonomy.tag_problems("key_area", area.id, self.documents["key_areas"], ("key_areas", index, "id"))
                problems.extend(found)
            if any(area.id not in {term.id for term in taxonomy.key_areas} for area in self.key_areas.key_areas):
                self.key_areas = None  # reported above; nothing is planned from a wrong id
        if self.strategy is not None:
            for index, area in enumerate(self.strategy.areas):
                problems.extend(taxonomy.tag_problems("topic", area.topics, self.documents["strategy"],
                                                      ("areas", index, "topics")))

    def items(self) -> list[Item]:
        found = []
        for key, noun in (("hub", "learning hub"), ("key_areas", "key areas page"), ("strategy", "strategy page")):
            model = getattr(self, key)
            if model is not None:
                document = self.documents[key]
                found.append(Item(self.name, key, noun, key, document.file, 1, holds=(model,), translations=translation_states(
                    self.languages, {language: "complete" for language in self.languages if translated(model)})))
        return found

    def unreadable_paths(self) -> set[str]:
        return set()

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        return []

    def plan(self, content: SiteContent) -> Plan:
        plan = Plan()
        if None in (self.hub, self.key_areas, self.strategy):
            return plan
        sections = self._published_sections(content)
        for language, prefix in language_prefixes(content.config).items():
            say = translator(language)
            made = (([self._hub_page(content, language, prefix, say, sections)], self.hub),
                    (self._key_area_pages(content, plan, language, prefix, say), self.key_areas),
                    ([self._strategy_page(content, language, prefix, say)], self.strategy))
            for pages, model in made:
                (plan.pages if content.publishing.shows(model) else plan.held_back).extend(pages)
        if not self.publishes_key_areas(content):
            plan.files = []  # the key areas' feeds go with their pages
        return plan

    def publishes_key_areas(self, content: SiteContent) -> bool:
        """Whether this build shows the key areas pages (other collections link to them only then)."""
        return self.key_areas is not None and content.publishing.shows(self.key_areas)

    def _published_sections(self, content: SiteContent) -> set[str]:
        """The docs paths (English) of the hub's sections that are published: its own pages this build shows,
        and the pages the collections planned before this one publish (it is registered after them)."""
        own = {HUB_URI: self.hub, KEY_AREAS_URI: self.key_areas, STRATEGY_URI: self.strategy}
        return ({uri for uri, model in own.items() if content.publishing.shows(model)}
                | {page.base_uri for page in content.published.values()})

    def _page(self, content: SiteContent, uri: str, language: str, base_uri: str, title: str, description: str,
              body: str, complete: bool, in_menu: bool, feeds: tuple[FeedLink, ...] = ()) -> PlannedPage:
        """A page; one whose Welsh is not all written shows the frame's notice (its missing texts are in English)."""
        welsh_missing = language != DEFAULT_LANGUAGE and not complete
        notice = content.localiser(language).string("untranslated-notice") if welsh_missing else None
        markdown = framed_page({"title": title, "description": description}, body, notice=notice)
        return PlannedPage(uri, language, base_uri, TranslationStatus.missing if welsh_missing else TranslationStatus.complete,
                           title, None, markdown, self.name, in_menu=in_menu, feeds=feeds)

    def _hub_page(self, content: SiteContent, language: str, prefix: str, say: Say, sections: set[str]) -> PlannedPage:
        hub = self.hub
        entries = [{"title": entry.title.get(language), "text": entry.text.get(language), "link": docs_link(HUB_URI, entry.page)}
                   for entry in hub.entries if entry.page in sections]
        body = render_page(TEMPLATES, "hub.md", say=say, intro=[paragraph.get(language) for paragraph in hub.intro],
                           entries=entries, strategy=docs_link(HUB_URI, STRATEGY_URI))
        return self._page(content, prefix + HUB_URI, language, HUB_URI, hub.title.get(language), hub.description.get(language),
                          body, translated(hub), in_menu=True)

    def _key_area_pages(self, content: SiteContent, plan: Plan, language: str, prefix: str, say: Say) -> list[PlannedPage]:
        areas, taxonomy, local = self.key_areas, content.taxonomy, content.localiser(language)
        names = {area.id: taxonomy.term("key_area", area.id).name.get(language) for area in areas.key_areas}
        body = render_page(TEMPLATES, "key-areas.md", intro=areas.intro.get(language),
                           areas=[{"name": names[area.id], "summary": area.summary.get(language),
                                   "link": docs_link(KEY_AREAS_URI, key_area_uri(area.id))} for area in areas.key_areas])
        pages = [self._page(content, prefix + KEY_AREAS_URI, language, KEY_AREAS_URI, areas.title.get(language),
                            areas.description.get(language), body, translated(areas), in_menu=True)]
        org = content.config.organisation.name.get(language)
        for area in areas.key_areas:
            uri = key_area_uri(area.id)
            entries = tagged_entries(content, language, key_area=area.id)
            feed = FeedLink(say("key-area-feed-title", org=org, area=names[area.id]), key_area_feed(prefix, area.id))
            listed = [{"title": entry.title, "link": docs_link(prefix + uri, entry.uri),
                       "kind": say(f"kind-{entry.collection}") if f"kind-{entry.collection}" in KINDS else entry.collection,
                       "date": local.date(entry.date) if entry.date else say("date-not-published")} for entry in entries]
            body = render_page(TEMPLATES, "key-area.md", say=say, summary=area.summary.get(language),
                               focus=[point.get(language) for point in area.focus],
                               done=[point.get(language) for point in area.done], entries=listed,
                               feed=docs_link(uri, f"key-areas/{area.id}.xml"))
            pages.append(self._page(content, prefix + uri, language, uri, names[area.id], area.summary.get(language), body,
                                    translated(area), in_menu=False, feeds=(feed,)))
            plan.files.append(feed_file(content, Feed(
                feed.path, feed.title, say("key-area-feed-subtitle"), language, prefix + uri,
                tuple(FeedEntry(entry.uri.removesuffix(".md"), entry.title, entry.uri, entry.date, category=entry.topics)
                      for entry in entries if entry.date is not None))))
        return pages

    def _strategy_page(self, content: SiteContent, language: str, prefix: str, say: Say) -> PlannedPage:
        strategy, taxonomy, local = self.strategy, content.taxonomy, content.localiser(language)
        areas = [{"id": area.id, "title": area.title.get(language), "summary": area.summary.get(language),
                  "achieve": [point.get(language) for point in area.achieve],
                  "how": [point.get(language) for point in area.how],
                  "tags": [taxonomy.term("topic", topic).name.get(language) for topic in area.topics]}
                 for area in strategy.areas]
        body = render_page(TEMPLATES, "strategy.md", say=say, intro=[paragraph.get(language) for paragraph in strategy.intro],
                           first_published=local.date(strategy.first_published) if strategy.first_published
                           else say("date-not-published"), areas=areas,
                           commitments_intro=strategy.commitments_intro.get(language),
                           commitments=[point.get(language) for point in strategy.commitments], source=str(strategy.source))
        return self._page(content, prefix + STRATEGY_URI, language, STRATEGY_URI, strategy.title.get(language),
                          strategy.description.get(language), body, translated(strategy), in_menu=True)

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan


KINDS = {"kind-news", "kind-publications", "kind-recommendations", "kind-campaigns"}
