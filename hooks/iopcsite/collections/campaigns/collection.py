"""The campaigns collection: one folder per campaign under ``campaigns/``, each with its page,
its advocates pack page, its products (print and screen PDFs, social images) and its ZIP pack.

Planning writes every page and names every file without drawing anything (``make check``);
drawing makes the products the render cache lacks (``make build``, ``make serve``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.authoring.errors import ContentError, ContentProblem, ProblemList
from iopcsite.collections.campaigns.campaign_files import CampaignBuild, build_campaigns, load_campaigns, page_folder
from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.collections.campaigns.models import Campaign
from iopcsite.collections.campaigns.palette import palette_warnings
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import (AuthorText, EditorSchema, Item, Plan, PlannedFile, PlannedPage,
                                         translation_states, written_texts)
from iopcsite.content.hold_banner import render_hold_banner
from iopcsite.content.tagged import TaggedEntry

if TYPE_CHECKING:
    from iopcsite.content.site_content import SiteContent, SiteData

CAMPAIGNS_DIR = "campaigns"
PAGE_NAMES = ("index.md", "advocates-pack.md")


class CampaignCollection:
    """Every campaign, in every site language."""

    name = "campaigns"
    sources = (CAMPAIGNS_DIR,)
    editor_schemas = (EditorSchema("campaign", Campaign, "campaigns/*/campaign.yml"),)

    def __init__(self) -> None:
        self.campaigns: list[LoadedCampaign] = []
        self.languages: list[str] = []

    def load(self, data: SiteData, problems: ProblemList) -> None:
        self.languages = [language for language in data.languages if language != DEFAULT_LANGUAGE]
        if data.config is None:
            return
        try:
            self.campaigns = load_campaigns(data.root, data.config)
        except ContentError as error:
            problems.extend(error.problems)

    def items(self) -> list[Item]:
        return [self._item(loaded) for loaded in self.campaigns]

    def _item(self, loaded: LoadedCampaign) -> Item:
        campaign = loaded.campaign
        return Item(self.name, campaign.slug, "campaign", campaign.slug, loaded.file, None, holds=(campaign,),
                    review=campaign, review_line=loaded.document.position(("review_by",))[0],
                    translations=translation_states(self.languages, {
                        language: TranslationStatus.complete.value for language in campaign.translations}),
                    texts=_pack_texts(loaded),
                    anchors=tuple((f"{CAMPAIGNS_DIR}/{campaign.slug}/{name}", "") for name in PAGE_NAMES))

    def unreadable_paths(self) -> set[str]:
        return set()

    def check_references(self, content: SiteContent) -> list[ContentProblem]:
        """A campaign's key area and topics are in the taxonomy."""
        problems = []
        for loaded in self.campaigns if content.taxonomy else ():
            problems += content.taxonomy.tag_problems("key_area", loaded.campaign.key_area, loaded.document, ("key_area",))
            problems += content.taxonomy.tag_problems("topic", loaded.campaign.topics, loaded.document, ("topics",))
        return problems

    def tagged_entries(self, content: SiteContent, language: str) -> list[TaggedEntry]:
        """Every shown campaign's page in ``language``, with its key area and topics."""
        return [TaggedEntry(self.name, loaded.campaign.copy_for(language if language in loaded.campaign.languages
                                                                 else DEFAULT_LANGUAGE).title,
                            f"{page_folder(content.config, language, loaded.campaign.slug)}/{PAGE_NAMES[0]}", language,
                            loaded.campaign.launched,
                            (loaded.campaign.key_area,) if loaded.campaign.key_area else (), tuple(loaded.campaign.topics))
                for loaded in self.campaigns if content.publishing.shows(loaded.campaign)]

    def plan(self, content: SiteContent) -> Plan:
        """Every page and file, named from the plan; products come from the render cache or are left undrawn."""
        return self._build(content, draw=False)

    def draw(self, content: SiteContent, plan: Plan) -> Plan:
        """The same pages and files with every product drawn (or taken from the render cache)."""
        return self._build(content, draw=True)

    def _build(self, content: SiteContent, draw: bool) -> Plan:
        notices = {language: content.localiser(language).string("untranslated-notice") for language in content.languages}

        def banner(item, language: str, subject: str | None) -> str | None:
            return render_hold_banner(item, content.publishing, content.localiser(language), subject)

        built = build_campaigns(content.root, content.config, notices=notices, publishing=content.publishing,
                                banner=banner, draw=draw, loaded=self.campaigns)
        # Drafts too: a colour is best changed before the campaign goes out.
        plan = Plan(warnings=[warning for loaded in self.campaigns for warning in palette_warnings(loaded)])
        if draw:
            plan.summary = built.summary()
            plan.summary_when_kept = CampaignBuild(from_cache=built.rendered + built.from_cache).summary()
        prefixes = language_prefixes(content.config)
        for output in built.files:
            if output.title is None:
                plan.files.append(PlannedFile(output.path, output.language, output.content if draw else None))
                continue
            status = TranslationStatus.missing if output.fallback else TranslationStatus.complete
            base_uri = output.path.removeprefix(prefixes[output.language])
            plan.pages.append(PlannedPage(output.path, output.language, base_uri, status, output.title, None,
                                          output.content, self.name, in_menu=not base_uri.endswith(PAGE_NAMES[1]),
                                          texts=self._page_texts(self._campaign_of(base_uri), output.language)))
        plan.held_back = [self._held_back_page(content, loaded, name) for loaded in built.held_back for name in PAGE_NAMES]
        return plan

    def _held_back_page(self, content: SiteContent, loaded: LoadedCampaign, name: str) -> PlannedPage:
        """A page of a draft or embargoed campaign: known, so links to it are named as held back, never built."""
        uri = f"{page_folder(content.config, DEFAULT_LANGUAGE, loaded.campaign.slug)}/{name}"
        return PlannedPage(uri, DEFAULT_LANGUAGE, uri, TranslationStatus.complete, loaded.campaign.copy_.title,
                           collection=self.name)

    def _page_texts(self, loaded: LoadedCampaign, site_language: str) -> tuple[AuthorText, ...]:
        """The words a campaign's page shows in ``site_language``: its copy, then its advocates pack."""
        language = site_language if site_language in loaded.campaign.languages else DEFAULT_LANGUAGE
        return written_texts(loaded.document, loaded.copy_loc(language)) + _pack_texts(loaded)

    def _campaign_of(self, base_uri: str) -> LoadedCampaign:
        slug = base_uri.split("/")[1]
        return next(loaded for loaded in self.campaigns if loaded.campaign.slug == slug)


def _pack_texts(loaded: LoadedCampaign) -> tuple[AuthorText, ...]:
    """The advocates pack, in every language it is written in: author Markdown."""
    return tuple(AuthorText(text, _pack_file(loaded, language), 1, None,
                            f"{CAMPAIGNS_DIR}/{loaded.campaign.slug}/advocates-pack.md")
                 for language, text in sorted(loaded.advocates_pack.items()))


def _pack_file(loaded: LoadedCampaign, language: str) -> str:
    name = loaded.campaign.copy_for(language).advocates_pack
    return f"{loaded.file.rsplit('/', 1)[0]}/{name}" if "/" in loaded.file else str(name)

