"""``make check``: validate every content file quickly, without building."""

from __future__ import annotations

import sys
from pathlib import Path

from .build import load_site_content
from .coverage import translation_coverage
from .errors import ContentError


def run_check(root: Path, out=sys.stdout) -> int:
    """Check all content; print every problem; return the exit status."""
    try:
        content = load_site_content(root, render_campaigns=False)
    except ContentError as error:
        print(error.report(), file=out)
        print("\nNothing was built. Fix the problems above, then run 'make check' again.", file=out)
        return 1
    print(f"Checked {len(content.pages)} pages, {len(content.faqs)} FAQs in {len(content.topics)} topics: no problems.", file=out)
    for coverage in translation_coverage(content):
        print(coverage.line(), file=out)
    return 0
