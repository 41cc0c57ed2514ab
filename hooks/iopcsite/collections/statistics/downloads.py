"""Each table as a CSV and a JSON file: the same figures as the page, with their year and source."""

from __future__ import annotations

import csv
import io
import json

from iopcsite.collections.statistics.pages import LICENCE_URL
from iopcsite.collections.statistics.tables import ByForceTable

LICENCE = "Open Government Licence v3.0"
ATTRIBUTION = "Independent Office for Police Conduct"


def table_records(table: ByForceTable) -> list[dict]:
    """A record per row, the Total row last: the figures only (no provenance columns but the source)."""
    records = []
    for row in [*[table.by_force[key] for key in table.by_force], table.total]:
        record = {"year": table.year, "police_force": row.value.police_force_as_published}
        record.update({m.column: getattr(row.value, m.column) for m in table.kind.measures})
        record["source"] = row.value.source
        records.append(record)
    return records


def as_csv(records: list[dict]) -> str:
    """Records as CSV text (None as an empty cell), with Unix line ends so every build gives the same bytes."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def as_json(title: str, year: str | None, source: str, records: list[dict]) -> str:
    """Records as JSON, with the table's title, year, source and licence."""
    return json.dumps({"title": title, "year": year, "source": source, "publisher": ATTRIBUTION,
                       "licence": LICENCE, "licence_url": LICENCE_URL, "rows": records},
                      ensure_ascii=False, indent=1) + "\n"
