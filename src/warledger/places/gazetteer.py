"""Gazetteer (placeholder until the knowledge layer lands).

Interface used by the extractors:
    gaz = Gazetteer.open(settings)                 # builds the on-disk index on first use
    gaz.resolve("Deir Ezzor", countries=["SY"]) -> Place | None   (None: not a place we know)
    gaz.candidates(name, countries=...) -> list[Place]
"""

from __future__ import annotations

from warledger.types import Place


class Gazetteer:
    @classmethod
    def open(cls, settings=None) -> Gazetteer:
        return cls()

    def resolve(self, name: str, *, countries: list[str] | tuple[str, ...] = ()) -> Place | None:
        return None

    def candidates(self, name: str, *, countries: list[str] | tuple[str, ...] = ()) -> list[Place]:
        return []
