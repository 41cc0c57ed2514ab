"""Lighthouse, mobile, offline, on the pages most readers land on.

Accessibility, best practices and SEO must score 100 and performance at least 95
(the median of up to three runs, as Lighthouse's own guidance on variability
advises). The site is served gzip-compressed on loopback, as any real host serves it.
"""

from __future__ import annotations

import pytest
from iopcsite.authoring.markdown_text import page_file_name
from quality.findings import report
from quality.lighthouse import (
    SLOW_HOST_BENCHMARK,
    LighthouseResult,
    is_decided,
    median_run,
    run_lighthouse,
    score_findings,
)
from quality.serving import serve_site
from support.browser import chromium_executable

LIGHTHOUSE_PAGES = {
    "home": "",
    "complaint": "make-a-complaint/",
    "review": "ask-for-a-review/",
    "FAQ": "faqs/",
    "campaign": "campaigns/you-have-a-voice/",
    "publications": "publications/",
    "publication": "publications/focus-issue-13/",
    "recommendations register": "recommendations/",
    "recommendation batch": "recommendations/national-stop-and-search-2022-04/",
    "learning hub": "learning/",
    "news list": "news/",
    "forces index": "forces/",
    "force page": "forces/metropolitan/",
    "statistics": "statistics/",
}


@pytest.fixture(scope="module")
def lighthouse_runs(built_site):
    """Every page's runs: all pages once, then again only where the median is still open."""
    runs: dict[str, list[LighthouseResult]] = {path: [] for path in LIGHTHOUSE_PAGES.values()
                                               if (built_site / page_file_name(path)).is_file()}
    with serve_site(built_site) as base:
        while undecided := [path for path, done in runs.items() if not is_decided(done, path)]:
            results = run_lighthouse({path: base + path for path in undecided}, chromium_executable())
            for path, result in results.items():
                runs[path].append(result)
    return runs


@pytest.mark.browser
@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES.values(), ids=LIGHTHOUSE_PAGES.keys())
def test_lighthouse_scores(lighthouse_runs, path):
    assert path in lighthouse_runs, f"{path} is not in the built site, so Lighthouse cannot score it"
    runs = lighthouse_runs[path]
    median = median_run(runs)
    findings = score_findings(median, path)
    for run in runs:  # accessibility, best practices and SEO do not vary: every run must score 100
        findings += [finding for finding in score_findings(run, path) if "performance" not in finding.rule]
    if findings:
        findings += median.failing_audits
    scores = "; ".join(f"run {number}: {run.scores}, host benchmark {run.benchmark_index:.0f}" for number, run in enumerate(runs, 1))
    advice = ""
    if median.benchmark_index < SLOW_HOST_BENCHMARK:
        advice = ("\nThe machine was busy during this run (Lighthouse's benchmark index was under "
                  f"{SLOW_HOST_BENCHMARK}), so performance reads low: run 'make test' again on a quiet machine.")
    assert not findings, report(sorted(set(findings), key=str), f"Lighthouse {path or '/'} ({scores})") + advice
