"""Reconciling the ledger: incrementally per document or claim, or rebuilt whole.

    reconcile_document(ledger, doc_id)      # after ingesting one document
    reconcile_claims(ledger, [claim_id])    # after a review
    reconcile_all(ledger)                   # `warledger reconcile --rebuild`

Incremental runs touch only the neighbourhood of the new claims: the items of the
same countries (or none) whose time window meets theirs, widened by
``NEIGHBOURHOOD_DAYS``. Those items are dissolved, their claims and the new ones
clustered again (``cluster.cluster``), and the results written in one transaction.
Items elsewhere in the ledger are not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from warledger.actors.index import ActorIndex
from warledger.reconcile.actors import ActorLinks
from warledger.reconcile.cluster import build_item, cluster, link_events
from warledger.reconcile.match import window
from warledger.reconcile.model import ClaimView, ReconciledItem
from warledger.reconcile.records import claim_view, item_row, member_rows
from warledger.store.ledger import Ledger
from warledger.store.reconciled import ReconciledStore

NEIGHBOURHOOD_DAYS = 7  # wider than any time slack, so every possible match is re-read


@dataclass(slots=True)
class ReconcileResult:
    claims: int = 0
    removed: int = 0
    items: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"claims": self.claims, "removed": self.removed, "items": len(self.items)}


def _links(actors: ActorIndex | ActorLinks | None) -> ActorLinks:
    if isinstance(actors, ActorLinks):
        return actors
    return ActorLinks(actors if actors is not None else ActorIndex.load())


def build_items(views: list[ClaimView], links: ActorLinks) -> list[ReconciledItem]:
    now = datetime.now(UTC)
    groups: dict[str, list[ClaimView]] = {}
    items: dict[str, ReconciledItem] = {}
    for members in cluster(views, links):
        item = build_item(members, links, now)
        groups[item.id], items[item.id] = members, item
    link_events(groups, items)
    return list(items.values())


def _write(
    store: ReconciledStore, old: set[str], views: list[ClaimView], links: ActorLinks
) -> ReconcileResult:
    items = build_items(views, links)
    doc_of = {v.id: v.doc_id for v in views}
    store.replace(old, [item_row(i) for i in items], [m for i in items for m in member_rows(i, doc_of)])
    return ReconcileResult(claims=len(views), removed=len(old), items=[i.id for i in items])


def reconcile_claims(
    ledger: Ledger, claim_ids: Iterable[str], *, actors: ActorIndex | ActorLinks | None = None
) -> ReconcileResult:
    """Re-cluster the neighbourhood of these claims (new, or changed by a review)."""
    store = ReconciledStore(ledger)
    seeds = [claim_view(r) for r in store.claim_rows(claim_ids=claim_ids)]
    return _reconcile_around(store, seeds, _links(actors))


def reconcile_document(
    ledger: Ledger, doc_id: str, *, actors: ActorIndex | ActorLinks | None = None
) -> ReconcileResult:
    """Bring the reconciled items up to date with one newly stored document."""
    store = ReconciledStore(ledger)
    seeds = [claim_view(r) for r in store.claim_rows(doc_ids=[doc_id])]
    return _reconcile_around(store, seeds, _links(actors))


def _reconcile_around(store: ReconciledStore, seeds: list[ClaimView], links: ActorLinks) -> ReconcileResult:
    if not seeds:
        return ReconcileResult()
    windows = [w for w in (window(s) for s in seeds) if w]
    pad = timedelta(days=NEIGHBOURHOOD_DAYS)
    start = min(w[0] for w in windows) - pad if windows else None
    end = max(w[1] for w in windows) + pad if windows else None
    countries = {s.place.country if s.place else None for s in seeds}
    old = store.items_near(start=start, end=end, countries=countries)
    old |= store.items_of_claims(s.id for s in seeds)  # a reviewed claim may have moved
    ids = store.member_claims(old) | {s.id for s in seeds}
    views = [claim_view(r) for r in store.claim_rows(claim_ids=ids)]
    return _write(store, old, views, links)


def reconcile_all(ledger: Ledger, *, actors: ActorIndex | ActorLinks | None = None) -> ReconcileResult:
    """Rebuild every reconciled item from the claims (and their reviews)."""
    store = ReconciledStore(ledger)
    views = [claim_view(r) for batch in store.iter_claim_rows() for r in batch]
    links = _links(actors)
    items = build_items(views, links)
    doc_of = {v.id: v.doc_id for v in views}
    store.clear()
    store.replace((), [item_row(i) for i in items], [m for i in items for m in member_rows(i, doc_of)])
    return ReconcileResult(claims=len(views), items=[i.id for i in items])
