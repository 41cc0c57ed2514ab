"""One finding of a gate, and a readable report of many."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """A problem on a page: which page, which rule, which element, and what is wrong."""

    page: str
    rule: str
    element: str
    message: str

    def line(self) -> str:
        return f"{self.page or '/'}: [{self.rule}] {self.element}\n    {self.message}"


def report(findings: list[Finding], title: str) -> str:
    """All findings under a title, one block each, for an assertion message."""
    lines = [f"{title}: {len(findings)} finding(s)"]
    lines += [finding.line() for finding in findings]
    return "\n".join(lines)
