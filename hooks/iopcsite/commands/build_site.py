"""``make build``: a strict build of every language that never leaves a half-written ``site/``.

The content is loaded and checked once, here (or taken from the cache when nothing
it is made from has changed: see ``prepared``); each language is then built by its own
MkDocs process, all at once (one per core), into a staging folder, from its share of
that content, handed over in a file. The finished languages are put together and
moved into place in one step. A bilingual build therefore takes little longer than an
English one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from iopcsite.authoring.errors import ContentError
from iopcsite.authoring.publishing import NOW_VARIABLE, Publishing, current_publishing
from iopcsite.config.languages import LANGUAGES_VARIABLE
from iopcsite.content.content_cache import PREPARED_CONTENT_VARIABLE, prepare_content
from iopcsite.search.pagefind_index import CACHE_DIR as SEARCH_CACHE_DIR, index_site
from iopcsite.finish.security import (
    HEADERS_FILE,
    script_hashes_in_headers_file,
    write_headers_file,
)

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
KEPT_CONTENT_NOTE = "Content unchanged since an earlier build: checked then, so not checked again."


def build_site(root: Path, site_dir: Path | None = None, languages: list[str] | None = None) -> int:
    """Build ``languages`` (default: all configured) into ``site_dir``; return the exit status."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    publishing = current_publishing()
    try:
        prepared = prepare_content(root, publishing)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        print(f"\nNothing was built; {site_dir.name}/ was left as it was. Fix the problems above, "
              "then run 'make check' again.", file=sys.stderr)
        return 1
    prefixes = prepared.prefixes
    languages = languages or list(prefixes)
    if prepared.from_cache:
        print(KEPT_CONTENT_NOTE)
    if prepared.summary:
        # Loading the content rendered the campaign products into the cache, once, before the
        # language processes start: they take them from the prepared content instead of drawing them too.
        print(prepared.summary)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    clearing = _clear_retired_sites(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    environment = build_environment(root, publishing)
    try:
        with ThreadPoolExecutor(max_workers=len(languages)) as pool:
            results = list(pool.map(lambda language: _build_language(
                root, staging / language, language,
                {**environment, PREPARED_CONTENT_VARIABLE: str(prepared.files[language])}), languages))
        for language, (status, output) in zip(languages, results):
            if output.strip():
                print(f"--- {language} ---\n{output.rstrip()}", file=sys.stderr if status else sys.stdout)
        failed = [language for language, (status, _) in zip(languages, results) if status]
        if failed:
            print(f"\nThe build failed ({', '.join(failed)}); {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        # Each language's build wrote its own; the host's policy must allow every language's pages.
        script_hashes = {source for language in languages
                         for source in script_hashes_in_headers_file(staging / language / HEADERS_FILE)}
        assembled = _assemble(staging, languages, prefixes)
        write_headers_file(assembled, script_hashes)
        # Over every language at once: Pagefind files each page by its <html lang>.
        index_site(assembled, root / SEARCH_CACHE_DIR / "-".join(sorted(languages)))
        _swap_into_place(assembled, site_dir)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        clearing.join()


def build_environment(root: Path, publishing: Publishing) -> dict[str, str]:
    """What every MkDocs process of one build shares: one build date and one 'now'."""
    return {
        **os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(root),
        # So the check above and every language agree on what is published, even across a publish_from time.
        NOW_VARIABLE: publishing.now.isoformat(),
    }


FALLBACK_EPOCH = "1767225600"  # 2026-01-01, for a copy of the project outside git


def source_date_epoch(root: Path) -> str:
    """The time of the last commit: the build date MkDocs stamps into the sitemap, the same for every build of a commit."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else FALLBACK_EPOCH


def _build_language(root: Path, output: Path, language: str, environment: dict[str, str]) -> tuple[int, str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(output)]
    result = subprocess.run(command, cwd=root, env={**environment, LANGUAGES_VARIABLE: language},
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def _assemble(staging: Path, languages: list[str], prefixes: dict[str, str]) -> Path:
    """The first language's build is the site; each other language brings its own folder
    and its sitemap. The theme's files are the same in every build."""
    site = staging / languages[0]
    for language in languages[1:]:
        prefix = prefixes[language].rstrip("/")
        built = staging / language
        shutil.move(str(built / prefix), str(site / prefix))
        for name in SITEMAPS:
            shutil.move(str(built / name), str(site / prefix / name))
    return site


def _swap_into_place(built: Path, site_dir: Path) -> None:
    """Put the new site in place in one step. The site it replaces is moved aside, to be deleted
    while the next build runs (``_clear_retired_sites``): deleting a whole site waits on the disk
    for seconds, which an author would otherwise wait for at the end of every build."""
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=_retired_prefix(site_dir), dir=site_dir.parent))
        site_dir.rename(retired / site_dir.name)
    built.rename(site_dir)


def _retired_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-replaced-"


def _clear_retired_sites(site_dir: Path) -> threading.Thread:
    """Start deleting the sites earlier builds replaced, beside the build's own work; join it before returning."""
    retired = sorted(site_dir.parent.glob(_retired_prefix(site_dir) + "*"))
    clearing = threading.Thread(target=lambda: [shutil.rmtree(path, ignore_errors=True) for path in retired])
    clearing.start()
    return clearing
