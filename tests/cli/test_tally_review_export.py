"""`warledger reconcile`, `tally`, `review` and `export` against a temporary ledger."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from reconcile_scenarios import OSKEL, report
from typer.testing import CliRunner

from warledger.cli.export import ExportFormat
from warledger.cli.main import app
from warledger.exports import EXPORTERS
from warledger.store import Ledger

D = date(2024, 5, 14)


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A ledger file with two agreeing reports, one contradicting report and one elsewhere."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WARLEDGER_DB", raising=False)
    path = str(tmp_path / "ledger.db")
    with Ledger.open(path, write=True) as ledger:
        ids = [
            report(
                ledger,
                f"{p}: shelling killed {n} civilians in Varnok.",
                publisher=p,
                published=D,
                casualties=[{"n": n}],
            )
            for p, n in (("Daily Courier", 9), ("Evening Post", 9), ("Morning Star", 90))
        ]
        report(
            ledger,
            "An air strike killed 3 civilians in Oskel.",
            publisher="Daily Courier",
            published=D,
            casualties=[{"n": 3, "place": OSKEL}],
        )
    return path, ids


def invoke(db_path, *args):
    return CliRunner().invoke(app, [*args, "--db", db_path])


def test_reconcile_tally_review_export(db, tmp_path):
    path, ids = db
    r = invoke(path, "reconcile")
    assert r.exit_code == 0, r.output
    assert "reconciled 4 document(s)" in r.stderr

    t = json.loads(invoke(path, "tally", "--by", "place", "--format", "json", "--explain").stdout)
    rows = {row["key"]: row for row in t["rows"]}
    assert rows["Varnok"]["incidents"] == 1 and rows["Varnok"]["best"] in (9, 90)
    assert rows["Varnok"]["high"] == 90 and len(rows["Varnok"]["trace"][0]["documents"]) == 3

    claim = f"{ids[2]}:c1"
    r = invoke(path, "review", claim, "--set", "count=9", "--why", "misprint: 90 for 9", "--by", "ana")
    assert r.exit_code == 0, r.output
    t = json.loads(invoke(path, "tally", "--by", "place", "--format", "json").stdout)
    assert {row["key"]: row["high"] for row in t["rows"]}["Varnok"] == 9

    r = invoke(path, "review", claim, "--history", "--format", "json")
    [v1] = json.loads(r.stdout)
    assert (v1["version"], v1["field"], v1["value"], v1["by"]) == (1, "count", 9, "ana")

    r = invoke(path, "review", claim, "--reject")
    assert r.exit_code != 0  # no --why

    out = tmp_path / "ucdp.csv"
    r = invoke(path, "export", "--format", "ucdp", "-o", str(out), "--country", "SY")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert sorted((row["where_coordinates"], row["best"]) for row in rows) == [
        ("Oskel", "3"),
        ("Varnok", "9"),
    ]

    csv_out = invoke(path, "tally", "--by", "country", "--format", "csv").stdout
    assert list(csv.DictReader(io.StringIO(csv_out)))[0]["best"] == "12"


def test_rebuild_and_table_output(db):
    path, _ = db
    r = invoke(path, "reconcile", "--rebuild")
    assert r.exit_code == 0 and "2 items from 4 claims" in r.stderr
    r = invoke(path, "tally", "--by", "month", "--explain")
    assert r.exit_code == 0 and "2024-05" in r.stdout and "Daily Courier" in r.stdout


def test_bad_review_field_is_a_usage_error(db):
    path, ids = db
    r = invoke(path, "review", f"{ids[0]}:c1", "--set", "colour=red", "--why", "x")
    assert r.exit_code != 0


def test_cli_formats_match_the_registry():
    assert {f.value for f in ExportFormat} == set(EXPORTERS)
