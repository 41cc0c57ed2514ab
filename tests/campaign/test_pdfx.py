"""Every print PDF read back as a printer's preflight reads it: PDF/X-4 for coated paper, and every page draws."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2
import pytest
from iopcsite.pdf import pdfx
from iopcsite.pdf import tagged as pdf_tools
from iopcsite.pdf.tagged import RenderError

from .helpers import parse_pdf_name

MM = 72 / 25.4


def _print_pdfs(built):
    found = [(output, parse_pdf_name(output.path)[0]) for output in built.products(".pdf")
             if parse_pdf_name(output.path)[1] == "print"]
    assert found, f"the campaign {built.loaded.campaign.slug} has no print PDF, so the PDF/X checks test nothing"
    return found


def test_print_pdfs_are_pdfx4_for_coated_paper(built):
    for output, _ in _print_pdfs(built):
        assert pdfx.pdfx4_problems(output.content) == [], output.path
        with pikepdf.open(io.BytesIO(output.content)) as pdf:
            assert not pdf.is_encrypted
            [intent] = pdf.Root.OutputIntents
            assert intent.S == "/GTS_PDFX"
            assert all(str(intent[key]).strip() for key in ("/OutputConditionIdentifier", "/RegistryName", "/Info"))
            assert "coated" in str(intent.Info).lower()
            profile = intent.DestOutputProfile.read_bytes()
            assert (profile[12:16], profile[16:20]) == (b"prtr", b"CMYK"), "the output intent is not a CMYK press profile"
            assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
            assert pdf.docinfo.Trapped == pikepdf.Name("/False")
            xmp = pdf.open_metadata()
            assert xmp["pdfxid:GTS_PDFXVersion"] == "PDF/X-4" and xmp["pdf:Trapped"] == "False"
            for page in pdf.pages:
                assert "/TrimBox" in page.obj and "/BleedBox" in page.obj, output.path
                default_rgb = page.obj.Resources.ColorSpace.DefaultRGB
                assert default_rgb[0] == "/ICCBased" and default_rgb[1].N == 3
            assert "/StructTreeRoot" in pdf.Root, "the print PDF lost its tags"


def test_every_page_of_every_print_pdf_draws(built):
    for output, _ in _print_pdfs(built):
        document = pypdfium2.PdfDocument(output.content)
        try:
            for number in range(len(document)):
                image = document[number].render(scale=0.25).to_pil().convert("L")
                darkest, lightest = image.getextrema()
                assert lightest - darkest > 64, f"page {number + 1} of {output.path} draws blank"
        finally:
            document.close()


def test_screen_pdfs_stay_pdf_ua_and_claim_no_pdfx(built):
    for output in built.products(".pdf"):
        if parse_pdf_name(output.path)[1] != "screen":
            continue
        with pikepdf.open(io.BytesIO(output.content)) as pdf:
            assert pdf.open_metadata()["pdfuaid:part"] == "1", output.path
            assert "/OutputIntents" not in pdf.Root and "/GTS_PDFXVersion" not in pdf.docinfo


def _without_output_intent(pdf: pikepdf.Pdf) -> None:
    del pdf.Root["/OutputIntents"]


def _without_trapped(pdf: pikepdf.Pdf) -> None:
    del pdf.docinfo["/Trapped"]


def _without_icc_for_rgb(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        del page.obj.Resources.ColorSpace["/DefaultRGB"]


def _without_trim_box(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].obj["/TrimBox"]


def _without_xmp_version(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        del xmp[pdfx.XMP_PDFX]


BREAKAGES = {
    "no output intent": (_without_output_intent, "output intents"),
    "no Trapped key": (_without_trapped, "Trapped"),
    "DeviceRGB with no profile": (_without_icc_for_rgb, "DeviceRGB"),
    "no trim box": (_without_trim_box, "TrimBox"),
    "no PDF/X version in the XMP": (_without_xmp_version, "XMP metadata does not say"),
}


def _broken(data: bytes, breakage, encrypt: bool = False) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        breakage(pdf)
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="printer", user="") if encrypt else False)
    return out.getvalue()


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_the_checker_names_what_a_printer_would_turn_away(built, breakage):
    edit, said = BREAKAGES[breakage]
    output, _ = _print_pdfs(built)[0]
    problems = pdfx.pdfx4_problems(_broken(output.content, edit))
    assert any(said in problem for problem in problems), problems


def test_the_checker_turns_away_an_encrypted_pdf(built):
    output, _ = _print_pdfs(built)[0]
    assert pdfx.pdfx4_problems(_broken(output.content, lambda pdf: None, encrypt=True)) == [
        "it is encrypted (PDF/X allows no encryption)"]


def test_a_print_pdf_that_is_not_pdfx_stops_the_build(built, monkeypatch):
    screen = next(o for o in built.products(".pdf") if parse_pdf_name(o.path)[1] == "screen")
    monkeypatch.setattr(pdfx, "make_pdfx4", lambda pdf: None)
    with pytest.raises(RenderError, match="the print PDF is not PDF/X-4: it has 0 PDF/X output intents"):
        pdf_tools.add_print_marks(screen.content, (), 3.0, "the test's poster")
