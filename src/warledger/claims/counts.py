"""Count expressions: "922", "1,200", "seven", "two hundred", "dozens", "at least 7",
"up to 40", "100+", "1.6K", "a child". The rules of ANNOTATION.md section 1 live in
data/lexicons/en/counts.yaml; this module only reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from warledger.claims.lexicon import Lexicons
from warledger.types import Count, Qualifier

_DIGITS = re.compile(r"^\(?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(k|K|m|M)?(\+)?\)?$")
# Counts above this are not casualty figures but typos, years or hoaxes.
MAX_PLAUSIBLE = 20_000_000
# Entity types whose numbers are never head counts.
_NON_COUNT_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
_UNIT_WORDS = {
    "percent",
    "per",
    "%",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "hrs",
    "hours",
    "hour",
    "minutes",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "year-old",
    "years-old",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "o'clock",
    "times",
    "dollars",
    "usd",
    "euros",
    "tonnes",
    "tons",
    "kg",
    "sq",
    "square",
    "hectares",
    "acres",
    "decades",
    "decade",
    "centuries",
    "century",
    "cent",
    "billion",
    "points",
    "degrees",
    "mm",
    "cm",
}


@dataclass(frozen=True, slots=True)
class CountMention:
    start: int  # token index (doc) of the first token, bound words included
    end: int  # token index after the last number token
    head: int  # token index of the number's head token (the last number word)
    count: Count
    singular: bool = False  # "a child": the count is carried by a noun
    people: bool = False  # "Han Htay and Phyo Thet Oo were arrested": named people, counted

    @property
    def value(self) -> int | None:
        return self.count.low if self.count.low is not None else self.count.high


def _parse_digit_token(text: str) -> tuple[float, bool] | None:
    m = _DIGITS.match(text)
    if not m:
        return None
    num = float(m.group(1).replace(",", ""))
    if m.group(2):
        num *= 1000 if m.group(2).lower() == "k" else 1_000_000
    return num, bool(m.group(3))


def _head_of(doc, start: int, end: int) -> int:
    """The token of doc[start:end] whose syntactic head lies outside it."""
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            if t.text not in ("+", "(", ")"):
                return t.i
    return start


class CountFinder:
    def __init__(self, lex: Lexicons):
        c = lex.counts
        self.lex = lex
        self.words = {k.lower(): v for k, v in c.number_words.items() if " " not in k}
        self.multipliers = {k.lower(): v for k, v in c.multipliers.items()}
        self.vague = {k.lower(): v for k, v in c.vague.items()}
        self.bounds = [(p.lower().split(), Qualifier.AT_LEAST) for p in c.at_least]
        self.bounds += [(p.lower().split(), Qualifier.AT_MOST) for p in c.at_most]
        self.bounds += [(p.lower().split(), Qualifier.APPROX) for p in c.approx]
        self.bounds.sort(key=lambda b: -len(b[0]))
        self.approx_phrases = {k.lower(): v for k, v in c.approx_phrases.items()}
        self.approx_by_first: dict[str, list] = {}
        for k, v in self.approx_phrases.items():
            self.approx_by_first.setdefault(k.split()[0], []).append((k, v))
        self.singular_dets = {d.lower() for d in c.singular_determiners}
        self.article_multipliers = {m.lower() for m in c.article_multipliers}

    # -- numbers -------------------------------------------------------------
    def _number_at(self, sent: Span, i: int) -> tuple[int, float, bool] | None:
        """Parse a number starting at doc token i; return (end, value, plus_sign)."""
        doc = sent.doc
        tok = doc[i]
        low = tok.lower_
        parsed = _parse_digit_token(tok.text)
        if parsed:
            value, plus = parsed
            j = i + 1
            if j < sent.end and doc[j].text == "+":
                plus, j = True, j + 1
            if j < sent.end and doc[j].lower_ in self.multipliers:
                # "1.6K" splits into "1.6" + "K": a letter multiplier must be glued on.
                if doc[j].lower_ not in ("k", "m") or not doc[j - 1].whitespace_:
                    value *= self.multipliers[doc[j].lower_]
                    j += 1
            return j, value, plus
        # Word numbers: "twenty-five", "two hundred", "three thousand five hundred".
        parts = re.split(r"-", low) if "-" in low else [low]
        if not all(p in self.words for p in parts) and low not in self.multipliers:
            return None
        if low in self.multipliers:  # "hundred" alone is not a count
            return None
        total, current, j = 0, sum(self.words[p] for p in parts), i + 1
        while j < sent.end:
            w = doc[j].lower_
            if w in self.multipliers and w not in ("k", "m"):
                current *= self.multipliers[w]
                if self.multipliers[w] >= 1000:
                    total, current = total + current, 0
                j += 1
            elif (
                w == "and"
                and j + 1 < sent.end
                and doc[j + 1].lower_ in self.words
                and (total or current >= 100)
            ):
                j += 1
            elif (
                w == "-"
                and j + 1 < sent.end
                and doc[j + 1].lower_ in self.words
                and current % 10 == 0
                and 20 <= current % 100 <= 90
            ):
                j += 1  # "twenty - five" split by the tokenizer
            elif w in self.words or (("-" in w) and all(p in self.words for p in w.split("-"))):
                current += sum(self.words[p] for p in w.split("-"))
                j += 1
            else:
                break
        return j, float(total + current), False

    def _bound_before(self, sent: Span, i: int) -> tuple[int, Qualifier] | None:
        doc = sent.doc
        for words, q in self.bounds:
            n = len(words)
            s = i - n
            if s < sent.start:
                continue
            if [t.lower_ for t in doc[s:i]] == words:
                return s, q
        return None

    def _skip(self, sent: Span, i: int, end: int, value: float) -> bool:
        doc = sent.doc
        tok = doc[i]
        if tok.ent_type_ in _NON_COUNT_ENTS and not any(
            t.lower_ in ("people", "persons", "civilians", "soldiers")
            for t in doc[i : end + 2]
            if t.i < len(doc)
        ):
            return True
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and (
            nxt.lower_ in _UNIT_WORDS or nxt.text in ("%", ":") or nxt.lower_.endswith("-year-old")
        ):
            return True
        if "-year-old" in tok.lower_ or tok.lower_.endswith("th") and not _DIGITS.match(tok.text):
            return True
        prev = doc[i - 1] if i > sent.start else None
        if prev is not None and prev.text in ("$", "€", "£", "No.", "no.", "#", "No"):
            return True
        if 1900 <= value <= 2100 and float(value).is_integer() and "," not in tok.text:
            # A bare four-digit number in this range is a year unless a noun of people follows.
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ") or nxt.lower_ in _UNIT_WORDS:
                return True
        return False

    def find(self, sent: Span) -> list[CountMention]:
        doc = sent.doc
        out: list[CountMention] = []
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            low = tok.lower_
            # "a couple of thousand" and other fixed approximate phrases
            hit = None
            for phrase, val in self.approx_by_first.get(low, ()):
                words = phrase.split()
                if [t.lower_ for t in doc[i : i + len(words)]] == words:
                    hit = (phrase, val, len(words))
                    break
            if hit and hit[1] is not None:
                end = i + hit[2]
                out.append(
                    CountMention(i, end, end - 1, Count(hit[1], hit[1], Qualifier.APPROX, doc[i:end].text))
                )
                i = end
                continue
            # vague plurals: "dozens", "hundreds of thousands", "tens of thousands"
            two = f"{low} of {doc[i + 2].lower_}" if i + 2 < sent.end and doc[i + 1].lower_ == "of" else None
            if two and two in self.vague:
                val = self.vague[two]
                out.append(
                    CountMention(i, i + 3, i + 2, Count(val, None, Qualifier.VAGUE, doc[i : i + 3].text))
                )
                i += 3
                continue
            if low in self.vague and not (i > sent.start and doc[i - 1].like_num):
                val = self.vague[low]
                b = self._bound_before(sent, i)
                start = b[0] if b else i
                out.append(
                    CountMention(start, i + 1, i, Count(val, None, Qualifier.VAGUE, doc[start : i + 1].text))
                )
                i += 1
                continue
            num = self._number_at(sent, i)
            if (
                num is None
                and low in ("a", "one")
                and i + 1 < sent.end
                and doc[i + 1].lower_ in self.article_multipliers
            ):
                # "a hundred terrorists", "a thousand people"
                num = (i + 2, float(self.multipliers[doc[i + 1].lower_]), False)
            if num:
                end, value, plus = num
                if (
                    value <= 0
                    or value > MAX_PLAUSIBLE
                    or not float(value).is_integer()
                    or self._skip(sent, i, end, value)
                ):
                    i = end
                    continue
                v = int(value)
                b = self._bound_before(sent, i)
                start = b[0] if b else i
                q = b[1] if b else (Qualifier.AT_LEAST if plus else Qualifier.EXACT)
                if q == Qualifier.AT_LEAST:
                    count = Count(v, None, q, doc[start:end].text)
                elif q == Qualifier.AT_MOST:
                    count = Count(None, v, q, doc[start:end].text)
                else:
                    count = Count(v, v, q, doc[start:end].text)
                text_start, text_end = start, end
                if doc[i - 1].text == "(" and end < len(doc) and doc[end].text == ")":
                    text_start, text_end = min(start, i - 1), end + 1
                    count = Count(count.low, count.high, count.qualifier, doc[text_start:text_end].text)
                out.append(CountMention(start, end, _head_of(doc, i, end), count))
                i = end
                continue
            i += 1
        return out

    def singular(self, sent: Span, noun: Token) -> CountMention | None:
        """ "a child", "an infant", "a 63-year-old man": one person, if the determiner says one."""
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in self.singular_dets or noun.tag_ in ("NNS", "NNPS"):
            return None
        if any(c.dep_ == "nummod" for c in noun.children):
            return None
        start = det.i
        return CountMention(
            start, noun.i + 1, noun.i, Count(1, 1, Qualifier.EXACT, sent.doc[start : noun.i + 1].text), True
        )
