"""Tokens for alias matching: case, accents, dots and punctuation do not count.

"U.S.-backed" and "US-backed" give the same tokens; "S.D.F." gives "SDF"; a possessive
"'s" is dropped and other apostrophes are removed ("Da'esh" = "Daesh"). Each token keeps
its written form (dots removed) so that short acronyms can be matched case-sensitively.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Dotted acronyms first ("U.S.", "S.D.F"), then words with inner apostrophes.
_TOKEN = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?(?:['’`ʼ][sS]\b)?|[^\W_]+(?:['’`ʼ][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’`ʼ][sS]$")
_APOSTROPHES = re.compile(r"['’`ʼ]")
# Letters NFKD does not decompose.
_TRANSLIT = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l"})

_CAPS = re.compile(r"\b[A-Z]{2,4}\b")
CASE_MARK = "\x00"  # prefix of a trie key that must match the written form exactly


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    form: str  # as written, without dots and apostrophes
    fold: str  # casefolded, ascii, singular for descriptor words


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Casefold and strip accents (a pure function, so caching it is safe)."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_TRANSLIT))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokenize(text: str, plurals: dict[str, str]) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        end = m.end()
        if _POSSESSIVE.search(raw):
            raw = raw[:-2]
            end -= 2
        raw = raw.replace(".", "")
        if not raw:
            continue
        form = _APOSTROPHES.sub("", raw)
        f = fold(form)
        out.append(Token(m.start(), end, form, plurals.get(f, f)))
    return out


def is_acronym(form: str) -> bool:
    """Short all-capital tokens ("IS", "AA", "WHO") only match as written."""
    return 2 <= len(form) <= 4 and form.isupper() and form.isalpha()


def dotted(alias: str) -> str | None:
    """ "SDF" -> "S.D.F.", "US-led coalition" -> "U.S.-led coalition"; None when nothing to dot."""
    if not _CAPS.search(alias):  # most aliases have no acronym: skip the substitution
        return None
    changed = False

    def dot(m: re.Match) -> str:
        nonlocal changed
        w = m.group()
        if 2 <= len(w) <= 4 and w.isupper() and w.isalpha():
            changed = True
            return ".".join(w) + "."
        return w

    out = re.sub(r"(?<![\w.])[^\W\d_]+(?![\w.])", dot, alias)
    out = out.replace(".-", ".-").replace("..", ".")
    return out if changed else None
