"""Time expressions in report text, resolved against the publication date.

Interface used by the extractors:
    find_time_expressions(text, published) -> list[TimeMention]   # spans in `text`, resolved
    resolve_expression("since September 10", published) -> When | None

How it works: ``TimeResolver`` composes a handful of regular expressions from the
vocabulary in ``data/lexicons/en/time.yaml`` (once, when first used). Each rule
finds spans of one shape ("since X", "between X and Y", "the past N units", a
point such as "14 November" or "last Saturday"); composite rules embed a generic
point pattern, whose text is parsed again by anchored point patterns. Overlapping
candidates are settled leftmost-longest, then two passes link mentions to their
neighbours ("since X ... until Y", "the previous month").

Conventions (P = publication date; see tests/dates/test_resolve.py for examples):
- A day without a year, a weekday or a month name is the most recent one on or
  before P ("last <weekday>" is strictly before P). In a range, the start is the
  most recent one on or before the range's end.
- "yesterday" = P-1; "last night", "overnight" = the period P-1..P; "today", "tonight", "this morning",
  "at dawn" = P; "overnight into <day>" = the period <day>-1..<day>.
- "in August" = the whole month (year inferred); a month or calendar unit that
  contains P ends at P ("this month" = 1st..P, precision month). Explicit years
  ("in 2018") are whole years.
- Weeks run Sunday-Saturday (vocabulary setting): "last week" = the previous
  calendar week (precision week); "late last week" = its last three days (period).
- "the past N units", "the last 24 hours" = a rolling window P-N..P (period);
  "last month" / "last year" = the previous calendar month / year.
- "since X" = X..P (kind since); "as of X", "until X" = (None, X) and "so far" /
  "to date" = (None, P) (kind until, precision period).
- "N days/weeks/months/years ago" = the day / week / month / year containing P-N units.
- Without a publication date only expressions that carry their own year resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from warledger.dates import calendar as cal
from warledger.dates.vocab import OSP, SP, TimeVocabulary, alt, names
from warledger.types import Precision, When

KINDS = ("point", "since", "period", "until")
# How far an expression reaches before its first trigger word ("between 8 and 11
# November", "since the start of the fighting on") and after its last one.
_BEFORE = 80
# Full stop followed by a space or line end, "!", "?", ";" or a newline: "U.S." and "No.2" do not break.
_SENTENCE_BREAK = re.compile(r"[.!?;](?=\s|$)|\n")
_AFTER = 60


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    when: When | None
    kind: str = "point"  # point | since | period | until
    # where "compared with", "up from" opens the comparison this date belongs to, if any:
    # "583,000 remain displaced, compared with 628,000 a year ago" dates only the 628,000
    compared_from: int | None = None


@dataclass(frozen=True, slots=True)
class _Point:
    """A point expression as written, before it meets a reference date."""

    kind: str  # date | month | year | decade | weekday | offset | unit | weekend | ago
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0
    past: bool = False  # "last Saturday": strictly before the reference
    future: bool = False  # "next Monday"
    unit: str | None = None
    shift: int = 0  # this (0) / last (-1) / next (+1) unit; N for "N units ago"
    part: str | None = None  # first | middle | last | upto


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    when: When | None
    kind: str
    rule: str
    compared_from: int | None = None


def _strip_groups(pattern: str) -> str:
    """The same pattern with named groups made anonymous, to embed it more than once."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


