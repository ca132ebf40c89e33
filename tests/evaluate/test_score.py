"""The evaluate command follows ANNOTATION.md's judging rules and agrees with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.cli.main import app
from warledger.evaluate import Aliases, Report, score_document

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def casualty(id_, outcome, low, high, category, **kw):
    c = {
        "id": id_,
        "outcome": outcome,
        "count": {"low": low, "high": high, "qualifier": "exact"},
        "victims": {"category": category, "actor": kw.pop("actor", None), "group": kw.pop("group", None)},
        "perpetrator": kw.pop("perpetrator", None),
        "sources": kw.pop("sources", []),
        "hedged": kw.pop("hedged", False),
        "evidence": kw.pop("evidence", {"start": 0, "end": 1, "sentence": "s"}),
    }
    c.update(kw)
    return c


def doc(casualties=(), control=(), events=(), events_annotated=True):
    return {
        "document": {"id": "d", "events_annotated": events_annotated},
        "casualties": list(casualties),
        "control": list(control),
        "events": list(events),
    }


def test_casualty_matching_and_fields():
    aliases = Aliases()
    aliases.add_group(["Islamic State", "ISIS", "IS"])
    gold = doc(
        [
            casualty("c1", "killed", 10, 10, "civilian", perpetrator="Islamic State", sources=["Monitor"]),
            casualty("c2", "killed", 4, 4, "civilian", part_of="c1", group="children"),
            casualty("c3", "injured", 3, None, "unknown", ambiguous=True),
        ]
    )
    pred = doc(
        [
            casualty("p1", "killed", 10, 10, "civilian", perpetrator="ISIS", sources=["Monitor", "Wire"]),
            casualty("p2", "killed", 4, 4, "civilian", part_of="p1", group="children"),
            casualty("p3", "injured", 3, None, "unknown"),  # matches an ambiguous item: not a false alarm
            casualty("p4", "killed", 99, 99, "combatant"),  # a false alarm
        ]
    )
    report = Report()
    score_document(gold, pred, aliases, report)
    t = report.tallies["casualties"]
    assert (t.tp, t.fp, t.fn) == (2, 1, 0)
    assert t.fields["perpetrator"] == [2, 2]  # ISIS is an alias of Islamic State; None == None
    assert t.fields["part_of"] == [1, 1]
    assert t.fields["sources"] == [1, 1]
    assert [m[0] for m in report.misses] == ["false"]


def test_category_mismatch_is_a_miss_and_a_false_alarm():
    report = Report()
    score_document(
        doc([casualty("c1", "killed", 5, 5, "civilian")]),
        doc([casualty("p1", "killed", 5, 5, "unknown")]),
        Aliases(),
        report,
    )
    t = report.tallies["casualties"]
    assert (t.tp, t.fp, t.fn) == (0, 1, 1)


def test_places_match_by_distance_or_name():
    from warledger.evaluate.score import same_place

    assert same_place(
        {"name": "Deir ez-Zor", "lat": 35.33, "lon": 40.14},
        {"name": "Dayr az Zawr", "lat": 35.34, "lon": 40.15},
    )
    assert not same_place(
        {"name": "Tripoli", "lat": 32.88, "lon": 13.19}, {"name": "Tripoli", "lat": 34.43, "lon": 35.84}
    )
    assert same_place(
        {"name": "Ywathit Village", "lat": None, "lon": None}, {"name": "Ywathit", "lat": None, "lon": None}
    )
    assert same_place(None, None) and not same_place({"name": "X"}, None)


def test_events_only_scored_when_annotated():
    ev = {
        "id": "e1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "A",
        "place": None,
        "when": None,
        "evidence": {"start": 0, "end": 1, "sentence": "s"},
    }
    report = Report()
    score_document(doc(events=[ev], events_annotated=False), doc(), Aliases(), report)
    assert report.tallies["events"].fn == 0
    score_document(doc(events=[ev]), doc(), Aliases(), report)
    assert report.tallies["events"].fn == 1


@pytest.mark.skipif(
    not (SHARED / "tools" / "score.py").exists(), reason="the shared scorer is not beside the repo"
)
def test_agrees_with_the_shared_scorer(tmp_path):
    """Same gold, same saved predictions: the same figures from both scorers."""
    from datetime import date

    from warledger.documents.model import make_document
    from warledger.pipeline import Pipeline

    gold_dir, docs_dir, pred_dir = tmp_path / "gold", tmp_path / "docs", tmp_path / "pred"
    for d in (gold_dir, docs_dir, pred_dir):
        d.mkdir()
    sources = [(SHARED / "gold" / "hajin.json", SHARED / "examples" / "hajin.txt", None)]
    dev = SHARED / "dev"
    for g in sorted((dev / "gold").glob("*.json"))[:4]:
        sources.append((g, dev / "docs" / f"{g.stem}.txt", dev / "docs" / f"{g.stem}.meta.json"))
    pipeline = Pipeline()
    for g, txt, meta in sources:
        gold = json.loads(g.read_text())
        (gold_dir / g.name).write_text(json.dumps(gold))
        (docs_dir / txt.name).write_text(txt.read_text())
        m = json.loads(meta.read_text()) if meta else gold["document"]
        pub = date.fromisoformat(m["published"]) if m.get("published") else None
        ex = pipeline.extract_one(make_document(txt.read_text(), published=pub, publisher=m.get("publisher")))
        (pred_dir / g.name).write_text(json.dumps(ex.to_json()))

    shared_json = tmp_path / "shared.json"
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score.py"),
            str(gold_dir),
            str(docs_dir),
            "--pred-dir",
            str(pred_dir),
            "--json",
            str(shared_json),
        ],
        check=True,
        capture_output=True,
    )
    ours_json = tmp_path / "ours.json"
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            str(gold_dir),
            "--docs",
            str(docs_dir),
            "--pred-dir",
            str(pred_dir),
            "--json",
            str(ours_json),
        ],
    )
    assert result.exit_code == 0, result.output
    theirs, ours = json.loads(shared_json.read_text()), json.loads(ours_json.read_text())
    for kind in ("casualties", "control", "events"):
        assert ours[kind] == theirs[kind], kind
