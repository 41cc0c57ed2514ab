"""``make build``: a strict MkDocs build that never leaves a half-written ``site/``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .build import load_site_content
from .errors import ContentError
from .publishing import NOW_VARIABLE, current_publishing


def build_site(root: Path, site_dir: Path | None = None, extra_args: list[str] | None = None) -> int:
    """Build into a temporary folder and move it into place only when the build succeeds."""
    site_dir = site_dir or root / "site"
    publishing = current_publishing()
    try:
        load_site_content(root, publishing)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        print(f"\nNothing was built; {site_dir.name}/ was left as it was. Fix the problems above, "
              "then run 'make check' again.", file=sys.stderr)
        return 1
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(staging)]
    environment = {**os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1",
                   "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(root),
                   # One moment for the whole build, so the check above and MkDocs agree on what is published.
                   NOW_VARIABLE: publishing.now.isoformat()}
    result = subprocess.run(command + (extra_args or []), cwd=root, env=environment)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nThe build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
        return result.returncode
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


FALLBACK_EPOCH = "1767225600"  # 2026-01-01, for a copy of the project outside git


def source_date_epoch(root: Path) -> str:
    """The time of the last commit: the build date MkDocs stamps into the sitemap, the same for every build of a commit."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else FALLBACK_EPOCH
