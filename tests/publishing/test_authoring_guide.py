"""The messages quoted in AUTHORING.md are the messages 'make check' really prints."""

from __future__ import annotations

import re

import pytest
from support.project import PROJECT_ROOT, copy_project, replace_in, run_tool

GUIDE = PROJECT_ROOT / "AUTHORING.md"
PAGE = "docs/make-a-complaint.md"
REVIEWS = "docs/_data/faqs/reviews.yml"


def _field_mistakes(root):
    replace_in(root / PAGE, "last_reviewed:", "last_reveiwed:")
    replace_in(root / PAGE, "review_by: 2027-05-22", "review_by: 22/05/2027\npublish_from: next Tuesday\ndraft: maybe")
    replace_in(root / REVIEWS, "    topic: reviews\n    question: Can I ask for a review?",
               "    topic: review\n    question: Can I ask for a review?")
    replace_in(root / REVIEWS, "    related:\n      - text: Ask for a review\n        link: ask-for-a-review.md\n",
               "    related: ask-for-a-review.md\n")
    replace_in(root / "docs/contact.md", "title: ", "title: Contact us: phone, post and online\n#")
    replace_in(root / "docs/_data/faqs/complaining.yml", "\n  - id:", "\n  - id: Who Can Complain\n    idx:")
    replace_in(root / "docs/index.md", "last_reviewed: 2026-11-22", "last_reviewed: 2026-11-22\n\ttab: x")
    replace_in(root / "docs/serious-cases.md", "description:", "title: again\ndescription:")


def _more_field_mistakes(root):
    replace_in(root / PAGE, "review_by: 2027-05-22\n", "")
    replace_in(root / "docs/_data/faqs/complaining.yml", "topic: complaining", "topic: [complaining")
    replace_in(root / "docs/_data/site.yml", "website: https://www.policeconduct.gov.uk/", "website: www.policeconduct.gov.uk")


def _link_mistakes(root):
    replace_in(root / PAGE, "This page explains who can complain",
               "See [reviews](review.md), [the limit](ask-for-a-review.md#time-limit) and [plans](plans.md). "
               "Call {{ org.phon }}. This page explains who can complain")
    replace_in(root / PAGE, "## Who can complain", "<script>track()</script>\n\n[Go here](javascript:go())\n\n## Who can complain")
    replace_in(root / PAGE, "## Who can complain", "# Who can complain")
    (root / "docs/plans.md").write_text(
        "---\ntitle: Plans\ndescription: Plans that are not ready.\nlast_reviewed: 2026-11-22\n"
        "review_by: 2027-05-22\npublish_from: 2026-12-01 09:00\n---\n\nText.\n", encoding="utf-8")
    (root / "docs/notes.md").write_text("Some notes without front matter.\n", encoding="utf-8")
    text = (root / REVIEWS).read_text(encoding="utf-8")
    (root / REVIEWS).write_text(text.replace("  - id: who-can-ask-for-a-review", "  - id: what-is-a-review", 1),
                                encoding="utf-8")


def _notices(root):
    (root / "docs/plans.md").write_text(
        "---\ntitle: Our plans\ndescription: Plans that are not ready.\nlast_reviewed: 2026-05-01\n"
        "review_by: 2026-11-01\ndraft: true\n---\n\nText.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    """Everything 'make check' prints for the mistakes the guide describes."""
    outputs = []
    for make_mistakes in (_field_mistakes, _more_field_mistakes, _link_mistakes, _notices):
        root = copy_project(tmp_path_factory.mktemp(make_mistakes.__name__.strip("_")) / "project", for_make=True)
        make_mistakes(root)
        outputs.append(run_tool(root, "check", env={"IOPC_NOW": "2026-11-22T12:00"}).stdout)
    return "\n".join(outputs)


def quoted_messages() -> list[str]:
    """Messages the guide quotes in full: in backticks or text blocks, starting with a file under docs/."""
    text = GUIDE.read_text(encoding="utf-8")
    messages = re.findall(r"^\| `(docs/[^`]+)` \|", text, re.M)
    messages += re.findall(r"^ {2}- (docs/\S+: .+)$", text, re.M)
    messages += re.findall(r"```text\n(docs/.+)\n```", text)
    return messages


def test_the_guide_quotes_many_messages():
    assert len(quoted_messages()) >= 20


def without_positions(text: str) -> str:
    """Messages with line and column numbers blanked: the guide's examples outlive edits to the content."""
    return re.sub(r"(\.(?:md|yml)):\d+(?::\d+)?:", r"\1:N:", re.sub(r" line \d+\b", " line N", text))


@pytest.mark.for_each("message", quoted_messages)
def test_each_quoted_message_is_real(printed, message):
    assert without_positions(message) in without_positions(printed)
