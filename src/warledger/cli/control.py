"""`warledger control PLACE`: the control history of a place, from the ledger.

A thin skin over `warledger.claims.control.control_history`: the ledger gives the stored
control claims, the library orders the ones about the place.
"""

from __future__ import annotations

import typer

from warledger.cli.common import DbOpt, FormatOpt, OutputFormat, emit_rows, err_console, settings_from

COLUMNS = ["when", "kind", "actor", "from_actor", "extent", "share", "sources", "claim_id", "sentence"]


def register(app: typer.Typer) -> None:
    @app.command("control")
    def control(
        ctx: typer.Context,
        place: str = typer.Argument(
            ..., help="Place name as written in reports (admin words like 'town' are ignored)."
        ),
        geonameid: int = typer.Option(
            None, "--geonameid", help="Match by GeoNames id where claims carry one."
        ),
        db: str = DbOpt,
        fmt: OutputFormat = FormatOpt,
    ):
        """Who took, lost or held PLACE, in date order, with the sentence that said it."""
        from warledger.claims.control import control_claim_from_json, control_history
        from warledger.store.ledger import Ledger

        settings = settings_from(ctx, db=db)
        with Ledger.open(settings) as ledger:
            rows = ledger.claims(kind="control")
        claims = [control_claim_from_json(r["data"], r["id"]) for r in rows]
        steps = control_history(claims, place, geonameid=geonameid)
        if not steps:
            err_console.print(f"no control claims about {place!r} in {settings.db}")
        out = []
        for s in steps:
            row = s.to_json()
            if fmt == OutputFormat.table:
                row["sources"] = ", ".join(row["sources"])
                row["sentence"] = row["sentence"][:80]
            out.append(row)
        emit_rows(out, fmt, columns=COLUMNS, title=f"Control of {place}")
