"""PDF/X-4 for print PDFs: make one (``make_pdfx4``) and check one read back (``pdfx4_problems``).

A printer's preflight accepts a PDF/X-4 file as it is: it names the printing condition
(an output intent with the CMYK profile of coated paper), says it is PDF/X-4 in its
document information and XMP, says whether it is trapped, has a trim and a bleed box on
every page, embeds every font, is not encrypted, and has no colour the output intent
cannot interpret.

WeasyPrint paints in DeviceRGB. Rather than convert every colour and image to CMYK
ourselves (which would fix one press's conversion into the file and change the screen
look of the tagged PDF), each resource dictionary gets a DefaultRGB colour space, sRGB by
its ICC profile, and images, shadings and transparency groups in DeviceRGB are given that
profile directly. The colour is then exactly defined, and the printer's RIP converts it to
the output intent's CMYK as PDF/X-4 intends. The tagged structure is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
from typing import Iterator

import pikepdf

from iopcsite.pdf import print_colour

VERSION = "PDF/X-4"
XMP_PDFX = "pdfxid:GTS_PDFXVersion"
PRINT_FLAG = 4  # annotation flag: printed
DEVICE_RGB = pikepdf.Name.DeviceRGB
# Operators that paint in DeviceRGB whatever the colour space set before them.
RGB_OPERATORS = {"rg", "RG"}
COLOUR_SPACE_OPERATORS = {"cs", "CS"}
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def make_pdfx4(pdf: pikepdf.Pdf) -> None:
    """Make ``pdf`` (open, to be saved by the caller) a PDF/X-4 file for coated paper, in place."""
    srgb = pikepdf.Array([pikepdf.Name.ICCBased, _icc_stream(pdf, print_colour.rgb_profile(), 3, DEVICE_RGB)])
    for resources in list(_resource_dicts(pdf)):
        if "/ColorSpace" in resources:
            resources.ColorSpace.DefaultRGB = srgb
        else:
            resources.ColorSpace = pikepdf.Dictionary(DefaultRGB=srgb)
    for holder, key in list(_rgb_holders(pdf)):
        holder[key] = srgb
    for page in pdf.pages:
        for box in ("/TrimBox", "/BleedBox"):
            if box not in page.obj:
                page.obj[box] = page.obj.get("/CropBox", page.mediabox)
    pdf.Root.OutputIntents = pikepdf.Array([_output_intent(pdf)])
    _identify(pdf)


def _icc_stream(pdf: pikepdf.Pdf, data: bytes, components: int, alternate: pikepdf.Name) -> pikepdf.Stream:
    stream = pdf.make_indirect(pikepdf.Stream(pdf, data))
    stream.N = components
    stream.Alternate = alternate
    return stream


def _output_intent(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    condition = print_colour.COATED
    return pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=condition.identifier, OutputCondition=condition.condition,
        RegistryName=condition.registry, Info=condition.info,
        DestOutputProfile=_icc_stream(pdf, print_colour.cmyk_profile(), 4, pikepdf.Name.DeviceCMYK))


def _identify(pdf: pikepdf.Pdf) -> None:
    """PDF/X-4 in the document information and the XMP, with the dates and ids it asks for, from the file itself."""
    created = _date(pdf.docinfo.get("/CreationDate"))
    modified = _date(pdf.docinfo.get("/ModDate")) or created
    pdf.docinfo.GTS_PDFXVersion = VERSION
    pdf.docinfo.Trapped = pikepdf.Name("/False")
    pdf.docinfo.CreationDate = _pdf_date(created)
    pdf.docinfo.ModDate = _pdf_date(modified)
    # The same file gives the same ids: they are made from what the document is, never at random.
    document = uuid.UUID(hashlib.sha256(str(pdf.docinfo.get("/Title", "")).encode()).hexdigest()[:32])
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp[XMP_PDFX] = VERSION
        xmp["pdf:Trapped"] = "False"
        xmp["xmp:CreateDate"] = created.isoformat()
        xmp["xmp:ModifyDate"] = modified.isoformat()
        xmp["xmp:MetadataDate"] = modified.isoformat()
        xmp["xmp:CreatorTool"] = str(pdf.docinfo.get("/Producer", ""))
        xmp["xmpMM:DocumentID"] = f"uuid:{document}"
        xmp["xmpMM:InstanceID"] = f"uuid:{uuid.uuid5(document, modified.isoformat())}"
        xmp["xmpMM:VersionID"] = "1"
        xmp["xmpMM:RenditionClass"] = "default"


def _date(value) -> dt.datetime | None:
    """A PDF date ('D:20261122', 'D:20261122093000Z') as a UTC time."""
    if value is None:
        return None
    digits = str(value).removeprefix("D:")[:14].ljust(14, "0")
    return dt.datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone.utc)


def _pdf_date(moment: dt.datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%SZ")


def _resource_dicts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every resource dictionary something is painted with: pages, forms, tiling patterns, soft masks, Type 3 fonts."""
    return (resources for resources, _ in _painted(pdf))


