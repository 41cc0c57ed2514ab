"""A script written into the content stops 'make check' (and every build) at its file and line."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from iopcsite.checks.unsafe_html import unsafe_html_problems
from iopcsite.commands.check import run_check
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support.project import copy_project, line_of, replace_in

FAQS = "docs/_data/faqs/complaining.yml"
CAMPAIGN = "campaigns/you-have-a-voice/campaign.yml"


@dataclass(frozen=True)
class Unsafe:
    """Something an author could paste in, where, and what the check says about it."""

    file: str
    old: str
    new: str
    says: str


UNSAFE = {
    "script in a FAQ answer": Unsafe(FAQS, "      Adversely affected means",
                                     "      <script>alert(1)</script>\n      Adversely affected means",
                                     "this holds a <script> tag. Remove it: the site runs only its own scripts."),
    "event handler in a page": Unsafe("docs/contact.md", "Think about the safest way",
                                      "<img src=x onerror=alert(1)> Think about the safest way",
                                      "this holds an event handler attribute (onerror=)"),
    "javascript: link in a translation": Unsafe("docs/privacy.cy.md", "[cysylltwch â ni](contact.md)",
                                                "[cysylltwch â ni](javascript:alert(1))",
                                                "this holds a javascript: link"),
    "iframe in a campaign": Unsafe(CAMPAIGN, "  title: You have a voice\n",
                                   "  title: You have a voice <iframe src=https://example.org/></iframe>\n",
                                   "this holds an <iframe>"),
}


def checked(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    return run_check(root, out=out), out.getvalue()


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_a_script_in_the_content_stops_the_check_at_its_file_and_line(tmp_path, name):
    unsafe = UNSAFE[name]
    root = copy_project(tmp_path / "project")
    replace_in(root / unsafe.file, unsafe.old, unsafe.new)
    line = line_of(root / unsafe.file, unsafe.new.strip().splitlines()[0])
    status, output = checked(root)
    assert status == 1, output
    assert f"{unsafe.file}:{line}:" in output and unsafe.says in output, output
    assert "Traceback" not in output


def test_a_script_shown_as_code_is_allowed_and_published_as_text(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "project")
    replace_in(root / "docs/contact.md", "Think about the safest way",
               "Never paste a `<script>` tag into a page, nor this:\n\n"
               "```html\n<script>alert(1)</script>\n<a href=\"javascript:go()\" onclick=\"go()\">Go</a>\n```\n\n"
               "Think about the safest way")
    replace_in(root / FAQS, "      Adversely affected means",
               "      ```\n      <iframe src=\"https://example.org/\"></iframe>\n      ```\n\n      Adversely affected means")
    status, output = checked(root)
    assert status == 0, output
    monkeypatch.setenv("IOPC_LANGUAGES", "en")
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    contact = (tmp_path / "site" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "<code>&lt;script&gt;</code>" in contact
    assert '<pre><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;' in contact
    faqs = (tmp_path / "site" / "faqs" / "complaining" / "index.html").read_text(encoding="utf-8")
    assert "<pre><code>&lt;iframe" in faqs


@pytest.mark.parametrize("text, line, column", [
    ('<a href="&#106;avascript:alert(1)">x</a>', 1, 10),  # a character reference still spells javascript:
    ("## Help {: onclick=\"go()\" }", 1, 12),  # an attribute list sets an attribute on the heading
    ("[x]: JavaScript:go()", 1, 6),  # a reference definition
    ("```\nnever closed\n<script>go()</script>", 3, 1),  # an unclosed fence opens no code block
    ("  ```\n  <script>go()</script>\n  ```", 2, 3),  # an indented fence is no code block in a page
])
def test_scripts_written_in_other_ways_are_found_too(text, line, column):
    problems = unsafe_html_problems(text, "docs/page.md", first_line=1)
    assert [(problem.line, problem.column) for problem in problems] == [(line, column)], problems


def test_words_that_only_look_like_code_are_not_problems():
    text = "Call us on 0300 020 0096, or see {{ org.website }}.\n\n<b>Click</b> on=here [form](https://x.org/?on=1)"
    assert unsafe_html_problems(text, "docs/page.md") == []
