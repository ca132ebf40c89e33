"""`warledger export`: reconciled items to ACLED, UCDP, GeoJSON, Parquet, JSON lines or CSV."""

from __future__ import annotations

from enum import StrEnum

import typer

from warledger.cli.common import DbOpt, err_console, settings_from
from warledger.cli.tally import CountryOpt, SinceOpt, UntilOpt, date_option


class ExportFormat(StrEnum):  # mirrors warledger.exports.EXPORTERS; a test keeps them equal
    acled = "acled"
    ucdp = "ucdp"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"


class Kind(StrEnum):
    casualty = "casualty"
    control = "control"
    event = "event"


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_command(
        ctx: typer.Context,
        fmt: ExportFormat = typer.Option(..., "--format", "-f", help="Output format."),
        output: str = typer.Option(..., "--output", "-o", help="File to write ('-' for standard output)."),
        since: str = SinceOpt,
        until: str = UntilOpt,
        country: str = CountryOpt,
        kind: Kind = typer.Option(None, "--kind", help="Only items of this kind (default: the format's)."),
        db: str = DbOpt,
    ):
        """Write reconciled items (with reviewed values) to a file, streamed from the ledger."""
        import sys

        from warledger.exports import export, get
        from warledger.store import Ledger

        options = dict(
            since=date_option(since), until=date_option(until), country=country, kind=kind and str(kind)
        )
        with Ledger.open(settings_from(ctx, db=db)) as ledger:
            if output == "-":
                if get(str(fmt)).binary:
                    raise typer.BadParameter(f"{fmt} is binary: give a file with -o")
                n = export(ledger, str(fmt), sys.stdout, **options)
            else:
                n = export(ledger, str(fmt), output, **options)
        err_console.print(f"{n} row(s) written{'' if output == '-' else ' to ' + output}", highlight=False)
