"""Extractions to table rows: the one place that maps claim fields onto columns."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from warledger.claims.model import Extraction
from warledger.store.schema import claims
from warledger.types import ActorMention, CasualtyClaim, Claim, ControlClaim, EventClaim, Place, When


class ClaimKind(StrEnum):
    CASUALTY = "casualty"
    CONTROL = "control"
    EVENT = "event"


# Every row carries every column: a multi-row INSERT needs the same keys in each.
_EMPTY_CLAIM = {c.name: None for c in claims.columns}


def claim_kind(claim: Claim) -> ClaimKind:
    if isinstance(claim, CasualtyClaim):
        return ClaimKind.CASUALTY
    if isinstance(claim, ControlClaim):
        return ClaimKind.CONTROL
    return ClaimKind.EVENT


def claim_id(doc_id: str, local_id: str) -> str:
    return f"{doc_id}:{local_id}"


def document_row(extraction: Extraction, *, run_id: str, minhash: bytes | None, at: datetime) -> dict:
    d = extraction.document
    return {
        "id": d.id,
        "source": d.source,
        "url": d.url,
        "title": d.title,
        "publisher": d.publisher,
        "published": d.published,
        "author": d.author,
        "language": d.language,
        "text": d.text,
        "copy_of": d.copy_of,
        "minhash": minhash,
        "meta": d.meta or None,
        "ingested_at": at,
        "run_id": run_id,
    }


def _place(place: Place | None) -> dict:
    if place is None:
        return {}
    return {
        "place_name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
    }


def _when(when: When | None) -> dict:
    if when is None:
        return {}
    return {"when_start": when.start, "when_end": when.end, "when_precision": str(when.precision)}


def _typed(claim: Claim) -> dict:
    if isinstance(claim, CasualtyClaim):
        return {
            "outcome": str(claim.outcome),
            "count_low": claim.count.low,
            "count_high": claim.count.high,
            "qualifier": str(claim.count.qualifier),
            "victim_category": str(claim.victims.category),
            "cumulative": claim.cumulative,
            "actor": claim.perpetrator,
            "other_actor": claim.victims.actor,
        }
    if isinstance(claim, ControlClaim):
        return {
            "control_kind": claim.kind,
            "extent": claim.extent,
            "actor": claim.actor,
            "other_actor": claim.from_actor,
        }
    assert isinstance(claim, EventClaim)
    return {
        "event_type": claim.event_type,
        "sub_event_type": claim.sub_event_type,
        "fatalities": claim.fatalities,
        "actor": claim.actor1,
        "other_actor": claim.actor2,
    }


def claim_row(doc_id: str, claim: Claim) -> dict:
    return _EMPTY_CLAIM | {
        "id": claim_id(doc_id, claim.id),
        "doc_id": doc_id,
        "local_id": claim.id,
        "kind": str(claim_kind(claim)),
        "extractor": claim.extractor,
        **_typed(claim),
        **_place(claim.place),
        **_when(claim.when),
        "hedged": claim.hedged,
        "data": claim.to_json(),
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "evidence_sentence": claim.evidence.sentence,
    }


def actor_rows(doc_id: str, actors: list[ActorMention]) -> list[dict]:
    # One row per name: an extraction that lists a name twice merges its spellings.
    merged: dict[str, dict] = {}
    for a in actors:
        row = merged.setdefault(
            a.name, {"doc_id": doc_id, "name": a.name, "known": a.known, "as_written": []}
        )
        row["known"] = row["known"] or a.known
        row["as_written"] += [w for w in a.as_written if w not in row["as_written"]]
    return list(merged.values())
