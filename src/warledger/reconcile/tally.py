"""Tallies over reconciled items that never count one death twice.

The units summed are reconciled casualty incidents (one per event and victim
group, whatever the number of reports) and cumulative claims ("the toll rose to
406 since January"). A cumulative claim *covers* an incident when its victim
category and perpetrator are compatible, its place contains the incident's
(same country for a country-wide toll, 150 km or the same admin1 for a province,
the same place for a town; no place: the whole of any country filter), and its
period contains the incident's dates. For each cumulative claim, largest first:

1. it is left out if it reaches outside the tally's period or filters, or if
   ``--by month`` and it spans several months (no month to put it in);
2. it is left out if it covers an incident already covered by a cumulative in
   use, or overlaps such a cumulative in scope and period;
3. otherwise, when its best figure is at least the sum of the incidents it
   covers, it is used *instead of* them ("cumulative figure larger and covering");
   when the incidents sum to more, they are used and it is left out.

Every decision is reported with its reason; ``explain`` traces each figure to
its items, claims and documents. Incidents without a figure add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from warledger.reconcile import match
from warledger.reconcile.model import ReconciledItem
from warledger.reconcile.records import item_from_row
from warledger.store.ledger import Ledger
from warledger.store.reconciled import ItemFilter, ReconciledStore

BY = ("actor", "victim-category", "place", "country", "month")
UNKNOWN = "(unknown)"
PROVINCE_KM = match.PLACE_KM["province"]


@dataclass(slots=True)
class TallyRow:
    key: str
    low: int = 0
    best: int = 0
    high: int = 0
    incidents: int = 0
    cumulative: int = 0
    trace: list[dict] = field(default_factory=list)

    def to_json(self, explain: bool = False) -> dict:
        out = {
            "key": self.key,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "incidents": self.incidents,
            "cumulative": self.cumulative,
        }
        if explain:
            out["trace"] = self.trace
        return out


@dataclass(slots=True)
class Tally:
    by: str
    rows: list[TallyRow]
    decisions: list[dict]

    def to_json(self, explain: bool = False) -> dict:
        return {
            "by": self.by,
            "rows": [r.to_json(explain) for r in self.rows],
            "decisions": self.decisions,
        }


def _key(item: ReconciledItem, by: str) -> str:
    if by == "actor":
        return item.actor or UNKNOWN
    if by == "victim-category":
        return item.victim_category or "unknown"
    if by == "place":
        return item.place.name if item.place else UNKNOWN
    if by == "country":
        return item.place.country if item.place and item.place.country else UNKNOWN
    if by == "month":
        return item.when.start.strftime("%Y-%m") if item.when and item.when.start else UNKNOWN
    raise ValueError(f"tally by one of {', '.join(BY)}")


def _span(item: ReconciledItem) -> tuple[date | None, date | None]:
    w = item.when
    if w is None:
        return None, None
    return w.start, w.end or w.start


def _contains_place(outer: ReconciledItem, inner: ReconciledItem) -> bool:
    o, i = outer.place, inner.place
    if o is None:
        return True
    if i is None:
        return False
    if o.country and i.country and o.country != i.country:
        return False
    if o.precision == "country":
        return o.country == i.country
    if o.precision in ("province", "region", "district"):
        if o.admin1 and o.admin1 == i.admin1:
            return True
        if None not in (o.lat, o.lon, i.lat, i.lon):
            return match.distance_km(o, i) <= match.PLACE_KM[o.precision]
        return False
    return match.same_place(o, i)


def covers(cum: ReconciledItem, inc: ReconciledItem) -> bool:
    """Whether a cumulative claim's scope and period contain an incident (module docstring)."""
    if cum.victim_category not in (None, "unknown") and cum.victim_category != inc.victim_category:
        return False
    if cum.actor and inc.actor and cum.actor != inc.actor:
        return False
    if not _contains_place(cum, inc):
        return False
    cs, ce = _span(cum)
    is_, ie = _span(inc)
    if is_ is None:
        return False
    return (cs is None or cs <= is_) and (ce is None or (ie or is_) <= ce)


