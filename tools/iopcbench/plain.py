"""The same pages as plain Material would build them: no hooks, no overrides, one MkDocs process per language.

Each page's Markdown is what our pipeline hands MkDocs (``render_page_markdown``
over the source or generated page), written out as an ordinary file, so the
difference between the two builds is the cost of our hooks and templates.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from iopcsite.collections.pages.loader import DEFAULT_LANGUAGE
from iopcsite.config.languages import localised_nav
from iopcsite.content.site_content import SiteContent, render_page_markdown
from mkdocs.utils.meta import get_data

HOOKS_BLOCK = re.compile(r"^hooks:\n(?:[ \t-].*\n)*", re.M)
WATCH_BLOCK = re.compile(r"^watch:\n(?:[ \t-].*\n)*", re.M)
NAV_BLOCK = re.compile(r"^nav:\n(?:(?:[ \t-].*|)\n)*", re.M)
THEME_LANGUAGE = re.compile(r"^(  language: )\w+$", re.M)
CUSTOM_DIR = re.compile(r"^  custom_dir: .*\n", re.M)


def published_markdown(content: SiteContent, language: str) -> dict[str, str]:
    """Every page of ``language`` as the Markdown MkDocs renders (front matter kept for the description)."""
    pages = {}
    for uri, page in sorted(content.published.items()):
        if page.language != language:
            continue
        text = page.markdown if page.markdown is not None else (content.docs_dir / uri).read_text(encoding="utf-8")
        body, meta = get_data(text)
        rendered = render_page_markdown(content, uri, body, meta.get("title") or page.title)
        front = json.dumps({"description": meta.get("description", "")}, ensure_ascii=False)
        pages[uri] = f"---\n{front}\n---\n\n{rendered}"
    return pages


def write_plain_projects(content: SiteContent, nav: list, target: Path) -> dict[str, Path]:
    """One plain MkDocs project per language under ``target``, with the real theme settings and menu."""
    if target.exists():
        shutil.rmtree(target)
    config_text = (content.root / "mkdocs.yml").read_text(encoding="utf-8")
    projects = {}
    for language in content.languages:
        project = target / language
        docs = project / "docs"
        for uri, markdown in published_markdown(content, language).items():
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_text(markdown, encoding="utf-8")
        shutil.copytree(content.docs_dir / "assets", docs / "assets")
        # Campaign downloads and images: plain Material would copy them as our build writes them.
        for path, (owner, data) in sorted(content.assets.items()):
            if owner == language:
                (docs / path).parent.mkdir(parents=True, exist_ok=True)
                (docs / path).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        menu = nav if language == DEFAULT_LANGUAGE else localised_nav(nav, language, content.config,
                                                                       content.localiser(language).nav_section)
        outside_menu = [uri for uri, page in sorted(content.published.items())
                        if page.language == language and not page.in_menu]
        (project / "mkdocs.yml").write_text(plain_config(config_text, menu, language, outside_menu), encoding="utf-8")
        projects[language] = project
    return projects


def plain_config(config_text: str, nav: list, language: str, outside_menu: list[str] = ()) -> str:
    """The real mkdocs.yml without our hooks and template overrides, with ``nav``, the language's theme,
    and the generated pages ``outside_menu`` (which our hooks mark so) listed as not in the menu."""
    text = HOOKS_BLOCK.sub("", config_text)
    text = text.replace("not_in_nav: |\n", "not_in_nav: |\n" + "".join(f"  /{uri}\n" for uri in outside_menu), 1)
    text = WATCH_BLOCK.sub("", text)
    # Plain Material searches with its own plugin (lunr): today's search, measured beside ours.
    text = text.replace("\nplugins: []\n", "\nplugins:\n  - search\n", 1)
    if "\n  - search\n" not in text:
        raise ValueError("mkdocs.yml no longer says 'plugins: []': give plain Material its search plugin another way")
    text = CUSTOM_DIR.sub("", text)
    text = THEME_LANGUAGE.sub(lambda match: match.group(1) + language, text, count=1)
    return NAV_BLOCK.sub(lambda _: "nav: " + json.dumps(nav, ensure_ascii=False) + "\n", text, count=1)


def build_plain(projects: dict[str, Path], output: Path) -> None:
    """Build every language's plain project at once, as ``make build`` builds ours."""
    def build(item: tuple[str, Path]) -> None:
        language, project = item
        command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(output / language)]
        result = subprocess.run(command, cwd=project, capture_output=True, text=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode:
            raise RuntimeError(f"the plain Material build of {language} failed:\n{result.stdout}{result.stderr}")

    with ThreadPoolExecutor(max_workers=len(projects)) as pool:
        list(pool.map(build, projects.items()))
