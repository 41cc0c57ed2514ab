"""``make check``: validate every content file quickly, without building.

Problems stop the build. After a clean check come lists that stop nothing:
translation coverage, what is held back from the public site (drafts and
embargoes), and what is past its review date.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from iopcsite.authoring.errors import ContentError
from iopcsite.authoring.publishing import Publishing, Status, current_publishing, status
from iopcsite.checks.readability import readability_problems
from iopcsite.checks.translation_coverage import translation_coverage
from iopcsite.collections.pages.loader import SourcePage
from iopcsite.content.site_content import SiteContent, describe_hold, load_site_content


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
    """Every draft and embargoed page and question, with why it is held back."""
    notices = [Notice(page.file, None, f"page '{page.meta.title}' is {_page_hold(content, page)}.")
               for page in content.held_back_pages.values()]
    notices += [Notice(item.file, item.line, f"question '{item.faq.id}' is {describe_hold(item.faq)}.")
                for item in content.held_back_faqs]
    campaigns = {campaign.slug: campaign for campaign in content.held_back_campaigns.values()}
    notices += [Notice(f"campaigns/{slug}/campaign.yml", None, f"campaign '{slug}' is {describe_hold(campaign)}.")
                for slug, campaign in campaigns.items()]
    return sorted(notices)


def _page_hold(content: SiteContent, page: SourcePage) -> str:
    if status(page.meta, content.publishing.now) is not Status.published:
        return describe_hold(page.meta)
    return f"a translation, held back with the page it translates ({page.base_uri})"


def overdue_reviews(content: SiteContent) -> list[Notice]:
    """Pages and questions whose ``review_by`` date has passed (held-back ones too)."""
    today = content.publishing.today
    notices = []
    for page in [*content.pages.values(), *content.held_back_pages.values()]:
        if page.meta.review_by < today:
            notices.append(Notice(page.file, page.front.position(("review_by",))[0],
                                  f"review_by {page.meta.review_by.isoformat()} has passed "
                                  f"(last reviewed {page.meta.last_reviewed.isoformat()})."))
    for item in [*content.faqs, *content.held_back_faqs]:
        if item.faq.review_by < today:
            notices.append(Notice(item.file, item.line,
                                  f"question '{item.faq.id}': review_by {item.faq.review_by.isoformat()} has passed "
                                  f"(last reviewed {item.faq.last_reviewed.isoformat()})."))
    return sorted(notices)


def run_check(root: Path, out=sys.stdout, publishing: Publishing | None = None) -> int:
    """Check all content; print every problem, then the notices; return the exit status."""
    publishing = publishing or current_publishing()
    try:
        content = load_site_content(root, publishing, render_campaigns=False)
    except ContentError as error:
        print(error.report(), file=out)
        print("\nNothing was built. Fix the problems above, then run 'make check' again.", file=out)
        return 1
    sentence_report, wordy_pages = readability_problems(content)
    print("Plain English, sentence length per page:", *sentence_report, sep="\n", file=out)
    if wordy_pages:
        print(ContentError(wordy_pages).report(), file=out)
        return 1
    print(f"Checked {len(content.pages) + len(content.held_back_pages)} pages, "
          f"{len(content.faqs) + len(content.held_back_faqs)} FAQs in {len(content.topics)} topics: no problems.",
          file=out)
    for coverage in translation_coverage(content):
        print(coverage.line(), file=out)
    _print_notices(out, "Not on the public site yet (you can see these in 'make serve'):", held_back(content))
    _print_notices(out, "Past their review date. This does not stop publishing, but please check each one is "
                        "still right, then update last_reviewed and review_by:", overdue_reviews(content))
    return 0


def _print_notices(out, heading: str, notices: list[Notice]) -> None:
    if notices:
        print(f"\n{heading}", file=out)
        for notice in notices:
            print(f"  - {notice}", file=out)
