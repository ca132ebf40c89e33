"""JSON lines and CSV: one reconciled item per line or row, every field."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from warledger.exports.flat import columns, flat_record
from warledger.exports.registry import exporter
from warledger.reconcile.model import ReconciledItem


@exporter("jsonl", suffix=".jsonl", help="One JSON object per reconciled item, every field.")
def write_jsonl(items: Iterable[ReconciledItem], out: TextIO) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n


@exporter("csv", suffix=".csv", help="One row per reconciled item; nested fields as JSON text.")
def write_csv(items: Iterable[ReconciledItem], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    writer.writeheader()
    n = 0
    for item in items:
        writer.writerow(flat_record(item))
        n += 1
    return n
