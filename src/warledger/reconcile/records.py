"""Rows to reconciliation values and back: the one mapping between columns and fields."""

from __future__ import annotations

from datetime import date, datetime

from warledger.reconcile.model import ClaimView, Figures, ReconciledItem, SourceFigure
from warledger.reconcile.review import apply_reviews
from warledger.store.schema import reconciled
from warledger.types import Place, Precision, When

_ITEM_COLUMNS = {c.name for c in reconciled.columns}


def _place(row: dict, precision: str | None) -> Place | None:
    if not row.get("place_name"):
        return None
    return Place(
        name=row["place_name"],
        geonameid=row.get("geonameid"),
        lat=row.get("lat"),
        lon=row.get("lon"),
        country=row.get("country"),
        admin1=row.get("admin1"),
        precision=precision,
    )


def _when(row: dict) -> When | None:
    start, end, precision = row.get("when_start"), row.get("when_end"), row.get("when_precision")
    if start is None and end is None:
        return None
    try:
        p = Precision(precision) if precision else Precision.PERIOD
    except ValueError:
        p = Precision.PERIOD
    return When(_day(start), _day(end), p)


def _day(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def claim_view(row: dict) -> ClaimView:
    """A stored claim row (with ``reviews`` and its document's columns) as reconciliation sees it."""
    row, reviewed, rejected = apply_reviews(row, row.get("reviews") or [])
    data = row.get("data") or {}
    place_data = data.get("place") or {}
    precision = row.get("place_precision") or place_data.get("precision")
    when = _when(row)
    # A running total over one day ("the toll rose to 19") is that day's incident toll.
    one_day = when is not None and when.precision == Precision.DAY and when.start == when.end
    sources = row.get("sources")
    if sources is None:
        sources = list(data.get("sources") or [])
    return ClaimView(
        id=row["id"],
        doc_id=row["doc_id"],
        kind=row["kind"],
        outcome=row.get("outcome"),
        count_low=row.get("count_low"),
        count_high=row.get("count_high"),
        qualifier=row.get("qualifier"),
        victim_category=row.get("victim_category"),
        cumulative=bool(row.get("cumulative")) and not one_day,
        part_of=data.get("part_of"),
        actor=row.get("actor"),
        other_actor=row.get("other_actor"),
        control_kind=row.get("control_kind"),
        extent=row.get("extent"),
        event_type=row.get("event_type"),
        sub_event_type=row.get("sub_event_type"),
        fatalities=row.get("fatalities"),
        place=_place(row, precision),
        when=when,
        hedged=bool(row.get("hedged")),
        sources=sources,
        sentence=row.get("evidence_sentence") or "",
        published=_day(row.get("published")),
        publisher=row.get("publisher"),
        root_doc=row.get("copy_of") or row["doc_id"],
        ingested_at=row.get("ingested_at"),
        reviewed=reviewed,
        rejected=rejected,
    )


def item_row(item: ReconciledItem) -> dict:
    p, w = item.place, item.when
    return {
        "id": item.id,
        "kind": item.kind,
        "cumulative": item.cumulative,
        "outcome": item.outcome,
        "victim_category": item.victim_category,
        "event_type": item.event_type,
        "sub_event_type": item.sub_event_type,
        "control_kind": item.control_kind,
        "actor": item.actor,
        "other_actor": item.other_actor,
        "place_name": p.name if p else None,
        "geonameid": p.geonameid if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "place_precision": p.precision if p else None,
        "when_start": w.start if w else None,
        "when_end": w.end if w else None,
        "when_precision": str(w.precision) if w else None,
        "low": item.figures.low,
        "best": item.figures.best,
        "high": item.figures.high,
        "n_sources": len(item.sources),
        "n_documents": len(item.documents),
        "contradicted": item.contradicted,
        "event_id": item.event_id,
        "data": item.data_json(),
        "updated_at": item.updated_at,
    }


def member_rows(item: ReconciledItem, doc_of: dict[str, str]) -> list[dict]:
    return [{"item_id": item.id, "claim_id": c, "doc_id": doc_of[c]} for c in item.claims]


def _source(d: dict) -> SourceFigure:
    published = d.get("published")
    return SourceFigure(
        key=d["key"],
        label=d.get("label") or "",
        documents=list(d.get("documents") or []),
        claims=list(d.get("claims") or []),
        claim=d.get("claim"),
        low=d.get("low"),
        high=d.get("high"),
        value=d.get("value"),
        qualifier=d.get("qualifier"),
        hedged=bool(d.get("hedged")),
        published=date.fromisoformat(published) if published else None,
        superseded=list(d.get("superseded") or []),
    )


def item_from_row(row: dict) -> ReconciledItem:
    data = row.get("data") or {}
    updated = row.get("updated_at")
    return ReconciledItem(
        id=row["id"],
        kind=row["kind"],
        cumulative=bool(row.get("cumulative")),
        outcome=row.get("outcome"),
        victim_category=row.get("victim_category"),
        event_type=row.get("event_type"),
        sub_event_type=row.get("sub_event_type"),
        control_kind=row.get("control_kind"),
        extent=data.get("extent"),
        actor=row.get("actor"),
        other_actor=row.get("other_actor"),
        actor_kind=data.get("actor_kind"),
        other_actor_kind=data.get("other_actor_kind"),
        place=_place(row, row.get("place_precision")),
        when=_when(row),
        figures=Figures(row.get("low"), row.get("best"), row.get("high")),
        sources=[_source(s) for s in data.get("sources") or []],
        documents=list(data.get("documents") or []),
        claims=list(data.get("claims") or []),
        contradictions=list(data.get("contradictions") or []),
        evidence=list(data.get("evidence") or []),
        rule=data.get("rule") or "",
        event_id=row.get("event_id"),
        deaths=dict(data.get("deaths") or {}),
        reviewed=bool(data.get("reviewed")),
        updated_at=updated if isinstance(updated, datetime) or updated is None else None,
    )
