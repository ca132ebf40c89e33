"""The extraction of one document: what `warledger extract --format json` prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from warledger.documents.model import Document
from warledger.types import ActorMention, CasualtyClaim, ControlClaim, EventClaim

SCHEMA = "warledger.extraction/1"


@dataclass(slots=True)
class Extraction:
    document: Document
    casualties: list[CasualtyClaim] = field(default_factory=list)
    control: list[ControlClaim] = field(default_factory=list)
    events: list[EventClaim] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)

    def claims(self):
        yield from self.casualties
        yield from self.control
        yield from self.events

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "document": self.document.header_json(),
            "casualties": [c.to_json() for c in self.casualties],
            "control": [c.to_json() for c in self.control],
            "events": [e.to_json() for e in self.events],
            "actors": [a.to_json() for a in self.actors],
        }
