"""Three invented reports through the real pipeline (spaCy model), ingest, reconcile, tally."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.config import Settings
from warledger.ingest import ingest
from warledger.reconcile import reconcile_document
from warledger.reconcile.records import item_from_row
from warledger.reconcile.tally import tally
from warledger.store.reconciled import ItemFilter, ReconciledStore

REPORTS = [
    (
        "Daily Courier",
        date(2024, 5, 15),
        "Local officials said 12 civilians were killed on Tuesday when shells hit the market in Aleppo.",
    ),
    (
        "Evening Post",
        date(2024, 5, 15),
        "Shelling of the Aleppo market killed 12 civilians on Tuesday, a doctor at the city hospital said.",
    ),
    (
        "Morning Star",
        date(2024, 5, 16),
        "The death toll from Tuesday's shelling of the market in Aleppo rose to 19, officials said on Wednesday.",
    ),
]


@pytest.fixture(scope="module")
def pipeline():
    from warledger.pipeline import Pipeline

    return Pipeline()


def test_reports_of_one_shelling_become_one_incident(ledger, tmp_path, pipeline):
    settings = Settings(db=ledger.url, cache_dir=Settings().cache_dir)
    for i, (publisher, published, text) in enumerate(REPORTS):
        path = tmp_path / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        result = ingest(
            [str(path)], settings, ledger=ledger, pipeline=pipeline, publisher=publisher, published=published
        )
        assert result.ingested == 1
    for doc in ledger.documents():
        reconcile_document(ledger, doc["id"])
    items = [
        item_from_row(r)
        for r in ReconciledStore(ledger).iter_items(ItemFilter(kind="casualty", outcome="killed"))
    ]
    [item] = items
    assert len(item.documents) == 3 and len(item.sources) == 3
    assert (item.figures.low, item.figures.best, item.figures.high) == (12, 19, 19)
    assert item.contradicted  # 12 and 19 from independent sources: both kept, not averaged
    assert sum(r.best for r in tally(ledger, by="country").rows) == 19
