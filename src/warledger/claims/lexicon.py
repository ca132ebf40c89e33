"""Loading the English lexicons (data/lexicons/en/*.yaml), validated once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ValidationError

from warledger.errors import LexiconError


class CountsLex(BaseModel):
    number_words: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, int]
    no_count: list[str]
    at_least: list[str]
    at_most: list[str]
    approx: list[str]
    approx_phrases: dict[str, int | None]
    singular_determiners: list[str]
    article_multipliers: list[str] = []


class OutcomeEntry(BaseModel):
    verbs: list[str]
    nouns: list[str]
    adjectives: list[str]


class VictimsLex(BaseModel):
    civilian: list[str]
    combatant: list[str]
    unknown: list[str]
    nationalities: list[str] = []
    mixed_phrases: list[str] = []
    civilian_modifiers: list[str]
    combatant_modifiers: list[str]
    groups: dict[str, list[str]]


class HedgesLex(BaseModel):
    terms: list[str]
    generic_sources: list[str]


class AttributionLex(BaseModel):
    reporting_verbs: list[str]
    according_to: list[str]
    spokesperson_words: list[str]
    telling_verbs: list[str] = []


def _read(name: str, lang: str = "en") -> dict:
    path = resources.files("warledger") / "data" / "lexicons" / lang / name
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read lexicon: {exc}", source=name) from exc
    if not isinstance(data, dict):
        raise LexiconError("lexicon must be a mapping", source=name)
    return data


def _validate(model, data, name):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LexiconError(f"entry {where}: {first['msg']}", source=name) from exc


def alt(words) -> str:
    """A regex alternation of literal words, longest first; refuses an empty group
    (an empty alternation would match everywhere)."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        raise LexiconError("empty vocabulary in a pattern")
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@dataclass(frozen=True)
class Lexicons:
    counts: CountsLex
    outcomes: dict[str, OutcomeEntry]
    killed_phrases: list[str]
    forecast: list[str]
    non_violent_causes: list[str]
    violence_words: list[str]
    not_casualty_phrases: list[str]
    household_nouns: list[str]
    violent_actions: list[str]
    victims: VictimsLex
    hedges: HedgesLex
    attribution: AttributionLex
    conflict_nouns: list[str] = field(default_factory=list)
    fallen_phrases: list[str] = field(default_factory=list)
    fight_nouns: list[str] = field(default_factory=list)

    def outcome_of_lemma(self, lemma: str, pos: str) -> str | None:
        """The outcome a word names, by its lemma and coarse part of speech."""
        lemma = lemma.lower()
        for outcome, e in self.outcomes.items():
            if pos in ("VERB", "AUX") and lemma in e.verbs:
                return outcome
            if pos in ("NOUN", "PROPN") and lemma in e.nouns:
                return outcome
            if pos == "ADJ" and (lemma in e.adjectives or lemma in e.nouns):
                return outcome
        for outcome, e in self.outcomes.items():  # tagger mistakes: any part of speech
            if lemma in e.verbs or lemma in e.adjectives:
                return outcome
        return None


@lru_cache(maxsize=4)
def load_lexicons(lang: str = "en") -> Lexicons:
    outcomes_raw = _read("outcomes.yaml", lang)
    killed_phrases = outcomes_raw.pop("killed_phrases", [])
    forecast = outcomes_raw.pop("forecast", [])
    extra = {
        k: outcomes_raw.pop(k, [])
        for k in (
            "non_violent_causes",
            "violence_words",
            "not_casualty_phrases",
            "household_nouns",
            "violent_actions",
            "conflict_nouns",
            "fallen_phrases",
            "fight_nouns",
        )
    }
    outcomes = {k: _validate(OutcomeEntry, v, f"outcomes.yaml:{k}") for k, v in outcomes_raw.items()}
    return Lexicons(
        counts=_validate(CountsLex, _read("counts.yaml", lang), "counts.yaml"),
        outcomes=outcomes,
        killed_phrases=killed_phrases,
        forecast=forecast,
        **extra,
        victims=_validate(VictimsLex, _read("victims.yaml", lang), "victims.yaml"),
        hedges=_validate(HedgesLex, _read("hedges.yaml", lang), "hedges.yaml"),
        attribution=_validate(AttributionLex, _read("attribution.yaml", lang), "attribution.yaml"),
    )
