"""Alias index over data/actors.yaml (placeholder until the knowledge layer lands).

Interface used by the extractors:
    index = ActorIndex.load(settings)
    index.resolve("regime forces", country="SY") -> ResolvedActor(name, known) | None
    index.find(text) -> list[(start, end, ResolvedActor)]   # every alias occurrence in text
    index.records() -> list[dict]                          # for `warledger actors --format json`
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    name: str  # canonical name, or the text as written when unknown
    known: bool
    kind: str | None = None
    country: str | None = None


class ActorIndex:
    def __init__(self, records: list[dict] | None = None):
        self._records = records or []

    @classmethod
    def load(cls, settings=None) -> ActorIndex:
        return cls([])

    def resolve(self, text: str, *, country: str | None = None) -> ResolvedActor | None:
        text = (text or "").strip()
        return ResolvedActor(text, False) if text else None

    def find(self, text: str) -> list[tuple[int, int, ResolvedActor]]:
        return []

    def records(self) -> list[dict]:
        return list(self._records)
