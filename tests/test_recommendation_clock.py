"""The response clock of learning recommendations: every case in recommendation-clock.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from iopcsite.authoring.errors import ProblemList
from iopcsite.collections.recommendations.clock import case_clock, load_clock

ROOT = Path(__file__).resolve().parents[1]


def _clock_file():
    problems = ProblemList()
    clock = load_clock(ROOT, problems)
    assert clock is not None, problems
    return clock


def _cases():
    return [pytest.param(case, id=case.name) for case in _clock_file().cases]


@pytest.mark.for_each("case", _cases)
def test_each_case_of_the_clock_file(case):
    rule = _clock_file().rule
    clock = case_clock(rule, case)
    assert (clock.state, clock.due, clock.worked_out, clock.days_left, clock.overdue_since, clock.published_late) == (
        case.state, case.due, case.worked_out, case.days_left, case.overdue_since, case.published_late)


def test_the_rule_is_the_56_day_rule():
    rule = _clock_file().rule
    assert (rule.reply_within_days, rule.publish_within_days) == (56, 21)
