"""Analysts' corrections, applied over the extraction on every read.

A review is a row beside the claim (``reviews`` table): ``set`` one field to a
value, or ``reject`` the claim; each has a version, who, when and why. The claim
row is never rewritten. The effective claim is the extraction with its reviews
applied in version order; a rejected claim drops out of reconciliation, tallies
and exports. A later ``set`` of the same field wins.

Fields that can be set (``warledger review ITEM --set field=value``):
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from warledger.errors import InputError
from warledger.types import Outcome, Precision, Qualifier, VictimCategory


def _int(v: str) -> int | None:
    return None if v.lower() in ("", "null", "none") else int(v)


def _float(v: str) -> float | None:
    return None if v.lower() in ("", "null", "none") else float(v)


def _text(v: str) -> str | None:
    return None if v.lower() in ("null", "none") else v


def _bool(v: str) -> bool:
    if v.lower() in ("1", "true", "yes"):
        return True
    if v.lower() in ("0", "false", "no"):
        return False
    raise ValueError(f"not a yes/no value: {v!r}")


def _date(v: str) -> str | None:
    return None if v.lower() in ("", "null", "none") else date.fromisoformat(v).isoformat()


def _choice(values) -> Callable[[str], str]:
    allowed = {str(x) for x in values}

    def parse(v: str) -> str:
        if v not in allowed:
            raise ValueError(f"one of {', '.join(sorted(allowed))}")
        return v

    return parse


def _list(v: str) -> list[str]:
    return [p.strip() for p in v.split(";") if p.strip()]


# field -> parser of the command-line text into the JSON value stored in the review.
FIELDS: dict[str, Callable[[str], object]] = {
    "count": _int,  # sets count_low and count_high together, qualifier exact
    "count_low": _int,
    "count_high": _int,
    "qualifier": _choice(Qualifier),
    "outcome": _choice(Outcome),
    "victim_category": _choice(VictimCategory),
    "cumulative": _bool,
    "hedged": _bool,
    "actor": _text,  # perpetrator / gainer / actor1
    "other_actor": _text,  # victims' actor / from_actor / actor2
    "event_type": _text,
    "sub_event_type": _text,
    "fatalities": _int,
    "control_kind": _choice(("change", "status")),
    "extent": _choice(("full", "partial", "share")),
    "place_name": _text,
    "geonameid": _int,
    "lat": _float,
    "lon": _float,
    "country": _text,
    "admin1": _text,
    "place_precision": _choice(("town", "district", "province", "country", "region")),
    "when_start": _date,
    "when_end": _date,
    "when_precision": _choice(Precision),
    "sources": _list,  # separated by ";", originating source first
}

__doc__ += "\n".join(f"    {name}" for name in FIELDS) + "\n"


def parse_assignment(text: str) -> tuple[str, object]:
    """``field=value`` into the field and its typed value; InputError when either is bad."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or name not in FIELDS:
        raise InputError(f"cannot set {name!r}: use field=value with one of {', '.join(FIELDS)}")
    try:
        return name, FIELDS[name](raw.strip())
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None


def apply_reviews(row: dict, reviews: list[dict]) -> tuple[dict, bool, bool]:
    """The claim row with its reviews applied: (row, reviewed, rejected)."""
    if not reviews:
        return row, False, False
    out = dict(row)
    rejected = False
    for r in sorted(reviews, key=lambda r: r["version"]):
        if r["action"] == "reject":
            rejected = True
        elif r["action"] == "restore":
            rejected = False
        elif r["action"] == "set":
            field, value = r["field"], r["value"]
            if field == "count":
                out.update(count_low=value, count_high=value, qualifier="exact")
            else:
                out[field] = value
    for key in ("when_start", "when_end"):
        if isinstance(out.get(key), str):
            out[key] = date.fromisoformat(out[key])
    return out, True, rejected
