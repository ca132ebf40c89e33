import json

from typer.testing import CliRunner

from warledger.cli.main import app

runner = CliRunner()


def test_places_name_shows_the_choice(tiny_index):
    env = {"WARLEDGER_GAZETTEER_PATH": str(tiny_index)}
    res = runner.invoke(app, ["places", "Tripoli", "--country", "LB", "--format", "json"], env=env)
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["choice"]["geonameid"] == 266826
    assert doc["candidates"][0]["country"] == "LB"


def test_places_lookup_of_unknown_name_exits_1(tiny_index):
    env = {"WARLEDGER_GAZETTEER_PATH": str(tiny_index)}
    res = runner.invoke(app, ["places", "lookup", "Atlantis", "-f", "json"], env=env)
    assert res.exit_code == 1
    assert json.loads(res.stdout)["choice"] is None


def test_places_build_prints_counts(tiny_sources, tmp_path, monkeypatch):
    monkeypatch.setattr("warledger.places.build.default_sources", tiny_sources)
    path = tmp_path / "g.sqlite"
    res = runner.invoke(app, ["places", "build"], env={"WARLEDGER_GAZETTEER_PATH": str(path)})
    assert res.exit_code == 0, res.output
    assert "towns" in res.stdout and "GeoNames" in res.stdout
    assert path.is_file()
