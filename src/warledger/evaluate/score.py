"""The judging rules of ANNOTATION.md, kept identical to the shared scorer.

Casualties match on outcome, count.low, count.high and victims.category; control items
on kind, actor and place; events on event_type, place and when.start (any date when
the gold has none). Matching is one-to-one and greedy in gold order, evidence overlap
breaking ties. Items the gold marks `ambiguous` count neither way. On matched pairs each
other field is scored as its own accuracy: actors after alias resolution, places as the
same GeoNames id or within 25 km, dates exactly, sources by the originating source.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("casualties", "control", "events")
_ADMIN_WORDS = re.compile(
    r"\b(oblast|region|province|governorate|district|city|town|township|village|settlement|municipality|"
    r"countryside|state|county|strip)\b"
)


def norm(s) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s)
    s = s.replace("'s", "s").replace("’s", "s")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


class Aliases:
    """Any alias → one canonical key, over the union of the actor lists given.

    Groups merge when they share a name or an alias of four or more characters; a short
    alias that two unmerged groups both claim maps to neither."""

    def __init__(self):
        self.key: dict[str, str] = {}
        self.short: dict[str, set[str]] = {}

    def add_group(self, names: Iterable[str | None]) -> None:
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

    def canon(self, name) -> str | None:
        n = norm(name)
        if n is None:
            return None
        if n in self.key:
            return self.key[n]
        ks = self.short.get(n)
        return next(iter(ks)) if ks and len(ks) == 1 else n

    @classmethod
    def from_files(cls, gold_dir: Path, project_records: list[dict] | None = None) -> Aliases:
        """Actor lists: actors*.json beside the gold dir and in it, then the project's own."""
        al = cls()
        gold_dir = Path(gold_dir).resolve()
        for f in sorted(gold_dir.parent.glob("actors*.json")) + sorted(gold_dir.glob("actors*.json")):
            for canon, info in json.loads(f.read_text("utf-8")).items():
                al.add_group([canon] + list(info.get("aliases", [])))
        for a in project_records or []:
            al.add_group([a.get("name")] + list(a.get("aliases", [])))
        return al


def _km(a: dict, b: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def place_name(name) -> str:
    n = norm(name) or ""
    n = _ADMIN_WORDS.sub(" ", n)
    n = re.sub(r"^(al|el|ad|ar|as|ash|az|ez) ", "", n.strip())
    return n.replace(" ", "")


def same_place(g: dict | None, p: dict | None) -> bool:
    if not g:
        return p is None
    if not p:
        return False
    if g.get("geonameid") and p.get("geonameid") and g["geonameid"] == p["geonameid"]:
        return True
    if g.get("lat") is not None and p.get("lat") is not None and p.get("lon") is not None:
        return _km(g, p) <= 25
    return place_name(g.get("name")) == place_name(p.get("name"))


def _overlap(a, b) -> bool:
    return bool(a and b and a["start"] < b["end"] and b["start"] < a["end"])


def _match(golds, preds, key):
    pairs, used = [], set()
    for g in golds:
        cands = [i for i, p in enumerate(preds) if i not in used and key(g, p)]
        if not cands:
            continue
        cands.sort(key=lambda i: 0 if _overlap(g.get("evidence"), preds[i].get("evidence")) else 1)
        used.add(cands[0])
        pairs.append((g, preds[cands[0]]))
    return pairs, used


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict = field(default_factory=dict)

    def field(self, name: str, ok: bool) -> None:
        c = self.fields.setdefault(name, [0, 0])
        c[0] += bool(ok)
        c[1] += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "fields": {k: round(a / n, 3) for k, (a, n) in sorted(self.fields.items())},
            "field_n": {k: n for k, (a, n) in sorted(self.fields.items())},
        }


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    misses: list[tuple] = field(default_factory=list)  # ("missed"|"false", kind, doc, description, sentence)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        out = {k: t.summary() for k, t in self.tallies.items()}
        out["errors"] = list(self.errors)
        return out


def _score_kind(golds, preds, key, tally, fieldfn, report, kind, doc_id, describe):
    amb = [g for g in golds if g.get("ambiguous")]
    real = [g for g in golds if not g.get("ambiguous")]
    pairs, used = _match(real, preds, key)
    rest = [(i, p) for i, p in enumerate(preds) if i not in used]
    _, used_amb_local = _match(amb, [p for _, p in rest], key)
    used_amb = {rest[j][0] for j in used_amb_local}
    tally.tp += len(pairs)
    tally.fn += len(real) - len(pairs)
    tally.fp += len(preds) - len(used) - len(used_amb)
    for g, p in pairs:
        fieldfn(g, p, pairs)
    matched = {id(g) for g, _ in pairs}
    for g in real:
        if id(g) not in matched:
            report.misses.append(
                ("missed", kind, doc_id, describe(g), (g.get("evidence") or {}).get("sentence", ""))
            )
    for i, p in enumerate(preds):
        if i not in used and i not in used_amb:
            report.misses.append(
                ("false", kind, doc_id, describe(p), (p.get("evidence") or {}).get("sentence", ""))
            )
    return pairs


