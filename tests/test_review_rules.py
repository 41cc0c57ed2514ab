"""The review helpers' rules in Python, run against the table of cases in review-rules.yml.

tests/browser/test_helpers.py runs the same table in Chromium against the page's script.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from iopcsite.authoring.errors import ProblemList
from iopcsite.config.site_config import organisation_values
from iopcsite.review_helpers.rules import (
    RULES_FILE,
    CheckerPathError,
    DateProblem,
    Deadline,
    full_date,
    load_review_rules,
    read_letter_date,
    walk_checker,
)
from iopcsite.review_helpers.widgets import (
    HELPERS,
    HelperContext,
    check_markers,
    insert_helpers,
    mark_helpers,
)
from support.content import (
    case_name,
    checker_cases,
    deadline_cases,
    review_rules,
    site_content,
)
from support.project import PROJECT_ROOT


@pytest.mark.for_each("case", deadline_cases, ids=case_name)
def test_deadline_case(case):
    answer = read_letter_date(case.letter.day, case.letter.month, case.letter.year, case.today, review_rules().deadline)
    expect = case.expect
    if expect.error:
        assert answer == DateProblem(expect.error, tuple(expect.error_fields))
    else:
        assert isinstance(answer, Deadline)
        assert (answer.status, answer.last_day) == (expect.status, expect.last_day)
        assert full_date(answer.last_day, "en") == expect.shown.en
        assert full_date(answer.last_day, "cy") == expect.shown.cy


@pytest.mark.for_each("case", checker_cases, ids=case_name)
def test_checker_case(case):
    assert walk_checker(review_rules().checker, case.answers) == case.expect


@pytest.mark.parametrize("letter, last", [("2026-04-01", "2026-04-29"), ("2026-01-31", "2026-02-28"),
                                          ("2028-02-01", "2028-02-29")])
def test_the_required_dates_stay_in_the_table(letter, last):
    letter_date, last_day = dt.date.fromisoformat(letter), dt.date.fromisoformat(last)
    typed = {(c.letter.day.strip(), c.letter.month.strip(), c.letter.year.strip()): c for c in deadline_cases()}
    case = typed[(str(letter_date.day), str(letter_date.month), str(letter_date.year))]
    assert case.expect.last_day == last_day


def test_the_rule_is_28_days_from_the_day_after():
    assert review_rules().deadline.days == 28
    assert review_rules().deadline.counting_starts == "day-after"


def test_every_checker_result_is_reached_by_a_case():
    assert {case.expect for case in checker_cases()} == {result.id for result in review_rules().checker.results}


def test_every_question_and_answer_is_used_by_a_case():
    used = {(question, answer) for case in checker_cases() for question, answer in case.answers.items()}
    offered = {(q.id, a.id) for q in review_rules().checker.questions for a in q.answers}
    assert offered - used == set(), "add a case for these answers"


def test_every_error_and_status_is_covered_by_a_case():
    from iopcsite.review_helpers.widgets import DEADLINE_ERRORS, DEADLINE_STATUSES
    covered = {case.expect.error or case.expect.status for case in deadline_cases()}
    missing_parts = {e for e in DEADLINE_ERRORS if e.startswith("missing-") and e.count("-") > 1}
    assert set(DEADLINE_ERRORS) - covered - missing_parts == set()
    assert set(DEADLINE_STATUSES) <= covered


def test_answers_that_leave_the_path_are_refused():
    with pytest.raises(CheckerPathError):
        walk_checker(review_rules().checker, {"senior-officer": "yes"})
    with pytest.raises(CheckerPathError):
        walk_checker(review_rules().checker, {"letter-names-body": "no"})


# --- Bad author input stops the check, naming file, line and field ------------------------------------


def _rules_problems(tmp_path: Path, old: str, new: str) -> list[str]:
    text = (PROJECT_ROOT / RULES_FILE).read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / RULES_FILE
    target.parent.mkdir(parents=True)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = ProblemList()
    load_review_rules(tmp_path, problems)
    return [str(problem) for problem in problems]


def _line_of(text: str) -> int:
    source = (PROJECT_ROOT / RULES_FILE).read_text(encoding="utf-8")
    return source[: source.index(text)].count("\n") + 1


BAD_RULES = [
    ("an answer pointing at a missing question", "          next: crime-or-discipline\n",
     "          next: crime-or-discipilne\n", "checker.questions[2].answers[2].next", "no question 'crime-or-discipilne'"),
    ("a misspelt key", "  days: 28\n", "  dayz: 28\n", "deadline.dayz", "unknown key 'dayz'. Did you mean 'days'?"),
    ("days that are not a number", "  days: 28\n", "  days: many\n", "deadline.days", "expected a number"),
    ("a result that does not exist", "      expect: unsure\n", "      expect: unknown-result\n",
     "tests.checker[10].expect", "no result 'unknown-result'"),
]


@pytest.mark.parametrize("name, old, new, field, message", BAD_RULES, ids=[row[0] for row in BAD_RULES])
def test_bad_rules_name_file_line_and_field(tmp_path, name, old, new, field, message):
    problems = _rules_problems(tmp_path, old, new)
    line = _line_of(old)
    expected = f"docs/_data/review-rules.yml:{line}"
    assert any(p.startswith(expected) and f"field '{field}'" in p and message in p for p in problems), problems


def test_make_check_stops_on_bad_rules(project_copy):
    project = project_copy
    rules = project / RULES_FILE
    rules.write_text(rules.read_text(encoding="utf-8").replace("  start: letter-names-body", "  start: first-question"),
                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "iopcsite", "check", str(project)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(PROJECT_ROOT / "hooks")})
    assert result.returncode == 1
    assert f"docs/_data/review-rules.yml:{_line_of('  start: letter-names-body')}" in result.stdout
    assert "field 'checker.start'" in result.stdout


@pytest.mark.parametrize("line, message", [
    ("{{ helper: review-deadlines }}", "unknown helper 'review-deadlines'. Did you mean 'review-deadline'?"),
    ("See {{ helper: who-reviews }} here",
     "a helper marker must be on a line of its own. Write it alone on its line, like '{{ helper: review-deadline }}'."),
])
def test_bad_markers_name_the_line(line, message):
    problems = check_markers(f"Intro.\n\n{line}\n", "docs/example.md", 7)
    assert [str(p) for p in problems] == [f"docs/example.md:9: {message}"]


def test_a_helper_twice_on_a_page_is_a_problem():
    problems = check_markers("{{ helper: who-reviews }}\n\n{{ helper: who-reviews }}\n", "docs/x.md", 1)
    assert [p.line for p in problems] == [3]


# --- The rendered widget ------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.data_blocks: list[str] = []
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_data = tag == "script" and dict(attrs).get("type") == "application/json"

    def handle_data(self, data):
        if self._in_data:
            self.data_blocks.append(data)
            self._in_data = False


def _rendered(name: str, language: str) -> str:
    content = site_content()
    context = HelperContext(review_rules(), content.localiser(language), organisation_values(content.config, language),
                            f"{name}.md")
    return HELPERS[name](context)


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("name", ["review-deadline", "who-reviews"])
def test_widget_is_hidden_until_its_script_runs_and_runs_no_inline_code(name, language):
    html = _rendered(name, language)
    collector = _Collector()
    collector.feed(html)
    root_tag, root = collector.tags[0]
    assert root_tag == "section" and "hidden" in root and root["data-iopc-helper"] == name
    for tag, attrs in collector.tags:
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        if tag == "script":
            assert attrs == {"type": "application/json", "class": "iopc-helper__data"}
        assert "style" not in attrs
    assert root["lang"] == language
    data = json.loads(collector.data_blocks[0])
    assert data


def test_markers_become_slots_that_become_helpers():
    marked = mark_helpers("Intro.\n\n{{ helper: who-reviews }}\n\nMore.\n")
    assert '<div data-iopc-helper-slot="who-reviews"></div>' in marked and "{{" not in marked
    content = site_content()
    context = HelperContext(review_rules(), content.localiser("en"), organisation_values(content.config, "en"), "who-reviews.md")
    html = insert_helpers('<p>Intro.</p>\n<div data-iopc-helper-slot="who-reviews">\n</div>\n<p>More.</p>', context)
    assert html.startswith("<p>Intro.</p>\n<section") and html.endswith("</section>\n<p>More.</p>")


def test_welsh_widget_uses_welsh_words():
    html = _rendered("review-deadline", "cy")
    assert "Cyfrifo fy nyddiad cau" in html and "Diwrnod" in html
    data = json.loads(re.search(r'<script type="application/json"[^>]*>(.*?)</script>', html).group(1))
    assert data["months"][3] == "Ebrill" and data["weekdays"][2] == "Dydd Mercher"
    assert "SAYH" in _rendered("who-reviews", "cy")


def test_data_block_cannot_close_its_script_element():
    from iopcsite.review_helpers.widgets import _data_block
    block = _data_block({"text": "</script><script>alert(1)</script>"})
    assert block.count("</script>") == 1


def _sentences(markdown: str) -> list[str]:
    body = markdown.split("---", 2)[2]
    body = re.sub(r"\{\{[^}]*\}\}|\{[^}]*\}|\[([^\]]*)\]\([^)]*\)", r"\1", body)
    text = "\n".join(line.strip(" -#") for line in body.splitlines() if not line.startswith("!!!"))
    return [s for s in re.split(r"(?<=[.?!])\s+|\n", text) if re.search(r"[A-Za-z]", s)]


def helper_pages() -> list[str]:
    """The src_uri of every page with a review helper."""
    return sorted(uri for uri, page in site_content().pages.items() if "{{ helper:" in page.body)


@pytest.mark.for_each("src_uri", helper_pages)
def test_helper_pages_use_short_sentences(src_uri):
    sentences = _sentences((PROJECT_ROOT / "docs" / src_uri).read_text(encoding="utf-8"))
    lengths = [len(s.split()) for s in sentences]
    assert max(lengths) <= 30, sentences[lengths.index(max(lengths))]
    assert sum(lengths) / len(lengths) <= 16
