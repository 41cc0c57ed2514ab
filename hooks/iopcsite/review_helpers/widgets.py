"""Interactive helpers placed in pages by a marker line such as ``{{ helper: review-deadline }}``.

The pipeline swaps each marker for the helper's HTML, built from
``review-rules.yml`` and ``strings.yml``, in two steps: ``mark_helpers`` leaves
an empty slot in the Markdown, and ``insert_helpers`` fills it in the finished
HTML, so Markdown never rewrites the form (inside a ``markdown`` block it would
turn the form's headings into page sections). The HTML starts ``hidden``: only
``docs/assets/js/review-helpers.js`` reveals it, so without JavaScript the
page's own words stand in and nobody meets a form that does nothing.

The rules reach the script as a ``<script type="application/json">`` block in
the page, not as a separate JSON file: no second request on a poor signal, the
texts are already in the page's language, and a data block is never executed,
so a strict Content-Security-Policy does not need to allow it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from typing import Callable, get_args

from iopcsite.authoring.base_models import Bilingual
from iopcsite.authoring.errors import ContentProblem, suggest
from iopcsite.authoring.markdown_text import (
    lines_outside_code,
    relative_url,
    substitute_placeholders,
)
from iopcsite.config.localiser import Localiser
from iopcsite.config.models import StringTable
from iopcsite.review_helpers.models import (
    Checker,
    CheckerQuestion,
    CheckerResult,
    DeadlineError,
    DeadlineStatus,
    ResultLink,
    ReviewRules,
)
from iopcsite.review_helpers.rules import DATE_FIELDS, date_names

MARKER = re.compile(r"^\{\{\s*helper:\s*(?P<name>[^}]*?)\s*\}\}\s*$")
SLOT_HTML = '<div data-iopc-helper-slot="{name}"></div>'
FILLED_SLOT = re.compile(r'<div data-iopc-helper-slot="(?P<name>[a-z0-9-]+)">\s*</div>')
LOOSE_MARKER = re.compile(r"\{\{\s*helper\b")
HELPER_SCRIPT = "assets/js/review-helpers.js"
DEADLINE_STATUSES = get_args(DeadlineStatus)
DEADLINE_ERRORS = get_args(DeadlineError)
RESULT_SLOTS = {"last_day", "letter_date", "first_day", "days"}
SLOT = re.compile(r"\{([a-z_]+)\}")


def required_strings() -> dict[str, set[str]]:
    """Every string the helpers use, with the {slots} it may contain."""
    plain = ["helper-error-summary-title", "helper-error-prefix", "date-day", "date-month", "date-year",
             "deadline-legend", "deadline-hint", "deadline-submit", "checker-continue", "checker-back",
             "checker-start-again", "checker-error-choose"]
    wanted = {key: set() for key in plain}
    wanted.update({f"deadline-error-{code}": set() for code in DEADLINE_ERRORS})
    wanted["deadline-error-too-early"] = {"earliest"}
    for status in DEADLINE_STATUSES:
        wanted[f"deadline-title-{status}"] = RESULT_SLOTS
        wanted[f"deadline-advice-{status}"] = RESULT_SLOTS
    wanted["deadline-explain"] = RESULT_SLOTS
    return wanted


@dataclass(frozen=True)
class Marker:
    """A helper marker in a page, with the body line it is on."""

    name: str
    line: int


@dataclass(frozen=True)
class HelperContext:
    """What a helper needs to render: the rules, the words and where the page is."""

    rules: ReviewRules
    local: Localiser
    org: dict[str, str]
    src_uri: str
    prefix: str = ""

    def text(self, value: Bilingual) -> str:
        """A rules text in the page's language, with organisation details filled in."""
        return substitute_placeholders(value.get(self.local.language), self.org, self.src_uri, 1)[0]

    def link(self, item: ResultLink) -> str:
        href = relative_url(self.src_uri, self.prefix + item.link)
        return f'<li><a href="{escape(href)}">{escape(self.text(item.text))}</a></li>'


def find_markers(text: str) -> tuple[list[Marker], list[int]]:
    """Marker lines outside code blocks, and lines where a marker is not on a line of its own."""
    markers, stray = [], []
    for number, line in lines_outside_code(text):
        match = MARKER.match(line)
        if match:
            markers.append(Marker(match.group("name"), number))
        elif LOOSE_MARKER.search(line):
            stray.append(number)
    return markers, stray


def check_markers(text: str, file: str, first_line: int) -> list[ContentProblem]:
    """Unknown helper names, a helper used twice, and markers that are not on their own line."""
    markers, stray = find_markers(text)
    problems = [
        ContentProblem(file, first_line + line - 1, None, None, "a helper marker must be on a line of its own.",
                       "Write it alone on its line, like '{{ helper: review-deadline }}'.")
        for line in stray
    ]
    seen: set[str] = set()
    for marker in markers:
        line = first_line + marker.line - 1
        if marker.name not in HELPERS:
            hint = suggest(marker.name, HELPERS) or f"Known helpers: {', '.join(sorted(HELPERS))}."
            problems.append(ContentProblem(file, line, None, None, f"unknown helper '{marker.name}'.", hint))
        elif marker.name in seen:
            problems.append(ContentProblem(file, line, None, None, f"the helper '{marker.name}' is already on this page.",
                                           "A helper can appear once on a page. Remove this line."))
        seen.add(marker.name)
    return problems


