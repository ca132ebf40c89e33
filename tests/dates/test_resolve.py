"""Time expressions: spans, kinds and resolution against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.dates import TimeMention, find_time_expressions, resolve_expression
from warledger.dates.resolve import TimeResolver
from warledger.dates.vocab import TimeVocabulary, alt
from warledger.errors import LexiconError
from warledger.types import Precision, When

THU = date(2023, 3, 16)  # a Thursday
SUN = date(2019, 6, 30)  # a Sunday
TUE = date(2020, 10, 6)  # a Tuesday

D, W, M, Y, PER = Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR, Precision.PERIOD


def w(start: str | None, end: str | None, precision: Precision) -> When:
    return When(
        date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None, precision
    )


def only(text: str, published: date | None) -> TimeMention:
    found = find_time_expressions(text, published)
    assert len(found) == 1, found
    return found[0]


# (sentence, publication date, expected span text, kind, expected When)
CASES = [
    # relative days
    (
        "Two fishermen were shot dead yesterday near the port.",
        THU,
        "yesterday",
        "point",
        w("2023-03-15", "2023-03-15", D),
    ),
    (
        "Shelling resumed this morning in the northern districts.",
        THU,
        "this morning",
        "point",
        w("2023-03-16", "2023-03-16", D),
    ),
    (
        "Curfew was imposed tonight across the city.",
        THU,
        "tonight",
        "point",
        w("2023-03-16", "2023-03-16", D),
    ),
    (
        "Earlier today the convoy reached the bridge.",
        THU,
        "Earlier today",
        "point",
        w("2023-03-16", "2023-03-16", D),
    ),
    (
        "Drones struck a fuel depot last night.",
        THU,
        "last night",
        "point",
        w("2023-03-15", "2023-03-16", PER),
    ),
    ("Three villages were hit overnight.", THU, "overnight", "point", w("2023-03-15", "2023-03-16", PER)),
    ("Gunmen stormed the checkpoint at dawn.", THU, "at dawn", "point", w("2023-03-16", "2023-03-16", D)),
    (
        "The shops stayed closed the day before yesterday.",
        THU,
        "the day before yesterday",
        "point",
        w("2023-03-14", "2023-03-14", D),
    ),
    (
        "Officials recounted yesterday’s clashes in detail.",
        THU,
        "yesterday’s",
        "point",
        w("2023-03-15", "2023-03-15", D),
    ),
    # a named day beside a relative one wins: the copy may be a day older than its date
    (
        "Fighting broke out yesterday, Tuesday, in the market.",
        THU,
        "yesterday, Tuesday",
        "point",
        w("2023-03-14", "2023-03-14", D),
    ),
    # weekdays: most recent on or before publication; "last" excludes publication day
    (
        "The militia withdrew on Monday after talks.",
        THU,
        "on Monday",
        "point",
        w("2023-03-13", "2023-03-13", D),
    ),
    (
        "Police said Thursday that four men were held.",
        THU,
        "Thursday",
        "point",
        w("2023-03-16", "2023-03-16", D),
    ),
    (
        "The rally was dispersed last Thursday.",
        THU,
        "last Thursday",
        "point",
        w("2023-03-09", "2023-03-09", D),
    ),
    (
        "Rockets fell on the town last Saturday.",
        THU,
        "last Saturday",
        "point",
        w("2023-03-11", "2023-03-11", D),
    ),
    (
        "The ministry said earlier Wednesday that the pass was cut.",
        THU,
        "earlier Wednesday",
        "point",
        w("2023-03-15", "2023-03-15", D),
    ),
    (
        "Raiders burned the camp at dawn last Sunday.",
        THU,
        "at dawn last Sunday",
        "point",
        w("2023-03-12", "2023-03-12", D),
    ),
    (
        "Heavy fighting was reported Saturday night.",
        SUN,
        "Saturday night",
        "point",
        w("2019-06-29", "2019-06-29", D),
    ),
    (
        "The strikes continued overnight into Sunday.",
        SUN,
        "overnight into Sunday",
        "period",
        w("2019-06-29", "2019-06-30", PER),
    ),
    # explicit dates, all orders
    ("The airport was shelled on 3 March.", THU, "3 March", "point", w("2023-03-03", "2023-03-03", D)),
    ("The airport was shelled on March 3.", THU, "March 3", "point", w("2023-03-03", "2023-03-03", D)),
    ("Troops entered the valley on Feb. 27.", THU, "Feb. 27", "point", w("2023-02-27", "2023-02-27", D)),
    (
        "The ceasefire of the 9th of February 2021 collapsed.",
        THU,
        "the 9th of February 2021",
        "point",
        w("2021-02-09", "2021-02-09", D),
    ),
    (
        "The report is dated 2022-07-04 and covers the north.",
        THU,
        "2022-07-04",
        "point",
        w("2022-07-04", "2022-07-04", D),
    ),
    (
        "A bulletin of 11/23/2019 lists the names.",
        THU,
        "11/23/2019",
        "point",
        w("2019-11-23", "2019-11-23", D),
    ),
    (
        "A bulletin of 23/11/2019 lists the names.",
        THU,
        "23/11/2019",
        "point",
        w("2019-11-23", "2019-11-23", D),
    ),
    (
        "On 2 March at around 0930 hrs a mortar hit the clinic.",
        THU,
        "2 March",
        "point",
        w("2023-03-02", "2023-03-02", D),
    ),
    (
        "He was detained on March 14, 2022, at his office.",
        THU,
        "March 14, 2022",
        "point",
        w("2022-03-14", "2022-03-14", D),
    ),
    # a date later in the year than publication belongs to the previous year
    ("The dam was breached on 20 November.", THU, "20 November", "point", w("2022-11-20", "2022-11-20", D)),
    (
        "The siege was lifted on Monday, 6 February, at night.",
        THU,
        "Monday, 6 February",
        "point",
        w("2023-02-06", "2023-02-06", D),
    ),
    (
        "Baghdad, Jun 28 (Reuters) - Two bombs exploded.",
        SUN,
        "Jun 28",
        "point",
        w("2019-06-28", "2019-06-28", D),
    ),
    # months and years
    ("Some 80 people died in January.", THU, "January", "point", w("2023-01-01", "2023-01-31", M)),
    ("Some 80 people died in October.", THU, "October", "point", w("2022-10-01", "2022-10-31", M)),
    ("Displacement peaked in May 2017.", THU, "May 2017", "point", w("2017-05-01", "2017-05-31", M)),
    (
        "Displacement rose in March, the month of publication.",
        THU,
        "March",
        "point",
        w("2023-03-01", "2023-03-16", M),
    ),
    ("The province saw 312 attacks in 2019.", THU, "2019", "point", w("2019-01-01", "2019-12-31", Y)),
    ("The 2016 census counted the camps.", THU, "2016", "point", w("2016-01-01", "2016-12-31", Y)),
    ("Violence surged in early 2020.", THU, "early 2020", "point", w("2020-01-01", "2020-04-30", PER)),
    ("Fighting flared in mid-July.", THU, "mid-July", "point", w("2022-07-11", "2022-07-20", PER)),
    ("The militias formed in the 1980s.", THU, "the 1980s", "period", w("1980-01-01", "1989-12-31", PER)),
    # calendar units
    ("The blockade was eased this month.", THU, "this month", "point", w("2023-03-01", "2023-03-16", M)),
    ("More than 40 died last month.", THU, "last month", "point", w("2023-02-01", "2023-02-28", M)),
    ("The front barely moved last year.", THU, "last year", "point", w("2022-01-01", "2022-12-31", Y)),
    ("The front barely moved this year.", THU, "this year", "point", w("2023-01-01", "2023-03-16", Y)),
    ("Aid convoys were blocked last week.", THU, "last week", "point", w("2023-03-05", "2023-03-11", W)),
    ("Aid convoys were blocked this week.", THU, "this week", "point", w("2023-03-12", "2023-03-16", W)),
    (
        "The offensive started late last week.",
        SUN,
        "late last week",
        "point",
        w("2019-06-27", "2019-06-29", PER),
    ),
    (
        "The bridge was retaken earlier this month.",
        THU,
        "earlier this month",
        "point",
        w("2023-03-01", "2023-03-16", M),
    ),
    (
        "Both sides shelled the town over the weekend.",
        TUE,
        "over the weekend",
        "point",
        w("2020-10-03", "2020-10-04", PER),
    ),
    # ago
    (
        "The bridge was destroyed three days ago.",
        THU,
        "three days ago",
        "point",
        w("2023-03-13", "2023-03-13", D),
    ),
    (
        "The group lost the city almost two years ago.",
        THU,
        "almost two years ago",
        "point",
        w("2021-01-01", "2021-12-31", Y),
    ),
    ("The town fell a month ago.", THU, "a month ago", "point", w("2023-02-01", "2023-02-28", M)),
    # rolling windows
    (
        "Over the past three months, 900 were displaced.",
        THU,
        "Over the past three months",
        "period",
        w("2022-12-16", "2023-03-16", PER),
    ),
    (
        "In the past week, 12 strikes hit the district.",
        THU,
        "In the past week",
        "period",
        w("2023-03-09", "2023-03-16", PER),
    ),
    (
        "In the last 48 hours, rockets hit two towns.",
        THU,
        "In the last 48 hours",
        "period",
        w("2023-03-14", "2023-03-16", PER),
    ),
    (
        "During the past 10 days the road stayed shut.",
        THU,
        "During the past 10 days",
        "period",
        w("2023-03-06", "2023-03-16", PER),
    ),
    (
        "Within the last month, 15 raids were recorded.",
        THU,
        "Within the last month",
        "period",
        w("2023-02-16", "2023-03-16", PER),
    ),
    # since: up to publication
    (
        "Since October 2, at least 210 people have died.",
        THU,
        "Since October 2",
        "since",
        w("2022-10-02", "2023-03-16", PER),
    ),
    (
        "Over 300 were abducted since the 1st of January 2022.",
        THU,
        "since the 1st of January 2022",
        "since",
        w("2022-01-01", "2023-03-16", PER),
    ),
    (
        "The rebels have fought the army since at least 2011.",
        THU,
        "since at least 2011",
        "since",
        w("2011-01-01", "2023-03-16", PER),
    ),
    (
        "Casualties rose since the siege of the airport began on February 20.",
        THU,
        "since the siege of the airport began on February 20",
        "since",
        w("2023-02-20", "2023-03-16", PER),
    ),
    (
        "Rations have been cut since last week.",
        THU,
        "since last week",
        "since",
        w("2023-03-05", "2023-03-16", PER),
    ),
    (
        "The town has been quiet since Monday.",
        THU,
        "since Monday",
        "since",
        w("2023-03-13", "2023-03-16", PER),
    ),
    (
        "Since January, 52 aid workers were attacked.",
        THU,
        "Since January",
        "since",
        w("2023-01-01", "2023-03-16", PER),
    ),
    # until: the end of a cumulative period
    (
        "As of March 10, 4,400 people were missing.",
        THU,
        "As of March 10",
        "until",
        w(None, "2023-03-10", PER),
    ),
    (
        "As of 28 February, 17 schools were damaged.",
        THU,
        "As of 28 February",
        "until",
        w(None, "2023-02-28", PER),
    ),
    ("So far, the toll stands at 63.", THU, "So far", "until", w(None, "2023-03-16", PER)),
    ("The agency has counted 1,200 deaths to date.", THU, "to date", "until", w(None, "2023-03-16", PER)),
    (
        "Records run until 31 December 2022.",
        THU,
        "until 31 December 2022",
        "until",
        w(None, "2022-12-31", PER),
    ),
    # ranges
    (
        "Between 4 and 9 March, 30 civilians were killed.",
        THU,
        "Between 4 and 9 March",
        "period",
        w("2023-03-04", "2023-03-09", PER),
    ),
    (
        "From 1 to 12 February the road was closed.",
        THU,
        "From 1 to 12 February",
        "period",
        w("2023-02-01", "2023-02-12", PER),
    ),
    (
        "Clashes on 14-15 January killed eight.",
        THU,
        "14-15 January",
        "period",
        w("2023-01-14", "2023-01-15", PER),
    ),
    (
        "Clashes on January 14–15 killed eight.",
        THU,
        "January 14–15",
        "period",
        w("2023-01-14", "2023-01-15", PER),
    ),
    (
        "The report covers 3-9 October 2021.",
        THU,
        "3-9 October 2021",
        "period",
        w("2021-10-03", "2021-10-09", PER),
    ),
    (
        "Between 5 June 2018 and 2 May 2019, 700 died.",
        THU,
        "Between 5 June 2018 and 2 May 2019",
        "period",
        w("2018-06-05", "2019-05-02", PER),
    ),
    (
        "Between 20 December and 3 January, 15 died.",
        THU,
        "Between 20 December and 3 January",
        "period",
        w("2022-12-20", "2023-01-03", PER),
    ),
    (
        "Between Sunday and yesterday, 20 homes burned.",
        THU,
        "Between Sunday and yesterday",
        "period",
        w("2023-03-12", "2023-03-15", PER),
    ),
    (
        "Raids took place last Monday and Tuesday.",
        THU,
        "last Monday and Tuesday",
        "period",
        w("2023-03-13", "2023-03-14", PER),
    ),
    (
        "From Monday to Wednesday the crossing was shut.",
        THU,
        "From Monday to Wednesday",
        "period",
        w("2023-03-13", "2023-03-15", PER),
    ),
    (
        "Between 2014 and 2017 the group held the city.",
        THU,
        "Between 2014 and 2017",
        "period",
        w("2014-01-01", "2017-12-31", PER),
    ),
    (
        "From March to May 2022, 90 attacks were logged.",
        THU,
        "From March to May 2022",
        "period",
        w("2022-03-01", "2022-05-31", PER),
    ),
]


@pytest.mark.parametrize(("text", "published", "span", "kind", "expected"), CASES)
def test_expressions(text: str, published: date, span: str, kind: str, expected: When) -> None:
    m = only(text, published)
    assert (m.text, m.kind, m.when) == (span, kind, expected)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(("text", "published", "span", "kind", "expected"), CASES)
def test_resolve_expression(text: str, published: date, span: str, kind: str, expected: When) -> None:
    assert resolve_expression(span, published) == expected


# Without a publication date, relative expressions are found but stay unresolved.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Two were killed yesterday.", "yesterday"),
        ("The port was shelled on Friday.", "on Friday"),
        ("Since September 10, 90 were killed.", "Since September 10"),
        ("The road was cut last week.", "last week"),
        ("The ministry gave the toll on 4 April.", "4 April"),
        ("In the past three days, 12 died.", "In the past three days"),
        ("The village was emptied two weeks ago.", "two weeks ago"),
        ("So far, 18 bodies were found.", "So far"),
        ("Between Monday and Wednesday, 14 died.", "Between Monday and Wednesday"),
        ("Fighting went on in August.", "August"),
    ],
)
def test_relative_without_publication(text: str, span: str) -> None:
    m = only(text, None)
    assert (m.text, m.when) == (span, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The airport was shelled on 3 March 2015.", w("2015-03-03", "2015-03-03", D)),
        ("Displacement peaked in May 2017.", w("2017-05-01", "2017-05-31", M)),
        ("The province saw 312 attacks in 2019.", w("2019-01-01", "2019-12-31", Y)),
        ("Between 5 June 2018 and 2 May 2019, 700 died.", w("2018-06-05", "2019-05-02", PER)),
        ("As of 28 February 2022, 17 schools were damaged.", w(None, "2022-02-28", PER)),
        ("The report covers 3-9 October 2021.", w("2021-10-03", "2021-10-09", PER)),
        ("The group has fought since 2012.", w("2012-01-01", None, PER)),  # open: the end is publication
    ],
)
def test_explicit_without_publication(text: str, expected: When) -> None:
    assert only(text, None).when == expected


# Numbers that are not dates.
@pytest.mark.parametrize(
    "text",
    [
        "The blast killed 14 people and wounded 31 others.",
        "A total of 2,017 houses were damaged.",
        "At least 2000 people fled to the hills.",
        "There were 1,518 civilian casualties in the district.",
        "The convoy was hit 17 kilometres from the border.",
        "The attack started at 1545 hrs local time.",
        "The victim, 72 years old, was a teacher.",
        "A 35-year-old man and 1900 residents were evacuated.",
        "He may return when the march ends.",
        "Around 5500 soldiers and 2019 fighters were deployed.",
        "The unit lost 24 men in 3 attacks.",
        "It costs $2020 per tonne.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_time_expressions(text, THU) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # slash dates with both parts at most 12 are ambiguous: found, not resolved
        ("The order of 04/05/2019 was revoked.", None),
        # "last <weekday>" on that very weekday means a week before
        ("The raid came last Thursday.", w("2023-03-09", "2023-03-09", D)),
        # a day-of-month that does not exist in that month is not a date
        ("On 31 April the road reopened.", None),
    ],
)
def test_edge_cases(text: str, expected: When | None) -> None:
    found = find_time_expressions(text, THU)
    assert [m.when for m in found] == ([expected] if expected else []) or (
        expected is None and all(m.when is None for m in found)
    )


def test_previous_month_follows_the_month_just_named() -> None:
    text = "In June 45 people were killed. That is double the figure for the previous month."
    found = find_time_expressions(text, date(2021, 9, 2))
    assert [(m.text, m.when) for m in found] == [
        ("June", w("2021-06-01", "2021-06-30", M)),
        ("the previous month", w("2021-05-01", "2021-05-31", M)),
    ]


def test_previous_month_without_anchor_is_before_publication() -> None:
    m = only("Deaths doubled compared with the previous month.", date(2021, 9, 2))
    assert m.when == w("2021-08-01", "2021-08-31", M)


def test_since_and_until_in_one_sentence_close_the_period() -> None:
    text = "The monitor counted 540 deaths since 3 May, when the offensive opened, until yesterday."
    m = only(text, date(2022, 8, 1))
    assert m.text == "since 3 May, when the offensive opened, until yesterday"
    assert (m.kind, m.when) == ("period", w("2022-05-03", "2022-07-31", PER))


def test_as_of_closes_a_since_period_in_the_same_sentence() -> None:
    text = "As of 30 July, 540 deaths were counted since 1 May. Since June, 80 more fled."
    found = find_time_expressions(text, date(2022, 8, 1))
    assert [(m.text, m.kind, m.when) for m in found] == [
        ("As of 30 July", "until", w(None, "2022-07-30", PER)),
        ("since 1 May", "since", w("2022-05-01", "2022-07-30", PER)),
        ("Since June", "since", w("2022-06-01", "2022-08-01", PER)),
    ]


def test_day_then_until_is_one_period() -> None:
    text = "Clashes were reported on Tuesday evening and went on until Thursday morning."
    m = only(text, date(2022, 8, 5))
    assert (m.text, m.kind, m.when) == (
        "on Tuesday evening and went on until Thursday morning",
        "period",
        w("2022-08-02", "2022-08-04", PER),
    )


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "The uprising, which began in 2012, has killed thousands.",
            "began in 2012",
            w("2012-01-01", "2022-08-05", PER),
        ),
        (
            "A war that broke out in April 2023 has displaced millions.",
            "broke out in April 2023",
            w("2023-04-01", "2022-08-05", PER),
        ),
        (
            "The blockade, which started on 3 July, goes on.",
            "started on 3 July",
            w("2022-07-03", "2022-08-05", PER),
        ),
    ],
)
def test_onset_verbs_open_a_period(text: str, span: str, expected: When) -> None:
    m = only(text, date(2022, 8, 5))
    if expected.start and expected.start > date(2022, 8, 5):
        assert (m.text, m.when) == (span, None)  # an onset after publication is not resolved
    else:
        assert (m.text, m.kind, m.when) == (span, "since", expected)


def test_previous_with_a_number_is_a_rolling_window() -> None:
    m = only("Over 40 strikes were counted in the previous 24 hours.", date(2022, 8, 5))
    assert (m.kind, m.when) == ("period", w("2022-08-04", "2022-08-05", PER))


PARAGRAPHS = [
    (
        date(2022, 4, 9),  # a Saturday
        "Mariupol, Apr 9 (AFP) - At least 52 people were killed on Friday when two rockets hit the "
        "station, officials said. Since February 24, more than 1,500 civilians have died in the "
        "region, and 4,000 more were evacuated between 1 and 7 April. As of April 8, 12 shelters "
        "remained open. Last Sunday and Monday the corridor was closed; it reopened this morning.",
        [
            ("Apr 9", "point"),
            ("on Friday", "point"),
            ("Since February 24", "since"),
            ("between 1 and 7 April", "period"),
            ("As of April 8", "until"),
            ("Last Sunday and Monday", "period"),
            ("this morning", "point"),
        ],
    ),
    (
        date(2017, 10, 18),
        "The coalition said in a statement on 17 October 2017 that the city had been cleared. "
        "Over the past four months, its aircraft carried out 3,800 strikes. In 2016, 2,000 fighters "
        "held the old town; by mid-2017 only 350 remained, officials said on Tuesday.",
        [
            ("17 October 2017", "point"),
            ("Over the past four months", "period"),
            ("2016", "point"),
            ("mid-2017", "point"),
            ("on Tuesday", "point"),
        ],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), PARAGRAPHS)
def test_paragraph_offsets(published: date, text: str, expected: list[tuple[str, str]]) -> None:
    found = find_time_expressions(text, published)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.kind in ("point", "since", "period", "until")
    assert [(m.text, m.kind) for m in found] == expected
    assert all(m.when is not None for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_a_long_text() -> None:
    # speed is measured by benchmarks/knowledge_lookups.py, not asserted here
    text = " ".join(p for _, p, _ in PARAGRAPHS)
    text = (text + "\n\n") * (50_000 // len(text) + 1)
    found = find_time_expressions(text[:50_000], THU)
    assert found and all(text[m.start : m.end] == m.text for m in found)


def test_vocabulary_is_data(tmp_path) -> None:
    """A vocabulary file drives the patterns: drop a word and it is no longer matched."""
    src = TimeVocabulary.load()
    assert src.weekdays["Friday"] == 4 and src.months["Sept"] == 9
    assert "on" in src.weekday_fillers  # quoted in YAML, not read as a boolean
    path = tmp_path / "time.yaml"
    import yaml

    from warledger.dates.vocab import _default_text

    data = yaml.safe_load(_default_text())
    data["relative_days"] = [e for e in data["relative_days"] if e["id"] != "yesterday"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    resolver = TimeResolver(TimeVocabulary.load(path))
    assert resolver.find("Two died yesterday.", THU) == []
    assert resolver.find("Two died today.", THU)[0].when == w("2023-03-16", "2023-03-16", D)


def test_bad_vocabulary_names_the_file(tmp_path) -> None:
    path = tmp_path / "time.yaml"
    path.write_text("weekday_fillers: [on, off]\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        TimeVocabulary.load(path)


def test_empty_alternation_never_matches() -> None:
    import re

    assert re.search(alt([]), "anything at all") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since the start of the year, 312 soldiers have died.", w("2023-01-01", "2023-03-16", PER)),
        ("Since the beginning of the month, 40 people were killed.", w("2023-03-01", "2023-03-16", PER)),
    ],
)
def test_since_the_start_of_a_unit(text, expected):
    found = find_time_expressions(text, THU)
    assert found and found[0].kind == "since" and found[0].when == expected


def test_days_relative_to_the_incident_told_before():
    text = "On 14 March gunmen attacked the village. The next day they came back. Two days earlier, troops had left."
    found = {m.text: m.when for m in find_time_expressions(text, THU)}
    assert found["The next day"] == w("2023-03-15", "2023-03-15", D)
    assert found["Two days earlier"] == w("2023-03-13", "2023-03-13", D)


def test_a_relative_day_with_nothing_before_stays_unresolved():
    found = find_time_expressions("The next day the convoy moved on.", THU)
    assert [m.when for m in found] == [None]


def test_the_unit_of_the_date_told_before():
    text = "On 9 February a shell hit the clinic. Strikes killed 30 people during the month."
    found = {m.text: m.when for m in find_time_expressions(text, THU)}
    assert found["during the month"] == w("2023-02-01", "2023-02-28", M)
    found = {
        m.text: m.when
        for m in find_time_expressions("The rebels took the port in 2019. That year, 80 died.", THU)
    }
    assert found["That year"] == w("2019-01-01", "2019-12-31", Y)


def test_the_unit_of_nothing_told_before_stays_unresolved():
    assert [m.when for m in find_time_expressions("Strikes killed 30 people during the month.", THU)] == [
        None
    ]
    assert [m.text for m in find_time_expressions("Fighting raged during the month of May.", THU)] == ["May"]


def test_a_running_total_or_a_compared_date_is_no_anchor():
    text = (
        "Raids killed 61 in February, against 40 deaths in January. It was the worst month since "
        "June 2020. Strikes killed 30 people during the month."
    )
    found = {m.text: m.when for m in find_time_expressions(text, THU)}
    assert found["during the month"] == w("2023-02-01", "2023-02-28", M)


@pytest.mark.parametrize(
    ("text", "span", "compared"),
    [
        ("Some 9,000 remain displaced, compared with 12,000 a year ago.", "a year ago", "compared with"),
        ("The toll reached 410, up from 395 killed a day earlier.", "a day earlier", "up from"),
        ("Clashes rose to 14, against 9 incidents in January.", "January", "against"),
        ("Attacks against civilians in January rose.", "January", None),
        ("Militias killed 12 people in January.", "January", None),
    ],
)
def test_a_date_after_a_comparison_opener_is_marked(text, span, compared):
    m = next(m for m in find_time_expressions(text, THU) if m.text == span)
    assert (text[m.compared_from :].split(" ")[0] if m.compared_from is not None else None) == (
        compared.split(" ")[0] if compared else None
    )


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "The agency counted 2,100 displaced in the week ending 12 March alone.",
            "the week ending 12 March",
            w("2023-03-06", "2023-03-12", W),
        ),
        ("In the week to Sunday, 40 people died.", "the week to Sunday", w("2023-03-06", "2023-03-12", W)),
    ],
)
def test_the_week_ending_a_day(text, span, expected):
    m = next(m for m in find_time_expressions(text, THU) if m.text == span)
    assert (m.kind, m.when) == ("period", expected)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            'The toll since rebels launched the "Iron Dawn" offensive on 2 March rose to 90.',
            'since rebels launched the "Iron Dawn" offensive on 2 March',
            w("2023-03-02", "2023-03-16", PER),
        ),
        (
            "Deaths since the army began “Operation Clean Sweep” in January passed 300.",
            "since the army began “Operation Clean Sweep” in January",
            w("2023-01-01", "2023-03-16", PER),
        ),
    ],
)
def test_since_an_event_with_a_quoted_name(text, span, expected):
    m = next(m for m in find_time_expressions(text, THU) if m.kind == "since")
    assert (m.text, m.when) == (span, expected)
