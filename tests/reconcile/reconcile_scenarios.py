"""Builders for multi-report scenarios: short invented reports with hand-made claims.

Tests build ``Extraction`` objects directly (no spaCy) and store them with
``Ledger.add_extraction``; ``report`` returns the stored document id.
Other test folders import it too: tests/reconcile is on pytest's pythonpath.
"""

from __future__ import annotations

from datetime import date

from warledger.actors.index import ActorIndex
from warledger.actors.schema import ActorEntry
from warledger.claims.model import Extraction
from warledger.documents.model import make_document
from warledger.types import (
    CasualtyClaim,
    ControlClaim,
    Count,
    EventClaim,
    Evidence,
    Outcome,
    Place,
    Precision,
    Qualifier,
    VictimCategory,
    Victims,
    When,
)

# Invented places; coordinates are made up but consistent (Tellan is 10 km from Varnok).
VARNOK = Place(
    "Varnok", geonameid=9000001, lat=35.00, lon=38.00, country="SY", admin1="North", precision="town"
)
TELLAN = Place(
    "Tellan", geonameid=9000002, lat=35.09, lon=38.00, country="SY", admin1="North", precision="town"
)
OSKEL = Place("Oskel", geonameid=9000003, lat=36.50, lon=40.00, country="SY", admin1="East", precision="town")
NORTH = Place(
    "North province",
    geonameid=9000010,
    lat=35.2,
    lon=38.3,
    country="SY",
    admin1="North",
    precision="province",
)
SYRIA = Place("Syria", geonameid=163843, lat=35.0, lon=38.0, country="SY", precision="country")


def actors() -> ActorIndex:
    """A tiny actor list: a coalition led by a militia, and a state army."""
    return ActorIndex(
        [
            ActorEntry(name="Northern Front", kind="non-state armed group", country="SY", aliases=["NF"]),
            ActorEntry(
                name="Hill Brigades",
                kind="non-state armed group",
                country="SY",
                aliases=["HB"],
                affiliations={"part of": ["Northern Front"]},
            ),
            ActorEntry(name="Republic Army", kind="state force", country="SY", aliases=["RA"]),
            ActorEntry(name="Wire Agency", kind="media", aliases=["WA"]),
        ]
    )


def day(d: date) -> When:
    return When(d, d, Precision.DAY)


def _evidence(text: str, snippet: str) -> Evidence:
    start = text.index(snippet)
    return Evidence(start, start + len(snippet), text, 0)


def report(
    ledger,
    text: str,
    *,
    publisher: str,
    published: date,
    casualties: list[dict] = (),
    events: list[dict] = (),
    control: list[dict] = (),
    copy_of: str | None = None,
) -> str:
    """Store one invented report with the claims given as keyword dicts; returns its id."""
    doc = make_document(text, publisher=publisher, published=published, language="en")
    if copy_of:
        doc = doc.with_(copy_of=copy_of)
    ex = Extraction(doc)
    for i, c in enumerate(casualties, 1):
        n, high = c["n"], c.get("high", c["n"])
        q = Qualifier(c.get("qualifier", "exact"))
        if q in (Qualifier.AT_LEAST, Qualifier.VAGUE):
            high = None
        ex.casualties.append(
            CasualtyClaim(
                id=f"c{i}",
                outcome=Outcome(c.get("outcome", "killed")),
                count=Count(n, high, q, str(n)),
                victims=Victims(VictimCategory(c.get("category", "civilian")), c.get("victim_actor")),
                evidence=_evidence(text, c.get("snippet", str(n))),
                perpetrator=c.get("perpetrator"),
                place=c.get("place", VARNOK),
                when=c.get("when", day(published)),
                cumulative=c.get("cumulative", False),
                part_of=c.get("part_of"),
                sources=c.get("sources", [publisher]),
                hedged=c.get("hedged", False),
            )
        )
    for i, e in enumerate(events, 1):
        ex.events.append(
            EventClaim(
                id=f"e{i}",
                event_type=e.get("event_type", "Explosions/Remote violence"),
                sub_event_type=e.get("sub_event_type", "Air/drone strike"),
                actor1=e.get("actor1"),
                actor2=e.get("actor2"),
                evidence=_evidence(text, e.get("snippet", text.split()[0])),
                place=e.get("place", VARNOK),
                when=e.get("when", day(published)),
                fatalities=e.get("fatalities"),
                sources=e.get("sources", [publisher]),
            )
        )
    for i, t in enumerate(control, 1):
        ex.control.append(
            ControlClaim(
                id=f"t{i}",
                kind=t.get("kind", "change"),
                actor=t.get("actor"),
                from_actor=t.get("from_actor"),
                place=t.get("place", OSKEL),
                extent=t.get("extent", "full"),
                evidence=_evidence(text, t.get("snippet", text.split()[0])),
                when=t.get("when", day(published)),
                sources=t.get("sources", [publisher]),
            )
        )
    assert ledger.add_extraction(ex)
    return doc.id
