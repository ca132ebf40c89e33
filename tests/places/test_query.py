import pytest

from warledger.places.query import Query, variants


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Herat province", Query("herat", "province")),
        ("Kharkiv Oblast", Query("kharkiv", "province")),
        ("Ninawa Governorate", Query("ninawa", "province")),
        ("the countryside of Kobani", Query("kobani", None, "district", False)),
        ("Kobani countryside", Query("kobani", None, "district", False)),
        ("Kobani's outskirts", Query("kobani", None, "district", False)),
        ("the town of Hajin", Query("hajin", "town")),
        ("Hajin village", Query("hajin", "town")),
        ("southern Tripoli", Query("tripoli", None, "region", False)),
    ],
)
def test_words_around_a_name_are_stripped_after_the_literal_try(phrase, expected):
    vs = variants(phrase)
    assert vs[0].kind is None and vs[0].same_place  # the name as written comes first
    assert expected in vs


@pytest.mark.parametrize("phrase", ["", "   ", "--"])
def test_empty_phrases_have_no_variants(phrase):
    assert variants(phrase) == []
