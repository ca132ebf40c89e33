"""Actors: canonical names, aliases, kinds and affiliations, resolved in document context."""

from warledger.actors.index import ActorIndex, ResolvedActor

__all__ = ["ActorIndex", "ResolvedActor"]
