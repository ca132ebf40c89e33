"""Bytes to text: size cap, binary sniffing and encoding fallbacks, shared by every reader.

Encodings are tried in this order: a BOM, UTF-8, the charset the input declares
(HTTP header or HTML meta), a detector guess when it finds a non-Latin script,
and finally cp1252, the usual encoding of Western text that is not UTF-8.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from warledger.config import Settings
from warledger.errors import DecodeError, EmptyDocument, InputError, TooLarge

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
# Text with more than this share of control or replacement characters is not text.
_MAX_JUNK_SHARE = 0.05
# Western languages have a few accented letters; non-Latin scripts are mostly non-ASCII bytes.
_MIN_NON_ASCII_SHARE = 0.3
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_file_bytes(path: Path, settings: Settings) -> bytes:
    """Read a whole file, refusing it when it is over the size cap or empty."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise TooLarge(f"file is {size} bytes, over the cap of {settings.max_bytes}", source=source)
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    if not raw.strip():
        raise EmptyDocument("empty file", source=source)
    return raw


def bom_encoding(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def looks_binary(raw: bytes) -> bool:
    """NUL bytes near the start mean binary, unless a UTF-16/32 BOM explains them."""
    return bom_encoding(raw) is None and b"\x00" in raw[:_SNIFF_BYTES]


def declared_html_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def decode_bytes(raw: bytes, source: str, declared: str | None = None) -> str:
    """Decode `raw` to text or raise DecodeError/EmptyDocument naming `source`."""
    if looks_binary(raw):
        raise DecodeError("binary file, not text", source=source)
    text = _decode(raw, declared)
    if _junk_share(text) > _MAX_JUNK_SHARE:
        raise DecodeError("not text in any encoding tried (utf-8, declared, detected, cp1252)", source=source)
    if not text.strip():
        raise EmptyDocument("no text", source=source)
    return text


def _decode(raw: bytes, declared: str | None) -> str:
    return raw.decode(guess_encoding(raw, declared), errors="replace")


def guess_encoding(raw: bytes, declared: str | None = None, *, partial: bool = False) -> str:
    """The encoding to read `raw` with. `partial`: raw is the head of a longer input,
    so a multi-byte character cut at its end is no reason to reject UTF-8."""
    bom = bom_encoding(raw)
    if bom:
        return bom
    if _decodes(raw, "utf-8", partial):
        return "utf-8"
    if declared and _decodes(raw, declared, partial):
        return declared  # a wrong or unknown declaration is common, hence the check
    return _detect_non_latin(raw) or "cp1252"


def _decodes(raw: bytes, encoding: str, partial: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(raw, final=not partial)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def _detect_non_latin(raw: bytes) -> str | None:
    """Use the detector only for text in a non-Latin script.

    On Western text, where few bytes are non-ASCII, the detector often picks an
    exotic or multi-byte code page, while cp1252 is nearly always right there.
    """
    sample = raw[:200_000]
    high = sum(1 for b in sample if b > 127)
    ascii_letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    if high < _MIN_NON_ASCII_SHARE * (high + ascii_letters):
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    letters = [c for c in str(best) if ord(c) > 127 and c.isalpha()]
    if not letters:
        return None
    non_latin = sum(1 for c in letters if not unicodedata.name(c, "").startswith("LATIN"))
    return best.encoding if non_latin / len(letters) >= 0.6 else None


def _junk_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    junk = sum(
        1 for c in sample if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    )
    return junk / len(sample)
