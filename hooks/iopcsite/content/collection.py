"""The collection contract: what every kind of content gives the rest of the pipeline.

A kind of content (pages, questions, campaigns; later news, publications or police
forces) is one folder under ``collections/``: its typed model, its templates, its
checks, and one class that implements ``Collection``. Registering it is one line in
``content/registry.py``. The generic code then does the rest for every collection
alike, knowing nothing of what the items are:

- holds back drafts and embargoes (``Item.holds``), and lists them in ``make check``;
- lists items past their ``review_by`` date (``Item.review``);
- counts translations per language (``Item.translations``);
- checks links, placeholders, HTML and plain English in every author Markdown text
  (``Item.texts``, found in the models by the ``Markdown`` field type);
- writes the editors' JSON Schemas (``Collection.editor_schemas``);
- publishes the planned pages, each in the menu or not, in search or not, with its
  JSON-LD and the feeds it announces (``PlannedPage``), and the planned files (``PlannedFile``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel

from iopcsite.authoring.base_models import TranslationStatus, markdown_fields, strings_in
from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.authoring.publishing import Holdable
from iopcsite.authoring.yaml_source import YamlDocument, field_name
from iopcsite.feeds.atom import FeedLink

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData


class Reviewed(Protocol):
    """Anything with review dates."""

    last_reviewed: dt.date
    review_by: dt.date


@dataclass(frozen=True)
class AuthorText:
    """Markdown an author wrote, with where it is, so every check can point at the line to change."""

    text: str
    file: str
    line: int | None  # the file line of the text's first line
    field: str | None = None
    links_from: str = "index.md"  # the docs path its relative links are written from
    exact_lines: bool = True  # False where lines inside the text cannot be told apart in the file
    subject: str = ""  # what the text belongs to, for messages: "in question 'x', "

    def line_of(self, line_in_text: int) -> int | None:
        """The file line of line ``line_in_text`` (1-based) of the text."""
        if self.line is None:
            return None
        return self.line + line_in_text - 1 if self.exact_lines else self.line


@dataclass(frozen=True)
class LinkRef:
    """A link an author wrote in a field of its own (a related link), with where it is."""

    target: str
    file: str
    line: int | None
    field: str | None
    links_from: str = "index.md"
    subject: str = ""


@dataclass(frozen=True)
class Item:
    """One thing an author wrote (a page, a question, a campaign), as the generic code sees it."""

    collection: str
    id: str
    noun: str  # 'page', 'question', 'campaign': for messages
    name: str  # 'Ask for a review', 'can-i-complain'
    file: str
    line: int | None
    holds: tuple[Holdable, ...] = ()  # every model whose draft or embargo keeps this item back
    held_with: str | None = None  # what it is held back with, when not held back by itself
    review: Reviewed | None = None
    review_line: int | None = None
    translations: Mapping[str, TranslationStatus] = field(default_factory=dict)  # language -> status
    texts: tuple[AuthorText, ...] = ()
    links: tuple[LinkRef, ...] = ()
    anchors: tuple[tuple[str, str], ...] = ()  # (docs path, anchor) where the item shows, for links to it

    @property
    def key(self) -> tuple[str, str]:
        return self.collection, self.id

    def described(self) -> str:
        """'question 'can-i-complain'', for messages."""
        return f"{self.noun} '{self.name}'"


@dataclass(frozen=True)
class PlannedPage:
    """A page the site publishes, in one language, decided before anything is drawn."""

    uri: str  # where it is published, as a docs path: 'cy/faqs/reviews.md'
    language: str
    base_uri: str  # the English page's docs path
    status: TranslationStatus
    title: str
    source: object | None = None  # the author's page file (collections.pages.loader.SourcePage), if any
    markdown: str | None = None  # generated Markdown (None: MkDocs reads the author's file itself)
    collection: str = "pages"
    jsonld: str | None = None
    in_menu: bool = True
    in_search: bool = True
    texts: tuple[AuthorText, ...] = ()  # the author texts it shows, so a problem points at its file
    feeds: tuple[FeedLink, ...] = ()  # the feeds this page announces in its <head>
    scripts: tuple[str, ...] = ()  # script files (site paths under docs/) only this page loads, deferred

    @property
    def is_fallback(self) -> bool:
        """True when this page shows the English text because no translation exists."""
        return self.status is TranslationStatus.missing


@dataclass
class PlannedFile:
    """A file the site publishes besides pages: a download, an image, a feed, a data file."""

    path: str
    language: str
    content: bytes | str | None = None  # None until it is drawn (make check never draws)


@dataclass
class Plan:
    """What one collection publishes: its pages, the pages it holds back, and its files; and what
    ``make check`` warns about in it."""

    pages: list[PlannedPage] = field(default_factory=list)
    held_back: list[PlannedPage] = field(default_factory=list)
    files: list[PlannedFile] = field(default_factory=list)
    summary: str = ""  # for the build log, such as how many products were drawn
    summary_when_kept: str = ""  # the same for a later build that reuses this content: nothing drawn again
    warnings: list[ContentProblem] = field(default_factory=list)  # for make check: worth fixing, stops nothing


@dataclass(frozen=True)
class EditorSchema:
    """An editor JSON Schema: its name (``schemas/NAME.schema.json``), model and the files it describes."""

    name: str
    model: type[BaseModel]
    files: str


class Collection(Protocol):
    """A kind of content. The generic code calls these, in this order, for every registered one.

    ``load`` reads and checks the collection's own files; ``items`` gives what the generic
    checks loop over; ``unreadable_paths`` names the docs paths (a folder when it ends in '/')
    whose files had problems, so links to them are not judged; ``check_references`` checks what it names in other collections;
    ``plan`` decides every page and file (cheap and deterministic: ``make check`` stops
    there); ``draw`` makes what is expensive (PDFs, images) for ``make build``.
    """

    name: str
    sources: tuple[str, ...]  # the files and folders it reads, from the project folder: a change to them is a change
    editor_schemas: tuple[EditorSchema, ...]

    def load(self, data: SiteData, problems: ProblemList) -> None: ...

    def items(self) -> list[Item]: ...

    def unreadable_paths(self) -> set[str]: ...

    def check_references(self, content: SiteContent) -> list[ContentProblem]: ...

    def plan(self, content: SiteContent) -> Plan: ...

    def draw(self, content: SiteContent, plan: Plan) -> Plan: ...


def model_texts(model: BaseModel, document: YamlDocument, loc: tuple[str | int, ...], subject: str = "",
                links_from: str = "index.md") -> tuple[AuthorText, ...]:
    """Every ``Markdown`` field of ``model`` (found at ``loc`` in ``document``) as an author text."""
    texts = []
    for where, text in markdown_fields(model, loc):
        line, _ = document.position(where)
        block = line is not None and _is_block(document, where)
        texts.append(AuthorText(text, document.file, line + 1 if block else line, field_name(where), links_from,
                                exact_lines=block, subject=subject))
    return tuple(texts)


def written_texts(document: YamlDocument, loc: tuple[str | int, ...], subject: str = "") -> tuple[AuthorText, ...]:
    """Every text written under ``loc`` in ``document``, Markdown or not, as author texts: the words a
    generated page shows, so a problem in them (a long sentence) points at the line to change."""
    node = document.data
    for key in loc:
        node = node[key]
    texts = []
    for where, text in strings_in(node, loc):
        line, _ = document.position(where)
        block = line is not None and _is_block(document, where)
        texts.append(AuthorText(text, document.file, line + 1 if block else line, field_name(where),
                                exact_lines=block, subject=subject))
    return tuple(texts)


def _is_block(document: YamlDocument, loc: tuple[str | int, ...]) -> bool:
    """Whether the text at ``loc`` is a '|' or '>' block, which starts on the line after its key."""
    node = document.tree
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return False
    return type(node).__name__ in ("LiteralScalarString", "FoldedScalarString")


def translation_states(languages: Iterable[str], translated: Mapping[str, str]) -> dict[str, TranslationStatus]:
    """Each language's status, from the translations an item has ('missing' for the rest)."""
    return {language: TranslationStatus(translated[language]) if language in translated else TranslationStatus.missing
            for language in languages}
