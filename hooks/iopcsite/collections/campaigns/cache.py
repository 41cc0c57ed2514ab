"""The render cache key of a campaign product (the cache itself is ``iopcsite.pdf.render_cache``).

The key covers the campaign renderer's own code and templates, the campaign (copy,
colours, images, advocates pack) and the organisation's details, on top of what
every render's key covers: the PDF code, the font and the libraries that draw.
"""

from __future__ import annotations

import json
from pathlib import Path

from iopcsite.collections.campaigns.loader import LoadedCampaign
from iopcsite.config.models import Organisation
from iopcsite.pdf.render_cache import code_fingerprint, render_key

PACKAGE_DIR = Path(__file__).parent
# The page and README templates shape no product, so editing them re-renders nothing.
NOT_IN_PRODUCTS = (".md", ".txt")


def product_key(job_name: str, loaded: LoadedCampaign, org: Organisation) -> str:
    """The SHA-256 of everything that can change how the product ``job_name`` ('card-en') looks."""
    inputs = [job_name, loaded.campaign.model_dump_json(by_alias=True), org.model_dump_json(),
              json.dumps(loaded.advocates_pack, sort_keys=True), loaded.images_digest]
    return render_key(inputs, code=[code_fingerprint(PACKAGE_DIR, NOT_IN_PRODUCTS)])
