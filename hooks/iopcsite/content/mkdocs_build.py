"""One MkDocs build of the site: what it keeps between MkDocs' events, and what each event does.

``make build`` runs one MkDocs process per language; ``make serve`` builds every
language in one process. Both go through the code here: a language's menu is made
by MkDocs from ``localised_nav`` (the per-language build's own config nav), and a
language's theme settings (site name, theme language, ``config.extra.iopc``) come
from ``language_settings``. In one process, each page switches its language's
settings and menu on while it is rendered, and back off after.

Everything a build keeps lives in one ``BuildSession``, made afresh by ``on_config``
and kept on the MkDocs config of that build (under ``SESSION_KEY``, a key MkDocs
never validates once the config is loaded). ``mkdocs serve`` loads a new config
for every rebuild, so a rebuild never sees what the last one kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iopcsite.authoring.publishing import prune_nav
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.languages import (
    LANGUAGES_VARIABLE,
    language_prefixes,
    languages_to_build,
    localised_nav,
    localised_uri,
)
from iopcsite.content.content_cache import PREPARED_CONTENT_VARIABLE, content_for_build
from iopcsite.content.site_content import SiteContent
from iopcsite.content.theme_context import page_context, site_context
from iopcsite.finish.page import finish_page

SESSION_KEY = "iopc_build_session"
# Set by the adapter when MkDocs runs 'serve': its live reload adds an inline script to every page.
SERVING_VARIABLE = "IOPC_SERVING"


@dataclass(frozen=True)
class LanguageSettings:
    """What the theme is told about a language: the same in a one-language build and in one process."""

    language: str
    site_name: str
    extra: dict  # config.extra["iopc"]: strings, organisation details (the 404 page reads them)


def language_settings(content: SiteContent, language: str, english_site_name: str) -> LanguageSettings:
    """``language``'s settings; English keeps mkdocs.yml's site name."""
    extra = site_context(content, language)
    site_name = english_site_name if language == DEFAULT_LANGUAGE else extra["strings"]["site-name"]
    return LanguageSettings(language, site_name, extra)


def apply_settings(config, settings: LanguageSettings) -> None:
    """Switch the MkDocs config to ``settings`` (the theme reads these while it renders a page)."""
    config.theme["language"] = settings.language
    config.site_name = settings.site_name
    config.extra["iopc"] = settings.extra


def language_nav(english_nav: list, language: str, content: SiteContent) -> list:
    """mkdocs.yml's nav (held-back pages already pruned) for the pages of ``language``."""
    if language == DEFAULT_LANGUAGE:
        return english_nav
    return localised_nav(english_nav, language, content.config, content.localiser(language).nav_section)


@dataclass
class BuildSession:
    """What one build keeps from ``on_config`` to ``on_post_build``."""

    content: SiteContent
    languages: list[str]  # the first is the one the MkDocs config is set up for
    serving: bool  # mkdocs serve: every inline script may run (its live reload adds one)
    english_nav: list  # mkdocs.yml's nav, held-back pages pruned
    settings: dict[str, LanguageSettings]
    navs: dict[str, Any] = field(default_factory=dict)  # each language's mkdocs Navigation
    script_hashes: set[str] = field(default_factory=set)  # of every page written, for the host's policy
    report: str = ""  # what loading the content reported, for the build log

    @property
    def main(self) -> str:
        return self.languages[0]

    @property
    def prefixes(self) -> dict[str, str]:
        return language_prefixes(self.content.config)


def start_session(config, environ=os.environ, content: SiteContent | None = None) -> BuildSession:
    """A new session for the build of ``config``, kept on it; the config set up for the first language.

    Raises ContentError (content that does not pass its checks) or ValueError (IOPC_LANGUAGES).
    """
    if content is None:
        content = content_for_build(Path(config.config_file_path).parent)
    languages = languages_to_build(content.config, environ.get(LANGUAGES_VARIABLE))
    english_nav = prune_nav(config.nav, set(content.held_back))
    settings = {language: language_settings(content, language, config.site_name) for language in languages}
    session = BuildSession(content, languages, environ.get(SERVING_VARIABLE, "") not in ("", "0"),
                           english_nav, settings)
    if PREPARED_CONTENT_VARIABLE not in environ:  # else the process that loaded the content reported it
        session.report = content.summary
    config.nav = language_nav(english_nav, session.main, content)
    apply_settings(config, settings[session.main])
    config[SESSION_KEY] = session
    return session


def builds_whole_site(session: BuildSession) -> bool:
    """True when this one process builds every language (``make serve``, a bare ``mkdocs build``), so its
    site folder is the whole site; ``make build`` builds each language in its own process instead."""
    return set(session.languages) == set(session.prefixes)


def session_of(config) -> BuildSession:
    """The session ``start_session`` kept on this build's config."""
    return config[SESSION_KEY]


def files_to_build(session: BuildSession, files: list, generated) -> tuple[list, list]:
    """(files to remove, files to add) for this build's languages. ``generated(src_uri, content, in_menu=True)``
    makes a MkDocs file (a page outside the menu says so); ``files`` are MkDocs' documentation pages found in docs/."""
    content = session.content

    def english(src_uri: str) -> bool:
        page = content.published.get(src_uri)
        return page is not None and page.language == DEFAULT_LANGUAGE

    without_english = DEFAULT_LANGUAGE not in session.languages
    # Translations (page.cy.md) are excluded by mkdocs.yml already; the rest are the English pages.
    remove = [file for file in files
              if file.src_uri in content.held_back or (without_english and english(file.src_uri))]
    add = [generated(src_uri, markdown, content.published[src_uri].in_menu)
           for src_uri, markdown in sorted(content.generated.items())
           if content.published[src_uri].language in session.languages]
    add += [generated(src_uri, data) for src_uri, (language, data) in sorted(content.assets.items())
            if language in session.languages]
    return remove, add


def make_navs(session: BuildSession, nav, files, config, navigation) -> None:
    """Each language's menu: MkDocs made the first from the config; ``navigation(files, config)``
    (MkDocs' ``get_navigation``) makes the others from their own ``language_nav``, as their own build would."""
    session.navs[session.main] = nav
    built_from = config.nav
    try:
        for language in session.languages[1:]:
            config.nav = language_nav(session.english_nav, language, session.content)
            session.navs[language] = navigation(files, config)
    finally:
        config.nav = built_from
    for language, language_menu in session.navs.items():
        home = files.get_file_from_path(localised_uri("index.md", language, session.content.config))
        language_menu.homepage = home.page if home is not None else None


def start_page(session: BuildSession, src_uri: str, context: dict, config, nav) -> dict:
    """The page's context, and the config switched to the page's language while it is rendered."""
    data = page_context(session.content, src_uri, config.site_url or "")
    context["iopc_page"] = data
    context["nav"] = session.navs.get(data["lang"], nav)
    apply_settings(config, session.settings[data["lang"]])
    return context


def end_page(session: BuildSession, config) -> None:
    """The config back to the first language."""
    apply_settings(config, session.settings[session.main])


def finish(session: BuildSession, html: str, address: str | None) -> str:
    """The page ready to publish (raises ValueError); its inline scripts' hashes kept for _headers.
    ``mkdocs serve`` adds its live-reload script later, so there any inline script may run."""
    finished = finish_page(html, session.content, address, allow_any_inline_script=session.serving)
    session.script_hashes.update(finished.script_hashes)
    return finished.html
