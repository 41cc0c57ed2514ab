"""A repair whose pattern no longer matches Material's markup stops the build, naming itself.

The pages here are the real site's, as Material renders them before they are finished:
a build of every language in this process keeps each one as it reaches ``finish_page``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from iopcsite.authoring.markdown_text import page_url
from iopcsite.content import mkdocs_build
from iopcsite.finish.page import finish_page
from iopcsite.finish.repairs import EMPTY_SKIP, RepairFoundNothing
from mkdocs.commands.build import build
from mkdocs.config import load_config
from quality.pages import NOT_FOUND_PAGE
from support.project import PROJECT_ROOT


@dataclass(frozen=True)
class RenderedPage:
    """A page as MkDocs and Material rendered it, with what ``finish_page`` was given for it."""

    html: str
    address: str | None


@pytest.fixture(scope="module")
def rendered_pages(tmp_path_factory) -> dict[str, RenderedPage]:
    """Every page of every language, and the 404 page, keyed by its path in the site."""
    rendered: dict[str, RenderedPage] = {}
    real_finish_page = mkdocs_build.finish_page

    def keeping_each_page(html, site_content, page_address, **options):
        rendered[page_address or NOT_FOUND_PAGE] = RenderedPage(html, page_address)
        return real_finish_page(html, site_content, page_address, **options)

    with pytest.MonkeyPatch.context() as patch:
        # Every page is finished through the build session's finish(), which calls finish_page.
        patch.setattr(mkdocs_build, "finish_page", keeping_each_page)
        patch.delenv("IOPC_LANGUAGES", raising=False)
        config = load_config(str(PROJECT_ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("rendered")))
        site_url = config.site_url
        build(config)
    return {address.removeprefix(site_url): page for address, page in rendered.items()}


def finish(page: RenderedPage, content, html: str | None = None) -> str:
    return finish_page(page.html if html is None else html, content, page.address).html


def test_every_page_of_every_language_goes_through_the_repairs(rendered_pages, content):
    assert set(rendered_pages) == {page_url(uri) for uri in content.published} | {NOT_FOUND_PAGE}
    assert any(path.startswith("cy/") for path in rendered_pages)


def a_page_with_material_skip_link(pages: dict[str, RenderedPage]) -> str:
    return next(path for path, page in sorted(pages.items()) if not EMPTY_SKIP.search(page.html))


def a_page_without_a_skip_link(pages: dict[str, RenderedPage]) -> str:
    return next(path for path, page in sorted(pages.items()) if EMPTY_SKIP.search(page.html))


def a_page_with_a_dangling_label(pages: dict[str, RenderedPage]) -> str:
    return next(path for path, page in sorted(pages.items()) if dangling_label(page.html))


def dangling_label(html: str) -> str | None:
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    return next((target for target in re.findall(r'<label\b[^>]*\sfor="([^"]+)"', html) if target not in ids), None)


def quote_dangling_label_differently(html: str) -> str:
    target = dangling_label(html)
    return html.replace(f'for="{target}"', f"for='{target}'")


# (repair, which page, how Material's markup changes)
MARKUP_CHANGES = [
    ("drop_checkbox_autocomplete", "make-a-complaint/", lambda html: html.replace('type="checkbox"', "type=checkbox")),
    ("ensure_skip_link", a_page_with_material_skip_link,
     lambda html: html.replace('<div data-md-component="skip">', '<div data-md-component="skip-link">')),
    ("ensure_skip_link", a_page_without_a_skip_link,
     lambda html: html.replace('<div class="md-content"', '<div class="md-main__content"')),
    ("make_menu_button_focusable", "make-a-complaint/",
     lambda html: html.replace('<label class="md-header__button md-icon" for="__drawer">',
                               '<label class="md-header__button md-icon md-icon--menu" for="__drawer">')),
    ("defer_theme_script", "make-a-complaint/", lambda html: html.replace("javascripts/bundle.", "javascripts/app.")),
    ("defer_theme_script", NOT_FOUND_PAGE, lambda html: html.replace("javascripts/bundle.", "javascripts/app.")),
    ("drop_dangling_label_targets", a_page_with_a_dangling_label, quote_dangling_label_differently),
    ("add_print_addresses", "cy/make-a-complaint/",
     lambda html: html.replace('<article class="md-content__inner', '<article class="md-content__body')),
]


@pytest.mark.parametrize("repair, which, change", MARKUP_CHANGES,
                         ids=[f"{repair}-{index}" for index, (repair, _, _) in enumerate(MARKUP_CHANGES)])
def test_a_repair_that_finds_nothing_stops_the_build_naming_itself(rendered_pages, content, repair, which, change):
    path = which(rendered_pages) if callable(which) else which
    page = rendered_pages[path]
    finish(page, content)  # as Material renders it, the page finishes
    changed = change(page.html)
    assert changed != page.html, f"the change for {repair} found nothing to change on {path}"
    with pytest.raises(RepairFoundNothing, match=rf"^repair '{repair}' found nothing to repair: .+; update the pattern in hooks/iopcsite/finish/"):
        finish(page, content, changed)


def test_a_page_with_no_dangling_label_has_nothing_to_repair_and_passes(rendered_pages, content):
    path = next(path for path, page in sorted(rendered_pages.items()) if not dangling_label(page.html))
    assert finish(rendered_pages[path], content)
