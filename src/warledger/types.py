"""Core value types that flow through the pipeline.

Field names follow ``schema/extraction.schema.json`` (see ANNOTATION.md), so
turning a claim into JSON is a mapping, not a translation. Everything here is
a plain frozen dataclass; pydantic lives only at the JSON/HTTP edges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Outcome(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    CASUALTIES = "casualties"
    CAPTURED = "captured"
    MISSING = "missing"
    DISPLACED = "displaced"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    APPROX = "approx"
    VAGUE = "vague"


class VictimCategory(StrEnum):
    CIVILIAN = "civilian"
    COMBATANT = "combatant"
    UNKNOWN = "unknown"


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    PERIOD = "period"


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into ``Document.text``; end exclusive."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    sentence: str
    sentence_start: int | None = None

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "sentence": self.sentence}


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None
    high: int | None
    qualifier: Qualifier
    text: str

    def to_json(self) -> dict:
        return {"low": self.low, "high": self.high, "qualifier": str(self.qualifier), "text": self.text}


@dataclass(frozen=True, slots=True)
class When:
    """A day or period; ``start`` may be None for open periods ("until Friday")."""

    start: date | None
    end: date | None
    precision: Precision

    def to_json(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": str(self.precision),
        }


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None  # town | district | province | country | region

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Victims:
    category: VictimCategory
    actor: str | None = None
    group: str | None = None  # children | women | men | elderly

    def to_json(self) -> dict:
        return {"category": str(self.category), "actor": self.actor, "group": self.group}


def _when(w: When | None) -> dict | None:
    return w.to_json() if w else None


def _place(p: Place | None) -> dict | None:
    return p.to_json() if p else None


@dataclass(slots=True, kw_only=True)
class CasualtyClaim:
    id: str
    outcome: Outcome
    count: Count
    victims: Victims
    evidence: Evidence
    perpetrator: str | None = None
    place: Place | None = None
    when: When | None = None
    cumulative: bool = False
    part_of: str | None = None
    sources: list[str] = field(default_factory=list)
    hedged: bool = False
    extractor: str = "casualties.rules.v1"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "outcome": str(self.outcome),
            "count": self.count.to_json(),
            "victims": self.victims.to_json(),
            "perpetrator": self.perpetrator,
            "place": _place(self.place),
            "when": _when(self.when),
            "cumulative": self.cumulative,
            "part_of": self.part_of,
            "sources": list(self.sources),
            "hedged": self.hedged,
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True, kw_only=True)
class ControlClaim:
    id: str
    kind: str  # change | status
    actor: str | None
    place: Place | None
    extent: str  # full | partial | share
    evidence: Evidence
    from_actor: str | None = None
    share: float | None = None
    when: When | None = None
    sources: list[str] = field(default_factory=list)
    hedged: bool = False
    extractor: str = "control.rules.v1"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "actor": self.actor,
            "from_actor": self.from_actor,
            "place": _place(self.place),
            "extent": self.extent,
            "share": self.share,
            "when": _when(self.when),
            "sources": list(self.sources),
            "hedged": self.hedged,
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True, kw_only=True)
class EventClaim:
    id: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    evidence: Evidence
    actor2: str | None = None
    place: Place | None = None
    when: When | None = None
    fatalities: int | None = None
    sources: list[str] = field(default_factory=list)
    hedged: bool = False
    extractor: str = "events.rules.v1"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "place": _place(self.place),
            "when": _when(self.when),
            "fatalities": self.fatalities,
            "sources": list(self.sources),
            "hedged": self.hedged,
            "evidence": self.evidence.to_json(),
        }


Claim = CasualtyClaim | ControlClaim | EventClaim


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor name as the extraction used it, and whether the actor list knows it."""

    name: str
    known: bool
    as_written: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"name": self.name, "known": self.known, "as_written": list(self.as_written)}
