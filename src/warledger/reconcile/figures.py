"""Independent sources and the low / best / high figures of a reconciled item.

**Independence.** Claims are grouped into independent sources: two claims are the
same source when their documents are copies of one story (``documents.copy_of``,
linked at ingest by the syndication index) or when they cite the same named
originating source (``sources[0]``: "the Observatory said", or the publisher
when the text attributes nothing). Anonymous origins written in lower case
("activists", "residents") tie nothing together: each document stands alone.
Five sites running one wire story are one source; a report by another agency
citing the same monitor is that monitor again.

**One figure per source.** A source's figure is that of its latest report (by
publication date; on the same day, the higher figure): a toll that "rose to 23"
supersedes the 12 the same source gave the day before. Superseded figures are
kept in ``SourceFigure.superseded``, never counted.

**Low, best, high** (after UCDP GED), over the sources whose figure is not hedged
(all sources, if every one is hedged):

- ``low``: the lowest figure any of them gives (the lower bound of a range);
- ``high``: the highest (the upper bound; an open "at least 7" counts as 7);
- ``best``: the figure of the most specific source, then the most recent: exact
  beats approximate, which beats "at least"/"up to", which beats vague words
  ("dozens"); a town beats a province; then the later publication date.

**Contradictions.** Each source's figure is read as a range (exact 12: 12..12,
about 20: 18..22, at least 7: 7 and up, up to 40: 0..40, dozens: 24 and up).
Two independent sources whose ranges do not meet contradict: both figures and
their sources are recorded on the item, and nothing is averaged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from warledger.reconcile.model import ClaimView, Figures, SourceFigure

_SPECIFIC = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2, "vague": 3}
_PLACE = {"town": 0, "district": 1, "province": 2, "region": 3, "country": 4}
APPROX_SHARE = 0.1  # "about 20" reads as 18..22


def origin_key(c: ClaimView) -> str | None:
    """The named originating source of a claim, folded; None when anonymous or absent."""
    first = (c.sources[0] if c.sources else c.publisher) or ""
    first = first.strip()
    if not first or not first[0].isupper():
        return None
    return first.casefold()


def independent_groups(claims: Iterable[ClaimView]) -> list[list[ClaimView]]:
    """Claims grouped by independent source (union of copies and shared named origins)."""
    claims = list(claims)
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of: dict[str, int] = {}
    for i, c in enumerate(claims):
        for key in (f"doc:{c.root_doc or c.doc_id}", origin_key(c)):
            if key is None:
                continue
            j = first_of.setdefault(f"{key}", i)
            parent[find(i)] = find(j)
    groups: dict[int, list[ClaimView]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(find(i), []).append(c)
    return list(groups.values())


def _latest_key(c: ClaimView) -> tuple:
    return (c.published or date.min, c.value if c.value is not None else -1, c.id)


def source_figure(claims: list[ClaimView]) -> SourceFigure:
    ordered = sorted(claims, key=_latest_key)
    with_figure = [c for c in ordered if c.value is not None]
    current = with_figure[-1] if with_figure else None
    named = next((c for c in ordered if origin_key(c)), None)
    label = (
        (named.sources[0] if named and named.sources else named.publisher)
        if named
        else (ordered[0].publisher or (ordered[0].sources[0] if ordered[0].sources else ordered[0].doc_id))
    )
    docs = sorted({c.doc_id for c in ordered})
    superseded = [
        {"claim": c.id, "doc_id": c.doc_id, "value": c.value, "published": _iso(c.published)}
        for c in with_figure[:-1]
    ]
    return SourceFigure(
        key=origin_key(named) if named else f"doc:{ordered[0].root_doc or ordered[0].doc_id}",
        label=label or "",
        documents=docs,
        claims=[c.id for c in ordered],
        claim=current.id if current else None,
        low=current.value if current else None,
        high=current.upper if current else None,
        value=current.value if current else None,
        qualifier=current.qualifier if current else None,
        hedged=current.hedged if current else all(c.hedged for c in ordered),
        published=current.published
        if current
        else max((c.published for c in ordered if c.published), default=None),
        superseded=superseded,
    )


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _range(s: SourceFigure) -> tuple[float, float]:
    v = s.value
    q = s.qualifier or "exact"
    if q == "approx":
        return v * (1 - APPROX_SHARE), v * (1 + APPROX_SHARE)
    if q == "at_most":
        return 0, s.high if s.high is not None else v
    if q in ("at_least", "vague") or s.high is None:
        return v, math.inf
    return v, s.high


def figures(sources: list[SourceFigure], precision: dict[str, str | None]) -> tuple[Figures, str, list[dict]]:
    """Low/best/high, the sentence saying how best was chosen, and the contradictions.

    ``precision`` maps a claim id to its place precision, for the specificity rule.
    """
    counted = [s for s in sources if s.value is not None]
    credible = [s for s in counted if not s.hedged] or counted
    if not credible:
        return Figures(), "no source gives a figure", []
    low = min(s.low if s.low is not None else s.value for s in credible)
    high = max(s.high if s.high is not None else s.value for s in credible)

    def rank(s: SourceFigure) -> tuple:
        return (
            _SPECIFIC.get(s.qualifier or "exact", 0),
            _PLACE.get(precision.get(s.claim or "") or "", 5),
            -(s.published or date.min).toordinal(),
            -s.value,
        )

    chosen = min(credible, key=rank)
    rule = (
        f"best from {chosen.label} ({chosen.qualifier or 'exact'}"
        f"{', ' + chosen.published.isoformat() if chosen.published else ''}): "
        f"most specific, then most recent of {len(credible)} independent source(s)"
    )
    if len(credible) < len(counted):
        rule += f"; {len(counted) - len(credible)} hedged source(s) left out"
    return Figures(low, chosen.value, high), rule, contradictions(credible)


def contradictions(sources: list[SourceFigure]) -> list[dict]:
    out = []
    for i, a in enumerate(sources):
        for b in sources[i + 1 :]:
            ra, rb = _range(a), _range(b)
            if ra[1] < rb[0] or rb[1] < ra[0]:
                out.append({"a": _side(a), "b": _side(b)})
    return out


def _side(s: SourceFigure) -> dict:
    return {
        "source": s.label,
        "figure": s.value,
        "qualifier": s.qualifier,
        "claim": s.claim,
        "documents": s.documents,
        "published": _iso(s.published),
    }
