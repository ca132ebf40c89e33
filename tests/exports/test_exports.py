"""Exports: exact ACLED columns, UCDP figures, GeoJSON structure, round trips, pandas loads."""

from __future__ import annotations

import csv
import io
import json
import warnings
from datetime import date

import pytest
from reconcile_scenarios import actors, report

from warledger.exports import EXPORTERS, export
from warledger.exports.acled import COLUMNS as ACLED_COLUMNS
from warledger.exports.ucdp import COLUMNS as UCDP_COLUMNS
from warledger.reconcile import reconcile_all

D = date(2024, 5, 14)

ACLED_PUBLIC = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp"
).split(",")


@pytest.fixture
def filled(ledger):
    """Two reports of one army air strike (4 civilians, 2 fighters), a contradiction, a capture."""
    for publisher, civ in (("Daily Courier", 4), ("Evening Post", 7)):
        report(
            ledger,
            f"{publisher}: a Republic Army air strike on Varnok killed {civ} civilians and 2 fighters.",
            publisher=publisher,
            published=D,
            events=[{"snippet": "air strike", "actor1": "Republic Army", "actor2": "Northern Front"}],
            casualties=[
                {"n": civ, "snippet": str(civ), "perpetrator": "Republic Army"},
                {
                    "n": 2,
                    "snippet": "2 fighters",
                    "category": "combatant",
                    "victim_actor": "Northern Front",
                    "perpetrator": "Republic Army",
                },
            ],
        )
    report(
        ledger,
        "Northern Front fighters took Oskel on Tuesday.",
        publisher="Daily Courier",
        published=D,
        control=[{"actor": "Northern Front", "from_actor": "Republic Army", "snippet": "took Oskel"}],
    )
    report(
        ledger,
        "A statement said the army took back Tellan.",
        publisher="State News",
        published=date(2023, 1, 2),
        control=[{"actor": "Republic Army", "snippet": "took back", "place": None}],
    )
    reconcile_all(ledger, actors=actors())
    return ledger


def _text(ledger, fmt, **kw) -> str:
    buf = io.StringIO()
    export(ledger, fmt, buf, **kw)
    return buf.getvalue()


def test_every_format_is_registered():
    assert set(EXPORTERS) == {"acled", "ucdp", "geojson", "parquet", "jsonl", "csv"}


def test_acled_columns_exactly_and_codes(filled):
    assert ACLED_COLUMNS == ACLED_PUBLIC
    rows = list(csv.DictReader(io.StringIO(_text(filled, "acled"))))
    assert list(rows[0]) == ACLED_PUBLIC
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert (strike["time_precision"], strike["geo_precision"]) == ("1", "1")
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("1", "2", "12")
    assert strike["country"] == "Syria" and strike["iso"] == "760" and strike["region"] == "Middle East"
    assert strike["fatalities"] == "6"  # the low figure: 4 civilians (vs 7) + 2 fighters
    assert "air strike" in strike["notes"] and strike["civilian_targeting"] == "Civilian targeting"
    capture = next(r for r in rows if r["location"] == "Oskel")
    assert capture["sub_event_type"] == "Non-state actor overtakes territory"
    retake = next(r for r in rows if r["actor1"] == "Republic Army" and r["event_type"] == "Battles")
    assert retake["sub_event_type"] == "Government regains territory" and retake["geo_precision"] == "3"


def test_ucdp_low_best_high_and_deaths(filled):
    rows = list(csv.DictReader(io.StringIO(_text(filled, "ucdp"))))
    assert list(rows[0]) == UCDP_COLUMNS
    [event] = rows  # the incidents belong to the event: no rows of their own
    assert (event["low"], event["best"], event["high"]) == ("6", "9", "9")
    assert (event["deaths_civilians"], event["deaths_b"], event["deaths_unknown"]) == ("7", "2", "0")
    assert event["type_of_violence"] == "1" and event["side_a"] == "Republic Army"
    assert event["where_prec"] == "1" and event["date_prec"] == "1"


def test_geojson_structure(filled):
    data = json.loads(_text(filled, "geojson"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    for f in data["features"]:
        assert f["type"] == "Feature" and set(f) == {"type", "id", "geometry", "properties"}
        assert f["properties"]["kind"] in ("event", "control")
        g = f["geometry"]
        if g is None:
            assert f["properties"]["lat"] is None
        else:
            assert g["type"] == "Point" and g["coordinates"] == [
                f["properties"]["lon"],
                f["properties"]["lat"],
            ]
    assert any(f["geometry"] is None for f in data["features"])


def test_jsonl_round_trip_and_filters(filled):
    records = [json.loads(line) for line in _text(filled, "jsonl").splitlines()]
    assert {r["kind"] for r in records} == {"casualty", "event", "control"}
    event = next(r for r in records if r["kind"] == "event")
    assert len(event["documents"]) == 2 and event["sources"][0]["documents"]
    only = [json.loads(x) for x in _text(filled, "jsonl", kind="control", since=D).splitlines()]
    assert [r["place_name"] for r in only] == ["Oskel"]
    assert _text(filled, "jsonl", country="UA") == ""


def test_csv_has_every_field(filled):
    rows = list(csv.DictReader(io.StringIO(_text(filled, "csv"))))
    jsonl = [json.loads(x) for x in _text(filled, "jsonl").splitlines()]
    assert len(rows) == len(jsonl) and list(rows[0]) == list(jsonl[0])
    assert json.loads(rows[0]["claims"]) == jsonl[0]["claims"]


def test_parquet_round_trip(filled, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "items.parquet"
    assert export(filled, "parquet", path) == 5
    table = pq.read_table(path)
    jsonl = [json.loads(x) for x in _text(filled, "jsonl").splitlines()]
    assert table.column_names == list(jsonl[0])
    assert table.column("id").to_pylist() == [r["id"] for r in jsonl]


@pytest.mark.parametrize("fmt", ["acled", "ucdp", "csv"])
def test_pandas_reads_csv_without_warnings(filled, tmp_path, fmt):
    pd = pytest.importorskip("pandas")
    path = tmp_path / f"{fmt}.csv"
    export(filled, fmt, path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = pd.read_csv(path)
    assert len(frame) > 0


def test_pandas_reads_parquet(filled, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tmp_path / "items.parquet"
    export(filled, "parquet", path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(pd.read_parquet(path)) == 5
