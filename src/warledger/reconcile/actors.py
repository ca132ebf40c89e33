"""Actor names as reconciliation compares them: canonical names and their close affiliates.

A name is read as the set of listed actors it mentions ("YPG-led SDF" mentions the
YPG and the SDF; an unknown name stands for itself). Two names are the same side
when one mentions an actor that the other mentions or is one hop from through a
``leads`` or ``part of`` affiliation. Siblings (two councils both part of the SDF)
stay apart, and ``backed by``/``allied with`` never join two names.
"""

from __future__ import annotations

from functools import lru_cache

from warledger.actors.index import ActorIndex

LINKS = ("leads", "part of")


class ActorLinks:
    def __init__(self, index: ActorIndex | None):
        self.index = index
        self._core = lru_cache(maxsize=4096)(self._core_uncached)
        self._near = lru_cache(maxsize=4096)(self._near_uncached)

    def _core_uncached(self, name: str) -> frozenset[str]:
        if self.index is None:
            return frozenset({name})
        resolved = self.index.resolve(name)
        if resolved is not None and resolved.known:
            return frozenset({resolved.name})
        found = {a.name for _, _, a in self.index.find(name) if a.known}
        return frozenset(found or {name})

    def _near_uncached(self, name: str) -> frozenset[str]:
        near = set(self._core(name))
        if self.index is not None:
            for n in list(near):
                for rel, others in self.index.affiliations(n).items():
                    if rel in LINKS:
                        near.update(others)
        return frozenset(near)

    def same(self, a: str, b: str) -> bool:
        ca, cb = _fold(self._core(a)), _fold(self._core(b))
        return bool(ca & cb) or bool(ca & _fold(self._near(b))) or bool(cb & _fold(self._near(a)))

    def canonical(self, name: str | None) -> str | None:
        """The listed actor a name stands for, else the name as written."""
        if not name or self.index is None:
            return name
        resolved = self.index.resolve(name)
        return resolved.name if resolved is not None else name

    def known(self, name: str | None) -> bool:
        if not name or self.index is None:
            return False
        resolved = self.index.resolve(name)
        return resolved is not None and resolved.known

    def kind(self, name: str | None) -> str | None:
        if not name or self.index is None:
            return None
        return self.index.kind_of(name)


def _fold(names: frozenset[str]) -> set[str]:
    return {n.casefold() for n in names}
