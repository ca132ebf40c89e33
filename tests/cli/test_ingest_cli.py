"""`warledger ingest`, `docs`, `claims` and `db`: exit codes and what they print."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from warledger.cli.main import app
from warledger.errors import StoreError
from warledger.store import Ledger


@pytest.fixture
def run(monkeypatch, tmp_path, make_pipeline):
    """Invoke the CLI against a temporary SQLite ledger, extracting with the fake pipeline."""
    monkeypatch.setattr("warledger.ingest.Pipeline", lambda settings: make_pipeline())
    monkeypatch.chdir(tmp_path)  # no stray warledger.toml or warledger.db
    monkeypatch.delenv("WARLEDGER_DB", raising=False)
    db = str(tmp_path / "ledger.db")
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [*args, "--db", db])

    return invoke


def test_ingest_then_list_documents_and_claims(run, report_dir):
    result = run("ingest", str(report_dir))
    assert result.exit_code == 0, result.output
    assert "ingested" in result.stderr and "claims" in result.stderr

    docs = json.loads(run("docs", "--format", "json").stdout)
    assert len(docs) == 4 and {"id", "title", "claims", "copy_of"} <= set(docs[0])
    lines = run("claims", "--kind", "casualty", "--format", "jsonl").stdout.splitlines()
    claims = [json.loads(line) for line in lines]
    assert len(claims) == 3 and {c["kind"] for c in claims} == {"casualty"}
    assert claims[0]["data"]["evidence"]["sentence"]


def test_second_ingest_reports_duplicates(run, report_dir):
    run("ingest", str(report_dir), "--quiet")
    result = run("ingest", str(report_dir))
    assert result.exit_code == 0
    assert "duplicates │ 4" in result.stderr or "duplicates 4" in result.stderr


def test_quiet_prints_nothing(run, report_dir):
    result = run("ingest", str(report_dir), "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_failed_input_gives_exit_1_and_the_rest_is_stored(run, report_dir, tmp_path):
    result = run("ingest", str(tmp_path / "absent.txt"), str(report_dir / "north.txt"))
    assert result.exit_code == 1
    assert "absent.txt" in result.stderr
    assert len(json.loads(run("docs", "-f", "json").stdout)) == 1


def test_strict_stops_at_the_first_failure(run, report_dir, tmp_path):
    result = run("ingest", "--strict", str(tmp_path / "absent.txt"), str(report_dir))
    assert result.exit_code == 1
    assert "absent.txt" in result.stderr
    assert json.loads(run("docs", "-f", "json").stdout) == []


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],  # no input
        ["ingest", "x.txt", "--published", "last week"],
        ["claims", "--kind", "rumour"],
        ["docs", "--format", "xml"],
    ],
)
def test_usage_errors_exit_2(run, args):
    assert run(*args).exit_code == 2


def test_claims_as_csv_and_filtered_by_document(run, report_dir):
    run("ingest", str(report_dir), "-q")
    doc = next(d for d in json.loads(run("docs", "-f", "json").stdout) if d["claims"])
    rows = list(csv.DictReader(io.StringIO(run("claims", "--doc", doc["id"], "-f", "csv").stdout)))
    assert rows and {r["doc_id"] for r in rows} == {doc["id"]}
    assert len(list(csv.DictReader(io.StringIO(run("claims", "-f", "csv", "--limit", "2").stdout)))) == 2


def test_table_output_lists_documents(run, report_dir):
    run("ingest", str(report_dir), "-q")
    out = run("docs").stdout
    assert "documents" in out and "copy_of" in out


def test_db_upgrade_and_info(run):
    info = run("db", "info")
    assert info.exit_code == 0 and "no ledger file yet" in info.stdout
    up = run("db", "upgrade")
    head = Ledger.head_revision()
    assert up.exit_code == 0 and head in up.stderr
    assert f"already at schema {head}" in run("db", "upgrade").stderr
    info = run("db", "info").stdout
    assert f"{head} (up to date)" in info and "documents" in info and "claims" in info


def test_listing_a_missing_ledger_is_a_store_error(run):
    result = run("docs")
    assert isinstance(result.exception, StoreError)
