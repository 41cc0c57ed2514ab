"""What every built page goes through before it is written: repairs, links, policy.

Material's menu is most of every page's HTML (on a site of 400 pages, 150 KB of
170 KB), and a text pass over it costs time on every page. So the menu is set
aside while the passes that cannot concern it run over the rest; only the
repairs that can (labels and external links) read the menu itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from iopcsite.authoring.markdown_text import mark_external_links
from iopcsite.content.site_content import SiteContent
from iopcsite.finish.repairs import (
    add_print_addresses,
    drop_dangling_label_targets,
    element_ids,
    repair_html,
)
from iopcsite.finish.security import (
    add_content_security_policy,
    refuse_unshipped_scripts,
    shipped_script_hashes,
)

MENU_START = '<div class="md-sidebar md-sidebar--primary"'
MENU_ENDS = ('<div class="md-sidebar md-sidebar--secondary"', '<div class="md-content"')
MENU_PLACE = "<!-- iopc: menu -->"


@dataclass(frozen=True)
class FinishedPage:
    """A page ready to publish, and the inline script hashes its policy allows (for the host's policy)."""

    html: str
    script_hashes: list[str]


def finish_page(html: str, content: SiteContent, page_address: str | None, *,
                allow_any_inline_script: bool = False) -> FinishedPage:
    """A page as MkDocs rendered it, made ready to publish. ``page_address`` is None for pages
    that are not at one address (the 404 page): their links get no address for printing.

    Raises ValueError when the page cannot carry its Content-Security-Policy (see
    ``add_content_security_policy``), holds an inline script the site does not ship, or
    a repair finds nothing to repair (see ``iopcsite.finish.repairs``).
    """
    rest, menu = set_menu_aside(html)
    ids = element_ids(rest) | element_ids(menu)
    rest = repair_html(rest, content, ids)
    if page_address is not None:
        rest = add_print_addresses(rest, page_address)
    rest = mark_external_links(rest)
    hashes = list(shipped_script_hashes(content.root))
    # The scripts are looked for in the rest of the page: the menu is links and labels, never a script.
    refuse_unshipped_scripts(rest, hashes)
    rest = add_content_security_policy(rest, hashes, allow_any_inline_script=allow_any_inline_script)
    return FinishedPage(put_menu_back(rest, mark_external_links(drop_dangling_label_targets(menu, ids))), hashes)


def set_menu_aside(html: str) -> tuple[str, str]:
    """(the page with a marker where the menu was, the menu); (the page, '') when it has no menu, or a script in it.

    Material writes the menu from titles it escapes, so a script there could only be its own, in lower case.
    """
    start = html.find(MENU_START)
    # What follows the menu is near the end of the page: looked for from there.
    ends = [found for found in (html.rfind(marker) for marker in MENU_ENDS) if found > start] if start != -1 else []
    if not ends:
        return html, ""
    before, menu, after = html[:start], html[start:min(ends)], html[min(ends):]
    if "<script" in menu or MENU_PLACE in before or MENU_PLACE in after:
        return html, ""
    return before + MENU_PLACE + after, menu


def put_menu_back(rest: str, menu: str) -> str:
    """The page whole again."""
    return rest.replace(MENU_PLACE, menu, 1) if menu else rest