def _painted(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Dictionary, list[pikepdf.Object]]]:
    """(resource dictionary, the content streams painted with it), each dictionary once."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        yield from _painted_under(page.obj.get("/Resources"), [page.obj], seen)
        for annotation in page.obj.get("/Annots", []):
            for appearance in annotation.get("/AP", {}).values():
                streams = appearance.values() if isinstance(appearance, pikepdf.Dictionary) else [appearance]
                for stream in streams:
                    yield from _painted_under(stream.get("/Resources"), [stream], seen)


def _painted_under(resources, contents: list[pikepdf.Object],
                   seen: set[tuple[int, int]]) -> Iterator[tuple[pikepdf.Dictionary, list[pikepdf.Object]]]:
    if not isinstance(resources, pikepdf.Dictionary):
        return
    if resources.is_indirect:
        if resources.objgen in seen:
            return
        seen.add(resources.objgen)
    yield resources, contents
    for child, child_contents in _painted_children(resources):
        yield from _painted_under(child.get("/Resources"), child_contents, seen)


def _painted_children(resources: pikepdf.Dictionary) -> Iterator[tuple[pikepdf.Object, list[pikepdf.Object]]]:
    """(object, its content streams) of the forms, tiling patterns, soft mask groups and Type 3 fonts
    a resource dictionary names."""
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form":
            yield xobject, [xobject]
    for pattern in resources.get("/Pattern", {}).values():
        if pattern.get("/PatternType") == 1:
            yield pattern, [pattern]
    for state in resources.get("/ExtGState", {}).values():
        mask = state.get("/SMask")
        if isinstance(mask, pikepdf.Dictionary) and "/G" in mask:
            yield mask.G, [mask.G]
    for font in resources.get("/Font", {}).values():
        if font.get("/Subtype") == "/Type3":
            yield font, list(font.get("/CharProcs", {}).values())


def _rgb_holders(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Object, str]]:
    """(object, key) of every DeviceRGB colour space that is not set by a content stream: images, shadings, groups."""
    for resources in _resource_dicts(pdf):
        for image in resources.get("/XObject", {}).values():
            if image.get("/Subtype") == "/Image" and image.get("/ColorSpace") == DEVICE_RGB:
                yield image, "/ColorSpace"
        shadings = list(resources.get("/Shading", {}).values())
        shadings += [p.Shading for p in resources.get("/Pattern", {}).values() if "/Shading" in p]
        yield from ((shading, "/ColorSpace") for shading in shadings if shading.get("/ColorSpace") == DEVICE_RGB)
    for group in _groups(pdf):
        if group.get("/CS") == DEVICE_RGB:
            yield group, "/CS"


def _groups(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    for page in pdf.pages:
        if "/Group" in page.obj:
            yield page.obj.Group
    for resources in _resource_dicts(pdf):
        for child, _ in _painted_children(resources):
            if "/Group" in child:
                yield child.Group


def pdfx4_problems(data: bytes) -> list[str]:
    """Every way the PDF ``data`` falls short of PDF/X-4 for a CMYK output intent, in words; [] when it conforms."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return ["it is encrypted (PDF/X allows no encryption)"]
    with pdf:
        if pdf.is_encrypted:
            return ["it is encrypted (PDF/X allows no encryption)"]
        return [*_intent_problems(pdf), *_identification_problems(pdf), *_page_problems(pdf),
                *_font_problems(pdf), *_colour_problems(pdf)]


