"""`warledger ingest`: read inputs, extract claims, store them in the ledger."""

from __future__ import annotations

from datetime import date

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from warledger.cli.common import EXIT_OK, EXIT_SOME_FAILED, DbOpt, QuietOpt, err_console, settings_from
from warledger.errors import WarledgerError
from warledger.ingest import RunResult, ingest

_SHOWN_ERRORS = 20  # the rest are in the ledger's ingest_errors table


def _date_option(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def _totals(r: RunResult) -> str:
    return f"ingested {r.ingested} · duplicates {r.duplicates} · failed {r.failed} · claims {r.claims}"


def _summary(r: RunResult) -> None:
    err_console.print(f"run {r.run_id} {r.status}", highlight=False)
    table = Table(show_header=False)
    for label, value in (
        ("ingested", r.ingested),
        ("duplicates", r.duplicates),
        ("failed", r.failed),
        ("claims", r.claims),
    ):
        table.add_row(label, str(value))
    err_console.print(table)
    for e in r.errors[:_SHOWN_ERRORS]:
        err_console.print(
            f"[red]{e.code}[/red] {e.stage} {e.source or e.doc_id or ''}: {e.message}", highlight=False
        )
    if len(r.errors) > _SHOWN_ERRORS:
        err_console.print(
            f"... and {len(r.errors) - _SHOWN_ERRORS} more: `warledger db info` counts them all"
        )


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        ctx: typer.Context,
        inputs: list[str] = typer.Argument(
            ..., help="Files, directories, CSV/JSONL files, feeds, http(s) URLs, or '-' for stdin."
        ),
        published: str = typer.Option(
            None, "--published", help="Publication date YYYY-MM-DD for every input."
        ),
        url: str = typer.Option(None, "--url", help="URL to record for every input."),
        title: str = typer.Option(None, "--title", help="Title to record for every input."),
        publisher: str = typer.Option(None, "--publisher", help="Publisher of every input."),
        text_column: str = typer.Option(
            "text", "--text-column", help="Column holding the text in CSV/JSONL files."
        ),
        fetch_links: bool = typer.Option(
            False, "--fetch-links", help="Fetch the article behind each feed item."
        ),
        allow_private: bool = typer.Option(
            False, "--allow-private", help="Allow fetching loopback and private network addresses."
        ),
        db: str = DbOpt,
        quiet: bool = QuietOpt,
        strict: bool = typer.Option(
            False, "--strict", help="Stop at the first failed input instead of recording it."
        ),
    ):
        """Read inputs, extract their claims and store both in the ledger.

        Documents already in the ledger are skipped, so a run can be repeated or
        resumed. Failed inputs are recorded with the run; the exit status is 1
        when any input failed.
        """
        settings = settings_from(ctx, db=db, allow_private=allow_private or None)
        options = dict(
            published=_date_option(published),
            url=url,
            title=title,
            publisher=publisher,
            text_column=text_column,
            fetch_links=fetch_links,
        )
        try:
            if quiet:
                result = ingest(inputs, settings, strict=strict, **options)
            else:
                with Progress(
                    SpinnerColumn(),
                    TextColumn("{task.description}"),
                    TimeElapsedColumn(),
                    console=err_console,
                    transient=True,
                ) as bar:
                    task = bar.add_task(_totals(RunResult()), total=None)
                    result = ingest(
                        inputs,
                        settings,
                        strict=strict,
                        progress=lambda _event, r: bar.update(task, description=_totals(r)),
                        **options,
                    )
        except WarledgerError as exc:
            if not strict:
                raise  # the database itself failed: cli.main reports it
            err_console.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(EXIT_SOME_FAILED) from None
        if not quiet:
            _summary(result)
        raise typer.Exit(EXIT_SOME_FAILED if result.failed else EXIT_OK)
