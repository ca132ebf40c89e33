"""The ledger database: schema, migrations and the Ledger that reads and writes it."""

from warledger.store.ledger import Ledger
from warledger.store.queries import StoredSignature
from warledger.store.reconciled import ItemFilter, ReconciledStore
from warledger.store.rows import ClaimKind

__all__ = ["ClaimKind", "ItemFilter", "Ledger", "ReconciledStore", "StoredSignature"]
