"""Lighthouse (npm, from the lock file), mobile, against a site served on loopback, offline."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from support.project import PROJECT_ROOT

from .findings import Finding
from .vnu import GateToolMissing

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / "lighthouse"
RUNNER = Path(__file__).with_name("lighthouse-pages.mjs")
SLOW_HOST_BENCHMARK = 1000  # Lighthouse warns that scores are unreliable below this
MINIMUM_SCORES = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}

# Chromium must not reach the internet (there is none here, and a test must not
# depend on it): every host but loopback resolves to nothing, and the browser's
# own background traffic is off.
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-domain-reliability",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@dataclass
class LighthouseResult:
    """The scores of one run, and every weighted audit that did not pass."""

    url: str
    scores: dict[str, float]
    failing_audits: list[Finding]
    warnings: list[str]
    benchmark_index: float


def run_lighthouse(urls: dict[str, str], chromium: str | None) -> dict[str, LighthouseResult]:
    """Lighthouse's mobile audit of each URL (by the page it stands for), in one Chromium."""
    if not LIGHTHOUSE.exists():
        raise GateToolMissing("Lighthouse is not installed: run 'make test', which runs 'npm ci'.")
    environment = dict(os.environ)
    if chromium:
        environment["CHROME_PATH"] = chromium
    pages = list(urls)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        command = ["node", str(RUNNER), folder, json.dumps(CHROME_FLAGS)] + [urls[page] for page in pages]
        result = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=PROJECT_ROOT, timeout=1200)
        if result.returncode != 0:
            raise RuntimeError(f"Lighthouse failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
        return {page: read_report(json.loads((Path(folder) / f"{index}.json").read_text(encoding="utf-8")), page)
                for index, page in enumerate(pages)}


def read_report(report: dict, where: str) -> LighthouseResult:
    """Scores by category and the audits that cost points, with the elements they name."""
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not audit {where}: {report['runtimeError']}")
    scores = {name: category["score"] for name, category in report["categories"].items()}
    failing = []
    for name, category in report["categories"].items():
        for reference in category["auditRefs"]:
            audit = report["audits"][reference["id"]]
            if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
                failing.append(Finding(where, f"lighthouse {name}/{audit['id']} (score {audit['score']})",
                                       _audit_elements(audit), f"{audit['title']}. {audit.get('displayValue') or ''}".strip()))
    return LighthouseResult(report["finalDisplayedUrl"], scores, failing, report.get("runWarnings", []),
                            report.get("environment", {}).get("benchmarkIndex", 0))


def _audit_elements(audit: dict) -> str:
    items = (audit.get("details") or {}).get("items") or []
    shown = []
    for item in items[:5]:
        node = item.get("node") or {}
        shown.append(node.get("selector") or node.get("snippet") or item.get("url") or "")
    return ", ".join(part for part in shown if part) or "(the page)"


def score_findings(result: LighthouseResult, where: str) -> list[Finding]:
    """A finding for each category under its minimum (the failing audits explain why)."""
    findings = []
    for name, minimum in MINIMUM_SCORES.items():
        score = result.scores.get(name)
        if score is None or score < minimum:
            findings.append(Finding(where, f"lighthouse {name}", f"score {score}", f"must be at least {minimum:.2f}"))
    return findings


def is_decided(runs: list[LighthouseResult], where: str, most: int = 3) -> bool:
    """Whether more runs could change the median verdict (two passing or two failing runs of three)."""
    passing = sum(not score_findings(run, where) for run in runs)
    return len(runs) >= most or passing * 2 > most or (len(runs) - passing) * 2 > most


def median_run(runs: list[LighthouseResult]) -> LighthouseResult:
    """The run with the median performance score (the lower middle one of an even number)."""
    ordered = sorted(runs, key=lambda run: run.scores.get("performance") or 0)
    return ordered[(len(ordered) - 1) // 2]
