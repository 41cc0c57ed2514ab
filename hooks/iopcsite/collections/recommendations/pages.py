"""The recommendations pages, in one language: the register, a page per batch, and the pages that
narrow the register without JavaScript (per recipient, year, status and key area)."""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path

from iopcsite.config.localiser import Localiser
from iopcsite.config.taxonomy import Taxonomy
from iopcsite.content.page_templates import docs_link, framed_page, render_page

from iopcsite.collections.recommendations.models import Batch
from iopcsite.collections.recommendations.register import STATES, Recipient, Row
from iopcsite.collections.recommendations.strings import Words

TEMPLATES = Path(__file__).parent / "templates"
FOLDER = "recommendations"
REGISTER_URI = f"{FOLDER}/index.md"
RECIPIENTS_URI = f"{FOLDER}/recipients/index.md"
FILTER_DATA = f"{FOLDER}/filter.json"
FEED = f"{FOLDER}/feed.xml"
CSV_FILE = f"{FOLDER}/recommendations.csv"
JSON_FILE = f"{FOLDER}/recommendations.json"
SCRIPT = "assets/javascripts/recommendations-register.js"


def batch_uri(batch_id: str) -> str:
    return f"{FOLDER}/{batch_id}.md"


def recipient_uri(recipient_id: str) -> str:
    return f"{FOLDER}/recipients/{recipient_id}.md"


def year_uri(year: int) -> str:
    return f"{FOLDER}/{year}.md"


def status_uri(state: str) -> str:
    return f"{FOLDER}/status/{state}.md"


def key_area_uri(key_area: str) -> str:
    return f"{FOLDER}/key-areas/{key_area}.md"


@dataclass(frozen=True)
class PageText:
    """A page's title, description and Markdown."""

    title: str
    description: str
    markdown: str


