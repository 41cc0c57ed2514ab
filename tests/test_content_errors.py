"""Bad author input stops the pipeline with the file, the line and the field, every problem at once."""

from __future__ import annotations

import pytest
from iopcsite.content.site_content import load_site_content
from support.project import line_of, replace_in
from support.content import problems_for

FAQ = "docs/_data/faqs/complaining.yml"
PAGE = "docs/make-a-complaint.md"



@pytest.fixture
def project(project_copy):
    return project_copy


def test_the_real_content_has_no_problems(project_root):
    load_site_content(project_root, draw=False)


def test_missing_field_names_file_line_and_field(project):
    faq = project / FAQ
    line = line_of(faq, "question:")
    text = faq.read_text(encoding="utf-8").splitlines(keepends=True)
    del text[line - 1]
    faq.write_text("".join(text), encoding="utf-8")
    [problem] = problems_for(project)
    assert problem.startswith(f"{FAQ}:{line - 2}")
    assert "field 'faqs[1].question'" in problem and "missing" in problem


def test_unknown_key_suggests_the_right_one(project):
    replace_in(project / PAGE, "title:", "titel:")
    problems = problems_for(project)
    assert any(p.startswith(f"{PAGE}:2:1") and "unknown key 'titel'" in p and "Did you mean 'title'?" in p for p in problems)


def test_duplicate_faq_id_names_both_places(project):
    first_id = (project / FAQ).read_text(encoding="utf-8").split("- id: ", 1)[1].split()[0]
    replace_in(project / "docs/_data/faqs/reviews.yml", "- id: ", f"- id: {first_id}\n    # was: ")
    [problem] = problems_for(project)
    assert problem.startswith("docs/_data/faqs/reviews.yml:")
    assert f"the id '{first_id}' is already used in {FAQ} line" in problem


def test_invalid_yaml_names_the_line(project):
    faq = project / FAQ
    line = line_of(faq, "topic:")
    replace_in(faq, "topic: complaining", "topic: [complaining")
    [problem] = problems_for(project)
    assert problem.startswith(f"{FAQ}:") and "a list in square brackets [ ] is not closed" in problem
    assert int(problem.split(":")[1]) >= line


def test_broken_internal_link_names_page_and_line(project):
    page = project / PAGE
    replace_in(page, "](contact.md", "](contcat.md")
    line = line_of(page, "contcat.md")
    [problem] = problems_for(project)
    assert problem.startswith(f"{PAGE}:{line}") and "does not exist" in problem


def test_broken_anchor_is_reported(project):
    page = project / "docs/index.md"
    replace_in(page, "make-a-complaint.md", "make-a-complaint.md#no-such-heading")
    [problem] = problems_for(project)
    assert "'#no-such-heading'" in problem


def test_every_problem_is_reported_not_only_the_first(project):
    replace_in(project / PAGE, "title:", "titel:")
    replace_in(project / FAQ, "topic: complaining", "topic: complainng")
    replace_in(project / "docs/contact.md", "{{ org.phone }}", "{{ org.fone }}")
    problems = problems_for(project)
    assert any("unknown key 'titel'" in p for p in problems)
    assert any("there is no topic 'complainng'" in p and "Did you mean 'complaining'?" in p for p in problems)
    assert any(p.startswith("docs/contact.md:") and "org.fone" in p and "Did you mean 'org.phone'?" in p for p in problems)


def test_page_with_its_own_h1_is_refused(project):
    page = project / "docs/contact.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n# A second heading\n", encoding="utf-8")
    [problem] = problems_for(project)
    assert problem.startswith("docs/contact.md:") and "only h1" in problem


def test_welsh_file_for_a_page_that_does_not_exist_in_english(project):
    (project / "docs/no-such-page.cy.md").write_text(
        "---\ntitle: Tudalen\ndescription: Disgrifiad\nlast_reviewed: 2026-11-22\nreview_by: 2027-05-22\n"
        "translation: complete\n---\n\nTestun.\n", encoding="utf-8")
    [problem] = problems_for(project)
    assert problem.startswith("docs/no-such-page.cy.md") and "no English page 'no-such-page.md'" in problem


def test_translation_with_a_field_the_english_does_not_have(project):
    (project / "docs/contact.cy.md").write_text(
        "---\ntitle: Cysylltu â ni\ndescription: Sut i gysylltu â ni.\nlast_reviewed: 2026-11-22\nreview_by: 2027-05-22\n"
        "translation: complete\ntemplate: special.html\n---\n\nTestun.\n", encoding="utf-8")
    [problem] = problems_for(project)
    assert problem.startswith("docs/contact.cy.md:7:1: field 'template':")


def test_language_code_that_is_not_configured(project):
    (project / "docs/contact.fr.md").write_text(
        "---\ntitle: Contact\ndescription: Nous contacter.\nlast_reviewed: 2026-11-22\nreview_by: 2027-05-22\n"
        "translation: complete\n---\n\nTexte.\n", encoding="utf-8")
    problems = problems_for(project)
    assert any(p.startswith("docs/contact.fr.md") and "language code 'fr'" in p for p in problems)


def test_faq_translation_in_a_language_that_is_not_configured(project):
    faq = project / FAQ
    french = "      fr:\n        question: Q\n        answer: A\n"
    if "    translations:\n" in faq.read_text(encoding="utf-8"):
        # The FAQ already has translations (Welsh): add French to that block, not a second key.
        replace_in(faq, "    translations:\n", "    translations:\n" + french)
    else:
        replace_in(faq, "    last_reviewed:", "    translations:\n" + french + "    last_reviewed:")
    problems = problems_for(project)
    assert any(p.startswith(f"{FAQ}:") and "translations.fr" in p for p in problems)
