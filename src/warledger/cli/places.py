"""`warledger places`: look up a place name, and (re)build the gazetteer index.

    warledger places NAME [--country CC]...   ranked candidates and the choice
    warledger places lookup NAME ...          the same, spelled out
    warledger places build                    (re)build the index, print counts

A first word that is not a subcommand is taken as a name to look up, so
`warledger places Mosul` works; a place literally called "build" needs `lookup build`.
"""

from __future__ import annotations

import json
import time

import typer
from typer.core import TyperGroup

from warledger.cli.common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    OutputFormat,
    emit_rows,
    err_console,
    settings_from,
)


class _LookupByDefault(TyperGroup):
    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["lookup", *args]
        return super().parse_args(ctx, args)


places_app = typer.Typer(
    cls=_LookupByDefault,
    help="Look up place names in the offline gazetteer (`warledger places NAME`), or build it.",
    no_args_is_help=True,
)


@places_app.command("lookup")
def lookup(
    ctx: typer.Context,
    name: list[str] = typer.Argument(..., help="The place name as a report writes it."),
    country: list[str] = typer.Option(
        [], "--country", "-c", help="ISO2 code of a document country; repeat, most important first."
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table or json."),
    limit: int = typer.Option(10, "--limit", "-n", help="How many candidates to show."),
):
    """Show ranked candidates for a place name and the one `resolve` would choose."""
    from warledger.places import Gazetteer

    text = " ".join(name)
    gaz = Gazetteer.open(settings_from(ctx))
    ccs = [c.upper() for c in country]
    ranked = gaz.rank(text, countries=ccs)[:limit]
    choice = gaz.resolve(text, countries=ccs)
    rows = [
        {
            "rank": i,
            **c.place.to_json(),
            "score": c.score,
            "matched": c.matched,
            "population": c.population,
            "allowed": c.allowed,
        }
        for i, c in enumerate(ranked, start=1)
    ]
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        doc = {
            "query": text,
            "countries": ccs,
            "choice": choice.to_json() if choice else None,
            "candidates": rows,
        }
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=1 if fmt == OutputFormat.json else None))
    else:
        cols = [
            "rank",
            "name",
            "country",
            "admin1",
            "precision",
            "geonameid",
            "lat",
            "lon",
            "population",
            "score",
        ]
        emit_rows(rows, fmt, columns=[*cols, "allowed"], title=f"places matching {text!r}")
        err_console.print(
            f"choice: {choice.to_json() if choice else 'none (kept as written, no coordinates)'}"
        )
    raise typer.Exit(EXIT_OK if choice else EXIT_SOME_FAILED)


@places_app.command("build")
def build(ctx: typer.Context):
    """(Re)build the gazetteer index from the GeoNames data shipped with the installed packages."""
    from warledger.places.build import build_index

    settings = settings_from(ctx)
    t0 = time.monotonic()
    counts = build_index(settings.gazetteer)
    size = settings.gazetteer.stat().st_size / 1e6
    for k, v in counts.items():
        typer.echo(f"{k:26} {v:>9,}")
    typer.echo(f"built {settings.gazetteer} ({size:.0f} MB) in {time.monotonic() - t0:.0f} s")
    typer.echo("Place data from GeoNames (geonames.org), CC BY 4.0.")


def register(app: typer.Typer) -> None:
    app.add_typer(places_app, name="places")
