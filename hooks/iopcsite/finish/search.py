"""Per-language pieces of the built site: each language's search index, and search that loads on demand.

Plain functions over HTML and JSON, so they are tested without MkDocs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from iopcsite.finish.repairs import RepairFoundNothing

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
WORKER_NAME = re.compile(r"^search\.[0-9a-f]+\.min\.js$")  # Material's search worker, as its bundle names it
THIS_FILE = "hooks/iopcsite/finish/search.py"
ON_DEMAND_WORKER = "search-on-demand.js"  # docs/assets/javascripts/workers/
WORKER_PARAMETER = "?worker="  # search-on-demand.js?worker=search.<hash>.min.js: the worker it loads


def configure_search(html: str, prefix: str) -> str:
    """Point Material's search at the index of the page's own language (``cy/search/``), and at
    ``search-on-demand.js``, which loads Material's worker only when a reader first searches.

    Every page has Material's settings script naming its worker; a page without fails the build.
    """

    def configure(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        if prefix:
            base = settings["base"].rstrip("/")
            # Material resolves "search/search_index.json" against this base, so it must end in "/".
            settings["base"] = prefix if base in ("", ".") else f"{base}/{prefix}"
        folder, _, worker = (settings.get("search") or "").rpartition("/")
        if not WORKER_NAME.match(worker):
            raise RepairFoundNothing("configure_search", f"Material's search worker is now called {worker!r}", THIS_FILE)
        settings["search"] = f"{folder}/{ON_DEMAND_WORKER}{WORKER_PARAMETER}{worker}"
        return match.group(1) + json.dumps(settings, separators=(",", ":")) + match.group(3)

    html, configured = CONFIG_SCRIPT.subn(configure, html, count=1)
    if not configured:
        raise RepairFoundNothing("configure_search", "Material's settings script (id=\"__config\") has changed", THIS_FILE)
    return html


def split_search_index(site_dir: Path, prefixes: dict[str, str]) -> dict[str, int]:
    """Give each language in ``prefixes`` its own search index; returns documents per language.

    Documents under a language's prefix go to ``<prefix>search/search_index.json`` with
    locations relative to that prefix (where ``configure_search`` points its pages);
    the language without a prefix keeps ``search/search_index.json`` and everything else.
    """
    index_file = site_dir / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    prefixed = {language: prefix for language, prefix in prefixes.items() if prefix}
    unprefixed = next((language for language, prefix in prefixes.items() if not prefix), None)
    buckets: dict[str, list[dict]] = {language: [] for language in prefixes}
    for document in index["docs"]:
        language = next((lang for lang, prefix in prefixed.items() if document["location"].startswith(prefix)), unprefixed)
        if language is None:
            continue
        if language in prefixed:
            document = {**document, "location": document["location"][len(prefixed[language]):]}
        buckets[language].append(document)
    for language, documents in buckets.items():
        target = site_dir / prefixes[language] / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": documents}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {language: len(documents) for language, documents in buckets.items()}
