"""GeoJSON: a FeatureCollection of reconciled events and control items.

Written feature by feature, so the collection is never held in memory. Items
without coordinates get ``"geometry": null``, as RFC 7946 allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from warledger.exports.registry import exporter
from warledger.reconcile.model import ReconciledItem


def feature(item: ReconciledItem) -> dict:
    p = item.place
    geometry = (
        {"type": "Point", "coordinates": [p.lon, p.lat]}
        if p is not None and p.lat is not None and p.lon is not None
        else None
    )
    return {"type": "Feature", "id": item.id, "geometry": geometry, "properties": item.to_json()}


@exporter(
    "geojson",
    suffix=".geojson",
    kinds=("event", "control"),
    help="A FeatureCollection of events and control items with all their properties.",
)
def write_geojson(items: Iterable[ReconciledItem], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for item in items:
        if n:
            out.write(",\n")
        out.write(json.dumps(feature(item), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
