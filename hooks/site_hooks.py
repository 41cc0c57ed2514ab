"""MkDocs adapter for the iopcsite pipeline: thin calls, no content logic here.

MkDocs loads this file by path with ``hooks/`` on sys.path, so the package
import below works; module state persists across ``mkdocs serve`` rebuilds and
is reset in ``on_config``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from iopcsite.build import SiteContent, load_site_content, render_page_markdown
from iopcsite.errors import ContentError
from iopcsite.htmlfixes import repair_html
from iopcsite.markup import mark_external_links
from iopcsite.templating import page_context, site_context

_content: SiteContent | None = None


def on_config(config):
    global _content
    _content = None
    try:
        _content = load_site_content(Path(config.config_file_path).parent)
    except ContentError as error:
        raise PluginError(error.report()) from None
    config.extra["iopc"] = site_context(_content, "en")
    return config


def on_files(files, config):
    for src_uri, markdown in sorted(_content.generated.items()):
        files.append(File.generated(config, src_uri, content=markdown))
    return files


def on_page_markdown(markdown, page, config, files):
    return render_page_markdown(_content, page.file.src_uri, markdown, page.title)


def on_page_context(context, page, config, nav):
    context["iopc_page"] = page_context(_content, page.file.src_uri)
    return context


def on_post_page(output, page, config):
    return mark_external_links(repair_html(output, _content))


def on_post_template(output, template_name, config):
    # Theme templates (404.html) are whole pages too; sitemap.xml is not.
    if not template_name.endswith(".html"):
        return output
    return mark_external_links(repair_html(output, _content))
