"""Syndication: one wire story on five sites links to the first; other stories do not."""

import pytest

from warledger.documents.model import make_document
from warledger.documents.syndication import (
    NUM_PERM,
    SyndicationIndex,
    mark_copies,
    minhash_signature,
    shingles,
)

WIRE = """DORVANY, March 12 - Shelling in the river town of Dorvany killed at least seven civilians on Tuesday and wounded 19 others, the regional administration said, in one of the deadliest attacks on the town since the autumn.
Rockets struck a bus station and a covered market in the town centre shortly after 9 a.m., when both were crowded with commuters and traders, the administration said in a statement.
Regional governor Anton Veles said two children were among the dead and that rescue teams were still searching the rubble of the market hall for people who might be trapped.
The army blamed rebel artillery positions east of the river. A spokesman for the rebels denied firing on the town and said its fighters had only targeted military positions near the bridge.
Dorvany, a town of about 40,000 people before the war, has been shelled repeatedly since rebel forces took the villages on the opposite bank in October.
Hospitals in the provincial capital said they had received 11 of the wounded, four of them in serious condition."""

SITES = [
    (
        "Valley Courier | World | Sport | Weather\nBy Courier staff\n",
        "\nSubscribe to the Valley Courier for daily news.",
    ),
    (
        "NORTHERN LEDGER\nLive updates\n",
        "\nCopyright 2024 Northern Ledger. All rights reserved.\nShare this article",
    ),
    (
        "Home > Conflict > Dorvany\n",
        "\nRead more: our full coverage of the war in the valley.\nSign up for our newsletter to get the latest news from the region every morning.",
    ),
    ("", "\n(Reporting by wire staff; editing by the desk)"),
    ("Breaking\nPosted 12 March 2024 10:42\n", "\nComments are closed."),
]

# minor edits each site makes to the wire copy
EDITS = [
    {},
    {"said, in one of": "said on Tuesday, in one of"},
    {"Regional governor Anton Veles": "Governor Anton Veles", "four of them": "four of whom were"},
    {"DORVANY, March 12 - ": ""},
    {"shortly after 9 a.m.": "at around 9am", "about 40,000": "some 40,000"},
]

OTHER_STORIES = [
    # the same attack, reported independently
    """Residents of Dorvany described scenes of panic on Tuesday as rockets fell on the town's crowded bus station.
"I was buying bread when the first one hit," said Lena, a 52-year-old teacher who asked that her surname not be used. "People were running in every direction."
Local officials put the death toll at seven, including two children, though volunteers at the scene said they feared it would rise.
The attack came a day after the army said it had pushed rebel units back from the eastern bank of the river.
Shops in the centre stayed shut on Tuesday afternoon and the town council urged people to stay near shelters.""",
    # a later update on the same event with a different angle
    """The death toll from Tuesday's rocket attack on Dorvany has risen to nine after two of the wounded died in hospital, a health official said on Thursday.
The United Nations humanitarian office said it was sending medical supplies to the provincial capital, where most of the wounded are being treated.
Aid groups have warned that hospitals in the region are short of staff and blood supplies after months of fighting along the river.
Neither the army nor the rebels have commented on the new toll.""",
]


def _site_copy(i: int) -> str:
    text = WIRE
    for old, new in EDITS[i].items():
        assert old in text
        text = text.replace(old, new)
    header, footer = SITES[i]
    return header + text + footer


@pytest.fixture
def five_sites():
    return [make_document(_site_copy(i), source=f"site-{i}") for i in range(5)]


def test_wire_story_on_five_sites_links_to_the_first(five_sites):
    index = SyndicationIndex()
    links = [index.add(doc) for doc in five_sites]
    assert links == [None] + [five_sites[0].id] * 4


@pytest.mark.parametrize("order", [[2, 0, 4, 1, 3], [4, 3, 2, 1, 0]])
def test_the_first_seen_copy_is_the_original(five_sites, order):
    docs = [five_sites[i] for i in order]
    marked = mark_copies(docs)
    assert marked[0].copy_of is None
    assert {d.copy_of for d in marked[1:]} == {docs[0].id}


def test_different_stories_about_the_same_event_are_not_linked(five_sites):
    index = SyndicationIndex()
    index.add(five_sites[0])
    for text in OTHER_STORIES:
        assert index.add(make_document(text)) is None
    assert len(index) == 3


def test_copies_of_a_later_story_link_to_that_story(five_sites):
    index = SyndicationIndex()
    index.add(five_sites[0])
    later = make_document(OTHER_STORIES[1])
    assert index.add(later) is None
    reprint = make_document("WORLD NEWS\n" + OTHER_STORIES[1] + "\nShare this article")
    assert index.add(reprint) == later.id


def test_rebuild_from_stored_texts_and_signatures(five_sites):
    pairs = [(d.id, d.text) for d in five_sites[:3]]
    from_texts = SyndicationIndex.from_texts(pairs)
    from_signatures = SyndicationIndex.from_signatures([(i, minhash_signature(t)) for i, t in pairs])
    for index in (from_texts, from_signatures):
        assert index.copy_of(five_sites[2].id) == five_sites[0].id
        assert index.add(five_sites[4]) == five_sites[0].id
        assert index.add(make_document(OTHER_STORIES[0])) is None


def test_signature_is_stable_bytes():
    signature = minhash_signature(WIRE)
    assert isinstance(signature, bytes) and len(signature) == 5 + NUM_PERM * 8
    assert signature == minhash_signature(WIRE)
    assert minhash_signature("") == b""


def test_adding_the_same_document_twice(five_sites):
    index = SyndicationIndex()
    assert index.add(five_sites[0]) is None
    assert index.add(five_sites[1]) == five_sites[0].id
    assert index.add(five_sites[0]) is None
    assert index.add(five_sites[1]) == five_sites[0].id


def test_boilerplate_lines_are_not_shingled():
    grams = shingles("Home | World | Sport\n" + WIRE + "\nShare this article")
    assert not any("sport" in g or "share" in g for g in grams)


def test_empty_text_is_never_a_copy():
    index = SyndicationIndex()
    assert index.add_text("a", "") is None and index.add_text("b", "") is None
    assert len(index) == 0
