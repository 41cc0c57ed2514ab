"""Reading the news items in ``docs/_data/news/``: every problem named with its file, line and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from iopcsite.authoring.errors import ContentProblem, ProblemList, display_path
from iopcsite.authoring.yaml_source import ProblemRaised, YamlDocument, split_front_matter, validate
from iopcsite.collections.news.models import NewsMeta, NewsTranslationMeta
from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE, h1_problems, split_language
from iopcsite.config.taxonomy import Taxonomy

NEWS_DIR = Path("docs/_data/news")


@dataclass(frozen=True)
class NewsText:
    """One language's words of an item: its front matter and its Markdown body."""

    meta: BaseModel
    body: str
    body_line: int
    file: str
    document: YamlDocument


@dataclass
class LoadedNews:
    """A news item as written, with its translations by language."""

    meta: NewsMeta
    english: NewsText
    translations: dict[str, NewsText] = field(default_factory=dict)

    @property
    def line(self) -> int | None:
        return self.english.document.position(("id",))[0]


def load_news(root: Path, languages: list[str], taxonomy: Taxonomy | None, problems: ProblemList) -> list[LoadedNews]:
    """Every news item that loaded, in file order; problems (and translations of no item) go to ``problems``."""
    folder = root / NEWS_DIR
    files = sorted(folder.glob("*.md")) if folder.is_dir() else []
    english, translated = [], []
    for path in files:
        (translated if split_language(path.name)[1] != DEFAULT_LANGUAGE else english).append(path)
    items: list[LoadedNews] = []
    by_name: dict[str, LoadedNews] = {}
    for path in english:
        text = _read(path, root, NewsMeta, problems)
        if text is None:
            continue
        found = _item_problems(text, taxonomy, items)
        problems.extend(found)
        loaded = LoadedNews(text.meta, text)
        by_name[path.name] = loaded
        if not found:  # an item with a wrong tag or date is reported, never planned
            items.append(loaded)
    for path in translated:
        base, language = split_language(path.name)
        shown = display_path(path, root)
        if language not in languages:
            problems.add(ContentProblem(shown, None, None, None, f"the language code '{language}' in the file name is not configured.",
                                        f"Use one of: {', '.join(languages)}."))
            continue
        if base not in by_name:
            if not (folder / base).is_file():
                problems.add(ContentProblem(shown, None, None, None, f"there is no English news item '{base}' for this translation.",
                                            "A translation sits beside its English item with the same name, e.g. x.md and x.cy.md."))
            continue
        text = _read(path, root, NewsTranslationMeta, problems)
        if text is not None:
            by_name[base].translations[language] = text
    return items


def _read(path: Path, root: Path, model: type[BaseModel], problems: ProblemList) -> NewsText | None:
    """One file's front matter (checked against ``model``) and body, or None with its problems reported."""
    shown = display_path(path, root)
    try:
        front, body, body_line = split_front_matter(path.read_text(encoding="utf-8"), shown)
    except ProblemRaised as raised:
        problems.add(raised.problem)
        return None
    if front is None or not isinstance(front.tree, dict):
        problems.add(ContentProblem(shown, 1, 1, None, "a news item starts with front matter between two '---' lines.",
                                    "Copy the front matter of another item in docs/_data/news/ and change it."))
        return None
    meta, found = validate(front, model)
    problems.extend(found)
    problems.extend(h1_problems(body, body_line, shown, "a news item"))
    if not body.strip():
        problems.add(ContentProblem(shown, body_line, 1, None, "the item has no text under its front matter.",
                                    "Write the item, in Markdown, after the closing '---'."))
        return None
    return None if meta is None else NewsText(meta, body, body_line, shown, front)


def _item_problems(text: NewsText, taxonomy: Taxonomy | None, earlier: list[LoadedNews]) -> list[ContentProblem]:
    """What the model alone cannot check: the tags, the order of the dates, an id used twice."""
    meta, document = text.meta, text.document
    problems = []
    if taxonomy is not None:
        problems += taxonomy.tag_problems("topic", meta.topics, document, ("topics",))
        problems += taxonomy.tag_problems("key_area", meta.key_area, document, ("key_area",))
    if meta.updated is not None and meta.updated < meta.published:
        problems.append(document.problem(("updated",), f"updated ({meta.updated}) is before published ({meta.published}).",
                                         "An item cannot change before it is published: correct one of the two dates."))
    for other in earlier:
        if other.meta.id == meta.id:
            problems.append(document.problem(("id",), f"the id '{meta.id}' is already used in {other.english.file} line {other.line}.",
                                             "Give this item an id of its own: it is the item's web address."))
    return problems
