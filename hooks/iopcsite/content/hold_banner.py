"""The banner a preview shows on drafts and embargoed content, so nobody mistakes them for live."""

from __future__ import annotations

from html import escape

from iopcsite.authoring.publishing import (
    Holdable,
    Publishing,
    Status,
    publish_moment,
    status,
)
from iopcsite.config.localiser import Localiser


def render_hold_banner(item: Holdable, publishing: Publishing, local: Localiser, subject: str | None = None) -> str | None:
    """HTML for 'Draft' or 'Embargoed until ...' (naming ``subject``, such as a product), or None for published items."""
    state = status(item, publishing.now)
    if state is Status.published:
        return None
    if state is Status.draft:
        label, text = local.string("draft-banner-label"), local.string("draft-banner-text")
    else:
        moment = publish_moment(item.publish_from)
        when = local.string("embargo-banner-when").format(date=local.date(moment.date()), time=f"{moment:%H:%M}")
        label = local.string("embargo-banner-label").format(when=when)
        text = local.string("embargo-banner-text")
    if subject:
        label = f"{label}: {subject}"
    return (f'<div class="iopc-hold-banner iopc-hold-banner--{state.value}" role="note">'
            f"<strong>{escape(label)}</strong><p>{escape(text)}</p></div>")
