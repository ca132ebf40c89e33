"""`warledger review CLAIM_ID`: analysts' corrections, kept beside the extraction."""

from __future__ import annotations

import getpass

import typer

from warledger.cli.common import DbOpt, OutputFormat, emit_rows, err_console, settings_from

_HISTORY_COLUMNS = ["version", "action", "field", "value", "why", "by", "at"]


def _who(by: str | None) -> str | None:
    if by:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return None


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review_command(
        ctx: typer.Context,
        claim_id: str = typer.Argument(..., help="The claim to review (`warledger claims` lists ids)."),
        set_: list[str] = typer.Option(
            None, "--set", help="field=value; repeat for several fields (see docs/reconcile.md)."
        ),
        reject: bool = typer.Option(
            False, "--reject", help="Rule the claim out of reconciliation and tallies."
        ),
        restore: bool = typer.Option(False, "--restore", help="Undo an earlier --reject."),
        why: str = typer.Option(
            None, "--why", help="The reason, kept with the review (required for changes)."
        ),
        by: str = typer.Option(None, "--by", help="Who reviews (default: the login name)."),
        history: bool = typer.Option(False, "--history", help="Show the claim's reviews, oldest first."),
        fmt: OutputFormat = typer.Option(
            OutputFormat.table, "--format", "-f", help="Output format of --history."
        ),
        db: str = DbOpt,
    ):
        """Correct a claim (--set), reject it (--reject), or show its reviews (--history).

        The extraction is never overwritten: each change is a new versioned row, and
        reconciliation, tallies and exports read the claim with its reviews applied.
        """
        from warledger.reconcile import reconcile_claims
        from warledger.reconcile.review import parse_assignment
        from warledger.store import Ledger
        from warledger.store.reviews import add_review
        from warledger.store.reviews import history as review_history

        settings = settings_from(ctx, db=db)
        changes = [parse_assignment(s) for s in set_ or []]
        if not (changes or reject or restore or history):
            raise typer.BadParameter("give --set field=value, --reject, --restore or --history")
        if (changes or reject or restore) and not why:
            raise typer.BadParameter("--why is required: say why the claim is corrected")
        if reject and restore:
            raise typer.BadParameter("--reject and --restore contradict each other")
        with Ledger.open(settings, write=bool(changes or reject or restore)) as ledger:
            who = _who(by)
            for field, value in changes:
                row = add_review(ledger, claim_id, action="set", field=field, value=value, why=why, by=who)
                err_console.print(f"v{row['version']}: {field} = {value!r}", highlight=False)
            if reject or restore:
                action = "reject" if reject else "restore"
                row = add_review(ledger, claim_id, action=action, why=why, by=who)
                err_console.print(f"v{row['version']}: {action}ed", highlight=False)
            if changes or reject or restore:
                result = reconcile_claims(ledger, [claim_id])
                err_console.print(f"re-reconciled {len(result.items)} item(s)", highlight=False)
            if history:
                emit_rows(review_history(ledger, claim_id), fmt, columns=_HISTORY_COLUMNS, title=claim_id)
