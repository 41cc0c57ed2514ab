"""The pages collection: the Markdown pages in ``docs/`` and their translations (``page.cy.md``).

English pages are published at the site root from the authors' files, which MkDocs
reads itself. Every other language is published under its prefix (``cy/``) from the
translation, or, while a page is untranslated, from the English text marked as
English under a notice in that language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE, SourcePage, discover_pages, load_pages
from iopcsite.collections.pages.models import PageMeta
from iopcsite.config.languages import localised_uri, other_languages
from iopcsite.content.collection import AuthorText, EditorSchema, Item, Plan, PlannedPage, translation_states
from iopcsite.content.page_templates import framed_page
from iopcsite.review_helpers.widgets import check_markers

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

DOCS_DIR = "docs"


class PagesCollection:
    """Every author page, in every language."""

    name = "pages"
    sources = ("docs",)
    editor_schemas = (EditorSchema("page", PageMeta, "docs/**/*.md (the front matter between the '---' lines)"),)

    def __init__(self) -> None:
        self.sources: dict[str, SourcePage] = {}
        self.unreadable: set[str] = set()  # pages with a problem of their own: links to them are not judged
        self.languages: list[str] = []

    def load(self, data: SiteData, problems: ProblemList) -> None:
        docs_dir = data.root / DOCS_DIR
        self.languages = [language for language in data.languages if language != DEFAULT_LANGUAGE]
        self.sources = load_pages(docs_dir, data.root, data.languages, problems)
        for page in self.sources.values():
            problems.extend(check_markers(page.body, page.file, page.body_line))
        self.unreadable = {path.relative_to(docs_dir).as_posix() for path in discover_pages(docs_dir)} - set(self.sources)

    def items(self) -> list[Item]:
        return [self._item(page) for page in self.sources.values()]

    def _item(self, page: SourcePage) -> Item:
        english = self.sources.get(page.base_uri, page)
        translations = {}
        if page.language == DEFAULT_LANGUAGE:
            translations = translation_states(self.languages, {
                language: translation.meta.translation or TranslationStatus.needs_review.value
                for language in self.languages if (translation := self.sources.get(translated_uri(page.src_uri, language)))})
        return Item(self.name, page.src_uri, "page", page.meta.title, page.file, None,
                    holds=(page.meta,) if english is page else (page.meta, english.meta),
                    held_with=None if english is page else page.base_uri,
                    review=page.meta, review_line=page.front.position(("review_by",))[0], translations=translations,
                    texts=_texts(page), anchors=((page.src_uri, ""),))

    def unreadable_paths(self) -> set[str]:
        return self.unreadable

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        return []

    def plan(self, content: SiteContent) -> Plan:
        shown_ids = content.shown_ids(self.name)
        shown = {uri: page for uri, page in self.sources.items() if uri in shown_ids}
        plan = Plan(pages=publish_pages(shown, content))
        plan.held_back = [PlannedPage(uri, page.language, page.base_uri, TranslationStatus.complete, page.meta.title, page)
                          for uri, page in self.sources.items() if uri not in shown]
        return plan

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan


def translated_uri(base_uri: str, language: str) -> str:
    """The author's file of a translation: ``review.md`` in Welsh is ``review.cy.md``."""
    return f"{base_uri[:-3]}.{language}.md"


def publish_pages(pages: dict[str, SourcePage], content: SiteContent) -> list[PlannedPage]:
    """Every page in every language: English from the authors' files, the rest generated."""
    english_pages = {uri: page for uri, page in pages.items() if page.language == DEFAULT_LANGUAGE}
    planned = [PlannedPage(uri, DEFAULT_LANGUAGE, uri, TranslationStatus.complete, page.meta.title, page,
                           texts=_texts(page), in_search=_in_search(page))
               for uri, page in english_pages.items()]
    for language in other_languages(content.config):
        notice = content.localiser(language).string("untranslated-notice")
        for base_uri, english in english_pages.items():
            uri = localised_uri(base_uri, language, content.config)
            translation = pages.get(translated_uri(base_uri, language))
            front = {"title": (translation or english).meta.title, "description": (translation or english).meta.description}
            if translation is None:
                planned.append(PlannedPage(uri, language, base_uri, TranslationStatus.missing, english.meta.title, english,
                                           framed_page(front, english.body, notice=notice, body_language=DEFAULT_LANGUAGE),
                                           texts=_texts(english), in_search=_in_search(english)))
            else:
                # A missing status is already reported as a problem; carry on so every other problem is found too.
                state = TranslationStatus(translation.meta.translation or TranslationStatus.needs_review)
                planned.append(PlannedPage(uri, language, base_uri, state, translation.meta.title, translation,
                                           framed_page(front, translation.body), texts=_texts(translation),
                                           in_search=_in_search(translation)))
    return planned


def _texts(page: SourcePage) -> tuple[AuthorText, ...]:
    return (AuthorText(page.body, page.file, page.body_line, None, page.base_uri),)


def _in_search(page: SourcePage) -> bool:
    return not (page.meta.search and page.meta.search.exclude)
