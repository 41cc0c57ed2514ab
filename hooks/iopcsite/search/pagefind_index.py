"""Index the built site with Pagefind, then write the files Pagefind leaves in a varying order in a fixed one.

Pagefind (PyPI ``pagefind[bin]``) splits each language's index into chunks by word, so a
reader's browser fetches the few chunks a query needs, whatever the size of the site.
It reads only the part of each page marked ``data-pagefind-body`` (see overrides/main.html)
and files each page under the language of its ``<html lang>``.

Its filter files list each filter's values in the order of a Rust hash map, which changes
from run to run (upstream issue 638), and the file names are hashes of the contents, so
the meta file that names them and the entry file that names the meta file change too.
``make_deterministic`` rewrites those three kinds of file with the values sorted and
names taken from the new contents; every other file Pagefind writes is already the same
on every run. It also cuts each language's word index again (``index_chunks`` says why):
chunks that never part words with the same start, and cost little to fetch.

Pagefind reads every page whole, menus and all (600 MB at the benchmark's size, about
13 seconds on two cores), so ``make build`` keeps the finished bundle in
``.cache/iopcsite/search/``, found again by a hash of every page it reads and of what shapes
the index: a build whose pages did not change takes the bundle from there.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable

import cbor2

from iopcsite.search import index_chunks

BUNDLE = "pagefind"
SIGNATURE = b"pagefind_dcd"  # what every compressed Pagefind data file starts with, once unpacked
# Pagefind's own search interfaces: ours is docs/assets/js/search-ui.js, so these are never used.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
# Inside a page's text, what is not part of it: the heading link symbols (¶).
EXCLUDED = ".headerlink"
CACHE_DIR = Path(".cache/iopcsite/search")
INDEXED_SUFFIX = ".html"  # Pagefind's default glob: every HTML file of the site
# In a .pf_meta file: [version, pages, index chunks [[from, to, file hash]], filters [[name, file hash]], sorts, meta fields].
META_CHUNKS = 2
META_FILTERS = 3


class SearchIndexError(RuntimeError):
    """Pagefind failed, or wrote files this module does not recognise."""


def index_site(site_dir: Path, cache_dir: Path | None = None) -> Path:
    """Index every page of the built site in ``site_dir``; returns the bundle folder (``site/pagefind``).

    With ``cache_dir``, a bundle made before from the same pages is copied in instead of indexing again,
    and a new one is kept there for next time, in place of the one before (give each kind of build,
    such as each set of languages, a folder of its own)."""
    bundle = Path(site_dir) / BUNDLE
    if cache_dir is None:
        _run_pagefind(Path(site_dir))
        return bundle
    cached = Path(cache_dir) / index_key(Path(site_dir))
    if not cached.is_dir():
        _run_pagefind(Path(site_dir))
        _keep(bundle, cached)
    else:
        shutil.rmtree(bundle, ignore_errors=True)
        # Linked, not copied: neither the site nor the cache ever rewrites a file in place, and a site
        # deleted or replaced leaves the cache's files as they are.
        shutil.copytree(cached, bundle, copy_function=_link_or_copy)
    return bundle


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another file system, or one without links
        shutil.copy2(source, destination)


def index_key(site_dir: Path) -> str:
    """A hash of what the index is made from: every page Pagefind reads, by its path, Pagefind's version,
    its options and the modules that rewrite what it writes."""
    digest = hashlib.sha256(f"{version('pagefind')}\0{EXCLUDED}\0{BUNDLE}\0".encode())
    for module in (__file__, index_chunks.__file__):
        digest.update(Path(module).read_bytes())
    pages = [page for page in sorted(site_dir.rglob(f"*{INDEXED_SUFFIX}"))
             if BUNDLE not in page.relative_to(site_dir).parts[:1]]
    # hashlib lets go of the interpreter while it hashes, so the pages are hashed on every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        for page, page_digest in zip(pages, pool.map(_file_digest, pages)):
            digest.update(f"{page.relative_to(site_dir).as_posix()}\0{page_digest}\0".encode())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run_pagefind(site_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
                             "--exclude-selectors", EXCLUDED, "--quiet"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    bundle = site_dir / BUNDLE
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    make_deterministic(bundle)


def _keep(bundle: Path, cached: Path) -> None:
    """Keep one bundle, the newest: an index is worth keeping only for the pages the site has now."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    for older in cached.parent.iterdir():
        shutil.rmtree(older, ignore_errors=True)
    # Copied under another name, then renamed: a build stopped part-way never leaves half a bundle to be found.
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=cached.parent))
    shutil.copytree(bundle, partial / BUNDLE)
    (partial / BUNDLE).rename(cached)
    partial.rmdir()


def indexed_pages(bundle: Path) -> dict[str, list[dict]]:
    """Every page in the index, by language: what Pagefind stored for it (``url``, ``content``, ``meta``
    with ``title`` and ``section``, ``filters``), in the index's order. For checks and tests."""
    return indexed_pages_read(lambda name: (Path(bundle) / name).read_bytes())


