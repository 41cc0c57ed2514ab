"""FAQs written in YAML: loaded, checked, and rendered as topic pages with FAQPage JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import markdown
from pydantic import ValidationError

from iopcsite.authoring.errors import ProblemList, suggest
from iopcsite.authoring.markdown_text import (
    INLINE_LINK,
    relocate_links,
    relocate_target,
    substitute_placeholders,
)
from iopcsite.authoring.model_files import load_model_file
from iopcsite.authoring.yaml_source import YamlDocument
from iopcsite.collections.faqs.models import (
    Faq,
    FaqFile,
    FaqTopic,
    FaqTopicList,
    RelatedLink,
)
from iopcsite.config.localiser import Localiser
from iopcsite.content.collection import AuthorText, LinkRef, model_texts
from iopcsite.content.page_templates import framed_page, render_page
from iopcsite.config.site_config import DATA_DIR

FAQ_DIR = DATA_DIR / "faqs"
TOPICS_FILE = DATA_DIR / "faq-topics.yml"
FAQ_HUB_URI = "faqs/index.md"

# One converter for every answer: building a Markdown instance costs more than converting
# a short answer, and a large site has thousands of answers in each language.
_ANSWER_HTML = markdown.Markdown()


@dataclass(frozen=True)
class LoadedFaq:
    """A FAQ with where it was written, for error messages."""

    faq: Faq
    file: str
    line: int
    texts: tuple[AuthorText, ...] = ()  # the answers, in every language
    links: tuple[LinkRef, ...] = ()  # the related links, in every language


def topic_page_uri(topic_id: str) -> str:
    return f"faqs/{topic_id}.md"


def load_topics(root: Path, problems: ProblemList) -> tuple[list[FaqTopic] | None, YamlDocument | None]:
    """The FAQ topics, in the order authors listed them (None when the file has problems), and the file."""
    topics, document = load_model_file(root / TOPICS_FILE, FaqTopicList, root, problems)
    if topics is None:
        return None, document
    seen: dict[str, int] = {}
    for index, topic in enumerate(topics.topics):
        if topic.id in seen:
            problems.add(document.problem(("topics", index, "id"), f"the topic id '{topic.id}' is used twice.",
                                          "Give each topic its own id."))
        seen[topic.id] = index
    return list(topics.topics), document


def load_faqs(root: Path, topics: list[FaqTopic] | None, problems: ProblemList) -> list[LoadedFaq]:
    """Every FAQ from every file in ``docs/_data/faqs``; ids must be unique across files.

    In a file with a mistake, the questions that are right are still checked
    (topics, ids, links), so one run reports every problem.
    """
    topic_ids = {topic.id for topic in topics} if topics is not None else None
    loaded: list[LoadedFaq] = []
    first_seen: dict[str, LoadedFaq] = {}
    for path in sorted((root / FAQ_DIR).glob("*.yml")):
        faq_file, document = load_model_file(path, FaqFile, root, problems)
        for index, faq in _valid_faqs(faq_file, document):
            line, _ = document.position(("faqs", index))
            subject = f"in question '{faq.id}', "
            item = LoadedFaq(faq, document.file, line, model_texts(faq, document, ("faqs", index), subject),
                             _related_links(faq, document, index, subject))
            _check_topic(item, index, document, topic_ids, problems)
            if faq.id in first_seen:
                earlier = first_seen[faq.id]
                problems.add(document.problem(("faqs", index, "id"),
                                              f"the id '{faq.id}' is already used in {earlier.file} line {earlier.line}.",
                                              "Give this question a new id; never change the id of a published question."))
                continue
            first_seen[faq.id] = item
            loaded.append(item)
    return loaded


def _related_links(faq: Faq, document: YamlDocument, index: int, subject: str) -> tuple[LinkRef, ...]:
    """Every related link of a question, in every language, with its line."""
    links = []
    for loc, related in [(("faqs", index, "related"), faq.related)] + [
            (("faqs", index, "translations", language, "related"), translation.related or [])
            for language, translation in faq.translations.items()]:
        for number, link in enumerate(related):
            line, _ = document.position(loc + (number, "link"))
            links.append(LinkRef(link.link, document.file, line if line is not None else document.position(loc)[0],
                                 "related", subject=subject))
    return tuple(links)


def _valid_faqs(faq_file: FaqFile | None, document) -> list[tuple[int, Faq]]:
    """(index, question) for every valid question: all of them, or those that pass in a file with mistakes."""
    if faq_file is not None:
        return list(enumerate(faq_file.faqs))
    data = document.data if document is not None else None
    items = data.get("faqs") if isinstance(data, dict) else None
    valid = []
    for index, data in enumerate(items if isinstance(items, list) else []):
        try:
            valid.append((index, Faq.model_validate(data)))
        except ValidationError:
            continue  # already reported by the whole-file validation
    return valid


def _check_topic(item: LoadedFaq, index: int, document, topic_ids: set[str] | None, problems: ProblemList) -> None:
    if topic_ids is None or item.faq.topic in topic_ids:
        return
    problems.add(document.problem(("faqs", index, "topic"),
                                  f"there is no topic '{item.faq.topic}' in {TOPICS_FILE.as_posix()}.",
                                  suggest(item.faq.topic, topic_ids) or f"Use one of: {', '.join(sorted(topic_ids))}."))


def faqs_by_topic(faqs: list[LoadedFaq], topics: list[FaqTopic]) -> dict[str, list[Faq]]:
    """FAQs grouped by topic, topics in author order, questions in file order."""
    grouped: dict[str, list[Faq]] = {topic.id: [] for topic in topics}
    for item in faqs:
        grouped.setdefault(item.faq.topic, []).append(item.faq)
    return grouped


@dataclass(frozen=True)
class FaqText:
    """A FAQ's words in one language, or the English when it has no translation yet."""

    question: str
    answer: str
    related: list[RelatedLink]
    language: str


