"""Where a claim happened: the place names of a sentence, ranked, with fallbacks.

A sentence's candidates are its GPE/LOC/FAC entities and the proper names a locative word
introduces ("in Burush", "the village of Jebel Halla", "on the Ras Isa fuel port"). Datelines
and names inside a group's name are not places; a distance's landmark ("17 km east of X")
is not the scene; the most specific of a list wins, and a place named as containing another
("X village, Y township", "X area of Y district") ranks after it. With no candidate, the passage's place
carries over, then the country (for running totals) or the place the report is about.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from warledger.claims.context import DocContext, Sentence, transliterated_name
from warledger.claims.lexicon import load_lexicons
from warledger.reconcile.match import distance_km
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


@lru_cache(maxsize=1)
def _vocab() -> dict:
    path = resources.files("warledger") / "data" / "lexicons" / "en" / "places.yaml"
    return yaml.safe_load(path.read_text("utf-8"))


class PlaceFinder:
    def __init__(self) -> None:
        v = _vocab()
        self.subtown = {w.lower() for w in v.get("subtown_nouns", [])}
        self.compass = {w.lower() for w in v.get("compass_words", [])}
        self.leave_verbs = {w.lower() for w in load_lexicons().outcomes["displaced"].verbs}
        self.back_refs = {
            w.lower(): precision for precision, ws in (v.get("back_references") or {}).items() for w in ws
        }

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
        "between",
    )
    # verbs whose object may be the place hit ("stormed X", "shelled X")
    _HIT_VERBS = {
        "attack",
        "storm",
        "shell",
        "bomb",
        "bombard",
        "raid",
        "strike",
        "hit",
        "target",
        "pound",
        "overrun",
    }
    # nouns that say what kind of place the name before them is ("Manbij city")
    _NAME_KINDS = ("city", "town", "village", "district", "province", "region", "governorate", "county")
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
        dated = {c for m in ctx.times_in(sent.start, sent.end) for c in range(m.start, m.end)}
        for t in sent.span:
            if (
                (t.pos_ != "PROPN" and not transliterated_name(t))
                or t.i in taken
                or (t.i > sent.span.start and doc[t.i - 1].pos_ == "PROPN")
            ):
                continue
            k = t.i - 1
            while k > sent.span.start and doc[k].text in ('"', "“", "'", "‘"):
                k -= 1  # 'on "Tal Rifaat"': quotes around a name
            prev = doc[k] if k >= sent.span.start else None
            prev2 = doc[k - 1] if k - 1 >= sent.span.start else None
            # "Manbij city", "Djibo town": a name that a place noun follows
            k2 = t.i
            while k2 + 1 < sent.span.end and doc[k2 + 1].pos_ == "PROPN":
                k2 += 1
            named_kind = (
                k2 + 1 < sent.span.end
                and doc[k2 + 1].lower_ in self._NAME_KINDS
                and doc[k2 + 1].pos_ == "NOUN"
                # "Kyauk Sein Village", "Pale Township": the kind capitalised as part of the name
                or k2 > t.i
                and doc[k2].lower_ in self._SPECIFIC
            )
            # "attacks on Kherson", "pushed into X": a name the gazetteer knows in the
            # report's countries, after a preposition of direction or contact
            known_after = (
                prev is not None
                and prev.lower_ in ("on", "into", "across", "around", "outside")
                # "had fled Lashio": the place a displacement verb's people left
                or t.dep_ == "dobj"
                # ... and the place an attack verb's attackers hit ("attacked Zaria")
                and (t.head.lemma_.lower() in self.leave_verbs or t.head.lemma_.lower() in self._HIT_VERBS)
                and t.ent_type_ != "DATE"
                and sent.abs(t.idx) not in dated
                and ctx.lookup_place(doc[t.i : k2 + 1].text) is not None
            )
            locative = (
                named_kind
                or known_after
                or prev is not None
                and prev.lower_ in ("in", "at", "near", "between")
                or (
                    prev is not None
                    and prev.lower_ == "of"
                    and prev2 is not None
                    and (prev2.lemma_.lower() in self._PLACE_NOUNS or prev2.lower_ in self.compass)
                )
            )
            strong = named_kind or (prev is not None and prev.lower_ == "of")  # "the village of X"
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
            if not locative or t.ent_type_ == "DATE" or sent.abs(t.idx) in dated:
                continue  # "on Sunday": a day, whatever the tagger says
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

    def _ranked(self, ctx: DocContext, sent: Sentence, anchor: Token | None) -> list[tuple]:
        """(rank key, place, span) of the sentence's place names, best first."""
        cands = []
        doc = sent.span.doc
        dateline_end = ctx.dateline_end(sent)
        for span, locative in self._place_candidates(ctx, sent):
            if sent.abs(span.start_char) < dateline_end or ctx.inside_actor(
                sent.abs(span.start_char), sent.abs(span.end_char)
            ):
                continue  # where the reporter filed from, or part of a group's name
            place = ctx.lookup_place(span.text) or self._without_kind(ctx, span)
            region = self._compass_region(ctx, span, place)
            if region is not None:
                place, span = region  # "south Lebanon": a region, not the whole country
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
            # "the camp north of X": X locates the scene, it is not the scene
            landmark = landmark or (
                span.start >= 2
                and doc[span.start - 1].lower_ == "of"
                and doc[span.start - 2].lower_ in self.compass
            )
            # the place of the claim's own clause before one of a clause beside it ("strikes on
            # X killed 21, ..., as troops pushed into Y")
            apart = int(anchor is not None and not self._same_clause(span.root, anchor))
            cands.append(
                (
                    (int(landmark), apart, 0, 0 if locative else 1, specific, dist),
                    place or ctx.resolve_place(self._bare_name(span)),
                    span,
                )
            )
        # "X area of Y district", "X village, Y township", "A, B and C in Y territory": Y
        # contains a place the sentence names, so it is not the most specific
        spans = [c[2] for c in cands]
        cands = [
            ((k[0], k[1], int(any(self._contains(sp, o) for o in spans if o is not sp)), *k[3:]), p, sp)
            for k, p, sp in cands
        ]
        cands.sort(key=lambda c: c[0])
        return cands

    _LINKS = {"in", "of", ",", "the", "and", "'s", "’s", "-", "near"}

    def _contains(self, outer: Span, inner: Span) -> bool:
        """Whether `outer` is named as the wider place of `inner` just before it ("inner
        [area|village|...] in|of|, [the] [northern] outer")."""
        if inner.end > outer.start:
            return False
        between = outer.doc[inner.end : outer.start]
        if len(between) > 6 or not any(t.lower_ in ("in", "of", ",") for t in between):
            return False
        return all(
            t.lower_ in self._LINKS
            or t.lower_ in self.compass
            or t.lemma_.lower() in self._PLACE_NOUNS
            or t.lemma_.lower() in ("territory", "division", "lga", "tehsil", "commune")
            for t in between
        )

    _KIND_WORDS = {"local", "government", "area", "lga", "division", "territory", "commune", "tehsil"}

    def _without_kind(self, ctx: DocContext, span: Span) -> Place | None:
        """ "Marte Local Government Area", "Bui Division": the gazetteer knows the bare name."""
        end = span.end
        while end - 1 > span.start and (
            span.doc[end - 1].lower_ in self._KIND_WORDS or span.doc[end - 1].lower_ in self._SPECIFIC
        ):
            end -= 1
        return ctx.lookup_place(span.doc[span.start : end].text) if end < span.end else None

    # kinds of administrative unit (a camp's or a neighbourhood's kind is part of its name)
    _ADMIN_KINDS = {
        "village",
        "town",
        "city",
        "township",
        "district",
        "county",
        "province",
        "region",
        "state",
    }

    def _bare_name(self, span: Span) -> str:
        """ "Kyauk Sein Village" is named Kyauk Sein: a capitalised kind word is no part of it."""
        end = span.end
        while (
            end - 1 > span.start
            and span.doc[end - 1].lower_ in self._ADMIN_KINDS
            and span.doc[end - 1].is_title
        ):
            end -= 1
        return span.doc[span.start : end].text

    def _compass_region(self, ctx: DocContext, span: Span, place: Place | None) -> tuple | None:
        """ "south Lebanon", "north-east Nigeria": a compass word before a country or province."""
        if place is None or place.precision not in ("country", "province"):
            return None
        doc = span.doc
        i = span.start - 1
        while i >= 0 and doc[i].text == "-":
            i -= 1
        if (
            i < 0
            or doc[i].lower_ not in self.compass
            and doc[max(0, i - 2) : i + 1].text.lower() not in self.compass
        ):
            return None
        start = i if doc[i].lower_ in self.compass else i - 2
        wider = doc[start : span.end]
        region = ctx.lookup_place(wider.text)
        if region is None or region.precision != "region":
            return None
        return region, wider

    @staticmethod
    def _clause(tok: Token) -> Token:
        """The verb whose clause a token is in (the token itself for a verb)."""
        for a in [tok] + list(tok.ancestors):
            if a.pos_ in ("VERB", "AUX"):
                return a
        return tok

    _BESIDE = ("as", "while", "whilst")

    @staticmethod
    def _path(low: Token, high: Token) -> list[str] | None:
        """Dependency labels from `low` up to (not including) `high`, or None if `high` is
        not above `low`."""
        deps = []
        x = low
        while x != high:
            if x.head == x:
                return None
            deps.append(x.dep_)
            x = x.head
        return deps

    def _same_clause(self, root: Token, anchor: Token) -> bool:
        """Whether a place name belongs to the claim's clause: the trigger's own clause, a
        clause it governs as a phrase ("killed 21 in strikes on X"), or the clause it hangs
        on as a participle or a conjunct ("an airstrike hit X, killing 11"); not a clause
        beside it ("..., as troops pushed into Y", "..., he said, citing colleagues in Y")."""
        head, c = self._clause(anchor), self._clause(root)
        if c == head:
            return True
        down = self._path(c, head)  # the place's clause under the trigger's
        if down is not None:
            if any(d in ("ccomp", "parataxis") for d in down):
                return False
            # "..., as troops pushed into Y", "while ...": a background clause beside the
            # claim; "when a shell hit a house in Y" tells the incident itself
            x = c
            while x != head:
                if x.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in self._BESIDE for m in x.children
                ):
                    return False
                x = x.head
            return True
        up = self._path(head, c)  # the trigger's clause under the place's
        if up is not None:
            return all(d in ("advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj") for d in up)
        return False

    def _introduced(self, span: Span) -> bool:
        """ "the village of X", "X town": a name a place noun says is a place."""
        doc = span.doc
        before = doc[span.start - 2 : span.start] if span.start >= 2 else None
        after = doc[span.end] if span.end < len(doc) else None
        return bool(
            before is not None
            and before[1].lower_ == "of"
            and before[0].lemma_.lower() in self._PLACE_NOUNS
            or after is not None
            and after.lower_ in self._NAME_KINDS
        )

    def _subtown(self, span: Span) -> bool:
        """ "Al-Nur neighbourhood", "Ward 3", "the Sector 4 market": a part of a town."""
        doc = span.doc
        words = [t.lower_ for t in span]
        if any(w in self.subtown for w in words):
            return True
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is not None and (nxt.lower_ in self.subtown or self._numbered(span))

    @staticmethod
    def _numbered(span: Span) -> bool:
        """ "Ward 3", "Sector 5": a name that a number completes (the gazetteer's match for
        the bare word is some other place)."""
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        return nxt is not None and nxt.like_num and not nxt.whitespace_ == "" and nxt.pos_ == "NUM"

    @staticmethod
    def _own_part(ctx: DocContext, span: Span, place: Place) -> bool:
        """A neighbourhood kept as named: the gazetteer knows it in the country the report is
        about, or does not know it at all (its name is kept, never a namesake abroad)."""
        return place.lat is None or (bool(ctx.countries) and place.country == ctx.countries[0])

    def _stray_namesake(self, place: Place, span: Span, cands: list[tuple]) -> tuple | None:
        """ "the X neighbourhood of Y city": when the gazetteer's X lies far from the town Y
        said to contain it, it is a namesake; Y is the place."""
        if place.lat is None:
            return None
        for _k, other, osp in cands[1:]:
            nxt = osp.doc[osp.end] if osp.end < len(osp.doc) else None
            if nxt is not None and self._SPECIFIC.get(nxt.lower_, 0) >= 2:
                continue  # "Duhok province": the town's name, but a province is meant
            if (
                other.lat is not None
                and other.precision == "town"
                and self._contains(osp, span)
                and distance_km(place, other) > 30
            ):
                return other, osp
        return None

    def narrative(self, ctx: DocContext) -> list[tuple[int, int, Place, str]]:
        """(sentence index, paragraph index, place, kind of place) for the places the report's sentences
        name, each sentence's best, in order: where an undated, unplaced passage goes on."""
        out = []
        for sent in ctx.sentences:
            if ctx.is_title(sent):
                continue
            # each sentence's places best last, so that reading back meets its best first
            for _key, place, span in reversed(self._ranked(ctx, sent, None)):
                if self._subtown(span) or place.precision == "country":
                    continue
                if place.lat is None and not self._introduced(span):
                    continue  # an unknown name counts only when a place noun introduces it
                # "Nineveh province": the noun after the name says what kind of place it is
                nxt = span.doc[span.end] if span.end < len(span.doc) else None
                kind = self.back_refs.get(nxt.lower_) if nxt is not None else None
                out.append((sent.index, sent.para.index, place, kind or place.precision))
        return out

    @staticmethod
    def _recent(state: dict, sent: Sentence, back: int, precision: set[str] | None = None) -> Place | None:
        """The last place the narrative named before this sentence, within `back` paragraphs."""
        for idx, para, place, kind in reversed(state.get("narrative_places") or []):
            if idx >= sent.index:
                continue
            if sent.para.index - para > back:
                return None
            if precision is None or kind in precision:
                return place
        return None

    def _back_reference(self, sent: Sentence, state: dict) -> Place | None:
        """ "in the city", "across the province": the place of that kind named last."""
        for t in sent.span:
            kind = self.back_refs.get(t.lower_)
            if (
                kind is None
                or t.pos_ != "NOUN"
                # "the city" alone: not "the state of emergency", "the city council"
                or [c.lower_ for c in t.children if c.dep_ != "case"] != ["the"]
                # "in the city", "the city's hospital", "to retake the town"
                or not (t.dep_ == "pobj" and t.head.lower_ in self._LOCATIVE or t.dep_ in ("poss", "dobj"))
            ):
                continue
            wanted = {"town"} if kind == "town" else {"province", "district", "region"}
            found = self._recent(state, sent, 2, wanted)
            if found is not None:
                return found
        return None

    def place(
        self, ctx: DocContext, sent: Sentence, anchor: Token | None, state: dict, cumulative: bool
    ) -> Place | None:
        cands = self._ranked(ctx, sent, anchor)
        if cands:
            place, span = cands[0][1], cands[0][2]
            outer = self._stray_namesake(place, span, cands)
            if outer is not None:
                place, span = outer
            if self._subtown(span) and (self._numbered(span) or not self._own_part(ctx, span, place)):
                # a ward or neighbourhood: the town it is part of, named here or just before
                towns = [c[1] for c in cands[1:] if c[1].precision == "town" and not self._subtown(c[2])]
                town = (
                    towns[0]
                    if towns
                    else self._back_reference(sent, state) or self._recent(state, sent, 1, {"town"})
                )
                if town is None and ctx.main_place is not None and ctx.main_place.precision == "town":
                    town = ctx.main_place
                if town is not None:
                    place = town
            state["place"], state["place_para"] = place, sent.para.index
            return place
        ref = self._back_reference(sent, state)
        if ref is not None:
            state["place"], state["place_para"] = ref, sent.para.index
            return ref
        if state.get("place") is not None and state.get("place_para") is not None:
            # the place of the passage: this paragraph, or for an incident the one before
            back = 0 if cumulative else 1
            if sent.para.index - state["place_para"] <= back:
                return state["place"]
        if not cumulative:
            # an incident told on from an earlier sentence that named its place
            recent = self._recent(state, sent, 1)
            if recent is not None:
                return recent
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