def score_document(gold: dict, pred: dict, aliases: Aliases, report: Report) -> None:
    A = aliases.canon
    T = report.tallies
    doc_id = (gold.get("document") or {}).get("id")
    gold_by_id = {c.get("id"): c for c in gold.get("casualties", [])}

    def cnt(x):
        return x.get("count") or {}

    def vic(x):
        return x.get("victims") or {}

    def ckey(g, p):
        return (
            g["outcome"] == p.get("outcome")
            and cnt(g).get("low") == cnt(p).get("low")
            and cnt(g).get("high") == cnt(p).get("high")
            and vic(g).get("category") == vic(p).get("category")
        )

    def same_when(g, p):
        w = p.get("when") or {}
        return g["when"].get("start") == w.get("start") and g["when"].get("end") == w.get("end")

    def first_source(g, p):
        return A(g["sources"][0]) in {A(s) for s in (p.get("sources") or [])}

    def cfields(g, p, pairs):
        t = T["casualties"]
        t.field("victims.actor", A(vic(g).get("actor")) == A(vic(p).get("actor")))
        t.field("victims.group", vic(g).get("group") == vic(p).get("group"))
        t.field("perpetrator", A(g.get("perpetrator")) == A(p.get("perpetrator")))
        t.field("hedged", bool(g.get("hedged")) == bool(p.get("hedged")))
        if g.get("place"):
            t.field("place", same_place(g["place"], p.get("place")))
        if g.get("when"):
            t.field("when", same_when(g, p))
        if g.get("sources"):
            t.field("sources", first_source(g, p))
        if g.get("part_of") and not gold_by_id.get(g["part_of"], {}).get("ambiguous"):
            gp = {id(gg): pp for gg, pp in pairs}
            parent = next((gg for gg, _ in pairs if gg["id"] == g["part_of"]), None)
            t.field("part_of", parent is not None and p.get("part_of") == gp[id(parent)].get("id"))

    def cdesc(x):
        return f"{x.get('outcome')} {cnt(x).get('low')}/{cnt(x).get('high')} {vic(x).get('category')}"

    _score_kind(
        gold.get("casualties", []),
        pred.get("casualties") or [],
        ckey,
        T["casualties"],
        cfields,
        report,
        "casualty",
        doc_id,
        cdesc,
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
        if g.get("when"):
            t.field("when", same_when(g, p))
        if g.get("sources"):
            t.field("sources", first_source(g, p))

    def kdesc(x):
        return f"{x.get('kind')} {x.get('actor')} @ {(x.get('place') or {}).get('name')}"

    _score_kind(
        gold.get("control", []),
        pred.get("control") or [],
        kkey,
        T["control"],
        kfields,
        report,
        "control",
        doc_id,
        kdesc,
    )

    if (gold.get("document") or {}).get("events_annotated"):

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

        def edesc(x):
            return f"{x.get('event_type')} @ {(x.get('place') or {}).get('name')} {(x.get('when') or {}).get('start')}"

        _score_kind(
            gold.get("events", []),
            pred.get("events") or [],
            ekey,
            T["events"],
            efields,
            report,
            "event",
            doc_id,
            edesc,
        )


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(p for p in Path(gold_dir).glob("*.json") if not p.name.startswith("actors"))


def score_corpus(
    gold_dir: Path, predict: Callable[[Path, dict], dict], aliases: Aliases, docs_dir: Path | None = None
) -> Report:
    """Score every gold file; `predict(txt_path, meta)` returns the extraction JSON."""
    report = Report()
    docs_dir = Path(docs_dir) if docs_dir else Path(gold_dir)
    for gf in gold_files(gold_dir):
        gold = json.loads(gf.read_text("utf-8"))
        txt = docs_dir / f"{gf.stem}.txt"
        metaf = docs_dir / f"{gf.stem}.meta.json"
        meta = json.loads(metaf.read_text("utf-8")) if metaf.exists() else gold.get("document", {})
        try:
            pred = predict(txt, meta)
        except Exception as exc:  # a crash on one document counts as an empty extraction
            report.errors.append(f"{gf.stem}: {type(exc).__name__}: {exc}")
            pred = {}
        score_document(gold, pred, aliases, report)
    return report
