"""The questions collection: FAQ topics and their questions, published as a hub and one page per topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path
from iopcsite.collections.faqs.models import FaqFile, FaqTopic, FaqTopicList
from iopcsite.collections.faqs.questions import (FAQ_DIR, FAQ_HUB_URI, TOPICS_FILE, LoadedFaq, faq_jsonld,
                                                 faqs_by_topic, load_faqs, load_topics, render_hub_page,
                                                 render_topic_page, topic_page_uri, topic_text)
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.languages import language_prefixes
from iopcsite.config.site_config import organisation_values
from iopcsite.content.collection import AuthorText, EditorSchema, Item, Plan, PlannedPage, translation_states
from iopcsite.content.hold_banner import render_hold_banner

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

FAQ_URI_PREFIX = "faqs/"


class FaqCollection:
    """The FAQ topics (``faq-topics.yml``) and questions (``faqs/*.yml``)."""

    name = "faqs"
    sources = (TOPICS_FILE.as_posix(), FAQ_DIR.as_posix())
    editor_schemas = (EditorSchema("faq-topics", FaqTopicList, TOPICS_FILE.as_posix()),
                      EditorSchema("faq-file", FaqFile, f"{FAQ_DIR.as_posix()}/*.yml"))

    def __init__(self) -> None:
        self.topics: list[FaqTopic] = []
        self.questions: list[LoadedFaq] = []
        self.topic_lines: dict[str, int | None] = {}
        self.topics_file = TOPICS_FILE.as_posix()
        self.whole = True  # False when some questions did not load: links to their anchors cannot be judged
        self.languages: list[str] = []

    def load(self, data: SiteData, problems: ProblemList) -> None:
        self.languages = [language for language in data.languages if language != DEFAULT_LANGUAGE]
        topics, document = load_topics(data.root, problems)
        self.questions = load_faqs(data.root, topics, problems)
        self.topics = topics or []
        if document is not None:
            self.topics_file = document.file
            self.topic_lines = {topic.id: document.position(("topics", index))[0] for index, topic in enumerate(self.topics)}
        faq_dir = display_path(data.root / FAQ_DIR, data.root)
        self.whole = topics is not None and not any(problem.file.startswith(faq_dir) for problem in problems)

    def items(self) -> list[Item]:
        topics = [Item(self.name, f"topic:{topic.id}", "FAQ topic", topic.id, self.topics_file, self.topic_lines.get(topic.id),
                       translations=translation_states(self.languages, {language: translation.translation for
                                                                         language, translation in topic.translations.items()}))
                  for topic in self.topics]
        return topics + [self._question(item) for item in self.questions]

    def _question(self, item: LoadedFaq) -> Item:
        faq = item.faq
        return Item(self.name, faq.id, "question", faq.id, item.file, item.line, holds=(faq,), review=faq,
                    review_line=item.line,
                    translations=translation_states(self.languages, {language: translation.translation for
                                                                      language, translation in faq.translations.items()}),
                    texts=item.texts, links=item.links, anchors=((topic_page_uri(faq.topic), faq.id),))

    def unreadable_paths(self) -> set[str]:
        return set() if self.whole else {FAQ_URI_PREFIX}

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        return []

    def plan(self, content: SiteContent) -> Plan:
        """The hub and one page per topic, in every language, with each topic page's JSON-LD."""
        shown_ids = content.shown_ids(self.name)
        shown = [item for item in self.questions if item.faq.id in shown_ids]
        grouped = faqs_by_topic(shown, self.topics)
        texts = {item.faq.id: (AuthorText(item.faq.question, item.file, item.line, "question"), *item.texts)
                 for item in shown}
        plan = Plan()
        for language, prefix in language_prefixes(content.config).items():
            local = content.localiser(language)

            def banner(faq, local=local) -> str | None:
                return render_hold_banner(faq, content.publishing, local)

            values = organisation_values(content.config, language)
            plan.pages.append(PlannedPage(prefix + FAQ_HUB_URI, language, FAQ_HUB_URI, TranslationStatus.complete,
                                          local.string("faq-hub-title"), None,
                                          render_hub_page(self.topics, grouped, local), self.name))
            for topic in self.topics:
                base_uri = topic_page_uri(topic.id)
                questions = grouped[topic.id]
                plan.pages.append(PlannedPage(
                    prefix + base_uri, language, base_uri, TranslationStatus.complete, topic_text(topic, language)[0],
                    None, render_topic_page(topic, questions, local, prefix, banner), self.name,
                    jsonld=faq_jsonld(questions, language, values) if questions else None,
                    texts=tuple(text for faq in questions for text in texts[faq.id])))
        return plan

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan
