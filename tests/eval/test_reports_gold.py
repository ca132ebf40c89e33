"""Invariants of our own annotated reports (tests/reports/<split>/): the gold must be exact.

Checks every gold file against the shared schema (when the shared contract is checked out
beside the repo), evidence offsets, part_of links, the count rules of ANNOTATION.md, dates,
actor names, and the size of each split.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "tests" / "reports"
SCHEMA = REPO.parent / "shared" / "schema" / "extraction.schema.json"
MIN_REPORTS = {"dev": 18, "dev2": 12, "dev3": 8, "heldout": 8, "heldout2": 10, "heldout3": 10, "heldout4": 12}
KINDS = ("casualties", "control", "events")


def gold_files(split: str | None = None) -> list[Path]:
    splits = [split] if split else sorted(MIN_REPORTS)
    return [p for s in splits for p in sorted((REPORTS / s / "gold").glob("*.json"))]


ALL = gold_files()


def load(path: Path) -> tuple[dict, str, dict]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    split_dir = path.parent.parent
    text = (split_dir / f"{path.stem}.txt").read_text(encoding="utf-8")
    meta = json.loads((split_dir / f"{path.stem}.meta.json").read_text(encoding="utf-8"))
    return gold, text, meta


def items(gold: dict):
    for kind in KINDS:
        for it in gold.get(kind, []):
            yield kind, it


def ids(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


@pytest.mark.parametrize("split", sorted(MIN_REPORTS))
def test_split_size(split):
    files = gold_files(split)
    assert len(files) >= MIN_REPORTS[split], f"{split}: {len(files)} gold files, need {MIN_REPORTS[split]}"
    for f in files:
        assert (f.parent.parent / f"{f.stem}.txt").exists()
        assert (f.parent.parent / f"{f.stem}.meta.json").exists()


def test_report_ids_unique_across_splits():
    stems = [p.stem for p in ALL]
    assert len(stems) == len(set(stems))


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_schema(path):
    if not SCHEMA.exists():
        pytest.skip("shared schema not checked out beside the repo")
    jsonschema = pytest.importorskip("jsonschema")
    gold, _, _ = load(path)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(gold, schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_document_header_matches_meta(path):
    gold, text, meta = load(path)
    doc = gold["document"]
    assert gold["schema"] == "warledger.extraction/1"
    assert doc["id"] == path.stem
    assert doc["events_annotated"] is True
    assert doc["language"] == "en"
    for k in ("url", "title", "publisher", "published"):
        assert doc.get(k) == meta.get(k), k
    dt.date.fromisoformat(meta["published"])
    words = len(text.split())
    assert 150 <= words <= 480, f"{words} words"
    assert "\r" not in text and not text.startswith("\ufeff"), "text must already be in cleaned form"


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_evidence_offsets_exact(path):
    gold, text, _ = load(path)
    for kind, it in items(gold):
        ev = it["evidence"]
        s, e, sent = ev["start"], ev["end"], ev["sentence"]
        assert 0 <= s < e <= len(text), (it["id"], s, e)
        assert sent and sent == sent.strip(), (it["id"], "sentence has stray whitespace")
        # the span lies inside one occurrence of the sentence in the text
        starts, i = [], text.find(sent)
        while i >= 0:
            starts.append(i)
            i = text.find(sent, i + 1)
        assert starts, (it["id"], "sentence not in text", sent[:80])
        assert any(a <= s and e <= a + len(sent) for a in starts), (
            it["id"],
            "span outside its sentence",
            text[s:e],
        )
        assert text[s:e] == text[s:e].strip(), (it["id"], "span has stray whitespace")
        if kind == "casualties":
            assert it["count"]["text"] in text[s:e], (it["id"], it["count"]["text"], text[s:e])


COUNT_RULES = {
    "exact": lambda lo, hi: lo is not None and lo == hi,
    "approx": lambda lo, hi: lo is not None and lo == hi,
    "at_least": lambda lo, hi: lo is not None and hi is None,
    "vague": lambda lo, hi: lo is not None and hi is None,
    "at_most": lambda lo, hi: lo is None and hi is not None,
}


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_counts_follow_annotation_rules(path):
    gold, _, _ = load(path)
    for c in gold["casualties"]:
        n = c["count"]
        assert COUNT_RULES[n["qualifier"]](n["low"], n["high"]), (c["id"], n)
        if c["victims"]["category"] != "combatant":
            assert c["victims"].get("actor") is None, (c["id"], "victims.actor only for combatants")


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_ids_and_part_of(path):
    gold, _, _ = load(path)
    all_ids = [it["id"] for _, it in items(gold)]
    assert len(all_ids) == len(set(all_ids)), "duplicate ids"
    cas = {c["id"]: c for c in gold["casualties"]}
    for c in gold["casualties"]:
        p = c.get("part_of")
        if p is None:
            continue
        assert p in cas and p != c["id"], (c["id"], p)
        parent = cas[p]
        assert parent["outcome"] == c["outcome"], (c["id"], "breakdown of another outcome")
        if parent["count"]["low"] is not None and c["count"]["low"] is not None:
            assert c["count"]["low"] <= parent["count"]["low"] or parent["count"]["high"] is None, c["id"]


@pytest.mark.parametrize("path", ALL, ids=ids)
def test_dates_and_sources(path):
    gold, _, meta = load(path)
    published = dt.date.fromisoformat(meta["published"])
    publisher = meta.get("publisher")
    for kind, it in items(gold):
        w = it.get("when")
        if w:
            start = dt.date.fromisoformat(w["start"]) if w["start"] else None
            end = dt.date.fromisoformat(w["end"]) if w["end"] else None
            assert start or end, it["id"]
            if start and end:
                assert start <= end, it["id"]
            assert (end or start) <= published, (it["id"], "claim dated after publication")
            if w["precision"] == "day":
                assert start == end, it["id"]
        src = it["sources"]
        if publisher:
            assert src and src[-1] == publisher, (it["id"], "the publisher ends the chain", src)
        assert len(src) == len(set(src)), it["id"]
        if kind == "control" and it["extent"] == "share":
            assert it.get("share") is not None, it["id"]


def _actor_names(gold: dict) -> set[str]:
    names = set()
    for kind, it in items(gold):
        if kind == "casualties":
            names |= {it["victims"].get("actor"), it.get("perpetrator")}
        elif kind == "control":
            names |= {it.get("actor"), it.get("from_actor")}
        else:
            names |= {it.get("actor1"), it.get("actor2")}
        names |= set(it["sources"])
    return {n for n in names if n}


def test_every_actor_is_listed():
    # every actor list the scorers read: beside the corpus and beside each split's gold
    listed: dict = {}
    for f in sorted(REPORTS.glob("actors*.json")) + sorted(REPORTS.glob("*/actors*.json")):
        listed.update(json.loads(f.read_text(encoding="utf-8")))
    missing = {}
    for path in ALL:
        gold, _, _ = load(path)
        for n in _actor_names(gold) - set(listed):
            missing.setdefault(n, []).append(path.stem)
    assert not missing, f"actors used in gold but not in actors-ours.json: {missing}"


def test_places_are_well_formed():
    for path in ALL:
        gold, _, _ = load(path)
        for _, it in items(gold):
            p = it.get("place")
            if not p:
                continue
            assert (p["lat"] is None) == (p["lon"] is None), (path.stem, it["id"])
            if p["lat"] is not None:
                assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
            assert p["country"] and len(p["country"]) == 2, (path.stem, it["id"])
