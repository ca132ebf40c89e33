"""Ingest runs: idempotence, errors per input, crashes, syndication, concurrency."""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter

import pytest
from sqlalchemy import event, select

from warledger.config import Settings
from warledger.documents.model import make_document
from warledger.errors import InputError
from warledger.ingest import DUPLICATE, FAILED, INGESTED, error_from_record, ingest
from warledger.store import Ledger
from warledger.store.schema import claims, documents

ALL_REPORTS = 4  # conftest.REPORTS


def _settings(url: str, batch_size: int = 2) -> Settings:
    return Settings(db=url, batch_size=batch_size)


@pytest.fixture
def assert_complete(extract_fake):
    return lambda ledger, expected_docs: _assert_complete(ledger, expected_docs, extract_fake)


def _assert_complete(ledger: Ledger, expected_docs: int, extract_fake) -> None:
    """Every document once, each with exactly the claims its extraction has, nothing orphaned."""
    docs = ledger.documents()
    assert len(docs) == expected_docs == len({d["id"] for d in docs})
    per_doc = Counter(c["doc_id"] for c in ledger.claims())
    for d in docs:
        text = ledger.document(d["id"])["text"]
        expected = len(list(extract_fake(make_document(text)).claims()))
        assert per_doc.pop(d["id"], 0) == expected, d["source"]
    assert not per_doc, "claims without a document"


def test_ingest_stores_documents_claims_and_the_run(ledger, report_dir, fake_pipeline, assert_complete):
    result = ingest([str(report_dir)], _settings(ledger.url), ledger=ledger, pipeline=fake_pipeline)

    assert (result.ingested, result.duplicates, result.failed, result.status) == (
        ALL_REPORTS,
        0,
        0,
        "finished",
    )
    assert result.claims == 7 == ledger.counts()["claims"]
    assert_complete(ledger, ALL_REPORTS)
    [run] = ledger.runs()
    assert (run["id"], run["status"], run["ingested"], run["claims"]) == (result.run_id, "finished", 4, 7)
    assert run["extractors"] == ["fake.v1"]
    assert {d["run_id"] for d in ledger.documents()} == {result.run_id}


def test_same_input_twice_adds_nothing(ledger, report_dir, fake_pipeline, make_pipeline, assert_complete):
    ingest([str(report_dir)], _settings(ledger.url), ledger=ledger, pipeline=fake_pipeline)
    second = ingest([str(report_dir)], _settings(ledger.url), ledger=ledger, pipeline=make_pipeline())

    assert (second.ingested, second.duplicates, second.failed) == (0, ALL_REPORTS, 0)
    assert_complete(ledger, ALL_REPORTS)


def test_a_repeated_input_within_one_run_is_a_duplicate(ledger, report_dir, fake_pipeline):
    path = str(report_dir / "north.txt")
    result = ingest([path, path], _settings(ledger.url, batch_size=1), ledger=ledger, pipeline=fake_pipeline)
    assert (result.ingested, result.duplicates) == (1, 1)
    assert len(fake_pipeline.extracted) == 1  # the copy is not extracted again


def test_failed_inputs_are_recorded_and_the_run_goes_on(ledger, report_dir, fake_pipeline):
    missing = str(report_dir / "absent.txt")
    events = []
    result = ingest(
        [missing, str(report_dir / "north.txt")],
        _settings(ledger.url),
        ledger=ledger,
        pipeline=fake_pipeline,
        progress=lambda ev, r: events.append(ev),
    )
    assert (result.ingested, result.failed, result.status) == (1, 1, "finished")
    assert events == [FAILED, INGESTED]
    [err] = ledger.errors(run_id=result.run_id)
    assert (err["stage"], err["source"]) == ("read", missing)
    assert err["code"].startswith("WL-E2")
    assert ledger.runs()[0]["failed"] == 1


