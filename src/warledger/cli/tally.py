"""`warledger reconcile` and `warledger tally`: reconciled items and sums that count each death once."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum

import typer

from warledger.cli.common import DbOpt, OutputFormat, emit_rows, err_console, out_console, settings_from


class By(StrEnum):
    actor = "actor"
    victim_category = "victim-category"
    place = "place"
    country = "country"
    month = "month"


class TallyFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def date_option(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


SinceOpt = typer.Option(None, "--since", help="Only items starting on or after YYYY-MM-DD.")
UntilOpt = typer.Option(None, "--until", help="Only items ending on or before YYYY-MM-DD.")
CountryOpt = typer.Option(None, "--country", help="Only items in this country (ISO 3166-1 alpha-2).")


def register(app: typer.Typer) -> None:
    @app.command("reconcile")
    def reconcile_command(
        ctx: typer.Context,
        rebuild: bool = typer.Option(
            False,
            "--rebuild",
            help="Rebuild every item from scratch (default: only documents not yet reconciled).",
        ),
        db: str = DbOpt,
    ):
        """Cluster claims from different reports into reconciled items with low/best/high figures."""
        from warledger.actors.index import ActorIndex
        from warledger.reconcile import reconcile_all, reconcile_document
        from warledger.reconcile.actors import ActorLinks
        from warledger.store import Ledger
        from warledger.store.reconciled import ReconciledStore

        settings = settings_from(ctx, db=db)
        links = ActorLinks(ActorIndex.load(settings))
        with Ledger.open(settings, write=True) as ledger:
            if rebuild:
                result = reconcile_all(ledger, actors=links)
                err_console.print(f"{len(result.items)} items from {result.claims} claims", highlight=False)
                return
            pending = ReconciledStore(ledger).unreconciled_documents()
            for doc_id in pending:
                reconcile_document(ledger, doc_id, actors=links)
            err_console.print(f"reconciled {len(pending)} document(s)", highlight=False)

    @app.command("tally")
    def tally_command(
        ctx: typer.Context,
        by: By = typer.Option(By.actor, "--by", help="What to group the sums by."),
        since: str = SinceOpt,
        until: str = UntilOpt,
        country: str = CountryOpt,
        place: str = typer.Option(None, "--place", help="Only items at this place name."),
        outcome: str = typer.Option(
            "killed", "--outcome", help="killed, injured, captured, missing, displaced..."
        ),
        explain: bool = typer.Option(
            False, "--explain", help="Trace each figure to its items, claims and documents."
        ),
        fmt: TallyFormat = typer.Option(TallyFormat.table, "--format", "-f", help="Output format."),
        db: str = DbOpt,
    ):
        """Sum reconciled incidents (or a covering cumulative figure, never both) by a field."""
        from warledger.reconcile.tally import tally
        from warledger.store import Ledger

        with Ledger.open(settings_from(ctx, db=db)) as ledger:
            result = tally(
                ledger,
                by=str(by),
                since=date_option(since),
                until=date_option(until),
                country=country,
                place=place,
                outcome=outcome,
            )
        if fmt == TallyFormat.json:
            sys.stdout.write(
                json.dumps(result.to_json(explain), ensure_ascii=False, indent=1, default=str) + "\n"
            )
            return
        rows = [r.to_json() for r in result.rows]
        if fmt == TallyFormat.csv:
            emit_rows(
                rows, OutputFormat.csv, columns=["key", "low", "best", "high", "incidents", "cumulative"]
            )
            return
        emit_rows(
            rows,
            OutputFormat.table,
            columns=["key", "low", "best", "high", "incidents", "cumulative"],
            title=f"{outcome} by {by}",
        )
        for d in result.decisions:
            mark = "used" if d["used"] else "not used"
            out_console.print(
                f"cumulative {d['cumulative']} ({d['figure']}): {mark}: {d['reason']}", highlight=False
            )
        if explain:
            for r in result.rows:
                out_console.print(f"[bold]{r.key}[/bold] best {r.best}", highlight=False)
                for t in r.trace:
                    f = t["figures"]
                    out_console.print(
                        f"  item {t['item']}{' (cumulative)' if t['cumulative'] else ''}: "
                        f"low {f['low']} best {f['best']} high {f['high']} — {t['rule']}",
                        highlight=False,
                    )
                    for s in t["sources"]:
                        out_console.print(
                            f"    {s['source']}: {s['value']} (claim {s['claim']}; documents {', '.join(s['documents'])})",
                            highlight=False,
                        )
