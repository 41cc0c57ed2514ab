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
from iopcsite.markup import mark_external_links
from iopcsite.security import HEADERS_FILE, add_content_security_policy, headers_file, inline_script_hashes
from iopcsite.templating import page_context, site_context

_content: SiteContent | None = None
_serving = False
_script_hashes: set[str] = set()


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _content
    _content = None
    _script_hashes.clear()
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
    return _secure(mark_external_links(output), page.file.src_uri)


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return _secure(mark_external_links(output_content), template_name)


def on_post_build(config):
    # Written last: the host's policy must allow the inline scripts of every page, known only now.
    Path(config.site_dir, HEADERS_FILE).write_text(headers_file(_script_hashes), encoding="utf-8")


def _secure(html, name):
    try:
        html = add_content_security_policy(html, allow_any_inline_script=_serving)
    except ValueError as error:
        raise PluginError(f"{name}: {error}") from None
    _script_hashes.update(inline_script_hashes(html))
    return html
