"""``make check`` reports translation coverage per language."""

from __future__ import annotations

import io

from iopcsite.commands.check import run_check


def test_check_prints_welsh_coverage_and_counts_a_new_translation(project_copy):
    project = project_copy
    before = io.StringIO()
    assert run_check(project, before) == 0
    line = next(text for text in before.getvalue().splitlines() if text.startswith("Translation into 'cy'"))
    complete = int(line.split(": ", 1)[1].split("/", 1)[0])
    english = (project / "docs/contact.md").read_text(encoding="utf-8")
    welsh = project / "docs/contact.cy.md"
    if welsh.exists():
        welsh.unlink()
        complete -= 1
    welsh.write_text(english.replace("review_by:", "translation: complete\nreview_by:", 1), encoding="utf-8")
    after = io.StringIO()
    assert run_check(project, after) == 0
    assert f"Translation into 'cy': {complete + 1}/" in after.getvalue()