def test_an_extraction_failure_loses_only_that_document(ledger, report_dir, make_pipeline):
    pipeline = make_pipeline(fail_on="Meldrow")  # river.txt
    result = ingest([str(report_dir)], _settings(ledger.url, batch_size=4), ledger=ledger, pipeline=pipeline)
    assert (result.ingested, result.failed) == (ALL_REPORTS - 1, 1)
    [err] = ledger.errors()
    assert (err["stage"], err["code"]) == ("extract", "WL-E300")
    assert err["doc_id"] and err["source"].endswith("river.txt")


def test_strict_raises_the_first_error_and_marks_the_run_failed(ledger, report_dir, fake_pipeline):
    with pytest.raises(InputError):
        ingest(
            [str(report_dir / "absent.txt"), str(report_dir)],
            _settings(ledger.url),
            ledger=ledger,
            pipeline=fake_pipeline,
            strict=True,
        )
    [run] = ledger.runs()
    assert (run["status"], run["failed"], run["ingested"]) == ("failed", 1, 0)
    assert len(ledger.errors()) == 1


def test_error_records_become_their_exception_class():
    from warledger.errors import ErrorRecord, FetchError

    exc = error_from_record(ErrorRecord("read", "WL-E201", "HTTP 503", source="https://example.org"))
    assert isinstance(exc, FetchError) and exc.context["source"] == "https://example.org"


def test_syndicated_copy_is_linked_to_the_original(ledger, report_dir, fake_pipeline, wire_copy):
    first = ingest([str(report_dir)], _settings(ledger.url), ledger=ledger, pipeline=fake_pipeline)
    copy = report_dir.parent / "copy.txt"
    copy.write_text(wire_copy, encoding="utf-8")
    # A new run: the index must come back from the stored signatures.
    second = ingest([str(copy)], _settings(ledger.url), ledger=ledger, pipeline=fake_pipeline)

    assert (first.ingested, second.ingested) == (ALL_REPORTS, 1)
    by_source = {os.path.basename(d["source"]): d for d in ledger.documents()}
    assert by_source["copy.txt"]["copy_of"] == by_source["wire.txt"]["id"]
    assert all(d["copy_of"] is None for name, d in by_source.items() if name != "copy.txt")


@pytest.fixture
def interrupting(make_pipeline):
    class Interrupting(make_pipeline):
        """Stops the process (Ctrl-C) once `after` documents have been extracted."""

        def __init__(self, after: int):
            super().__init__()
            self.after = after

        def extract(self, documents):
            for ex in super().extract(documents):
                if len(self.extracted) > self.after:
                    raise KeyboardInterrupt
                yield ex

    return Interrupting


def test_interrupted_run_is_finished_by_the_next_one(
    ledger, report_dir, make_pipeline, assert_complete, interrupting
):
    with pytest.raises(KeyboardInterrupt):
        ingest(
            [str(report_dir)], _settings(ledger.url, batch_size=1), ledger=ledger, pipeline=interrupting(2)
        )
    assert ledger.runs()[0]["status"] == "interrupted"
    assert_complete(ledger, 2)

    result = ingest(
        [str(report_dir)], _settings(ledger.url, batch_size=1), ledger=ledger, pipeline=make_pipeline()
    )
    assert (result.ingested, result.duplicates, result.failed) == (ALL_REPORTS - 2, 2, 0)
    assert_complete(ledger, ALL_REPORTS)


# -- other processes ----------------------------------------------------------------


def _ingest_in_child(url, inputs, batch_size, pipeline, results, die_at_document=None) -> None:
    """Run an ingest in another process; with `die_at_document`, the process dies (no
    clean-up at all) right after writing that document's row, before its claims."""
    with Ledger.open(url, write=True) as ledger:
        if die_at_document:
            inserts = Counter()

            @event.listens_for(ledger.engine, "after_cursor_execute")
            def _die(conn, cursor, statement, *args):
                if statement.startswith("INSERT INTO documents"):
                    inserts["documents"] += 1
                    if inserts["documents"] == die_at_document:
                        os._exit(17)

        result = ingest(inputs, _settings(url, batch_size), ledger=ledger, pipeline=pipeline)
    results.put(result.to_json())


