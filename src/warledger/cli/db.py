"""`warledger db upgrade|info`: the ledger's schema and what it holds."""

from __future__ import annotations

import typer

from warledger.cli.common import DbOpt, err_console, out_console, settings_from
from warledger.store import Ledger

db_app = typer.Typer(help="The ledger database: schema migrations and state.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context, db: str = DbOpt):
    """Create the ledger's tables, or migrate them to this version of warledger."""
    with Ledger(settings_from(ctx, db=db).db_url) as ledger:
        before, after = ledger.upgrade()
        where = ledger.display_url
    if before == after:
        err_console.print(f"{where}: already at schema {after}", highlight=False)
    else:
        err_console.print(f"{where}: upgraded schema {before or '(empty)'} -> {after}", highlight=False)


@db_app.command("info")
def info(ctx: typer.Context, db: str = DbOpt):
    """Print the database URL (password hidden), its schema revision and row counts."""
    with Ledger(settings_from(ctx, db=db).db_url) as ledger:
        out_console.print(f"url       {ledger.display_url}", highlight=False)
        if not ledger.exists():
            out_console.print("schema    none: no ledger file yet (`warledger db upgrade` creates it)")
            return
        current, head = ledger.revision(), ledger.head_revision()
        state = "up to date" if current == head else f"behind {head}: run `warledger db upgrade`"
        out_console.print(f"schema    {current or '(none)'} ({state})", highlight=False)
        if current is None:
            return
        for table, n in ledger.counts().items():
            out_console.print(f"{table:<14}{n}", highlight=False)
        runs = ledger.runs(limit=1)
        if runs:
            last = runs[0]
            out_console.print(
                f"last run  {last['id']} {last['status']} {last['started']:%Y-%m-%d %H:%M}", highlight=False
            )


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
