"""Where a claim happened: the place names of a sentence, ranked, with fallbacks.

A sentence's candidates are its GPE/LOC/FAC entities and the proper names a locative word
introduces ("in Burush", "the village of Jebel Halla", "on the Ras Isa fuel port"). Datelines
and names inside a group's name are not places; a distance's landmark ("17 km east of X")
is not the scene; the most specific of a list wins. With no candidate, the passage's place
carries over, then the country (for running totals) or the place the report is about.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from warledger.claims.context import DocContext, Sentence
from warledger.types import Place

_SITE_NOUNS = {
    "port",
    "hospital",
    "road",
    "highway",
    "market",
    "airport",
    "base",
    "school",
    "mosque",
    "church",
    "bridge",
    "crossing",
    "checkpoint",
    "prison",
    "factory",
    "field",
    "valley",
    "desert",
    "forest",
}


class PlaceFinder:
    _LOCATIVE = (
        "in",
        "at",
        "near",
        "on",
        "of",
        "across",
        "around",
        "outside",
        "inside",
        "from",
        "into",
        "throughout",
    )
    _PLACE_NOUNS = (
        "outskirts",
        "outskirt",
        "suburb",
        "suburbs",
        "headquarters",
        "unit",
        "centre",
        "center",
        "vicinity",
        "edge",
        "countryside",
        "environs",
        "village",
        "town",
        "city",
        "area",
        "district",
        "region",
        "province",
        "locality",
        "governorate",
        "neighbourhood",
        "neighborhood",
        "camp",
        "county",
        "municipality",
        "state",
        "township",
        "oblast",
    )

    def _place_candidates(self, ctx: DocContext, sent: Sentence) -> list[tuple[Span, bool]]:
        """Place names in the sentence, with whether a locative word introduces them."""
        doc = sent.span.doc
        out: list[tuple[Span, bool]] = []
        for e in sent.span.ents:
            if e.label_ not in ("GPE", "LOC", "FAC") or self._is_actor_ent(ctx, sent, e):
                continue
            if e.end < sent.span.end and doc[e.end].text == "-" and not doc[e.end - 1].whitespace_:
                continue  # "Moscow-installed", "Houthi-held": a modifier, not a place
            locative = e.root.head.lower_ in self._LOCATIVE or e.root.head.lemma_.lower() in self._PLACE_NOUNS
            out.append((e, locative))
        # "the village of Jebel Halla", "in Burush": proper names the NER missed
        taken = {t.i for e, _ in out for t in e}
        for t in sent.span:
            if t.pos_ != "PROPN" or t.i in taken or (t.i > sent.span.start and doc[t.i - 1].pos_ == "PROPN"):
                continue
            k = t.i - 1
            while k > sent.span.start and doc[k].text in ('"', "“", "'", "‘"):
                k -= 1  # 'on "Tal Rifaat"': quotes around a name
            prev = doc[k] if k >= sent.span.start else None
            prev2 = doc[k - 1] if k - 1 >= sent.span.start else None
            locative = (
                prev is not None
                and prev.lower_ in ("in", "at", "near")
                or (
                    prev is not None
                    and prev.lower_ == "of"
                    and prev2 is not None
                    and prev2.lemma_.lower() in self._PLACE_NOUNS
                )
            )
            strong = prev is not None and prev.lower_ == "of"  # "the village of X"
            # "on the Ras Isa fuel port", "in the Bani Hushaysh district": a name that
            # qualifies a place noun, after "the" and a locative preposition
            j2 = t.i
            while j2 + 1 < sent.span.end and (doc[j2 + 1].pos_ == "PROPN" or doc[j2 + 1].text == "-"):
                j2 += 1
            after = doc[j2 + 1 : min(j2 + 4, sent.span.end)]
            if (
                not locative
                and prev is not None
                and prev.lower_ == "the"
                and prev2 is not None
                and prev2.lower_ in self._LOCATIVE
                and any(
                    a.lemma_.lower() in _SITE_NOUNS or a.lemma_.lower() in self._PLACE_NOUNS for a in after
                )
            ):
                locative = strong = True
            if not locative or t.ent_type_ == "DATE":
                continue
            if t.ent_type_ in ("PERSON", "ORG", "NORP") and not strong and ctx.lookup_place(t.text) is None:
                continue  # "near Djibo" tagged as a person: a place only if the gazetteer knows it
            j = t.i
            while j + 1 < sent.span.end and (
                doc[j + 1].pos_ == "PROPN"
                or doc[j + 1].text == "-"
                and j + 2 < sent.span.end
                and doc[j + 2].pos_ == "PROPN"
                # "Pul-e-Alam": hyphenated names whose inner parts are tagged as other words
                or not doc[j].whitespace_
                and (doc[j + 1].text == "-" or doc[j].text == "-")
                and doc[j + 1].is_alpha | (doc[j + 1].text == "-")
            ):
                j += 1
            while j > t.i and doc[j].text == "-":
                j -= 1
            out.append((doc[t.i : j + 1], True))
        return out

    _SPECIFIC = {
        "village": 0,
        "town": 0,
        "neighbourhood": 0,
        "neighborhood": 0,
        "camp": 0,
        "city": 1,
        "township": 2,
        "district": 2,
        "locality": 2,
        "county": 2,
        "municipality": 2,
        "province": 3,
        "region": 3,
        "state": 3,
        "governorate": 3,
        "oblast": 3,
    }
    _PRECISION_RANK = {"town": 1, "district": 2, "province": 3, "region": 3, "country": 4}

    def place(
        self, ctx: DocContext, sent: Sentence, anchor: Token | None, state: dict, cumulative: bool
    ) -> Place | None:
        cands = []
        doc = sent.span.doc
        dateline_end = ctx.dateline_end(sent)
        for span, locative in self._place_candidates(ctx, sent):
            if sent.abs(span.start_char) < dateline_end or ctx.inside_actor(
                sent.abs(span.start_char), sent.abs(span.end_char)
            ):
                continue  # where the reporter filed from, or part of a group's name
            place = ctx.lookup_place(span.text)
            if place is None and not locative:
                continue  # a capitalised word the NER took for a place
            dist = abs(span.start - anchor.i) if anchor is not None else 0
            words = span.text.lower().split()
            specific = min([self._SPECIFIC.get(w, 9) for w in words] + [9])
            if specific == 9:
                specific = self._PRECISION_RANK.get(place.precision, 1) if place is not None else 1
            # "17 kilometres east of X": X is a landmark for the distance, not the place
            before = " ".join(t.lower_ for t in doc[max(sent.span.start, span.start - 4) : span.start])
            landmark = bool(re.search(r"\b(?:km|kilometres|kilometers|miles|metres|meters)\b.*\bof$", before))
            cands.append(
                ((int(landmark), 0 if locative else 1, specific, dist), place or ctx.resolve_place(span.text))
            )
        if cands:
            cands.sort(key=lambda c: c[0])
            place = cands[0][1]
            state["place"], state["place_para"] = place, sent.para.index
            return place
        if state.get("place") is not None and state.get("place_para") is not None:
            # the place of the passage: this paragraph, or for an incident the one before
            back = 0 if cumulative else 1
            if sent.para.index - state["place_para"] <= back:
                return state["place"]
        # nothing said: a running total covers the country the report is about; an
        # incident happened where the report mostly is
        main = ctx.main_place
        if cumulative and ctx.country_place is not None and ctx.main_place_mentions < 3:
            return ctx.country_place  # unless the report is all about one place ("the siege of X")
        return main

    @staticmethod
    def _is_actor_ent(ctx: DocContext, sent: Sentence, ent: Span) -> bool:
        if ent.root.dep_ in ("compound", "amod") and ent.root.head.lemma_.lower() in (
            "force",
            "troop",
            "army",
            "fighter",
            "soldier",
            "militant",
            "government",
        ):
            return True
        return False
