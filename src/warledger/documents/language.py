"""A cheap language guess: enough to keep non-English text away from English rules."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The most frequent English function words; real English prose is >25% these.
_EN_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it are were be has have had "
    "he she they his her their this which an or not but its said after been who will".split()
)


def detect_language(text: str) -> str | None:
    """Return "en" for English, "und" for text in another language, None for too little text."""
    words = _WORD.findall(text[:20000])
    if len(words) < 3:
        return None
    latin = sum(1 for w in words if w.isascii())
    if latin / len(words) < 0.5:
        return "und"
    hits = sum(1 for w in words if w.lower() in _EN_FUNCTION_WORDS)
    if len(words) < 12:
        return "en"  # too short to tell apart; a headline or a one-line bulletin is read as English
    return "en" if hits / len(words) >= 0.12 else "und"


def resolve_language(text: str, declared: str | None = None) -> str | None:
    """Combine a declared language (HTML lang, feed, JSON field) with the guess from the text.

    A page that declares a language other than English is believed; a page that
    declares English is checked against its text, because templates often carry
    a site-wide ``lang="en"`` over translated articles.
    """
    primary = (
        declared.strip().lower().replace("_", "-").split("-")[0] if declared and declared.strip() else None
    )
    guessed = detect_language(text)
    if primary and primary != "en":
        return primary
    if guessed is None:
        return primary
    return guessed
