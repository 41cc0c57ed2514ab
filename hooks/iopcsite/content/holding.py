"""Held back, and due for review: what the generic code says of any item of any collection."""

from __future__ import annotations

from iopcsite.authoring.publishing import Holdable, Publishing, Status, describe_moment, publish_moment, status
from iopcsite.content.collection import Item


def describe_hold(item: Holdable) -> str:
    """'a draft (draft: true)' or 'embargoed until 1 December 2026 at 09:00 (London time)', for messages."""
    if item.draft:
        return "a draft (draft: true)"
    if item.publish_from is None:
        return "held back"
    return f"embargoed until {describe_moment(publish_moment(item.publish_from))}"


def shows(item: Item, publishing: Publishing) -> bool:
    """Whether this build shows ``item``: nothing that holds it back (itself, or what it translates) is held back."""
    return all([publishing.shows(hold) for hold in item.holds])  # a list: every publish time is compared


def hold_reason(item: Item, publishing: Publishing) -> str:
    """Why a held-back item is held back, in words for authors."""
    own = item.holds[0]
    if item.held_with is None or status(own, publishing.now) is not Status.published:
        return describe_hold(own)
    return f"a translation, held back with the page it translates ({item.held_with})"
