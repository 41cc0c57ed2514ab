"""Every link between the built site's own files leads somewhere: pages, anchors, styles, scripts, images.

The content check follows the links authors write; this crawl also follows the ones the
theme writes (header, footer, language switcher, the 404 page), in every language.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

# (tag, attribute): every place a page names another file of the site.
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("img", "srcset"), ("source", "srcset"))
# Schemes that lead off the site (or nowhere a crawl can follow) and are therefore not checked.
OTHER_SCHEMES = frozenset({"mailto", "tel", "sms", "data"})


@dataclass(frozen=True)
class BrokenLink:
    """A link on ``page`` (its path in the site) that leads nowhere, and why."""

    page: str
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href} ({self.reason})"


@dataclass
class SitePage:
    """One parsed HTML file: the addresses it links to and the anchors it offers."""

    links: list[str]
    anchors: set[str]


def read_page(path: Path) -> SitePage:
    tree = lxml.html.fromstring(path.read_bytes())
    links = [value for tag, attribute in LINK_ATTRIBUTES for element in tree.iter(tag)
             for value in _addresses(element.get(attribute), attribute)]
    anchors = {element.get("id") for element in tree.iter() if element.get("id") is not None}
    anchors |= {element.get("name") for element in tree.iter("a") if element.get("name") is not None}
    return SitePage(links, anchors)


def _addresses(value: str | None, attribute: str) -> list[str]:
    if value is None:
        return []
    if attribute == "srcset":  # "a.png 1x, b.png 2x": the first word of each candidate
        return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value]


def broken_links(site_dir: Path, site_url: str) -> list[BrokenLink]:
    """Every internal link or anchor in ``site_dir`` that does not resolve; ``site_url`` is
    the address the site was built for (links written in full to it are internal too)."""
    pages = {path.relative_to(site_dir).as_posix(): read_page(path) for path in sorted(site_dir.rglob("*.html"))}
    site = urlsplit(site_url)
    broken = []
    for name, page in pages.items():
        for href in page.links:
            reason = _problem(site_dir, pages, name, href, site)
            if reason:
                broken.append(BrokenLink(name, href, reason))
    return broken


def _problem(site_dir: Path, pages: dict[str, SitePage], name: str, href: str, site) -> str | None:
    """Why ``href`` on page ``name`` leads nowhere, or None when it resolves (or is not ours to check)."""
    address = urlsplit(href.strip())
    scheme = address.scheme.lower()
    if scheme == "javascript":
        return "a javascript: link runs code instead of leading anywhere"
    if scheme in OTHER_SCHEMES or (scheme and scheme not in ("http", "https")):
        return None
    if address.netloc and address.netloc != site.netloc:
        return None  # another site
    if address.netloc:
        if not address.path.startswith(site.path):
            return "a full address outside the site"
        path = "/" + address.path[len(site.path):]
    elif address.path.startswith("/"):
        if not address.path.startswith(site.path):
            return "an address outside the site"
        path = "/" + address.path[len(site.path):]
    else:
        path = posixpath.join("/" + posixpath.dirname(name), address.path) if address.path else "/" + name
    target = _target_file(site_dir, unquote(posixpath.normpath(path)), path.endswith("/") or not path.strip("/"))
    if target is None:
        return "no such file"
    fragment = unquote(address.fragment)
    if not fragment:
        return None
    if target not in pages:
        return f"#{fragment} points into a file that is not a page"
    return None if fragment in pages[target].anchors else f"no element with id '{fragment}' on {target}"


def _target_file(site_dir: Path, path: str, is_directory: bool) -> str | None:
    """The file a site path leads to (a folder leads to its index.html), relative to the site, or None."""
    relative = path.strip("/")
    if relative.startswith(".."):
        return None
    candidates = [posixpath.join(relative, "index.html")] if is_directory else [relative, posixpath.join(relative, "index.html")]
    return next((candidate.lstrip("/") for candidate in candidates if (site_dir / candidate).is_file()), None)


def built_site_url(site_dir: Path) -> str:
    """The address the site was built for, from its home page's canonical link."""
    tree = lxml.html.fromstring((site_dir / "index.html").read_bytes())
    canonical = tree.find(".//link[@rel='canonical']")
    assert canonical is not None, "the home page has no canonical link to tell the site's address"
    return canonical.get("href")


def test_every_internal_link_and_anchor_of_the_built_site_resolves(built_site):
    pages = list(built_site.rglob("*.html"))
    assert any(path.parts[len(built_site.parts)] == "cy" for path in pages), "the crawl must cover the Welsh pages"
    broken = broken_links(built_site, built_site_url(built_site))
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(map(str, broken))


def test_the_crawl_reports_each_broken_link_and_anchor_with_its_page(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="style.css"></head><body>'
        '<a href="about/">About</a> <a href="about/#team">Team</a> <a href="#top" id="top">Top</a>'
        '<a href="https://elsewhere.example/gone/">Another site</a> <a href="mailto:a@example.org">Mail</a>'
        '<a href="http://site.example/about/">Us in full</a>'
        '<a href="missing/">Missing</a> <a href="about/#nobody">Nobody</a> <img src="/logo.png" alt="">'
        '<a href="javascript:go()">Run</a></body></html>', encoding="utf-8")
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "about" / "index.html").write_text(
        '<html><body><h2 id="team">Team</h2><a href="../#top">Home</a><a href="../index.html">Home</a>'
        '<a href="http://site.example/gone/">Gone</a></body></html>', encoding="utf-8")

    broken = broken_links(tmp_path, "http://site.example/")

    assert [(link.page, link.href) for link in broken] == [
        ("about/index.html", "http://site.example/gone/"),
        ("index.html", "missing/"),
        ("index.html", "about/#nobody"),
        ("index.html", "javascript:go()"),
        ("index.html", "/logo.png"),
    ]
    assert "no element with id 'nobody' on about/index.html" in str(broken[2])
