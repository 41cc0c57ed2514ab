"""Content loaded once and handed to every language's MkDocs process, kept between builds.

``make build`` loads and checks all content once, then starts one MkDocs process
per language. Each process reads its language's share from a file written here
instead of loading and checking everything again. The files are kept under
``.cache/iopcsite/content/``, found again by a hash of every input, so a build
with nothing changed does not load or check anything: what authors wait for
most is that build.

A kept copy is used only while the clock stays between the publish times the
content was checked against: once an embargo ends, the content is loaded again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import inspect
import json
import os
import pickle
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from iopcsite.authoring.publishing import Publishing, current_publishing
from iopcsite.config.languages import language_prefixes
from iopcsite.content.libraries import library_versions
from iopcsite.content.registry import registered_collections
from iopcsite.content.site_content import SiteContent, load_site_content
from iopcsite.config.site_address import site_url
from iopcsite.pdf import fonts, print_colour

PREPARED_CONTENT_VARIABLE = "IOPC_PREPARED_CONTENT"
CACHE_DIR = Path(".cache/iopcsite/content")
# What every build reads besides the collections' own sources (``Collection.sources``).
INPUTS = ("mkdocs.yml", "docs", "hooks")
KEEP_ENTRIES = 4  # enough for switching between a few branches without rebuilding


@dataclass(frozen=True)
class PreparedContent:
    """Where each language's share of the content is, and what loading it reported."""

    prefixes: dict[str, str]  # every configured language and its folder on the site: {'en': '', 'cy': 'cy/'}
    files: dict[str, Path]
    summary: str
    from_cache: bool


def prepare_content(root: Path, publishing: Publishing) -> PreparedContent:
    """Each language's share of the checked content, in a file: kept from an earlier build when
    nothing it depends on has changed, or loaded and checked now (raises ContentError)."""
    cache = Path(root) / CACHE_DIR
    key = input_key(root, publishing)
    entry = cache / key
    found = _kept_entry(entry, publishing.now)
    if found is not None:
        return found
    content = load_site_content(root, publishing)
    prefixes = language_prefixes(content.config)
    _write_entry(cache, entry, content, prefixes, publishing)
    _forget_old_entries(cache, keep=entry)
    return PreparedContent(prefixes, _files(entry, prefixes), content.summary, from_cache=False)


def content_for_build(root: Path) -> SiteContent:
    """The content a MkDocs process builds: prepared by ``make build``, or loaded and checked here
    (``mkdocs serve``, or ``mkdocs build`` run by hand)."""
    prepared = os.environ.get(PREPARED_CONTENT_VARIABLE)
    if not prepared:
        return load_site_content(root)
    registered_collections()  # imports the collections kept outside the package, which the content refers to
    with open(prepared, "rb") as file:
        content = pickle.load(file)
    content.publishing = current_publishing()  # the same moment: build_site passes it on in IOPC_NOW
    return content


def input_key(root: Path, publishing: Publishing) -> str:
    """A hash of every file the content is made from, the code that makes it, the libraries, font and
    colour profiles it uses, where the project is (the content refers to its own files: a moved
    project is loaded again) and where the site is published (feeds and downloads carry it)."""
    digest = hashlib.sha256()
    digest.update(f"{Path(root).resolve()}\0{sys.version}\0{library_versions()}\0{fonts.font_fingerprint()}\0"
                  f"{print_colour.profile_fingerprint()}\0{publishing.preview}\0{site_url(root)}\0".encode())
    for path in _input_files(Path(root), input_paths()):
        data = path.read_bytes()
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def input_paths() -> list[str]:
    """Every file and folder the content is made from: the site's, each collection's sources, and the
    code of collections kept outside the package (``IOPC_EXTRA_COLLECTIONS``)."""
    kinds = registered_collections()
    paths = [*INPUTS, *(source for kind in kinds for source in kind.sources)]
    paths += [str(Path(inspect.getsourcefile(kind)).parent) for kind in kinds if not kind.__module__.startswith("iopcsite.")]
    paths = list(dict.fromkeys(paths))
    return [path for path in paths if not any(path.startswith(other + "/") for other in paths)]


def _input_files(root: Path, paths: list[str]) -> list[Path]:
    found = []
    for name in paths:
        top = root / name
        if top.is_file():
            found.append(top)
            continue
        for folder, subfolders, files in os.walk(top, followlinks=True):
            subfolders[:] = sorted(sub for sub in subfolders if sub != "__pycache__" and not sub.startswith("."))
            found += [Path(folder) / file for file in sorted(files)]
    return found


def _files(entry: Path, prefixes: dict[str, str]) -> dict[str, Path]:
    return {language: entry / f"{language}.pickle" for language in prefixes}


def _kept_entry(entry: Path, now: dt.datetime) -> PreparedContent | None:
    try:
        facts = json.loads((entry / "entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    prefixes, files = facts["prefixes"], _files(entry, facts["prefixes"])
    after, before = (dt.datetime.fromisoformat(moment) if moment else None for moment in facts["unchanged_between"])
    if (after and now < after) or (before and now >= before) or not all(path.is_file() for path in files.values()):
        return None
    os.utime(entry)  # the most recently used entries are the ones kept
    return PreparedContent(prefixes, files, facts["summary"], from_cache=True)


def _write_entry(cache: Path, entry: Path, content: SiteContent, prefixes: dict[str, str],
                 publishing: Publishing) -> None:
    """Written to a temporary folder first and renamed, so a build never reads half an entry."""
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache, prefix=".tmp-"))
    for language in prefixes:
        own_files = {path: planned for path, planned in content.files.items() if planned.language == language}
        with (staging / f"{language}.pickle").open("wb") as file:
            pickle.dump(dataclasses.replace(content, files=own_files), file, protocol=pickle.HIGHEST_PROTOCOL)
    after, before = publishing.unchanged_between()
    facts = {"prefixes": prefixes, "unchanged_between": [moment.isoformat() if moment else None for moment in (after, before)],
             "summary": content.summary_when_kept}
    (staging / "entry.json").write_text(json.dumps(facts), encoding="utf-8")
    shutil.rmtree(entry, ignore_errors=True)
    try:
        os.replace(staging, entry)
    except OSError:  # another build wrote the same entry first
        shutil.rmtree(staging, ignore_errors=True)


def _forget_old_entries(cache: Path, keep: Path) -> None:
    entries = sorted((path for path in cache.iterdir() if path.is_dir() and not path.name.startswith(".")),
                     key=lambda path: path.stat().st_mtime, reverse=True)
    for old in [path for path in entries if path != keep][KEEP_ENTRIES - 1:]:
        shutil.rmtree(old, ignore_errors=True)
