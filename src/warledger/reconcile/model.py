"""Value types of reconciliation: the claim as reviewed, and the reconciled item.

A ``ClaimView`` is one stored claim with analysts' reviews applied and the facts
of its document (publication date, publisher, syndication root) that matching and
independence need. A ``ReconciledItem`` is what the ledger keeps per cluster and
what every exporter and tally reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from warledger.types import Place, When


@dataclass(frozen=True, slots=True)
class Figures:
    low: int | None = None
    best: int | None = None
    high: int | None = None

    def to_json(self) -> dict:
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass(slots=True, kw_only=True)
class ClaimView:
    id: str
    doc_id: str
    kind: str  # casualty | control | event
    outcome: str | None = None
    count_low: int | None = None
    count_high: int | None = None
    qualifier: str | None = None
    victim_category: str | None = None
    cumulative: bool = False
    part_of: str | None = None
    actor: str | None = None
    other_actor: str | None = None
    control_kind: str | None = None
    extent: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    fatalities: int | None = None
    place: Place | None = None
    when: When | None = None
    hedged: bool = False
    sources: list[str] = field(default_factory=list)
    sentence: str = ""
    # the document's facts
    published: date | None = None
    publisher: str | None = None
    root_doc: str = ""  # copy_of or the document itself: one story, however many sites ran it
    ingested_at: datetime | None = None
    reviewed: bool = False
    rejected: bool = False

    @property
    def value(self) -> int | None:
        """The single figure this claim gives: the lower bound, else the upper one."""
        if self.kind == "event":
            return self.fatalities
        return self.count_low if self.count_low is not None else self.count_high

    @property
    def upper(self) -> int | None:
        if self.kind == "event":
            return self.fatalities
        return self.count_high if self.count_high is not None else self.count_low


@dataclass(slots=True, kw_only=True)
class SourceFigure:
    """One independent source of an item: who, which documents, and the figure it gives now."""

    key: str
    label: str
    documents: list[str]
    claims: list[str]
    claim: str | None  # the claim whose figure counts (the source's latest)
    low: int | None
    high: int | None
    value: int | None
    qualifier: str | None
    hedged: bool
    published: date | None
    superseded: list[dict] = field(default_factory=list)  # earlier figures of the same source

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "documents": self.documents,
            "claims": self.claims,
            "claim": self.claim,
            "low": self.low,
            "high": self.high,
            "value": self.value,
            "qualifier": self.qualifier,
            "hedged": self.hedged,
            "published": self.published.isoformat() if self.published else None,
            "superseded": self.superseded,
        }


@dataclass(slots=True, kw_only=True)
class ReconciledItem:
    id: str
    kind: str  # casualty | control | event
    cumulative: bool = False
    outcome: str | None = None
    victim_category: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    control_kind: str | None = None
    extent: str | None = None
    actor: str | None = None
    other_actor: str | None = None
    actor_kind: str | None = None
    other_actor_kind: str | None = None
    place: Place | None = None
    when: When | None = None
    figures: Figures = field(default_factory=Figures)
    sources: list[SourceFigure] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    contradictions: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)  # {claim, doc_id, sentence}
    rule: str = ""  # how best was chosen, in words
    event_id: str | None = None
    # An event's deaths by victim group, from its casualty incidents:
    # {"civilians": n, "unknown": n, "by_actor": {victims' actor: n}}
    deaths: dict = field(default_factory=dict)
    reviewed: bool = False
    updated_at: datetime | None = None

    @property
    def contradicted(self) -> bool:
        return bool(self.contradictions)

    def data_json(self) -> dict:
        """What the `data` column keeps: everything a column does not."""
        return {
            "extent": self.extent,
            "actor_kind": self.actor_kind,
            "other_actor_kind": self.other_actor_kind,
            "sources": [s.to_json() for s in self.sources],
            "documents": self.documents,
            "claims": self.claims,
            "contradictions": self.contradictions,
            "evidence": self.evidence,
            "rule": self.rule,
            "deaths": self.deaths,
            "reviewed": self.reviewed,
        }

    def to_json(self) -> dict:
        """Every field, flat where it can be: the jsonl/parquet/geojson record."""
        p, w = self.place, self.when
        return {
            "id": self.id,
            "kind": self.kind,
            "cumulative": self.cumulative,
            "outcome": self.outcome,
            "victim_category": self.victim_category,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "control_kind": self.control_kind,
            "extent": self.extent,
            "actor": self.actor,
            "actor_kind": self.actor_kind,
            "other_actor": self.other_actor,
            "other_actor_kind": self.other_actor_kind,
            "place_name": p.name if p else None,
            "geonameid": p.geonameid if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "place_precision": p.precision if p else None,
            "when_start": w.start.isoformat() if w and w.start else None,
            "when_end": w.end.isoformat() if w and w.end else None,
            "when_precision": str(w.precision) if w else None,
            "low": self.figures.low,
            "best": self.figures.best,
            "high": self.figures.high,
            "n_sources": len(self.sources),
            "n_documents": len(self.documents),
            "contradicted": self.contradicted,
            "event_id": self.event_id,
            "deaths": dict(self.deaths),
            "reviewed": self.reviewed,
            "rule": self.rule,
            "sources": [s.to_json() for s in self.sources],
            "documents": list(self.documents),
            "claims": list(self.claims),
            "contradictions": list(self.contradictions),
            "evidence": list(self.evidence),
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }
