"""``make check``: validate every content file quickly, without building.

Problems stop the build. After a clean check come lists that stop nothing:
translation coverage, warnings (such as a campaign colour print cannot reach),
what is held back from the public site (drafts and embargoes), and what is past
its review date.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from iopcsite.authoring.errors import ContentError, ContentProblem
from iopcsite.authoring.publishing import Publishing, current_publishing
from iopcsite.checks.readability import readability_problems
from iopcsite.checks.translation_coverage import translation_coverage
from iopcsite.content.holding import hold_reason
from iopcsite.content.site_content import SiteContent, load_site_content


@dataclass(frozen=True, order=True)
class Notice:
    """A line an author should read that does not stop publishing."""

    file: str
    line: int | None
    text: str

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.text}"


def held_back(content: SiteContent) -> list[Notice]:
    """Every draft and embargoed item of every collection, with why it is held back."""
    return sorted(Notice(item.file, item.line, f"{item.described()} is {hold_reason(item, content.publishing)}.")
                  for item in content.items if not content.shows(item))


def overdue_reviews(content: SiteContent) -> list[Notice]:
    """Items of every collection whose ``review_by`` date has passed (held-back ones too)."""
    today = content.publishing.today
    notices = []
    for item in content.items:
        if item.review is None or item.review.review_by >= today:
            continue
        # An item that shares its file with others is named; a file of its own names it already.
        named = f"{item.described()}: " if item.line is not None else ""
        notices.append(Notice(item.file, item.review_line,
                              f"{named}review_by {item.review.review_by.isoformat()} has passed "
                              f"(last reviewed {item.review.last_reviewed.isoformat()})."))
    return sorted(notices)


def run_check(root: Path, out=sys.stdout, publishing: Publishing | None = None) -> int:
    """Check all content; print every problem, then the notices; return the exit status."""
    publishing = publishing or current_publishing()
    try:
        content = load_site_content(root, publishing, draw=False)
    except ContentError as error:
        print(error.report(), file=out)
        print("\nNothing was built. Fix the problems above, then run 'make check' again.", file=out)
        return 1
    sentence_report, wordy_pages = readability_problems(content)
    print("Plain English, sentence length per page:", *sentence_report, sep="\n", file=out)
    if wordy_pages:
        print(ContentError(wordy_pages).report(), file=out)
        return 1
    print(f"Checked {checked_items(content)}: no problems.", file=out)
    for coverage in translation_coverage(content):
        print(coverage.line(), file=out)
    _print_warnings(out, content.warnings)
    _print_notices(out, "Not on the public site yet (you can see these in 'make serve'):", held_back(content))
    _print_notices(out, "Past their review date. This does not stop publishing, but please check each one is "
                        "still right, then update last_reviewed and review_by:", overdue_reviews(content))
    return 0


def checked_items(content: SiteContent) -> str:
    """'22 pages, 48 questions, 6 FAQ topics, 1 campaign': how many items of each kind were checked."""
    counts = Counter(item.noun for item in content.items)
    return ", ".join(f"{count} {noun if count == 1 else plural(noun)}" for noun, count in counts.items())


def plural(noun: str) -> str:
    return noun + "es" if noun.endswith(("s", "ch", "sh", "x")) else noun + "s"


def _print_warnings(out, warnings: list[ContentProblem]) -> None:
    if warnings:
        count = len(warnings)
        print(f"\n{count} warning{'s' if count != 1 else ''}. These do not stop publishing, but please look at each one:",
              file=out)
        for warning in warnings:
            print(f"  - WARNING: {warning}", file=out)


def _print_notices(out, heading: str, notices: list[Notice]) -> None:
    if notices:
        print(f"\n{heading}", file=out)
        for notice in notices:
            print(f"  - {notice}", file=out)
