"""The publishing rules on their own: draft beats embargo, London time, the clock is injectable."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from iopcsite.authoring.errors import ContentError
from iopcsite.authoring.publishing import (
    LONDON,
    Publishing,
    Status,
    current_now,
    current_publishing,
    prune_nav,
    publish_moment,
    status,
)
from iopcsite.commands.check import run_check
from iopcsite.content.site_content import load_site_content
from support.project import replace_in, run_tool


@dataclass
class Item:
    draft: bool = False
    publish_from: object = None


def london(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.mark.parametrize("item, now, expected", [
    (Item(), "2026-11-22T12:00", Status.published),
    (Item(draft=True), "2026-11-22T12:00", Status.draft),
    (Item(draft=True, publish_from=dt.date(2020, 1, 1)), "2026-11-22T12:00", Status.draft),
    (Item(publish_from=dt.date(2026, 12, 1)), "2026-11-30T23:59", Status.embargoed),
    (Item(publish_from=dt.date(2026, 12, 1)), "2026-12-01T00:00", Status.published),
    (Item(publish_from=london("2026-12-01T09:00")), "2026-12-01T08:59", Status.embargoed),
    (Item(publish_from=london("2026-12-01T09:00")), "2026-12-01T09:00", Status.published),
])
def test_status(item, now, expected):
    assert status(item, london(now)) is expected


def test_summer_time_is_london_time_not_utc():
    # 09:00 in London in July is 08:00 UTC.
    moment = publish_moment(dt.datetime(2026, 7, 1, 9, 0))
    assert moment.astimezone(dt.timezone.utc).hour == 8
    assert status(Item(publish_from=moment), dt.datetime(2026, 7, 1, 8, 30, tzinfo=dt.timezone.utc)) is Status.published


def test_now_comes_from_iopc_now_and_preview_from_iopc_preview():
    assert current_now({"IOPC_NOW": "2027-01-01T09:00"}) == london("2027-01-01T09:00")
    assert current_publishing({"IOPC_NOW": "2027-01-01T09:00", "IOPC_PREVIEW": "1"}).preview
    assert not current_publishing({"IOPC_NOW": "2027-01-01T09:00"}).preview
    with pytest.raises(ValueError, match="IOPC_NOW"):
        current_now({"IOPC_NOW": "next week"})


def test_prune_nav_drops_held_back_pages_and_sections_left_empty():
    nav = ["index.md", {"Soon": "soon.md"}, {"Section": ["a.md", {"B": "b.md"}]}, {"Empty": ["soon.md"]}]
    assert prune_nav(nav, {"soon.md", "b.md"}) == ["index.md", {"Section": ["a.md"]}]
    assert prune_nav(None, {"soon.md"}) is None


@pytest.fixture
def project(project_copy):
    root = project_copy
    (root / "docs/plans.md").write_text(
        "---\ntitle: Plans\ndescription: Plans that are not ready.\nlast_reviewed: 2026-11-22\n"
        "review_by: 2027-05-22\npublish_from: 2026-12-01 09:00\n---\n\nText.\n", encoding="utf-8")
    (root / "docs/plans.cy.md").write_text(
        "---\ntitle: Cynlluniau\ndescription: Cynlluniau nad ydynt yn barod.\nlast_reviewed: 2026-11-22\n"
        "review_by: 2027-05-22\ntranslation: complete\n---\n\nTestun.\n", encoding="utf-8")
    return root


def test_a_translation_is_held_back_with_its_page(project):
    before = load_site_content(project, Publishing(london("2026-11-30T12:00")))
    assert {"plans.md", "plans.cy.md"} <= set(before.held_back)
    assert not {"plans.md", "plans.cy.md"} & set(before.pages)
    after = load_site_content(project, Publishing(london("2026-12-01T09:00")))
    assert {"plans.md", "plans.cy.md"} <= set(after.pages)


def test_the_check_lists_the_campaign_pages_the_build_publishes(project):
    """make check registers campaign pages without drawing anything; links are judged against them."""
    replace_in(project / "campaigns/you-have-a-voice/campaign.yml", "  - id: advocates-pack\n",
               "  - id: advocates-pack\n    draft: true\n")
    publishing = Publishing(london("2026-11-30T12:00"))

    def campaign_pages(content) -> set[str]:
        return {uri for uri in content.published if "campaigns/" in uri}

    checked = campaign_pages(load_site_content(project, publishing, draw=False))
    built = campaign_pages(load_site_content(project, publishing))
    assert checked == built
    assert not [uri for uri in built if uri.endswith("advocates-pack.md")]


def test_a_link_from_a_published_page_to_an_embargoed_one_is_a_problem(project):
    replace_in(project / "docs/contact.md", "\n\n", "\n\nSee [our plans](plans.md).\n\n")
    with pytest.raises(ContentError) as raised:
        load_site_content(project, Publishing(london("2026-11-30T12:00")))
    report = raised.value.report()
    assert "docs/contact.md:" in report
    assert ("the link 'plans.md' goes to a page that is embargoed until 1 December 2026 at 09:00 (London time), "
            "so the link would be broken on the public site.") in report
    # In the preview, and once the embargo has passed, the same link is fine.
    load_site_content(project, Publishing(london("2026-11-30T12:00"), preview=True))
    load_site_content(project, Publishing(london("2026-12-01T09:00")))


def test_check_lists_held_back_and_overdue_content_without_failing(project):
    out = io.StringIO()
    assert run_check(project, out, Publishing(london("2027-06-01T12:00"))) == 0
    report = out.getvalue()
    assert "Past their review date" in report
    assert "docs/make-a-complaint.md:5: review_by 2027-05-22 has passed (last reviewed 2026-11-22)." in report
    assert "question 'what-is-a-review': review_by 2027-05-22 has passed" in report
    out = io.StringIO()
    assert run_check(project, out, Publishing(london("2026-11-30T12:00"))) == 0
    assert "docs/plans.md: page 'Plans' is embargoed until 1 December 2026 at 09:00 (London time)." in out.getvalue()
    assert "Past their review date" not in out.getvalue()


def test_check_command_reads_the_clock_from_iopc_now(project):
    result = run_tool(project, "check", env={"IOPC_NOW": "2030-01-01T00:00"})
    assert result.returncode == 0
    assert "Past their review date" in result.stdout
