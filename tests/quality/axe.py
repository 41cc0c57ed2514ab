"""axe-core (bundled in the pinned axe-playwright-python) run in the page as it is shown."""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT

from .findings import Finding

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def axe_findings(page, where: str) -> list[Finding]:
    """Every axe violation on the page in its current state, one finding per element."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    findings = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            target = " ".join(" ".join(part) if isinstance(part, list) else part for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            findings.append(Finding(where, f"axe {violation['id']} ({violation['impact']})",
                                    f"{target}  {node['html'][:160]}",
                                    f"{violation['help']}. {summary} See {violation['helpUrl']}"))
    return findings
