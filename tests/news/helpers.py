"""Writing news items into a project copy, and reading what the news collection planned."""

from __future__ import annotations

from pathlib import Path

import yaml
from iopcsite.content.site_content import SiteContent, load_site_content

NEWS = "docs/_data/news"
REFERENCE = Path("/work/shared/reference/data/news.yml")


def write_item(root: Path, name: str, news_id: str, published: str, extra: str = "", body: str = "Some news.",
               topics: str = "[custody]") -> Path:
    """A news item in the project copy ``root``."""
    path = root / NEWS / f"{name}.md"
    path.write_text(f"---\nid: {news_id}\ntitle: Item {news_id}\npublished: {published}\ntopics: {topics}\n"
                    f"summary: A summary of {news_id}.\nsources:\n  - https://example.org/{news_id}\n{extra}---\n\n{body}\n",
                    encoding="utf-8")
    return path


def planned(root: Path) -> SiteContent:
    """The content of ``root``, planned (not drawn), as make check sees it."""
    return load_site_content(root, draw=False)


def feed_text(content: SiteContent, path: str) -> str:
    content_bytes = content.files[path].content
    return content_bytes.decode() if isinstance(content_bytes, bytes) else content_bytes


def reference_items() -> list[dict]:
    """The records of shared/reference/data/news.yml."""
    return yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))["items"]