def check_strings(strings: StringTable, file: str) -> list[ContentProblem]:
    """The helpers' strings exist, in both languages, with only the {slots} they may use."""
    problems = []
    for key, allowed in required_strings().items():
        value = strings.strings.get(key)
        if value is None:
            problems.append(ContentProblem(file, None, None, f"strings.{key}", "this string is missing: a review helper uses it.",
                                           "Add it with 'en' and 'cy'."))
            continue
        for language, text in (("en", value.en), ("cy", value.cy)):
            used = set(SLOT.findall(text or ""))
            if not used <= allowed:
                problems.append(ContentProblem(file, None, None, f"strings.{key}.{language}",
                                               f"unknown {{slot}}: {', '.join(sorted(used - allowed))}.",
                                               f"Allowed here: {', '.join(sorted(allowed)) or 'none'}."))
        if value.cy is not None and set(SLOT.findall(value.en)) != set(SLOT.findall(value.cy)):
            problems.append(ContentProblem(file, None, None, f"strings.{key}.cy",
                                           "the Welsh text must use the same {slots} as the English.",
                                           f"English uses: {', '.join(sorted(set(SLOT.findall(value.en)))) or 'none'}."))
    return problems


def has_helpers(text: str) -> bool:
    """Whether a page places any helper (and so needs the helper script)."""
    return bool(find_markers(text)[0])


def mark_helpers(text: str) -> str:
    """Replace every marker line with an empty slot that Markdown passes through."""
    markers, _ = find_markers(text)
    if not markers:
        return text
    lines = text.splitlines()
    for marker in markers:
        lines[marker.line - 1] = "\n" + SLOT_HTML.format(name=marker.name) + "\n"
    return "\n".join(lines) + "\n"


def insert_helpers(html: str, context: HelperContext) -> str:
    """Fill every helper slot in a page's finished HTML with the helper itself."""
    return FILLED_SLOT.sub(lambda match: HELPERS[match.group("name")](context), html)


# --- Shared pieces -----------------------------------------------------------------------


