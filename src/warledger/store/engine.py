"""Engines for the ledger: URL normalisation and the per-dialect connection rules."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

# The psycopg 3 driver is the one the [postgres] extra installs.
_PG_DRIVERS = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}

SQLITE_BUSY_TIMEOUT = 60.0  # seconds a writer waits for another one before giving up


def engine_url(url: str) -> str:
    """``postgresql://`` (or ``postgres://``) to the psycopg 3 driver; anything else as given."""
    scheme, sep, rest = url.partition("://")
    return f"{_PG_DRIVERS[scheme]}{sep}{rest}" if scheme in _PG_DRIVERS else url


def display_url(url: str) -> str:
    """The URL with its password hidden, fit for printing."""
    return make_url(url).render_as_string(hide_password=True)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> str | None:
    """The file behind an SQLite URL, or None for an in-memory database."""
    u = make_url(url)
    return (
        u.database if u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:") else None
    )


def create_ledger_engine(url: str) -> Engine:
    url = engine_url(url)
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    kwargs: dict = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT}}
    if sqlite_path(url) is None:
        # One shared connection, or every checkout would see a new empty database.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    engine = create_engine(url, **kwargs)
    _sqlite_transactions(engine)
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not pysqlite, open transactions, so that writers can ask for
    ``BEGIN IMMEDIATE`` (execution option ``sqlite_immediate``): two processes that
    both read then write would otherwise deadlock on the lock upgrade."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # pysqlite: no implicit BEGIN
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
