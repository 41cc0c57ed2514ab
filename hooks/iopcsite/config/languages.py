"""Languages: which page exists in which language, and how complete each translation is.

English is published at the site root from the authors' files. Every other
language is published under its own prefix (``cy/``) as pages generated from
``page.cy.md`` files, or, while a page is untranslated, from the English text
marked ``lang="en"`` under a notice in that language.
"""

from __future__ import annotations


from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.models import SiteConfig


def language_prefixes(config: SiteConfig) -> dict[str, str]:
    """URL prefix of every configured language: ``{'en': '', 'cy': 'cy/'}``."""
    return {language.code: language.path for language in config.languages}


def other_languages(config: SiteConfig) -> list[str]:
    """Every configured language but English, in configured order."""
    return [language.code for language in config.languages if language.code != DEFAULT_LANGUAGE]


def localised_uri(base_uri: str, language: str, config: SiteConfig) -> str:
    """Where the ``language`` version of the English page ``base_uri`` is published."""
    return language_prefixes(config)[language] + base_uri


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
