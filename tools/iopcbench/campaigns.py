"""Campaign figures for the bench: products rendered per build, time per product, thumbnail sizes."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path

from iopcbench.weight import first_visit

SUMMARY = re.compile(r"campaign products: (\d+) rendered, (\d+) from cache")


def render_counts(build_output: str) -> dict[str, int] | None:
    """Products drawn and taken from the cache, summed over a build's language processes (from its log)."""
    found = SUMMARY.findall(build_output)
    if not found:
        return None
    return {"rendered": sum(int(rendered) for rendered, _ in found),
            "from_cache": sum(int(cached) for _, cached in found)}


def product_timings(project_root: Path) -> dict:
    """Seconds to draw each kind of product of the real campaigns, one after another (median per kind)."""
    from iopcsite.collections.campaigns.campaign_files import (
        draw_product,
        load_campaigns,
    )
    from iopcsite.collections.campaigns.products import jobs_for
    from iopcsite.config.site_config import load_site_config

    site = load_site_config(project_root)
    seconds: dict[str, list[float]] = defaultdict(list)
    campaigns = load_campaigns(project_root, site)
    for loaded in campaigns[:1]:  # the first drawing also loads WeasyPrint and the fonts: no product's own cost
        draw_product(loaded, site.organisation, jobs_for([loaded.campaign.products[0].id], ["en"])[0])
    for loaded in campaigns:
        for job in jobs_for([product.id for product in loaded.campaign.products], loaded.campaign.languages):
            started = time.perf_counter()
            draw_product(loaded, site.organisation, job)
            kind = job.printed.id if job.printed is not None else "social-images"
            seconds[f"{kind} ({job.language})"].append(time.perf_counter() - started)
    drawn = sum(len(values) for values in seconds.values())
    return {"available": True, "total_seconds": round(sum(sum(values) for values in seconds.values()), 2),
            "rendered": drawn,
            "seconds_per_product": {name: round(sorted(values)[len(values) // 2], 2) for name, values in sorted(seconds.items())}}


def thumbnail_sizes(site_dir: Path, campaign_pages: list[str]) -> dict[str, dict]:
    """The lazy preview images of each campaign page: bytes each, and the largest."""
    sizes = {}
    for path in campaign_pages:
        images = first_visit(site_dir, path).lazy_images
        sizes[path] = {"count": len(images), "largest": max((image.raw for image in images), default=0),
                       "total": sum(image.raw for image in images),
                       "images": {image.url: image.raw for image in images}}
    return sizes