def _intent_problems(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFX"]
    if len(intents) != 1:
        return [f"it has {len(intents)} PDF/X output intents (GTS_PDFX), where it must have exactly one"]
    intent = intents[0]
    problems = [f"its output intent has no {key}" for key in ("/OutputConditionIdentifier", "/RegistryName", "/Info")
                if not str(intent.get(key, "")).strip()]
    profile = intent.get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return problems + ["its output intent has no ICC profile (DestOutputProfile)"]
    header = profile.read_bytes()[:20]
    if header[16:20] != b"CMYK" or header[12:16] != b"prtr" or profile.get("/N") != 4:
        problems.append("its output intent's profile is not a CMYK printer profile")
    return problems


def _identification_problems(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    info = pdf.docinfo
    if str(info.get("/GTS_PDFXVersion", "")) != VERSION:
        problems.append(f"its document information does not say GTS_PDFXVersion {VERSION}")
    if info.get("/Trapped") not in (pikepdf.Name("/True"), pikepdf.Name("/False")):
        problems.append("its document information has no Trapped key (True or False)")
    problems += [f"its document information has no {key}" for key in ("/Title", "/CreationDate", "/ModDate")
                 if key not in info]
    xmp = pdf.open_metadata()
    if xmp.get(XMP_PDFX) != VERSION:
        problems.append(f"its XMP metadata does not say {XMP_PDFX} {VERSION}")
    problems += [f"its XMP metadata has no {key}" for key in
                 ("dc:title", "xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "pdf:Trapped",
                  "xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass") if not xmp.get(key)]
    if "/ID" not in pdf.trailer:
        problems.append("it has no file identifier (ID)")
    return problems


def _page_problems(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        problems += [f"page {number} has no {box[1:]}" for box in ("/TrimBox", "/BleedBox") if box not in page.obj]
        for annotation in page.obj.get("/Annots", []):
            printed = int(annotation.get("/F", 0)) & PRINT_FLAG and "/AP" in annotation
            if printed and annotation.get("/Subtype") not in ("/TrapNet", "/PrinterMark"):
                problems.append(f"page {number} has a {annotation.get('/Subtype')} annotation that would print")
    return problems


def _font_problems(pdf: pikepdf.Pdf) -> list[str]:
    problems = set()
    for resources in _resource_dicts(pdf):
        for font in resources.get("/Font", {}).values():
            if font.get("/Subtype") == "/Type3":
                continue  # drawn by its own content streams: embedded by nature
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor", {})
            if not any(key in descriptor for key in FONT_FILES):
                problems.add(f"the font {font.get('/BaseFont')} is not embedded")
    return sorted(problems)


def _colour_problems(pdf: pikepdf.Pdf) -> list[str]:
    problems = set()
    for resources, contents in _painted(pdf):
        if "/DefaultRGB" not in resources.get("/ColorSpace", {}) and any(map(_paints_device_rgb, contents)):
            problems.add("it paints in DeviceRGB with no DefaultRGB ICC profile")
    if any(True for _ in _rgb_holders(pdf)):
        problems.add("an image, shading or transparency group is in DeviceRGB with no ICC profile")
    return sorted(problems)


def _paints_device_rgb(content: pikepdf.Object) -> bool:
    for operands, operator in pikepdf.parse_content_stream(content):
        name = str(operator)
        if name in RGB_OPERATORS or (name in COLOUR_SPACE_OPERATORS and operands and operands[0] == DEVICE_RGB):
            return True
    return False
