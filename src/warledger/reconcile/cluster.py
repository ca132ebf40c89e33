"""Clusters of claims that describe the same thing, and the items built from them.

Clustering is greedy and complete-link: claims are taken in time order, and a claim
joins the largest open cluster of its kind in which it matches every member
(``match.matches``) and whose documents do not include its own: two claims of one
document are two things that document reports. Claims are blocked by kind and
country (placeless claims look in every block), and a cluster closes once the sweep has passed the end of a member's
window, so a rebuild compares each claim with its neighbours only.

Breakdowns (``part_of``: "including 113 children") and rejected claims form no
items: the first are inside their total, the second an analyst ruled out.

A casualty incident belongs to an event (``event_id``) when one of its claims and
one of the event's come from the same document and match in place and time.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime

from warledger.reconcile import match
from warledger.reconcile.actors import ActorLinks
from warledger.reconcile.figures import figures, independent_groups, source_figure
from warledger.reconcile.model import ClaimView, Figures, ReconciledItem

_PRECISION = {"town": 0, "district": 1, "province": 2, "region": 3, "country": 4}
_TIME = {"day": 0, "week": 1, "month": 2, "year": 3, "period": 4}


class _Cluster:
    __slots__ = ("members", "docs", "min_end")

    def __init__(self, claim: ClaimView):
        self.members = [claim]
        self.docs = {claim.doc_id}
        w = match.window(claim)
        self.min_end = w[1] if w else None

    def add(self, claim: ClaimView) -> None:
        self.members.append(claim)
        self.docs.add(claim.doc_id)
        w = match.window(claim)
        if w and (self.min_end is None or w[1] < self.min_end):
            self.min_end = w[1]


def clusterable(c: ClaimView) -> bool:
    return not c.rejected and not (c.kind == "casualty" and c.part_of)


def _order(c: ClaimView) -> tuple:
    w = match.window(c)
    return (w[0] if w else date.min, c.published or date.min, c.id)


def cluster(claims: Iterable[ClaimView], links: ActorLinks) -> list[list[ClaimView]]:
    """Groups of claims, one group per thing described (module docstring)."""
    blocks: dict[tuple, list[_Cluster]] = {}
    done: list[_Cluster] = []
    for c in sorted((c for c in claims if clusterable(c)), key=_order):
        country = c.place.country if c.place and c.place.country else None
        # A placed claim looks in its country's block and among placeless clusters;
        # a placeless one (matched through its sentence) in every block of its kind.
        keys = (
            [(c.kind, country), (c.kind, None)]
            if country
            else [k for k in blocks if k[0] == c.kind] or [(c.kind, None)]
        )
        w = match.window(c)
        candidates: list[_Cluster] = []
        for key in dict.fromkeys(keys):
            open_ = blocks.setdefault(key, [])
            if w:  # close the clusters the sweep has passed: no later claim can match them
                still = []
                for cl in open_:
                    (done if cl.min_end is not None and cl.min_end < w[0] else still).append(cl)
                open_[:] = still
            candidates += open_
        fits = [
            cl
            for cl in candidates
            if c.doc_id not in cl.docs and all(match.matches(c, m, links.same) for m in cl.members)
        ]
        if fits:
            max(fits, key=lambda cl: len(cl.members)).add(c)
        else:
            blocks.setdefault((c.kind, country), []).append(_Cluster(c))
    for open_ in blocks.values():
        done.extend(open_)
    return [cl.members for cl in done]


def item_id(kind: str, members: list[ClaimView]) -> str:
    first = min(members, key=lambda c: (c.published or date.min, c.id))
    return hashlib.sha256(f"{kind}:{first.id}".encode()).hexdigest()[:16]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _representative_actor(names: list[str | None], links: ActorLinks) -> str | None:
    """The most common listed actor among the names; else the most common name as written."""
    canon = [links.canonical(n) for n in names if n]
    return _most_common(n for n in canon if links.known(n)) or _most_common(canon)


def build_item(members: list[ClaimView], links: ActorLinks, now: datetime | None = None) -> ReconciledItem:
    """One reconciled item from a cluster: representative fields, sources, figures."""
    kind = members[0].kind
    by_place = sorted(
        (c for c in members if c.place),
        key=lambda c: (
            _PRECISION.get(c.place.precision or "", 0),
            c.place.lat is None,
            -(c.published or date.min).toordinal(),
        ),
    )
    by_time = sorted(
        (c for c in members if c.when),
        key=lambda c: (_TIME.get(str(c.when.precision), 5), -(c.published or date.min).toordinal()),
    )
    actor = _representative_actor([c.actor for c in members], links)
    other = _representative_actor([c.other_actor for c in members], links)
    sources = [source_figure(g) for g in independent_groups(members)]
    sources.sort(key=lambda s: (s.published or date.min, s.label))
    # A placeless member matched by naming the item's place counts as that precise.
    shown = by_place[0].place.precision if by_place else None
    precision = {c.id: c.place.precision if c.place else shown for c in members}
    figs, rule, contra = figures(sources, precision) if kind != "control" else (Figures(), "", [])
    ordered = sorted(members, key=lambda c: (c.published or date.min, c.id))
    return ReconciledItem(
        id=item_id(kind, members),
        kind=kind,
        cumulative=any(c.cumulative for c in members),
        outcome=members[0].outcome,
        victim_category=_most_common(c.victim_category for c in members if c.victim_category != "unknown")
        or _most_common(c.victim_category for c in members),
        event_type=members[0].event_type,
        sub_event_type=_most_common(c.sub_event_type for c in members if c.sub_event_type != "Other")
        or members[0].sub_event_type,
        control_kind=members[0].control_kind,
        extent=_most_common(c.extent for c in members),
        actor=actor,
        other_actor=other,
        actor_kind=links.kind(actor),
        other_actor_kind=links.kind(other),
        place=by_place[0].place if by_place else None,
        when=by_time[0].when if by_time else None,
        figures=figs,
        sources=sources,
        documents=sorted({c.doc_id for c in members}),
        claims=[c.id for c in ordered],
        contradictions=contra,
        evidence=[{"claim": c.id, "doc_id": c.doc_id, "sentence": c.sentence} for c in ordered],
        rule=rule,
        reviewed=any(c.reviewed for c in members),
        updated_at=now or datetime.now(UTC),
    )


def link_events(groups: dict[str, list[ClaimView]], items: dict[str, ReconciledItem]) -> None:
    """Set ``event_id`` on casualty incidents that an event of the same document describes,
    and give events that state no toll of their own the sum of their killed incidents."""
    events = [(iid, ms) for iid, ms in groups.items() if items[iid].kind == "event"]
    by_doc: dict[str, list[tuple[str, ClaimView]]] = {}
    for iid, ms in events:
        for m in ms:
            by_doc.setdefault(m.doc_id, []).append((iid, m))
    killed: dict[str, list[ReconciledItem]] = {}
    for iid, ms in groups.items():
        item = items[iid]
        if item.kind != "casualty" or item.cumulative:
            continue
        for m in ms:
            hit = next(
                (
                    eid
                    for eid, e in by_doc.get(m.doc_id, [])
                    if (e.place is None or m.place is None or match.same_place(e.place, m.place))
                    and match.same_time(e, m)
                ),
                None,
            )
            if hit:
                item.event_id = hit
                if item.outcome == "killed":
                    killed.setdefault(hit, []).append(item)
                break
    for eid, incidents in killed.items():
        event = items[eid]
        event.deaths = _deaths(incidents)
        if event.figures.best is None:
            f = [i.figures for i in incidents]
            event.figures = Figures(
                sum(x.low or 0 for x in f), sum(x.best or 0 for x in f), sum(x.high or 0 for x in f)
            )
            event.rule = f"sum of {len(incidents)} casualty incident(s) of this event: " + ", ".join(
                i.id for i in incidents
            )


def _deaths(incidents: list[ReconciledItem]) -> dict:
    """Best figures of an event's killed incidents by victim group (UCDP's deaths_a/b/civilians)."""
    out: dict = {"civilians": 0, "unknown": 0, "by_actor": {}}
    for i in incidents:
        n = i.figures.best or 0
        if i.victim_category == "civilian":
            out["civilians"] += n
        elif i.victim_category == "combatant" and i.other_actor:
            out["by_actor"][i.other_actor] = out["by_actor"].get(i.other_actor, 0) + n
        else:
            out["unknown"] += n
    return out