def _data_block(data: dict) -> str:
    """JSON that cannot end its script element early, whatever an author writes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" class="iopc-helper__data">{text}</script>'


def _error_summary(local: Localiser) -> str:
    return (
        '<div class="iopc-error-summary" tabindex="-1" hidden>'
        f'<h2 class="iopc-error-summary__title">{escape(local.string("helper-error-summary-title"))}</h2>'
        '<ul class="iopc-error-summary__list"></ul></div>'
    )


def _error_message(element_id: str, local: Localiser) -> str:
    return (
        f'<p class="iopc-error-message" id="{element_id}" hidden>'
        f'<span class="iopc-visually-hidden">{escape(local.string("helper-error-prefix"))}</span> '
        '<span class="iopc-error-message__text"></span></p>'
    )


def _filled(template: str, static: dict[str, str]) -> str:
    """Escape a string and turn its {slots} into spans: static ones filled now, others by the script."""
    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in static:
            return escape(static[name])
        return f'<span class="iopc-slot" data-slot="{name}"></span>'

    return SLOT.sub(slot, escape(template))


def _links(items: list[ResultLink], context: HelperContext) -> str:
    if not items:
        return ""
    return f'<ul class="iopc-result__links">{"".join(context.link(item) for item in items)}</ul>'


def _wrapper(name: str, language: str, inner: list[str]) -> str:
    # A <section>, not a <div>: Material's search matches the excluded element by tag only,
    # and an inner </div> would end the exclusion.
    return "\n".join([f'<section class="iopc-helper" id="iopc-{name}" lang="{language}" data-iopc-helper="{name}" '
                      'data-search-exclude hidden>', *inner, "</section>"])


# --- The review deadline calculator -------------------------------------------------------


def render_deadline(context: HelperContext) -> str:
    """The date form (GOV.UK date input), an empty live region and one result template per status."""
    local, rule = context.local, context.rules.deadline
    earliest = local.date(rule.earliest_letter)
    errors = {code: local.string(f"deadline-error-{code}").replace("{earliest}", earliest) for code in DEADLINE_ERRORS}
    data = {"days": rule.days, "earliest": [rule.earliest_letter.year, rule.earliest_letter.month, rule.earliest_letter.day],
            "errors": errors, **date_names(local.language)}
    inputs = "".join(
        f'<div class="iopc-date-input__item"><label class="iopc-label" for="iopc-deadline-{name}">'
        f'{escape(local.string("date-" + name))}</label>'
        f'<input class="iopc-input iopc-input--{"year" if name == "year" else "short"}" id="iopc-deadline-{name}" '
        f'name="{name}" type="text" inputmode="numeric" autocomplete="off" spellcheck="false"></div>'
        for name in DATE_FIELDS
    )
    static = {"days": str(rule.days)}
    templates = [
        f'<template data-status="{status}">'
        f'<h2 class="iopc-result__title">{_filled(local.string(f"deadline-title-{status}"), static)}</h2>'
        f'<p>{_filled(local.string("deadline-explain"), static)}</p>'
        f'<p>{_filled(local.string(f"deadline-advice-{status}"), static)}</p>'
        f'{_links(rule.links, context)}</template>'
        for status in DEADLINE_STATUSES
    ]
    return _wrapper("review-deadline", local.language, [
        _data_block(data),
        '<form class="iopc-helper__form" novalidate>',
        _error_summary(local),
        '<div class="iopc-form-group">',
        '<fieldset class="iopc-fieldset" role="group" aria-describedby="iopc-deadline-hint">',
        f'<legend class="iopc-fieldset__legend">{escape(local.string("deadline-legend"))}</legend>',
        f'<div class="iopc-hint" id="iopc-deadline-hint">{escape(local.string("deadline-hint"))}</div>',
        _error_message("iopc-deadline-error", local),
        f'<div class="iopc-date-input">{inputs}</div>',
        "</fieldset>",
        "</div>",
        f'<button class="md-button md-button--primary iopc-button" type="submit">{escape(local.string("deadline-submit"))}</button>',
        "</form>",
        '<div class="iopc-helper__result" role="status" aria-live="polite"></div>',
        *templates,
    ])


# --- "Who reviews my complaint?" ----------------------------------------------------------------


def _question(question: CheckerQuestion, context: HelperContext) -> str:
    base = f"iopc-who-{question.id}"
    described = f' aria-describedby="{base}-hint"' if question.hint else ""
    radios = "".join(
        f'<div class="iopc-radios__item"><input class="iopc-radios__input" type="radio" id="{base}-{answer.id}" '
        f'name="{question.id}" value="{answer.id}">'
        f'<label class="iopc-radios__label" for="{base}-{answer.id}">{escape(context.text(answer.text))}</label></div>'
        for answer in question.answers
    )
    hint = f'<div class="iopc-hint" id="{base}-hint">{escape(context.text(question.hint))}</div>' if question.hint else ""
    return (
        f'<div class="iopc-form-group" data-question="{question.id}" hidden>'
        f'<fieldset class="iopc-fieldset"{described}>'
        f'<legend class="iopc-fieldset__legend"><h2 class="iopc-fieldset__heading" tabindex="-1">'
        f'{escape(context.text(question.question))}</h2></legend>'
        f'{hint}{_error_message(base + "-error", context.local)}'
        f'<div class="iopc-radios">{radios}</div></fieldset></div>'
    )


def _result(result: CheckerResult, checker: Checker, context: HelperContext) -> str:
    paragraphs = "".join(f"<p>{escape(context.text(text))}</p>" for text in result.text)
    return (
        f'<template data-result="{result.id}">'
        f'<h2 class="iopc-result__title" tabindex="-1">{escape(context.text(result.title))}</h2>'
        f'{paragraphs}<p class="iopc-result__caveat">{escape(context.text(checker.caveat))}</p>'
        f'{_links(result.links, context)}</template>'
    )


def checker_data(checker: Checker, local: Localiser) -> dict:
    """The checker's paths for the script: which answer leads where (the words stay in the HTML)."""
    def answer(item) -> dict:
        step = {"next": item.next} if item.next else {"result": item.result}
        return {**step, "unsure": item.unsure}

    return {
        "start": checker.start,
        "questions": {q.id: {a.id: answer(a) for a in q.answers} for q in checker.questions},
        "results": {r.id: {"unsure_result": r.unsure_result} for r in checker.results},
        "errors": {"choose": local.string("checker-error-choose")},
    }


def render_checker(context: HelperContext) -> str:
    """Every question as a hidden fieldset (the script shows one at a time) and every result as a template."""
    checker, local = context.rules.checker, context.local
    return _wrapper("who-reviews", local.language, [
        _data_block(checker_data(checker, local)),
        f'<button class="iopc-back" type="button" data-action="back" hidden>{escape(local.string("checker-back"))}</button>',
        '<form class="iopc-helper__form" novalidate>',
        _error_summary(local),
        *(_question(question, context) for question in checker.questions),
        f'<button class="md-button md-button--primary iopc-button" type="submit">{escape(local.string("checker-continue"))}</button>',
        "</form>",
        '<div class="iopc-helper__result" role="status" aria-live="polite"></div>',
        f'<button class="md-button iopc-button iopc-button--secondary" type="button" data-action="restart" hidden>'
        f'{escape(local.string("checker-start-again"))}</button>',
        *(_result(result, checker, context) for result in checker.results),
    ])


HELPERS: dict[str, Callable[[HelperContext], str]] = {
    "review-deadline": render_deadline,
    "who-reviews": render_checker,
}
