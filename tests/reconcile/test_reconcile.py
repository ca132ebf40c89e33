"""Reconciliation over invented multi-report scenarios: agreement, contradiction,
syndication, rising tolls, affiliations, incremental updates and reviews."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from reconcile_scenarios import NORTH, OSKEL, TELLAN, actors, day, report

from warledger.reconcile import reconcile_all, reconcile_document
from warledger.reconcile.records import item_from_row
from warledger.store.reconciled import ItemFilter, ReconciledStore
from warledger.store.reviews import add_review

D = date(2024, 5, 14)


@pytest.fixture
def index():
    return actors()


def items(ledger, **where):
    return [item_from_row(r) for r in ReconciledStore(ledger).iter_items(ItemFilter(**where))]


def killed(ledger):
    return items(ledger, kind="casualty", outcome="killed")


def test_agreement_across_two_agencies_makes_one_incident(ledger, index):
    a = report(
        ledger,
        "Shelling killed 9 civilians in Varnok on Tuesday, local officials said.",
        publisher="Daily Courier",
        published=D,
        casualties=[{"n": 9, "sources": ["local officials"]}],
    )
    b = report(
        ledger,
        "Nine civilians died when shells fell on the Varnok market, a rights group said.",
        publisher="Evening Post",
        published=D + timedelta(days=1),
        casualties=[{"n": 9, "snippet": "Nine", "place": TELLAN, "when": day(D)}],
    )
    for doc in (a, b):
        reconcile_document(ledger, doc, actors=index)
    [item] = killed(ledger)
    assert (item.figures.low, item.figures.best, item.figures.high) == (9, 9, 9)
    assert len(item.sources) == 2 and sorted(item.documents) == sorted([a, b])
    assert not item.contradicted


def test_different_towns_or_days_stay_apart(ledger, index):
    report(
        ledger, "A strike killed 4 in Varnok.", publisher="Daily Courier", published=D, casualties=[{"n": 4}]
    )
    report(
        ledger,
        "A strike killed 4 in Oskel.",
        publisher="Evening Post",
        published=D,
        casualties=[{"n": 4, "place": OSKEL}],
    )
    report(
        ledger,
        "A strike killed 4 in Varnok last week.",
        publisher="Morning Star",
        published=D,
        casualties=[{"n": 4, "when": day(D - timedelta(days=6))}],
    )
    reconcile_all(ledger, actors=index)
    assert len(killed(ledger)) == 3


def test_contradiction_keeps_both_figures_and_never_averages(ledger, index):
    report(
        ledger,
        "Government shelling killed 12 civilians in Varnok, the army said.",
        publisher="State News",
        published=D,
        casualties=[{"n": 12, "sources": ["Republic Army"]}],
    )
    report(
        ledger,
        "Shelling killed 30 civilians in Varnok, a monitor said.",
        publisher="Evening Post",
        published=D,
        casualties=[{"n": 30, "sources": ["Valley Monitor"]}],
    )
    reconcile_all(ledger, actors=index)
    [item] = killed(ledger)
    assert (item.figures.low, item.figures.high) == (12, 30)
    assert item.figures.best in (12, 30)  # one source's figure, never 21
    [c] = item.contradictions
    assert {c["a"]["figure"], c["b"]["figure"]} == {12, 30}
    assert {c["a"]["source"], c["b"]["source"]} == {"Republic Army", "Valley Monitor"}


def test_five_wire_copies_and_one_independent_report_are_two_sources(ledger, index):
    wire = "An air strike killed 7 people in Varnok overnight, residents told the agency."
    original = report(
        ledger, wire, publisher="Wire Agency", published=D, casualties=[{"n": 7, "sources": ["Wire Agency"]}]
    )
    copies = [
        report(
            ledger,
            f"{site} | {wire}",
            publisher=site,
            published=D,
            copy_of=original,
            casualties=[{"n": 7, "sources": [site]}],
        )
        for site in ("Site One", "Site Two", "Site Three", "Site Four")
    ]
    other = report(
        ledger,
        "Seven people were killed in an overnight strike on Varnok, a hospital said.",
        publisher="Evening Post",
        published=D,
        casualties=[{"n": 7, "snippet": "Seven", "sources": ["Varnok Hospital"]}],
    )
    reconcile_all(ledger, actors=index)
    [item] = killed(ledger)
    assert len(item.sources) == 2
    wire_source = next(s for s in item.sources if original in s.documents)
    assert sorted(wire_source.documents) == sorted([original, *copies])
    assert sorted(item.documents) == sorted([original, *copies, other])


def test_reports_citing_the_same_origin_are_one_source(ledger, index):
    for publisher in ("Daily Courier", "Evening Post"):
        report(
            ledger,
            f"{publisher}: the Valley Monitor said 15 fighters were killed near Varnok.",
            publisher=publisher,
            published=D,
            casualties=[{"n": 15, "category": "combatant", "sources": ["Valley Monitor", publisher]}],
        )
    reconcile_all(ledger, actors=index)
    [item] = killed(ledger)
    assert len(item.sources) == 1 and len(item.documents) == 2
    assert item.sources[0].label == "Valley Monitor"


def test_a_rising_toll_supersedes_the_same_sources_earlier_figure(ledger, index):
    first = report(
        ledger,
        "Officials said 12 people were killed in Varnok.",
        publisher="Daily Courier",
        published=D,
        casualties=[{"n": 12}],
    )
    later = report(
        ledger,
        "The toll from the Varnok strike rose to 23, officials said.",
        publisher="Daily Courier",
        published=D + timedelta(days=1),
        casualties=[{"n": 23, "when": day(D)}],
    )
    reconcile_document(ledger, first, actors=index)
    reconcile_document(ledger, later, actors=index)
    [item] = killed(ledger)
    [source] = item.sources
    assert source.value == 23 and [s["value"] for s in source.superseded] == [12]
    assert (item.figures.low, item.figures.best, item.figures.high) == (23, 23, 23)
    assert not item.contradicted


def test_best_is_the_most_specific_then_most_recent(ledger, index):
    report(
        ledger,
        "At least 20 people were killed in Varnok.",
        publisher="Daily Courier",
        published=D + timedelta(days=1),
        casualties=[{"n": 20, "qualifier": "at_least", "when": day(D)}],
    )
    report(
        ledger,
        "Exactly 22 people were killed in Varnok.",
        publisher="Evening Post",
        published=D,
        casualties=[{"n": 22}],
    )
    reconcile_all(ledger, actors=index)
    [item] = killed(ledger)
    assert (item.figures.low, item.figures.best, item.figures.high) == (20, 22, 22)
    assert not item.contradicted  # "at least 20" does not contradict 22


def test_hedged_figures_are_not_credible_when_others_exist(ledger, index):
    report(
        ledger,
        "Officials said 5 died in Varnok.",
        publisher="Daily Courier",
        published=D,
        casualties=[{"n": 5}],
    )
    report(
        ledger,
        "Reportedly 50 died in Varnok.",
        publisher="Evening Post",
        published=D,
        casualties=[{"n": 50, "hedged": True}],
    )
    reconcile_all(ledger, actors=index)
    [item] = killed(ledger)
    assert (item.figures.low, item.figures.best, item.figures.high) == (5, 5, 5)
    assert "hedged" in item.rule


def test_affiliated_actor_names_match(ledger, index):
    report(
        ledger,
        "HB-led NF fighters shelled Varnok, killing 6.",
        publisher="Daily Courier",
        published=D,
        casualties=[{"n": 6, "perpetrator": "HB-led NF"}],
    )
    report(
        ledger,
        "Northern Front shelling killed 6 in Varnok.",
        publisher="Evening Post",
        published=D,
        casualties=[{"n": 6, "perpetrator": "Northern Front"}],
    )
    report(
        ledger,
        "The army shelled Varnok, killing 6.",
        publisher="State News",
        published=D,
        casualties=[{"n": 6, "perpetrator": "Republic Army"}],
    )
    reconcile_all(ledger, actors=index)
    by_actor = sorted((i.actor, len(i.documents)) for i in killed(ledger))
    assert by_actor == [("Northern Front", 2), ("Republic Army", 1)]


def test_province_figure_matches_a_town_within_150_km_but_not_the_same_town_at_town_precision(ledger, index):
    report(ledger, "5 killed in Varnok.", publisher="Daily Courier", published=D, casualties=[{"n": 5}])
    report(
        ledger,
        "5 killed in North province.",
        publisher="Evening Post",
        published=D,
        casualties=[{"n": 5, "place": NORTH}],
    )
    reconcile_all(ledger, actors=index)
    [item] = killed(ledger)
    assert item.place.name == "Varnok"  # the most specific place represents the item


def test_incremental_matches_rebuild(ledger, index):
    docs = [
        report(ledger, "9 killed in Varnok.", publisher="Daily Courier", published=D, casualties=[{"n": 9}]),
        report(ledger, "10 killed in Varnok.", publisher="Evening Post", published=D, casualties=[{"n": 10}]),
        report(
            ledger,
            "3 killed in Oskel.",
            publisher="Evening Post",
            published=D + timedelta(days=1),
            casualties=[{"n": 3, "place": OSKEL}],
        ),
    ]
    for d in docs:
        reconcile_document(ledger, d, actors=index)
    incremental = sorted((i.id, tuple(i.claims), i.figures) for i in items(ledger))
    reconcile_all(ledger, actors=index)
    assert sorted((i.id, tuple(i.claims), i.figures) for i in items(ledger)) == incremental


def test_incremental_touches_only_neighbouring_items(ledger, index):
    far = report(
        ledger,
        "3 killed in Oskel.",
        publisher="Daily Courier",
        published=D - timedelta(days=90),
        casualties=[{"n": 3, "place": OSKEL}],
    )
    reconcile_document(ledger, far, actors=index)
    before = ReconciledStore(ledger).item(items(ledger)[0].id)["updated_at"]
    new = report(ledger, "9 killed in Varnok.", publisher="Evening Post", published=D, casualties=[{"n": 9}])
    result = reconcile_document(ledger, new, actors=index)
    assert result.removed == 0 and result.claims == 1
    far_item = next(i for i in items(ledger) if i.place.name == "Oskel")
    assert ReconciledStore(ledger).item(far_item.id)["updated_at"] == before


def test_events_take_their_incidents_toll(ledger, index):
    doc = report(
        ledger,
        "An air strike on Varnok killed 4 civilians and 2 fighters.",
        publisher="Daily Courier",
        published=D,
        events=[{"snippet": "air strike"}],
        casualties=[{"n": 4}, {"n": 2, "category": "combatant", "snippet": "2"}],
    )
    reconcile_document(ledger, doc, actors=index)
    [event] = items(ledger, kind="event")
    incidents = killed(ledger)
    assert {i.event_id for i in incidents} == {event.id}
    assert event.figures.best == 6


def test_breakdowns_form_no_incident(ledger, index):
    report(
        ledger,
        "30 civilians, including 11 children, were killed in Varnok.",
        publisher="Daily Courier",
        published=D,
        casualties=[{"n": 30}, {"n": 11, "part_of": "c1"}],
    )
    reconcile_all(ledger, actors=index)
    assert [i.figures.best for i in killed(ledger)] == [30]


def test_reviews_take_precedence_and_rejections_drop_claims(ledger, index):
    a = report(ledger, "8 killed in Varnok.", publisher="Daily Courier", published=D, casualties=[{"n": 8}])
    b = report(ledger, "80 killed in Varnok.", publisher="Evening Post", published=D, casualties=[{"n": 80}])
    reconcile_all(ledger, actors=index)
    [item] = killed(ledger)
    assert item.contradicted

    from warledger.reconcile import reconcile_claims

    add_review(ledger, f"{b}:c1", action="set", field="count", value=8, why="typo in the report", by="ana")
    reconcile_claims(ledger, [f"{b}:c1"], actors=index)
    [item] = killed(ledger)
    assert (item.figures.low, item.figures.high, item.contradicted, item.reviewed) == (8, 8, False, True)
    stored = {r["id"]: r for r in ledger.claims()}
    assert stored[f"{b}:c1"]["count_low"] == 80  # the extraction is never overwritten

    add_review(ledger, f"{a}:c1", action="reject", why="duplicate of an older story")
    reconcile_claims(ledger, [f"{a}:c1"], actors=index)
    [item] = killed(ledger)
    assert item.documents == [b]
