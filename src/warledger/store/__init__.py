"""The ledger database: schema, migrations and the Ledger that reads and writes it."""

from warledger.store.ledger import Ledger
from warledger.store.queries import StoredSignature
from warledger.store.rows import ClaimKind

__all__ = ["ClaimKind", "Ledger", "StoredSignature"]
