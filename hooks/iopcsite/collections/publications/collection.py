"""The publications collection: Focus, Learning the Lessons, consultation responses and reports.

One file per series in ``docs/_data/publications/``. Every publication gets a page that says
what is known of it and links its sources; one with a body also gets a PDF drawn from the
same text. Lists: all (newest first), one per type, year and topic, and an Atom feed per language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.collections.publications import pdf
from iopcsite.collections.publications.feed import feed_bytes, feed_link, publications_feed
from iopcsite.config.site_address import site_url, tag_authority
from iopcsite.collections.publications.loader import PUBLICATIONS_DIR, LoadedPublication, load_publications
from iopcsite.collections.publications.models import PublicationFile
from iopcsite.collections.publications.pages import Download, file_size, item_page, list_pages, render_list
from iopcsite.collections.publications.strings import localiser
from iopcsite.collections.publications.views import INDEX_URI, View, item_uri, pdf_path, view
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import (EditorSchema, Item, Plan, PlannedFile, PlannedPage, model_texts,
                                         translation_states)
from iopcsite.content.hold_banner import render_hold_banner
from iopcsite.content.tagged import TaggedEntry
from iopcsite.content.page_templates import docs_link

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData


class PublicationCollection:
    """Every publication, in every site language."""

    name = "publications"
    sources = (PUBLICATIONS_DIR.as_posix(),)
    editor_schemas = (EditorSchema("publication-file", PublicationFile, f"{PUBLICATIONS_DIR.as_posix()}/*.yml"),)

    def __init__(self) -> None:
        self.publications: list[LoadedPublication] = []
        self.languages: list[str] = []

    def load(self, data: SiteData, problems: ProblemList) -> None:
        self.languages = [language for language in data.languages if language != DEFAULT_LANGUAGE]
        self.publications = load_publications(data.root, data.taxonomy, problems)

    def items(self) -> list[Item]:
        return [self._item(loaded) for loaded in self.publications]

    def _item(self, loaded: LoadedPublication) -> Item:
        p = loaded.publication
        return Item(self.name, p.id, "publication", p.id, loaded.file, loaded.line, holds=(p,),
                    translations=translation_states(self.languages, {language: translation.translation for
                                                                     language, translation in p.translations.items()}),
                    texts=model_texts(p, loaded.document, loaded.loc, f"in publication '{p.id}', ", item_uri(p.id)),
                    anchors=((item_uri(p.id), ""),))

    def unreadable_paths(self) -> set[str]:
        return set()

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        return []

    def shown(self, content: SiteContent) -> list[LoadedPublication]:
        """The publications this build shows (drafts and embargoes only in a preview)."""
        ids = content.shown_ids(self.name)
        return [loaded for loaded in self.publications if loaded.publication.id in ids]

    def views(self, content: SiteContent, language: str) -> list[tuple[LoadedPublication, View]]:
        local = localiser(language)
        return [(loaded, view(loaded.publication, language, local)) for loaded in self.shown(content)]

    def tagged_entries(self, content: SiteContent, language: str) -> list[TaggedEntry]:
        """Every shown publication in ``language``, with its key area and topics."""
        prefix = language_prefixes(content.config)[language]
        return [TaggedEntry(self.name, v.title, prefix + item_uri(v.publication.id), language, v.date,
                            (v.publication.key_area,) if v.publication.key_area else (), tuple(v.publication.topics))
                for _, v in self.views(content, language)]

    def plan(self, content: SiteContent) -> Plan:
        """Every page and file; PDFs named, with the sizes of those the cache holds already."""
        jobs = self._pdf_jobs(content)
        cache = pdf.cache_for(content.root)
        pdfs = {job.key: render.files["pdf"] for job in jobs.values() if (render := cache.get(job.key)) is not None}
        plan = Plan()
        url = site_url(content.root)
        for language, prefix in language_prefixes(content.config).items():
            self._plan_language(content, plan, language, prefix, jobs, pdfs, url)
        return plan

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        """The plan with every PDF drawn (or taken from the render cache), and the pages that offer one
        written again with its size: nothing else changes."""
        jobs = self._pdf_jobs(content)
        pdfs, drawn = pdf.draw_all(list(jobs.values()), pdf.cache_for(content.root))
        drawn_plan = Plan(summary=f"publication PDFs: {drawn} drawn, {len(pdfs) - drawn} from cache",
                          summary_when_kept=f"publication PDFs: 0 drawn, {len(pdfs)} from cache")
        with_pdf = {self._page_uri(content, language, publication_id) for language, publication_id in jobs}
        drawn_plan.held_back = plan.held_back
        drawn_plan.files = [planned for planned in plan.files if not planned.path.endswith(".pdf")]
        drawn_plan.pages = [page for page in plan.pages if page.uri not in with_pdf]
        by_id = {loaded.publication.id: loaded for loaded in self.publications}
        for (language, publication_id), job in jobs.items():
            loaded = by_id[publication_id]
            v = view(loaded.publication, language, localiser(language))
            page, planned = self._item_page(content, loaded, v, language_prefixes(content.config)[language], job, pdfs)
            drawn_plan.pages.append(page)
            drawn_plan.files.append(planned)
        return drawn_plan

    def _page_uri(self, content: SiteContent, language: str, publication_id: str) -> str:
        return language_prefixes(content.config)[language] + item_uri(publication_id)

    def _pdf_jobs(self, content: SiteContent) -> dict[tuple[str, str], pdf.PdfJob]:
        """The PDF of every shown publication with a body, in every site language, by (language, id).
        A page shown in English for want of a translation offers the English PDF (the same job)."""
        url = site_url(content.root)
        org = content.config.organisation
        jobs: dict[tuple[str, str], pdf.PdfJob] = {}
        made: dict[tuple[str, str], pdf.PdfJob] = {}
        for language in language_prefixes(content.config):
            for loaded, v in self.views(content, language):
                if v.body:
                    key = (v.body_language, loaded.publication.id)
                    if key not in made:
                        local = localiser(v.body_language)
                        made[key] = pdf.pdf_job(view(loaded.publication, v.body_language, local), local,
                                                org.name.get(v.body_language), loaded, url)
                    jobs[(language, loaded.publication.id)] = made[key]
        return jobs

    def _plan_language(self, content: SiteContent, plan: Plan, language: str, prefix: str,
                       jobs: dict, pdfs: dict[str, bytes], url: str) -> None:
        """One language's item pages (and PDFs), list pages and feed, added to ``plan``."""
        local = localiser(language)
        org_name = content.config.organisation.name.get(language)
        views = self.views(content, language)
        feeds = (feed_link(local, prefix),)
        for loaded, v in views:
            page, planned = self._item_page(content, loaded, v, prefix, jobs.get((language, v.publication.id)), pdfs)
            plan.pages.append(page)
            if planned is not None:
                plan.files.append(planned)
        plan.held_back += self._held_back(content, language, prefix)
        pages = list_pages([v for _, v in views], local, content.taxonomy)
        for page in pages:
            plan.pages.append(PlannedPage(prefix + page.uri, language, page.uri, TranslationStatus.complete,
                                          page.title, None, render_list(page, pages, local, prefix, []), self.name,
                                          in_menu=page.uri == INDEX_URI, feeds=feeds))
        feed = publications_feed([v for _, v in views], local, prefix, org_name)
        plan.files.append(PlannedFile(feed.path, language, feed_bytes(feed, url, org_name, tag_authority(content.config))))

    def _item_page(self, content: SiteContent, loaded: LoadedPublication, v: View, prefix: str,
                   job: pdf.PdfJob | None, pdfs: dict[str, bytes]) -> tuple[PlannedPage, PlannedFile | None]:
        """A publication's page in one language, and its PDF if it has a body (no bytes until drawn)."""
        language = v.language
        local = localiser(language)
        site_local = content.localiser(language)
        uri = prefix + item_uri(v.publication.id)
        download = planned = None
        if job is not None:
            data = pdfs.get(job.key)
            planned = PlannedFile(pdf_path(v.publication.id, prefix), language, data)
            download = Download(docs_link(uri, planned.path), file_size(len(data)) if data else "")
        notice = site_local.string("untranslated-notice") if not v.translated else None
        banner = render_hold_banner(v.publication, content.publishing, site_local)
        markdown = item_page(v, uri, local, content.taxonomy, prefix, download, notice, [banner] if banner else [])
        page = PlannedPage(uri, language, item_uri(v.publication.id), content_status(loaded, language), v.title, None,
                           markdown, self.name, in_menu=False, texts=self._item(loaded).texts,
                           feeds=(feed_link(local, prefix),))
        return page, planned

    def _held_back(self, content: SiteContent, language: str, prefix: str) -> list[PlannedPage]:
        """The pages of drafts and embargoed publications: known, so links to them are named as held back."""
        shown = {loaded.publication.id for loaded in self.shown(content)}
        return [PlannedPage(prefix + item_uri(loaded.publication.id), language, item_uri(loaded.publication.id),
                            TranslationStatus.complete, loaded.publication.title, collection=self.name)
                for loaded in self.publications if loaded.publication.id not in shown]


def content_status(loaded: LoadedPublication, language: str) -> TranslationStatus:
    """How far the page's own words (title, summary, body) are translated into ``language``."""
    if language == DEFAULT_LANGUAGE:
        return TranslationStatus.complete
    translation = loaded.publication.translations.get(language)
    return TranslationStatus(translation.translation) if translation else TranslationStatus.missing



