"""`warledger extract`: extract claims from files without touching a database."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer

from warledger.cli.common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, err_console, settings_from
from warledger.documents.model import make_document
from warledger.errors import ErrorRecord, InputError
from warledger.pipeline import Pipeline


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
        paths: list[Path] = typer.Argument(..., help="Text files to extract ('-' for stdin)."),
        published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD; relative dates resolve against it."),
        url: str = typer.Option(None, "--url", help="The document's URL, recorded in the output."),
        title: str = typer.Option(None, "--title", help="The document's title."),
        publisher: str = typer.Option(None, "--publisher", help="Who published it; ends every attribution chain."),
        fmt: str = typer.Option("json", "--format", "-f", help="json (one object per document, JSON Lines for several)."),
    ):
        """Extract casualty, control and event claims from documents and print them as JSON.

        Nothing is stored. The output follows schema/extraction.schema.json:
        one JSON object per document, one per line when there are several.
        """
        if fmt not in ("json", "jsonl"):
            err_console.print(f"error: --format {fmt}: extract prints json or jsonl")
            raise typer.Exit(EXIT_USAGE)
        pub = _parse_date(published)
        docs, errors = [], []
        for p in paths:
            try:
                text = sys.stdin.read() if str(p) == "-" else _read_text(p)
                docs.append(make_document(text, source=str(p), url=url, title=title, publisher=publisher, published=pub))
            except InputError as exc:
                errors.append(ErrorRecord.from_exception("read", exc, str(p)))
                err_console.print(f"error: {exc}")
        pipeline = Pipeline(settings_from(ctx))
        for ex in pipeline.extract(docs):
            sys.stdout.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")
        raise typer.Exit(EXIT_SOME_FAILED if errors else EXIT_OK)


def _read_text(path: Path) -> str:
    from warledger.errors import DecodeError, EmptyDocument

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    if b"\x00" in raw[:4096]:
        raise DecodeError("binary file, not text", source=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise EmptyDocument("empty file", source=str(path))
    return text
