"""'make serve' builds every page through the same code as 'make build': the same HTML, the same Welsh menu,
no state kept between builds, and an edit to a campaign template or its strings shows at the next reload."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import types
import urllib.request
from pathlib import Path

import lxml.html
import pytest
from iopcsite.search.pagefind_index import BUNDLE, indexed_pages_read
from iopcsite.content import mkdocs_build
from mkdocs.config import load_config
from support.content import site_content
from support.project import (
    NOW,
    PROJECT_ROOT,
    copy_project,
    project_with_held_back_content,
    replace_in,
    run_tool,
)

CAMPAIGN_PAGE = "/campaigns/you-have-a-voice/"
TEMPLATES = Path("hooks/iopcsite/collections/campaigns/templates")
# What 'mkdocs serve' adds to every page it sends, just before </body>.
LIVE_RELOAD = re.compile(r"<script>\s*var livereload = function\(epoch, requestId\) \{.*?</script>(?=</body>)", re.DOTALL)
SCRIPT_SRC = re.compile(r"script-src [^;\"]*")
SERVE_POLICY = "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"  # serve's live reload is an inline script no hash can allow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# What 'make serve' runs, with $(SERVE_ADDRESS) for {address}.
SERVE_RECIPE = "IOPC_PREVIEW=1 $(PY) -m mkdocs serve --dev-addr $(SERVE_ADDRESS) --livereload"


class ServerStopped(Exception):
    pass


def fetch(url: str, deadline: float, server: subprocess.Popen) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            if server.poll() is not None:
                raise ServerStopped from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def start_serve(root: Path, port: int, log: Path, env: dict[str, str]) -> subprocess.Popen:
    """What 'make serve' runs in ``root`` (the Makefile's recipe, checked below), on ``port``."""
    assert SERVE_RECIPE in (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "hooks"), str(root / "tools")]),
                   "NO_MKDOCS_2_WARNING": "1", "IOPC_PREVIEW": "1", **env}
    with log.open("wb") as output:
        return subprocess.Popen(command, cwd=root, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
                                env=environment)


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


def url_of(name: str) -> str:
    """The address mkdocs serve sends a built file from: 'faqs/index.html' -> '/faqs/'."""
    return "/" + name.removesuffix("index.html")


