import codecs

import pytest
from source_fixtures import settings_fixture, write_fixture  # noqa: F401 (fixtures, by name)

from warledger.errors import DecodeError, EmptyDocument, TooLarge
from warledger.sources.decode import decode_bytes, guess_encoding, read_file_bytes

WESTERN = (
    "Officials said the café near the “old bridge” was hit; twelve people — including children — were hurt."
)
CYRILLIC = "Власти сообщили, что в результате обстрела погибли двенадцать человек, ещё тридцать ранены."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (WESTERN.encode("utf-8"), WESTERN),
        (codecs.BOM_UTF8 + WESTERN.encode("utf-8"), WESTERN),
        (WESTERN.encode("utf-16"), WESTERN),  # BOM explains the NUL bytes
        (WESTERN.encode("cp1252"), WESTERN),
        (CYRILLIC.encode("cp1251"), CYRILLIC),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "cp1252", "cp1251"],
)
def test_decode_tries_utf8_then_detects_then_cp1252(raw, expected):
    assert decode_bytes(raw, "report.txt") == expected


def test_declared_charset_is_used_when_utf8_fails():
    raw = "Le préfet a déclaré que douze civils ont été tués.".encode("latin-1")
    assert guess_encoding(raw, "iso-8859-1") == "iso-8859-1"


def test_wrong_declared_charset_is_ignored():
    assert guess_encoding(WESTERN.encode("utf-8"), "no-such-charset") == "utf-8"


def test_utf8_cut_mid_character_in_a_sample_is_still_utf8():
    raw = "Дорвани".encode()[:-1]
    assert guess_encoding(raw, partial=True) == "utf-8"


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", DecodeError),
        (bytes(range(1, 9)) * 200, DecodeError),  # control characters, no NUL
        (b"   \n\t\n", EmptyDocument),
    ],
    ids=["binary", "control-chars", "blank"],
)
def test_bad_bytes_raise_an_input_error_naming_the_source(raw, error):
    with pytest.raises(error) as info:
        decode_bytes(raw, "bad-input.txt")
    assert info.value.context["source"] == "bad-input.txt"
    assert "bad-input.txt" in str(info.value)


def test_file_over_the_cap_is_refused_before_reading(settings, write):
    path = write("huge.txt", "word " * (settings.max_bytes // 5 + 10))
    with pytest.raises(TooLarge, match="over the cap"):
        read_file_bytes(path, settings)


def test_empty_file_is_refused(settings, write):
    with pytest.raises(EmptyDocument):
        read_file_bytes(write("empty.txt", b""), settings)
