"""The complaints statistics: a bad file stops the build at its line and column, figures worked out
from the tables match the source's own totals, and the pages, charts and downloads show the same figures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from iopcsite.collections.statistics.comparisons import percent_change, share_of_total, whole_percent
from iopcsite.content.site_content import load_site_content
from support.content import problems_for

STATS = Path("docs/_data/statistics")
FINALISED = STATS / "2024-25-cases-finalised-by-force.csv"
REVIEWS = STATS / "2024-25-iopc-reviews-by-force.csv"



def edit(root: Path, file: Path, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file, old, new, says", [
    (FINALISED, "2024/25,Kent,1927", "2024/25,Kentt,1927", f"{FINALISED}:22:2: field 'police_force_as_published': 'Kentt' is not a police force"),
    (FINALISED, "2024/25,Kent,1927", "2024/25,Kent,19x7", f"{FINALISED}:22:3: field 'cases_finalised_outside_schedule_3': expected a whole number"),
    (FINALISED, "year,police_force_as_published,", "year,police_force,", f"{FINALISED}:1:2: field 'police_force': unknown column"),
    (FINALISED, ",source\n", ",source,extra\n", f"{FINALISED}:1:9: field 'extra': unknown column"),
    (FINALISED, "2024/25,Kent,1927,24,1409,114,104,https://www.policeconduct.gov.uk/node?page=3\n", "",
     f"{FINALISED}:45: field 'police_force_as_published': there is no row for Kent."),
    (FINALISED, "2024/25,Kent,1927", "2024/25,Kent,1928", f"{FINALISED}:46:3: field 'cases_finalised_outside_schedule_3': the force rows add up to 60032, but the Total row says 60031."),
    (REVIEWS, "2024/25,Avon & Somerset,26,9,35", "2024/25,Avon & Somerset,26,9,36",
     f"{REVIEWS}:2:5: field 'iopc_reviews_not_investigated_outcome_not_reasonable_and_proportionate_pct': this percentage is 36, but 9 out of 26 is 35%."),
])
def test_a_bad_statistics_file_stops_the_build_at_its_line_and_column(project_copy, file, old, new, says):
    edit(project_copy, file, old, new)
    found = problems_for(project_copy)
    assert any(problem.startswith(says) for problem in found), found


def test_an_unknown_force_is_given_the_nearest_name(project_copy):
    edit(project_copy, FINALISED, "2024/25,Kent,1927", "2024/25,Kentt,1927")
    assert any("Did you mean" in problem and "Kent" in problem for problem in problems_for(project_copy))


def test_a_missing_column_is_named(project_copy):
    path = project_copy / FINALISED
    rows = list(csv.reader(io.StringIO(path.read_text())))
    path.write_text("".join(",".join(row[:-2] + row[-1:]) + "\n" for row in rows))
    assert any("the column 'avg_days_to_finalise_under_schedule_3_exc_suspension' is missing" in p
               for p in problems_for(project_copy))


def test_a_percentage_says_the_rounding_rule(project_copy):
    edit(project_copy, REVIEWS, "2024/25,Avon & Somerset,26,9,35", "2024/25,Avon & Somerset,26,9,34")
    assert any("a half rounded up (12.5% is 13%)" in p for p in problems_for(project_copy))


def test_the_source_rounds_a_half_up(content):
    staffordshire = content.collection("statistics").table("2024/25", "iopc-reviews-by-force").by_force["staffordshire"]
    assert staffordshire.value.iopc_reviews_not_investigated_outcome_not_reasonable_and_proportionate_pct == 13  # 1 of 8
    assert whole_percent(1, 8) == 13


def test_shares_of_the_total_are_worked_out_from_the_total_row(content):
    table = content.collection("statistics").table("2024/25", "cases-finalised-by-force")
    column = "cases_finalised_outside_schedule_3"
    total = table.figure(None, column)
    assert sum(table.figure(key, column) for key in table.by_force) == total == 60031
    assert share_of_total(table.figure("metropolitan", column), total) == 14  # 8,339 of 60,031
    assert 98 <= sum(share_of_total(table.figure(key, column), total) for key in table.by_force) <= 102


def test_the_total_rows_percentages_are_their_counts_rounded_as_the_source_rounds(content):
    table = content.collection("statistics").table("2024/25", "iopc-reviews-by-force")
    for part in ("not_investigated", "investigation"):
        prefix = f"iopc_reviews_{part}_"
        worked = whole_percent(table.figure(None, prefix + "outcome_not_reasonable_and_proportionate_n"),
                               table.figure(None, prefix + "valid_completed"))
        assert worked == table.figure(None, prefix + "outcome_not_reasonable_and_proportionate_pct")  # 29, 30


def test_the_change_between_years_is_the_one_the_source_publishes(content):
    figures = {(f.year, f.measure): f for f in content.collection("statistics").figures}
    logged = percent_change(figures["2023/24", "complaint cases logged"].value, figures["2024/25", "complaint cases logged"].value)
    assert f"+{logged}% on previous year" in figures["2024/25", "complaint cases logged"].note  # +11%
    recorded = percent_change(figures["2023/24", "complaint cases formally recorded under Schedule 3"].value,
                              figures["2024/25", "complaint cases formally recorded under Schedule 3"].value)
    assert recorded == -1 and "1% fewe" in figures["2024/25", "complaint cases formally recorded under Schedule 3"].note


@pytest.mark.parametrize("uri, says", [
    ("statistics/index.md", "That is 11% more than in 2023/24, when there were 85,458"),
    ("cy/statistics/index.md", "Mae hynny 11% yn fwy nag yn 2023/24, pan oedd 85,458"),
    ("statistics/national.md", "In 2024/25, 94,940 complaint cases were logged in England and Wales"),
])
def test_the_headline_figures_come_first_in_words(content, uri, says):
    markdown = content.published[uri].markdown
    assert says in markdown.replace("\\", "")
    assert markdown.index(says.split(",")[0][:20]) < markdown.index("<table")


def test_the_national_page_gives_each_change_between_years_in_the_data(content):
    markdown = content.published["statistics/national.md"].markdown.replace("\\", "")
    assert "Complaint cases logged: 11% more from 2023/24 to 2024/25" in markdown
    assert "Complaint cases recorded formally under Schedule 3: 1% fewer from 2023/24 to 2024/25" in markdown


def test_each_download_has_the_pages_figures_with_year_and_source(content):
    files = content.files
    rows = list(csv.DictReader(io.StringIO(files["statistics/2024-25-cases-finalised-by-force.csv"].content.decode())))
    assert len(rows) == 45 and rows[-1]["police_force"] == "Total" and rows[-1]["cases_finalised_outside_schedule_3"] == "60031"
    assert {row["year"] for row in rows} == {"2024/25"} and rows[0]["source"].startswith("https://www.policeconduct.gov.uk/")
    data = json.loads(files["cy/statistics/2024-25-iopc-reviews-by-force.json"].content)
    assert data["year"] == "2024/25" and data["licence"] == "Open Government Licence v3.0"
    assert data["rows"][-1]["iopc_reviews_investigation_valid_completed"] == 903
    assert "raw_row_text_as_stored" not in data["rows"][0]
    national = json.loads(files["statistics/national-key-figures.json"].content)
    assert any(row["year"] == "2020/21" and row["value"] == 67732 for row in national["rows"])


def test_charts_use_no_style_have_a_title_and_are_in_welsh_on_welsh_pages(content):
    english, welsh = (content.published[uri].markdown for uri in ("statistics/index.md", "cy/statistics/index.md"))
    for markdown in (english, welsh):
        assert markdown.count("<svg") == 1 and "style=" not in markdown and "<style" not in markdown
        assert 'role="img"' in markdown and "<title id=" in markdown and "<desc id=" in markdown
    assert "o dan Atodlen 3\n</text>" in welsh and "Heddlu Gwent\n</text>" in welsh


def test_each_table_of_a_year_has_its_page_within_the_page_budget(content):
    # Two 44-force tables and charts on one page would break the 75 KB first visit (tests/test_page_weight.py).
    assert "<svg" in content.published["cy/statistics/2024-25-iopc-reviews-by-force.md"].markdown
    assert "(2024-25-iopc-reviews-by-force.md)" in content.published["statistics/index.md"].markdown


def test_charts_are_the_same_bytes_each_time(project_root):
    first, second = (load_site_content(project_root, draw=False).published["statistics/index.md"].markdown
                     for _ in range(2))
    assert first == second


def test_a_second_years_file_in_the_same_columns_just_works(project_copy):
    source = (project_copy / FINALISED).read_text().replace("2024/25,", "2025/26,")
    (project_copy / STATS / "2025-26-cases-finalised-by-force.csv").write_text(source)
    content = load_site_content(project_copy, draw=False)
    assert content.published["statistics/index.md"].title == "Complaints statistics 2025/26"
    assert "statistics/2024-25.md" in content.published and "cy/statistics/2024-25.md" in content.published
    assert "statistics/2025-26-cases-finalised-by-force.csv" in content.files
    kent = content.published["forces/kent.md"].markdown
    assert "Change since 2024/25" in kent and "no change" in kent


def test_a_file_with_an_unknown_name_says_how_to_name_it(project_copy):
    (project_copy / STATS / "2025-26-cases-finalized.csv").write_text((project_copy / FINALISED).read_text())
    assert any("is not a statistics table this site knows" in p and "Did you mean" in p for p in problems_for(project_copy))
