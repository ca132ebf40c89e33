"""Tallies: incidents summed once, cumulative claims used instead of the incidents they cover."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from reconcile_scenarios import OSKEL, SYRIA, actors, report

from warledger.reconcile import reconcile_all
from warledger.reconcile.tally import tally
from warledger.types import Precision, When

D = date(2024, 5, 14)


@pytest.fixture
def index():
    return actors()


def _incidents(ledger):
    # The same Varnok incident from two agencies, and one in Oskel.
    for publisher in ("Daily Courier", "Evening Post"):
        report(
            ledger,
            f"{publisher}: 10 civilians were killed by Northern Front shelling in Varnok.",
            publisher=publisher,
            published=D,
            casualties=[{"n": 10, "perpetrator": "Northern Front"}],
        )
    report(
        ledger,
        "An army strike killed 5 civilians in Oskel.",
        publisher="Daily Courier",
        published=D + timedelta(days=3),
        casualties=[{"n": 5, "place": OSKEL, "perpetrator": "Republic Army"}],
    )


def _cumulative(ledger, n: int, *, start=date(2024, 5, 1), end=date(2024, 5, 31)):
    report(
        ledger,
        f"A monitor said {n} civilians had been killed in Syria since the start of May.",
        publisher="Morning Star",
        published=end,
        casualties=[
            {
                "n": n,
                "place": SYRIA,
                "cumulative": True,
                "when": When(start, end, Precision.PERIOD),
                "sources": ["Valley Monitor"],
            }
        ],
    )


def test_incidents_are_summed_once(ledger, index):
    _incidents(ledger)
    reconcile_all(ledger, actors=index)
    t = tally(ledger, by="actor")
    assert [(r.key, r.best, r.incidents) for r in t.rows] == [
        ("Northern Front", 10, 1),
        ("Republic Army", 5, 1),
    ]
    assert t.decisions == []


def test_larger_covering_cumulative_replaces_the_incidents(ledger, index):
    _incidents(ledger)
    _cumulative(ledger, 40)
    reconcile_all(ledger, actors=index)
    t = tally(ledger, by="country")
    assert [(r.key, r.best, r.incidents, r.cumulative) for r in t.rows] == [("SY", 40, 0, 1)]
    [d] = t.decisions
    assert d["used"] and d["incident_sum"] == 15 and len(d["covers"]) == 2
    assert "instead" in d["reason"]


def test_smaller_cumulative_loses_to_the_incident_sum(ledger, index):
    _incidents(ledger)
    _cumulative(ledger, 12)
    reconcile_all(ledger, actors=index)
    t = tally(ledger, by="country")
    assert [(r.key, r.best) for r in t.rows] == [("SY", 15)]
    [d] = t.decisions
    assert not d["used"] and "incidents used" in d["reason"]


def test_cumulative_and_incidents_are_never_added(ledger, index):
    _incidents(ledger)
    _cumulative(ledger, 40)
    reconcile_all(ledger, actors=index)
    total = sum(r.best for r in tally(ledger, by="victim-category").rows)
    assert total == 40  # not 55


def test_by_month_leaves_out_a_cumulative_spanning_months(ledger, index):
    _incidents(ledger)
    _cumulative(ledger, 400, start=date(2024, 1, 1))
    reconcile_all(ledger, actors=index)
    t = tally(ledger, by="month")
    assert [(r.key, r.best) for r in t.rows] == [("2024-05", 15)]
    assert "several months" in t.decisions[0]["reason"]


def test_filters_and_explain_trace(ledger, index):
    _incidents(ledger)
    reconcile_all(ledger, actors=index)
    t = tally(ledger, by="place", place="Varnok", since=D, until=D)
    [row] = t.rows
    assert (row.key, row.best) == ("Varnok", 10)
    [trace] = row.to_json(explain=True)["trace"]
    assert len(trace["documents"]) == 2 and len(trace["sources"]) == 2