def faq_text(faq: Faq, language: str) -> FaqText:
    """The question, answer and related links a reader of ``language`` sees."""
    translation = faq.translations.get(language) if language != "en" else None
    if translation is None:
        return FaqText(faq.question, faq.answer, list(faq.related), "en")
    related = translation.related if translation.related is not None else faq.related
    return FaqText(translation.question, translation.answer, list(related), language)


def topic_text(topic: FaqTopic, language: str) -> tuple[str, str, str]:
    """(title, description, language of those words) for a topic."""
    translation = topic.translations.get(language) if language != "en" else None
    if translation is None:
        return topic.title, topic.description, "en"
    return translation.title, translation.description, language


TEMPLATES = Path(__file__).parent / "templates"


def render_topic_page(topic: FaqTopic, faqs: list[Faq], local: Localiser, prefix: str = "",
                      banner: Callable[[Faq], str | None] = lambda faq: None) -> str:
    """The Markdown of one topic page: every question an h2 with its id as the anchor.

    ``banner`` gives the preview banner of a draft or embargoed question.
    """
    uri = prefix + topic_page_uri(topic.id)
    written_from = prefix + "index.md"
    title, description, _ = topic_text(topic, local.language)
    texts = [faq_text(faq, local.language) for faq in faqs]
    entries = [{
        "id": faq.id,
        "question": text.question,
        "lang": text.language if text.language != local.language else None,
        "banner": banner(faq),
        "answer": relocate_links(text.answer.strip(), written_from, uri),
        "related": [{"text": link.text, "target": relocate_target(link.link, written_from, uri)} for link in text.related],
        "reviewed": local.date(faq.last_reviewed),
    } for faq, text in zip(faqs, texts)]
    untranslated = any(text.language != local.language for text in texts)
    body = render_page(TEMPLATES, "topic.md", description=description, entries=entries,
                       untranslated_notice=local.string("faq-untranslated-notice") if untranslated else None,
                       related_label=local.string("faq-related"), reviewed_label=local.string("last-reviewed"))
    return framed_page({"title": title, "description": description}, body)


def render_hub_page(topics: list[FaqTopic], grouped: dict[str, list[Faq]], local: Localiser) -> str:
    """The FAQ index: each topic with its questions linked to their anchors."""
    description = local.string("faq-hub-description")
    listed = []
    for topic in topics:
        title, topic_description, _ = topic_text(topic, local.language)
        questions = []
        for faq in grouped.get(topic.id, []):
            text = faq_text(faq, local.language)
            questions.append({"id": faq.id, "text": text.question,
                              "lang": text.language if text.language != local.language else None})
        listed.append({"id": topic.id, "title": title, "description": topic_description, "questions": questions})
    body = render_page(TEMPLATES, "hub.md", description=description, topics=listed)
    return framed_page({"title": local.string("faq-hub-title"), "description": description}, body)


def faq_jsonld(faqs: list[Faq], language: str, values: dict[str, str]) -> str:
    """schema.org FAQPage JSON-LD for a topic page, safe to place in a script element.
    Links become their words: a relative link means nothing outside the page."""
    entities = []
    for faq in faqs:
        text = faq_text(faq, language)
        answer = INLINE_LINK.sub(lambda match: match.group("text"), substitute_placeholders(text.answer, values, "", 1)[0])
        entities.append({
            "@type": "Question",
            "@id": f"#{faq.id}",
            "name": text.question,
            "inLanguage": text.language,
            "acceptedAnswer": {"@type": "Answer", "text": _ANSWER_HTML.reset().convert(answer)},
        })
    data = {"@context": "https://schema.org", "@type": "FAQPage", "inLanguage": language, "mainEntity": entities}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).replace("</", "<\\/")
