"""`warledger docs` and `warledger claims`: what the ledger holds."""

from __future__ import annotations

from enum import StrEnum

import typer

from warledger.cli.common import DbOpt, FormatOpt, OutputFormat, emit_rows, settings_from
from warledger.store import Ledger

LimitOpt = typer.Option(None, "--limit", "-n", min=1, help="At most this many rows (default: all).")

_DOC_COLUMNS = ["id", "published", "publisher", "title", "language", "claims", "copy_of"]
_CLAIM_COLUMNS = [
    "id",
    "kind",
    "outcome",
    "count_low",
    "count_high",
    "actor",
    "place_name",
    "when_start",
    "event_type",
]


class KindChoice(StrEnum):
    casualty = "casualty"
    control = "control"
    event = "event"


def register(app: typer.Typer) -> None:
    @app.command("docs")
    def docs(
        ctx: typer.Context,
        db: str = DbOpt,
        fmt: OutputFormat = FormatOpt,
        limit: int = LimitOpt,
    ):
        """List the documents in the ledger, oldest first."""
        with Ledger.open(settings_from(ctx, db=db)) as ledger:
            rows = ledger.documents(limit=limit)
        emit_rows(rows, fmt, columns=_DOC_COLUMNS if fmt == OutputFormat.table else None, title="documents")

    @app.command("claims")
    def claims(
        ctx: typer.Context,
        kind: KindChoice = typer.Option(None, "--kind", help="Only claims of this kind."),
        doc: str = typer.Option(None, "--doc", help="Only claims of this document id."),
        db: str = DbOpt,
        fmt: OutputFormat = FormatOpt,
        limit: int = LimitOpt,
    ):
        """List stored claims; json and jsonl carry each claim's full extraction JSON in `data`."""
        with Ledger.open(settings_from(ctx, db=db)) as ledger:
            rows = ledger.claims(kind=kind and str(kind), doc_id=doc, limit=limit)
        emit_rows(rows, fmt, columns=_CLAIM_COLUMNS if fmt == OutputFormat.table else None, title="claims")
