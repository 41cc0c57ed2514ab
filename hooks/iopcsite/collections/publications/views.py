"""A publication as one language shows it: its title, labels and dates in words, and where it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

from babel.dates import format_date

from iopcsite.config.localiser import BABEL_LOCALES, Localiser
from iopcsite.collections.publications.models import Publication, first_day, is_month
from iopcsite.content.page_templates import docs_link

FOLDER = "publications"
INDEX_URI = f"{FOLDER}/index.md"
TYPE_PAGES = {"focus": "focus", "learning-the-lessons": "learning-the-lessons",
              "consultation-response": "consultation-responses", "report": "reports"}


def item_uri(publication_id: str) -> str:
    """'publications/focus-issue-13.md': where a publication's page is, in English."""
    return f"{FOLDER}/{publication_id}.md"


def pdf_path(publication_id: str, prefix: str) -> str:
    """Its PDF, beside its page: 'publications/focus-issue-13.pdf', 'cy/publications/...'."""
    return f"{prefix}{FOLDER}/{publication_id}.pdf"


def type_uri(kind: str) -> str:
    return f"{FOLDER}/{TYPE_PAGES[kind]}.md"


def year_uri(year: int) -> str:
    return f"{FOLDER}/{year}.md"


def topic_uri(topic: str) -> str:
    return f"{FOLDER}/topics/{topic}.md"


def feed_path(prefix: str) -> str:
    return f"{prefix}{FOLDER}/feed.xml"


def written_date(value: str | None, local: Localiser) -> str | None:
    """'February 2020' for a month, '1 December 2021' for a day, in the reader's language."""
    if value is None:
        return None
    day = first_day(value)
    if is_month(value):
        return format_date(day, format="LLLL y", locale=BABEL_LOCALES[local.language])
    return local.date(day)


@dataclass(frozen=True)
class View:
    """One publication in one language."""

    publication: Publication
    language: str  # the site language of the page
    text_language: str  # the language its title, summary and body are written in
    title: str  # as a heading shows it: 'Focus issue 13: Handling complaints...'
    summary: str | None
    body: str | None
    kind: str  # 'Focus', 'Consultation response'
    published: str | None
    updated: str | None
    summary_language: str = "en"
    body_language: str = "en"

    @property
    def translated(self) -> bool:
        return self.text_language == self.language

    @property
    def sort_key(self) -> tuple:
        """Newest first; undated last; then the higher issue, then the title, so the order never changes."""
        published = self.publication.published
        return (published is None, -(first_day(published).toordinal() if published else 0),
                -(self.publication.issue or 0), self.title, self.publication.id)

    @property
    def date(self) -> dt.date | None:
        return first_day(self.publication.published) if self.publication.published else None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def unconfirmed(self) -> bool:
        return self.publication.status == "unverified"


def view(publication: Publication, language: str, local: Localiser) -> View:
    """What a reader of ``language`` sees of ``publication`` (English words where it is not translated)."""
    translation = publication.translations.get(language) if language != "en" else None
    text_language = language if translation is not None or language == "en" else "en"
    words = translation or publication
    title_words = local if text_language == language else _english(local)
    title = words.title
    if publication.series is not None:
        title = title_words.string("issue-title").format(series=title_words.string(f"type-{publication.series}"),
                                                         number=publication.issue, title=words.title)
    body_language = language if translation is not None and translation.body else "en"
    summary_language = language if translation is not None and translation.summary else "en"
    body = translation.body if body_language == language and translation is not None else publication.body
    summary = translation.summary if summary_language == language and translation is not None else publication.summary
    return View(publication, language, text_language, title, summary, body,
                local.string(f"type-{publication.type}"), written_date(publication.published, local),
                written_date(publication.updated, local), summary_language, body_language)


def _english(local: Localiser) -> Localiser:
    return Localiser("en", local._strings)


def source_name(url: str) -> str:
    """'policeconduct.gov.uk': a source link's words."""
    host = urlparse(str(url)).hostname or str(url)
    return host.removeprefix("www.")
