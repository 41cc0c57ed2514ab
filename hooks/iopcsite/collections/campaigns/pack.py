"""The pack: one ZIP per campaign and language with every product, a README and checksums."""

from __future__ import annotations

import hashlib
import io
import zipfile
from typing import TYPE_CHECKING

from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.collections.campaigns.products import PRINTED_BY_ID
from iopcsite.collections.campaigns.text import render_text
from iopcsite.config.models import Organisation

if TYPE_CHECKING:
    from iopcsite.collections.campaigns.campaign_files import ProductFile

FOLDERS = {"print": "print", "screen": "screen", "image": "social"}
README = "README.txt"
MANIFEST = "SHA256SUMS.txt"


def pack_name(slug: str, language: str) -> str:
    """'you-have-a-voice-pack-en.zip'."""
    return f"{slug}-pack-{language}.zip"


def build_pack(loaded: LoadedCampaign, org: Organisation, language: str, files: list[ProductFile]) -> tuple[str, bytes]:
    """(file name, ZIP bytes): the same bytes for the same products."""
    slug = loaded.campaign.slug
    top = f"{slug}-{language}"
    entries = {f"{top}/{FOLDERS[f.kind]}/{f.name}": f.data for f in files if f.kind in FOLDERS}
    listed = [(name.removeprefix(top + "/"), len(data)) for name, data in sorted(entries.items())]
    built = {f.product for f in files}
    social = [s for s in loaded.campaign.copy_for(language).social if f"social-{s.format}" in built]
    for_printers = {f.product for f in files if f.kind == "print" and PRINTED_BY_ID[f.product].for_printers}
    readme = render_text("readme.txt", loaded=loaded, org=org, language=language, listed=listed, files=files,
                         social=social, for_printers=for_printers)
    entries[f"{top}/{README}"] = readme.encode("utf-8")
    entries[f"{top}/{MANIFEST}"] = manifest(entries, top).encode("utf-8")
    return pack_name(slug, language), zip_bytes(entries, loaded.campaign.last_reviewed.timetuple()[:6])


def manifest(entries: dict[str, bytes], top: str) -> str:
    """Lines that ``sha256sum -c`` accepts, for every file of the pack."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name.removeprefix(top + '/')}\n"
                   for name, data in sorted(entries.items()))


def zip_bytes(entries: dict[str, bytes], date_time: tuple[int, ...]) -> bytes:
    """A ZIP with entries sorted by name, each stamped with ``date_time`` and the same permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()
