"""The Ledger: every read and write of the database goes through here.

    ledger = Ledger.open(settings, write=True)   # upgrades an SQLite file if it is behind
    ledger.add_extraction(extraction, run_id=run, minhash=sig)  -> True | False (duplicate)
    ledger.documents(limit=20); ledger.claims(kind="casualty")

SQLAlchemy errors are translated to StoreError here, and nowhere else.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from warledger.claims.model import Extraction
from warledger.config import Settings
from warledger.errors import ErrorRecord, NotFound, SchemaOutOfDate, StoreError
from warledger.store import migrate, queries, schema
from warledger.store.engine import create_ledger_engine, display_url, is_sqlite, sqlite_path
from warledger.store.rows import actor_rows, claim_row, document_row

_UPGRADE_HINT = "run `warledger db upgrade`"


def _now() -> datetime:
    return datetime.now(UTC)


class Ledger:
    def __init__(self, url: str, *, engine: Engine | None = None):
        self.url = url
        self._engine = engine

    @classmethod
    def open(cls, target: Settings | str, *, write: bool = False) -> Ledger:
        """Open the ledger at a Settings' db, a path or a URL, and check its schema.

        For writing, an SQLite file that is missing or behind is created or upgraded;
        any other database that is behind raises SchemaOutOfDate.
        """
        ledger = cls(target.db_url if isinstance(target, Settings) else Settings(db=target).db_url)
        if not write and not ledger.exists():
            raise StoreError(
                f"no ledger at {ledger.display_url}; `warledger ingest` or `warledger db upgrade` creates one"
            )
        try:
            ledger.ensure_schema(write=write)
        except BaseException:
            ledger.close()
            raise
        return ledger

    # -- plumbing -------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            if (path := sqlite_path(self.url)) is not None:
                Path(path).parent.mkdir(
                    parents=True, exist_ok=True
                )  # SQLite creates the file, not its folder
            try:
                self._engine = create_ledger_engine(self.url)
            except ModuleNotFoundError as exc:
                raise StoreError(
                    f"no database driver {exc.name!r} for {self.display_url}: pip install 'warledger[postgres]'"
                ) from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"cannot use database URL: {exc}", source=self.display_url) from exc
        return self._engine

    def exists(self) -> bool:
        """False only for an SQLite file not yet created; other databases are assumed to exist."""
        path = sqlite_path(self.url)
        return path is None or Path(path).exists()

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _translate(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StoreError(f"database error: {detail}", source=display_url(self.url)) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._translate(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction; on SQLite it takes the write lock up front (BEGIN IMMEDIATE)."""
        with self._translate(), self.engine.connect() as conn:
            conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                yield conn

    def _insert_ignoring(self, table):
        """INSERT ... ON CONFLICT DO NOTHING: a row someone else stored is not an error."""
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(table).on_conflict_do_nothing()

    # -- schema ---------------------------------------------------------------

    @staticmethod
    def head_revision() -> str | None:
        return migrate.head_revision()

    def revision(self) -> str | None:
        with self._read() as conn:
            return migrate.current_revision(conn)

    def ensure_schema(self, *, write: bool) -> None:
        current, head = self.revision(), self.head_revision()
        if current == head:
            return
        if write and self.is_sqlite:
            self.upgrade()
            return
        state = (
            "has no warledger tables"
            if current is None
            else f"is at schema {current}, this warledger needs {head}"
        )
        raise SchemaOutOfDate(f"the database {state}; {_UPGRADE_HINT}", source=self.display_url)

    def upgrade(self) -> tuple[str | None, str | None]:
        """Migrate to the newest schema; returns the revisions before and after."""
        try:
            with self._write() as conn:
                before = migrate.current_revision(conn)
                if before != migrate.head_revision():
                    migrate.upgrade(conn)
                return before, migrate.current_revision(conn)
        except CommandError as exc:
            raise StoreError(f"cannot upgrade: {exc} (is this warledger older than the database?)") from exc

    # -- runs -----------------------------------------------------------------

    def start_run(self, *, settings_digest: str, extractors: Iterable[str] = ()) -> str:
        run_id = uuid.uuid4().hex
        with self._write() as conn:
            conn.execute(
                insert(schema.runs).values(
                    id=run_id,
                    started=_now(),
                    settings_digest=settings_digest,
                    extractors=sorted(extractors),
                    status="running",
                )
            )
        return run_id

    def finish_run(
        self,
        run_id: str,
        *,
        status: str,
        ingested: int,
        duplicates: int,
        failed: int,
        claims: int,
        extractors: Iterable[str] | None = None,
    ) -> None:
        values = dict(
            finished=_now(),
            status=status,
            ingested=ingested,
            duplicates=duplicates,
            failed=failed,
            claims=claims,
        )
        if extractors is not None:
            values["extractors"] = sorted(extractors)
        with self._write() as conn:
            conn.execute(update(schema.runs).where(schema.runs.c.id == run_id).values(**values))

    def record_error(self, run_id: str, record: ErrorRecord) -> None:
        with self._write() as conn:
            conn.execute(
                insert(schema.ingest_errors).values(
                    run_id=run_id,
                    stage=record.stage,
                    code=record.code,
                    message=record.message,
                    source=record.source,
                    doc_id=record.doc_id,
                    at=record.at,
                )
            )

    # -- documents ------------------------------------------------------------

    def add_extraction(
        self, extraction: Extraction, *, run_id: str | None = None, minhash: bytes | None = None
    ) -> bool:
        """Store a document with its claims and actors, all or nothing.

        Returns False, writing nothing, when a document with that id is already stored
        (by an earlier run or by a concurrent process a moment ago).
        """
        doc_id = extraction.document.id
        row = document_row(extraction, run_id=run_id, minhash=minhash or None, at=_now())
        with self._write() as conn:
            # RETURNING, not rowcount: psycopg reports -1 for a skipped ON CONFLICT row.
            stmt = self._insert_ignoring(schema.documents).values(row).returning(schema.documents.c.id)
            if conn.execute(stmt).first() is None:
                return False
            claim_rows = [claim_row(doc_id, c) for c in extraction.claims()]
            if claim_rows:
                conn.execute(insert(schema.claims), claim_rows)
            actors = actor_rows(doc_id, extraction.actors)
            if actors:
                conn.execute(insert(schema.actors_seen), actors)
        return True

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        found: set[str] = set()
        with self._read() as conn:
            for i in range(0, len(ids), 500):  # stay under bind-parameter limits
                chunk = ids[i : i + 500]
                found.update(
                    conn.execute(
                        select(schema.documents.c.id).where(schema.documents.c.id.in_(chunk))
                    ).scalars()
                )
        return found

    def signatures(self) -> list[queries.StoredSignature]:
        with self._read() as conn:
            return list(queries.iter_signatures(conn))

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        out: dict[str, str] = {}
        with self._read() as conn:
            for i in range(0, len(ids), 500):
                out.update(queries.iter_texts(conn, ids[i : i + 500]))
        return out

    # -- reads ----------------------------------------------------------------

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict]:
        with self._read() as conn:
            return queries.list_documents(conn, limit=limit, offset=offset)

    def document(self, doc_id: str) -> dict:
        with self._read() as conn:
            doc = queries.get_document(conn, doc_id)
        if doc is None:
            raise NotFound(f"no document {doc_id}", doc_id=doc_id)
        return doc

    def claims(
        self, *, kind: str | None = None, doc_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict]:
        with self._read() as conn:
            return queries.list_claims(conn, kind=kind, doc_id=doc_id, limit=limit, offset=offset)

    def actors(self, *, doc_id: str | None = None) -> list[dict]:
        with self._read() as conn:
            return queries.list_actors(conn, doc_id=doc_id)

    def runs(self, *, limit: int | None = None) -> list[dict]:
        with self._read() as conn:
            return queries.list_runs(conn, limit=limit)

    def errors(self, *, run_id: str | None = None) -> list[dict]:
        with self._read() as conn:
            return queries.list_errors(conn, run_id=run_id)

    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            return queries.row_counts(conn)
