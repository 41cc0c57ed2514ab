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

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section

from iopcsite.build import SiteContent, load_site_content, render_page_html, render_page_markdown
from iopcsite.errors import ContentError
from iopcsite.i18n import LANGUAGES_VARIABLE, language_prefixes, languages_to_build, localised_nav, localised_uri
from iopcsite.languages_site import retarget_search_base, split_search_index
from iopcsite.markup import mark_external_links
from iopcsite.pages import DEFAULT_LANGUAGE
from iopcsite.templating import page_context, site_context

log = logging.getLogger("mkdocs.hooks.iopcsite")
_content: SiteContent | None = None
_languages: list[str] = []
_navs: dict[str, Navigation] = {}
_defaults: dict[str, str] = {}


def on_config(config):
    global _content
    _content = None
    _navs.clear()
    _defaults.clear()
    try:
        _content = load_site_content(Path(config.config_file_path).parent)
        _languages[:] = languages_to_build(_content.config, os.environ.get(LANGUAGES_VARIABLE))
    except ContentError as error:
        raise PluginError(error.report()) from None
    except ValueError as error:
        raise PluginError(str(error)) from None
    log.info(_content.campaign_summary)
    main = _languages[0]
    config.extra["iopc"] = site_context(_content, main)
    if main != DEFAULT_LANGUAGE:
        config.nav = localised_nav(config.nav, main, _content.config, _content.localiser(main).nav_section)
        config.theme["language"] = main
        config.site_name = config.extra["iopc"]["strings"]["site-name"]
    _defaults.update(site_name=config.site_name, language=config.theme["language"])
    return config


def on_files(files, config):
    if DEFAULT_LANGUAGE not in _languages:
        for file in [f for f in files.documentation_pages() if f.src_uri in _content.pages]:
            files.remove(file)
    for src_uri, markdown in sorted(_content.generated.items()):
        if _content.published[src_uri].language in _languages:
            files.append(File.generated(config, src_uri, content=markdown))
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
    return render_page_markdown(_content, page.file.src_uri, markdown, page.title)


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
    return retarget_search_base(mark_external_links(output), prefix)


def on_post_build(config):
    prefixes = language_prefixes(_content.config)
    split_search_index(Path(config.site_dir), {language: prefixes[language] for language in _languages})
