"""``make build``: a strict build of every language that never leaves a half-written ``site/``.

Each language is built by its own MkDocs process, all at once (one per core), into
a staging folder; the finished languages are then put together and moved into place
in one step. A bilingual build therefore takes little longer than an English one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .campaign.build import build_campaigns
from .errors import ContentError
from .i18n import LANGUAGES_VARIABLE, language_prefixes
from .site import load_site_config

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def build_site(root: Path, site_dir: Path | None = None, languages: list[str] | None = None) -> int:
    """Build ``languages`` (default: all configured) into ``site_dir``; return the exit status."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    config = load_site_config(root)
    prefixes = language_prefixes(config)
    languages = languages or list(prefixes)
    _render_campaigns_once(root, config)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        with ThreadPoolExecutor(max_workers=len(languages)) as pool:
            results = list(pool.map(lambda language: _build_language(root, staging / language, language), languages))
        for language, (status, output) in zip(languages, results):
            if output.strip():
                print(f"--- {language} ---\n{output.rstrip()}", file=sys.stderr if status else sys.stdout)
        failed = [language for language, (status, _) in zip(languages, results) if status]
        if failed:
            print(f"\nThe build failed ({', '.join(failed)}); {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        assembled = _assemble(staging, languages, prefixes)
        _swap_into_place(assembled, site_dir)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _render_campaigns_once(root: Path, config) -> None:
    """Fill the campaign render cache before the language processes start, so they do not
    draw the same products at the same time. Problems are left for those builds to report."""
    try:
        print(build_campaigns(root, config).summary())
    except ContentError:
        pass


def _build_language(root: Path, output: Path, language: str) -> tuple[int, str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(output)]
    environment = {**os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1",
                   LANGUAGES_VARIABLE: language}
    result = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def _assemble(staging: Path, languages: list[str], prefixes: dict[str, str]) -> Path:
    """The first language's build is the site; each other language brings its own folder
    (with its search index) and its sitemap. The theme's files are the same in every build."""
    site = staging / languages[0]
    for language in languages[1:]:
        prefix = prefixes[language].rstrip("/")
        built = staging / language
        shutil.move(str(built / prefix), str(site / prefix))
        for name in SITEMAPS:
            shutil.move(str(built / name), str(site / prefix / name))
    return site


def _swap_into_place(built: Path, site_dir: Path) -> None:
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    built.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
