"""Reads and writes of reconciled items: the one place their SQL lives.

    store = ReconciledStore(ledger)
    store.claim_rows(doc_ids=[...])          # claims with their document's facts and reviews
    store.replace(old_ids, rows, members)    # one transaction: touched items out, new ones in
    for row in store.iter_items(kind="event", since=date(2024, 1, 1)): ...   # streamed

Rows are plain dicts; ``warledger.reconcile.records`` turns them into items.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Select, and_, delete, insert, or_, select

from warledger.errors import NotFound
from warledger.store.ledger import Ledger
from warledger.store.reviews import reviews_for
from warledger.store.schema import claims, documents, reconciled, reconciled_members

_CHUNK = 500  # ids per IN (...) list: stay under bind-parameter limits


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


_CLAIM_COLUMNS = [
    *claims.columns,
    documents.c.published,
    documents.c.publisher,
    documents.c.copy_of,
    documents.c.ingested_at,
]


def _claims_select() -> Select:
    return select(*_CLAIM_COLUMNS).join(documents, documents.c.id == claims.c.doc_id)


@dataclass(frozen=True, slots=True)
class ItemFilter:
    kind: str | None = None
    kinds: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    country: str | None = None
    place: str | None = None
    outcome: str | None = None
    cumulative: bool | None = None

    def apply(self, stmt: Select) -> Select:
        c = reconciled.c
        if self.kind:
            stmt = stmt.where(c.kind == self.kind)
        if self.kinds:
            stmt = stmt.where(c.kind.in_(self.kinds))
        # An item is in a period when it starts on or after `since` and ends by `until`.
        if self.since:
            stmt = stmt.where(c.when_start >= self.since)
        if self.until:
            stmt = stmt.where(
                or_(c.when_end <= self.until, and_(c.when_end.is_(None), c.when_start <= self.until))
            )
        if self.country:
            stmt = stmt.where(c.country == self.country.upper())
        if self.place:
            stmt = stmt.where(c.place_name.ilike(self.place))
        if self.outcome:
            stmt = stmt.where(c.outcome == self.outcome)
        if self.cumulative is not None:
            stmt = stmt.where(c.cumulative.is_(self.cumulative))
        return stmt


class ReconciledStore:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger

    # -- claims, as reconciliation reads them --------------------------------

    def _with_reviews(self, conn: Connection, rows: list[dict]) -> list[dict]:
        found = reviews_for(conn, [r["id"] for r in rows])
        for r in rows:
            r["reviews"] = found.get(r["id"], [])
        return rows

    def claim_rows(self, *, doc_ids: Iterable[str] = (), claim_ids: Iterable[str] = ()) -> list[dict]:
        out: list[dict] = []
        with self.ledger._read() as conn:
            for col, ids in ((claims.c.doc_id, list(doc_ids)), (claims.c.id, list(claim_ids))):
                for chunk in _chunks(ids):
                    rows = [dict(r._mapping) for r in conn.execute(_claims_select().where(col.in_(chunk)))]
                    out.extend(self._with_reviews(conn, rows))
        seen: set[str] = set()
        return [r for r in out if not (r["id"] in seen or seen.add(r["id"]))]

    def iter_claim_rows(self, batch: int = 2000) -> Iterator[list[dict]]:
        """Every claim, in batches, with reviews: for a full rebuild."""
        with self.ledger._read() as conn:
            stmt = _claims_select().order_by(documents.c.published, claims.c.id)
            result = conn.execution_options(yield_per=batch).execute(stmt)
            for part in result.partitions():
                yield self._with_reviews(conn, [dict(r._mapping) for r in part])

    # -- items ----------------------------------------------------------------

    def items_of_claims(self, claim_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        with self.ledger._read() as conn:
            for chunk in _chunks(list(set(claim_ids))):
                stmt = select(reconciled_members.c.item_id).where(reconciled_members.c.claim_id.in_(chunk))
                out.update(conn.execute(stmt).scalars())
        return out

    def items_near(self, *, start: date | None, end: date | None, countries: set[str | None]) -> set[str]:
        """Items that may match claims of this period and these countries (or have no date/country)."""
        c = reconciled.c
        stmt = select(c.id)
        if start and end:
            stmt = stmt.where(
                or_(
                    c.when_start.is_(None),
                    and_(c.when_start <= end, or_(c.when_end >= start, c.when_start >= start)),
                )
            )
        named = {x for x in countries if x}
        if None not in countries:
            stmt = stmt.where(or_(c.country.is_(None), c.country.in_(named)))
        with self.ledger._read() as conn:
            return set(conn.execute(stmt).scalars())

    def member_claims(self, item_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        with self.ledger._read() as conn:
            for chunk in _chunks(list(set(item_ids))):
                stmt = select(reconciled_members.c.claim_id).where(reconciled_members.c.item_id.in_(chunk))
                out.update(conn.execute(stmt).scalars())
        return out

    def replace(self, old_ids: Iterable[str], rows: list[dict], members: list[dict]) -> None:
        """Drop the touched items and store their replacements, all in one transaction."""
        old = list(set(old_ids))
        with self.ledger._write() as conn:
            for chunk in _chunks(old):
                conn.execute(delete(reconciled_members).where(reconciled_members.c.item_id.in_(chunk)))
                conn.execute(delete(reconciled).where(reconciled.c.id.in_(chunk)))
            if rows:
                conn.execute(insert(reconciled), rows)
            if members:
                conn.execute(insert(reconciled_members), members)

    def clear(self) -> None:
        with self.ledger._write() as conn:
            conn.execute(delete(reconciled_members))
            conn.execute(delete(reconciled))

    def item(self, item_id: str) -> dict:
        with self.ledger._read() as conn:
            row = conn.execute(select(reconciled).where(reconciled.c.id == item_id)).first()
        if row is None:
            raise NotFound(f"no reconciled item {item_id}")
        return dict(row._mapping)

    def iter_items(self, where: ItemFilter | None = None, *, batch: int = 1000) -> Iterator[dict]:
        """Items in a stable order, streamed from the database `batch` rows at a time."""
        stmt = select(reconciled).order_by(reconciled.c.when_start, reconciled.c.id)
        if where is not None:
            stmt = where.apply(stmt)
        with self.ledger._read() as conn:
            result = conn.execution_options(yield_per=batch).execute(stmt)
            for row in result:
                yield dict(row._mapping)

    def unreconciled_documents(self) -> list[str]:
        with self.ledger._read() as conn:
            return list(conn.execute(_unreconciled_select()).scalars())

    def insert_rows(self, rows: list[dict]) -> None:
        """Bulk insert of item rows, for benchmarks and imports."""
        with self.ledger._write() as conn:
            conn.execute(insert(reconciled), rows)


def _unreconciled_select() -> Select:
    """Documents with claims none of which is in an item (rejected claims aside, new documents)."""
    in_items = select(reconciled_members.c.doc_id).distinct()
    return (
        select(claims.c.doc_id)
        .distinct()
        .join(documents, documents.c.id == claims.c.doc_id)
        .where(claims.c.doc_id.not_in(in_items))
        .order_by(claims.c.doc_id)
    )
