"""Languages: which page exists in which language, and how complete each translation is.

English is published at the site root from the authors' files. Every other
language is published under its own prefix (``cy/``) as pages generated from
``page.cy.md`` files, or, while a page is untranslated, from the English text
marked ``lang="en"`` under a notice in that language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE, SourcePage
from iopcsite.config.models import SiteConfig


@dataclass(frozen=True)
class PublishedPage:
    """A page as the built site publishes it, in one language."""

    uri: str
    language: str
    base_uri: str
    status: TranslationStatus
    title: str
    source: SourcePage | None = None
    markdown: str | None = None

    @property
    def is_fallback(self) -> bool:
        """True when this page shows the English text because no translation exists."""
        return self.status is TranslationStatus.missing


def language_prefixes(config: SiteConfig) -> dict[str, str]:
    """URL prefix of every configured language: ``{'en': '', 'cy': 'cy/'}``."""
    return {language.code: language.path for language in config.languages}


def other_languages(config: SiteConfig) -> list[str]:
    """Every configured language but English, in configured order."""
    return [language.code for language in config.languages if language.code != DEFAULT_LANGUAGE]


def localised_uri(base_uri: str, language: str, config: SiteConfig) -> str:
    """Where the ``language`` version of the English page ``base_uri`` is published."""
    return language_prefixes(config)[language] + base_uri


def front_matter(title: str, description: str) -> str:
    """Front matter for a generated page (JSON is valid YAML and needs no quoting rules)."""
    return "---\n" + json.dumps({"title": title, "description": description}, ensure_ascii=False) + "\n---\n"


def translated_page_markdown(translation: SourcePage) -> str:
    """A translated page as generated Markdown. Links were written as in the English page,
    and the translation is published at the same path under its language prefix, so they
    lead to the pages of the same language."""
    return front_matter(translation.meta.title, translation.meta.description) + translation.body


def fallback_page_markdown(english: SourcePage, notice: str) -> str:
    """An untranslated page: the notice in the reader's language, then the English marked as English."""
    return (
        front_matter(english.meta.title, english.meta.description)
        + f'!!! note ""\n    {notice}\n\n<div lang="en" markdown>\n\n{english.body.strip()}\n\n</div>\n'
    )


def publish_pages(pages: dict[str, SourcePage], config: SiteConfig, notices: dict[str, str]) -> dict[str, PublishedPage]:
    """Every page in every language: English from the authors' files, the rest generated."""
    published: dict[str, PublishedPage] = {}
    english_pages = {uri: page for uri, page in pages.items() if page.language == DEFAULT_LANGUAGE}
    for uri, page in english_pages.items():
        published[uri] = PublishedPage(uri, DEFAULT_LANGUAGE, uri, TranslationStatus.complete, page.meta.title, page)
    for language in other_languages(config):
        for base_uri, english in english_pages.items():
            uri = localised_uri(base_uri, language, config)
            translation = pages.get(f"{base_uri[:-3]}.{language}.md")
            if translation is None:
                published[uri] = PublishedPage(uri, language, base_uri, TranslationStatus.missing, english.meta.title,
                                               english, fallback_page_markdown(english, notices[language]))
            else:
                # A missing status is already reported as a problem; carry on so every other problem is found too.
                state = TranslationStatus(translation.meta.translation or TranslationStatus.needs_review)
                published[uri] = PublishedPage(uri, language, base_uri, state,
                                               translation.meta.title, translation, translated_page_markdown(translation))
    return published


LANGUAGES_VARIABLE = "IOPC_LANGUAGES"


def languages_to_build(config: SiteConfig, requested: str | None) -> list[str]:
    """The languages one MkDocs process publishes: all of them (``make serve``), or those named
    in IOPC_LANGUAGES, which ``make build`` sets to run one process per language in parallel."""
    configured = [language.code for language in config.languages]
    if not requested:
        return configured
    chosen = [code.strip() for code in requested.split(",") if code.strip()]
    unknown = [code for code in chosen if code not in configured]
    if unknown:
        raise ValueError(f"{LANGUAGES_VARIABLE} names {', '.join(unknown)}, which docs/_data/site.yml does not configure.")
    return [code for code in configured if code in chosen]


def localised_nav(nav: list, language: str, config: SiteConfig, section_title) -> list:
    """mkdocs.yml's nav for the pages of ``language``: same order, each page's own title,
    sections named by ``section_title(english_title)``."""
    prefix = language_prefixes(config)[language]
    translated = []
    for item in nav:
        if isinstance(item, str):
            translated.append(prefix + item)
            continue
        (title, value), = item.items()
        if isinstance(value, list):
            translated.append({section_title(title): localised_nav(value, language, config, section_title)})
        else:
            translated.append(prefix + value)
    return translated
