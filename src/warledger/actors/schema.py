"""Pydantic models for the actor data files, used only when a file is loaded.

Three kinds of file live under ``data/``:
    actors.yaml, actors/actors-*.yaml   ``actors:`` a list of ActorEntry
    actors/countries.yaml               ``countries:`` ISO2 -> names, demonyms, capital
    actors/descriptions.yaml            descriptor phrases resolved by country or role
User files use the actors format (or the ``{name: {aliases, kind}}`` mapping of the
analysts' lists).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Kind(StrEnum):
    STATE_FORCE = "state force"
    NON_STATE = "non-state armed group"
    COALITION = "coalition"
    MONITOR = "monitor"
    MEDIA = "media"
    GOVERNMENT = "government body"
    INTERNATIONAL = "international organisation"
    PERSON = "person"
    CIVILIANS = "civilians"
    OTHER = "other"


class Relation(StrEnum):
    LEADS = "leads"
    PART_OF = "part of"
    BACKED_BY = "backed by"
    ALLIED_WITH = "allied with"
    SUCCESSOR_OF = "successor of"


class Role(StrEnum):
    """What an actor is for its country, so descriptions ("Turkish troops") find it."""

    MILITARY = "military"
    POLICE = "police"
    GOVERNMENT = "government"
    DEFENCE_MINISTRY = "defence ministry"
    HEALTH_MINISTRY = "health ministry"
    INTERIOR_MINISTRY = "interior ministry"
    PRESIDENCY = "presidency"


# Free-text kinds found in other lists ("monitor (UN)", "state") mapped onto ours.
_KIND_SYNONYMS = {
    "state": Kind.GOVERNMENT,
    "international organization": Kind.INTERNATIONAL,
    "protesters": Kind.OTHER,
    "rioters": Kind.OTHER,
    "victim category": Kind.CIVILIANS,
    "generic source": Kind.OTHER,
}


def coerce_kind(raw: str) -> str:
    """Accept "non-state armed group (unnamed)" as "non-state armed group"; reject unknown kinds."""
    text = raw.strip().lower()
    for k in sorted(Kind, key=lambda k: -len(k.value)):
        if text == k.value or text.startswith(k.value + " ") or text.startswith(k.value + "("):
            return k.value
    for syn, k in _KIND_SYNONYMS.items():
        if text == syn or text.startswith(syn + " ") or text.startswith(syn + "("):
            return k.value
    raise ValueError(f"unknown kind {raw!r}; use one of: {', '.join(k.value for k in Kind)}")


class ActorEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    kind: Kind
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    aliases: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)  # aliases matched case-sensitively ("Observatory")
    affiliations: dict[Relation, list[str]] = Field(default_factory=dict)
    role: Role | None = None
    primary: bool = False  # the role holder chosen when no date decides between several
    since: date | None = None
    until: date | None = None
    note: str | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, v):
        return coerce_kind(v) if isinstance(v, str) else v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("empty name")
        return v.strip()

    @field_validator("aliases", "exact")
    @classmethod
    def _aliases(cls, v: list[str]) -> list[str]:
        out = [a.strip() for a in v]
        if any(not a for a in out):
            raise ValueError("empty alias")
        return out


class Country(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    names: list[str] = Field(default_factory=list)  # other names of the country
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None


class Contextual(BaseModel):
    """A phrase whose actor depends on the document's country ("Kurdish forces")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: list[str]
    by_country: dict[str, str]


class Descriptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plurals: dict[str, str]  # plural descriptor word -> singular
    determiners: list[str]  # dropped at the start of a name ("the")
    qualifiers: list[str]  # dropped at the start ("suspected", "alleged")
    member_nouns: list[str]  # "Al-Shabaab militants" -> Al-Shabaab
    generic: list[str]  # purely generic words: never resolved here
    role_by_country: dict[Role, list[str]]  # "government forces": needs the document's country
    demonym_patterns: dict[Role, list[str]]  # "{demonym} troops", "{country}'s army"
    generated_names: dict[Role, str]  # "Military forces of {country}" when no actor holds the role
    contextual: list[Contextual] = Field(default_factory=list)
