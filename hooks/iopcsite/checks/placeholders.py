"""Organisation details are written as placeholders (``{{ org.phone }}``); every one must be a known detail."""

from __future__ import annotations

import dataclasses

from iopcsite.authoring.base_models import strings_in
from iopcsite.authoring.errors import ContentProblem
from iopcsite.authoring.markdown_text import substitute_placeholders
from iopcsite.authoring.yaml_source import YamlDocument, field_name
from iopcsite.content.collection import AuthorText, Item


def placeholder_problems(items: list[Item], values: dict[str, str]) -> list[ContentProblem]:
    """Unknown placeholders in every author text of every item (held-back ones too)."""
    return [problem for item in items for text in item.texts for problem in text_placeholder_problems(text, values)]


def text_placeholder_problems(text: AuthorText, values: dict[str, str]) -> list[ContentProblem]:
    """Unknown placeholders in one author text, each at its line in the author's file."""
    _, found = substitute_placeholders(text.text, values, text.file, 1, text.field)
    return [dataclasses.replace(problem, line=text.line_of(problem.line)) for problem in found]


def data_placeholder_problems(document: YamlDocument, values: dict[str, str]) -> list[ContentProblem]:
    """Unknown placeholders in every text of a settings file (such as the review rules)."""
    problems = []
    for loc, text in strings_in(document.data):
        line, _ = document.position(loc)
        problems += substitute_placeholders(text, values, document.file, line, field_name(loc))[1]
    return problems
