"""The campaign page and the pack's README tell a printer what each print file is, in the page's language."""

from __future__ import annotations

import zipfile

import pytest
from built_html import parse
from iopcsite.collections.campaigns.products import PRINTED_BY_ID
from iopcsite.collections.campaigns.strings import translator
from support.content import languages, url_prefixes

from .helpers import parse_pdf_name


def _campaigns(content):
    campaigns = content.collection("campaigns").campaigns
    assert campaigns, "no campaign, so the printer notes test nothing"
    return campaigns


@pytest.mark.for_each("language", languages)
def test_each_print_version_says_what_it_is_for_a_printer(built_site, content, language):
    for loaded in _campaigns(content):
        written = language if language in loaded.campaign.languages else "en"
        note = translator(written)("print-ready")
        tree = parse(built_site, f"{url_prefixes()[language]}campaigns/{loaded.campaign.slug}/")
        links = [a for a in tree.iter("a") if a.get("href", "").endswith(f"-print-{written}.pdf")]
        assert links, f"no print version on the {language} page of {loaded.campaign.slug}"
        for link in links:
            product = parse_pdf_name(link.get("href"))[0]
            said = link.getparent().text_content()
            if PRINTED_BY_ID[product].for_printers:
                assert note in said, f"the {product} print version does not say {note!r}"
            else:
                assert "PDF/X-4" not in said, f"the {product} file for office printers is described as for a printer"


@pytest.mark.for_each("language", languages)
def test_the_pack_readme_says_what_each_print_file_is_for_a_printer(built_site, content, language):
    for loaded in _campaigns(content):
        written = language if language in loaded.campaign.languages else "en"
        t = translator(written)
        slug = loaded.campaign.slug
        pack = built_site / f"{url_prefixes()[language]}campaigns/{slug}/{slug}-pack-{written}.zip"
        with zipfile.ZipFile(pack) as archive:
            readme = archive.read(f"{slug}-{written}/README.txt").decode("utf-8")
        printed = [product.id for product in PRINTED_BY_ID.values()
                   if product.for_printers and f"-{product.id}-print-{written}.pdf" in readme]
        assert printed, f"the {language} pack of {slug} lists no print file for a printer"
        for product in printed:
            [line] = [line for line in readme.splitlines() if line.startswith(f"{t('product-' + product)}: ")]
            assert line.endswith(t("print-ready")), line
