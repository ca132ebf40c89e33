"""Entry point: `warledger COMMAND ...`. Each command group lives in its own module."""

from __future__ import annotations

import logging
import sys

import typer

from warledger.cli.common import EXIT_USAGE, err_console
from warledger.config import load_settings
from warledger.errors import WarledgerError

app = typer.Typer(
    name="warledger",
    help="Keep a ledger of conflict claims (casualties, territorial control, events) from news reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    config: str = typer.Option(None, "--config", help="Path to a warledger.toml settings file."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logging."),
):
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    ctx.obj = {"settings": load_settings(config), "debug": debug}


def _register() -> None:
    # Each module adds its commands to `app`; the order is the order of `--help`.
    from warledger.cli import (
        actors,
        control,
        db,
        docs,
        evaluate,
        export,
        extract,
        ingest,
        places,
        review,
        tally,
    )

    for mod in (ingest, extract, docs, db, actors, places, control, evaluate, tally, review, export):
        mod.register(app)


_register()


def main() -> None:
    try:
        app()
    except WarledgerError as exc:
        err_console.print(f"[red]error[/red] {exc}")
        sys.exit(EXIT_USAGE if exc.status == 400 else 1)


if __name__ == "__main__":
    main()