class TimeResolver:
    """Finds and resolves time expressions; build once per vocabulary and reuse."""

    def __init__(self, vocab: TimeVocabulary) -> None:
        self.v = vocab
        self._build()

    # ------------------------------------------------------------------ patterns
    def _build(self) -> None:
        v = self.v
        day = r"(?<![\d.,:/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
        # A year is not followed by a count noun ("2000 people") nor part of a bigger number.
        year_num = (
            r"(?<![\d.,:$£€])(?:1[89]\d\d|20\d\d)(?![\d]|[.,]\d|s\b|'s\b)"
            rf"(?!{SP}{alt(v.count_nouns)}\b)"
        )
        year_sep = rf"(?:{OSP}[,/]{OSP}|{SP})"
        # only abbreviations take a dot: "Nov. 14", but "the 27th of September." ends a sentence
        abbrevs = [n for n in v.months if n not in v.month_full]
        month_any = rf"(?:{names(v.month_full)}\b|{names(abbrevs)}\b\.?)"
        month_full = rf"{names(v.month_full)}\b"
        wd_full = rf"{names(v.weekday_full)}\b"
        wd_any = rf"{names(v.weekdays)}\b\.?"
        part = rf"\b{alt(v.unit_parts)}"
        num = rf"(?:\d{{1,3}}|{alt(v.number_words)}\b)"
        units = rf"{alt(v.units)}\b"
        rel = rf"\b{alt(v.relative_days)}(?![\w'’])"
        the = r"(?i:the)"

        self.p_dmy = (
            rf"(?:(?P<wd>{wd_any}),?{SP})?(?:{the}{SP})?(?P<d>{day})(?:{SP}(?i:of))?{SP}"
            rf"(?P<m>{month_any})(?:{year_sep}(?P<y>{year_num}))?"
        )
        self.p_mdy = (
            rf"(?:(?P<wd>{wd_any}),?{SP})?(?P<m>{month_any}){OSP}(?P<d>{day})(?!{OSP}[,.]\d)"
            rf"(?:,?{SP}(?P<y>{year_num}))?"
        )
        self.p_iso = r"(?<![\d-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"
        self.p_slash = r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:1[89]|20)\d\d)(?![\d/])"
        self.p_month = rf"(?:(?P<part>{part}){OSP})?(?P<m>{month_any})(?:{year_sep}(?P<y>{year_num}))?"
        self.p_month_year = rf"(?P<m>{month_any}){year_sep}(?P<y>{year_num})"
        self.p_year = rf"(?:(?P<part>{part}){OSP})?(?P<y>{year_num})"
        self.p_decade = rf"(?:{the}{SP})?(?:(?P<part>{part}){OSP})?(?P<y>(?:18|19|20)\d0)['’]?s\b"
        self.p_rel = rf"(?P<rel>{rel})(?:,?{SP}(?P<wd>{wd_full})|{OSP}\((?P<wd2>{wd_full})\))?"
        self.p_wd = (
            rf"(?:(?P<tod>{alt(v.time_of_day_prefixes)}){SP})?"
            rf"(?:(?P<mod>{alt(v.weekday_past + v.weekday_future + v.weekday_fillers)}){SP})?"
            rf"(?P<wd>{wd_full})(?:{SP}(?:{alt(v.day_parts)})\b)?"
        )
        self.p_cal = (
            rf"(?:(?P<part>{part}){OSP})?(?P<which>{alt(v.this_words + v.last_words + v.next_words)})"
            rf"{SP}(?P<unit>{alt(('week', 'month', 'year', 'weekend'))})\b"
        )
        self.p_weekend = rf"(?i:(?:over|during|at){SP}the{SP}weekend)\b"
        self.p_ago = rf"(?:(?:{alt(v.approx_words)}){SP})?(?P<n>{num}){SP}(?P<unit>{units}){SP}{alt(v.ago)}\b"

        # Parse order matters: the first full match wins, so specific shapes go first.
        point_parsers: list[tuple[str, Callable[[re.Match[str]], _Point | None]]] = [
            (self.p_iso, self._pt_date),
            (self.p_slash, self._pt_slash),
            (self.p_dmy, self._pt_date),
            (self.p_mdy, self._pt_date),
            (self.p_decade, self._pt_decade),
            (self.p_month, self._pt_month),
            (self.p_year, self._pt_year),
            (self.p_rel, self._pt_rel),
            (self.p_cal, self._pt_cal),
            (self.p_weekend, self._pt_weekend),
            (self.p_ago, self._pt_ago),
            (self.p_wd, self._pt_weekday),
        ]
        self._point_parsers = [(re.compile(p), f) for p, f in point_parsers]

        # The generic point embedded in composite rules; alternation order = preference.
        point = (
            "(?:"
            + "|".join(
                _strip_groups(p)
                for p in (
                    self.p_iso,
                    self.p_slash,
                    self.p_dmy,
                    self.p_mdy,
                    self.p_month_year,
                    self.p_decade,
                    self.p_cal,
                    self.p_ago,
                    self.p_rel,
                    self.p_wd,
                    self.p_month,
                    self.p_year,
                )
            )
            + ")"
        )
        start = r"(?<![\w-])"
        # event words, a quoted name among them ('since the factions launched the "Dawn" operation on')
        ev = rf"(?:[\"“‘']?[^\W\d][\w'’-]*[\"”’']?,?{SP}){{1,{v.since_event_words}}}?(?i:on|in){SP}"
        joiners_word = alt(w for w in v.range_joiners if w[0].isalpha())
        joiners_dash = "|".join(re.escape(w) for w in v.range_joiners if not w[0].isalpha())
        joiner = rf"(?:{SP}(?P<join>{joiners_word}){SP}|{OSP}(?P<dash>{joiners_dash}){OSP})"
        opener = rf"(?:(?P<open>{alt(v.range_openers)}){SP})?"
        self._range_only = {"range_month", "range_year"}
        ctx = alt(v.year_contexts)
        range_ctx = alt(v.range_openers + tuple(w for w in v.range_joiners if w[0].isalpha()))
        self._opener_before = re.compile(rf"(?<![\w-])(?P<open>{alt(v.range_openers)}){SP}$")
        self._joiner_gap = re.compile(joiner)
        # "compared with 418 deaths recorded in February", "up from 3,516 a day earlier":
        # an opener, a few words without a clause break, then the date
        words = rf"(?:[^\s,;.!?]+(?:,\d+)*{SP}){{0,6}}"
        figure = rf"(?:[^\s,;.!?]+{SP}){{0,2}}\d[\d,.]*{SP}{words}"
        self._comparison = re.compile(
            rf"(?<![\w-])(?:(?P<open>{alt(v.comparison_openers)}){SP}{words}"
            rf"|(?P<open2>{alt(v.comparison_openers_figure)}){SP}{figure})$"
        )
        closers = [u for u in v.until if not u.lower().startswith("as ")]  # "as of" is a status date
        self._until_word = re.compile(alt(closers))

        rules: list[tuple[str, str, Callable[[re.Match[str], date | None], _Candidate | None]]] = [
            (
                "dayrange",
                rf"{start}{opener}(?P<d1>{day}){joiner}(?P<d2>{day}){SP}(?:(?i:of){SP})?"
                rf"(?P<m>{month_any})(?:{year_sep}(?P<y>{year_num}))?",
                self._r_dayrange,
            ),
            (
                "dayrange",
                rf"{start}{opener}(?P<m>{month_any}){OSP}(?P<d1>{day}){joiner}(?P<d2>{day})"
                rf"(?:,?{SP}(?P<y>{year_num}))?",
                self._r_dayrange,
            ),
            (
                "since",
                rf"{start}(?P<w>{alt(v.since)}){SP}(?:(?:{alt(v.since_fillers)}){SP})?(?:{ev})??"
                rf"(?P<a>{point})",
                self._r_since,
            ),
            (
                "onset",
                rf"{start}(?:{alt(v.onset_verbs)}){SP}(?:(?i:in|on)){SP}(?P<a>{point})",
                self._r_since,
            ),
            ("until", rf"{start}(?P<w>{alt(v.until)}){SP}(?P<a>{point})", self._r_until),
            ("until_now", rf"{start}{alt(v.until_now)}\b", self._r_until_now),
            (
                "rolling",
                rf"{start}(?:{alt(v.rolling_prefixes)}{SP})?{the}{SP}(?P<r>{alt(v.rolling)}){SP}"
                rf"(?:(?:{alt(v.approx_words)}){SP})?(?:(?P<n>{num}){SP})?(?P<unit>{units})",
                self._r_rolling,
            ),
            (
                "overnight",
                rf"{start}{alt(v.overnight_into)}{SP}(?P<wd>{wd_full})",
                self._r_overnight,
            ),
            (
                # "the next day", "two days earlier", "on the same day": relative to the
                # incident told before, resolved after all mentions are known
                "relday",
                rf"{start}(?i:(?:on\s+)?(?:the|that)\s+(?:next|following|same|previous)\s+(?:day|night|morning)"
                rf"|the\s+day\s+(?:before|after)|a\s+day\s+(?:later|earlier)"
                rf"|(?P<n>\d+|two|three|four|five|six|seven)\s+days\s+(?P<dir>later|after|earlier|before))\b",
                self._r_relday,
            ),
            (
                # "in the week ending 14 September": the seven days up to that day
                "week_ending",
                rf"{start}{the}{SP}(?i:week){SP}(?:{alt(v.week_ending)}){SP}(?P<a>{point})",
                self._r_week_ending,
            ),
            (
                "unit_start",
                rf"{start}(?i:since){SP}(?i:the){SP}(?i:start|beginning|onset|turn){SP}(?i:of){SP}"
                rf"(?i:the|this){SP}(?P<unit>(?i:year|month|week))\b",
                self._r_unit_start,
            ),
            (
                "anchored",
                rf"{start}(?P<which>{alt(v.anchored)}){SP}(?P<unit>{alt(('day', 'week', 'month', 'year'))})\b"
                r"(?![^\S\n]+of\b)",  # "during the month of May" names its month
                self._r_anchored,
            ),
            ("month_ctx", rf"{start}{ctx}{SP}(?P<core>{_strip_groups(self.p_month)})", self._r_core),
            (
                "month_part",
                rf"{start}(?P<core>{part}{OSP}{month_full}(?:{year_sep}{year_num})?)",
                self._r_core,
            ),
            ("year_ctx", rf"{start}{ctx}{SP}(?P<core>{_strip_groups(self.p_year)})", self._r_core),
            ("year_part", rf"{start}(?P<core>{part}{OSP}{year_num})", self._r_core),
            # bare months and years after "between/from/and/to": kept only inside a range
            ("range_month", rf"{start}{range_ctx}{SP}(?P<core>{_strip_groups(self.p_month)})", self._r_core),
            ("range_year", rf"{start}{range_ctx}{SP}(?P<core>{_strip_groups(self.p_year)})", self._r_core),
        ]
        for name, pattern in (
            ("iso", self.p_iso),
            ("slash", self.p_slash),
            ("dmy", self.p_dmy),
            ("mdy", self.p_mdy),
            ("month_year", self.p_month_year),
            ("decade", self.p_decade),
            ("cal", self.p_cal),
            ("weekend", self.p_weekend),
            ("ago", self.p_ago),
            ("rel", self.p_rel),
            ("weekday", self.p_wd),
        ):
            rules.append((name, rf"{start}(?P<core>{_strip_groups(pattern)})", self._r_core))
        self._rules = [(name, re.compile(p), h) for name, p, h in rules]
        self._rule_of = {rx: name for name, rx, _ in self._rules}

        # Every rule needs one of these somewhere in its match: a month or weekday name,
        # a year-like number or a time word. Rules only run in windows around them.
        modifiers = {
            w
            for group in (
                v.weekday_fillers,
                v.weekday_past,
                v.weekday_future,
                v.this_words,
                v.last_words,
                v.next_words,
                v.rolling,
                v.approx_words,
                v.unit_parts,
                v.since_fillers,
                v.range_openers,
                v.range_joiners,
                v.anchored,
            )
            for phrase in group
            for w in phrase.lower().split()
        }
        words = {
            w
            for group in (v.relative_days, v.units, v.ago, v.until_now)
            for phrase in group
            for w in phrase.lower().replace("'s", "").replace("’s", "").split()
            if len(w) >= 3 and w not in modifiers
        }
        self._trigger = re.compile(
            rf"{names(v.months)}|{names(v.weekdays)}|(?<!\w){alt(words)}|(?:1[89]|20)\d\d"
        )

    # ------------------------------------------------------------- point parsing
    def parse_point(self, text: str) -> _Point | None:
        for rx, make in self._point_parsers:
            m = rx.fullmatch(text)
            if m:
                return make(m)
        return None

    def _month(self, word: str) -> int:
        word = word.rstrip(".")
        return self.v.months.get(word) or self.v.months[word.capitalize()]

    def _weekday(self, word: str) -> int:
        word = word.rstrip(".")
        return self.v.weekdays.get(word) or self.v.weekdays[word.capitalize()]

    def _part(self, word: str | None) -> str | None:
        return self.v.unit_parts[" ".join(word.lower().split())] if word else None

    def _number(self, word: str) -> int:
        return int(word) if word.isdigit() else self.v.number_words[word.lower()]

    def _unit(self, word: str) -> str:
        return self.v.units[word.lower()]

    @staticmethod
    def _digits(s: str) -> int:
        return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]

    def _pt_date(self, m: re.Match[str]) -> _Point | None:
        month = int(m["m"]) if m["m"].isdigit() else self._month(m["m"])
        year = int(m["y"]) if m["y"] else None
        d = self._digits(m["d"])
        if not 1 <= month <= 12 or cal.safe_date(year or 2000, month, d) is None:
            return None
        return _Point("date", year=year, month=month, day=d)

    def _pt_slash(self, m: re.Match[str]) -> _Point | None:
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        if a <= 12 and b <= 12 and a != b:
            return _Point("date", year=None, month=0)  # day/month order unknown: not resolved
        month, d = (a, b) if a <= 12 else (b, a)
        if cal.safe_date(year, month, d) is None:
            return None
        return _Point("date", year=year, month=month, day=d)

    def _pt_month(self, m: re.Match[str]) -> _Point:
        year = int(m["y"]) if m["y"] else None
        return _Point("month", year=year, month=self._month(m["m"]), part=self._part(m["part"]))

    def _pt_year(self, m: re.Match[str]) -> _Point:
        return _Point("year", year=int(m["y"]), part=self._part(m["part"]))

    def _pt_decade(self, m: re.Match[str]) -> _Point:
        return _Point("decade", year=int(m["y"]), part=self._part(m["part"]))

    def _pt_rel(self, m: re.Match[str]) -> _Point:
        term = " ".join(m["rel"].lower().replace("’", "'").split())
        offset = self.v.relative_days[term]
        wd = m["wd"] or m["wd2"]
        if term in self.v.night_terms and not wd:
            return _Point("night", offset=offset)
        # "yesterday, Monday": the named day wins, as the copy may be older than its
        # publication date; it is the most recent such day on or before the relative one.
        return _Point("offset", offset=offset, weekday=self._weekday(wd) if wd else None)

    def _pt_weekday(self, m: re.Match[str]) -> _Point:
        mod = " ".join((m["mod"] or "").lower().split())
        return _Point(
            "weekday",
            weekday=self._weekday(m["wd"]),
            past=mod in self.v.weekday_past,
            future=mod in self.v.weekday_future,
        )

    def _pt_cal(self, m: re.Match[str]) -> _Point:
        which = " ".join(m["which"].lower().split())
        shift = -1 if which in self.v.last_words else 1 if which in self.v.next_words else 0
        unit = m["unit"].lower()
        if unit == "weekend":
            return _Point("weekend", past=shift < 0)
        return _Point("unit", unit=unit, shift=shift, part=self._part(m["part"]))

    def _pt_weekend(self, m: re.Match[str]) -> _Point:
        return _Point("weekend")

    def _pt_ago(self, m: re.Match[str]) -> _Point | None:
        unit = self._unit(m["unit"])
        if unit == "weekend":
            return None
        return _Point("ago", unit=unit, shift=self._number(m["n"]))

    # ---------------------------------------------------------- point resolution
    def when_of(self, pt: _Point, published: date | None, ref: date | None = None) -> When | None:
        """Resolve ``pt``; ``ref`` is the date it lies on or before (default: publication)."""
        ref = ref or published
        P = Precision
        if pt.kind == "date":
            if pt.month == 0:
                return None
            if pt.year is not None:
                d = date(pt.year, pt.month, pt.day)  # type: ignore[arg-type]
            elif ref is None:
                return None
            else:
                d = cal.latest_on_or_before(pt.month, pt.day, ref)  # type: ignore[arg-type]
                if d is None:
                    return None
            return When(d, d, P.DAY)
        if pt.kind == "month":
            assert pt.month is not None
            if pt.year is not None:
                year, cut = pt.year, None
            elif ref is None:
                return None
            else:
                year = ref.year if pt.month <= ref.month else ref.year - 1
                cut = published
            s, e = date(year, pt.month, 1), cal.month_end(year, pt.month)
            return self._with_part(s, e, pt.part, P.MONTH, cut)
        if pt.kind == "year":
            assert pt.year is not None
            return self._with_part(date(pt.year, 1, 1), date(pt.year, 12, 31), pt.part, P.YEAR, None)
        if pt.kind == "decade":
            assert pt.year is not None
            s, e = date(pt.year, 1, 1), date(pt.year + 9, 12, 31)
            return self._with_part(s, e, pt.part, P.PERIOD, None)
        if published is None or ref is None:
            return None  # everything below is relative to publication
        if pt.kind == "night":
            return When(published + timedelta(days=pt.offset), published, P.PERIOD)
        if pt.kind == "offset":
            d = published + timedelta(days=pt.offset)
            if pt.weekday is not None:
                d = cal.latest_weekday(pt.weekday, d)
            return When(d, d, P.DAY)
        if pt.kind == "weekday":
            assert pt.weekday is not None
            if pt.future:
                d = cal.next_weekday(pt.weekday, published)
            else:
                d = cal.latest_weekday(pt.weekday, ref, strict=pt.past)
            return When(d, d, P.DAY)
        if pt.kind == "unit":
            assert pt.unit is not None
            s, e = cal.unit_bounds(
                pt.unit, cal.shift_unit(pt.unit, published, pt.shift), self.v.week_starts_on
            )
            return self._with_part(s, e, pt.part, Precision(pt.unit), published)
        if pt.kind == "weekend":
            sat = cal.latest_weekday(5, published)
            if pt.past and published - sat <= timedelta(days=1):
                sat -= timedelta(days=7)
            return When(sat, min(sat + timedelta(days=1), published), P.PERIOD)
        if pt.kind == "ago":
            assert pt.unit is not None
            if pt.unit in ("day", "hour"):
                d = published - timedelta(days=pt.shift if pt.unit == "day" else -(-pt.shift // 24))
                return When(d, d, P.DAY)
            s, e = cal.unit_bounds(
                pt.unit, cal.shift_unit(pt.unit, published, -pt.shift), self.v.week_starts_on
            )
            return When(s, e, Precision(pt.unit))
        return None

    @staticmethod
    def _with_part(s: date, e: date, part: str | None, precision: Precision, cut: date | None) -> When:
        if part == "upto":
            e = cut or e
        elif part:
            s, e = cal.part_of(s, e, part)
            precision = Precision.PERIOD
        if cut is not None and s <= cut < e:
            e = cut  # a unit that contains publication ends there
        return When(s, e, precision)

    # ------------------------------------------------------------------- rules
    def _point_when(self, text: str, published: date | None, ref: date | None = None) -> When | None:
        pt = self.parse_point(text)
        return self.when_of(pt, published, ref) if pt else None

    def _r_core(self, m: re.Match[str], published: date | None) -> _Candidate | None:
        pt = self.parse_point(m["core"])
        if pt is None:
            return None
        kind = "period" if pt.kind == "decade" else "point"
        return _Candidate(
            m.start("core"), m.end("core"), self.when_of(pt, published), kind, self._rule_of[m.re]
        )

    def _range(
        self, a_text: str, b_text: str, has_opener: bool, joiner: str, published: date | None
    ) -> tuple[When | None] | None:
        """The period from point ``a_text`` to point ``b_text``, or None when they are no range."""
        a, b = self.parse_point(a_text), self.parse_point(b_text)
        if a is None or b is None:
            return False, None
        dayish = {"weekday", "offset"}
        if not has_opener:
            # Without "between"/"from", only close pairs read as one period: "Friday and
            # Saturday", "26 March - 2 April"; "in 2018 and 2019" stays two points.
            if joiner == "and":
                if not (a.kind in dayish and b.kind in dayish):
                    return False, None
            elif a.kind != b.kind and not (a.kind in dayish and b.kind in dayish):
                return False, None
        if b.kind == "weekday" and a.kind == "weekday" and a.past:
            b = replace(b, past=True)  # "last Friday and Saturday": "last" covers both
        end = self.when_of(b, published)
        if end is None or end.end is None:
            return True, None
        begin = self.when_of(a, published, ref=end.end)
        if begin is None or begin.start is None or begin.start > end.end:
            return True, None
        return True, When(begin.start, end.end, Precision.PERIOD)

    def _join_ranges(self, text: str, cands: list[_Candidate], published: date | None) -> list[_Candidate]:
        out: list[_Candidate] = []
        i = 0
        while i < len(cands):
            a = cands[i]
            b = cands[i + 1] if i + 1 < len(cands) else None
            if b is not None and a.kind == "point" and b.kind == "point":
                gap = self._joiner_gap.fullmatch(text, a.end, b.start)
                if gap:
                    opener = self._opener_before.search(text, max(0, a.start - 20), a.start)
                    joiner = (gap["join"] or gap["dash"]).lower()
                    is_range, when = self._range(
                        text[a.start : a.end], text[b.start : b.end], bool(opener), joiner, published
                    )
                    if is_range:
                        begin = opener.start() if opener else a.start
                        out.append(_Candidate(begin, b.end, when, "period", "range"))
                        i += 2
                        continue
            if a.rule not in self._range_only:
                out.append(a)
            i += 1
        return out

    def _r_dayrange(self, m: re.Match[str], published: date | None) -> _Candidate | None:
        d1, d2 = self._digits(m["d1"]), self._digits(m["d2"])
        if d1 >= d2:
            return None
        month = self._month(m["m"])
        year = int(m["y"]) if m["y"] else None
        end = self.when_of(_Point("date", year=year, month=month, day=d2), published)
        if end is None or end.end is None:
            return _Candidate(m.start(), m.end(), None, "period", "dayrange")
        first = cal.safe_date(end.end.year, month, d1)
        return _Candidate(m.start(), m.end(), When(first, end.end, Precision.PERIOD), "period", "dayrange")

    def _r_since(self, m: re.Match[str], published: date | None) -> _Candidate | None:
        w = self._point_when(m["a"], published)
        start = w.start if w else None
        if start is None:
            return _Candidate(m.start(), m.end(), None, "since", "since")
        if published is not None and start > published:
            return _Candidate(m.start(), m.end(), None, "since", "since")
        return _Candidate(m.start(), m.end(), When(start, published, Precision.PERIOD), "since", "since")

    def _r_until(self, m: re.Match[str], published: date | None) -> _Candidate | None:
        w = self._point_when(m["a"], published)
        end = w.end if w else None
        when = When(None, end, Precision.PERIOD) if end else None
        return _Candidate(m.start(), m.end(), when, "until", "until")

    def _r_until_now(self, m: re.Match[str], published: date | None) -> _Candidate:
        when = When(None, published, Precision.PERIOD) if published else None
        return _Candidate(m.start(), m.end(), when, "until", "until_now")

    def _r_rolling(self, m: re.Match[str], published: date | None) -> _Candidate | None:
        if m["n"] is None and m["r"].lower() in self.v.anchored_words:
            return None  # "the previous month" is the month before one just named
        unit = self._unit(m["unit"])
        plural = m["unit"].lower().endswith("s")
        if m["n"] is None and plural:
            return _Candidate(m.start(), m.end(), None, "period", "rolling")  # "the past days": vague
        count = self._number(m["n"]) if m["n"] else 1
        if published is None:
            return _Candidate(m.start(), m.end(), None, "period", "rolling")
        when = When(cal.rolling_start(published, unit, count), published, Precision.PERIOD)
        return _Candidate(m.start(), m.end(), when, "period", "rolling")

    def _r_overnight(self, m: re.Match[str], published: date | None) -> _Candidate:
        when = None
        if published is not None:
            d = cal.latest_weekday(self._weekday(m["wd"]), published)
            when = When(d - timedelta(days=1), d, Precision.PERIOD)
        return _Candidate(m.start(), m.end(), when, "period", "overnight")

    _SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

    def _r_relday(self, m: re.Match[str], published: date | None) -> _Candidate:
        t = m.group(0).lower()
        if m["n"]:
            n = int(m["n"]) if m["n"].isdigit() else self._SMALL[m["n"].lower()]
            offset = n if m["dir"].lower() in ("later", "after") else -n
        elif "same" in t:
            offset = 0
        elif any(w in t for w in ("next", "following", "after", "later")):
            offset = 1
        else:
            offset = -1
        return _Candidate(m.start(), m.end(), None, "point", f"relday{offset:+d}")

    def _r_week_ending(self, m: re.Match[str], published: date | None) -> _Candidate:
        w = self._point_when(m["a"], published)
        when = None
        if w is not None and w.end is not None and w.precision == Precision.DAY:
            when = When(w.end - timedelta(days=6), w.end, Precision.WEEK)
        return _Candidate(m.start(), m.end(), when, "period", "week_ending")

    def _r_unit_start(self, m: re.Match[str], published: date | None) -> _Candidate:
        """ "since the start of the year": from the first day of the unit that holds P."""
        when = None
        if published is not None:
            unit = m["unit"].lower()
            if unit == "year":
                first = date(published.year, 1, 1)
            elif unit == "month":
                first = published.replace(day=1)
            else:
                first = published - timedelta(days=(published.weekday() + 1) % 7)  # weeks start on Sunday
            when = When(first, published, Precision.PERIOD)
        return _Candidate(m.start(), m.end(), when, "since", "unit_start")

    def _r_anchored(self, m: re.Match[str], published: date | None) -> _Candidate:
        return _Candidate(m.start(), m.end(), None, "point", "anchored")  # resolved in _link

    # -------------------------------------------------------------------- find
    def _windows(self, text: str) -> Iterator[tuple[int, int]]:
        """Stretches of text around trigger words, merged; expressions lie inside them."""
        start = end = -1
        for m in self._trigger.finditer(text):
            lo, hi = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
            if lo > end:
                if end > start:
                    yield start, end
                start = lo
            end = hi
        if end > start:
            yield start, end

    def _candidates(self, text: str, published: date | None) -> Iterator[_Candidate]:
        for lo, hi in self._windows(text):
            for _name, rx, handler in self._rules:
                for m in rx.finditer(text, lo, hi):
                    c = handler(m, published)
                    if c is not None:
                        yield c

    def find(self, text: str, published: date | None) -> list[TimeMention]:
        # Longest first, so "on Wednesday, 21 September" beats "on Wednesday"; at equal
        # length the leftmost, then the earlier rule (composites come first).
        order = {name: i for i, (name, _, _) in enumerate(self._rules)}
        taken: list[_Candidate] = []
        ranked = sorted(
            self._candidates(text, published), key=lambda c: (c.start - c.end, c.start, order.get(c.rule, 99))
        )
        for c in ranked:
            if all(c.end <= t.start or c.start >= t.end for t in taken):
                taken.append(c)
        chosen = self._join_ranges(text, sorted(taken, key=lambda c: c.start), published)
        chosen = [self._mark_comparison(text, c) for c in chosen]
        chosen = self._link(text, chosen, published)
        chosen = self._relative_days(chosen)
        return [
            TimeMention(c.start, c.end, text[c.start : c.end], c.when, c.kind, c.compared_from)
            for c in chosen
        ]

    def _mark_comparison(self, text: str, c: _Candidate) -> _Candidate:
        """A date that closes a comparison ("compared with 628,000 a year ago") dates the
        figure compared with, not the sentence's other figures."""
        m = self._comparison.search(text, max(0, c.start - 70), c.start)
        return replace(c, compared_from=m.start("open") if m["open"] else m.start("open2")) if m else c

    @staticmethod
    def _relative_days(cands: list[_Candidate]) -> list[_Candidate]:
        """ "the next day" is the day after the last day named before it; with none, unresolved."""
        last_day: date | None = None
        out = []
        for c in cands:
            if c.rule.startswith("relday"):
                if last_day is not None:
                    d = last_day + timedelta(days=int(c.rule[len("relday") :]))
                    c = _Candidate(c.start, c.end, When(d, d, Precision.DAY), c.kind, c.rule)
                    last_day = d
            elif c.when is not None and c.when.precision == Precision.DAY and c.when.start:
                last_day = c.when.start
            out.append(c)
        return out

    def _link(self, text: str, cands: list[_Candidate], published: date | None) -> list[_Candidate]:
        """Relations between neighbours in one sentence.

        - "since 16 September ... until 6 December": one closed period;
        - "on Friday night and continued until Saturday": one period;
        - "As of 14 March, 1,600 killed since 1 February": the since period ends on 14 March;
        - "the previous month": the month before the one just named.
        """
        out: list[_Candidate] = []
        for c in cands:
            prev = out[-1] if out else None
            if c.rule == "until" and prev is not None and self._same_clause(text, prev, c):
                pw, cw = prev.when, c.when
                if pw and cw and pw.start and cw.end and pw.start <= cw.end:
                    if prev.kind == "since" or (prev.kind == "point" and pw.precision == Precision.DAY):
                        when = When(pw.start, cw.end, Precision.PERIOD)
                        out[-1] = _Candidate(prev.start, c.end, when, "period", "joined")
                        continue
            if c.rule == "anchored":
                c = replace(c, when=self._anchored(text[c.start : c.end], out, published))
            out.append(c)
        return self._close_since(text, out)

    def _same_clause(self, text: str, a: _Candidate, b: _Candidate) -> bool:
        # "until" (not "as of") right after, with no sentence break between
        gap = text[a.end : b.start]
        return self._until_word.match(text, b.start) is not None and not _SENTENCE_BREAK.search(gap)

    def _close_since(self, text: str, cands: list[_Candidate]) -> list[_Candidate]:
        """A since period and an "as of" date in one sentence: the period ends on that date."""
        out = list(cands)
        for i, c in enumerate(out):
            if c.kind != "since" or c.when is None or c.when.start is None:
                continue
            for o in out:
                if o.kind != "until" or o.when is None or o.when.end is None:
                    continue
                lo, hi = min(c.end, o.end), max(c.start, o.start)
                if _SENTENCE_BREAK.search(text, lo, hi) or o.when.end < c.when.start:
                    continue
                out[i] = replace(c, when=When(c.when.start, o.when.end, Precision.PERIOD))
                break
        return out

    def _anchored(self, phrase: str, before: list[_Candidate], published: date | None) -> When | None:
        words = phrase.lower().split()
        unit = words[-1]
        step = self.v.anchored[" ".join(words[:-1])]
        # a date compared with is no anchor ("X in March, against Y in February ... during the
        # month"), nor the start of a running total ("the highest toll since May 2019")
        anchor = next(
            (
                c.when.start
                for c in reversed(before)
                if c.when
                and c.when.start
                and c.compared_from is None
                and c.rule not in ("since", "unit_start")
            ),
            None,
        )
        if anchor is None:
            if step >= 0 or published is None:
                return None
            anchor = published  # "the previous day" with nothing before it: the day before publication
        target = cal.shift_unit(unit, anchor, step)
        if unit == "day":
            return When(target, target, Precision.DAY)
        s, e = cal.unit_bounds(unit, target, self.v.week_starts_on)
        return When(s, e, Precision(unit))


@cache
def default_resolver(path: str | None = None) -> TimeResolver:
    """The resolver for the packaged vocabulary (or a YAML file), built on first use."""
    return TimeResolver(TimeVocabulary.load(Path(path) if path else None))


def find_time_expressions(text: str, published: date | None) -> list[TimeMention]:
    """Every time expression in ``text`` with its offsets, resolved against ``published``."""
    return default_resolver().find(text, published)


def resolve_expression(text: str, published: date | None) -> When | None:
    """Resolve one expression ("since September 10", "last Friday and Saturday")."""
    resolver = default_resolver()
    point = resolver.parse_point(" ".join(text.split()))
    if point is not None:
        # the whole string is one point: no context word needed ("2019", "January")
        return resolver.when_of(point, published)
    mentions = resolver.find(text, published)
    if not mentions:
        return None
    best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
    return best.when
