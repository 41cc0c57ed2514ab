"""The learning recommendations register: the real batches as published, the clock on the pages,
the downloads and feeds read back, and bad input stopped with its file, line and field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from iopcsite.authoring.publishing import LONDON, Publishing
from iopcsite.content.site_content import load_site_content
from iopcsite.content.tagged import tagged_entries
from support.content import problems_for

REFERENCE = Path("/work/shared/reference/data/recommendations.yml")
BATCHES = "docs/_data/recommendations"
TVP = f"{BATCHES}/tvp-2025-05-method-of-entry.yml"


def recommendations(content):
    return content.collection("recommendations")


def at(root: Path, day: dt.date):
    """The content as a build on ``day`` sees it (the clock embargoes use)."""
    now = dt.datetime.combine(day, dt.time(12, 0), tzinfo=LONDON)
    return load_site_content(root, Publishing(now), draw=False)



def words(text: str) -> str:
    return " ".join(text.split())


# --- the real batches ---------------------------------------------------------------------


def test_every_batch_is_published_in_both_languages_with_its_sources(content):
    collection = recommendations(content)
    assert len(collection.batches) == 18
    for loaded in collection.batches:
        batch = loaded.batch
        for prefix in ("", "cy/"):
            page = content.published[f"{prefix}recommendations/{batch.id}.md"]
            assert all(source in page.markdown for source in batch.sources)


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the shared reference data is not on this machine")
def test_the_texts_are_the_sources_wording_exactly(content):
    reference = {batch["id"]: batch for batch in yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))["batches"]}
    loaded = {item.batch.id: item.batch for item in recommendations(content).batches}
    assert set(loaded) == set(reference)
    for batch_id, batch in loaded.items():
        written = {item["number"]: item.get("text") for item in reference[batch_id].get("recommendations") or []}
        assert {item.number: item.text for item in batch.recommendations} == {
            number: words(text) if text else None for number, text in written.items()}
        assert batch.sources == reference[batch_id]["sources"]


def test_a_value_the_sources_do_not_give_says_not_published(content):
    page = content.published["recommendations/mps-2024-11-soit.md"].markdown
    assert "**Date of recommendation:** not published" in page
    assert "**Our reference:** 2021/153511" in page
    welsh = content.published["cy/recommendations/mps-2024-11-soit.md"].markdown
    assert "**Dyddiad yr argymhelliad:** heb ei gyhoeddi" in welsh


def test_a_published_response_with_no_outcome_does_not_say_not_published(content):
    page = content.published["recommendations/merseyside-2024-02-bwv.md"].markdown
    assert "**Response:** whether it was accepted is not published." in page
    assert "The force agreed" in page


def test_a_cut_off_text_says_so_and_links_the_source(content):
    page = content.published["recommendations/kent-2020-11-pcso-oversight.md"].markdown
    assert "This text is not complete" in page
    assert "(https://www.accountabilityindex.uk/sources/iopc/learning/recommendations-kent-police-november-2020/)" in page


def test_unverified_batches_are_marked_to_be_confirmed(content):
    for batch_id in ("sussex-2025-08-suicide-risk", "gmp-2022-01-bwv-pip", "kent-2020-11-pcso-oversight"):
        assert "To be confirmed" in content.published[f"recommendations/{batch_id}.md"].markdown


def test_welsh_pages_mark_the_english_texts(content):
    page = content.published["cy/recommendations/tvp-2025-05-method-of-entry.md"].markdown
    assert "yn Saesneg yn unig" in page
    assert '{: lang="en" }' in page and '<div lang="en" markdown>' in page


def test_recipients_are_forces_or_national_bodies(content):
    rows = recommendations(content).rows(content)
    kinds = {recipient.id: recipient.kind for row in rows for recipient in row.recipients}
    assert kinds["metropolitan"] == "force" and kinds["home-office"] == "body"
    national = next(row for row in rows if row.batch.id == "national-stop-and-search-2022-04"
                    and row.recommendation.number == 1)
    assert [recipient.id for recipient in national.recipients] == ["national-police-chiefs-council",
                                                                    "college-of-policing"]
    heading = content.published["recommendations/national-stop-and-search-2022-04.md"].markdown
    assert "## Recommendation 1: to the National Police Chiefs' Council and the College of Policing" in heading
    welsh = content.published["cy/recommendations/national-stop-and-search-2022-04.md"].markdown
    assert "ar gyfer Cyngor Cenedlaethol Prif Swyddogion yr Heddlu a Choleg Plismona" in welsh


def test_a_force_gets_its_recommendations_with_their_status(content):
    found = recommendations(content).recommendations_for(content, "sussex")
    assert len(found) == 5
    assert {item.batch_id for item in found} >= {"sussex-2025-08-suicide-risk", "sussex-2021-02-disclosure"}
    assert all(item.uri.startswith("recommendations/") and "#recommendation-" in item.uri for item in found)


def test_the_register_lists_newest_first(content):
    rows = recommendations(content).rows(content)
    months = [row.batch.month for row in rows]
    assert months == sorted(months, reverse=True)


def test_key_area_pages_find_the_batches(content):
    entries = tagged_entries(content, "en", key_area="race-discrimination")
    assert {entry.uri for entry in entries if entry.collection == "recommendations"} == {
        "recommendations/national-stop-and-search-2022-04.md", "recommendations/mps-operation-hotton.md"}
    assert all(entry.uri.startswith("cy/") for entry in tagged_entries(content, "cy", key_area="race-discrimination"))


# --- the clock on the pages ---------------------------------------------------------------


def test_the_clock_follows_the_builds_clock(project_root):
    before = at(project_root, dt.date(2025, 6, 1))
    page = before.published["recommendations/tvp-2025-05-method-of-entry.md"].markdown
    assert "**Status:** Response due (due by 7 July 2025, 36 days left)" in page
    after = at(project_root, dt.date(2025, 7, 8))
    page = after.published["recommendations/tvp-2025-05-method-of-entry.md"].markdown
    assert "**Status:** Response overdue (overdue since 8 July 2025)" in page
    assert "recommendations/status/overdue.md" in after.published


def test_a_worked_out_due_date_says_so(project_copy):
    path = project_copy / TVP
    path.write_text(path.read_text(encoding="utf-8").replace("response_due: '2025-07-07'", "response_due: null"),
                    encoding="utf-8")
    content = at(project_copy, dt.date(2025, 6, 1))
    page = content.published["recommendations/tvp-2025-05-method-of-entry.md"].markdown.replace("\\", "")
    assert "**Date response due:** 6 July 2025 (worked out from the 56-day rule)" in page


# --- downloads, filter data and feeds -----------------------------------------------------


def files_of(content) -> dict[str, bytes]:
    return {path: planned.content for path, planned in content.files.items() if path.startswith("recommendations/")}


def test_the_downloads_read_back_one_row_per_recommendation_and_recipient(content):
    found = files_of(content)
    rows = list(csv.DictReader(io.StringIO(found["recommendations/recommendations.csv"].decode("utf-8"))))
    register = recommendations(content).rows(content)
    assert len(rows) == sum(len(row.recipients) for row in register)
    first = rows[0]
    assert set(first) >= {"reference", "date_made", "response_due", "recipient", "status", "source"}
    data = json.loads(found["recommendations/recommendations.json"])
    assert len(data["recommendations"]) == len(rows)
    tvp = [row for row in rows if row["batch_id"] == "tvp-2025-05-method-of-entry"]
    assert {row["response_due"] for row in tvp} == {"2025-07-07"}
    own = list(csv.DictReader(io.StringIO(found["recommendations/recipients/home-office.csv"].decode("utf-8"))))
    assert own and {row["recipient_id"] for row in own} == {"home-office"}


def test_every_file_is_the_same_bytes_in_a_second_build(content, project_root):
    again = load_site_content(project_root, content.publishing, draw=False)
    assert files_of(again) == files_of(content)


def test_the_filter_data_is_compact_and_in_the_registers_order(content):
    data = json.loads(files_of(content)["recommendations/filter.json"])
    assert set(data) == {"v", "r", "k", "t", "s", "o", "l", "b", "i"}
    welsh = json.loads(content.files["cy/recommendations/filter.json"].content)
    assert welsh["l"]["s"][welsh["s"].index("published")] == "Ymateb wedi'i gyhoeddi"
    page = content.published["recommendations/index.md"].markdown
    listed = re.findall(r"^- \[", page.split("{: #recommendations }", 1)[1].split("</div>", 1)[0], re.MULTILINE)
    assert len(listed) == min(10, len(data["i"]))  # the page lists the newest; the script draws every match
    rows = recommendations(content).rows(content)
    assert [(data["b"][item[0]][0], item[1]) for item in data["i"]] == [(row.batch.id, row.recommendation.number)
                                                                        for row in rows]
    texts = {words(row.recommendation.text) for row in recommendations(content).rows(content)
             if row.recommendation.text and len(row.recommendation.text.split()) > 12}
    assert not any(item[4] in texts for item in data["i"])  # never a full text


@pytest.mark.parametrize("path", ["recommendations/feed.xml", "cy/recommendations/feed.xml",
                                  "recommendations/recipients/sussex.xml", "cy/recommendations/recipients/home-office.xml"])
def test_each_feed_is_valid_atom(content, path):
    feed = feedparser.parse(content.files[path].content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title


def test_the_register_feed_has_the_dated_recommendations(content):
    feed = feedparser.parse(content.files["recommendations/feed.xml"].content)
    titles = [entry.title for entry in feed.entries]
    assert any("Thames Valley" in title for title in titles)
    welsh = feedparser.parse(content.files["cy/recommendations/feed.xml"].content)
    assert welsh.feed.title == "Argymhellion dysgu ac ymatebion"


# --- bad input ----------------------------------------------------------------------------


def break_batch(root: Path, old: str, new: str, name: str = TVP) -> str:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return name


def test_a_duplicate_batch_id(project_copy):
    source = project_copy / TVP
    (project_copy / BATCHES / "zz-copy.yml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{BATCHES}/zz-copy.yml:") and "field 'id'" in problem and "already used" in problem


def test_a_duplicate_recommendation_number(project_copy):
    break_batch(project_copy, "- number: 2", "- number: 1")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{TVP}:") and "recommendations[2].number" in problem and "listed twice" in problem


def test_a_response_received_before_it_was_made(project_copy):
    break_batch(project_copy, "    received: null", "    received: 2025-05-01")
    [problem] = problems_for(project_copy)
    assert "recommendations[1].response.received" in problem and "before the recommendation was made" in problem


def test_a_response_published_before_it_was_received(project_copy):
    break_batch(project_copy, "    received: null\n    published: null",
                "    received: 2025-06-10\n    published: 2025-06-01")
    [problem] = problems_for(project_copy)
    assert "recommendations[1].response.published" in problem and "before it was received" in problem


def test_published_with_no_response_text(project_copy):
    break_batch(project_copy, "status: awaiting", "status: published")
    [problem] = problems_for(project_copy)
    assert "recommendations[1].response.status" in problem and "no response text" in problem


def test_an_unknown_status_suggests_one(project_copy):
    break_batch(project_copy, "status: awaiting", "status: awaitng")
    [problem] = problems_for(project_copy)
    assert "response.status" in problem and "Did you mean 'awaiting'?" in problem


def test_an_unknown_recipient_suggests_one(project_copy):
    break_batch(project_copy, "\n- Thames Valley Police", "\n- Thames Valey Police")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{TVP}:") and "field 'recipients[1]'" in problem
    assert "Did you mean 'Thames Valley Police'?" in problem


def test_an_unknown_key_area_and_topic_suggest_one(project_copy):
    name = f"{BATCHES}/national-stop-and-search-2022-04.yml"
    break_batch(project_copy, "- race-discrimination", "- race-discrimnation", name)
    break_batch(project_copy, "- stop-and-search", "- stop-and-serch", name)
    problems = problems_for(project_copy)
    assert any("key_areas[1]" in p and "Did you mean 'race-discrimination'?" in p for p in problems)
    assert any("topics[1]" in p and "Did you mean 'stop-and-search'?" in p for p in problems)
