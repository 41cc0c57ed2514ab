"""Plain English measures for public pages: how long the sentences are.

Readers are often upset and reading on a phone, so sentences stay short: on
average at most 20 words, and none over 35. Headings, list items and table
cells are sentences of their own, as a reader sees them. A quotation (a Markdown
blockquote, lines starting '>') is the words of its source, such as a recommendation's
exact wording: it is not ours to shorten, so it is not measured.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from iopcsite.authoring.errors import ContentProblem
from iopcsite.authoring.markdown_text import FENCE
from iopcsite.content.site_content import SiteContent

MAX_AVERAGE_WORDS = 20
MAX_SENTENCE_WORDS = 35

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
DEFINITION = re.compile(r"^:\s+")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"(?P<title>[^"]*)")?\s*$')
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
HTML_ONLY = re.compile(r"^\s*</?[a-zA-Z][^>]*>\s*$")

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}")
TAG = re.compile(r"<[^>]+>")
EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`)")
BACKSLASH_ESCAPE = re.compile(r"\\(.)")

ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Mr.", "Mrs.", "Ms.", "Dr.", "No.", "St.", "approx.")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
WORD = re.compile(r"\w+(?:[.'’-]\w+)*")  # "e.g.", "don't" and "gov.uk" are one word each


@dataclass(frozen=True)
class Sentence:
    """One sentence as a reader sees it, with the Markdown line it starts on."""

    text: str
    line: int

    @functools.cached_property
    def words(self) -> int:
        return len(WORD.findall(self.text))


@dataclass(frozen=True)
class MeasuredPage:
    """A page's measures and the file an author edits to change its text."""

    readability: "Readability"
    file: str
    authored: bool  # False for pages the pipeline writes from data (FAQ and campaign pages)


@dataclass(frozen=True)
class Readability:
    """Sentence counts and lengths for one page."""

    sentences: list[Sentence]

    @property
    def average(self) -> float:
        return sum(s.words for s in self.sentences) / len(self.sentences) if self.sentences else 0.0

    @property
    def longest(self) -> Sentence | None:
        return max(self.sentences, key=lambda s: s.words, default=None)

    def problems(self) -> list[str]:
        """What is over the limits, in words an author can act on."""
        found = []
        if self.average > MAX_AVERAGE_WORDS:
            found.append(f"sentences are {self.average:.1f} words long on average (at most {MAX_AVERAGE_WORDS})")
        longest = self.longest
        if longest and longest.words > MAX_SENTENCE_WORDS:
            found.append(f"a sentence has {longest.words} words (at most {MAX_SENTENCE_WORDS})")
        return found


def text_blocks(markdown: str) -> list[tuple[str, int]]:
    """Headings, list items, table cells and paragraphs, as plain text with their first line."""
    blocks: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    in_fence = False

    def close() -> None:
        if current:
            blocks.append((" ".join(current), start))
            current.clear()

    for number, raw in enumerate(markdown.splitlines(), 1):
        if FENCE.match(raw):
            in_fence = not in_fence
            close()
            continue
        line = raw.strip()
        if in_fence or not line or HTML_ONLY.match(line) or TABLE_RULE.match(line) or line.startswith(">"):
            close()
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            close()
            if admonition.group("title"):
                blocks.append((admonition.group("title"), number))
            continue
        if line.startswith("|"):
            close()
            blocks += [(cell.strip(), number) for cell in line.strip("|").split("|") if cell.strip()]
            continue
        if HEADING.match(line) or LIST_ITEM.match(raw) or DEFINITION.match(line):
            close()
            line = DEFINITION.sub("", LIST_ITEM.sub("", HEADING.sub("", raw))).strip()
        if not current:
            start = number
        current.append(line)
        if HEADING.match(raw.strip()):
            close()
    close()
    return [(plain, line) for text, line in blocks if (plain := plain_text(text))]


def plain_text(markdown: str) -> str:
    """Inline Markdown as it reads: link text, no images, attributes, tags or emphasis marks."""
    text = IMAGE.sub("", markdown)
    text = LINK.sub(r"\1", text)
    text = ATTR_LIST.sub("", text)
    text = PLACEHOLDER.sub("X", text)  # a detail such as a phone number reads as one item
    text = TAG.sub("", text)
    text = EMPHASIS.sub("", text)
    text = html.unescape(BACKSLASH_ESCAPE.sub(r"\1", text))  # author text placed in generated pages is escaped
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    """Sentences in a block: split after . ! ? before a capital or digit, not after 'e.g.' and the like."""
    guarded = text
    for number, abbreviation in enumerate(ABBREVIATIONS):
        guarded = guarded.replace(abbreviation, f"\x00{number}\x00")
    parts = SENTENCE_END.split(guarded)
    restored = []
    for part in parts:
        for number, abbreviation in enumerate(ABBREVIATIONS):
            part = part.replace(f"\x00{number}\x00", abbreviation)
        if part.strip():
            restored.append(part.strip())
    return restored


def measure(markdown: str, first_line: int = 1) -> Readability:
    """Every sentence of a Markdown page (front matter and code left out)."""
    body = FRONT_MATTER.sub("", markdown)
    sentences = [Sentence(sentence, first_line + line - 1)
                 for block, line in text_blocks(body) for sentence in split_sentences(block)]
    return Readability([s for s in sentences if s.words])


def measure_site(content: SiteContent) -> dict[str, MeasuredPage]:
    """Each published page's measures and the file its text comes from, by its uri (FAQ pages included).

    A page shown in English for want of a translation is measured once, as the English page.
    """
    measured = {}
    for uri, page in sorted(content.published.items()):
        if page.is_fallback:
            continue
        if page.source is not None:
            measured[uri] = MeasuredPage(measure(page.source.body, page.source.body_line), page.source.file, True)
        elif page.markdown is not None:
            measured[uri] = MeasuredPage(measure(page.markdown), f"{uri} (made from {page.collection})", False)
    return measured


def readability_problems(content: SiteContent) -> tuple[list[str], list[ContentProblem]]:
    """A report line per page, and a problem for each page over the limits, quoting its longest sentence."""
    lines: list[str] = []
    problems: list[ContentProblem] = []
    for uri, page in sorted(measure_site(content).items()):
        result = page.readability
        longest = result.longest
        lines.append(f"  {uri}: {len(result.sentences)} sentences, {result.average:.1f} words on average, "
                     f"longest {longest.words if longest else 0}")
        found = result.problems()
        if found and longest:
            where_file, where_line = _source_of(content, uri, page, longest)
            problems.append(ContentProblem(
                where_file, where_line, None, None, f"{uri}: {'; '.join(found)}. Longest sentence: \"{longest.text}\"",
                "Split long sentences in two; keep to one idea per sentence."))
    return lines, problems


def _source_of(content: SiteContent, uri: str, page: MeasuredPage, sentence: Sentence) -> tuple[str, int | None]:
    """Where an author fixes a sentence: the page, or the author text of any collection that has it."""
    if page.authored:
        return page.file, sentence.line
    for text in content.published[uri].texts:
        if sentence.text[:40] in plain_text(text.text):
            return text.file, text.line
    return page.file, None
