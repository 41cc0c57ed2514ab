"""FAQs written in YAML: loaded, checked, and rendered as topic pages with FAQPage JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import markdown
from pydantic import ValidationError

from .errors import ContentProblem, ProblemList, suggest
from .loading import load_model_file
from .localise import Localiser
from .markup import relocate_links, relocate_target
from .models import Faq, FaqFile, FaqTopic, FaqTopicList
from .site import DATA_DIR

FAQ_DIR = DATA_DIR / "faqs"
TOPICS_FILE = DATA_DIR / "faq-topics.yml"
FAQ_HUB_URI = "faqs/index.md"


@dataclass(frozen=True)
class LoadedFaq:
    """A FAQ with where it was written, for error messages."""

    faq: Faq
    file: str
    line: int


def topic_page_uri(topic_id: str) -> str:
    return f"faqs/{topic_id}.md"


def load_topics(root: Path, problems: ProblemList) -> list[FaqTopic] | None:
    """The FAQ topics, in the order authors listed them; None when the file has problems."""
    topics, document = load_model_file(root / TOPICS_FILE, FaqTopicList, root, problems)
    if topics is None:
        return None
    seen: dict[str, int] = {}
    for index, topic in enumerate(topics.topics):
        if topic.id in seen:
            line, column = document.position(("topics", index, "id"))
            problems.add(ContentProblem(document.file, line, column, f"topics[{index + 1}].id",
                                        f"the topic id '{topic.id}' is used twice.", "Give each topic its own id."))
        seen[topic.id] = index
    return list(topics.topics)


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
            item = LoadedFaq(faq, document.file, line)
            _check_topic(item, index, document, topic_ids, problems)
            if faq.id in first_seen:
                earlier = first_seen[faq.id]
                id_line, id_column = document.position(("faqs", index, "id"))
                problems.add(ContentProblem(document.file, id_line, id_column, f"faqs[{index + 1}].id",
                                            f"the id '{faq.id}' is already used in {earlier.file} line {earlier.line}.",
                                            "Give this question a new id; never change the id of a published question."))
                continue
            first_seen[faq.id] = item
            loaded.append(item)
    return loaded


def _valid_faqs(faq_file: FaqFile | None, document) -> list[tuple[int, Faq]]:
    """(index, question) for every valid question: all of them, or those that pass in a file with mistakes."""
    if faq_file is not None:
        return list(enumerate(faq_file.faqs))
    items = document.data.get("faqs") if document is not None and isinstance(document.data, dict) else None
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
    line, column = document.position(("faqs", index, "topic"))
    problems.add(ContentProblem(document.file, line, column, f"faqs[{index + 1}].topic",
                                f"there is no topic '{item.faq.topic}' in {TOPICS_FILE.as_posix()}.",
                                suggest(item.faq.topic, topic_ids) or f"Use one of: {', '.join(sorted(topic_ids))}."))


def faqs_by_topic(faqs: list[LoadedFaq], topics: list[FaqTopic]) -> dict[str, list[Faq]]:
    """FAQs grouped by topic, topics in author order, questions in file order."""
    grouped: dict[str, list[Faq]] = {topic.id: [] for topic in topics}
    for item in faqs:
        grouped.setdefault(item.faq.topic, []).append(item.faq)
    return grouped


def render_topic_page(topic: FaqTopic, faqs: list[Faq], local: Localiser,
                      banner: Callable[[Faq], str | None] = lambda faq: None) -> str:
    """The Markdown of one topic page: every question an h2 with its id as the anchor.

    ``banner`` gives the preview banner of a draft or embargoed question.
    """
    uri = topic_page_uri(topic.id)
    parts = [_front_matter(topic.title, topic.description), topic.description, ""]
    for faq in faqs:
        parts += [f"## {faq.question} {{#{faq.id}}}", ""]
        held_back = banner(faq)
        if held_back:
            parts += [held_back, ""]
        parts += [relocate_links(faq.answer.strip(), "index.md", uri), ""]
        if faq.related:
            links = ", ".join(f"[{link.text}]({relocate_target(link.link, 'index.md', uri)})" for link in faq.related)
            parts += [f"{local.string('faq-related')}: {links}", ""]
        parts += [f"*{local.string('last-reviewed')}: {local.date(faq.last_reviewed)}*{{ .iopc-reviewed }}", ""]
    return "\n".join(parts)


def render_hub_page(topics: list[FaqTopic], grouped: dict[str, list[Faq]], title: str, description: str) -> str:
    """The FAQ index: each topic with its questions linked to their anchors."""
    parts = [_front_matter(title, description), description, ""]
    for topic in topics:
        parts += [f"## [{topic.title}]({topic.id}.md) {{#{topic.id}}}", "", topic.description, ""]
        parts += [f"- [{faq.question}]({topic.id}.md#{faq.id})" for faq in grouped.get(topic.id, [])]
        parts.append("")
    return "\n".join(parts)


def _front_matter(title: str, description: str) -> str:
    return "---\n" + json.dumps({"title": title, "description": description}, ensure_ascii=False) + "\n---\n"


def faq_jsonld(faqs: list[Faq]) -> str:
    """schema.org FAQPage JSON-LD for a topic page, safe to place in a script element."""
    entities = [
        {
            "@type": "Question",
            "name": faq.question,
            "acceptedAnswer": {"@type": "Answer", "text": markdown.markdown(faq.answer)},
        }
        for faq in faqs
    ]
    data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).replace("</", "<\\/")
