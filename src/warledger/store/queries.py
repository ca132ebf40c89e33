"""Read-side queries: the same answers for the CLI, the API and the exports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Select, func, select

from warledger.store.schema import TABLES, actors_seen, claims, documents, ingest_errors, runs

# Listing columns: everything but the text and the signature, which can be large.
_DOC_LISTING = [c for c in documents.columns if c.name not in ("text", "minhash")]


@dataclass(frozen=True, slots=True)
class StoredSignature:
    id: str
    copy_of: str | None
    signature: bytes | None  # as documents.syndication.minhash_signature made it


def _limit(stmt: Select, limit: int | None, offset: int = 0) -> Select:
    if limit is not None:
        stmt = stmt.limit(limit)
    return stmt.offset(offset) if offset else stmt


def list_documents(conn: Connection, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    n_claims = select(func.count()).where(claims.c.doc_id == documents.c.id).scalar_subquery().label("claims")
    stmt = select(*_DOC_LISTING, n_claims).order_by(documents.c.ingested_at, documents.c.id)
    return [dict(r._mapping) for r in conn.execute(_limit(stmt, limit, offset))]


def get_document(conn: Connection, doc_id: str) -> dict | None:
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    out.pop("minhash")
    return out


def list_claims(
    conn: Connection,
    *,
    kind: str | None = None,
    doc_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict]:
    stmt = select(claims).order_by(claims.c.doc_id, claims.c.evidence_start, claims.c.id)
    if kind:
        stmt = stmt.where(claims.c.kind == kind)
    if doc_id:
        stmt = stmt.where(claims.c.doc_id == doc_id)
    return [dict(r._mapping) for r in conn.execute(_limit(stmt, limit, offset))]


def list_actors(conn: Connection, *, doc_id: str | None = None) -> list[dict]:
    stmt = select(actors_seen).order_by(actors_seen.c.doc_id, actors_seen.c.name)
    if doc_id:
        stmt = stmt.where(actors_seen.c.doc_id == doc_id)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def list_runs(conn: Connection, *, limit: int | None = None) -> list[dict]:
    stmt = select(runs).order_by(runs.c.started.desc())
    return [dict(r._mapping) for r in conn.execute(_limit(stmt, limit))]


def list_errors(conn: Connection, *, run_id: str | None = None) -> list[dict]:
    stmt = select(ingest_errors).order_by(ingest_errors.c.id)
    if run_id:
        stmt = stmt.where(ingest_errors.c.run_id == run_id)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def row_counts(conn: Connection) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}


def iter_signatures(conn: Connection, batch: int = 1000) -> Iterator[StoredSignature]:
    stmt = select(documents.c.id, documents.c.copy_of, documents.c.minhash).order_by(documents.c.ingested_at)
    for row in conn.execution_options(yield_per=batch).execute(stmt):
        yield StoredSignature(row.id, row.copy_of, bytes(row.minhash) if row.minhash else None)


def iter_texts(conn: Connection, ids: list[str]) -> Iterator[tuple[str, str]]:
    for row in conn.execute(select(documents.c.id, documents.c.text).where(documents.c.id.in_(ids))):
        yield row.id, row.text