def _overlap(a: ReconciledItem, b: ReconciledItem) -> bool:
    (as_, ae), (bs, be) = _span(a), _span(b)
    periods = (as_ is None or be is None or as_ <= be) and (bs is None or ae is None or bs <= ae)
    return periods and (_contains_place(a, b) or _contains_place(b, a))


def _months(item: ReconciledItem) -> int:
    s, e = _span(item)
    if s is None or e is None:
        return 2  # open-ended: more than one month
    return (e.year - s.year) * 12 + e.month - s.month + 1


def _trace(item: ReconciledItem) -> dict:
    return {
        "item": item.id,
        "cumulative": item.cumulative,
        "figures": item.figures.to_json(),
        "rule": item.rule,
        "sources": [
            {"source": s.label, "value": s.value, "claim": s.claim, "documents": s.documents}
            for s in item.sources
        ],
        "claims": item.claims,
        "documents": item.documents,
    }


def tally(
    ledger: Ledger,
    *,
    by: str = "actor",
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    place: str | None = None,
    outcome: str = "killed",
) -> Tally:
    if by not in BY:
        raise ValueError(f"tally by one of {', '.join(BY)}")
    store = ReconciledStore(ledger)
    base = dict(kind="casualty", since=since, until=until, country=country, place=place, outcome=outcome)
    incidents = [item_from_row(r) for r in store.iter_items(ItemFilter(**base, cumulative=False))]
    cumulatives = [item_from_row(r) for r in store.iter_items(ItemFilter(**base, cumulative=True))]
    # Cumulatives reaching outside the period never pass the filter: say so for open-ended ones.
    decisions: list[dict] = []
    consumed: set[str] = set()
    used: list[ReconciledItem] = []
    for cum in sorted(cumulatives, key=lambda c: -(c.figures.best or 0)):
        covered = [i for i in incidents if covers(cum, i)]
        inc_sum = sum(i.figures.best or 0 for i in covered)
        note = {
            "cumulative": cum.id,
            "figure": cum.figures.best,
            "covers": [i.id for i in covered],
            "incident_sum": inc_sum,
        }
        if cum.figures.best is None:
            decisions.append(note | {"used": False, "reason": "the cumulative claim gives no figure"})
        elif by == "month" and _months(cum) > 1:
            decisions.append(note | {"used": False, "reason": "spans several months: incidents used"})
        elif any(i.id in consumed for i in covered) or any(_overlap(cum, u) for u in used):
            decisions.append(
                note | {"used": False, "reason": "overlaps a larger cumulative figure already used"}
            )
        elif cum.figures.best >= inc_sum:
            used.append(cum)
            consumed.update(i.id for i in covered)
            reason = (
                f"cumulative {cum.figures.best} covers {len(covered)} incident(s) summing to {inc_sum}: "
                "larger and covering, used instead of them"
                if covered
                else "no incident in its scope and period: used"
            )
            decisions.append(note | {"used": True, "reason": reason})
        else:
            decisions.append(
                note
                | {
                    "used": False,
                    "reason": f"incidents sum to {inc_sum}, more than the cumulative {cum.figures.best}: "
                    "incidents used",
                }
            )
    rows: dict[str, TallyRow] = {}
    for unit in [*(i for i in incidents if i.id not in consumed), *used]:
        if unit.figures.best is None:
            continue
        row = rows.setdefault(_key(unit, by), TallyRow(_key(unit, by)))
        f = unit.figures
        row.low += f.low if f.low is not None else f.best
        row.best += f.best
        row.high += f.high if f.high is not None else f.best
        if unit.cumulative:
            row.cumulative += 1
        else:
            row.incidents += 1
        row.trace.append(_trace(unit))
    ordered = sorted(rows.values(), key=lambda r: (-r.best, r.key))
    return Tally(by=by, rows=ordered, decisions=decisions)
