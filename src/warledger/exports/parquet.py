"""Parquet through pyarrow (the ``[parquet]`` extra): every field, written in row groups.

Nested fields (sources, documents, claims, ...) are JSON text columns, so that any
Parquet reader loads the file without a nested schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from warledger.errors import ExportError
from warledger.exports.flat import flat_record
from warledger.exports.registry import exporter
from warledger.reconcile.model import ReconciledItem

ROW_GROUP = 10_000  # rows held in memory before a row group is written


def _schema():
    import pyarrow as pa

    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    fields = {
        "id": s, "kind": s, "cumulative": b, "outcome": s, "victim_category": s, "event_type": s,
        "sub_event_type": s, "control_kind": s, "extent": s, "actor": s, "actor_kind": s,
        "other_actor": s, "other_actor_kind": s, "place_name": s, "geonameid": i, "lat": f, "lon": f,
        "country": s, "admin1": s, "place_precision": s, "when_start": pa.date32(), "when_end": pa.date32(),
        "when_precision": s, "low": i, "best": i, "high": i, "n_sources": i, "n_documents": i,
        "contradicted": b, "event_id": s, "deaths": s, "reviewed": b, "rule": s, "sources": s,
        "documents": s, "claims": s, "contradictions": s, "evidence": s,
        "updated_at": pa.timestamp("us", tz="UTC"),
    }  # fmt: skip
    return pa.schema(list(fields.items()))


def _rows(batch: list[dict]) -> dict[str, list]:
    from datetime import date, datetime

    cols: dict[str, list] = {k: [] for k in batch[0]}
    for rec in batch:
        for k, v in rec.items():
            if k in ("when_start", "when_end") and v is not None:
                v = date.fromisoformat(v)
            elif k == "updated_at" and v is not None:
                v = datetime.fromisoformat(v)
            cols[k].append(v)
    return cols


@exporter("parquet", suffix=".parquet", binary=True, help="Parquet (pyarrow), every field.")
def write_parquet(items: Iterable[ReconciledItem], out: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ExportError("parquet export needs pyarrow: pip install 'warledger[parquet]'") from exc
    schema = _schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict] = []
        for item in items:
            batch.append(flat_record(item))
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pydict(_rows(batch), schema=schema))
                n += len(batch)
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pydict(_rows(batch), schema=schema))
            n += len(batch)
    return n
