"""MkDocs adapter for the iopcsite pipeline: thin calls, no content logic and no state here.

MkDocs loads this file by path with ``hooks/`` on sys.path, so the package
imports below work. ``mkdocs serve`` never reloads it, so it keeps nothing itself:
each build's state is a ``BuildSession`` (iopcsite.content.mkdocs_build), made in
``on_config`` and kept on that build's config.

One process can publish every language (``make serve``) or only those named in
IOPC_LANGUAGES (``make build`` runs one process per language in parallel); both
make each language's menu and theme settings the same way.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from iopcsite.authoring.errors import ContentError
from iopcsite.content import mkdocs_build as build
from iopcsite.content.site_content import page_meta, render_page_html, render_page_markdown
from iopcsite.finish.security import write_headers_file
from iopcsite.finish.stylesheets import minified_own_stylesheets
from iopcsite.search.pagefind_index import index_site
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import get_navigation

log = logging.getLogger("mkdocs.hooks.iopcsite")


def on_startup(command, dirty):
    # How this process was started, for every build it runs: the serve flag the session reads.
    if command == "serve":
        os.environ[build.SERVING_VARIABLE] = "1"


def on_config(config):
    try:
        session = build.start_session(config)
    except ContentError as error:
        raise PluginError(error.report()) from None
    except ValueError as error:
        raise PluginError(str(error)) from None
    if session.report:
        log.info(session.report)
    return config


def on_files(files, config):
    session = build.session_of(config)

    def generated(src_uri: str, content, in_menu: bool = True) -> File:
        inclusion = InclusionLevel.UNDEFINED if in_menu else InclusionLevel.NOT_IN_NAV
        return File.generated(config, src_uri, content=content, inclusion=inclusion)

    remove, add = build.files_to_build(session, files.documentation_pages(), generated)
    for file in remove:
        files.remove(file)
    for file in add:
        files.append(file)
    for stylesheet, minified in minified_own_stylesheets(files.media_files()):
        files.remove(stylesheet)
        files.append(generated(stylesheet.src_uri, minified))
    return files


def on_nav(nav, config, files):
    build.make_navs(build.session_of(config), nav, files, config, get_navigation)
    return nav


def on_page_markdown(markdown, page, config, files):
    content = build.session_of(config).content
    page.meta = page_meta(content, page.file.src_uri, page.meta)
    # The page's own title, not the shorter label mkdocs.yml's nav may give it.
    return render_page_markdown(content, page.file.src_uri, markdown, page.meta.get("title") or page.title)


def on_page_content(html, page, config, files):
    return render_page_html(build.session_of(config).content, page.file.src_uri, html)


def on_page_context(context, page, config, nav):
    return build.start_page(build.session_of(config), page.file.src_uri, context, config, nav)


def on_post_page(output, page, config):
    session = build.session_of(config)
    build.end_page(session, config)
    return _finish(session, output, page.file.src_uri, (config.site_url or "") + page.url)


def on_post_template(output, template_name, config):
    # Theme templates (404.html) are whole pages too; sitemap.xml is not.
    if not template_name.endswith(".html"):
        return output
    return _finish(build.session_of(config), output, template_name, None)


def on_post_build(config):
    session = build.session_of(config)
    write_headers_file(Path(config.site_dir), session.script_hashes)
    if build.builds_whole_site(session):  # else make build indexes the site once its languages are put together
        index_site(Path(config.site_dir))


def _finish(session, html, name, address):
    try:
        return build.finish(session, html, address)
    except ValueError as error:
        raise PluginError(f"{name}: {error}") from None
