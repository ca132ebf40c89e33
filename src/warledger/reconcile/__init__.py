"""Reconciliation: claims from many documents into items counted once.

    reconcile_document(ledger, doc_id)   # incremental, after ingest
    reconcile_all(ledger)                # rebuild
    tally(ledger, by="actor")            # sums that never double count

Matching rules: ``match``; independent sources and low/best/high: ``figures``;
clustering: ``cluster``; analysts' reviews: ``review``; tallies: ``tally``.
See docs/reconcile.md.
"""

from warledger.reconcile.model import ClaimView, Figures, ReconciledItem, SourceFigure
from warledger.reconcile.run import ReconcileResult, reconcile_all, reconcile_claims, reconcile_document

__all__ = [
    "ClaimView",
    "Figures",
    "ReconcileResult",
    "ReconciledItem",
    "SourceFigure",
    "reconcile_all",
    "reconcile_claims",
    "reconcile_document",
]
