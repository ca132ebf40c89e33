"""Items as flat records: scalars as they are, nested values as JSON text."""

from __future__ import annotations

import json

from warledger.reconcile.model import ReconciledItem

# Every field of ReconciledItem.to_json, in its order; nested ones are JSON strings in flat files.
NESTED = ("sources", "documents", "claims", "contradictions", "evidence", "deaths")


def flat_record(item: ReconciledItem) -> dict:
    rec = item.to_json()
    for key in NESTED:
        rec[key] = json.dumps(rec[key], ensure_ascii=False, sort_keys=True)
    return rec


def columns() -> list[str]:
    """The column names of a flat record, without building an item from data."""
    return list(ReconciledItem(id="", kind="").to_json())
