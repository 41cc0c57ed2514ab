"""The built search: a form with a Search button on every page, an index of exactly the searchable
pages of each language, a name for every section, and the same bytes from every build."""

from __future__ import annotations

import gzip
import shutil
from urllib.parse import urljoin

import cbor2
import lxml.html
import pytest
from iopcsite.authoring.markdown_text import page_url
from iopcsite.content.registry import COLLECTIONS
from iopcsite.search.index_chunks import SHARED_START
from iopcsite.search.pagefind_index import BUNDLE, SIGNATURE, indexed_chunks, make_deterministic
from iopcsite.search.sections import search_section, section_string_key
from quality.pages import gated_pages
from support.content import languages
from support.search import chunk_fetched_for, indexed_paths
from iopcbench.weight import page_file


@pytest.mark.for_each("path", gated_pages)
def test_every_page_has_a_search_form_a_keyboard_can_submit(built_site, path):
    # WCAG 3.2.2, technique H32: a form needs a submit button; Material's search had none.
    tree = lxml.html.fromstring(page_file(built_site, path).read_bytes())
    [form] = tree.xpath('//form[@data-iopc-search-form]')
    assert form.get("role") == "search"
    box = form.xpath('.//input[@type="search"]')[0]
    assert form.xpath(f'.//label[@for="{box.get("id")}"]')[0].text_content().strip()
    assert box.get("autocomplete") == "off"  # the words typed are not kept by the browser
    [button] = form.xpath('.//button[@type="submit"]')
    assert button.text_content().strip()
    language_prefix = "cy/" if tree.get("lang") == "cy" else ""
    assert urljoin("/" + path, form.get("action")) == f"/{language_prefix}search/" and form.get("method") == "get"


@pytest.mark.for_each("language", languages)
def test_the_index_holds_exactly_the_searchable_pages_of_each_language(built_site, content, language):
    searchable = {page_url(uri) for uri, page in content.published.items()
                  if page.language == language and page.in_search}
    assert indexed_paths(built_site, language) == searchable


@pytest.mark.for_each("language", languages)
def test_a_query_word_fetches_the_one_chunk_with_every_word_it_starts(built_site, language):
    # Pagefind fetches one chunk per query word and finds the words in it that start with the word's stem:
    # a stem ('adolyg', 'rhoi') must find 'adolygiad' and "rhoi'r" whichever chunk they would have gone in.
    chunks = indexed_chunks(built_site / BUNDLE)[language]
    missed = {}
    for number, (_, _, words) in enumerate(chunks):
        for word in words:
            for length in range(SHARED_START, len(word[0]) + 1):
                if chunk_fetched_for(chunks, word[0][:length]) != number:
                    missed.setdefault(word[0][:length], word[0])
    assert not missed, f"searching the first of each pair fetches a chunk without the second: {dict(list(missed.items())[:10])}"


@pytest.mark.parametrize("kind", COLLECTIONS, ids=lambda kind: kind.name)
@pytest.mark.for_each("language", languages)
def test_every_kind_of_page_has_a_section_name_in_every_language(content, kind, language):
    key = section_string_key(search_section(kind.name))
    assert key in content.strings.strings, f"add '{key}' to docs/_data/strings.yml"
    if language != "en":
        assert content.strings.strings[key].get(language) != content.strings.strings[key].en


def test_filter_files_written_in_any_order_come_out_the_same(built_site, tmp_path):
    bundle = tmp_path / BUNDLE
    shutil.copytree(built_site / BUNDLE, bundle)
    before = {path.relative_to(bundle): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}
    for path in (bundle / "filter").glob("*.pf_filter"):  # as Pagefind may write them: values in another order
        name, values = cbor2.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])
        path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps([name, list(reversed(values))])))
    make_deterministic(bundle)
    after = {path.relative_to(bundle): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}
    assert after == before
