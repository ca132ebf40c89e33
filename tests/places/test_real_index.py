"""Against the real index built from the packaged GeoNames data (built once, ~40 s, then cached)."""

import pytest

from warledger.config import Settings
from warledger.places import Gazetteer
from warledger.places.build import km


@pytest.fixture(scope="module")
def real() -> Gazetteer:
    return Gazetteer.open(Settings())  # the user cache: built on first use, reused after


def test_deir_ez_zor_spellings_are_one_point(real):
    points = {
        (p.geonameid, p.lat, p.lon)
        for p in (
            real.resolve(n, countries=["SY"])
            for n in ("Deir Ezzor", "Deir el-Zour", "Dayr az Zawr", "Deir ez-Zor")
        )
    }
    assert len(points) == 1 and None not in next(iter(points))


@pytest.mark.parametrize(
    ("name", "cc", "lat", "lon"),
    [
        ("Mosul", "IQ", 36.335, 43.119),
        ("Hudaydah", "YE", 14.798, 42.955),
        ("Hodeidah", "YE", 14.798, 42.955),
        ("Mogadishu", "SO", 2.037, 45.344),
        ("El Fasher", "SD", 13.628, 25.349),
        ("Al-Fashir", "SD", 13.628, 25.349),
        ("Pul-e-Alam", "AF", 33.995, 69.023),
        ("Tripoli", "LY", 32.887, 13.187),
        ("Tripoli", "LB", 34.434, 35.844),
        ("Kharkiv Oblast", "UA", 49.98, 36.25),
        ("Kharkov", "UA", 49.98, 36.25),
    ],
)
def test_real_names(real, name, cc, lat, lon):
    p = real.resolve(name, countries=[cc])
    assert p is not None and p.country == cc
    assert km(lat, lon, p.lat, p.lon) < 25


def test_real_oblast_is_a_province(real):
    assert real.resolve("Kharkiv Oblast", countries=["UA"]).precision == "province"


@pytest.mark.parametrize(("name", "cc"), [("Springfield", "SY"), ("Paris", "AF"), ("Qwertyville", "UA")])
def test_real_unknown_or_foreign_names(real, name, cc):
    assert real.resolve(name, countries=[cc]) is None


def test_real_index_is_compact(real):
    assert real.path.stat().st_size < 150_000_000


def test_near_spellings_are_sought_only_near_the_report(real):
    # a Syrian report that also names the US: a near-spelling is no guess at an American town
    found = real.resolve("Tishreen", countries=["SY", "TR", "US"])
    assert found is None or found.country in ("SY", "TR")
    # next door still counts: a near-spelling of a Turkish town in a Syrian report
    assert real.resolve("Gaziantepp", countries=["SY", "TR"]).country == "TR"


def test_namesakes_yield_to_the_reports_country_and_province(real):
    # "Pokrovsk": one in Donetsk, one in Yakutia; a Ukrainian report means the first
    assert real.resolve("Pokrovsk", countries=["UA", "RU"]).country == "UA"
    assert real.resolve("Pokrovsk", countries=["RU", "UA"]).country == "RU"
    # "Jesus Maria": several in Mexico; a report that names Sinaloa means the one there
    assert real.resolve("Jesus Maria", countries=["MX"], admin1s=["Sinaloa"]).admin1 == "Sinaloa"
    assert real.resolve("Jesus Maria", countries=["MX"]).admin1 != "Sinaloa"
