"""Review rows: analysts' corrections kept beside the claims they correct.

    add_review(ledger, claim_id, action="set", field="count", value=12, why="...", by="ana")
    history(ledger, claim_id) -> [{version, action, field, value, why, by, at}, ...]

Versions count up per claim; the claim row itself is never written to.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select

from warledger.errors import NotFound
from warledger.store.ledger import Ledger
from warledger.store.schema import claims, reviews

ACTIONS = ("set", "reject", "restore")


def add_review(
    ledger: Ledger,
    claim_id: str,
    *,
    action: str,
    why: str,
    field: str | None = None,
    value: object = None,
    by: str | None = None,
) -> dict:
    """Store the next version of a claim's review and return it."""
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {ACTIONS}")
    with ledger._write() as conn:
        if conn.execute(select(claims.c.id).where(claims.c.id == claim_id)).first() is None:
            raise NotFound(f"no claim {claim_id}")
        last = conn.execute(
            select(func.max(reviews.c.version)).where(reviews.c.claim_id == claim_id)
        ).scalar_one()
        row = {
            "claim_id": claim_id,
            "version": (last or 0) + 1,
            "action": action,
            "field": field,
            "value": value,
            "why": why,
            "by": by,
            "at": datetime.now(UTC),
        }
        conn.execute(insert(reviews).values(row))
    return row


def history(ledger: Ledger, claim_id: str) -> list[dict]:
    with ledger._read() as conn:
        return reviews_for(conn, [claim_id]).get(claim_id, [])


def reviews_for(conn: Connection, claim_ids: Iterable[str]) -> dict[str, list[dict]]:
    """Reviews of these claims, oldest version first, by claim id."""
    ids = list(set(claim_ids))
    out: dict[str, list[dict]] = {}
    for i in range(0, len(ids), 500):  # stay under bind-parameter limits
        stmt = (
            select(reviews)
            .where(reviews.c.claim_id.in_(ids[i : i + 500]))
            .order_by(reviews.c.claim_id, reviews.c.version)
        )
        for r in conn.execute(stmt):
            out.setdefault(r.claim_id, []).append(dict(r._mapping))
    return out


def reviewed_claim_ids(conn: Connection) -> set[str]:
    return set(conn.execute(select(reviews.c.claim_id).distinct()).scalars())
