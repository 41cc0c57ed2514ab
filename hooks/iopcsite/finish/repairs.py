"""Small repairs to the HTML that Material for MkDocs writes, so every page passes axe and the Nu HTML Checker.

Each repair is a text pass over the finished page, named after the problem it removes.
Each one raises ``RepairFoundNothing`` when its pattern finds nothing on a page where it
must apply: a new version of Material could otherwise undo a repair without a word.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from iopcsite.content.site_content import SiteContent

# Material writes its markup in lower case, so the patterns below need not ignore case,
# and each begins with plain text, which the regular expression engine finds quickly.
HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')
INPUT_TAG = re.compile(r"<input\b[^>]*>")
CHECKBOX = re.compile(r'\btype="checkbox"')
AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')
ID_ATTRIBUTE = re.compile(r'id="([^"]+)"')
LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]+)"')
# Looser than LABEL_FOR, so a label written in a way the repair cannot read is noticed.
LABEL_TARGET = re.compile(r"""<label\b[^>]*?\sfor\s*=\s*["']?([^"'\s>]+)""")
EMPTY_SKIP = re.compile(r'<div data-md-component="skip">\s*</div>')
MATERIAL_SKIP = re.compile(r'<div data-md-component="skip">\s*<a href="#[^"]*" class="md-skip">')
CONTENT_TAG = re.compile(r'<div class="md-content"(?![^>]*\bid=)')
MENU_BUTTON = re.compile(r'<label class="md-header__button md-icon" for="__drawer">')
THEME_SCRIPT = re.compile(r'(<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js")></script>')
ARTICLE_START = re.compile(r'<article class="md-content__inner[^"]*">')
ARTICLE_END = "</article>"
RELATIVE_LINK = re.compile(r'<a (?P<before>[^>]*?)href="(?P<href>(?![a-z][a-z0-9+.-]*:|//|#)[^"]+)"')
MAIN_ID = "iopc-content"
THIS_FILE = "hooks/iopcsite/finish/repairs.py"


class RepairFoundNothing(ValueError):
    """A repair's pattern matched nothing on a page where it must apply: Material's markup has changed."""

    def __init__(self, repair: str, what_changed: str, where: str = THIS_FILE):
        super().__init__(f"repair '{repair}' found nothing to repair: {what_changed}; "
                         f"update the pattern in {where}")
        self.repair = repair


def _must_match(pattern: re.Pattern[str], html: str, repair: str, what_changed: str) -> None:
    if not pattern.search(html):
        raise RepairFoundNothing(repair, what_changed)


def html_language(html: str) -> str:
    """The language of a finished page, from ``<html lang>`` (English when it has none)."""
    match = HTML_LANG.search(html)
    return match.group(1).split("-")[0].lower() if match else "en"


def drop_checkbox_autocomplete(html: str) -> str:
    """HTML allows ``autocomplete`` only on text-like inputs; Material puts it on its toggle checkboxes.

    Every page has those toggles (the menu's and search's), so a page with none to repair fails.
    """
    repaired = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal repaired
        tag = match.group(0)
        if not CHECKBOX.search(tag):
            return tag
        without = AUTOCOMPLETE.sub("", tag)
        repaired += without != tag
        return without

    html = INPUT_TAG.sub(fix, html)
    if not repaired:
        raise RepairFoundNothing("drop_checkbox_autocomplete",
                                 "Material's toggle checkboxes (menu, search) no longer have autocomplete, or are written differently")
    return html


def drop_dangling_label_targets(html: str, ids: set[str]) -> str:
    """A ``<label for>`` must name a control on the page; pages outside the menu lose the one Material points at.

    ``ids`` are the whole page's element ids (``html`` may be only part of it).
    """
    if ids.issuperset(LABEL_TARGET.findall(html)):
        return html  # the usual case, found without rewriting the page

    def fix(match: re.Match[str]) -> str:
        return match.group(0) if match.group(2) in ids else match.group(1)

    html = LABEL_FOR.sub(fix, html)
    left = sorted(set(LABEL_TARGET.findall(html)) - ids)
    if left:
        raise RepairFoundNothing("drop_dangling_label_targets",
                                 f"a label still points at {', '.join(left)}, which is not on the page: "
                                 "Material's <label for> markup has changed")
    return html


def element_ids(html: str) -> set[str]:
    """Every element id on the page."""
    # A pattern that starts with a plain string is found far faster than one that starts with
    # a word boundary: Material's menu makes each page long, and this runs on every page.
    return {match.group(1) for match in ID_ATTRIBUTE.finditer(html)
            if not _is_name_character(html[match.start() - 1])}


def _is_name_character(character: str) -> bool:
    return character.isalnum() or character in "-_:."


def ensure_skip_link(html: str, text: str) -> str:
    """Material adds "Skip to content" only to pages with headings; keyboard users need it on every page.

    Every page has Material's skip container: either with Material's link, or empty and repaired here.
    """
    if not EMPTY_SKIP.search(html):
        _must_match(MATERIAL_SKIP, html, "ensure_skip_link",
                    "Material's skip link container is neither empty nor holding its own skip link")
        return html
    _must_match(CONTENT_TAG, html, "ensure_skip_link", 'Material\'s <div class="md-content"> has changed')
    html = CONTENT_TAG.sub(f'<div class="md-content" id="{MAIN_ID}" tabindex="-1"', html, count=1)
    link = f'<div data-md-component="skip"><a href="#{MAIN_ID}" class="md-skip">{text}</a></div>'
    return EMPTY_SKIP.sub(link, html, count=1)


def make_menu_button_focusable(html: str, name: str) -> str:
    """On small screens the menu opens from a label that Tab never reaches; Material's script opens it on Enter."""
    _must_match(MENU_BUTTON, html, "make_menu_button_focusable", "Material's menu button in the header has changed")
    return MENU_BUTTON.sub(f'<label class="md-header__button md-icon" for="__drawer" tabindex="0">'
                           f'<span class="iopc-visually-hidden">{name}</span>', html)


def defer_theme_script(html: str) -> str:
    """Material's script blocks the first paint of every page; deferred, the text shows first (Lighthouse, slow phones)."""
    _must_match(THEME_SCRIPT, html, "defer_theme_script", "Material's theme script tag has changed")
    return THEME_SCRIPT.sub(r"\1 defer></script>", html)


def add_print_addresses(html: str, page_address: str) -> str:
    """Give each link between our pages its full address, which the print stylesheet writes after it.

    Every page at an address has Material's article, even one without links.
    """

    def absolute(match: re.Match[str]) -> str:
        address = urljoin(page_address, match.group("href"))
        return f'<a {match.group("before")}href="{match.group("href")}" data-iopc-address="{address}"'

    opening = ARTICLE_START.search(html)
    end = html.find(ARTICLE_END, opening.end()) if opening else -1
    if end == -1:
        raise RepairFoundNothing("add_print_addresses", "Material's <article class=\"md-content__inner\"> has changed")
    return html[:opening.end()] + RELATIVE_LINK.sub(absolute, html[opening.end():end]) + html[end:]


def repair_html(html: str, content: SiteContent, ids: set[str]) -> str:
    """Every repair above, in the page's own language (``ids``: as for ``drop_dangling_label_targets``)."""
    local = content.localiser(html_language(html))
    html = drop_checkbox_autocomplete(html)
    html = ensure_skip_link(html, local.string("skip-to-content"))
    html = make_menu_button_focusable(html, local.string("menu-button"))
    html = defer_theme_script(html)
    return drop_dangling_label_targets(html, ids)
