"""MkDocs adapter for the iopcsite pipeline: thin calls, no content logic here.

MkDocs loads this file by path with ``hooks/`` on sys.path, so the package
imports below work; module state persists across ``mkdocs serve`` rebuilds and
is reset in ``on_config``.

One process can publish every language (``make serve``) or only those named in
IOPC_LANGUAGES (``make build`` runs one process per language in parallel). Pages
are rendered one at a time, so a page's language is switched on in
``on_page_context`` and back off in ``on_post_page``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from iopcsite.authoring.errors import ContentError
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
from iopcsite.content.site_content import (
    SiteContent,
    render_page_html,
    render_page_markdown,
)
from iopcsite.content.theme_context import page_context, site_context
from iopcsite.finish.page import finish_page
from iopcsite.finish.search import split_search_index
from iopcsite.finish.security import write_headers_file
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Navigation, Section

log = logging.getLogger("mkdocs.hooks.iopcsite")
_content: SiteContent | None = None
_languages: list[str] = []
_navs: dict[str, Navigation] = {}
_defaults: dict[str, str] = {}
_script_hashes: set[str] = set()  # of every page written, for the host's policy (_headers)
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _content
    _content = None
    _navs.clear()
    _defaults.clear()
    _script_hashes.clear()
    try:
        _content = content_for_build(Path(config.config_file_path).parent)
        _languages[:] = languages_to_build(_content.config, os.environ.get(LANGUAGES_VARIABLE))
    except ContentError as error:
        raise PluginError(error.report()) from None
    except ValueError as error:
        raise PluginError(str(error)) from None
    if PREPARED_CONTENT_VARIABLE not in os.environ:  # else the process that loaded the content reported it
        log.info(_content.campaign_summary)
    main = _languages[0]
    config.extra["iopc"] = site_context(_content, main)
    config.nav = prune_nav(config.nav, set(_content.held_back_pages))
    if main != DEFAULT_LANGUAGE:
        config.nav = localised_nav(config.nav, main, _content.config, _content.localiser(main).nav_section)
        config.theme["language"] = main
        config.site_name = config.extra["iopc"]["strings"]["site-name"]
    _defaults.update(site_name=config.site_name, language=config.theme["language"])
    return config


def on_files(files, config):
    for src_uri in sorted(_content.held_back_pages):
        held_back = files.get_file_from_path(src_uri)
        if held_back is not None:  # translations (page.cy.md) are excluded from MkDocs already
            files.remove(held_back)
    if DEFAULT_LANGUAGE not in _languages:
        for file in [f for f in files.documentation_pages() if f.src_uri in _content.pages]:
            files.remove(file)
    for src_uri, markdown in sorted(_content.generated.items()):
        page = _content.published[src_uri]
        if page.language in _languages:
            inclusion = InclusionLevel.UNDEFINED if page.in_menu else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=markdown, inclusion=inclusion))
    for src_uri, (language, data) in sorted(_content.assets.items()):
        if language in _languages:
            files.append(File.generated(config, src_uri, content=data))
    return files


def on_nav(nav, config, files):
    _navs[_languages[0]] = nav
    nav.homepage = files.get_file_from_path(localised_uri("index.md", _languages[0], _content.config)).page
    for language in _languages[1:]:
        _navs[language] = _translated_nav(nav, language, files)
    return nav


def _translated_nav(nav: Navigation, language: str, files) -> Navigation:
    """The same menu, leading to the pages of ``language`` (when one process builds several)."""
    local = _content.localiser(language)
    pages = []

    def translate(items, parent):
        translated = []
        for item in items:
            if item.is_section:
                section = Section(local.nav_section(item.title), [])
                section.parent = parent
                section.children = translate(item.children, section)
                translated.append(section)
            elif item.is_page:
                page = files.get_file_from_path(localised_uri(item.file.src_uri, language, _content.config)).page
                page.parent = parent
                pages.append(page)
                translated.append(page)
        return translated

    translated = Navigation(translate(nav.items, None), pages)
    translated.homepage = files.get_file_from_path(localised_uri("index.md", language, _content.config)).page
    return translated


def on_page_markdown(markdown, page, config, files):
    # The page's own title, not the shorter label mkdocs.yml's nav may give it.
    return render_page_markdown(_content, page.file.src_uri, markdown, page.meta.get("title") or page.title)


def on_page_content(html, page, config, files):
    return render_page_html(_content, page.file.src_uri, html)


def on_page_context(context, page, config, nav):
    data = page_context(_content, page.file.src_uri, config.site_url or "")
    context["iopc_page"] = data
    context["nav"] = _navs.get(data["lang"], nav)
    config.theme["language"] = data["lang"]
    config.site_name = data["strings"]["site-name"]
    return context


def on_post_page(output, page, config):
    prefix = language_prefixes(_content.config).get(config.theme["language"], "")
    config.theme["language"] = _defaults["language"]
    config.site_name = _defaults["site_name"]
    return _finish(output, page.file.src_uri, (config.site_url or "") + page.url, prefix)


def on_post_template(output, template_name, config):
    # Theme templates (404.html) are whole pages too; sitemap.xml is not.
    if not template_name.endswith(".html"):
        return output
    return _finish(output, template_name, None, "")


def on_post_build(config):
    prefixes = language_prefixes(_content.config)
    split_search_index(Path(config.site_dir), {language: prefixes[language] for language in _languages})
    write_headers_file(Path(config.site_dir), _script_hashes)


def _finish(html, name, address, search_prefix):
    """The page ready to publish; its inline scripts' hashes are kept for _headers.
    ``mkdocs serve`` adds its live-reload script later, so there any inline script may run."""
    try:
        finished = finish_page(html, _content, address, search_prefix, allow_any_inline_script=_serving)
    except ValueError as error:
        raise PluginError(f"{name}: {error}") from None
    _script_hashes.update(finished.script_hashes)
    return finished.html
