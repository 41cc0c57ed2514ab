"""The collection contract: every registered kind of content, and one that exists only in the tests,
gets the same treatment from the generic code, with no code outside its own folder.

The first tests run over every registered collection and the real content. The rest
take the notes collection in ``tests/contract/notes/`` (a model, a template and one
class), register it through ``IOPC_EXTRA_COLLECTIONS`` in a copy of the project, and
show that it gets drafts, embargoes, the Welsh fallback, review dates, its editor
schema, search entries and link checks.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import lxml.html
import pytest
from iopcsite.authoring.errors import ContentError
from iopcsite.authoring.publishing import LONDON, Publishing
from iopcsite.commands.build_site import build_site
from iopcsite.commands.check import held_back, run_check
from iopcsite.commands.schemas import (
    SCHEMAS,
    editor_schemas,
    generate_schema,
    schema_path,
    schema_text,
)
from iopcsite.content.registry import (
    COLLECTIONS,
    EXTRA_COLLECTIONS_VARIABLE,
    registered_collections,
)
from iopcsite.content.site_content import load_site_content
from support.project import line_of
from support.search import indexed_paths

NOTES = Path(__file__).parent / "notes" / "collection.py"
NOTES_ENTRY = f"{NOTES}:NotesCollection"
NOW = "2026-11-22T12:00"


def test_registered_collections_are_the_package_ones_when_nothing_is_added():
    assert registered_collections({}) == COLLECTIONS


# --- Every registered collection, over the real content -------------------------------------------


@pytest.fixture(scope="module")
def real_content(project_root):
    return load_site_content(project_root, draw=False)


@pytest.mark.parametrize("kind", COLLECTIONS, ids=lambda kind: kind.name)
def test_each_collection_has_current_editor_schemas(kind, project_root):
    for schema in kind.editor_schemas:
        assert SCHEMAS[schema.name] == schema
        assert (project_root / schema_path(schema.name)).read_text(encoding="utf-8") == schema_text(schema.name), \
            f"run 'make schemas': {schema_path(schema.name)} is out of date"


# The search page is made from the site's own interface strings: no author writes an item of it.
WITHOUT_ITEMS = {"search"}


def test_a_kind_without_author_items_has_none(real_content):
    assert not [item for item in real_content.items if item.collection in WITHOUT_ITEMS]


@pytest.mark.parametrize("kind", [kind for kind in COLLECTIONS if kind.name not in WITHOUT_ITEMS], ids=lambda kind: kind.name)
def test_each_item_points_at_the_file_and_line_an_author_edits(kind, real_content, project_root):
    items = [item for item in real_content.items if item.collection == kind.name]
    assert items, f"the real content has no {kind.name}, so this tests nothing"
    for item in items:
        lines = (project_root / item.file).read_text(encoding="utf-8").splitlines()
        assert item.line is None or 1 <= item.line <= len(lines), item
        for text in item.texts:
            number, first = next((number, line.strip()) for number, line in enumerate(text.text.splitlines(), 1)
                                 if line.strip())
            written = (project_root / text.file).read_text(encoding="utf-8").splitlines()[text.line_of(number) - 1]
            assert first[:30] in written, f"{item.described()}: {text.file}:{text.line_of(number)} is not its text"


@pytest.mark.parametrize("kind", COLLECTIONS, ids=lambda kind: kind.name)
def test_each_translatable_item_has_a_state_for_every_other_language(kind, real_content):
    others = [language for language in real_content.languages if language != "en"]
    for item in real_content.items:
        if item.collection == kind.name and item.translations:
            assert sorted(item.translations) == sorted(others), item


@pytest.mark.parametrize("kind", COLLECTIONS, ids=lambda kind: kind.name)
def test_each_page_is_published_in_every_language(kind, real_content):
    pages = [page for page in real_content.published.values() if page.collection == kind.name]
    assert pages, f"{kind.name} plans no page"
    for page in pages:
        for language in real_content.languages:
            assert real_content.counterpart(page.uri, language), f"{page.uri} has no {language} page"


class HoldingBack(Publishing):
    """A build in which one chosen model (a page's front matter, a question, a campaign) is a draft."""

    def __init__(self, now, held):
        super().__init__(now)
        object.__setattr__(self, "held", held)

    def shows(self, item) -> bool:
        return item != self.held and super().shows(item)


# Rows of reference data (a CSV file), which are facts rather than something published on a day.
DATA_KINDS = {"forces", "statistics"}


def test_reference_data_is_never_held_back(real_content):
    assert not [item for item in real_content.items if item.collection in DATA_KINDS and item.holds]


@pytest.mark.parametrize("kind", [kind for kind in COLLECTIONS if kind.name not in DATA_KINDS | WITHOUT_ITEMS],
                         ids=lambda kind: kind.name)
def test_holding_back_any_item_takes_it_off_the_site_and_lists_it(kind, real_content, project_root):
    item = next(item for item in real_content.items
                if item.collection == kind.name and item.holds and item.held_with is None)
    try:
        content = load_site_content(project_root, HoldingBack(dt.datetime.now(LONDON), item.holds[0]), draw=False)
    except ContentError as error:
        # Published content links to it: the link checks refuse to hold it back alone, naming what it is.
        assert all(f"goes to a {item.noun} that is held back, so the link would be broken" in problem.message
                   for problem in error.problems), error.report()
        return
    held = next(found for found in content.items if found.key == item.key)
    assert not content.shows(held)
    for uri, anchor in item.anchors:
        page = content.published.get(uri)
        assert page is None or (anchor and f"#{anchor}" not in (page.markdown or "")), (uri, anchor)
        assert uri in content.held_back or anchor, f"{uri} should be held back"
    assert any(notice.file == item.file and f"'{item.name}'" in notice.text for notice in held_back(content))


# --- A collection that exists only in the tests -------------------------------------------------------

NOTES_FILE = """\
# yaml-language-server: $schema=../schemas/note-file.schema.json
notes:
  - id: public-note
    title: A public note
    body: |
      This note is public. It links to [the contact page](../contact.md).
    last_reviewed: 2026-11-22
    review_by: 2027-05-22
    translations:
      cy:
        title: Nodyn cyhoeddus
        body: |
          Mae'r nodyn hwn yn gyhoeddus.
  - id: untranslated-note
    title: A note with no Welsh
    faq_topic: reviews
    body: |
      Quince lantern sentence from a note that has no Welsh.
    last_reviewed: 2026-01-02
    review_by: 2026-06-30
  - id: unsearched-note
    title: A note left out of search
    in_search: false
    body: |
      Hazel ladder sentence from a note nobody finds by searching.
    last_reviewed: 2026-11-22
    review_by: 2027-05-22
    translations:
      cy:
        title: Nodyn nad yw'n cael ei chwilio
        body: |
          Brawddeg ysgol gollen o nodyn na fydd neb yn ei ddarganfod wrth chwilio.
  - id: draft-note
    title: A draft note
    draft: true
    body: |
      Walnut meadow sentence from a draft note.
    last_reviewed: 2026-11-22
    review_by: 2027-05-22
  - id: embargoed-note
    title: An embargoed note
    publish_from: 2027-01-01 09:00
    body: |
      Cobalt orchard sentence from an embargoed note.
    last_reviewed: 2026-11-22
    review_by: 2027-05-22
"""


@pytest.fixture
def notes_project(project_copy, monkeypatch):
    """A copy of the project with the notes collection registered and a file of notes."""
    root = project_copy
    (root / "notes").mkdir()
    (root / "notes" / "notes.yml").write_text(NOTES_FILE, encoding="utf-8")
    monkeypatch.setenv(EXTRA_COLLECTIONS_VARIABLE, NOTES_ENTRY)
    monkeypatch.setenv("IOPC_NOW", NOW)
    return root


def london(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


def check_report(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    status = run_check(root, out, Publishing(london(NOW)))
    return status, out.getvalue()


def test_a_new_collection_gets_holding_back_review_dates_and_translation_coverage(notes_project):
    status, report = check_report(notes_project)
    assert status == 0, report
    notes_file = notes_project / "notes" / "notes.yml"
    assert f"notes/notes.yml:{line_of(notes_file, 'id: draft-note')}: note 'draft-note' is a draft (draft: true)." in report
    assert (f"notes/notes.yml:{line_of(notes_file, 'id: embargoed-note')}: note 'embargoed-note' is embargoed until "
            "1 January 2027 at 09:00 (London time).") in report
    assert (f"notes/notes.yml:{line_of(notes_file, 'id: untranslated-note')}: note 'untranslated-note': "
            "review_by 2026-06-30 has passed (last reviewed 2026-01-02).") in report
    assert "2/3 notes complete, 0 need review, 1 missing" in report
    assert "5 notes" in report.split("Checked ", 1)[1].split("\n", 1)[0]


def test_a_new_collection_gets_link_and_placeholder_checks_in_its_markdown(notes_project):
    notes_file = notes_project / "notes" / "notes.yml"
    text = notes_file.read_text(encoding="utf-8")
    notes_file.write_text(text.replace("[the contact page](../contact.md)", "[the contact page](../contcat.md)")
                          .replace("Walnut meadow sentence", "Call {{ org.phon }} about the walnut meadow sentence"),
                          encoding="utf-8")
    status, report = check_report(notes_project)
    assert status == 1
    link_line = line_of(notes_file, "contcat.md")
    assert (f"notes/notes.yml:{link_line}: field 'notes[1].body': the link '../contcat.md' goes to a page that "
            "does not exist (contcat.md).") in report
    assert "Did you mean 'contact.md'?" in report
    assert f"notes/notes.yml:{line_of(notes_file, 'org.phon')}: field 'notes[4].body': unknown placeholder" in report


def test_a_new_collection_checks_what_it_names_in_another_collection(notes_project):
    notes_file = notes_project / "notes" / "notes.yml"
    notes_file.write_text(notes_file.read_text(encoding="utf-8").replace("faq_topic: reviews", "faq_topic: reveiws"),
                          encoding="utf-8")
    status, report = check_report(notes_project)
    assert status == 1
    assert (f"notes/notes.yml:{line_of(notes_file, 'faq_topic:')}: field 'faq_topic': there is no FAQ topic 'reveiws'. "
            "Did you mean 'reviews'?") in report


def test_a_new_collection_gets_its_editor_schema(notes_project):
    schemas = editor_schemas(registered_collections())
    assert "note-file" in schemas and "note-file" not in SCHEMAS  # the real site's schemas stay as they are
    schema = generate_schema("note-file", schemas)
    note = schema["$defs"]["Note"]
    assert {"draft", "publish_from", "last_reviewed", "review_by", "body"} <= set(note["properties"])
    assert "notes/*.yml" in schema["description"]


@pytest.fixture
def notes_site(notes_project, tmp_path) -> Path:
    site = tmp_path / "site"
    assert build_site(notes_project, site) == 0
    return site


def _page(site: Path, path: str):
    return lxml.html.fromstring((site / path / "index.html").read_bytes())


def _search_locations(site: Path, prefix: str) -> set[str]:
    return {path.removeprefix(prefix + "/") for path in indexed_paths(site, prefix or "en")}


def test_a_new_collection_is_built_in_every_language_with_search_and_the_welsh_fallback(notes_site):
    english = _page(notes_site, "notes/public-note")
    assert english.findtext(".//h1").strip() == "A public note"
    welsh = _page(notes_site, "cy/notes/public-note")
    assert welsh.get("lang") == "cy" and welsh.findtext(".//h1").strip() == "Nodyn cyhoeddus"
    fallback = _page(notes_site, "cy/notes/untranslated-note")
    notice = fallback.xpath('//div[contains(@class, "admonition")]//p')[0].text_content()
    assert "Saesneg" in notice  # the untranslated notice, in Welsh
    body = fallback.xpath('//div[@lang="en"]')[0].text_content()
    assert "Quince lantern sentence" in body
    assert "notes/public-note/" in _search_locations(notes_site, "")
    assert "notes/untranslated-note/" in _search_locations(notes_site, "cy")
    assert (notes_site / "notes" / "unsearched-note" / "index.html").is_file()
    for prefix in ("", "cy"):
        assert not any(location.startswith("notes/unsearched-note/") for location in _search_locations(notes_site, prefix))


def test_a_new_collection_holds_back_drafts_and_embargoes_from_the_built_site(notes_site):
    assert not (notes_site / "notes" / "draft-note").exists()
    assert not (notes_site / "notes" / "embargoed-note").exists()
    every_byte = b"".join(path.read_bytes() for path in notes_site.rglob("*") if path.is_file())
    for secret in (b"Walnut meadow sentence", b"Cobalt orchard sentence"):
        assert secret not in every_byte
