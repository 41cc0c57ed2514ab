"""The recommendations collection: the learning recommendations register, with a response clock.

Batches are ``docs/_data/recommendations/*.yml`` (one file each); recipients are forces (the forces
collection) or national bodies (``recommendation-bodies.yml``); the clock's rule and its cases are
``recommendation-clock.yml``. It publishes the register, a page per batch, recipient, year, status and
key area, downloads (CSV, JSON), the filter data the register's script reads, and Atom feeds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path
from iopcsite.config.languages import language_prefixes
from iopcsite.config.site_address import site_url, tag_authority
from iopcsite.content.page_templates import docs_link, md_line
from iopcsite.content.collection import EditorSchema, Item, Plan, PlannedFile, PlannedPage
from iopcsite.content.tagged import TaggedEntry
from iopcsite.feeds.atom import Feed, FeedLink, atom_feed

from iopcsite.collections.recommendations import files
from iopcsite.collections.recommendations.clock import CLOCK_FILE, ClockFile, load_clock
from iopcsite.collections.recommendations.loader import BATCH_DIR, BODIES_FILE, LoadedBatch, load_batches, load_bodies
from iopcsite.collections.recommendations.models import Batch, NationalBodyList
from iopcsite.collections.recommendations.pages import (CSV_FILE, FEED, FILTER_DATA, FOLDER, JSON_FILE, RECIPIENTS_URI,
                                                        REGISTER_URI,
                                                        SCRIPT, Pages, batch_uri, key_area_uri, recipient_uri,
                                                        status_uri, year_uri)
from iopcsite.collections.recommendations.register import (STATES, RecommendationStatus, Recipient, Recipients, Row,
                                                           batch_recipients, recipient_problems, register_rows)

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

FIRST_DAY = dt.date(2026, 1, 1)
REGISTER_NEWEST = 10  # rows the register's page lists itself; its script draws every match from filter.json  # 'updated' of a feed with no dated entry: fixed, so builds match


class RecommendationCollection:
    """Learning recommendations, batch by batch, and the replies to them."""

    name = "recommendations"
    sources = (BATCH_DIR.as_posix(), BODIES_FILE.as_posix(), CLOCK_FILE.as_posix(),
               "hooks/iopcsite/collections/recommendations/templates")
    editor_schemas = (EditorSchema("recommendation-batch", Batch, f"{BATCH_DIR.as_posix()}/*.yml"),
                      EditorSchema("recommendation-bodies", NationalBodyList, BODIES_FILE.as_posix()),
                      EditorSchema("recommendation-clock", ClockFile, CLOCK_FILE.as_posix()))

    def __init__(self) -> None:
        self.batches: list[LoadedBatch] = []
        self.bodies = []
        self.clock: ClockFile | None = None
        self.whole = True
        self.recipients: Recipients | None = None
        self._rows: list[Row] | None = None
        self._today: dt.date | None = None

    def load(self, data: SiteData, problems: ProblemList) -> None:
        self.bodies = load_bodies(data.root, problems)
        self.clock = load_clock(data.root, problems)
        self.batches, self.whole = load_batches(data.root, data.taxonomy, problems)
        self._today = data.publishing.today

    def items(self) -> list[Item]:
        return [Item(self.name, loaded.batch.id, "recommendation batch", loaded.batch.id, loaded.file, loaded.line,
                     holds=(loaded.batch,),
                     anchors=tuple((batch_uri(loaded.batch.id), f"recommendation-{item.number}")
                                   for item in loaded.batch.recommendations) + ((batch_uri(loaded.batch.id), ""),))
                for loaded in self.batches]

    def unreadable_paths(self) -> set[str]:
        return set() if self.whole else {f"{FOLDER}/"}

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        """Every recipient is a force or a national body."""
        self.recipients = Recipients(_forces(content), self.bodies)
        return recipient_problems(self.batches, self.recipients)

    # --- what other sections use ----------------------------------------------------------

    def rows(self, content: SiteContent) -> list[Row]:
        """Every shown recommendation, newest first, with its clock at the build's time."""
        if self._rows is None:
            if self.recipients is None:
                self.recipients = Recipients(_forces(content), self.bodies)
            shown = content.shown_ids(self.name)
            batches = [loaded.batch for loaded in self.batches if loaded.batch.id in shown]
            self._rows = register_rows(batches, self.recipients, self.clock.rule, content.publishing.today)
        return self._rows

    def recommendations_for(self, content: SiteContent, recipient_id: str) -> list[RecommendationStatus]:
        """Every recommendation made to a force (its key in forces.csv) or a body, newest first, with its status:
        for the force pages."""
        return [RecommendationStatus(row.batch.id, row.batch.title, row.recommendation.number,
                                     f"{batch_uri(row.batch.id)}#{row.anchor}", row.clock.state, row.clock.due,
                                     row.recommendation.response.outcome)
                for row in self.rows(content) if recipient_id in {recipient.id for recipient in row.recipients}]

    def force_page_section(self, content: SiteContent, force_key: str, language: str, page_uri: str) -> str | None:
        """The recommendations made to a force, each with its response status, as Markdown for the force's
        page at ``page_uri`` (collections/forces/recommendations.py asks for it); None when there are none."""
        found = [item for item in self.recommendations_for(content, force_key) if item.batch_id in content.shown_ids(self.name)]
        if not found:
            return None
        prefix = language_prefixes(content.config)[language]
        pages = Pages(language, content.localiser(language), content.taxonomy, prefix)
        words = pages.words
        lines = [f"- [{_in_english(md_line(item.batch_title), language)}: {md_line(words('row-number', n=item.number))}]"
                 f"({docs_link(page_uri, prefix + item.uri)}) ({md_line(pages.state_label(item.state))})"
                 for item in found]
        everything = docs_link(page_uri, prefix + recipient_uri(force_key))
        return "\n".join(lines) + f"\n\n[{md_line(words('force-page-all'))}]({everything})"

    def tagged_entries(self, content: SiteContent, language: str) -> list[TaggedEntry]:
        """Each shown batch, tagged with its key areas and topics, for the key area and topic pages."""
        prefix = language_prefixes(content.config)[language]
        shown = content.shown_ids(self.name)
        return [TaggedEntry(self.name, loaded.batch.title, prefix + batch_uri(loaded.batch.id), language,
                            loaded.batch.date_made or loaded.batch.published or _month_start(loaded.batch.month),
                            tuple(loaded.batch.key_areas), tuple(loaded.batch.topics))
                for loaded in self.batches if loaded.batch.id in shown]

    # --- the plan -------------------------------------------------------------------------

    def plan(self, content: SiteContent) -> Plan:
        plan = Plan()
        if self.clock is None:
            return plan
        rows = self.rows(content)
        shown = [loaded.batch for loaded in self.batches if loaded.batch.id in content.shown_ids(self.name)]
        recipients = _recipients_in(rows, shown, self.recipients)
        force_pages = _force_pages(content)
        held = [loaded.batch for loaded in self.batches if loaded.batch.id not in content.shown_ids(self.name)]
        for language, prefix in language_prefixes(content.config).items():
            pages = Pages(language, content.localiser(language), content.taxonomy, prefix)
            plan.pages += self._language_pages(content, pages, rows, shown, recipients, force_pages)
            # Known but not built, so a link to a held-back batch is named as such.
            plan.held_back += [PlannedPage(prefix + batch_uri(batch.id), language, batch_uri(batch.id),
                                           TranslationStatus.complete, batch.title, collection=self.name)
                               for batch in held]
            plan.files += self._feeds(content, pages, rows, recipients)
            key_areas, topics = _used(content, "key_area", shown), _used(content, "topic", shown)
            labels = {"r": [recipient.name(language) for recipient in recipients],
                      "k": [pages.term_name("key_area", key) for key in key_areas],
                      "t": [pages.term_name("topic", topic) for topic in topics],
                      "s": [pages.state_label(state) for state in STATES]}
            plan.files.append(PlannedFile(prefix + FILTER_DATA, language, files.filter_data(
                rows, [recipient.id for recipient in recipients], key_areas, topics, labels)))
        # Each language is built on its own, so each has its copy of the language-neutral files (same bytes).
        neutral = self._downloads(content, rows, recipients)
        for language, prefix in language_prefixes(content.config).items():
            plan.files += [PlannedFile(prefix + planned.path, language, planned.content) for planned in neutral]
        return plan

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        return plan

    def _language_pages(self, content, pages: Pages, rows: list[Row], shown: list[Batch],
                        recipients: list[Recipient], force_pages: set[str]) -> list[PlannedPage]:
        words, prefix, language = pages.words, pages.prefix, pages.language
        planned = []

        def add(uri: str, text, in_menu: bool = False, feeds=(), scripts=(), in_search: bool = False) -> None:
            # Only the register and the batches go in the search index: the other pages list the same records.
            planned.append(PlannedPage(prefix + uri, language, uri, TranslationStatus.complete, text.title, None,
                                       text.markdown, self.name, in_menu=in_menu, in_search=in_search, feeds=feeds,
                                       scripts=scripts))

        feed = (FeedLink(words("feed-title"), prefix + FEED),)
        years = sorted({row.year for row in rows}, reverse=True)
        key_areas = _used(content, "key_area", shown)
        register = prefix + REGISTER_URI
        recipient_links = [{"text": recipient.name(language), "target": docs_link(register, prefix + recipient_uri(recipient.id))}
                           for recipient in recipients]
        browse = [
            {"title": words("browse-recipient"), "links": [{"text": words("recipients-title"),
                                                            "target": docs_link(register, prefix + RECIPIENTS_URI)}]},
            {"title": words("browse-year"), "links": [{"text": str(year), "target": docs_link(register, prefix + year_uri(year))}
                                                      for year in years]},
            {"title": words("browse-status"), "links": [{"text": pages.state_label(state),
                                                         "target": docs_link(register, prefix + status_uri(state))}
                                                        for state in STATES]},
            {"title": words("browse-key-area"), "links": [{"text": pages.term_name("key_area", key),
                                                           "target": docs_link(register, prefix + key_area_uri(key))}
                                                          for key in key_areas]},
        ]
        listed = {row.batch.id for row in rows}
        unlisted = [{"title": batch.title, "link": docs_link(register, prefix + batch_uri(batch.id)), "lang": pages.lang}
                    for batch in sorted(shown, key=lambda batch: (batch.month, batch.id), reverse=True)
                    if batch.id not in listed]
        downloads = [{"text": words("download-csv"), "target": docs_link(register, prefix + CSV_FILE)},
                     {"text": words("download-json"), "target": docs_link(register, prefix + JSON_FILE)},
                     {"text": words("feed-link"), "target": docs_link(register, prefix + FEED)}]
        newest = rows[:REGISTER_NEWEST]
        add(REGISTER_URI, pages.list_page(REGISTER_URI, words("register-title"), words("register-intro"), newest,
                                          list_title=words("newest-title", n=len(newest)) if len(rows) > len(newest)
                                          else words("all-title"),
                                          browse=browse, filter_form=pages.filter_form(prefix + FILTER_DATA, register),
                                          batches_without_list=unlisted, downloads=downloads, back=None,
                                          more=len(rows) > len(newest), description=words("register-description")),
            in_menu=True, feeds=feed, scripts=(SCRIPT,), in_search=True)
        add(RECIPIENTS_URI, pages.list_page(RECIPIENTS_URI, words("recipients-title"), words("recipients-intro"), [],
                                            browse=[{"title": words("browse-recipient"), "links": [
                                                {**entry, "target": docs_link(prefix + RECIPIENTS_URI, prefix + recipient_uri(
                                                    recipient.id))} for entry, recipient in zip(recipient_links, recipients)]}],
                                            list_title=None))
        by_batch = defaultdict(list)
        for row in rows:
            by_batch[row.batch.id].append(row)
        for batch in shown:
            add(batch_uri(batch.id), pages.batch_page(batch, by_batch[batch.id], batch_recipients(batch, self.recipients)),
                feeds=feed, in_search=True)  # a search fetches only what its words need, so every batch can be in it
        for recipient in recipients:
            add(recipient_uri(recipient.id), self._recipient_page(pages, recipient, rows, force_pages),
                feeds=(FeedLink(words("feed-recipient-title", name=recipient.name(language)),
                                prefix + recipient_uri(recipient.id)[:-3] + ".xml"),))
        for year in years:
            add(year_uri(year), pages.list_page(year_uri(year), words("year-title", year=year),
                                                words("year-intro", year=year), [row for row in rows if row.year == year]))
        for state in STATES:
            add(status_uri(state), pages.list_page(status_uri(state), pages.state_label(state), words("status-intro"),
                                                   [row for row in rows if row.clock.state == state]))
        for key in key_areas:
            add(key_area_uri(key), pages.list_page(key_area_uri(key), words("key-area-title",
                                                                            name=pages.term_name("key_area", key)),
                                                   words("key-area-intro"),
                                                   [row for row in rows if key in row.batch.key_areas]))
        return planned

    def _recipient_page(self, pages: Pages, recipient: Recipient, rows: list[Row], force_pages: set[str]):
        words, language, prefix = pages.words, pages.language, pages.prefix
        own = [row for row in rows if recipient in row.recipients]
        uri = prefix + recipient_uri(recipient.id)
        name = recipient.name(language)
        force_uri = f"forces/{recipient.id}.md"
        force_link = ({"text": words("recipient-force-page", name=name), "target": docs_link(uri, prefix + force_uri)}
                      if recipient.kind == "force" and force_uri in force_pages else None)
        figures = [(words("recipient-count"), str(len(own))),
                   (words("recipient-on-time"), _share(words, *on_time(own))),
                   (words("recipient-accepted"), _share(words, *accepted(own)))]
        downloads = [{"text": words("download-recipient-csv"), "target": docs_link(uri, prefix + recipient_uri(recipient.id)[:-3] + ".csv")},
                     {"text": words("download-recipient-json"), "target": docs_link(uri, prefix + recipient_uri(recipient.id)[:-3] + ".json")},
                     {"text": words("feed-link"), "target": docs_link(uri, prefix + recipient_uri(recipient.id)[:-3] + ".xml")}]
        return pages.list_page(recipient_uri(recipient.id), words("recipient-title", name=name),
                               words("recipient-intro", name=name), own,
                               figures=figures, force_link=force_link, downloads=downloads)

    def _downloads(self, content: SiteContent, rows: list[Row], recipients: list[Recipient]) -> list[PlannedFile]:
        site = site_url(content.root)
        planned = []
        everything = files.download_rows(rows, site + FOLDER + "/")
        planned += [PlannedFile(CSV_FILE, "en", files.csv_bytes(everything)),
                    PlannedFile(JSON_FILE, "en", files.json_bytes(everything, "Learning recommendations"))]
        for recipient in recipients:
            own = [row for row in everything if row["recipient_id"] == recipient.id]
            base = recipient_uri(recipient.id)[:-3]
            planned += [PlannedFile(base + ".csv", "en", files.csv_bytes(own)),
                        PlannedFile(base + ".json", "en", files.json_bytes(own, f"Learning recommendations to {recipient.name_en}"))]
        return planned

    def _feeds(self, content, pages: Pages, rows: list[Row], recipients: list[Recipient]) -> list[PlannedFile]:
        words, prefix, language = pages.words, pages.prefix, pages.language

        def entries(selected: list[Row]):
            return files.feed_entries(
                selected, lambda row: f"{prefix}{batch_uri(row.batch.id)}#{row.anchor}",
                lambda row: words("feed-recommendation", n=row.recommendation.number, title=row.batch.title),
                lambda row: words("feed-response", n=row.recommendation.number, title=row.batch.title))

        feeds = [Feed(prefix + FEED, words("feed-title"), words("feed-subtitle"), language, prefix + REGISTER_URI,
                      entries(rows))]
        for recipient in recipients:
            name = recipient.name(language)
            feeds.append(Feed(prefix + recipient_uri(recipient.id)[:-3] + ".xml", words("feed-recipient-title", name=name),
                              words("recipient-intro", name=name), language, prefix + recipient_uri(recipient.id),
                              entries([row for row in rows if recipient in row.recipients])))
        authority = tag_authority(content.config)
        author = content.config.organisation.name.get(language)
        return [PlannedFile(feed.path, language, atom_feed(feed, site_url(content.root), authority, author, FIRST_DAY))
                for feed in feeds]


