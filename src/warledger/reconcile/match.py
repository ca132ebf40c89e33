"""When two claims from different documents describe the same thing.

Two claims match when all of these hold:

- **type**: same kind; casualties: same outcome, same ``cumulative`` flag, victim
  categories equal or one ``unknown``; events: same ``event_type`` (sub-types equal
  or one ``Other``); control: same ``kind`` (change/status).
- **actors**: on each side, both named and the same actor, or linked by a
  ``leads``/``part of`` affiliation (YPG is part of the SDF, so "YPG-led SDF",
  "YPG" and "SDF" all match), or at least one side unnamed. "Backed by" and
  "allied with" are different actors and never match.
- **place**: the same GeoNames id; else both with coordinates within the distance
  of the coarser precision (town 25 km, district 50 km, province or region 150 km,
  country: same country); else the same name in the same country. A claim without
  a place matches one with a place only when its evidence sentence names that
  place ("shelling of the Aleppo market"), and another without a place.
- **time**: the windows overlap once widened by the precision's slack (day ± 1,
  week ± 3 days). A claim without a date stands for the two days before its
  document's publication.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, timedelta

from warledger.reconcile.model import ClaimView
from warledger.types import Place

EARTH_KM = 6371.0
# Kilometres two places may be apart and still be "the same place", by the coarser precision.
PLACE_KM = {"town": 25.0, "district": 50.0, "province": 150.0, "region": 150.0}
DEFAULT_KM = PLACE_KM["town"]  # unknown precision: treat as a town
_PRECISION_RANK = {"town": 0, "district": 1, "province": 2, "region": 3, "country": 4}
# Days of slack either side of a window, by its precision.
TIME_SLACK = {"day": 1, "week": 3}
UNDATED_DAYS = 2  # an undated claim: the days before publication it may cover

SameSide = Callable[[str, str], bool]  # ActorLinks.same: affiliation-aware name comparison


def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def coarser(a: str | None, b: str | None) -> str | None:
    ra, rb = _PRECISION_RANK.get(a or "", -1), _PRECISION_RANK.get(b or "", -1)
    return a if ra >= rb else b


def same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    precision = coarser(a.precision, b.precision)
    if precision == "country":
        return bool(a.country) and a.country == b.country
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return distance_km(a, b) <= PLACE_KM.get(precision or "", DEFAULT_KM)
    return a.name.casefold() == b.name.casefold()


def _names(sentence: str, place: Place) -> bool:
    return re.search(rf"(?<!\w){re.escape(place.name)}(?!\w)", sentence, re.IGNORECASE) is not None


def same_claim_place(a: ClaimView, b: ClaimView) -> bool:
    """`same_place`, or a placeless claim whose sentence names the other's place."""
    if (a.place is None) != (b.place is None):
        placeless, placed = (a, b) if a.place is None else (b, a)
        return _names(placeless.sentence, placed.place)
    return same_place(a.place, b.place)


def window(c: ClaimView) -> tuple[date, date] | None:
    """The days a claim may cover, widened by its precision's slack."""
    w = c.when
    if w is None or (w.start is None and w.end is None):
        if c.published is None:
            return None
        return c.published - timedelta(days=UNDATED_DAYS), c.published
    start = w.start or w.end
    end = w.end or w.start
    slack = timedelta(days=TIME_SLACK.get(str(w.precision), 0))
    return start - slack, end + slack


def same_time(a: ClaimView, b: ClaimView) -> bool:
    wa, wb = window(a), window(b)
    if wa is None or wb is None:
        return True  # nothing to go on: place and actors decide
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def same_actor(a: str | None, b: str | None, same_side: SameSide) -> bool:
    if not a or not b:
        return True
    return a.casefold() == b.casefold() or same_side(a, b)


def same_type(a: ClaimView, b: ClaimView) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "casualty":
        cats = {a.victim_category or "unknown", b.victim_category or "unknown"}
        return (
            a.outcome == b.outcome
            and bool(a.cumulative) == bool(b.cumulative)
            and (len(cats) == 1 or "unknown" in cats)
        )
    if a.kind == "event":
        subs = {a.sub_event_type, b.sub_event_type}
        return a.event_type == b.event_type and (len(subs) == 1 or "Other" in subs or None in subs)
    return a.control_kind == b.control_kind


def matches(a: ClaimView, b: ClaimView, same_side: SameSide) -> bool:
    """Whether two claims of different documents describe the same thing (module docstring)."""
    return (
        same_type(a, b)
        and same_actor(a.actor, b.actor, same_side)
        and same_actor(a.other_actor, b.other_actor, same_side)
        and same_claim_place(a, b)
        and same_time(a, b)
    )
