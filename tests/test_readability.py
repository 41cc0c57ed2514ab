"""Plain English: sentence length on every public page, and the measure itself."""

from __future__ import annotations

import functools
import io

import pytest
from iopcsite.checks.readability import (
    MAX_AVERAGE_WORDS,
    MAX_SENTENCE_WORDS,
    measure,
    measure_site,
    split_sentences,
)
from iopcsite.commands.check import run_check
from support.content import site_content


@functools.cache
def measured_pages():
    """Every measured page by uri, measured once per session."""
    return measure_site(site_content())


def measured_uris() -> list[str]:
    return sorted(measured_pages())


@pytest.mark.for_each("uri", measured_uris)
def test_page_sentences_are_short(uri):
    page = measured_pages()[uri]
    result = page.readability
    assert result.sentences, f"{page.file}: no sentences found, so nothing was measured"
    assert not result.problems(), f"{page.file}: {'; '.join(result.problems())}. Longest: \"{result.longest.text}\""


def test_headings_list_items_and_cells_are_sentences_of_their_own():
    markdown = """## Who can complain {#who}

You can complain if:

- it was aimed at you
- you saw it happen

| Body | When |
| --- | --- |
| The police force | Most cases |
"""
    texts = [sentence.text for sentence in measure(markdown).sentences]
    assert texts == ["Who can complain", "You can complain if:", "it was aimed at you", "you saw it happen",
                     "Body", "When", "The police force", "Most cases"]


def test_links_placeholders_and_abbreviations_read_as_words():
    result = measure("Call {{ org.phone }} or [use the form](https://example.org/form), e.g. at home. Then wait.")
    assert [s.text for s in result.sentences] == ["Call X or use the form, e.g. at home.", "Then wait."]
    assert [s.words for s in result.sentences] == [9, 2]


def test_sentences_split_after_full_stops_and_questions():
    assert split_sentences("Is it late? Yes. Apply now.") == ["Is it late?", "Yes.", "Apply now."]


def test_long_sentence_and_long_average_are_reported_with_the_line():
    long_sentence = " ".join(["word"] * (MAX_SENTENCE_WORDS + 1)) + "."
    result = measure(f"Short one.\n\n{long_sentence}\n", first_line=7)
    assert result.longest.line == 9 and result.longest.words == MAX_SENTENCE_WORDS + 1
    assert any("a sentence has 36 words" in problem for problem in result.problems())
    steady = measure(" ".join([" ".join(["Word"] * (MAX_AVERAGE_WORDS + 1)) + "."] * 3))
    assert steady.average > MAX_AVERAGE_WORDS and any("on average" in problem for problem in steady.problems())


def test_make_check_fails_on_a_wordy_page_naming_it_and_quoting_the_sentence(project_copy):
    root = project_copy
    wordy = ("When you are unhappy with the way that a police officer or a member of police staff behaved towards you "
             "or towards somebody you know you can make a complaint about it in a number of different ways.")
    page = root / "docs" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{wordy}\n", encoding="utf-8")
    out = io.StringIO()
    assert run_check(root, out) == 1
    report = out.getvalue()
    assert "docs/contact.md" in report and "contact.md:" in report
    assert f'Longest sentence: "{wordy}"' in report
    assert "a sentence has 38 words" in report
