"""The time vocabulary (``data/lexicons/en/time.yaml``) and the regex fragments built from it.

Every word the resolver matches comes from the YAML file; this module only turns
word lists into alternations (longest first, so "Sept" wins over "Sep").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from warledger.errors import LexiconError

DEFAULT_LEXICON = "time.yaml"


@dataclass(frozen=True, slots=True)
class TimeVocabulary:
    months: Mapping[str, int]  # every spelling -> month number
    month_full: tuple[str, ...]  # full names only: may stand alone ("in August")
    weekdays: Mapping[str, int]  # every spelling -> weekday (Monday = 0)
    weekday_full: tuple[str, ...]
    week_starts_on: int
    relative_days: Mapping[str, int]  # lowercased term -> day offset
    night_terms: frozenset  # terms for the night before publication: the period P-1..P
    overnight_into: tuple[str, ...]
    weekday_fillers: tuple[str, ...]
    weekday_past: tuple[str, ...]
    weekday_future: tuple[str, ...]
    day_parts: tuple[str, ...]
    time_of_day_prefixes: tuple[str, ...]
    units: Mapping[str, str]  # spelling -> unit
    number_words: Mapping[str, int]
    approx_words: tuple[str, ...]
    rolling: tuple[str, ...]
    rolling_prefixes: tuple[str, ...]
    ago: tuple[str, ...]
    this_words: tuple[str, ...]
    last_words: tuple[str, ...]
    next_words: tuple[str, ...]
    unit_parts: Mapping[str, str]  # lowercased phrase -> first | middle | last | upto
    anchored: Mapping[str, int]  # lowercased phrase -> -1 (previous) | 0 (same) | +1 (following)
    since: tuple[str, ...]
    since_fillers: tuple[str, ...]
    since_event_words: int
    onset_verbs: tuple[str, ...]
    until: tuple[str, ...]
    until_now: tuple[str, ...]
    range_openers: tuple[str, ...]
    range_joiners: tuple[str, ...]
    year_contexts: tuple[str, ...]
    count_nouns: tuple[str, ...]
    since_comparisons: tuple[str, ...] = ()  # "the first attack since": besides superlatives
    comparison_openers: tuple[str, ...] = ()  # "compared with", "up from": the date is the compared figure's
    comparison_openers_figure: tuple[str, ...] = ()  # "against": only before a figure
    week_ending: tuple[str, ...] = ()  # "the week ending 14 May": the seven days up to it

    @property
    def anchored_words(self) -> frozenset[str]:
        """The relation words of ``anchored`` ("previous", "preceding", "following")."""
        return frozenset(phrase.split()[-1] for phrase in self.anchored)

    @classmethod
    def load(cls, path: str | Path | None = None) -> TimeVocabulary:
        """Read the packaged English vocabulary, or the YAML file at ``path``."""
        name = str(path) if path is not None else f"lexicons/en/{DEFAULT_LEXICON}"
        try:
            text = _default_text() if path is None else Path(path).read_text(encoding="utf-8")
            data = yaml.safe_load(text)
        except (OSError, yaml.YAMLError) as exc:
            raise LexiconError(f"cannot read time vocabulary: {exc}", source=name) from exc
        try:
            return cls._from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise LexiconError(f"bad time vocabulary entry: {exc!r}", source=name) from exc

    @classmethod
    def _from_dict(cls, d: dict[str, Any]) -> TimeVocabulary:
        months: dict[str, int] = {}
        month_full: list[str] = []
        for num, names in d["months"].items():
            month_full.append(names[0])
            for n in names:
                months[n] = int(num)
        weekdays: dict[str, int] = {}
        weekday_full: list[str] = []
        for num, names in d["weekdays"].items():
            weekday_full.append(names[0])
            for n in names:
                weekdays[n] = int(num)
        relative_days = {t.lower(): int(e["offset"]) for e in d["relative_days"] for t in e["terms"]}
        night_terms = frozenset(t.lower() for e in d["relative_days"] if e.get("night") for t in e["terms"])
        units = {s.lower(): unit for unit, spellings in d["units"].items() for s in spellings}
        parts = {p.lower(): which for which, phrases in d["unit_parts"].items() for p in phrases}
        steps = {"previous": -1, "same": 0, "following": 1}
        anchored = {p.lower(): steps[k] for k, ps in d["anchored"].items() for p in ps}

        def t(items: Iterable[Any]) -> tuple[str, ...]:
            # YAML 1.1 reads bare on/off/yes/no as booleans: insist on strings
            out = tuple(items)
            bad = [x for x in out if not isinstance(x, str)]
            if bad:
                raise ValueError(f"non-string terms {bad!r} (quote them in YAML)")
            return out

        return cls(
            months=months,
            month_full=t(month_full),
            weekdays=weekdays,
            weekday_full=t(weekday_full),
            week_starts_on=int(d["week_starts_on"]),
            relative_days=relative_days,
            night_terms=night_terms,
            overnight_into=t(d["overnight_into"]),
            weekday_fillers=t(d["weekday_fillers"]),
            weekday_past=t(d["weekday_past"]),
            weekday_future=t(d["weekday_future"]),
            day_parts=t(d["day_parts"]),
            time_of_day_prefixes=t(d["time_of_day_prefixes"]),
            units=units,
            number_words={k.lower(): int(v) for k, v in d["number_words"].items()},
            approx_words=t(d["approx_words"]),
            rolling=t(d["rolling"]),
            rolling_prefixes=t(d["rolling_prefixes"]),
            ago=t(d["ago"]),
            this_words=t(d["this_words"]),
            last_words=t(d["last_words"]),
            next_words=t(d["next_words"]),
            unit_parts=parts,
            anchored=anchored,
            since=t(d["since"]),
            since_fillers=t(d["since_fillers"]),
            since_event_words=int(d["since_event_words"]),
            onset_verbs=t(d["onset_verbs"]),
            until=t(d["until"]),
            until_now=t(d["until_now"]),
            range_openers=t(d["range_openers"]),
            range_joiners=t(d["range_joiners"]),
            year_contexts=t(d["year_contexts"]),
            count_nouns=t(d["count_nouns"]),
            since_comparisons=t(d.get("since_comparisons", [])),
            comparison_openers=t(d.get("comparison_openers", [])),
            comparison_openers_figure=t(d.get("comparison_openers_figure", [])),
            week_ending=t(d.get("week_ending", [])),
        )


def _default_text() -> str:
    return resources.files("warledger.data.lexicons.en").joinpath(DEFAULT_LEXICON).read_text(encoding="utf-8")


SP = r"[^\S\n]+"  # horizontal space: a date never spans a paragraph break
OSP = r"[^\S\n]*"


def alt(words: Iterable[str], *, ignore_case: bool = True) -> str:
    """An alternation of literal phrases, spaces matching any horizontal space.

    Built as a trie, so a position that cannot start a phrase fails on one character
    test, and the longest phrase wins ("Sept" before "Sep"). An empty list gives a
    pattern that never matches (trafilatura's guard), so a trimmed vocabulary cannot
    turn into "match everything".
    """
    phrases = {tuple(_tokens(w.lower() if ignore_case else w)) for w in words if w}
    if not phrases:
        return r"(?!x)x"
    trie: dict = {}
    for toks in phrases:
        node = trie
        for tok in toks:
            node = node.setdefault(tok, {})
        node[""] = {}  # end of a phrase
    body = _trie_pattern(trie)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def _tokens(phrase: str) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(phrase.split()):
        if i:
            out.append(SP)
        out.extend(_literal(ch) for ch in word)
    return out


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [tok + _trie_pattern(child) for tok, child in node.items() if tok]
    if not branches:
        return ""
    # longer continuations first: the engine takes the first branch that matches
    body = (
        branches[0] if len(branches) == 1 else "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"
    )
    if ends:
        return f"(?:{body})?"
    return body


def _literal(word: str) -> str:
    # typographic and straight apostrophes are the same letter in news copy
    return re.sub("['’]", "['’]", re.escape(word))


def names(words: Iterable[str]) -> str:
    """Case-sensitive proper names (months, weekdays), also accepted in capitals for headlines."""
    forms: set[str] = set()
    for w in words:
        forms.add(w)
        forms.add(w.upper())
    return alt(forms, ignore_case=False)
