"""Lighthouse (npm, from the lock file), mobile, against a site served on loopback, offline."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding
from .vnu import PROJECT_ROOT, GateToolMissing

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
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


def run_lighthouse(url: str, chromium: str | None, where: str) -> LighthouseResult:
    """Run Lighthouse's mobile audit of one URL and read its JSON report."""
    if not LIGHTHOUSE.exists():
        raise GateToolMissing("Lighthouse is not installed: run 'make test', which runs 'npm ci'.")
    environment = dict(os.environ)
    if chromium:
        environment["CHROME_PATH"] = chromium
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report_path = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
            f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}", "--max-wait-for-load=30000",
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300)
        if result.returncode != 0 or not report_path.exists():
            raise RuntimeError(f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
        return read_report(json.loads(report_path.read_text(encoding="utf-8")), where)


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
    return LighthouseResult(report["finalDisplayedUrl"], scores, failing, report.get("runWarnings", []))


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


def median_audit(url: str, chromium: str | None, where: str, runs: int = 3) -> tuple[list[LighthouseResult], LighthouseResult]:
    """Lighthouse's own advice for a stable performance score: the median of several runs.

    Runs stop as soon as the median is decided (two passing or two failing runs);
    returns every run and the median run by performance score.
    """
    results: list[LighthouseResult] = []
    while len(results) < runs:
        results.append(run_lighthouse(url, chromium, where))
        passing = sum(not score_findings(result, where) for result in results)
        if passing * 2 > runs or (len(results) - passing) * 2 > runs:
            break
    ordered = sorted(results, key=lambda result: result.scores.get("performance") or 0)
    return results, ordered[len(ordered) // 2] if len(ordered) % 2 else ordered[len(ordered) // 2 - 1]
