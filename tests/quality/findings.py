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


def page_file(url_path: str) -> str:
    """The file a page URL is served from: ``a/b/`` -> ``a/b/index.html``."""
    if url_path == "" or url_path.endswith("/"):
        return url_path + "index.html"
    return url_path