def indexed_pages_read(read: Callable[[str], bytes]) -> dict[str, list[dict]]:
    """As ``indexed_pages``, reading each file of the bundle by its name with ``read`` (from disk, or
    from a web server: ``make serve``'s index is in a folder of its own)."""
    entry = json.loads(read("pagefind-entry.json"))
    pages = {}
    for language, details in sorted(entry["languages"].items()):
        meta = _unpacked(read(f"pagefind.{details['hash']}.pf_meta"), details["hash"], cbor2.loads)
        pages[language] = [_unpacked(read(f"fragment/{fragment}.pf_fragment"), fragment, json.loads)
                           for fragment, _ in meta[1]]
    return pages


def indexed_chunks(bundle: Path) -> dict[str, list[tuple[str, str, list[list]]]]:
    """Each language's word index as its chunks, in order: ``(from, to, words)``. For checks and tests."""
    entry = json.loads((Path(bundle) / "pagefind-entry.json").read_bytes())
    chunks = {}
    for language, details in sorted(entry["languages"].items()):
        meta = _read(Path(bundle) / f"pagefind.{details['hash']}.pf_meta")
        chunks[language] = [(start, end, _read(Path(bundle) / "index" / f"{file_hash}.pf_index")[0])
                            for start, end, file_hash in meta[META_CHUNKS]]
    return chunks


def _unpacked(data: bytes, name: str, decode: Callable[[bytes], Any]) -> Any:
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise SearchIndexError(f"{name}: not a Pagefind data file")
    return decode(raw[len(SIGNATURE):])


def make_deterministic(bundle: Path) -> None:
    """Rewrite each language's word index and filter files, its meta file and the entry file, so the same
    pages give the same bytes and a query fetches all it needs and little else. Rewriting a rewritten bundle
    changes nothing."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language, details in entry["languages"].items():
        details["hash"] = _rewrite_meta(bundle, details["hash"])
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def _rewrite_meta(bundle: Path, meta_hash: str) -> str:
    """The meta file's new hash, after its word index is cut again and its filter files are rewritten in order,
    each file renamed after its contents."""
    old_meta = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(old_meta)
    if not isinstance(meta, list) or len(meta) <= META_FILTERS:
        raise SearchIndexError(f"{old_meta.name}: not the meta file layout of Pagefind 1.5")
    language = meta_hash.split("_", 1)[0]
    meta[META_CHUNKS] = _recut_index(bundle, language, meta[META_CHUNKS])
    for filter_entry in meta[META_FILTERS]:
        old_file = bundle / "filter" / f"{filter_entry[1]}.pf_filter"
        filter_entry[1] = _write_renamed(_sorted_filter(_read(old_file)), old_file, ".pf_filter")
    new_hash, packed = _named_and_packed(language, meta, 10)
    old_meta.unlink()
    (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(packed)
    return new_hash


def _recut_index(bundle: Path, language: str, chunks: list) -> list:
    """The language's word index cut again (see index_chunks), its files renamed after their contents;
    returns the meta file's new list of chunks."""
    old_files = [bundle / "index" / f"{file_hash}.pf_index" for _, _, file_hash in chunks]
    words = [word for old_file in old_files for word in _read(old_file)[0]]
    for old_file in old_files:  # first: a new file may have the name of an old one
        old_file.unlink()
    return [[start, end, _write_by_contents(bundle / "index", language, [chunk_words], ".pf_index")]
            for start, end, chunk_words in index_chunks.recut(words)]


def _sorted_filter(data: list) -> list:
    """A filter file, [filter name, [[value, [page numbers]], ...]], with its values and pages in order."""
    name, values = data
    return [name, sorted(([value, sorted(pages)] for value, pages in values), key=lambda pair: pair[0])]


def _write_renamed(data: list, old_file: Path, suffix: str) -> str:
    old_file.unlink()
    return _write_by_contents(old_file.parent, old_file.stem.split("_", 1)[0], data, suffix)


def _write_by_contents(folder: Path, language: str, data: list, suffix: str) -> str:
    """Write ``data`` as a Pagefind data file in ``folder``, named after its contents as Pagefind names
    index and filter files; returns the name without ``suffix``."""
    new_hash, packed = _named_and_packed(language, data, 7)
    (folder / f"{new_hash}{suffix}").write_bytes(packed)
    return new_hash


def _named_and_packed(language: str, data: list, length: int) -> tuple[str, bytes]:
    """A name from a hash of ``data``, and ``data`` packed as Pagefind reads it (encoded once, for both)."""
    encoded = cbor2.dumps(data, canonical=True)
    # Pagefind's names are '<language>_<hex>': the browser only asks for them by name, never checks the hash.
    # mtime=0: gzip would otherwise stamp the time of writing.
    return (f"{language}_{hashlib.sha256(encoded).hexdigest()[:length]}",
            gzip.compress(SIGNATURE + encoded, compresslevel=9, mtime=0))


def _read(path: Path) -> list:
    return _unpacked(path.read_bytes(), path.name, cbor2.loads)
