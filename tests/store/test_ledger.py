"""The Ledger on SQLite and PostgreSQL: schema, round trips, idempotent writes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from warledger.documents.model import make_document
from warledger.errors import ErrorRecord, NotFound, SchemaOutOfDate, StoreError
from warledger.store import Ledger
from warledger.store.engine import display_url, engine_url
from warledger.store.schema import metadata


@pytest.fixture
def extraction(reports, extract_fake):
    """Builds the fake extraction of one invented report, with some metadata."""

    def build(name: str, **meta):
        doc = make_document(
            reports[name], source=name, publisher="Example Wire", published=date(2024, 3, 5), **meta
        )
        return extract_fake(doc)

    return build


def test_migrations_build_exactly_the_schema_module(ledger):
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []
    assert ledger.revision() == Ledger.head_revision()


def test_document_round_trip(ledger, extraction):
    ex = extraction("north.txt", title="Fighting in the north", url="https://example.org/a")
    run = ledger.start_run(settings_digest="d" * 64, extractors=["fake.v1"])
    assert ledger.add_extraction(ex, run_id=run, minhash=b"\x01" * 16)

    listed = ledger.documents()
    assert [d["id"] for d in listed] == [ex.document.id]
    assert listed[0]["claims"] == 2 and "text" not in listed[0]
    stored = ledger.document(ex.document.id)
    assert stored["text"] == ex.document.text
    assert stored["published"] == date(2024, 3, 5)
    assert (stored["title"], stored["url"], stored["publisher"]) == (
        "Fighting in the north",
        "https://example.org/a",
        "Example Wire",
    )
    assert stored["run_id"] == run
    assert [s.signature for s in ledger.signatures()] == [b"\x01" * 16]


def test_claims_round_trip_with_typed_columns(ledger, extraction):
    ex = extraction("river.txt")
    ledger.add_extraction(ex)
    rows = {r["local_id"]: r for r in ledger.claims()}
    assert set(rows) == {"c1", "t1"}
    casualty, control = rows["c1"], rows["t1"]
    assert casualty["id"] == f"{ex.document.id}:c1"
    assert (casualty["kind"], casualty["outcome"], casualty["count_low"], casualty["count_high"]) == (
        "casualty",
        "injured",
        4,
        4,
    )
    assert casualty["data"] == ex.casualties[0].to_json()
    text = ex.document.text
    assert text[casualty["evidence_start"] : casualty["evidence_end"]] == "4 fighters were injured"
    assert (control["kind"], control["actor"], control["place_name"], control["lat"]) == (
        "control",
        "Tarsan forces",
        "Meldrow",
        1.5,
    )
    assert [r["local_id"] for r in ledger.claims(kind="control")] == ["t1"]
    assert ledger.claims(doc_id="nope") == []
    assert ledger.actors() == [
        {"doc_id": ex.document.id, "name": "Tarsan forces", "known": False, "as_written": ["Tarsan forces"]}
    ]


def test_a_stored_document_is_not_written_twice(ledger, extraction):
    ex = extraction("river.txt")
    assert ledger.add_extraction(ex) is True
    assert ledger.add_extraction(extraction("river.txt")) is False
    counts = ledger.counts()
    assert (counts["documents"], counts["claims"], counts["actors_seen"]) == (1, 2, 1)
    assert ledger.stored_ids([ex.document.id, "other"]) == {ex.document.id}


def test_runs_and_errors_are_recorded(ledger):
    run = ledger.start_run(settings_digest="a" * 64)
    at = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    ledger.record_error(
        run, ErrorRecord("read", "WL-E201", "HTTP 404", source="https://example.org/x", at=at)
    )
    ledger.finish_run(
        run, status="finished", ingested=3, duplicates=1, failed=1, claims=9, extractors=["b", "a"]
    )
    [stored] = ledger.runs()
    assert (
        stored["status"],
        stored["ingested"],
        stored["duplicates"],
        stored["failed"],
        stored["claims"],
    ) == (
        "finished",
        3,
        1,
        1,
        9,
    )
    assert stored["extractors"] == ["a", "b"] and stored["finished"] is not None
    [err] = ledger.errors(run_id=run)
    assert (err["stage"], err["code"], err["source"]) == ("read", "WL-E201", "https://example.org/x")


def test_unknown_document_is_not_found(ledger):
    with pytest.raises(NotFound):
        ledger.document("0" * 16)


def test_sqlite_file_is_created_and_upgraded_when_opened_for_writing(tmp_path):
    path = tmp_path / "sub" / "new.db"
    with Ledger.open(str(path), write=True) as led:
        assert led.revision() == Ledger.head_revision()
    assert path.exists()


def test_missing_sqlite_file_is_not_created_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no ledger"):
        Ledger.open(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.postgres
def test_postgres_is_never_upgraded_behind_the_users_back(pg_url):
    with pytest.raises(SchemaOutOfDate, match="warledger db upgrade"):
        Ledger.open(pg_url, write=True)
    Ledger(pg_url).upgrade()
    with Ledger.open(pg_url, write=True) as led:
        assert led.counts()["documents"] == 0


def test_unreachable_database_is_a_store_error():
    led = Ledger("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="database error"):
        led.revision()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_postgres_urls_use_psycopg3(url, expected):
    assert engine_url(url) == expected


def test_display_url_hides_the_password():
    assert (
        display_url("postgresql://ann:secret@db.example/ledger") == "postgresql://ann:***@db.example/ledger"
    )
