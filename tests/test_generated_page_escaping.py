"""Author text placed into a generated page shows as the author typed it.

Generated pages are rendered from templates; a question, a title or a campaign's
words are escaped on the way in, so Markdown, attribute lists and HTML in them are
shown, never obeyed. Before, a question ending in ``{: #x}`` passed ``make check``
and then broke ``make build``, and a ``<script>`` in a question was published as a script.
"""

from __future__ import annotations

import io
from pathlib import Path

import lxml.html
import markdown
import pytest
import yaml
from iopcsite.authoring.errors import ProblemList
from iopcsite.collections.faqs.models import Faq, FaqTopic
from iopcsite.collections.faqs.questions import render_hub_page, render_topic_page
from iopcsite.commands.build_site import build_site
from iopcsite.commands.check import run_check
from iopcsite.config.localiser import Localiser
from iopcsite.config.site_config import load_strings
from iopcsite.content.page_templates import md_line, md_text
from support.project import replace_in

TYPED = [
    "Can I see [my file]?",
    "What does *urgent* mean?",
    "Is this a heading {: #x}",
    "Before --- and after",
    "Is <script>alert(1)</script> run?",
    "What if I type `code`, _this_ or \\ a backslash?",
]


def site_markdown(project_root: Path, text: str) -> lxml.html.HtmlElement:
    """``text`` through Python-Markdown with the site's own extensions, as HTML."""
    config = yaml.safe_load((project_root / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
                            .replace("!ENV", ""))
    extensions, settings = [], {}
    for entry in config["markdown_extensions"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        extensions.append(name)
        if isinstance(entry, dict):
            settings[name] = entry[name]
    html = markdown.markdown(text, extensions=extensions, extension_configs=settings)
    return lxml.html.fromstring(f"<div>{html}</div>")


@pytest.mark.parametrize("typed", TYPED)
def test_a_question_shows_as_typed_on_its_topic_page_and_the_hub(typed, project_root):
    faq = Faq(id="typed", topic="complaining", question=typed, answer="An answer.", last_reviewed="2026-11-22",
              review_by="2027-05-22")
    topic = FaqTopic(id="complaining", title=f"Topic: {typed}", description=f"About {typed}")
    local = Localiser("en", load_strings(project_root, ProblemList()))
    page = site_markdown(project_root, render_topic_page(topic, [faq], local).split("\n---\n", 1)[1])
    heading = page.xpath("//h2")[0]
    for permalink in heading.xpath('.//a[@class="headerlink"]'):
        permalink.drop_tree()
    assert heading.text_content() == typed and heading.get("id") == "typed"
    assert not page.xpath("//script") and page.xpath("//p")[0].text_content() == f"About {typed}"
    hub = site_markdown(project_root, render_hub_page([topic], {"complaining": [faq]}, local).split("\n---\n", 1)[1])
    hub_heading = hub.xpath("//h2")[0]
    for permalink in hub_heading.xpath('.//a[@class="headerlink"]'):
        permalink.drop_tree()
    assert hub_heading.text_content() == f"Topic: {typed}"
    assert hub.xpath("//li/a")[0].text_content() == typed and not hub.xpath("//script")


@pytest.mark.parametrize("typed", TYPED)
def test_plain_text_keeps_its_words_and_lines(typed, project_root):
    assert site_markdown(project_root, md_line(typed)).text_content() == typed
    two_lines = site_markdown(project_root, md_text(f"{typed}\n===\n\n- {typed}"))
    assert [(element.tag, element.text_content()) for element in two_lines] == [("p", f"{typed}\n==="),
                                                                               ("p", f"- {typed}")]


def test_a_question_ending_in_an_attribute_list_passes_check_and_builds(project_copy, tmp_path):
    project = project_copy
    replace_in(project / "docs/_data/faqs/reviews.yml", "question: What is a review?",
               "question: \"What is a review? {: #x}\"")
    assert run_check(project, io.StringIO()) == 0
    site = tmp_path / "site"
    assert build_site(project, site) == 0
    page = lxml.html.fromstring((site / "faqs" / "reviews" / "index.html").read_bytes())
    assert page.xpath('//h2[@id="what-is-a-review"]')[0].text_content().startswith("What is a review? {: #x}")
    hub = lxml.html.fromstring((site / "faqs" / "index.html").read_bytes())
    assert "What is a review? {: #x}" in [link.text_content() for link in hub.xpath("//article//li/a")]


def test_no_generated_front_matter_is_cut_apart(project_root):
    for path in (project_root / "hooks").rglob("*.py"):
        assert 'split("---' not in path.read_text(encoding="utf-8"), f"{path}: render the page from a template instead"
