"""Broken content, one mistake at a time: 'make check' stops and says where and what to do."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

import pytest
from support.project import line_of, replace_in, run_tool

PAGE = "docs/make-a-complaint.md"
FAQS = "docs/_data/faqs/reviews.yml"
SITE = "docs/_data/site.yml"


@dataclass(frozen=True)
class Breakage:
    """One mistake an author could make, and what the check must say about it."""

    file: str
    old: str
    new: str
    line_fragment: str
    says: tuple[str, ...]


BREAKAGES = {
    "invalid YAML": Breakage(FAQS, "question: What is a review?", "question: Reviews: what are they?",
                             "question: Reviews: what are they?",
                             ("colon followed by a space", 'Put the whole text in double quotes')),
    "missing required field": Breakage(PAGE, "review_by: 2027-05-22\n", "", "title:",
                                       ("the required field 'review_by' is missing", "Add a line 'review_by: ...'")),
    "wrong type": Breakage(FAQS, "    related:\n      - text: Ask for a review\n        link: ask-for-a-review.md\n",
                           "    related: ask-for-a-review.md\n", "related: ask-for-a-review.md",
                           ("field 'faqs[1].related': expected a list", "starting with '- '")),
    "misspelt key": Breakage(PAGE, "last_reviewed:", "last_reveiwed:", "last_reveiwed:",
                             ("unknown key 'last_reveiwed'", "Did you mean 'last_reviewed'?")),
    "bad date": Breakage(PAGE, "review_by: 2027-05-22", "review_by: 22/05/2027", "review_by:",
                         ("expected a date written as YYYY-MM-DD", "Write the year first: 2027-05-22.")),
    "impossible date": Breakage(PAGE, "review_by: 2027-05-22", "review_by: 2027-02-30", "review_by:",
                                ("expected a date written as YYYY-MM-DD", "There is no such day")),
    "bad publish time": Breakage(PAGE, "review_by: 2027-05-22\n", "review_by: 2027-05-22\npublish_from: next Tuesday\n",
                                 "publish_from:", ("written as YYYY-MM-DD or YYYY-MM-DD HH:MM", "'next Tuesday'")),
    "link to a missing page": Breakage(PAGE, "This page explains who can complain",
                                       "See [reviews](no-such-page.md). This page explains who can complain",
                                       "no-such-page.md", ("goes to a page that does not exist (no-such-page.md)",)),
    "web address without https": Breakage(SITE, "website: https://www.policeconduct.gov.uk/",
                                          "website: www.policeconduct.gov.uk", "website:",
                                          ("field 'organisation.website': expected a full web address starting with https://",)),
    "text that is a number": Breakage(PAGE, "title: Make a complaint about the police", "title: 2026", "title:",
                                      ("expected text, but this is a number", 'put it in quotes')),
}


def break_project(root, breakage: Breakage):
    replace_in(root / breakage.file, breakage.old, breakage.new)
    return root, line_of(root / breakage.file, breakage.line_fragment)


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_check_stops_and_says_where_and_what(project_copy, name):
    breakage = BREAKAGES[name]
    root, line = break_project(project_copy, breakage)
    result = run_tool(root, "check")
    assert result.returncode != 0, result.stdout
    assert f"{breakage.file}:{line}" in result.stdout, result.stdout
    for words in breakage.says:
        assert words in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_reports_every_problem_at_once(project_copy):
    root = project_copy
    for name in ("misspelt key", "wrong type", "web address without https"):
        breakage = BREAKAGES[name]
        replace_in(root / breakage.file, breakage.old, breakage.new)
    result = run_tool(root, "check")
    assert result.returncode == 1
    assert "Found 3 problems" in result.stdout
    for name in ("misspelt key", "wrong type", "web address without https"):
        assert BREAKAGES[name].says[0] in result.stdout


def test_make_build_stops_with_the_same_message_and_builds_nothing(project_copy):
    breakage = BREAKAGES["misspelt key"]
    root, line = break_project(project_copy, breakage)
    result = subprocess.run(["make", "--no-print-directory", "-C", str(root), "build"], capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"{breakage.file}:{line}:1: field 'last_reveiwed': unknown key 'last_reveiwed'. Did you mean 'last_reviewed'?" in output
    assert not (root / "site").exists()
    assert not list(root.glob(".site-*"))


def test_a_clean_project_passes(project_copy):
    root = project_copy
    result = run_tool(root, "check")
    assert result.returncode == 0, result.stdout
    assert "no problems" in result.stdout
