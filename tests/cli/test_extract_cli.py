"""`warledger extract`: the scored output form, stable and valid against the shared schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.cli.main import app

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schema" / "extraction.schema.json"

REPORT = (
    "Shelling kills nine in frontline town\n\n"
    "At least nine civilians, including three children, were killed on Friday when shells hit a market "
    "in the town, the regional governor said.\n\n"
    "Separately, the army said it had retaken two villages after heavy clashes with the militants."
)


def run(*args):
    return CliRunner().invoke(app, list(args))


def test_one_document_is_one_json_object(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text(REPORT)
    r = run("extract", str(f), "--published", "2024-03-10", "--publisher", "Example Wire", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["schema"] == "warledger.extraction/1"
    assert doc["document"]["published"] == "2024-03-10" and doc["document"]["publisher"] == "Example Wire"
    assert {"casualties", "control", "events", "actors"} <= set(doc)
    killed = [c for c in doc["casualties"] if c["outcome"] == "killed"]
    assert {(c["count"]["low"], c["victims"]["group"]) for c in killed} >= {(9, None), (3, "children")}
    for c in doc["casualties"]:
        assert c["evidence"]["sentence"] in REPORT
        assert REPORT[c["evidence"]["start"] : c["evidence"]["end"]] in c["evidence"]["sentence"]
        assert c["sources"][-1] == "Example Wire"


def test_several_documents_are_json_lines_and_a_bad_one_is_reported(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(REPORT)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    r = run("extract", str(good), str(empty), str(good))
    assert r.exit_code == 1  # some inputs failed
    lines = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert len(lines) == 2
    assert "empty.txt" in r.stderr


def test_bad_date_is_a_usage_error(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    assert run("extract", str(f), "--published", "14/12/2018").exit_code == 2


@pytest.mark.skipif(not SCHEMA.exists(), reason="the shared schema is not beside the repo")
def test_output_validates_against_the_schema(tmp_path):
    import jsonschema

    f = tmp_path / "report.txt"
    f.write_text(REPORT)
    doc = json.loads(run("extract", str(f), "--published", "2024-03-10").stdout)
    jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
