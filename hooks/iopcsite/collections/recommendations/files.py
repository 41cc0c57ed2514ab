"""The register's files: the filter data the register's script reads, the downloads, the feeds.

Every file is the same bytes for the same content: sorted, no clock but the build's, no
dictionary order left to chance.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from iopcsite.feeds.atom import FeedEntry

from iopcsite.collections.recommendations.register import STATES, Row

DOWNLOAD_COLUMNS = ("reference", "batch_id", "batch_title", "number", "recipient", "recipient_id", "month",
                    "date_made", "response_due", "response_due_worked_out", "status", "outcome",
                    "response_received", "response_published", "to_be_confirmed", "page", "source")
SEARCH_WORDS = 12  # words of a text the filter searches when a recommendation has no heading: never the full text


def filter_data(rows: list[Row], recipient_ids: list[str], key_areas: list[str], topics: list[str],
                labels: dict[str, list[str]]) -> bytes:
    """The data the register's script filters by, compact: short keys and index tables for repeated values.

    ``b``: batches [id, year, [key area indexes], [topic indexes], title, reference or ""];
    ``i``: recommendations, newest first [batch index, number, [recipient indexes], status index, words].
    ``l``: the names the filters show for ``r``, ``k``, ``t`` and ``s``, in the page's language.
    The script draws the filters' choices and the list from it, so the register's page stays small.
    """
    batches: dict[str, int] = {}
    batch_rows, items = [], []
    for row in rows:
        batch = row.batch
        if batch.id not in batches:
            batches[batch.id] = len(batch_rows)
            batch_rows.append([batch.id, row.year, [key_areas.index(key) for key in batch.key_areas if key in key_areas],
                               [topics.index(topic) for topic in batch.topics if topic in topics],
                               batch.title, batch.reference or ""])
        items.append([batches[batch.id], row.recommendation.number,
                      [recipient_ids.index(recipient.id) for recipient in row.recipients],
                      STATES.index(row.clock.state), _search_words(row)])
    states = [state for state in STATES if any(row.clock.state == state for row in rows)]  # only choices that find something
    data = {"v": 1, "r": recipient_ids, "k": key_areas, "t": topics, "s": list(STATES), "o": states, "l": labels,
            "b": batch_rows, "i": items}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _search_words(row: Row) -> str:
    recommendation = row.recommendation
    if recommendation.heading:
        return recommendation.heading
    return " ".join((recommendation.text or "").split()[:SEARCH_WORDS])


def download_rows(rows: list[Row], page_url: str) -> list[dict[str, str]]:
    """One row per recommendation and recipient: a recommendation to two bodies is two rows."""
    found = []
    for row in rows:
        batch, response = row.batch, row.recommendation.response
        for recipient in row.recipients:
            found.append({
                "reference": batch.reference or "", "batch_id": batch.id, "batch_title": batch.title,
                "number": str(row.recommendation.number), "recipient": recipient.name_en, "recipient_id": recipient.id,
                "month": batch.month, "date_made": _date(batch.date_made), "response_due": _date(row.clock.due),
                "response_due_worked_out": "yes" if row.clock.worked_out else "",
                "status": row.clock.state, "outcome": response.outcome or "",
                "response_received": _date(response.received), "response_published": _date(response.published),
                "to_be_confirmed": "yes" if row.to_be_confirmed else "",
                "page": f"{page_url}{batch.id}/#{row.anchor}", "source": batch.sources[0]})
    return found


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def csv_bytes(rows: list[dict[str, str]]) -> bytes:
    """The rows as CSV (UTF-8, with a header row; an empty cell is a value not published)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=DOWNLOAD_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def json_bytes(rows: list[dict[str, str]], title: str) -> bytes:
    """The rows as JSON; an empty value is null (not published)."""
    records = [{key: (value or None) for key, value in row.items()} for row in rows]
    return (json.dumps({"title": title, "columns": list(DOWNLOAD_COLUMNS), "recommendations": records},
                       ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def feed_entries(rows: list[Row], uri_of, recommendation_title, response_title) -> tuple[FeedEntry, ...]:
    """A feed entry for each recommendation with a known date (made, or the batch published), and one for
    each response with a published date; newest first."""
    entries = []
    for row in rows:
        batch, response = row.batch, row.recommendation.response
        made = batch.date_made or batch.published
        uri = uri_of(row)
        if made:
            entries.append(FeedEntry(f"recommendations/{batch.id}/{row.recommendation.number}",
                                     recommendation_title(row), uri, made, summary=row.recommendation.heading or ""))
        if response.status == "published" and response.published:
            entries.append(FeedEntry(f"recommendations/{batch.id}/{row.recommendation.number}/response",
                                     response_title(row), uri, response.published, summary=response.summary or ""))
    return tuple(sorted(entries, key=lambda entry: (-entry.published.toordinal(), entry.id)))
