"""Count expressions and the low/high/qualifier rules of ANNOTATION.md section 1."""

from __future__ import annotations

import pytest

from warledger.claims.counts import CountFinder
from warledger.claims.lexicon import load_lexicons
from warledger.sentences.nlp import load_nlp


@pytest.fixture(scope="module")
def finder():
    return CountFinder(load_lexicons())


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("Shelling killed 922 people.", 922, 922, "exact"),
        ("Shelling killed 1,200 people.", 1200, 1200, "exact"),
        ("Shelling killed seven people.", 7, 7, "exact"),
        ("Shelling killed two hundred people.", 200, 200, "exact"),
        ("Shelling killed twenty-five people.", 25, 25, "exact"),
        ("Shelling killed at least 7 people.", 7, None, "at_least"),
        ("Shelling killed more than 7 people.", 7, None, "at_least"),
        ("Shelling killed over 30 people.", 30, None, "at_least"),
        ("Shelling killed up to 40 people.", None, 40, "at_most"),
        ("Shelling killed nearly 100 people.", None, 100, "at_most"),
        ("Shelling killed fewer than 50 people.", None, 50, "at_most"),
        ("Shelling killed about 20 people.", 20, 20, "approx"),
        ("Shelling killed some 20 people.", 20, 20, "approx"),
        ("Shelling killed around 20 people.", 20, 20, "approx"),
        ("Shelling killed dozens of people.", 24, None, "vague"),
        ("Shelling killed scores of people.", 40, None, "vague"),
        ("Shelling killed hundreds of people.", 200, None, "vague"),
        ("Fighting displaced thousands of people.", 2000, None, "vague"),
        ("Fighting displaced millions of people.", 2000000, None, "vague"),
        ("Fighting displaced dozens of thousands of people.", 24000, None, "vague"),
        ("The group still has a couple of thousand fighters.", 2000, 2000, "approx"),
        ("Some 1.6K people fled.", 1600, 1600, "approx"),
        ("100+ killed in the raid", 100, None, "at_least"),
        ("As of Monday, (1348) people were killed.", 1348, 1348, "exact"),
    ],
)
def test_count_forms(nlp, finder, text, low, high, qualifier):
    counts = finder.find(nlp(text)[:])
    assert counts, text
    c = counts[0].count
    assert (c.low, c.high, str(c.qualifier)) == (low, high, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The convoy travelled 17 kilometres in 2019.",
        "Prices rose 40 percent.",
        "The 72-year-old doctor was released.",
        "They met at 1545 hrs.",
        "It cost $500.",
        "The attack killed 10,000,000,000 people.",
    ],
)
def test_numbers_that_are_not_head_counts(nlp, finder, text):
    assert finder.find(nlp(text)[:]) == []
