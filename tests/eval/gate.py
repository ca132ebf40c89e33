#!/usr/bin/env python3
"""Eval gate: extract our annotated reports, score them, and compare F1 to pinned floors.

    python tests/eval/gate.py                       # dev split, library pipeline, check floors
    python tests/eval/gate.py --split heldout       # the held-out check (never tune on it)
    python tests/eval/gate.py --split all --misses  # list gold items the extractor missed (blind splits excluded)
    python tests/eval/gate.py --pin                 # raise floors to current F1 - 0.02
    python tests/eval/gate.py --pin --allow-regression   # also lower floors that are above it
    python tests/eval/gate.py --cli                 # run `warledger extract` per report instead

Scoring follows ANNOTATION.md, "How it is judged": a predicted casualty claim matches a gold
claim on outcome, count.low, count.high and victims.category; control items on kind, actor
and place; events on event_type, place and when.start (any date when the gold has none).
Places are the same GeoNames id or within 25 km (by name when coordinates are missing);
actors compare after alias resolution (tests/reports/actors*.json plus the project's list).
Gold items marked `ambiguous` are neither rewarded nor penalised. On matched pairs every
other field is scored as its own accuracy. Scoring is `warledger.evaluate`'s, so the gate and
`warledger evaluate` always agree.

Exit status: 0 when every F1 is at or above its floor, 1 when one is below, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from warledger.evaluate import Aliases, Report, score_document

HERE = Path(__file__).resolve().parent
REPORTS = HERE.parent / "reports"
FLOORS = HERE / "floors.json"
KINDS = ("casualties", "control", "events")
SPLITS = ("dev", "dev2", "dev3", "heldout", "heldout2", "heldout3", "heldout4")
# Splits `--split all` leaves out: the newest blind split is scored only by name, once, at the end
# of the session that wrote it, so that day-to-day runs never show its figures.
BLIND: tuple[str, ...] = ()  # heldout4 was scored at the end of session 3; the next blind split goes here
PIN_MARGIN = 0.02


# ----------------------------------------------------------------------------- scoring
def project_actor_records() -> list[dict]:
    """The project's actor list, as `warledger actors --format json` gives it."""
    from warledger.actors import ActorIndex

    return ActorIndex.load().records()


# ----------------------------------------------------------------------------- extraction
def reports(split: str):
    d = REPORTS / split
    for gf in sorted((d / "gold").glob("*.json")):
        meta = json.loads((d / f"{gf.stem}.meta.json").read_text(encoding="utf-8"))
        yield gf.stem, d / f"{gf.stem}.txt", meta, json.loads(gf.read_text(encoding="utf-8"))


def extract_library(items):
    """All reports through one Pipeline: spaCy loads once."""
    from warledger.documents.model import make_document
    from warledger.pipeline import Pipeline

    docs = []
    for _stem, txt, meta, _ in items:
        pub = date.fromisoformat(meta["published"]) if meta.get("published") else None
        docs.append(
            make_document(
                txt.read_text(encoding="utf-8"),
                source=str(txt),
                url=meta.get("url"),
                title=meta.get("title"),
                publisher=meta.get("publisher"),
                published=pub,
            )
        )
    out = {}
    for (stem, *_), ex in zip(items, Pipeline().extract(docs), strict=True):
        out[stem] = ex.to_json()
    return out


def extract_cli(items):
    out = {}
    for stem, txt, meta, _ in items:
        args = [sys.executable, "-m", "warledger", "extract", str(txt), "--format", "json"]
        for k in ("published", "url", "title", "publisher"):
            if meta.get(k):
                args += [f"--{k}", str(meta[k])]
        res = subprocess.run(args, capture_output=True, text=True, timeout=300)
        if res.returncode != 0:
            raise RuntimeError(f"{stem}: warledger extract exited {res.returncode}: {res.stderr[-400:]}")
        out[stem] = json.loads(res.stdout.strip().splitlines()[0])
    return out


def run_split(
    split: str,
    *,
    cli: bool = False,
    records: list[dict] | None = None,
    misses: list | None = None,
) -> dict:
    """Extract and score one split; returns {kind: {precision, recall, f1, ...}, "documents": n}."""
    items = list(reports(split))
    if not items:
        raise SystemExit(f"no gold reports in {REPORTS / split}")
    preds = extract_cli(items) if cli else extract_library(items)
    records = project_actor_records() if records is None else records
    misses = [] if misses is None else misses
    # one scorer for the whole project: the rules of ANNOTATION.md in warledger.evaluate
    aliases = Aliases.from_files(REPORTS / split / "gold", records)
    report = Report()
    for stem, _, _, gold in items:
        score_document(gold, preds.get(stem) or {}, aliases, report)
    res = {k: report.tallies[k].summary() for k in KINDS}
    misses.extend(m[1:4] for m in report.misses if m[0] == "missed")
    res["documents"] = len(items)
    return res


# ----------------------------------------------------------------------------- floors
def load_floors(path: Path = FLOORS) -> dict:
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {s: {k: 0.0 for k in KINDS} for s in SPLITS}


def check_floors(results: dict[str, dict], floors: dict) -> list[str]:
    failures = []
    for split, res in results.items():
        for k in KINDS:
            floor = floors.get(split, {}).get(k, 0.0)
            if res[k]["f1"] + 1e-9 < floor:
                failures.append(f"{split} {k}: F1 {res[k]['f1']:.3f} below floor {floor:.3f}")
    return failures


def pin_floors(results: dict[str, dict], floors: dict, allow_regression: bool) -> dict:
    new = json.loads(json.dumps(floors))
    for split, res in results.items():
        for k in KINDS:
            target = round(max(0.0, res[k]["f1"] - PIN_MARGIN), 3)
            old = new.setdefault(split, {}).get(k, 0.0)
            new[split][k] = target if allow_regression else max(old, target)
    return new


def print_results(split: str, res: dict) -> None:
    print(f"== {split} ({res['documents']} reports)")
    for k in KINDS:
        s = res[k]
        fields = " ".join(f"{f}={v:.2f}" for f, v in s["fields"].items())
        print(
            f"  {k:10s} P={s['precision']:.2f} R={s['recall']:.2f} F1={s['f1']:.2f} "
            f"(tp={s['tp']} fp={s['fp']} fn={s['fn']}) {fields}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="dev")
    ap.add_argument(
        "--cli", action="store_true", help="run `warledger extract` per report instead of the library"
    )
    ap.add_argument("--pin", action="store_true", help="raise floors to current F1 minus 0.02")
    ap.add_argument("--allow-regression", action="store_true", help="with --pin, also lower floors")
    ap.add_argument("--floors", type=Path, default=FLOORS)
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--misses", action="store_true", help="list gold items that were not matched")
    a = ap.parse_args(argv)
    if a.allow_regression and not a.pin:
        ap.error("--allow-regression only makes sense with --pin")

    splits = tuple(x for x in SPLITS if x not in BLIND) if a.split == "all" else (a.split,)
    records = project_actor_records()
    results, misses = {}, []
    for split in splits:
        results[split] = run_split(split, cli=a.cli, records=records, misses=misses)
        print_results(split, results[split])
    if a.misses:
        for m in misses:
            print("MISS", *m, sep=" | ")
    if a.json:
        a.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")

    floors = load_floors(a.floors)
    if a.pin:
        floors = pin_floors(results, floors, a.allow_regression)
        a.floors.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
        print(f"floors written to {a.floors.name}: " + json.dumps({s: floors[s] for s in splits}))
    failures = check_floors(results, floors)
    for f in failures:
        print("BELOW FLOOR", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