def _run_children(*jobs: tuple, die_at_document: int | None = None) -> tuple[list[dict], list[int]]:
    """Run (url, inputs, batch_size, pipeline) jobs at once, each in a forked process
    (fork: the children share the test's fake pipeline without pickling it)."""
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    children = [ctx.Process(target=_ingest_in_child, args=(*job, results, die_at_document)) for job in jobs]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
    out = [results.get(timeout=5) for child in children if child.exitcode == 0]
    return out, [child.exitcode for child in children]


def test_killed_process_leaves_no_half_written_document(db_url, report_dir, make_pipeline, assert_complete):
    with Ledger(db_url) as led:
        led.upgrade()
    _, codes = _run_children((db_url, [str(report_dir)], 1, make_pipeline()), die_at_document=3)
    assert codes == [17]

    with Ledger.open(db_url, write=True) as ledger:
        assert_complete(ledger, 2)  # the third document's row was rolled back with its claims
    [result], _ = _run_children((db_url, [str(report_dir)], 1, make_pipeline()))
    assert (result["ingested"], result["duplicates"], result["failed"]) == (ALL_REPORTS - 2, 2, 0)
    with Ledger.open(db_url) as ledger:
        assert_complete(ledger, ALL_REPORTS)


def _many_reports(directory, n: int) -> list[str]:
    directory.mkdir()
    paths = []
    for i in range(n):
        p = directory / f"r{i:02d}.txt"
        p.write_text(
            f"Bulletin {i}\n\nThe district office said {i + 3} people were killed in sector {i} "
            f"and that an air strike hit the depot number {i * 7}.\n",
            encoding="utf-8",
        )
        paths.append(str(p))
    return paths


@pytest.mark.postgres
def test_concurrent_ingests_into_postgres_do_not_collide(pg_url, tmp_path, make_pipeline, assert_complete):
    with Ledger(pg_url) as led:
        led.upgrade()
    paths = _many_reports(tmp_path / "many", 30)
    # Overlapping halves, one in reverse order, so both processes race for the same rows.
    (a, b), codes = _run_children(
        (pg_url, paths[:20], 1, make_pipeline()), (pg_url, paths[10:][::-1], 1, make_pipeline())
    )
    assert codes == [0, 0]
    assert a["failed"] == b["failed"] == 0 and a["errors"] == b["errors"] == []
    assert a["ingested"] + b["ingested"] == 30
    assert a["duplicates"] + b["duplicates"] == 10
    with Ledger.open(pg_url) as ledger:
        assert_complete(ledger, 30)
        with ledger.engine.connect() as conn:
            assert conn.execute(select(documents.c.id)).all().__len__() == 30
            assert len(conn.execute(select(claims.c.id)).all()) == 60


def test_progress_hears_every_outcome(ledger, report_dir, fake_pipeline):
    seen = []
    ingest(
        [str(report_dir)] * 2,
        _settings(ledger.url),
        ledger=ledger,
        pipeline=fake_pipeline,
        progress=lambda e, r: seen.append(e),
    )
    assert Counter(seen) == {INGESTED: ALL_REPORTS, DUPLICATE: ALL_REPORTS}


def test_stored_signatures_seed_the_index_without_reading_texts(
    ledger, report_dir, fake_pipeline, monkeypatch
):
    ingest([str(report_dir)], _settings(ledger.url), ledger=ledger, pipeline=fake_pipeline)
    read = []
    monkeypatch.setattr(Ledger, "texts", lambda self, ids: read.extend(ids) or {})
    ingest([str(report_dir)], _settings(ledger.url), ledger=ledger, pipeline=fake_pipeline)
    assert read == []
