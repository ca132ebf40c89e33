"""Options and output helpers shared by every command, so they all speak the same flags."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum

import typer
from rich.console import Console
from rich.table import Table

from warledger.config import Settings, load_settings

err_console = Console(stderr=True)
out_console = Console()

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FormatOpt = typer.Option(OutputFormat.table, "--format", "-f", help="Output format.")
DbOpt = typer.Option(
    None, "--db", help="SQLite path or database URL (default: warledger.db, or $WARLEDGER_DB)."
)
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bars or summaries; for scripts.")


def progress_bar(quiet: bool, description: str):
    """A progress display on stderr for long runs; silent with --quiet or when stderr is no
    terminal (scripts, CI, the scorer), so stdout stays pure data."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )


def settings_from(ctx: typer.Context | None = None, **overrides) -> Settings:
    base: Settings = (ctx.obj or {}).get("settings") if ctx and ctx.obj else None
    if base is None:
        base = load_settings()
    return base.with_(**overrides)


def emit_rows(
    rows: list[dict], fmt: OutputFormat, columns: list[str] | None = None, title: str | None = None
) -> None:
    """Print data rows in the format asked for; tables get only `columns`."""
    if fmt == OutputFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
    elif fmt == OutputFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == OutputFormat.csv:
        cols = columns or (list(rows[0]) if rows else [])
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(
                {
                    k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)
                    for k, v in r.items()
                }
            )
        sys.stdout.write(buf.getvalue())
    else:
        cols = columns or (list(rows[0]) if rows else [])
        t = Table(title=title)
        for c in cols:
            t.add_column(c)
        for r in rows:
            t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
        out_console.print(t)
