"""ACLED: the columns of ACLED's public CSV, in their order, one row per event.

Rows are reconciled events, and control changes as territory battles
("Government regains territory" when the gainer is a state force or government,
else "Non-state actor overtakes territory"). Casualty incidents are not events:
they reach this file through their event's figure.

- ``fatalities``: the item's *low* figure: ACLED codes the most conservative report.
- ``time_precision``: 1 day, 2 week, 3 month or longer.
- ``geo_precision``: 1 town, 2 district ("near"), 3 province, region or country.
- ``inter1``/``inter2`` from actor kinds: 1 state forces, 2 rebel groups (non-state
  armed groups), 7 civilians, 8 external/other forces (coalitions, international
  organisations); empty when unknown. ``interaction`` joins them lower first
  ("12"; "10" when there is one actor).
- ``notes``: the evidence sentences, then the figures and their sources.
- ``source``: the independent sources, ";"-separated; ``timestamp``: Unix time of reconciliation.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from warledger.exports.countries import acled_region, country_name, iso_numeric
from warledger.exports.registry import exporter
from warledger.reconcile.model import ReconciledItem

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip

TIME_PRECISION = {"day": 1, "week": 2}  # anything coarser: 3
GEO_PRECISION = {"town": 1, "district": 2}  # province, region, country: 3
INTER = {
    "state force": 1,
    "government body": 1,
    "non-state armed group": 2,
    "civilians": 7,
    "coalition": 8,
    "international organisation": 8,
}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
STATE_KINDS = ("state force", "government body")
NOTE_CHARS = 1000


def _event_type(item: ReconciledItem) -> tuple[str, str]:
    if item.kind == "control":
        if item.actor_kind in STATE_KINDS:
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    return item.event_type or "", item.sub_event_type or ""


def _inter(kind: str | None) -> int | str:
    return INTER.get(kind or "", "")


def interaction(a: int | str, b: int | str) -> str:
    codes = sorted(c for c in (a, b) if c != "")
    if not codes:
        return ""
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


def notes(item: ReconciledItem) -> str:
    sentences = []
    for e in item.evidence:
        s = " ".join((e.get("sentence") or "").split())
        if s and s not in sentences:
            sentences.append(s)
    text = " ".join(sentences)
    f = item.figures
    if f.best is not None:
        srcs = ", ".join(f"{s.label}: {s.value}" for s in item.sources if s.value is not None)
        text += f" [fatalities low {f.low}, best {f.best}, high {f.high}; {srcs}]"
    if item.contradictions:
        text += f" [contradicting figures from {len(item.contradictions)} pair(s) of sources]"
    return text.strip()[:NOTE_CHARS]


def acled_row(item: ReconciledItem) -> dict:
    p, w = item.place, item.when
    event_type, sub_event_type = _event_type(item)
    inter1, inter2 = _inter(item.actor_kind), _inter(item.other_actor_kind)
    civilian = item.other_actor_kind == "civilians" or event_type == "Violence against civilians"
    civilian = civilian or bool(item.deaths.get("civilians"))
    country = p.country if p else None
    tags = [f"sources={len(item.sources)}"]
    if item.contradicted:
        tags.append("contradicted figures")
    if item.reviewed:
        tags.append("reviewed")
    return {
        "event_id_cnty": f"{country or 'XX'}{item.id}",
        "event_date": w.start.isoformat() if w and w.start else "",
        "year": w.start.year if w and w.start else "",
        "time_precision": TIME_PRECISION.get(str(w.precision), 3) if w else 3,
        "disorder_type": DISORDER.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": item.actor or "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": item.other_actor or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso_numeric(country) or "",
        "region": acled_region(country),
        "country": country_name(country),
        "admin1": (p.admin1 or "") if p else "",
        "admin2": "",
        "admin3": "",
        "location": p.name if p else "",
        "latitude": p.lat if p and p.lat is not None else "",
        "longitude": p.lon if p and p.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(p.precision or "town", 3) if p else 3,
        "source": "; ".join(s.label for s in item.sources),
        "source_scale": "",
        "notes": notes(item),
        "fatalities": item.figures.low if item.figures.low is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": int(item.updated_at.timestamp()) if item.updated_at else "",
    }


def acled_rows(items: Iterable[ReconciledItem]) -> Iterable[dict]:
    for item in items:
        if item.kind == "event" or (item.kind == "control" and item.control_kind == "change"):
            yield acled_row(item)


@exporter("acled", suffix=".csv", kinds=("event", "control"), help="ACLED's public CSV columns, in order.")
def write_acled(items: Iterable[ReconciledItem], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in acled_rows(items):
        writer.writerow(row)
        n += 1
    return n
