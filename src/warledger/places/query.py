"""How a place phrase from a report maps to gazetteer look-ups.

Reports wrap names in words that say what kind of place, or which part of it, is
meant: "Herat province", "the countryside of Kobani", "Kobani's outskirts",
"southern Tripoli", "the town of Hajin". ``variants`` lists the look-ups to try,
the name as written first (so "North Kivu" or "Sagaing Region" stay whole), then
the name without those words, with what the words imply for the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warledger.places.normalize import norm

# Words around a name and what they make of the answer. Vocabularies, not patterns,
# so a new word is one entry.
AREA_WORDS = (
    "countryside",
    "outskirts",
    "suburbs",
    "vicinity",
    "environs",
    "surroundings",
    "area",
    "district",
    "subdistrict",
    "township",
    "raion",
    "rayon",
    "county",
    "municipality",
    "periphery",
)
PROVINCE_WORDS = (
    "province",
    "governorate",
    "oblast",
    "region",
    "state",
    "prefecture",
    "wilaya",
    "wilayah",
    "wilayat",
    "department",
    "krai",
)
TOWN_WORDS = ("city", "town", "village", "locality", "hamlet", "neighbourhood", "neighborhood", "camp")
DIRECTIONS = (
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north east",
    "north west",
    "south east",
    "south west",
    "north eastern",
    "north western",
    "south eastern",
    "south western",
)


def _alt(words: tuple[str, ...]) -> str:
    if not words:
        raise ValueError("empty vocabulary would match everything")
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_THE = re.compile(r"^the\s+")
_OF = re.compile(rf"^(?:the\s+)?({_alt(AREA_WORDS + PROVINCE_WORDS + TOWN_WORDS)})\s+of\s+(?:the\s+)?(.+)$")
_SUFFIX = re.compile(rf"^(.+?)\s+({_alt(AREA_WORDS + PROVINCE_WORDS + TOWN_WORDS)})$")
_DIRECTION = re.compile(rf"^({_alt(DIRECTIONS)})\s+(.+)$")


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # the name to look up
    kind: str | None = None  # only gazetteer rows of this precision answer ("province", "town")
    precision: str | None = None  # precision of the answer when the words change it
    same_place: bool = True  # False: the answer is an area around or part of the row found


def _word_kind(word: str) -> tuple[str | None, str | None, bool]:
    if word in PROVINCE_WORDS:
        return "province", None, True
    if word in TOWN_WORDS:
        return "town", None, True
    return None, "district", False


def variants(name: str) -> list[Query]:
    """Look-ups to try for a place phrase, most literal first."""
    text = _POSSESSIVE.sub("", (name or "").strip())
    n = _THE.sub("", norm(text))
    if not n:
        return []
    out = [Query(n)]
    m = _OF.match(n) or None
    if m:
        kind, prec, same = _word_kind(m.group(1))
        out.append(Query(m.group(2), kind, prec, same))
    m = _SUFFIX.match(n)
    if m:
        kind, prec, same = _word_kind(m.group(2))
        out.append(Query(_THE.sub("", m.group(1)), kind, prec, same))
    for q in list(out):
        d = _DIRECTION.match(q.text)
        if d:
            # "southern Tripoli": a part of the place, as a region.
            out.append(Query(d.group(2), q.kind, "region", False))
    return out
