"""Exporting the ledger: stream reconciled items from the store through an exporter.

    export(ledger, "acled", "events.csv", since=date(2024, 1, 1), country="SY")  -> rows written

Items are read with a server-side cursor (``ReconciledStore.iter_items``) and
handed to the exporter one at a time, so memory stays bounded however large the
ledger is; ``benchmarks/export_memory.py`` measures it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO

from warledger.exports.registry import get
from warledger.reconcile.records import item_from_row
from warledger.store.ledger import Ledger
from warledger.store.reconciled import ItemFilter, ReconciledStore


def export(
    ledger: Ledger,
    fmt: str,
    target: str | Path | IO,
    *,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    kind: str | None = None,
) -> int:
    """Write the ledger's reconciled items in format `fmt`; returns the number of rows written."""
    exp = get(fmt)
    where = ItemFilter(kind=kind, kinds=() if kind else exp.kinds, since=since, until=until, country=country)
    items = (item_from_row(r) for r in ReconciledStore(ledger).iter_items(where))
    if not isinstance(target, str | Path):
        return exp.write(items, target)
    if exp.binary:
        with open(target, "wb") as out:
            return exp.write(items, out)
    with open(target, "w", encoding="utf-8", newline="") as out:
        return exp.write(items, out)
