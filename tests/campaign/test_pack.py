"""The pack ZIP: every product, a README, checksums, fixed dates; the same bytes on every build."""

from __future__ import annotations

import hashlib
import io
import zipfile

from iopcsite.collections.campaigns.campaign_files import CampaignBuild, build_campaign
from iopcsite.pdf.render_cache import RenderCache


def _zip(built):
    [output] = built.products(".zip")
    return output


def test_pack_holds_every_product_with_readme_and_checksums(built):
    output = _zip(built)
    with zipfile.ZipFile(io.BytesIO(output.content)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {built.loaded.campaign.last_reviewed.timetuple()[:6]}
        shipped = {n.rsplit("/", 1)[-1] for n in names}
        for product in built.products(".pdf"):
            assert product.path.rsplit("/", 1)[-1] in shipped
        for image in built.products(".png"):
            if "-social-" in image.path and "-thumbnail-" not in image.path:
                assert image.path.rsplit("/", 1)[-1] in shipped
        top = names[0].split("/", 1)[0]
        sums = archive.read(f"{top}/SHA256SUMS.txt").decode()
        for line in sums.splitlines():
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(archive.read(f"{top}/{name}")).hexdigest() == digest
        assert len(sums.splitlines()) == len(names) - 1
        readme = archive.read(f"{top}/README.txt").decode()
    c = built.loaded.campaign.copy_
    assert c.terms_of_use.split()[0] in readme and c.title in readme
    for social in c.social:
        assert social.alt.split()[0] in readme and social.post_text[:30] in readme
    if "card" in built.loaded.campaign.product_ids():
        assert "fold" in readme.lower() and "crop marks" in readme


def test_second_build_renders_nothing_and_gives_identical_bytes(built, site):
    again = CampaignBuild()
    build_campaign(built.loaded, site, RenderCache(built.cache_dir), again)
    assert again.rendered == 0
    assert again.from_cache == built.result.rendered + built.result.from_cache
    assert again.summary() == f"campaign products: 0 rendered, {again.from_cache} from cache"
    assert _zip(built).content == next(f for f in again.files if f.path.endswith(".zip")).content


def test_a_fresh_build_gives_the_same_bytes(built, site, build, tmp_path):
    fresh = build(built.loaded.folder, site, tmp_path)
    assert fresh.result.rendered > 0
    assert [(f.path, f.content) for f in fresh.result.files] == [(f.path, f.content) for f in built.result.files]
