"""Every site language gets the campaign: in its own words when translated, else English marked as English."""

from __future__ import annotations

import io

import pikepdf
import pypdf

from .helpers import expected_copy, parse_pdf_name, squash


def test_every_site_language_has_the_page_and_pack(built, site):
    slug = built.loaded.campaign.slug
    for language in site.languages:
        page = built.page("index.md", language.code)
        assert page.path == f"{language.path}campaigns/{slug}/index.md"
        assert built.products(".zip", language.code)


def test_untranslated_languages_show_english_marked_as_english(built, site):
    for language in (lang.code for lang in site.languages):
        page = built.page("index.md", language)
        translated = language in built.loaded.campaign.languages
        assert page.fallback is not translated
        if not translated:
            assert '<div lang="en" markdown>' in page.content and "Test notice" in page.content
            assert all(parse_pdf_name(p.path)[2] == "en" for p in built.products(".pdf", language))


def test_translated_pdfs_are_in_their_language(built, site):
    for language in built.loaded.campaign.languages:
        if language == "en":
            continue
        pdfs = built.products(".pdf", language)
        assert pdfs
        for output in pdfs:
            product, _, content_language = parse_pdf_name(output.path)
            assert content_language == language
            with pikepdf.open(io.BytesIO(output.content)) as pdf:
                assert str(pdf.Root.Lang) == language
            text = squash("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(output.content)).pages))
            for copy in expected_copy(built.loaded, site, product, language):
                assert squash(copy) in text, f"{output.path} does not contain {copy!r}"
