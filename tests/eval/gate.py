#!/usr/bin/env python3
"""Eval gate: extract our annotated reports, score them, and compare F1 to pinned floors.

    python tests/eval/gate.py                       # dev split, library pipeline, check floors
    python tests/eval/gate.py --split heldout       # the held-out check (never tune on it)
    python tests/eval/gate.py --split all --misses  # list gold items the extractor missed
    python tests/eval/gate.py --pin                 # raise floors to current F1 - 0.02
    python tests/eval/gate.py --pin --allow-regression   # also lower floors that are above it
    python tests/eval/gate.py --cli                 # run `warledger extract` per report instead

Scoring follows ANNOTATION.md, "How it is judged": a predicted casualty claim matches a gold
claim on outcome, count.low, count.high and victims.category; control items on kind, actor
and place; events on event_type, place and when.start (any date when the gold has none).
Places are the same GeoNames id or within 25 km (by name when coordinates are missing);
actors compare after alias resolution (tests/reports/actors*.json plus the project's list).
Gold items marked `ambiguous` are neither rewarded nor penalised. On matched pairs every
other field is scored as its own accuracy. If `warledger.evaluate` provides `score_document`
(with `Aliases` and `Report`) it is used instead of the scorer below, so the gate and
`warledger evaluate` agree; `--own-scorer` forces the gate's own.

Exit status: 0 when every F1 is at or above its floor, 1 when one is below, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS = HERE.parent / "reports"
FLOORS = HERE / "floors.json"
KINDS = ("casualties", "control", "events")
SPLITS = ("dev", "heldout")
PIN_MARGIN = 0.02


# ----------------------------------------------------------------------------- actors
def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s)
    s = s.replace("'s", "s").replace("\u2019s", "s")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


class Aliases:
    """Any alias -> one canonical key; groups sharing a name or a long alias merge."""

    def __init__(self):
        self.key: dict[str, str] = {}
        self.short: dict[str, set[str]] = {}

    def add_group(self, names):
        names = [n for n in (norm(n) for n in names if n) if n]
        if not names:
            return
        long_ = [n for n in names[1:] if len(n) >= 4] + [names[0]]
        keys = {self.key[n] for n in long_ if n in self.key}
        k = min(keys) if keys else names[0]
        for a, v in list(self.key.items()):
            if v in keys:
                self.key[a] = k
        for n in long_:
            self.key[n] = k
        for n in names[1:]:
            if len(n) < 4:
                self.short.setdefault(n, set()).add(k)
        for n, ks in self.short.items():
            self.short[n] = {k if x in keys else x for x in ks}

    def canon(self, name):
        n = norm(name)
        if n is None:
            return None
        if n in self.key:
            return self.key[n]
        ks = self.short.get(n)
        return next(iter(ks)) if ks and len(ks) == 1 else n


def project_actor_records() -> list[dict]:
    """The project's actor list as `warledger actors --format json` prints it, or [] when there is none yet."""
    try:
        out = subprocess.run(
            [sys.executable, "-m", "warledger.cli.main", "actors", "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        data = json.loads(out.stdout) if out.returncode == 0 and out.stdout.strip() else []
        return [a for a in data if isinstance(a, dict)] if isinstance(data, list) else []
    except (OSError, ValueError, subprocess.SubprocessError):
        return []


def load_aliases(records: list[dict] | None = None) -> Aliases:
    al = Aliases()
    for f in sorted(REPORTS.glob("actors*.json")):
        for canon, info in json.loads(f.read_text(encoding="utf-8")).items():
            al.add_group([canon, *info.get("aliases", [])])
    for a in records or []:
        al.add_group([a.get("name"), *a.get("aliases", [])])
    return al


# ----------------------------------------------------------------------------- places
ADMIN_WORDS = (
    r"\b(oblast|region|province|governorate|district|city|town|township|village|settlement|"
    r"municipality|countryside|state|county|strip|camp|refugee)\b"
)


def place_name(name):
    n = norm(name) or ""
    n = re.sub(ADMIN_WORDS, " ", n)
    n = re.sub(r"^(al|el|ad|ar|as|ash|az|ez) ", "", n.strip())
    return n.replace(" ", "")


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def same_place(g, p):
    if not g:
        return p is None
    if not p:
        return False
    if g.get("geonameid") and p.get("geonameid") and g["geonameid"] == p["geonameid"]:
        return True
    if g.get("lat") is not None and p.get("lat") is not None and p.get("lon") is not None:
        return km(g, p) <= 25
    return place_name(g.get("name")) == place_name(p.get("name"))


# ----------------------------------------------------------------------------- scoring
class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.fields: dict[str, list[int]] = {}

    def field(self, name, ok):
        c = self.fields.setdefault(name, [0, 0])
        c[0] += bool(ok)
        c[1] += 1

    def add(self, other: dict):
        self.tp += other.get("tp", 0)
        self.fp += other.get("fp", 0)
        self.fn += other.get("fn", 0)

    def summary(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "fields": {k: round(a / n, 3) for k, (a, n) in sorted(self.fields.items())},
        }


def _overlap(a, b):
    return bool(a and b and a["start"] < b["end"] and b["start"] < a["end"])


def _match(golds, preds, key):
    """One-to-one greedy matching on equal keys; overlapping evidence breaks ties."""
    pairs, used = [], set()
    for g in golds:
        cands = [i for i, p in enumerate(preds) if i not in used and key(g, p)]
        if not cands:
            continue
        cands.sort(key=lambda i: 0 if _overlap(g.get("evidence"), preds[i].get("evidence")) else 1)
        used.add(cands[0])
        pairs.append((g, preds[cands[0]]))
    return pairs, used


def _score_kind(golds, preds, key, tally, fieldfn, misses, doc_id, kind):
    real = [g for g in golds if not g.get("ambiguous")]
    amb = [g for g in golds if g.get("ambiguous")]
    pairs, used = _match(real, preds, key)
    _, used_amb = _match(amb, [p for i, p in enumerate(preds) if i not in used], key)
    tally.tp += len(pairs)
    tally.fn += len(real) - len(pairs)
    tally.fp += len(preds) - len(used) - len(used_amb)
    matched = {id(g) for g, _ in pairs}
    for g in real:
        if id(g) not in matched:
            misses.append((kind, doc_id, g["id"], g["evidence"]["sentence"][:110]))
    for g, p in pairs:
        fieldfn(g, p, pairs)


def _when_ok(g, p):
    w = p.get("when") or {}
    return g["when"].get("start") == w.get("start") and g["when"].get("end") == w.get("end")


def score_document(gold: dict, pred: dict, al: Aliases, T: dict[str, Tally], misses: list) -> None:
    A = al.canon
    doc_id = gold["document"]["id"]
    cnt = lambda x: x.get("count") or {}  # noqa: E731
    vic = lambda x: x.get("victims") or {}  # noqa: E731
    gold_by_id = {c["id"]: c for c in gold.get("casualties", [])}

    def ckey(g, p):
        return (
            g["outcome"] == p.get("outcome")
            and cnt(g).get("low") == cnt(p).get("low")
            and cnt(g).get("high") == cnt(p).get("high")
            and vic(g).get("category") == vic(p).get("category")
        )

    def cfields(g, p, pairs):
        t = T["casualties"]
        t.field("victims.actor", A(vic(g).get("actor")) == A(vic(p).get("actor")))
        t.field("victims.group", vic(g).get("group") == vic(p).get("group"))
        t.field("perpetrator", A(g.get("perpetrator")) == A(p.get("perpetrator")))
        t.field("hedged", bool(g.get("hedged")) == bool(p.get("hedged")))
        t.field("cumulative", bool(g.get("cumulative")) == bool(p.get("cumulative")))
        if g.get("place"):
            t.field("place", same_place(g["place"], p.get("place")))
        if g.get("when"):
            t.field("when", _when_ok(g, p))
        if g.get("sources"):
            t.field("sources", A(g["sources"][0]) in {A(s) for s in (p.get("sources") or [])})
        if g.get("part_of") and not gold_by_id.get(g["part_of"], {}).get("ambiguous"):
            pred_of = {id(gg): pp for gg, pp in pairs}
            parent = next((gg for gg, _ in pairs if gg["id"] == g["part_of"]), None)
            t.field("part_of", parent is not None and p.get("part_of") == pred_of[id(parent)].get("id"))

    _score_kind(
        gold.get("casualties", []),
        pred.get("casualties") or [],
        ckey,
        T["casualties"],
        cfields,
        misses,
        doc_id,
        "casualty",
    )

    def kkey(g, p):
        return (
            g["kind"] == p.get("kind")
            and A(g.get("actor")) == A(p.get("actor"))
            and same_place(g.get("place"), p.get("place"))
        )

    def kfields(g, p, pairs):
        t = T["control"]
        t.field("from_actor", A(g.get("from_actor")) == A(p.get("from_actor")))
        t.field("extent", g.get("extent") == p.get("extent"))
        t.field("hedged", bool(g.get("hedged")) == bool(p.get("hedged")))
        if g.get("when"):
            t.field("when", _when_ok(g, p))
        if g.get("sources"):
            t.field("sources", A(g["sources"][0]) in {A(s) for s in (p.get("sources") or [])})

    _score_kind(
        gold.get("control", []),
        pred.get("control") or [],
        kkey,
        T["control"],
        kfields,
        misses,
        doc_id,
        "control",
    )

    if gold["document"].get("events_annotated"):

        def ekey(g, p):
            gs = (g.get("when") or {}).get("start")
            return (
                g["event_type"] == p.get("event_type")
                and same_place(g.get("place"), p.get("place"))
                and (gs is None or gs == (p.get("when") or {}).get("start"))
            )

        def efields(g, p, pairs):
            t = T["events"]
            t.field("sub_event_type", g.get("sub_event_type") == p.get("sub_event_type"))
            t.field("actor1", A(g.get("actor1")) == A(p.get("actor1")))
            t.field("actor2", A(g.get("actor2")) == A(p.get("actor2")))
            t.field("fatalities", g.get("fatalities") == p.get("fatalities"))

        _score_kind(
            gold.get("events", []),
            pred.get("events") or [],
            ekey,
            T["events"],
            efields,
            misses,
            doc_id,
            "event",
        )


def _project_evaluate():
    """The package's scorer (`warledger.evaluate`: Aliases, Report, score_document) when it has one."""
    try:
        import warledger.evaluate as ev
    except ImportError:
        return None
    if all(callable(getattr(ev, n, None)) for n in ("Aliases", "Report", "score_document")):
        return ev
    return None


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
        args = [sys.executable, "-m", "warledger.cli.main", "extract", str(txt), "--format", "json"]
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
    own_scorer: bool = False,
) -> dict:
    """Extract and score one split; returns {kind: {precision, recall, f1, ...}, "documents": n}."""
    items = list(reports(split))
    if not items:
        raise SystemExit(f"no gold reports in {REPORTS / split}")
    preds = extract_cli(items) if cli else extract_library(items)
    records = project_actor_records() if records is None else records
    misses = [] if misses is None else misses
    ev = None if own_scorer else _project_evaluate()
    if ev is not None:
        aliases = ev.Aliases.from_files(REPORTS / split / "gold", records)
        report = ev.Report()
        for stem, _, _, gold in items:
            ev.score_document(gold, preds.get(stem) or {}, aliases, report)
        res = {k: report.tallies[k].summary() for k in KINDS}
        misses.extend(m[1:4] for m in report.misses if m[0] == "missed")
    else:
        al = load_aliases(records)
        T = {k: Tally() for k in KINDS}
        for stem, _, _, gold in items:
            score_document(gold, preds.get(stem) or {}, al, T, misses)
        res = {k: T[k].summary() for k in KINDS}
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
    ap.add_argument(
        "--own-scorer", action="store_true", help="use the gate's scorer even if warledger.evaluate has one"
    )
    a = ap.parse_args(argv)
    if a.allow_regression and not a.pin:
        ap.error("--allow-regression only makes sense with --pin")

    splits = SPLITS if a.split == "all" else (a.split,)
    records = project_actor_records()
    results, misses = {}, []
    for split in splits:
        results[split] = run_split(split, cli=a.cli, records=records, misses=misses, own_scorer=a.own_scorer)
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