class Pages:
    """Draws the pages of one language from the register's rows."""

    def __init__(self, language: str, local: Localiser, taxonomy: Taxonomy | None, prefix: str) -> None:
        self.language = language
        self.local = local
        self.words = Words(language)
        self.taxonomy = taxonomy
        self.prefix = prefix
        self.lang = "en" if language != "en" else None  # the records exist only in English

    # --- shared pieces --------------------------------------------------------------------

    def names(self, recipients: tuple[Recipient, ...]) -> str:
        written = [_in_sentence(("the " if recipient.kind == "body" and self.language == "en" else "")
                                + recipient.name(self.language)) for recipient in recipients]
        return self.words.joined(written)

    def state_label(self, state: str) -> str:
        return self.words(f"status-{state}")

    def state_detail(self, row: Row) -> str:
        clock, words = row.clock, self.words
        if clock.state == "due":
            left = words("last-day") if clock.days_left == 0 else (
                words("days-left-one") if clock.days_left == 1 else words("days-left-many", n=clock.days_left))
            return f"{words('due-by', date=self.local.date(clock.due))}, {left}"
        if clock.state == "overdue":
            return words("overdue-since", date=self.local.date(clock.overdue_since))
        return ""

    def heading(self, row: Row) -> str:
        return self.words("recommendation-to", n=row.recommendation.number, recipients=self.names(row.recipients))

    def row_entry(self, row: Row, from_uri: str) -> dict:
        return {"title": f"{row.batch.title}: {self.words('row-number', n=row.recommendation.number)}",
                "link": docs_link(from_uri, f"{self.prefix}{batch_uri(row.batch.id)}#{row.anchor}"),
                "lang": self.lang, "to": row.recommendation.heading or "", "status": self.state_label(row.clock.state),
                "detail": self.state_detail(row), "tbc": row.to_be_confirmed}

    def term_name(self, kind: str, term_id: str) -> str:
        terms = {term.id: term for term in self.taxonomy.terms(kind)} if self.taxonomy else {}
        return terms[term_id].name.get(self.language) if term_id in terms else term_id  # unknown: reported already

    def english_note(self) -> str | None:
        return self.words("english-only") if self.language != "en" else None

    def frame(self, title: str, description: str, body: str) -> PageText:
        return PageText(title, description, framed_page({"title": title, "description": description}, body))

    # --- the pages ------------------------------------------------------------------------

    def list_page(self, uri: str, title: str, intro: str, rows: list[Row], **extra) -> PageText:
        """A page listing recommendations: the register and every page that narrows it."""
        local_uri = self.prefix + uri
        context = {"intro": intro, "words": self.words, "english_note": self.english_note(), "figures": None,
                   "force_link": None, "browse": None, "filter_form": None, "list_title": self.words("all-title"),
                   "rows": [self.row_entry(row, local_uri) for row in rows], "batches_without_list": None,
                   "downloads": None, "more": False, "back": docs_link(local_uri, self.prefix + REGISTER_URI)}
        # The title first: the pages that narrow the register share their introductions.
        description = extra.pop("description", f"{title}. {intro}")
        context.update(extra)
        return self.frame(title, description, render_page(TEMPLATES, "list.md", **context))

    def batch_page(self, batch: Batch, rows: list[Row], recipients: tuple[Recipient, ...]) -> PageText:
        """A batch as the watchdog publishes it: dates, account, then each recommendation and its response."""
        words, local = self.words, self.local
        missing = {"text": words("not-published")}
        facts = [(words("published-label"), {"text": local.date(batch.published)} if batch.published else missing),
                 (words("reference-label"), {"text": batch.reference} if batch.reference else missing),
                 (words("date-made-label"), {"text": local.date(batch.date_made)} if batch.date_made else missing),
                 (words("date-due-label"), self._due_fact(batch, rows))]
        if batch.report:
            facts.append((words("report-label"), {"text": batch.report, "lang": self.lang}))
        if batch.origin:
            facts.append((words("origin-label"), {"text": batch.origin, "lang": self.lang}))
        if batch.total_recommendations:
            facts.append((words("total-label"), {"text": str(batch.total_recommendations)}))
        if batch.key_areas:
            facts.append((words("key-areas-label"), {"text": ", ".join(self.term_name("key_area", key)
                                                                       for key in batch.key_areas)}))
        if batch.topics:
            facts.append((words("topics-label"), {"text": ", ".join(self.term_name("topic", topic)
                                                                    for topic in batch.topics)}))
        if batch.note:
            facts.append((words("note-label"), {"text": batch.note, "lang": self.lang}))
        uri = self.prefix + batch_uri(batch.id)
        body = render_page(TEMPLATES, "batch.md", words=words, english_note=self.english_note(),
                           tbc=batch.status == "unverified", facts=facts, context=batch.context, lang=self.lang,
                           overall=[{"summary": response.summary, "source": response.source,
                                     "tbc": response.status == "unverified"} for response in batch.responses_overall],
                           recommendations=[self._recommendation(row) for row in rows],
                           first_source=batch.sources[0], sources=batch.sources,
                           back=docs_link(uri, self.prefix + REGISTER_URI))
        description = batch.context or batch.title
        return self.frame(batch.title, " ".join(description.split()[:30]), body)

    def _due_fact(self, batch: Batch, rows: list[Row]) -> dict:
        if batch.response_due:
            return {"text": self.local.date(batch.response_due)}
        if rows and rows[0].clock.due:
            return {"text": f"{self.local.date(rows[0].clock.due)} ({self.words('worked-out')})"}
        return {"text": self.words("not-published")}

    def _recommendation(self, row: Row) -> dict:
        recommendation, response, words = row.recommendation, row.recommendation.response, self.words
        outcome = (words(f"outcome-{response.outcome}") if response.outcome
                   else words("outcome-unknown") if response.summary else words("not-published"))
        return {"anchor": row.anchor, "heading": self.heading(row), "subheading": recommendation.heading,
                "text": recommendation.text, "complete": recommendation.text_complete is not False,
                "status": self.state_label(row.clock.state), "detail": self.state_detail(row),
                "late": words("published-late") if row.clock.published_late else None,
                "outcome": outcome, "tbc": not response.verified, "summary": response.summary,
                "cut_off": response.complete is False}

    def filter_form(self, data_path: str, from_uri: str) -> str:
        """The filter form: hidden until the register's script has loaded its data (progressive enhancement),
        which gives each list its choices, so a long list of forces costs the page nothing."""
        words = self.words
        escape = html.escape
        data_url = posixpath.relpath(data_path, posixpath.dirname(from_uri.removesuffix("index.md")) or ".")
        parts = [f'<form class="iopc-filters" id="recommendation-filters" role="search" hidden '
                 f'data-filter-data="{escape(data_url)}" aria-label="{escape(words("filter-title"))}">',
                 f'<h2>{escape(words("filter-title"))}</h2>',
                 '<div class="iopc-filter-field">',
                 f'<label for="filter-q">{escape(words("filter-words"))}</label>',
                 '<input type="search" id="filter-q" name="q" autocomplete="off">',
                 '</div>']
        labels = {"recipient": "filter-recipient", "key_area": "filter-key-area", "topic": "filter-topic",
                  "year": "filter-year", "status": "filter-status"}
        for name, key in labels.items():
            parts += ['<div class="iopc-filter-field">',
                      f'<label for="filter-{name}">{escape(words(key))}</label>',
                      f'<select id="filter-{name}" name="{name}">',
                      f'<option value="">{escape(words("filter-any"))}</option>']
            parts += ['</select>', '</div>']
        parts += ['<div class="iopc-chosen" hidden>',
                  f'<p>{escape(words("filter-chosen"))}</p>',
                  '<ul class="iopc-chosen-list"></ul>',
                  f'<button type="button" class="md-button iopc-clear">{escape(words("filter-clear"))}</button>',
                  '</div>',
                  f'<p class="iopc-count" role="status" aria-live="polite" aria-atomic="true" '
                  f'data-one="{escape(words("filter-count-one"))}" data-many="{escape(words("filter-count-many"))}" '
                  f'data-none="{escape(words("filter-count-none"))}" '
                  f'data-remove="{escape(words("filter-remove"))}" data-recommendation="{escape(words("row-number"))}" '
                  f'data-to="{escape(words("filter-recipient"))}"></p>',
                  '</form>']
        return "\n\n".join(parts)  # each element its own block: the readability check reads each label alone



def _in_sentence(name: str) -> str:
    """A name inside a sentence: Welsh 'Y Swyddfa Gartref' becomes 'y Swyddfa Gartref'."""
    return "y " + name[2:] if name.startswith("Y ") else name
