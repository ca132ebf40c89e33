"""Peak memory of exporting N synthetic reconciled items against N/10, as a ratio.

    python benchmarks/export_memory.py [N] [--format jsonl|csv|acled|ucdp|geojson|parquet]

Exports stream rows from the database, so the peak should hardly grow with N:
a ratio near 1 means bounded memory; near 10 means the ledger is held in a list.
Memory is Python's allocations during the export (tracemalloc), not the process RSS.
"""

from __future__ import annotations

import argparse
import tempfile
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from warledger.exports import export
from warledger.store import Ledger
from warledger.store.reconciled import ReconciledStore

BATCH = 5000


def _rows(n: int):
    now = datetime.now(UTC)
    start = date(2020, 1, 1)
    for i in range(n):
        day = start + timedelta(days=i % 1500)
        source = {
            "key": f"src{i % 50}",
            "label": f"Source {i % 50}",
            "documents": [f"doc{i}"],
            "claims": [f"doc{i}:c1"],
            "claim": f"doc{i}:c1",
            "low": i % 30,
            "high": i % 30,
            "value": i % 30,
            "qualifier": "exact",
            "hedged": False,
            "published": day.isoformat(),
            "superseded": [],
        }
        yield {
            "id": f"{i:016x}",
            "kind": "event",
            "cumulative": False,
            "outcome": None,
            "victim_category": None,
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "control_kind": None,
            "actor": "Side A",
            "other_actor": "Side B",
            "place_name": f"Town {i % 997}",
            "geonameid": 1000 + i % 997,
            "lat": 30 + (i % 100) / 10,
            "lon": 40 + (i % 77) / 10,
            "country": "SY",
            "admin1": "North",
            "place_precision": "town",
            "when_start": day,
            "when_end": day,
            "when_precision": "day",
            "low": i % 30,
            "best": i % 30,
            "high": i % 30,
            "n_sources": 1,
            "n_documents": 1,
            "contradicted": False,
            "event_id": None,
            "data": {
                "sources": [source],
                "documents": [f"doc{i}"],
                "claims": [f"doc{i}:c1"],
                "evidence": [{"claim": f"doc{i}:c1", "doc_id": f"doc{i}", "sentence": "Fighting went on."}],
                "contradictions": [],
                "rule": "synthetic",
            },
            "updated_at": now,
        }


def _fill(ledger: Ledger, n: int) -> None:
    store = ReconciledStore(ledger)
    batch = []
    for row in _rows(n):
        batch.append(row)
        if len(batch) == BATCH:
            store.insert_rows(batch)
            batch = []
    if batch:
        store.insert_rows(batch)


def peak_export(n: int, fmt: str, folder: Path) -> int:
    path = folder / f"bench-{n}.db"
    with Ledger.open(str(path), write=True) as ledger:
        _fill(ledger, n)
        tracemalloc.start()
        export(ledger, fmt, folder / f"out-{n}.{fmt}")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--format", default="jsonl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = peak_export(max(1, args.n // 10), args.format, Path(tmp))
        large = peak_export(args.n, args.format, Path(tmp))
    print(
        f"format {args.format}: peak {small / 1e6:.1f} MB for {args.n // 10} rows, {large / 1e6:.1f} MB for {args.n}"
    )
    print(f"ratio {large / small:.2f} (1 = bounded, 10 = linear)")


if __name__ == "__main__":
    main()
