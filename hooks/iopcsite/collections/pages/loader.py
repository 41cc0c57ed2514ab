"""Markdown pages in ``docs/``: front matter checked against PageMeta."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path
from iopcsite.authoring.markdown_text import h1_lines
from iopcsite.authoring.yaml_source import (
    ProblemRaised,
    YamlDocument,
    split_front_matter,
    validate,
)
from iopcsite.collections.pages.models import PageMeta

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class SourcePage:
    """One Markdown page as the author wrote it."""

    src_uri: str
    language: str
    meta: PageMeta
    body: str
    body_line: int
    file: str
    front: YamlDocument

    @property
    def base_uri(self) -> str:
        """The page's English src_uri: what a translation belongs to."""
        return split_language(self.src_uri)[0]


def split_language(src_uri: str) -> tuple[str, str]:
    """``review.cy.md`` -> (``review.md``, ``cy``); plain names are English."""
    stem, dot, suffix = src_uri[:-3].rpartition(".")
    if dot and len(suffix) == 2 and suffix.isalpha() and suffix.islower():
        return f"{stem}.md", suffix
    return src_uri, DEFAULT_LANGUAGE


def discover_pages(docs_dir: Path) -> list[Path]:
    """Every author page, in a stable order; ``_data`` and dot-folders are not pages."""
    return sorted(
        path for path in docs_dir.rglob("*.md")
        if not any(part.startswith(("_", ".")) for part in path.relative_to(docs_dir).parts)
    )


def load_page(path: Path, docs_dir: Path, root: Path, problems: ProblemList) -> SourcePage | None:
    """Read one page; problems in its front matter or headings go to ``problems``."""
    shown = display_path(path, root)
    src_uri = path.relative_to(docs_dir).as_posix()
    text = path.read_text(encoding="utf-8")
    try:
        front, body, body_line = split_front_matter(text, shown)
    except ProblemRaised as raised:
        problems.add(raised.problem)
        return None
    if front is None:
        problems.add(ContentProblem(shown, 1, 1, None, "the page has no front matter.",
                                    "Start the file with '---', then title, description, last_reviewed and review_by, then '---'."))
        return None
    if not isinstance(front.tree, dict):  # a mapping, without converting the whole tree to check
        problems.add(ContentProblem(shown, 2, 1, None, "the front matter must hold 'key: value' pairs."))
        return None
    meta, found = validate(front, PageMeta)
    problems.extend(found)
    problems.extend(h1_problems(body, body_line, shown, "a page"))
    if meta is None:
        return None
    return SourcePage(src_uri, split_language(src_uri)[1], meta, body, body_line, shown, front)


def h1_problems(body: str, body_line: int, shown: str, noun: str) -> list[ContentProblem]:
    """A problem for each '# ' heading in ``body``: the title is a page's only h1."""
    return [ContentProblem(shown, body_line + line - 1, 1, None,
                           f"{noun} must not have its own '# ' heading: the title is the page's only h1.",
                           "Use '## ' for this heading.") for line in h1_lines(body)]


def load_pages(docs_dir: Path, root: Path, languages: list[str], problems: ProblemList) -> dict[str, SourcePage]:
    """Every page under ``docs_dir`` that loaded, by src_uri; translations are checked against their English page."""
    pages = {}
    for path in discover_pages(docs_dir):
        page = load_page(path, docs_dir, root, problems)
        if page is not None:
            pages[page.src_uri] = page
    for page in pages.values():
        # An English page that exists but has its own problem is reported once, not again for each translation.
        unloaded = page.base_uri not in pages and (docs_dir / page.base_uri).is_file()
        if page.language != DEFAULT_LANGUAGE and not unloaded:
            problems.extend(translation_problems(page, pages.get(page.base_uri), languages))
    return pages


def translation_problems(page: SourcePage, english: SourcePage | None, languages: list[str]) -> list[ContentProblem]:
    """A translation must be of a configured language, of an English page, with no extra fields."""
    if page.language not in languages:
        return [ContentProblem(page.file, None, None, None,
                               f"the language code '{page.language}' in the file name is not configured.",
                               f"Use one of: {', '.join(languages)} (see docs/_data/site.yml 'languages').")]
    if english is None:
        return [ContentProblem(page.file, None, None, None,
                               f"there is no English page '{page.base_uri}' for this translation.",
                               "Translations sit beside their English page with the same name, e.g. contact.md and contact.cy.md.")]
    problems = []
    for key in sorted(page.meta.model_fields_set - english.meta.model_fields_set - {"translation"}):
        problems.append(page.front.problem((key,),
                                           f"the English page {english.file} has no '{key}', so its translation cannot have one.",
                                           "Remove it here, or add it to the English page first."))
    if page.meta.translation is None:
        problems.append(ContentProblem(page.file, 2, 1, "translation", "a translated page must say how complete it is.",
                                       "Add 'translation: complete' or 'translation: needs-review'."))
    return problems
