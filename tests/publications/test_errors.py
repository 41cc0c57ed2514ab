"""A mistake in a publication stops make check and make build, naming the file, the line, the field and
what to do: a missing or impossible date, an unknown topic or key area, a repeated id, an update before
the publication, and a PDF whose title does not fit or is missing."""

from __future__ import annotations

from iopcsite.collections.publications import pdf
from support.project import line_of, replace_in, run_tool

from .helpers import FIXTURE, add_fixture
from support.content import problems_for

FOCUS = "docs/_data/publications/focus.yml"
LESSONS = "docs/_data/publications/learning-the-lessons.yml"



def test_a_missing_date_names_the_publication_and_says_to_write_null(project_copy):
    focus = project_copy / FOCUS
    replace_in(focus, '    published: "2020-02"  # cover: "ISSUE SIXTEEN/FEBRUARY 2020"\n', "")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{FOCUS}:") and "publications[2].published" in problem and "missing" in problem


def test_an_impossible_date_names_its_line(project_copy):
    focus = project_copy / FOCUS
    replace_in(focus, 'updated: "2021-12"', 'updated: "2021-13"')
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{FOCUS}:{line_of(focus, '2021-13')}") and "publications[1].updated" in problem
    assert "not a real date" in problem


def test_a_date_written_another_way_says_how_to_write_it(project_copy):
    replace_in(project_copy / FOCUS, 'updated: "2021-12"', 'updated: "December 2021"')
    [problem] = problems_for(project_copy)
    assert "YYYY-MM-DD, or YYYY-MM" in problem


def test_an_unknown_topic_suggests_the_nearest(project_copy):
    lessons = project_copy / LESSONS
    replace_in(lessons, "topics: [custody, deaths-and-serious-injuries]", "topics: [custdy, deaths-and-serious-injuries]")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{LESSONS}:{line_of(lessons, 'custdy')}") and "publications[2].topics[1]" in problem
    assert "unknown topic 'custdy'" in problem and "Did you mean 'custody'?" in problem


def test_an_unknown_key_area_suggests_the_nearest(project_copy):
    lessons = project_copy / LESSONS
    replace_in(lessons, "    topics: [corruption]\n", "    topics: [corruption]\n    key_area: race-discrimnation\n")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{LESSONS}:{line_of(lessons, 'race-discrimnation')}")
    assert "unknown key area" in problem and "Did you mean 'race-discrimination'?" in problem


def test_a_repeated_id_names_both_places(project_copy):
    lessons = project_copy / LESSONS
    replace_in(lessons, "- id: learning-the-lessons-46", "- id: focus-issue-13")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{LESSONS}:{line_of(lessons, 'id: focus-issue-13')}")
    assert f"the id 'focus-issue-13' is already used in {FOCUS} line" in problem


def test_an_update_before_publication_is_refused(project_copy):
    focus = project_copy / FOCUS
    replace_in(focus, 'updated: "2021-12"', 'updated: "2019-12"')
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{FOCUS}:{line_of(focus, '2019-12')}") and "publications[1].updated" in problem
    assert "updated (2019-12) before it was published (2020-02)" in problem


def test_make_check_stops_on_a_bad_publication(project_copy):
    replace_in(project_copy / FOCUS, 'updated: "2021-12"', 'updated: "2021-02-30"')
    result = run_tool(project_copy, "check")
    assert result.returncode != 0
    assert f"{FOCUS}:" in result.stdout + result.stderr and "not a real date" in result.stdout + result.stderr


def test_a_title_too_long_for_the_pdf_stops_the_build(project_copy):
    root = add_fixture(project_copy)
    fixture = root / "docs/_data/publications" / FIXTURE.name
    replace_in(fixture, 'title: "Fixture report with a body"', "title: " + "Overlong " * 60)
    problems = problems_for(root, draw=True)
    [problem] = [found for found in problems if "publications[1].title" in found]
    assert problem.startswith(f"docs/_data/publications/{FIXTURE.name}:{line_of(fixture, 'Overlong')}")
    assert "the title is too long for the PDF's page" in problem and "Shorten the title" in problem


def test_a_body_too_wide_for_the_pdf_stops_the_build(project_copy):
    root = add_fixture(project_copy)
    fixture = root / "docs/_data/publications" / FIXTURE.name
    replace_in(fixture, "      - The first point.", "      - " + "x" * 400)
    problems = problems_for(root, draw=True)
    assert any(found.startswith(f"docs/_data/publications/{FIXTURE.name}:") and "publications[1].body" in found
               and "too wide" in found for found in problems), problems


def test_a_pdf_without_a_title_is_not_drawn():
    job = pdf.PdfJob('<html lang="en"><head><title></title></head><body><p>Text.</p></body></html>',
                     "docs/_data/publications/x.yml", 4, {"title": (6, "publications[1].title"),
                                                         "body": (9, "publications[1].body")}, 0)
    [problem] = pdf.draw(job)
    assert str(problem).startswith("docs/_data/publications/x.yml:6") and "publications[1].title" in str(problem)
    assert "<title>" in problem.message and "Give the publication a title" in problem.hint
