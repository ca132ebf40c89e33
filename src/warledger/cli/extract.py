"""`warledger extract`: extract claims from files without touching a database."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer

from warledger.cli.common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    QuietOpt,
    err_console,
    progress_bar,
    settings_from,
)
from warledger.errors import ErrorRecord
from warledger.pipeline import Pipeline
from warledger.sources import iter_documents


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        ctx: typer.Context,
        paths: list[Path] = typer.Argument(
            ..., help="Files, directories, feeds or URLs to extract ('-' for stdin)."
        ),
        published: str = typer.Option(
            None, "--published", help="Publication date YYYY-MM-DD; relative dates resolve against it."
        ),
        url: str = typer.Option(None, "--url", help="The document's URL, recorded in the output."),
        title: str = typer.Option(None, "--title", help="The document's title."),
        publisher: str = typer.Option(
            None, "--publisher", help="Who published it; ends every attribution chain."
        ),
        fmt: str = typer.Option(
            "json", "--format", "-f", help="json (one object per document, JSON Lines for several)."
        ),
        quiet: bool = QuietOpt,
    ):
        """Extract casualty, control and event claims from documents and print them as JSON.

        Nothing is stored. The output follows schema/extraction.schema.json:
        one JSON object per document, one per line when there are several.
        """
        if fmt not in ("json", "jsonl"):
            err_console.print(f"error: --format {fmt}: extract prints json or jsonl")
            raise typer.Exit(EXIT_USAGE)
        pub = _parse_date(published)
        settings = settings_from(ctx)
        errors: list[ErrorRecord] = []

        def documents():
            # any source kind works here: text, HTML, JSONL/CSV, feeds, URLs, directories, stdin
            for item in iter_documents(
                [str(p) for p in paths], settings, published=pub, url=url, title=title, publisher=publisher
            ):
                if isinstance(item, ErrorRecord):
                    errors.append(item)
                    err_console.print(f"error: {item.source}: {item.message}")
                else:
                    yield item

        with progress_bar(quiet, "extracting") as bar:
            task = bar.add_task("extracting", total=None)
            for ex in Pipeline(settings).extract(documents()):
                sys.stdout.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")
                bar.advance(task)
        raise typer.Exit(EXIT_SOME_FAILED if errors else EXIT_OK)
