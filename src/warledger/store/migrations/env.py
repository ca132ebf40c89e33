"""Alembic environment for the ledger, driven by ``warledger db upgrade`` or the alembic CLI.

The connection comes from ``config.attributes["connection"]`` when warledger runs
the migrations itself; otherwise from ``sqlalchemy.url`` or ``$WARLEDGER_DB``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from warledger.store.schema import metadata


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite can alter tables only by copying them: batch mode does that for us.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    from warledger.config import load_settings
    from warledger.store.engine import create_ledger_engine

    url = config.get_main_option("sqlalchemy.url") or load_settings().db_url
    engine = create_ledger_engine(url)
    with engine.connect() as conn:
        _migrate(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("warledger migrations run online only: use `warledger db upgrade`")
_run()
