"""``make build``: a strict MkDocs build that never leaves a half-written ``site/``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(root: Path, site_dir: Path | None = None, extra_args: list[str] | None = None) -> int:
    """Build into a temporary folder and move it into place only when the build succeeds."""
    site_dir = site_dir or root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(staging)]
    environment = {**os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
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
