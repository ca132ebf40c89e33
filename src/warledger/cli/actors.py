"""`warledger actors`: list the actor list, or show how one name resolves."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from warledger.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    OutputFormat,
    emit_rows,
    err_console,
    out_console,
    settings_from,
)
from warledger.errors import LexiconError


def register(app: typer.Typer) -> None:
    @app.command("actors")
    def actors(
        ctx: typer.Context,
        name: str = typer.Argument(None, help="A name or description to resolve; all actors when omitted."),
        fmt: OutputFormat = typer.Option(
            OutputFormat.table, "--format", "-f", help="table, json, jsonl or csv."
        ),
        actors_file: list[Path] = typer.Option(
            None, "--actors", help="Extra actor file (YAML/JSON) that adds or overrides actors; repeatable."
        ),
        country: str = typer.Option(
            None,
            "--country",
            help="ISO2 code of the document's country, for 'government forces' and the like.",
        ),
    ):
        """List the known actors (name, aliases, kind, country, affiliations), or resolve NAME."""
        from warledger.actors import ActorIndex

        for f in actors_file or []:
            if not f.is_file():
                err_console.print(f"error: actors file not found: {f}")
                raise typer.Exit(EXIT_USAGE)
        try:
            index = ActorIndex.load(settings_from(ctx), extra_files=actors_file or [])
        except LexiconError as exc:
            err_console.print(f"error: {exc}", soft_wrap=True)
            raise typer.Exit(EXIT_USAGE) from None
        if name is None:
            rows = index.records()
            if fmt == OutputFormat.table:
                table_rows = [
                    {
                        **r,
                        "aliases": ", ".join(r["aliases"][:6]) + (" ..." if len(r["aliases"]) > 6 else ""),
                        "affiliations": "; ".join(
                            f"{k}: {', '.join(v)}" for k, v in r["affiliations"].items() if v
                        ),
                    }
                    for r in rows
                ]
                emit_rows(
                    table_rows,
                    fmt,
                    ["name", "kind", "country", "aliases", "affiliations"],
                    title=f"{len(rows)} actors",
                )
            else:
                emit_rows(rows, fmt)
            raise typer.Exit(EXIT_OK)
        resolved = index.resolve(name, country=country)
        row = {
            "text": name,
            "name": resolved.name if resolved else None,
            "known": resolved.known if resolved else False,
            "kind": resolved.kind if resolved else None,
            "country": resolved.country if resolved else None,
            "affiliations": index.affiliations(resolved.name) if resolved and resolved.known else {},
            "generic": resolved is None,
        }
        if fmt == OutputFormat.table:
            if resolved is None:
                out_console.print(f"{name!r}: generic description, left to coreference (no actor)")
            else:
                for k, v in row.items():
                    out_console.print(
                        f"[bold]{k}[/bold]: {json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v}"
                    )
        elif fmt == OutputFormat.json:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=1) + "\n")
        else:
            emit_rows([row], fmt)
        raise typer.Exit(EXIT_OK)
