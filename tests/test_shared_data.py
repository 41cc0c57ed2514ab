"""The data every new kind of content shares: the key areas and topics, the forces, and how a
bad CSV cell or an unknown tag is reported (file, line, column, field and what to write)."""

from __future__ import annotations

import pytest
from support.project import line_of, replace_in
from support.content import problems_for

FORCES = "docs/_data/forces.csv"
TAXONOMY = "docs/_data/taxonomy.yml"



def test_the_forces_file_has_the_43_territorial_forces_and_british_transport_police(content):
    forces = content.collection("forces").forces
    assert len(forces) == 44
    assert sum(force.force_type == "territorial" for force in forces) == 43
    assert content.collection("forces").find("British Transport Police").key == "british-transport-police"


@pytest.mark.parametrize("written, key", [("Avon & Somerset", "avon-and-somerset"),
                                          ("Heddlu De Cymru", "south-wales"),
                                          ("metropolitan police service", "metropolitan")])
def test_a_force_is_found_by_any_of_its_names(content, written, key):
    assert content.collection("forces").find(written).key == key


def test_a_misspelt_force_is_an_error_with_the_nearest_name(content):
    problem = content.collection("forces").problem_for("Sussex Polce", "x.yml", 3, 5, "recipients[0]")
    assert "'Sussex Polce' is not a police force" in str(problem) and "Did you mean 'Sussex Police'?" in str(problem)


def test_a_key_area_or_topic_has_a_welsh_name(content):
    for term in content.taxonomy.key_areas + content.taxonomy.topics:
        assert term.name.cy and term.name.cy != term.name.en, term.id


def test_a_cell_that_is_not_allowed_names_its_line_and_column(project_copy):
    forces = project_copy / FORCES
    line = line_of(forces, "bedfordshire,")
    replace_in(forces, "bedfordshire,Bedfordshire,", "Bedford Shire!,Bedfordshire,")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{FORCES}:{line}:1: field 'key':") and "lower-case letters" in problem


def test_a_row_with_a_missing_cell_names_its_line(project_copy):
    forces = project_copy / FORCES
    line = line_of(forces, "bedfordshire,")
    replace_in(forces, "bedfordshire,Bedfordshire,", "bedfordshire,")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{FORCES}:{line}:") and "this row has 12 cells but the file has 13 columns" in problem


def test_an_empty_required_cell_says_so(project_copy):
    replace_in(project_copy / FORCES, "bedfordshire,Bedfordshire,Bedfordshire Police,", "bedfordshire,Bedfordshire,,")
    [problem] = problems_for(project_copy)
    assert ":3: field 'force_name': this cell is empty." in problem


@pytest.mark.parametrize("old, new, says", [
    ("key,name_in_iopc", "kee,name_in_iopc", ("unknown column 'kee'", "Did you mean 'key'?", "the column 'key' is missing")),
    (",iopc_name_source\n", ",iopc_name_source,extra\n", ("unknown column 'extra'",)),
])
def test_a_wrong_column_is_named_with_the_right_one(project_copy, old, new, says):
    replace_in(project_copy / FORCES, old, new)
    problems = " | ".join(problems_for(project_copy))
    assert problems.startswith(f"{FORCES}:1:")
    for words in says:
        assert words in problems


def test_two_forces_with_one_name_are_an_error(project_copy):
    replace_in(project_copy / FORCES, "Bedfordshire Police,", "Avon and Somerset Constabulary,")
    [problem] = problems_for(project_copy)
    assert "'Avon and Somerset Constabulary' is already used by the force on line 2" in problem


def test_a_repeated_topic_id_is_an_error(project_copy):
    replace_in(project_copy / TAXONOMY, "- id: custody", "- id: reviews")
    [problem] = problems_for(project_copy)
    assert problem.startswith(f"{TAXONOMY}:") and "repeated: reviews" in problem
