"""A collection that exists only in the tests: notes, one page each, in every language.

It is all a new kind of content needs: a typed model, a template and this class.
Nothing outside this folder knows it; the contract tests register it through
``IOPC_EXTRA_COLLECTIONS`` and show that it gets drafts, embargoes, the Welsh
fallback, review dates, its schema, search entries and link checks.
"""

from __future__ import annotations

from pathlib import Path

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList, suggest
from iopcsite.authoring.model_files import load_model_file
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import (
    EditorSchema,
    Item,
    Plan,
    PlannedPage,
    model_texts,
    translation_states,
)
from iopcsite.content.page_templates import framed_page, render_page

from .models import Note, NoteFile

TEMPLATES = Path(__file__).parent / "templates"
FOLDER = "notes"


class NotesCollection:
    name = "notes"
    sources = (FOLDER,)
    editor_schemas = (EditorSchema("note-file", NoteFile, "notes/*.yml"),)

    def __init__(self) -> None:
        self.notes: list[tuple[Note, Item]] = []
        self.topic_lines: dict[str, int | None] = {}  # note id -> the line of its faq_topic

    def load(self, data, problems: ProblemList) -> None:
        others = [language for language in data.languages if language != "en"]
        for path in sorted((data.root / FOLDER).glob("*.yml")):
            notes, document = load_model_file(path, NoteFile, data.root, problems)
            for index, note in enumerate(notes.notes if notes else []):
                line, _ = document.position((FOLDER, index))
                self.topic_lines[note.id] = document.position((FOLDER, index, "faq_topic"))[0]
                self.notes.append((note, Item(
                    self.name, note.id, "note", note.id, document.file, line, holds=(note,), review=note,
                    review_line=line, texts=model_texts(note, document, (FOLDER, index), links_from=page_uri(note)),
                    translations=translation_states(others, {language: translation.translation
                                                             for language, translation in note.translations.items()}),
                    anchors=((page_uri(note), ""),))))

    def items(self) -> list[Item]:
        return [item for _, item in self.notes]

    def unreadable_paths(self) -> set[str]:
        return set()

    def check_references(self, content) -> list[ContentProblem]:
        """A note names an FAQ topic of the questions collection: one that exists."""
        topics = {topic.id for topic in content.collection("faqs").topics}
        return [ContentProblem(item.file, self.topic_lines[note.id], None, "faq_topic",
                               f"there is no FAQ topic '{note.faq_topic}'.",
                               suggest(note.faq_topic, topics) or f"Use one of: {', '.join(sorted(topics))}.")
                for note, item in self.notes if note.faq_topic and note.faq_topic not in topics]

    def plan(self, content) -> Plan:
        plan = Plan()
        for language, prefix in language_prefixes(content.config).items():
            local = content.localiser(language)
            for note, item in self.notes:
                translation = note.translations.get(language) if language != "en" else None
                title, body = (translation.title, translation.body) if translation else (note.title, note.body)
                fallback = language != "en" and translation is None
                markdown = framed_page({"title": title, "description": title},
                                       render_page(TEMPLATES, "note.md", body=body, reviewed=local.date(note.last_reviewed),
                                                   reviewed_label=local.string("last-reviewed")),
                                       notice=local.string("untranslated-notice") if fallback else None,
                                       body_language="en" if fallback else None)
                page = PlannedPage(prefix + page_uri(note), language, page_uri(note),
                                   TranslationStatus.missing if fallback else TranslationStatus.complete, title, None,
                                   markdown, self.name, in_menu=False, in_search=note.in_search, texts=item.texts)
                (plan.pages if content.shows(item) else plan.held_back).append(page)
        return plan

    def draw(self, content, plan: Plan) -> Plan:
        return plan


def page_uri(note: Note) -> str:
    return f"{FOLDER}/{note.id}.md"
