"""Dates of casualty claims, from our own sentences, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.documents.model import make_document
from warledger.pipeline import Pipeline

# published 2023-03-10, a Friday: Tuesday is 03-07, Wednesday 03-08, Thursday 03-09
PUB = date(2023, 3, 10)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def when_of(pipeline, text, low, published=PUB):
    ex = pipeline.extract_one(make_document(text, published=published))
    return next(c.to_json()["when"] for c in ex.casualties if c.count.low == low)


def test_a_record_since_is_no_period_of_the_claim(pipeline):
    text = (
        "A drone strike on a truck near the dam late on Tuesday killed six militia fighters, the "
        "militia said, in one of the deadliest single strikes on its convoys since the truce collapsed "
        "in 2021."
    )
    assert when_of(pipeline, text, 6) == {"start": "2023-03-07", "end": "2023-03-07", "precision": "day"}


def test_a_record_since_opens_no_period_for_the_next_sentences(pipeline):
    text = (
        "In February 2023, the mission recorded 310 civilian deaths. It was the highest monthly toll "
        "since May 2019.\n\n"
        "Shelling killed 40 civilians in the port city during the month."
    )
    assert when_of(pipeline, text, 40) == {"start": "2023-02-01", "end": "2023-02-28", "precision": "month"}


def test_the_month_period_carries_to_the_next_sentence(pipeline):
    text = (
        "The monitors recorded 75 deaths across the province in February. Drone strikes killed 12 "
        "civilians in the market town during the month. Monitors also verified that 9 civilians "
        "were injured by landmines."
    )
    assert when_of(pipeline, text, 9) == {"start": "2023-02-01", "end": "2023-02-28", "precision": "month"}


def test_a_date_compared_with_dates_only_its_own_figure(pipeline):
    text = (
        "The agency counted 640 deaths in February, compared with 512 deaths recorded in January.\n\n"
        "Bombings killed 88 civilians during the month."
    )
    assert when_of(pipeline, text, 512)["start"] == "2023-01-01"
    assert when_of(pipeline, text, 88) == {"start": "2023-02-01", "end": "2023-02-28", "precision": "month"}


def test_an_incident_told_after_a_total_dates_the_next_undated_claim(pipeline):
    text = (
        "Since January, the monitor has recorded 90 deaths in the district. On 27 February, gunmen "
        "raided a farm near the river. Three farmers were abducted."
    )
    assert when_of(pipeline, text, 3) == {"start": "2023-02-27", "end": "2023-02-27", "precision": "day"}
    assert when_of(pipeline, text, 90)["start"] == "2023-01-01"


def test_an_incident_told_after_a_dated_claim_dates_the_next_undated_claim(pipeline):
    text = (
        "Gunmen killed five villagers on Tuesday, police said.\n\n"
        "On Wednesday afternoon, soldiers clashed with gunmen near the village. The army said in a "
        "statement that troops killed four attackers."
    )
    assert when_of(pipeline, text, 4) == {"start": "2023-03-08", "end": "2023-03-08", "precision": "day"}
    assert when_of(pipeline, text, 5)["start"] == "2023-03-07"