def on_time(rows: list[Row]) -> tuple[int, int]:
    """(answered by the due date, recommendations whose received date and due date are both published)."""
    known = [row for row in rows if row.recommendation.response.received and row.clock.due]
    return sum(row.recommendation.response.received <= row.clock.due for row in known), len(known)


def accepted(rows: list[Row]) -> tuple[int, int]:
    """(accepted, recommendations whose outcome is published)."""
    known = [row for row in rows if row.recommendation.response.outcome]
    return sum(row.recommendation.response.outcome == "accepted" for row in known), len(known)


def _share(words, part: int, whole: int) -> str:
    if whole == 0:
        return words("not-published")
    return words("share-of", part=part, whole=whole, percent=round(100 * part / whole))


def _forces(content: SiteContent):
    return next((collection for collection in content.collections if collection.name == "forces"), None)


def _force_pages(content: SiteContent) -> set[str]:
    """The force pages published (the forces collection is planned before this one), so no link is dead."""
    return {page.base_uri for page in content.published.values() if page.collection == "forces"}


def _recipients_in(rows: list[Row], batches: list[Batch], recipients: Recipients) -> list[Recipient]:
    """Every recipient named by a shown batch or recommendation, by English name."""
    found = {recipient.id: recipient for row in rows for recipient in row.recipients}
    for batch in batches:
        found.update({recipient.id: recipient for recipient in batch_recipients(batch, recipients)})
    return sorted(found.values(), key=lambda recipient: recipient.name_en)


def _used(content: SiteContent, kind: str, batches: list[Batch]) -> list[str]:
    """The key areas (or topics) the shown batches use, in the taxonomy's order."""
    used = {tag for batch in batches for tag in (batch.key_areas if kind == "key_area" else batch.topics)}
    terms = content.taxonomy.terms(kind) if content.taxonomy else []
    return [term.id for term in terms if term.id in used]


def _in_english(text: str, language: str) -> str:
    """A batch's own words (English only) marked as English on a page in another language."""
    return text if language == "en" else f'<span lang="en">{text}</span>'


def _month_start(month: str) -> dt.date:
    year, number = month.split("-")
    return dt.date(int(year), int(number), 1)
