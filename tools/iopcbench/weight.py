"""What a first visit to a built page transfers, read from the built files.

A browser with an empty cache fetches the page, its stylesheets, scripts, icon,
eager images and the fonts its stylesheets declare, and the search worker that
``__config`` names where the page has Material's search (plain Material fetches the
worker and the whole index with every page, so they count in its first visit).
Lazy images are listed separately: they load only when scrolled to. So is what our
pages load only once a reader searches (search-ui.js, its words, Pagefind's engine,
worker, WebAssembly and the language's meta file); the index chunks each query needs
come on top, and ``search_cost`` measures those in a browser. Text files count at gzip
level 9, as a web server sends them; images and fonts, already compressed, count
as they are. The figures are the same on every machine.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from iopcsite.authoring.markdown_text import page_file_name
from iopcsite.search.pagefind_index import BUNDLE

GZIP_LEVEL = 9
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.S)
FONT_SRC = re.compile(r"src\s*:\s*[^;]*?url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
COMPRESSED_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".woff2", ".woff", ".ico")
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "apple-touch-icon"}


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str
    raw: int
    gzip: int


@dataclass
class FirstVisit:
    """The files a first visit to one page fetches, and those it leaves until scrolled to."""

    page: str
    resources: list[Resource] = field(default_factory=list)
    lazy_images: list[Resource] = field(default_factory=list)
    on_search: list[Resource] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    @property
    def total_gzip(self) -> int:
        """Everything a first visit sends."""
        return sum(resource.gzip for resource in self.resources)

    @property
    def search_gzip(self) -> int:
        """What searching then adds before any index chunk: our search files and Pagefind's engine."""
        return sum(resource.gzip for resource in self.on_search)

    @property
    def total_raw(self) -> int:
        return sum(resource.raw for resource in self.resources)

    def gzip_of(self, *kinds: str) -> int:
        return sum(resource.gzip for resource in self.resources if resource.kind in kinds)

    def as_dict(self) -> dict:
        return {
            "page": self.page, "total_raw": self.total_raw, "total_gzip": self.total_gzip,
            "search_gzip": self.search_gzip, "on_search": [vars(resource) for resource in self.on_search],
            "by_kind_gzip": {kind: self.gzip_of(kind) for kind in sorted({r.kind for r in self.resources})},
            "resources": [vars(resource) for resource in self.resources],
            "lazy_images": [vars(resource) for resource in self.lazy_images],
            "missing": self.missing, "external": self.external,
        }


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetched: list[tuple[str, str]] = []
        self.lazy: list[str] = []
        self.config_text: str | None = None
        self.search_form: dict[str, str] | None = None  # our header search form (data-iopc-search-form)
        self.language = "en"
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and FETCHED_LINKS & set(values.get("rel", "").lower().split()) and values.get("href"):
            kind = "css" if "stylesheet" in values["rel"].lower() else "icon"
            self.fetched.append((kind, values["href"]))
        elif tag == "script" and values.get("src"):
            self.fetched.append(("js", values["src"]))
        elif tag == "html":
            self.language = values.get("lang") or "en"
        elif tag == "form" and "data-iopc-search-form" in values:
            self.search_form = values
        elif tag == "script" and values.get("id") == "__config":
            self._in_config = True
        elif tag == "img" and values.get("src"):
            (self.lazy.append(values["src"]) if values.get("loading") == "lazy"
             else self.fetched.append(("image", values["src"])))

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config_text = (self.config_text or "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_config = False


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at a fixed level and with no timestamp, so the figure never varies."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def page_file(site_dir: Path, page_path: str) -> Path:
    """The HTML file behind a site path: ``faqs/reviews/`` is ``faqs/reviews/index.html``."""
    return Path(site_dir) / page_file_name(page_path)


def first_visit(site_dir: Path, page_path: str) -> FirstVisit:
    """Everything a browser with an empty cache fetches to show ``page_path`` of the built site."""
    site_dir = Path(site_dir)
    visit = FirstVisit(page_path)
    html = page_file(site_dir, page_path).read_bytes()
    visit.resources.append(Resource("/" + page_path, "html", len(html), gzip_size(html)))
    parser = _PageParser()
    parser.feed(html.decode("utf-8"))
    page_url = "/" + page_path
    eager_search, on_search = _search_files(parser, page_url, site_dir)
    wanted = [(kind, urljoin(page_url, href)) for kind, href in parser.fetched] + eager_search
    seen = {page_url}
    for kind, url in wanted:
        if url in seen:
            continue
        seen.add(url)
        resource = _resource(site_dir, url, kind, visit)
        if resource is None:
            continue
        visit.resources.append(resource)
        if kind == "css":
            for font_url in _font_urls(resource_bytes(site_dir, url), url):
                if font_url not in seen:
                    seen.add(font_url)
                    font = _resource(site_dir, font_url, "font", visit)
                    if font:
                        visit.resources.append(font)
    for href in parser.lazy:
        image = _resource(site_dir, urljoin(page_url, href), "lazy-image", visit)
        if image:
            visit.lazy_images.append(image)
    for kind, url in on_search:
        resource = _resource(site_dir, url, kind, visit)
        if resource:
            visit.on_search.append(resource)
    return visit


def _search_files(parser: "_PageParser", page_url: str, site_dir: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(what a page fetches for search as it loads, what it leaves until a reader searches), as (kind, url).

    Plain Material starts its worker and fetches the whole index with every page. Ours carry
    only the search form: searching brings search-ui.js and Pagefind's fixed files."""
    if parser.search_form is not None:
        return [], _pagefind_files(parser, page_url, site_dir)
    config = json.loads(parser.config_text) if parser.config_text else {}
    if not config.get("search"):
        return [], []
    index = ("search-index", urljoin(urljoin(page_url, (config.get("base") or ".").rstrip("/") + "/"),
                                     "search/search_index.json"))
    return [("search-worker", urljoin(page_url, config["search"])), index], []


def _pagefind_files(parser: "_PageParser", page_url: str, site_dir: Path) -> list[tuple[str, str]]:
    root = urljoin(page_url, parser.search_form.get("data-root", "./"))
    bundle = urljoin(root, BUNDLE + "/")
    entry = json.loads((Path(site_dir) / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    language = parser.language if parser.language in entry["languages"] else next(iter(entry["languages"]))
    details = entry["languages"][language]
    wasm = f"wasm.{details.get('wasm') or 'unknown'}.pagefind"
    return [("search-ui", urljoin(root, "assets/js/search-ui.js")),
            ("search-strings", urljoin(urljoin(page_url, parser.search_form.get("action", "search/")), "strings.json")),
            ("search-engine", urljoin(bundle, "pagefind.js")), ("search-worker", urljoin(bundle, "pagefind-worker.js")),
            ("search-entry", urljoin(bundle, "pagefind-entry.json")),
            ("search-meta", urljoin(bundle, f"pagefind.{details['hash']}.pf_meta")), ("search-wasm", urljoin(bundle, wasm))]


def _font_urls(css: bytes, css_url: str) -> list[str]:
    """The first source of each @font-face: what a browser that supports it downloads."""
    found = []
    for block in FONT_FACE.findall(css.decode("utf-8", "replace")):
        match = FONT_SRC.search(block)
        if match and not match.group(1).startswith("data:"):
            found.append(urljoin(css_url, match.group(1)))
    return found


def resource_bytes(site_dir: Path, url: str) -> bytes:
    path = urlsplit(url).path
    return page_file(site_dir, path.lstrip("/")).read_bytes()


def _resource(site_dir: Path, url: str, kind: str, visit: FirstVisit) -> Resource | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("data:"):
        if not url.startswith("data:"):
            visit.external.append(url)
        return None
    path = page_file(site_dir, parts.path.lstrip("/"))
    try:
        stat = path.stat()
        raw, sent = _sizes(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        visit.missing.append(url)
        return None
    return Resource(parts.path, kind, raw, sent)


@functools.lru_cache(maxsize=4096)
def _sizes(path: str, mtime_ns: int, size: int) -> tuple[int, int]:
    """(raw, sent) bytes of one file; every page shares the theme's files, so each is compressed once."""
    data = Path(path).read_bytes()
    return len(data), len(data) if path.lower().endswith(COMPRESSED_SUFFIXES) else gzip_size(data)


def search_index_sizes(site_dir: Path) -> dict[str, dict[str, int]]:
    """Each language's Pagefind index: its pages, its chunks and their bytes (a query fetches a few chunks)."""
    bundle = Path(site_dir) / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    sizes = {}
    for language, details in sorted(entry["languages"].items()):
        chunks = sorted((bundle / "index").glob(f"{language}_*.pf_index"))
        sent = [chunk.stat().st_size for chunk in chunks]  # already gzip-compressed by Pagefind
        sizes[language] = {"pages": details["page_count"], "chunks": len(chunks), "gzip": sum(sent),
                           "largest_chunk_gzip": max(sent, default=0)}
    return sizes
