import logging
import sqlite3

import pytest

from warledger.places import Gazetteer
from warledger.places.build import ATTRIBUTION, build_index
from warledger.places.gazetteer import check_index


def test_missing_index_is_built_on_open(tiny_sources, tmp_path, caplog):
    path = tmp_path / "sub" / "gazetteer.sqlite"
    with caplog.at_level(logging.WARNING, logger="warledger.places"):
        gaz = Gazetteer.open(path=path, sources=tiny_sources())
    assert path.is_file()
    assert "is missing" in caplog.text
    assert gaz.resolve("Deir Ezzor", countries=["SY"]).geonameid == 170794


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_corrupt_index_is_rebuilt_with_a_message(tiny_sources, tmp_path, caplog, content):
    path = tmp_path / "gazetteer.sqlite"
    path.write_bytes(content)
    assert check_index(path)
    with caplog.at_level(logging.WARNING, logger="warledger.places"):
        gaz = Gazetteer.open(path=path, sources=tiny_sources())
    assert "building it" in caplog.text
    assert check_index(path) is None
    assert gaz.resolve("Mosul", countries=["IQ"]) is not None


def test_index_of_another_schema_is_rebuilt(tiny_sources, tmp_path, caplog):
    path = tmp_path / "gazetteer.sqlite"
    build_index(path, tiny_sources())
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    assert "schema" in check_index(path)
    with caplog.at_level(logging.WARNING, logger="warledger.places"):
        Gazetteer.open(path=path, sources=tiny_sources())
    assert "schema" in caplog.text and check_index(path) is None


def test_good_index_is_opened_without_rebuilding(tiny_index, caplog):
    before = tiny_index.stat().st_mtime_ns
    with caplog.at_level(logging.WARNING, logger="warledger.places"):
        Gazetteer.open(path=tiny_index)
    assert tiny_index.stat().st_mtime_ns == before and not caplog.text


def test_open_uses_settings_path(tiny_sources, tmp_path):
    from warledger.config import Settings

    settings = Settings(cache_dir=str(tmp_path))
    gaz = Gazetteer.open(settings, sources=tiny_sources())
    assert gaz.path == tmp_path / "gazetteer.sqlite"


def test_attribution_and_counts_are_recorded(gaz):
    meta = gaz.meta()
    assert meta["attribution"] == ATTRIBUTION and "GeoNames" in meta["attribution"]
    assert '"towns_without_geonameid": 1' in meta["counts"]


@pytest.mark.parametrize(
    ("geonames", "english"),
    [("Brjansk", "bryansk"), ("Voronezj", "voronezh"), ("Kamtsjatka", "kamchatka"), ("Orjol", "oryol")],
)
def test_dutch_spelled_divisions_get_their_english_spelling(geonames, english):
    from warledger.places.build import admin1_variants

    assert english in admin1_variants(geonames)
    assert admin1_variants("Kursk") == ["Kursk"]  # nothing to respell