@pytest.fixture(scope="session")
def both_ways(tmp_path_factory) -> tuple[dict[str, str], dict[str, str]]:
    """Every HTML page of one project (drafts previewed), built by 'make build' (a process per language)
    and sent by 'make serve' (every language in one process): ({file: html built}, {file: html served})."""
    root = project_with_held_back_content(tmp_path_factory.mktemp("one-builder") / "project")
    port = free_port()
    # The same inputs both ways: serve previews drafts and gives the pages its own address.
    env = {"IOPC_PREVIEW": "1", "IOPC_NOW": NOW, "SITE_URL": f"http://127.0.0.1:{port}/",
           "SOURCE_DATE_EPOCH": "1767225600"}
    result = run_tool(root, "build-site", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    built = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    shutil.rmtree(site)
    log = root.parent / "serve.log"
    server = start_serve(root, port, log, env)
    try:
        deadline = time.monotonic() + 300
        served = {name: fetch(f"http://127.0.0.1:{port}{url_of(name)}", deadline, server) for name in built}
    except (OSError, ServerStopped):
        raise AssertionError("make serve sent no page:\n" + log.read_text(encoding="utf-8", errors="replace")) from None
    finally:
        stop(server)
    return built, served


def as_built(served: str, built: str) -> str:
    """A served page without what only serving adds: the live-reload script, and the policy that lets it run."""
    assert len(LIVE_RELOAD.findall(served)) == 1, "mkdocs serve adds one live-reload script"
    page = LIVE_RELOAD.sub("", served)
    assert SCRIPT_SRC.findall(page) == [SERVE_POLICY]
    return page.replace(SERVE_POLICY, SCRIPT_SRC.search(built).group(0), 1)


def test_serve_sends_every_page_as_make_build_builds_it(both_ways):
    built, served = both_ways
    assert "index.html" in built and "cy/index.html" in built and "plans/index.html" in built
    assert "cy/plans/index.html" in built  # the draft, previewed in both languages
    different = [name for name in built if as_built(served[name], built[name]) != built[name]]
    assert different == []


def menu_labels(html: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    menu = tree.xpath('//div[contains(@class, "md-sidebar--primary")]')[0]
    return [" ".join(label.text_content().split()) for label in menu.xpath('.//span[@class="md-ellipsis"]')]


def test_the_welsh_menu_is_in_welsh_both_ways(both_ways):
    content = site_content()
    welsh = content.localiser("cy")
    questions = welsh.nav_section("Questions")
    assert questions != "Questions"
    translated = [page for page in content.published.values()
                  if page.language == "cy" and not page.is_fallback and page.base_uri in
                  ("make-a-complaint.md", "after-you-complain.md", "ask-for-a-review.md", "contact.md")]
    assert translated, "the real content has Welsh pages in the menu"
    for pages in both_ways:
        labels = menu_labels(pages["cy/index.html"])
        assert questions in labels and "Questions" not in labels
        for page in translated:
            assert page.title in labels
            assert content.published[page.base_uri].title not in labels
        assert "Questions" in menu_labels(pages["index.html"])


def test_each_build_has_its_own_session_kept_on_its_config():
    content = site_content()
    first = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    session = mkdocs_build.start_session(first, environ={}, content=content)
    assert mkdocs_build.session_of(first) is session and session.languages == ["en", "cy"] and not session.serving
    session.script_hashes.add("'sha256-from-the-first-build'")
    session.navs["en"] = object()
    # The next build (a serve rebuild loads the config again) starts from nothing the first one kept.
    second = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    again = mkdocs_build.start_session(second, environ={mkdocs_build.SERVING_VARIABLE: "1"}, content=content)
    assert again is not session and again.script_hashes == set() and again.navs == {} and again.serving
    assert mkdocs_build.session_of(first) is session
    # A Welsh build's config is set up as a page of that language would be in one process.
    welsh = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    cy = mkdocs_build.start_session(welsh, environ={"IOPC_LANGUAGES": "cy"}, content=content)
    assert (welsh.theme["language"], welsh.site_name, welsh.extra["iopc"]) == (
        "cy", cy.settings["cy"].site_name, cy.settings["cy"].extra)
    assert mkdocs_build.language_settings(content, "cy", first.site_name) == cy.settings["cy"]
    assert welsh.nav == mkdocs_build.language_nav(cy.english_nav, "cy", content)


def test_the_mkdocs_adapter_keeps_nothing_in_module_globals():
    spec = importlib.util.spec_from_file_location("site_hooks_under_test", PROJECT_ROOT / "hooks/site_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    kept = {name: value for name, value in vars(module).items() if not name.startswith("__")
            and not isinstance(value, (types.ModuleType, types.FunctionType, type))
            and name not in ("annotations", "log")}
    assert kept == {}


def project_with_its_own_hooks(root: Path) -> Path:
    """A project whose pipeline code is a copy, so editing its templates leaves the real ones alone."""
    copy_project(root, for_make=True)
    (root / "hooks").unlink()
    shutil.copytree(PROJECT_ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def wait_for(url: str, words: str, deadline: float, log: Path, server: subprocess.Popen) -> str:
    while True:
        try:
            page = fetch(url, deadline, server)
        except (OSError, ServerStopped):
            raise AssertionError(f"make serve sent no page at {url}:\n"
                                 + log.read_text(encoding="utf-8", errors="replace")[-4000:]) from None
        if words in page:
            return page
        if time.monotonic() > deadline:
            raise AssertionError(f"{words!r} never showed at {url}:\n"
                                 + log.read_text(encoding="utf-8", errors="replace")[-4000:])
        time.sleep(1)


def test_an_edit_to_a_campaign_template_or_its_strings_shows_at_the_next_reload(tmp_path):
    root = project_with_its_own_hooks(tmp_path / "project")
    # The shared render cache, copied: the strings edit draws the products again, into the copy.
    shared = Path(os.environ["IOPC_CAMPAIGN_CACHE"])
    cache = tmp_path / "render-cache"
    if shared.is_dir():
        shutil.copytree(shared, cache)
    port = free_port()
    log = tmp_path / "serve.log"
    server = start_serve(root, port, log, {"IOPC_CAMPAIGN_CACHE": str(cache)})
    url = f"http://127.0.0.1:{port}{CAMPAIGN_PAGE}"
    try:
        page = wait_for(url, "How to complain", time.monotonic() + 300, log, server)
        assert "Who this campaign reaches" not in page and "How to make your complaint" not in page
        replace_in(root / TEMPLATES / "page.md", "## {{ t('who-for') }}", "## Who this campaign reaches")
        page = wait_for(url, "Who this campaign reaches", time.monotonic() + 180, log, server)
        replace_in(root / TEMPLATES / "strings.yml", "how-to-complain-title: {en: How to complain,",
                   "how-to-complain-title: {en: How to make your complaint,")
        page = wait_for(url, "How to make your complaint", time.monotonic() + 600, log, server)
        # Search follows the reload: the index make serve rebuilt has the new words.
        indexed = indexed_pages_read(lambda name: urllib.request.urlopen(
            f"http://127.0.0.1:{port}/{BUNDLE}/{name}", timeout=10).read())
        campaign = next(found for found in indexed["en"] if found["url"] == CAMPAIGN_PAGE)
        assert "How to make your complaint" in campaign["content"]
    finally:
        stop(server)
    assert "Who this campaign reaches" in page
