"""Whole-project copies for the publishing tests: content plus what 'make' needs, and ways to run the tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from fixture_project import PROJECT_ROOT, line_of, replace_in
from fixture_project import copy_project as copy_content

__all__ = ["HIDDEN_TITLES", "NOW", "SECRETS", "copy_project", "every_file_bytes", "line_of",
           "project_with_held_back_content", "replace_in", "run_tool"]
FOR_MAKE = ("Makefile", "requirements.txt", "tools")


def copy_project(destination: Path) -> Path:
    """The real content copied to ``destination``, with the Makefile and a link to the venv so 'make' works there."""
    destination.mkdir(parents=True, exist_ok=True)
    copy_content(destination)
    for name in FOR_MAKE:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)  # keeps the date, so make does not reinstall the venv
    if (PROJECT_ROOT / ".venv").exists():
        (destination / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    return destination


def run_tool(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m iopcsite ARGS ROOT``, as 'make check' and 'make build' run it."""
    environment = {**os.environ, "PYTHONPATH": str(root / "hooks"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "iopcsite", *args, str(root)], cwd=root, env=environment,
                          capture_output=True, text=True)


def every_file_bytes(site: Path) -> dict[str, bytes]:
    """Every file of a built site by relative path, for byte-for-byte comparisons and searches."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


# Drafts and embargoes: a project with content held back, as the tests and 'make serve' see it.
NOW = "2026-11-22T12:00"
SECRETS = {
    "draft page": "Periwinkle lighthouse sentence from a draft page.",
    "embargoed page": "Marmalade compass sentence from an embargoed page.",
    "draft FAQ": "Tangerine harbour sentence from a draft question.",
    "embargoed FAQ": "Juniper kettle sentence from an embargoed question.",
    "embargoed campaign product": "Saffron windmill sentence from an embargoed social media post.",
}
CAMPAIGN = "campaigns/you-have-a-voice/campaign.yml"
HIDDEN_TITLES = ("Plans we have not announced", "News for the new year", "Is this question a draft?",
                 "Is this question under embargo?")


def _page(title: str, extra: str, sentence: str) -> str:
    return (f"---\ntitle: {title}\ndescription: A page that is not ready, about {title.lower()}.\n"
            f"last_reviewed: 2026-11-22\nreview_by: 2027-05-22\n{extra}\n---\n\n{sentence}\n")


def _faq(faq_id: str, question: str, extra: str, sentence: str) -> str:
    return (f"  - id: {faq_id}\n    topic: reviews\n    question: {question}\n    answer: {sentence}\n"
            f"    last_reviewed: 2026-11-22\n    review_by: 2027-05-22\n    {extra}\n\n")


def project_with_held_back_content(root: Path) -> Path:
    """The real project plus a draft page (in the menu), an embargoed page, a draft and an embargoed FAQ,
    and an embargoed campaign product (the social media images, whose suggested post holds a secret)."""
    copy_project(root)
    (root / "docs/plans.md").write_text(_page(HIDDEN_TITLES[0], "draft: true", SECRETS["draft page"]), encoding="utf-8")
    (root / "docs/new-year.md").write_text(
        _page(HIDDEN_TITLES[1], "publish_from: 2027-01-01 09:00", SECRETS["embargoed page"]), encoding="utf-8")
    replace_in(root / "mkdocs.yml", "  - Contact: contact.md",
               "  - Contact: contact.md\n  - Coming soon:\n      - plans.md\n      - new-year.md")
    replace_in(root / "docs/_data/faqs/reviews.yml", "faqs:\n",
               "faqs:\n" + _faq("draft-question", HIDDEN_TITLES[2], "draft: true", SECRETS["draft FAQ"])
               + _faq("embargoed-question", HIDDEN_TITLES[3], "publish_from: 2026-12-01 09:00", SECRETS["embargoed FAQ"]))
    replace_in(root / CAMPAIGN, "  - id: social\n", "  - id: social\n    publish_from: 2027-01-01 09:00\n")
    replace_in(root / CAMPAIGN, "        If you are unhappy with how the police have treated you, you can make a\n"
                                "        complaint. Find out how at policeconduct.gov.uk/youhaveavoice",
               "        " + SECRETS["embargoed campaign product"])
    return root
