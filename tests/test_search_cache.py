"""The search index is kept between builds: the same pages give the kept index, byte for byte, without
running Pagefind; a changed page is indexed again; the cache keeps only the index of the pages as they are now."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from iopcsite.search import pagefind_index
from iopcsite.search.pagefind_index import BUNDLE, index_site
from support.search import indexed_paths, indexed_text

PAGES = ("index.html", "make-a-complaint/index.html", "cy/index.html", "cy/make-a-complaint/index.html")


@pytest.fixture
def small_site(built_site, tmp_path):
    """Four real pages, two in each language, without an index."""
    site = tmp_path / "site"
    for page in PAGES:
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built_site / page, site / page)
    return site


def files_of(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def pagefind_runs(monkeypatch) -> list:
    runs: list = []
    real_run = subprocess.run

    def counted(command, *args, **kwargs):
        if "pagefind" in command:
            runs.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(pagefind_index.subprocess, "run", counted)
    return runs


def test_the_same_pages_take_the_kept_index_without_running_pagefind(small_site, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    runs = pagefind_runs(monkeypatch)
    first = files_of(index_site(small_site, cache))
    shutil.rmtree(small_site / BUNDLE)
    second = files_of(index_site(small_site, cache))
    assert len(runs) == 1, "a second build of the same pages ran Pagefind again"
    assert second == first
    assert indexed_paths(small_site, "cy") == {"cy/", "cy/make-a-complaint/"}


def test_a_changed_page_is_indexed_again_and_only_the_new_index_is_kept(small_site, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    runs = pagefind_runs(monkeypatch)
    index_site(small_site, cache)
    page = small_site / "make-a-complaint/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", " zygodactyl</h1>", 1), encoding="utf-8")
    index_site(small_site, cache)
    assert len(runs) == 2, "a changed page did not make Pagefind index the site again"
    assert "zygodactyl" in indexed_text(small_site, "en")["make-a-complaint/"], "the new word is not in the index"
    assert len(list(cache.iterdir())) == 1, "the cache kept the index of pages the site no longer has"


def test_a_site_deleted_leaves_the_kept_index_whole(small_site, tmp_path):
    cache = tmp_path / "cache"
    kept = files_of(index_site(small_site, cache))
    shutil.rmtree(small_site)  # as the next build replaces the site
    [entry] = cache.iterdir()
    assert files_of(entry) == kept

