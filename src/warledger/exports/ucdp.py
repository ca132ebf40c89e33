"""UCDP GED: the Georeferenced Event Dataset's columns, one row per event with deaths.

Rows are reconciled events, and killed incidents that belong to no event.
UCDP's own identifiers (conflict, dyad and side ids, Gleditsch-Ward numbers,
PRIO-GRID cells) are left empty: warledger does not code UCDP's conflicts.

- ``low``/``best``/``high``: the item's figures (docs/reconcile.md).
- ``deaths_a``/``deaths_b``/``deaths_civilians``/``deaths_unknown``: from the
  event's casualty incidents by victim group; without them, all of ``best`` is unknown.
- ``type_of_violence``: 1 state-based (a state force or government on either side),
  3 one-sided (civilians killed by a named organised actor, no state on the other side),
  2 non-state (two non-state sides); empty when the sides do not say.
- ``where_prec``: 1 town, 3 district, 4 province, 5 region, 6 country.
- ``date_prec``: 1 day, 3 week, 4 month, 5 longer.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from warledger.exports.countries import country_name, iso_numeric
from warledger.exports.registry import exporter
from warledger.reconcile.model import ReconciledItem

COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "high", "low", "gwnoa", "gwnob",
]  # fmt: skip

WHERE_PREC = {"town": 1, "district": 3, "province": 4, "region": 5, "country": 6}
DATE_PREC = {"day": 1, "week": 3, "month": 4}  # coarser: 5
STATE = ("state force", "government body")
UCDP_REGION = {
    "Middle East": "Middle East",
    "Europe": "Europe",
    "Caucasus and Central Asia": "Asia",
    "South Asia": "Asia",
    "Southeast Asia": "Asia",
    "East Asia": "Asia",
}


def type_of_violence(item: ReconciledItem) -> int | str:
    kinds = {item.actor_kind, item.other_actor_kind}
    if kinds & set(STATE):
        return 1
    civilians = item.victim_category == "civilian" or bool(item.deaths.get("civilians"))
    if item.actor and civilians and item.actor_kind:
        return 3
    if item.actor_kind == item.other_actor_kind == "non-state armed group":
        return 2
    return ""


def _region(iso2: str | None) -> str:
    from warledger.exports.countries import acled_region

    acled = acled_region(iso2)
    if acled in UCDP_REGION:
        return UCDP_REGION[acled]
    if acled.endswith("Africa"):
        return "Africa"
    if acled in ("South America", "Central America", "Caribbean"):
        return "Americas"
    return ""


def ucdp_row(item: ReconciledItem) -> dict:
    p, w = item.place, item.when
    best = item.figures.best or 0
    by_actor = item.deaths.get("by_actor", {})
    deaths_a = by_actor.get(item.actor, 0) if item.actor else 0
    deaths_b = by_actor.get(item.other_actor, 0) if item.other_actor else 0
    civilians = item.deaths.get("civilians", 0)
    if item.kind == "casualty" and item.victim_category == "civilian":
        civilians = best
    elif item.kind == "casualty" and item.victim_category == "combatant" and item.other_actor:
        deaths_b = best  # the victims' side
    known = deaths_a + deaths_b + civilians
    country = p.country if p else None
    has_point = p is not None and p.lat is not None and p.lon is not None
    side_b = item.other_actor or ("Civilians" if item.victim_category == "civilian" else "")
    return {
        "id": item.id,
        "relid": item.id,
        "year": w.start.year if w and w.start else "",
        "active_year": "",
        "code_status": "warledger",
        "type_of_violence": type_of_violence(item),
        "conflict_dset_id": "",
        "conflict_new_id": "",
        "conflict_name": "",
        "dyad_dset_id": "",
        "dyad_new_id": "",
        "dyad_name": f"{item.actor or ''} - {side_b}".strip(" -"),
        "side_a_dset_id": "",
        "side_a_new_id": "",
        "side_a": item.actor or "",
        "side_b_dset_id": "",
        "side_b_new_id": "",
        "side_b": side_b,
        "number_of_sources": len(item.sources),
        "source_article": "; ".join(f"{s.label} ({', '.join(s.documents)})" for s in item.sources),
        "source_office": "; ".join(s.label for s in item.sources),
        "source_date": max((s.published.isoformat() for s in item.sources if s.published), default=""),
        "source_headline": "",
        "source_original": "; ".join(s.label for s in item.sources),
        "where_prec": WHERE_PREC.get(p.precision or "town", 1) if p else 6,
        "where_coordinates": p.name if p else "",
        "where_description": p.name if p else "",
        "adm_1": (p.admin1 or "") if p else "",
        "adm_2": "",
        "latitude": p.lat if has_point else "",
        "longitude": p.lon if has_point else "",
        "geom_wkt": f"POINT ({p.lon} {p.lat})" if has_point else "",
        "priogrid_gid": "",
        "country": country_name(country),
        "country_id": iso_numeric(country) or "",
        "region": _region(country),
        "event_clarity": 1 if len(item.sources) > 1 or (p and p.precision == "town") else 2,
        "date_prec": DATE_PREC.get(str(w.precision), 5) if w else 5,
        "date_start": w.start.isoformat() if w and w.start else "",
        "date_end": (w.end or w.start).isoformat() if w and (w.end or w.start) else "",
        "deaths_a": deaths_a,
        "deaths_b": deaths_b,
        "deaths_civilians": civilians,
        "deaths_unknown": max(0, best - known),
        "best": best,
        "high": item.figures.high if item.figures.high is not None else best,
        "low": item.figures.low if item.figures.low is not None else best,
        "gwnoa": "",
        "gwnob": "",
    }


def ucdp_rows(items: Iterable[ReconciledItem]) -> Iterable[dict]:
    for item in items:
        incident = item.kind == "casualty" and item.outcome == "killed" and not item.cumulative
        if item.kind == "event" or (incident and item.event_id is None):
            yield ucdp_row(item)


@exporter(
    "ucdp",
    suffix=".csv",
    kinds=("event", "casualty"),
    help="UCDP GED columns: events and killed incidents with low/best/high.",
)
def write_ucdp(items: Iterable[ReconciledItem], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in ucdp_rows(items):
        writer.writerow(row)
        n += 1
    return n
