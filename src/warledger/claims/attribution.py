"""Who says so: attribution chains ("X told Y, citing Z") and hedging, per sentence.

The chain is ordered originating source first ("AP reported, citing the Observatory"
gives [Observatory, AP]); the document's publisher ends it when not already in it.
A sentence that attributes nothing takes the attribution of the sentence before it in
the same paragraph (a source "going on with its figures"), or of a later sentence when
the paragraph is a quotation whose speaker is named at its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from warledger.claims.lexicon import Lexicons, alt

_DOCUMENT_NOUNS = {
    "communiqué",
    "communique",
    "statement",
    "release",
    "report",
    "bulletin",
    "note",
    "tally",
    "update",
}
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_CUT_WORDS = {
    "which",
    "who",
    "that",
    "whose",
    "where",
    "citing",
    "quoting",
    "saying",
    "adding",
    "said",
    "says",
}


@dataclass(slots=True)
class Attribution:
    chain: list[str] = field(default_factory=list)  # as written or canonical, originating first
    generic: bool = False  # the originating source is anonymous/generic ("activists")
    explicit: bool = True  # stated in this sentence (False: carried over)


class AttributionFinder:
    def __init__(self, lex: Lexicons, resolve_actor):
        """`resolve_actor(phrase, at_char)` maps a source phrase to a canonical name or None."""
        self.lex = lex
        self.resolve_actor = resolve_actor
        self.person_org: dict[str, str] = {}  # people named with their office, for later mentions
        self.last_org: str | None = None  # the last organisation cited, for "the statement" later
        self.cited: list[str] = []  # every organisation cited so far, for "the ministry" later
        self.verbs = set(lex.attribution.reporting_verbs)
        self.spokes = set(lex.attribution.spokesperson_words)
        self.generic = {g.lower() for g in lex.hedges.generic_sources}
        self.hedge_re = re.compile(r"\b" + alt(lex.hedges.terms) + r"\b", re.I)
        self.according_re = re.compile(r"\b" + alt(lex.attribution.according_to) + r"\s+", re.I)
        # ", the Observatory notes." at the end of a sentence, which parsers often miss
        forms = set()
        for v in lex.attribution.reporting_verbs:
            forms |= {v + "s", v + "ed", v + "d", v + "es"}
        forms |= {
            "said",
            "told",
            "wrote",
            "put",
            "says",
            "tells",
            "learned",
            "learnt",
            "added",
            "reports",
            "noted",
        }
        self.trailing_re = re.compile(
            r"[,”\"]\s*((?:[\w’'.-]+\s+){0,7}?[\w’'.-]+)\s+"
            + alt(forms)
            + r"(?:\s+[^,.]{0,40})?\s*[.”\"]*\s*$",
            re.I,
        )

    # -- phrases ------------------------------------------------------------------
    def _phrase(self, tok: Token, keep_article: bool = False) -> tuple[str, int]:
        """The noun phrase headed by `tok`, cut before relative clauses and citations
        (and, for anonymous sources, before their prepositional details)."""
        toks = []
        generic = tok.lemma_.lower() in self.generic or tok.lower_ in self.generic
        for t in tok.subtree:
            if t.i > tok.i and (t.lower_ in _CUT_WORDS or t.text in (",", ";", ":", "(", "“", '"')):
                break
            if t.i > tok.i and generic and t.dep_ == "prep":
                break  # "medical sources at the city's main hospital": medical sources
            if t.i < tok.i and t.text in (",", "“", '"'):
                toks = []
                continue
            toks.append(t)
        articles = ("the",) if keep_article else ("the", "a", "an")
        while toks and toks[0].dep_ == "det" and toks[0].lower_ in articles:
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            return tok.text, tok.idx
        doc = tok.doc
        return doc[toks[0].i : toks[-1].i + 1].text, toks[0].idx

    # Words of people and bodies that speak for an organisation ("a YPG spokesman",
    # "police spokesman X", "the army's media wing"); an officer or an official does not.
    _SPOKES = {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "statement",
        "representative",
        "office",
        "ministry",
        "commander",
        "command",
        "wing",
        "headquarters",
        "department",
        "agency",
        "service",
    }

    def _speaks_for(self, tok: Token) -> bool:
        return any(t.lower_ in self._SPOKES for t in tok.subtree)

    def _speaker(self, tok: Token, sent: Span) -> str | None:
        """Canonical or as-written name of the source headed by `tok`."""
        if tok.lower_ in _PRONOUNS:
            return None
        person = tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON")
        # "Nuri Mehmud, a YPG spokesman": the organisation the person speaks for.
        for child in tok.children:
            if child.dep_ == "appos":
                org = self._org_in(child) or self._office_of(child)
                if org:
                    if person:
                        self.person_org[tok.text.lower()] = org
                    return org
        if person and tok.text.lower() in self.person_org:
            return self.person_org[tok.text.lower()]  # named again later: "Haimour said"
        if self._speaks_for(tok):
            org = self._org_in(tok)
            if org:
                return org
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ in ("a", "an") and tok.pos_ == "NOUN":
            # "a military officer who asked not to be named": one anonymous person, as written
            return self._phrase(tok, keep_article=True)[0]
        text, start = self._phrase(tok)
        det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
        if (
            tok.lemma_.lower() in _DOCUMENT_NOUNS
            and det is not None
            and det.lower_ in ("the", "its", "their", "this")
        ):
            if self.last_org:
                return self.last_org  # "according to the communiqué": the body that issued it
        words = {w.lower() for w in re.findall(r"[\w-]+", text)}
        if words & self._OFFICE_WORDS:
            office = self._office_of(tok)  # "Mozambique's defence minister": the ministry first
            if office:
                return office
            if words & self._SUBNATIONAL:
                return text  # "the Gezira state government": not the national one
        name = self.resolve_actor(text, start)
        if name:
            return name
        # "UN estimates", "army figures": the body behind the document
        trimmed = re.sub(
            r"\s+(?:estimates?|figures?|data|reports?|statement|tally|count|records?)$", "", text, flags=re.I
        )
        if trimmed != text:
            name = self.resolve_actor(trimmed, start)
            if name:
                return name
        office = self._office_of(tok)
        if office:
            return office
        if tok.lemma_.lower() in self.generic or tok.lower_ in self.generic or text.lower() in self.generic:
            # anonymous sources are kept as written: "a security source", "medical sources"
            return self._phrase(tok, keep_article=True)[0]
        return text

    _OFFICE_WORDS = {
        "minister",
        "ministry",
        "governor",
        "government",
        "president",
        "presidency",
        "prime",
        "authorities",
        "administration",
        "cabinet",
        "premier",
        "mayor",
    }
    # Offices below the national level never stand for the national government.
    _SUBNATIONAL = {
        "state",
        "regional",
        "provincial",
        "local",
        "city",
        "municipal",
        "district",
        "county",
        "governor",
        "mayor",
        "installed",
        "moscow-installed",
        "russian-installed",
    }

    def _office_of(self, tok: Token) -> str | None:
        """ "Kharkiv regional governor Oleg Synegubov", "the deputy information minister",
        "Mozambique's defence minister": an office speaks for its body when the actor list
        knows it, and a national office for its government. Names of people are dropped."""
        words = [t for t in tok.subtree if t.ent_type_ != "PERSON" and not t.is_punct and t.dep_ != "relcl"]
        if not words or not any(t.lemma_.lower() in self._OFFICE_WORDS for t in words):
            return None
        doc = tok.doc
        phrase = doc[words[0].i : words[-1].i + 1].text
        for variant in (phrase, re.sub(r"\bminister\b", "ministry", phrase, flags=re.I)):
            name = self.resolve_actor(variant, words[0].idx, strict=True)
            if name:
                return name
        titles = [t for t in words if t.lemma_.lower() in self._OFFICE_WORDS]
        for t in titles:
            left = [x for x in words if x.i <= t.i]
            for k in range(len(left)):
                name = self.resolve_actor(doc[left[k].i : t.i + 1].text, left[k].idx, strict=True)
                if name:
                    return name
        if any(t.lower_ in self._SUBNATIONAL for t in words):
            return None
        earlier = self._cited_before(tok, titles)
        if earlier:
            return earlier
        owner = next((t for t in words if t.dep_ == "poss" and t.ent_type_ == "GPE"), None)
        if owner is not None:  # "Mozambique's defence minister"
            name = self.resolve_actor(f"Government of {owner.text}", owner.idx, strict=True)
            if name:
                return name
        return self.resolve_actor("the government", tok.idx, strict=True)

    def _cited_before(self, tok: Token, titles: list[Token]) -> str | None:
        """ "The ministry said" after "Russia's defence ministry said": the body of that office the
        report cited last, not the government of the country it reports on."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ == "poss" for c in tok.children):
            return None
        nouns = {re.sub(r"^minister$", "ministry", t.lemma_.lower()) for t in titles}
        for name in reversed(self.cited):
            if set(re.findall(r"[a-z]+", name.lower())) & nouns:
                return name
        return None

    def _org_in(self, tok: Token) -> str | None:
        """An actor named inside the subtree of `tok` ("spokesman for the army")."""
        toks = list(tok.subtree)
        doc = tok.doc
        # Try the longest spans first so "Syrian Observatory for Human Rights" beats "Syrian".
        for n in range(min(len(toks), 8), 0, -1):
            for s in range(0, len(toks) - n + 1):
                span = doc[toks[s].i : toks[s].i + n]
                if span.end - span.start != n:
                    continue
                name = self.resolve_actor(span.text, span.start_char, strict=True)
                if name:
                    return name
        return None

    def is_generic(self, name: str) -> bool:
        low = name.lower()
        return low in self.generic or low.split()[-1] in self.generic and len(low.split()) <= 3

    # -- sentences -----------------------------------------------------------------
    def explicit(self, sent: Span) -> Attribution | None:
        """The attribution stated in this sentence, or None."""
        chain: list[str] = []
        # "according to X"
        for m in self.according_re.finditer(sent.text):
            at = sent.start_char + m.end()
            tok = next((t for t in sent if t.idx >= at), None)
            if tok is None:
                continue
            head = tok
            while head.head.i != head.i and head.head.i >= tok.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            # take the noun the preposition governs
            cands = [
                t
                for t in sent
                if t.i >= tok.i and t.dep_ == "pobj" and t.head.i < t.i and t.head.i >= tok.i - 1
            ]
            if cands:
                head = cands[0]
            elif tok.pos_ not in ("NOUN", "PROPN"):
                nouns = [t for t in sent[tok.i - sent.start :] if t.pos_ in ("NOUN", "PROPN")]
                if not nouns:
                    continue
                head = nouns[0]
            name = self._speaker(head, sent)
            if name:
                word = m.group(0).strip().lower()
                if word in ("citing", "quoting"):
                    chain.insert(0, name)
                else:
                    chain.append(name)
        # "X said / told Y / documented / confirmed to Y", "citing Z"
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in self.verbs:
                continue
            subj = next(
                (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "nsubjpass"), None
            )
            if (
                subj is None
                and tok.dep_ in ("conj", "advcl", "xcomp")
                and tok.lemma_.lower() not in ("cite", "quote")
            ):
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if tok.lemma_.lower() in ("cite", "quote"):
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
                if obj is not None:
                    name = self._speaker(obj, sent)
                    if name and name not in chain:
                        chain.insert(0, name)
                continue
            if subj is None:
                continue
            name = self._speaker(subj, sent)
            if name is None and subj.lower_ in _PRONOUNS:
                name = "__pronoun__"
            if not name:
                continue
            link = [name]
            # "X told AP", "confirmed to Radio Dabanga": the outlet comes after.
            for c in tok.children:
                if (
                    c.dep_ in ("dative", "dobj")
                    and tok.lemma_.lower() == "tell"
                    and c.pos_ in ("PROPN", "NOUN")
                ):
                    outlet = self._speaker(c, sent)
                    if outlet:
                        link.append(outlet)
                if (
                    c.dep_ == "prep"
                    and c.lower_ == "to"
                    and tok.lemma_.lower() in ("confirm", "say", "report", "speak")
                ):
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                        outlet = self._speaker(pobj, sent)
                        if outlet:
                            link.append(outlet)
            for n in link:
                if n not in chain:
                    chain.append(n)
        if not chain:
            m = self.trailing_re.search(sent.text)
            if m:
                phrase = re.sub(r"^(?:the|a|an)\s+", "", m.group(1), flags=re.I)
                name = self.resolve_actor(phrase, sent.start_char + m.start(1))
                if name:
                    chain.append(name)
                elif phrase.lower() in self.generic or phrase.lower().split()[-1] in self.generic:
                    chain.append(phrase.lower())
        if not chain:
            return None
        known = [n for n in chain if n != "__pronoun__" and not self.is_generic(n) and n[:1].isupper()]
        if known:
            self.last_org = known[0]
            self.cited.extend(known)
        return Attribution(
            chain=chain, generic=self.is_generic(chain[0]) if chain[0] != "__pronoun__" else False
        )

    def hedged(self, sent: Span) -> bool:
        return bool(self.hedge_re.search(sent.text))
