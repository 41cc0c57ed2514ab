"""The project root, and copies of the project for tests that break content on purpose.

``PROJECT_ROOT`` is defined here and nowhere else. ``copy_project`` is the one way to copy the
project; the ``project_copy`` fixture (tests/conftest.py) gives each test a fresh one (``for_make=True``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TEST_FIXTURES = PROJECT_ROOT / "tests" / "fixtures"

CONTENT = ("docs", "mkdocs.yml", "overrides", "campaigns")
FOR_MAKE = ("Makefile", "requirements.txt", "tools")

__all__ = ["HIDDEN_TITLES", "NOW", "PROJECT_ROOT", "SECRETS", "TEST_FIXTURES", "copy_project", "every_file_bytes",
           "line_of", "project_with_held_back_content", "replace_in", "run_tool"]


def copy_project(target: Path, for_make: bool = False) -> Path:
    """A copy of the real content (docs, mkdocs.yml, overrides, campaigns) in ``target``, safe to break.

    The pipeline's code (hooks) is linked, not copied. With ``for_make``, the copy also gets the
    Makefile, requirements and tools, and a link to the venv, so 'make' works there.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in CONTENT + (FOR_MAKE if for_make else ()):
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif name in FOR_MAKE:
            shutil.copy2(source, target / name)  # keeps the date, so make does not reinstall the venv
        else:
            shutil.copy(source, target / name)
    (target / "hooks").symlink_to(PROJECT_ROOT / "hooks")
    if for_make and (PROJECT_ROOT / ".venv").exists():
        (target / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Change one piece of text in a file; the test fails loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line where ``text`` first appears in ``path``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not in {path}")


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
    """The real project (copied for make) plus a draft page (in the menu), an embargoed page, a draft and an
    embargoed FAQ, and an embargoed campaign product (the social media images, whose suggested post holds a secret)."""
    copy_project(root, for_make=True)
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
