"""`warledger actors`: the JSON list the scorer reads, single-name resolution, errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warledger.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def listing() -> list[dict]:
    result = runner.invoke(app, ["actors", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_list_has_the_fields(listing):
    assert len(listing) >= 300
    for rec in listing:
        assert {"name", "aliases", "kind", "country", "affiliations"} <= set(rec)
        assert isinstance(rec["aliases"], list)
    sdf = next(r for r in listing if r["name"] == "Syrian Democratic Forces")
    assert "SDF" in sdf["aliases"] and "S.D.F." in sdf["aliases"]


def test_resolve_one_name():
    result = runner.invoke(app, ["actors", "regime forces", "--country", "SY", "--format", "json"])
    assert result.exit_code == 0
    row = json.loads(result.stdout)
    assert row["name"] == "Syrian Arab Army" and row["known"] is True and row["country"] == "SY"


def test_resolve_table_output():
    result = runner.invoke(app, ["actors", "Ansar Allah"])
    assert result.exit_code == 0 and "Houthis" in result.stdout


def test_user_file_on_the_command_line(tmp_path):
    f = tmp_path / "extra.yaml"
    f.write_text(
        "actors:\n- {name: Hill Watch Collective, kind: monitor, aliases: [HWC]}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["actors", "HWC", "--actors", str(f), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["name"] == "Hill Watch Collective"


def test_missing_actors_file(tmp_path):
    result = runner.invoke(app, ["actors", "--actors", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_corrupt_actors_file(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("actors:\n- {name: Broken Entry, kind: nonsense}\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "--actors", str(f)])
    assert result.exit_code == 2
    assert "Broken Entry" in result.output and "bad.yaml" in result.output
