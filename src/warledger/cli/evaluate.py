"""`warledger evaluate`: score extraction against gold files (ANNOTATION.md, "How it is judged")."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer

from warledger.cli.common import EXIT_USAGE, QuietOpt, err_console, progress_bar, settings_from


def register(app: typer.Typer) -> None:
    @app.command("evaluate")
    def evaluate(
        ctx: typer.Context,
        gold_dir: Path = typer.Argument(..., help="Directory of gold files (NAME.json, as ../shared/gold)."),
        docs: Path = typer.Option(
            None, "--docs", help="Directory with NAME.txt (and NAME.meta.json); default: GOLD_DIR."
        ),
        pred_dir: Path = typer.Option(
            None, "--pred-dir", help="Score saved extractions NAME.json instead of extracting."
        ),
        misses: bool = typer.Option(
            False, "--misses", help="List missed gold items and false alarms with their sentences."
        ),
        json_out: Path = typer.Option(None, "--json", help="Also write the figures as JSON to this file."),
        fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
        quiet: bool = QuietOpt,
    ):
        """Precision, recall and F1 per item kind, and per-field accuracy on matched pairs.

        Documents are extracted with the library (one spaCy load for all of them) using the
        publication date, URL, title and publisher from NAME.meta.json, or from the gold's
        `document` when there is no meta file.
        """
        from warledger.actors import ActorIndex
        from warledger.documents.model import make_document
        from warledger.evaluate import Aliases, score_corpus
        from warledger.pipeline import Pipeline

        if not gold_dir.is_dir():
            err_console.print(f"error: {gold_dir}: not a directory of gold files")
            raise typer.Exit(EXIT_USAGE)
        settings = settings_from(ctx)
        records = ActorIndex.load(settings).records()
        aliases = Aliases.from_files(gold_dir, None if pred_dir else records)
        pipeline = Pipeline(settings)

        def predict(txt: Path, meta: dict) -> dict:
            if pred_dir:
                return json.loads((pred_dir / f"{txt.stem}.json").read_text("utf-8"))
            pub = meta.get("published")
            doc = make_document(
                txt.read_text("utf-8"),
                source=str(txt),
                url=meta.get("url"),
                title=meta.get("title"),
                publisher=meta.get("publisher"),
                published=date.fromisoformat(pub) if pub else None,
            )
            return pipeline.extract_one(doc).to_json()

        with progress_bar(quiet, "scoring") as bar:
            task = bar.add_task("scoring", total=len(list(gold_dir.glob("*.json"))))

            def predict_and_count(txt: Path, meta: dict) -> dict:
                try:
                    return predict(txt, meta)
                finally:
                    bar.advance(task)

            report = score_corpus(gold_dir, predict_and_count, aliases, docs)
        result = report.to_json()
        if json_out:
            json_out.write_text(json.dumps(result, indent=1), "utf-8")
        if misses:
            for kind_, what, doc_id, desc, sentence in report.misses:
                sys.stdout.write(
                    f"{'MISS' if kind_ == 'missed' else 'FALSE'} | {what} | {doc_id} | {desc} | {sentence}\n"
                )
        for e in report.errors:
            sys.stdout.write(f"ERROR {e}\n")
        if fmt == "json":
            sys.stdout.write(json.dumps(result, indent=1) + "\n")
            return
        for k in ("casualties", "control", "events"):
            s = result[k]
            fields = " ".join(f"{f}={v:.2f}" for f, v in s["fields"].items())
            sys.stdout.write(
                f"{k:10s} P={s['precision']:.2f} R={s['recall']:.2f} F1={s['f1']:.2f} "
                f"(tp={s['tp']} fp={s['fp']} fn={s['fn']}) {fields}\n"
            )
