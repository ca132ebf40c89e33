"""Calendar arithmetic for the resolver: units, parts of units, "most recent X on or before"."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, the day clamped to the target month's length."""
    m0 = d.year * 12 + d.month - 1 + n
    year, month = divmod(m0, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def latest_on_or_before(month: int, day: int, ref: date) -> date | None:
    """The most recent ``month``/``day`` not after ``ref`` (Feb 29 looks back to a leap year)."""
    for year in range(ref.year, ref.year - 8, -1):
        d = safe_date(year, month, day)
        if d is not None and d <= ref:
            return d
    return None


def latest_weekday(weekday: int, ref: date, *, strict: bool = False) -> date:
    """The most recent ``weekday`` on or before ``ref`` (strictly before when ``strict``)."""
    back = (ref.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return ref - timedelta(days=back)


def next_weekday(weekday: int, ref: date) -> date:
    ahead = (weekday - ref.weekday()) % 7 or 7
    return ref + timedelta(days=ahead)


def week_start(d: date, starts_on: int) -> date:
    return d - timedelta(days=(d.weekday() - starts_on) % 7)


def unit_bounds(unit: str, d: date, week_starts_on: int) -> tuple[date, date]:
    """The calendar week, month or year containing ``d``."""
    if unit == "week":
        s = week_start(d, week_starts_on)
        return s, s + timedelta(days=6)
    if unit == "month":
        return d.replace(day=1), month_end(d.year, d.month)
    if unit == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    raise ValueError(unit)


def shift_unit(unit: str, d: date, n: int) -> date:
    """A date ``n`` weeks, months or years from ``d``."""
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "day":
        return d + timedelta(days=n)
    raise ValueError(unit)


def part_of(start: date, end: date, part: str) -> tuple[date, date]:
    """First, middle or last third of [start, end].

    A week splits 3/1/3 days (Sun-Tue, Wed, Thu-Sat), a month 1-10/11-20/21-end, a
    year Jan-Apr/May-Aug/Sep-Dec, a decade 4/3/3 years ("the early 1990s" = 1990-1993).
    """
    n = (end - start).days + 1
    if n <= 7:
        cuts = [start, start + timedelta(days=3), end - timedelta(days=2)]
    elif n <= 31:
        cuts = [start, start + timedelta(days=10), start + timedelta(days=20)]
    elif n <= 366:
        cuts = [start, date(start.year, 5, 1), date(start.year, 9, 1)]
    else:
        years = end.year - start.year + 1
        first = math.ceil(years / 3)
        cuts = [start, date(start.year + first, 1, 1), date(end.year - (years - first) // 2 + 1, 1, 1)]
    bounds = {
        "first": (cuts[0], cuts[1] - timedelta(days=1)),
        "middle": (cuts[1], cuts[2] - timedelta(days=1)),
        "last": (cuts[2], end),
    }
    return bounds.get(part, (start, end))


def rolling_start(p: date, unit: str, count: int) -> date:
    """Start of "the past ``count`` ``unit``s" ending on ``p``; hours round up to whole days."""
    if unit == "hour":
        return p - timedelta(days=math.ceil(count / 24))
    if unit == "weekend":
        return p - timedelta(days=7 * count)
    return shift_unit(unit, p, -count)
