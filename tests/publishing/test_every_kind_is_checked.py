"""``make check`` treats every kind of content alike: campaigns and FAQ topics too.

Each test here failed before the collections moved onto one contract: the overdue
list skipped campaigns, translation coverage counted neither campaigns nor FAQ
topics, and campaign pages were registered with no words, so their plain English
was judged only by ``make test``.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from iopcsite.authoring.publishing import LONDON, Publishing
from iopcsite.commands.check import run_check
from support.project import line_of, replace_in

CAMPAIGN = "campaigns/you-have-a-voice/campaign.yml"


def check(root, now: str = "2026-11-22T12:00") -> tuple[int, str]:
    out = io.StringIO()
    status = run_check(root, out, Publishing(dt.datetime.fromisoformat(now).replace(tzinfo=LONDON)))
    return status, out.getvalue()


def coverage_line(report: str) -> str:
    return next(line for line in report.splitlines() if line.startswith("Translation into 'cy'"))


def test_make_check_lists_a_campaign_past_its_review_date(project_copy):
    project = project_copy
    status, report = check(project, now="2027-06-01T09:00")
    assert status == 0, report
    line = line_of(project / CAMPAIGN, "review_by:")
    assert f"{CAMPAIGN}:{line}: review_by 2027-05-22 has passed (last reviewed 2026-11-22)." in report


def test_translation_coverage_counts_faq_topics_and_campaigns(project_copy):
    project = project_copy
    _, report = check(project)
    assert "6/6 FAQ topics complete, 0 need review, 0 missing" in coverage_line(report)
    assert "1/1 campaign complete, 0 need review, 0 missing" in coverage_line(report)
    replace_in(project / "docs/_data/faq-topics.yml",
               "    translations:\n      cy:\n        title: Gwneud cwyn\n"
               "        description: Cwestiynau am bwy sy'n gallu cwyno, sut i gwyno a beth i'w gynnwys.\n", "")
    campaign = (project / CAMPAIGN).read_text(encoding="utf-8")
    (project / CAMPAIGN).write_text(campaign[:campaign.index("\ntranslations:\n") + 1], encoding="utf-8")
    status, report = check(project)
    assert status == 0, report
    assert "5/6 FAQ topics complete, 0 need review, 1 missing" in coverage_line(report)
    assert "0/1 campaign complete, 0 need review, 1 missing" in coverage_line(report)


def test_make_check_judges_the_plain_english_of_campaign_pages(project_copy):
    project = project_copy
    text = (project / CAMPAIGN).read_text(encoding="utf-8")
    audience = re.search(r"^  audience: >-\n(    .*\n)+", text, re.M)
    wordy = ("Women and girls who have been let down by the police in any of the many different ways that this can "
             "happen to a person who has asked the police for help at a time when they needed it most of all.")
    (project / CAMPAIGN).write_text(text.replace(audience.group(0), f"  audience: {wordy}\n", 1), encoding="utf-8")
    status, report = check(project)
    assert status == 1
    assert f"{CAMPAIGN}:{line_of(project / CAMPAIGN, 'audience:')}: campaigns/you-have-a-voice/index.md:" in report
    assert f'Longest sentence: "{wordy}"' in report
