"""The PDF machinery on its own: any HTML becomes an accessible PDF, and cached renders
are made again whenever anything that shapes them changes, a library upgrade included."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from iopcsite.authoring.publishing import current_publishing
from iopcsite.content import content_cache, libraries
from iopcsite.pdf import print_colour, render_cache
from iopcsite.pdf.tagged import RenderError, cached_html_to_pdf, html_to_pdf

ROOT = Path(__file__).resolve().parents[1]
EPOCH = 1_764_547_200  # 1 December 2025
WELSH = ('<!doctype html><html lang="cy"><head><meta charset="utf-8"><title>Mae gennych lais</title></head>'
         '<body><h1>Mae gennych lais: ŵ ŷ</h1><p>Gallwch gwyno am yr heddlu.</p></body></html>')
# Makes the PDF twice with nothing but the pdf package imported, and names any campaign module that got loaded.
ALONE = """
import sys
from pathlib import Path
from iopcsite.pdf.tagged import html_to_pdf
html, out = sys.argv[1], Path(sys.argv[2])
for name in ("first.pdf", "second.pdf"):
    (out / name).write_bytes(html_to_pdf(html, out.as_uri() + "/", "test document", 1764547200))
print(" ".join(sorted(name for name in sys.modules if name.startswith("iopcsite.collections"))))
"""


@pytest.fixture(scope="module")
def made_alone(tmp_path_factory) -> tuple[bytes, bytes, str]:
    """(first PDF, second PDF, campaign modules loaded) from a fresh interpreter."""
    out = tmp_path_factory.mktemp("alone")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "hooks"), str(ROOT / "tools")])}
    done = subprocess.run([sys.executable, "-c", ALONE, WELSH, str(out)], env=env, capture_output=True,
                          text=True, check=True)
    return (out / "first.pdf").read_bytes(), (out / "second.pdf").read_bytes(), done.stdout.strip()


def test_the_pdf_package_needs_no_campaign(made_alone):
    assert made_alone[2] == ""


def test_the_same_html_makes_the_same_bytes(made_alone):
    first, second, _ = made_alone
    assert first == second


def test_the_pdf_is_tagged_in_the_language_of_the_html_with_its_title(made_alone):
    with pikepdf.open(io.BytesIO(made_alone[0])) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "cy"
        assert str(pdf.docinfo.Title) == "Mae gennych lais"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert "H1" in _structure_tags(pdf.Root.StructTreeRoot)


def test_the_heading_is_real_text_in_embedded_noto_sans(made_alone):
    document = pypdfium2.PdfDocument(made_alone[0])
    try:
        assert "Mae gennych lais: ŵ ŷ" in document[0].get_textpage().get_text_bounded()
    finally:
        document.close()
    with pikepdf.open(io.BytesIO(made_alone[0])) as pdf:
        fonts = list(pdf.pages[0].Resources.Font.values())
        assert fonts
        for font in fonts:
            descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).FontDescriptor
            assert "Noto-Sans" in str(font.BaseFont)
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), str(font.BaseFont)


@pytest.mark.parametrize("broken, missing", [
    (WELSH.replace(' lang="cy"', ""), "<html lang>"),
    (WELSH.replace("<title>Mae gennych lais</title>", ""), "<title>"),
])
def test_html_without_a_language_or_title_stops_the_build(tmp_path, broken, missing):
    with pytest.raises(RenderError, match=f"test document: the HTML has no {missing}"):
        html_to_pdf(broken, tmp_path.as_uri() + "/", "test document", EPOCH)


def test_a_cached_pdf_is_made_once_and_again_after_an_input_changes(tmp_path, monkeypatch):
    cache = render_cache.RenderCache(tmp_path / "cache")
    base_url = tmp_path.as_uri() + "/"
    first = cached_html_to_pdf(cache, WELSH, base_url, "test document", EPOCH, inputs=[b"logo v1"])
    made = []
    monkeypatch.setattr("iopcsite.pdf.tagged.html_to_pdf", lambda *args: made.append(args) or b"%PDF new")
    assert cached_html_to_pdf(cache, WELSH, base_url, "test document", EPOCH, inputs=[b"logo v1"]) == first
    assert made == []
    assert cached_html_to_pdf(cache, WELSH, base_url, "test document", EPOCH, inputs=[b"logo v2"]) == b"%PDF new"
    assert len(made) == 1


@pytest.fixture
def library_version(monkeypatch):
    """Pretend one library has another version: ``library_version('babel')``."""
    real = libraries.version
    libraries.library_versions.cache_clear()

    def upgrade(name: str) -> None:
        monkeypatch.setattr(libraries, "version", lambda asked: "999.0" if asked == name else real(asked))
        libraries.library_versions.cache_clear()

    yield upgrade
    libraries.library_versions.cache_clear()


def test_babel_shapes_output(library_version):
    before = render_cache.render_key(["a document"])
    library_version("babel")
    assert render_cache.render_key(["a document"]) != before


@pytest.mark.parametrize("library", libraries.LIBRARIES)
def test_an_upgrade_of_any_library_renders_again_and_loads_the_content_again(library_version, tmp_path, library):
    publishing = current_publishing()
    before = render_cache.render_key(["a document"]), content_cache.input_key(tmp_path, publishing)
    library_version(library)
    after = render_cache.render_key(["a document"]), content_cache.input_key(tmp_path, publishing)
    assert after[0] != before[0], "the render cache would keep PDFs drawn with the old version"
    assert after[1] != before[1], "the content cache would keep content made with the old version"


def test_the_render_key_covers_the_pdf_code(tmp_path, monkeypatch):
    code = tmp_path / "pdf"
    code.mkdir()
    (code / "tagged.py").write_text("VERSION = 1\n")
    monkeypatch.setattr(render_cache, "PDF_PACKAGE", code)
    before = render_cache.render_key(["a document"])
    (code / "tagged.py").write_text("VERSION = 2\n")
    render_cache.code_fingerprint.cache_clear()
    assert render_cache.render_key(["a document"]) != before


def test_the_code_fingerprint_leaves_out_what_shapes_no_render(tmp_path):
    (tmp_path / "page.md").write_text("a page\n")
    (tmp_path / "poster.html").write_text("<p>a poster</p>\n")
    before = render_cache.code_fingerprint(tmp_path, (".md",))
    (tmp_path / "page.md").write_text("another page\n")
    render_cache.code_fingerprint.cache_clear()
    assert render_cache.code_fingerprint(tmp_path, (".md",)) == before
    (tmp_path / "poster.html").write_text("<p>another poster</p>\n")
    render_cache.code_fingerprint.cache_clear()
    assert render_cache.code_fingerprint(tmp_path, (".md",)) != before


def _structure_tags(element: pikepdf.Object) -> set[str]:
    found = {str(element.S).lstrip("/")} if "/S" in element else set()
    kids = element.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary):
            found |= _structure_tags(kid)
    return found


def test_a_new_colour_profile_renders_again_and_loads_the_content_again(tmp_path, monkeypatch):
    publishing = current_publishing()
    before = render_cache.render_key(["a document"]), content_cache.input_key(tmp_path, publishing)
    profiles = tmp_path / "icc"
    profiles.mkdir()
    for name in (print_colour.CMYK_FILE, print_colour.RGB_FILE):
        (profiles / name).write_bytes((print_colour.icc_dir() / name).read_bytes() + b"another version")
    monkeypatch.setenv(print_colour.ICC_DIR_VARIABLE, str(profiles))
    print_colour._profile.cache_clear()
    try:
        after = render_cache.render_key(["a document"]), content_cache.input_key(tmp_path, publishing)
    finally:
        monkeypatch.undo()
        print_colour._profile.cache_clear()
    assert after[0] != before[0], "the render cache would keep print PDFs made with the old profile"
    assert after[1] != before[1], "the content cache would keep content planned with the old profile"
