"""Territorial control claims (ANNOTATION.md section 2): who took, lost or holds a place.

Every verb of a family in ``control.yaml`` is read over the dependency parse:

- gain ("captured", "seized control of", "took back"): the subject gains the object place,
  in the passive the subject place was gained by the agent ("was retaken by the army");
- expel ("drove X out of P", "cleared P of X"): the subject gains, the object loses;
- loss ("withdrew from P", "lost control of P"): the subject loses, the gainer is implied;
- fall ("P fell to X"); status ("X controls 60 percent of P", "under the control of X").

Objects that name a place only by reference ("the town", "those two frontlines") take the
place the text last named, or the document's main place. A coordinated list of places
gives one claim per place. Extent is partial when the object is a part ("most of",
"outskirts", "new positions") or when the document contests the change elsewhere
("pockets remain", "clashes continued"). Changes before the reporting window, forecasts,
threats and infinitives of intent ("fighting to take") are not claims. A change reported
in the headline and the body is one claim.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ValidationError
from spacy.tokens import Span, Token

from warledger.claims.context import DocContext, Sentence, transliterated_name
from warledger.claims.lexicon import Lexicons, alt
from warledger.errors import LexiconError
from warledger.places.capitals import capital_of
from warledger.types import ControlClaim, Evidence, Place, Precision, When

# Changes dated this long before publication are background, not news of the report.
BACKGROUND_DAYS = 60
# Prepositions that introduce a place.
PLACE_PREPS = {
    "in",
    "at",
    "near",
    "on",
    "from",
    "into",
    "outside",
    "around",
    "across",
    "towards",
    "toward",
    "inside",
    "of",
    "to",
    "within",
    "between",
    "off",
    "along",
    "onto",
    "through",
    "north",
    "south",
    "east",
    "west",
}
_NP_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "punct", "flat"}
_ARMED_KINDS = {"state force", "non-state armed group", "coalition"}
_NOT_ACTOR_KINDS = {"monitor", "media", "civilians", "international organisation"}
_SPEECH = {"say", "confirm", "tell", "report", "claim", "add", "state", "announce", "explain", "note", "warn"}
_PERSON_NOUNS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officer",
    "commander",
    "minister",
    "governor",
    "leader",
    "activist",
    "resident",
    "witness",
    "director",
    "chief",
    "head",
    "member",
    "mayor",
}
_ARMED_NOUNS = {
    "militiaman",
    "militiamen",
    "army",
    "military",
    "troop",
    "force",
    "soldier",
    "militant",
    "rebel",
    "gunman",
    "fighter",
    "militia",
    "insurgent",
    "jihadist",
    "police",
    "gang",
    "faction",
}
_TOWN_REFERENCE = re.compile(r"\bthe (town|village|city|settlement)\b", re.I)
# Nouns for the members of a non-state armed group: "the gangs", "the insurgents" point back at
# the group the text named before.
_BAND_NOUNS = {
    "insurgent",
    "militant",
    "jihadist",
    "jihadi",
    "extremist",
    "rebel",
    "separatist",
    "terrorist",
    "fighter",
    "militia",
    "gang",
}
_UNIT_NOUNS = {
    "brigade",
    "battalion",
    "regiment",
    "division",
    "army",
    "force",
    "forces",
    "group",
    "movement",
    "front",
    "corps",
    "militia",
    "unit",
    "committee",
    "council",
    "ministry",
    "agency",
    "office",
    "government",
    "command",
}
_ADMIN_UNITS = {
    "township",
    "region",
    "province",
    "state",
    "district",
    "county",
    "governorate",
    "oblast",
    "division",
    "prefecture",
    "department",
    "municipality",
    "lga",
}
# "linked to X", "loyal to X", "affiliated with X": fighters of X.
_ALLEGIANCE = {"link", "linked", "loyal", "affiliate", "affiliated", "allied", "aligned", "tied"}
# Victims of displacement are not a side that loses ground ("forced two million people from their homes").
_CIVILIAN_NOUNS = {
    "people",
    "civilian",
    "resident",
    "family",
    "villager",
    "inhabitant",
    "household",
    "person",
}
# Sites inside a place: a change on one is a partial change of the place around it, and "the last
# outpost on the edge of P" is placed by its own phrase, wherever "the" points.
_FACILITIES = {
    "headquarters",
    "base",
    "barracks",
    "airport",
    "airbase",
    "garrison",
    "outpost",
    "post",
    "checkpoint",
    "compound",
    "camp",
}
# nouns for settlements of one size: a reference by one never means a place called by the other
_SETTLEMENT_SIZES = ({"village", "villages", "hamlet"}, {"town", "city"})
# parts of a town named only by reference ("the eastern neighbourhoods")
_TOWN_PARTS = {"neighbourhood", "neighborhood", "district", "quarter", "suburb"}
# a town reference never means a site the text called a camp or a base (a site lies in a town)
_SITE_NOUNS = {"camp", "base", "airport", "barracks"}
_PRONOUNS = {"it", "they", "its", "their", "our", "we", "he", "she", "them", "his", "her"}


# ---------------------------------------------------------------------- lexicon
class _Family(BaseModel):
    lemmas: list[str]
    needs_control_object: list[str] = []
    nouns: list[str] = []
    noun_done_verbs: list[str] = []
    particles: list[str] = []
    examples: list[str] = []
    counter_examples: list[str] = []


class _Status(BaseModel):
    lemmas: list[str]
    not_objects: list[str]


class ControlLex(BaseModel):
    gain: _Family
    expel: _Family
    loss: _Family
    fall: _Family
    status: _Status
    place_nouns: list[str]
    partial_words: list[str]
    contested_phrases: list[str]
    realised_heads: list[str]
    modal_words: list[str]
    compass_words: list[str]
    admin_suffixes: list[str]
    feature_prefixes: list[str] = []
    feature_suffixes: list[str] = []
    share_words: dict[str, float]
    sub_unit_nouns: list[str] = []
    transfer_verbs: list[str] = []
    road_nouns: list[str] = []
    facility_nouns: list[str] = []
    terrain_nouns: list[str] = []
    name_particles: list[str] = []
    english_particles: list[str] = []


def read_lexicon(name: str, model: type[BaseModel], lang: str = "en") -> BaseModel:
    """One YAML lexicon of ours, validated; a bad entry names the file and field."""
    path = resources.files("warledger") / "data" / "lexicons" / lang / name
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read lexicon: {exc}", source=name) from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LexiconError(f"entry {where}: {first['msg']}", source=name) from exc


@lru_cache(maxsize=2)
def load_control_lexicon(lang: str = "en") -> ControlLex:
    return read_lexicon("control.yaml", ControlLex, lang)  # type: ignore[return-value]


# ---------------------------------------------------------------------- shared reading helpers
@dataclass(slots=True)
class ActorRef:
    name: str
    kind: str | None = None
    country: str | None = None
    known: bool = False


_REPORTING = {"say", "claim", "announce", "state", "add", "confirm", "report", "insist", "declare"}


def _armed_noun(tok: Token) -> bool:
    low = tok.lemma_.lower()
    if low.endswith("men"):
        low = low[:-3] + "man"  # "Gunmen" opening a sentence is tagged a name and keeps its plural
    return low in _ARMED_NOUNS or (low.endswith("s") and low[:-1] in _ARMED_NOUNS)


def _bounds(places: list, firsts: tuple[Token, ...], lasts: tuple[Token, ...]) -> tuple[int, int]:
    """Evidence offsets (in the paragraph) from the earliest of ``firsts`` and the named places
    to the end of the latest of ``lasts`` and the places."""
    spans = [p for p in places if isinstance(p, Span)]
    start = min([t.idx for t in firsts] + [p.start_char for p in spans])
    end = max([t.idx + len(t.text) for t in lasts] + [p.end_char for p in spans])
    return start, end


def np_tokens(tok: Token) -> list[Token]:
    """The noun phrase of a head without its clauses, appositions and prepositions."""
    keep = [tok]
    stack = [c for c in tok.children if c.dep_ in _NP_DEPS and c.i < tok.i]
    while stack:
        c = stack.pop()
        if c.is_punct and c.text not in ("-", "'", "’"):
            continue
        keep.append(c)
        stack.extend(x for x in c.children if x.dep_ in _NP_DEPS)
    keep.sort(key=lambda t: t.i)
    # a contiguous stretch ending at the head
    out = [tok]
    for t in reversed(keep[:-1] if keep[-1].i == tok.i else keep):
        if t.i == out[0].i - 1:
            out.insert(0, t)
        elif t.i < out[0].i - 1:
            break
    while out and out[0].dep_ in ("det", "punct", "case") and out[0].i < tok.i:
        out.pop(0)
    return out


def proper_span(tok: Token) -> Span:
    """The name a proper-noun token belongs to: its entity, or the run of proper nouns around it."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"):
        s, e = ent.start, ent.end
        # an entity run across a list ("Ardel, Brisk") is cut at the commas around the token
        for k in range(tok.i - 1, s - 1, -1):
            if doc[k].text in (",", ";") or doc[k].lower_ in ("and", "or"):
                s = k + 1
                break
        for k in range(tok.i + 1, e):
            if doc[k].text in (",", ";") or doc[k].lower_ in ("and", "or"):
                e = k
                break
        while s < e - 1 and doc[s].lower_ in ("the", "a"):
            s += 1
        return doc[s:e]

    def part(t: Token) -> bool:
        return (
            t.pos_ == "PROPN"
            or t.text in ("-", "‘", "’")
            or (t.is_title and t.pos_ in ("NOUN", "ADJ", "ADP") and t.i != tok.sent.start)
        )

    s = tok.i
    while s - 1 >= tok.sent.start and part(doc[s - 1]) and doc[s - 1].lower_ not in ("the",):
        s -= 1
    e = tok.i + 1
    while e < tok.sent.end and (
        doc[e].text == "-" or (doc[e - 1].text == "-" and part(doc[e])) or doc[e].pos_ == "PROPN"
    ):
        e += 1
    while s < tok.i and doc[s].text in ("-", "‘", "’"):
        s += 1
    while e > tok.i + 1 and doc[e - 1].text in ("-", "‘", "’"):
        e -= 1
    return doc[s:e]


_DATELINE = re.compile(r"^[A-Z][^.!?\n]{0,70}?\s(?:-|—|–|--)\s")


def dateline_end(sent: Span) -> int | None:
    """Token index where a news dateline ("GOMA, DR Congo (AFP) - ") ends, if the sentence opens with one."""
    if sent.start != 0:
        return None
    m = _DATELINE.match(sent.text)
    if m is None:
        return None
    head = sent.text[: m.end()]
    # a dateline is a capitalised place, maybe a date and an agency in brackets; not a clause
    if not (head.split(",")[0].split()[0].isupper() or "(" in head or len(head.split()) <= 3):
        return None
    cs = sent.doc.char_span(sent.start_char + m.end() - 1, sent.start_char + m.end(), alignment_mode="expand")
    return cs.end if cs is not None else None


def after_dateline(subj: Token, verb: Token, end: int) -> Token:
    """The subject the parser lost to a dateline: the first noun phrase after it that is not a date."""
    chunks = [
        c
        for c in subj.doc.noun_chunks
        if end <= c.start
        and c.end <= verb.i
        and c.root.ent_type_ not in ("DATE", "TIME")
        and c.root.dep_ != "pobj"
    ]
    return chunks[0].root if chunks else subj


class Reader:
    """Per-document helpers over the parse shared by the control and event extractors."""

    def __init__(self, ctx: DocContext, lex: ControlLex):
        self.ctx = ctx
        self.lex = lex
        self.place_nouns = set(lex.place_nouns)
        self.compass = set(lex.compass_words)
        self.admin_re = re.compile(r"\s+" + alt(lex.admin_suffixes) + r"$", re.I)
        # "Mount X", "X airport": a feature named after the locality whose control is told
        feats = [*(rf"^{re.escape(w)}\s+" for w in lex.feature_prefixes)]
        feats += [rf"\s+{re.escape(w)}$" for w in lex.feature_suffixes]
        self.feature_re = re.compile("|".join(feats), re.I) if feats else None
        self.facility_nouns = set(lex.facility_nouns)
        self.terrain_nouns = set(lex.terrain_nouns)
        self.particles = set(lex.name_particles)
        self.english_particles = set(lex.english_particles)
        self.town_nouns = {
            "town",
            "city",
            "village",
            "hamlet",
            "settlement",
            "locality",
            "neighbourhood",
            "neighborhood",
        }
        self.wide_units = {"province", "region", "governorate", "oblast", "state", "district", "county"}
        self._main_place: Place | None | bool = False
        self._known: dict[str, bool] = {}
        self._abbrevs: dict[str, ActorRef] | None = None
        self._places: dict[int, list[Span]] = {}

    # ---- actors -------------------------------------------------------------------
    def actor(self, tok: Token | None, sent: Sentence, avoid: set[str] | None = None) -> ActorRef | None:
        """The actor a noun phrase names: the phrase, its head, its possessor, or coreference."""
        if tok is None:
            return None
        ctx = self.ctx
        at = sent.abs(tok.idx)
        if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
            return self.pronoun_actor(tok, sent, avoid)
        # "The Arakan Army (AA) ... the AA": the document's own abbreviation over the list's namesake
        defined = self.abbreviations().get(tok.text)
        if defined is not None:
            return defined
        toks = np_tokens(tok)
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ == "ORG"), None)
        if (
            ent is not None
            and ent.end > tok.i + 1
            and any(t.lower_ == "of" for t in ent[tok.i - ent.start :])
        ):
            # "The Coordination of Azawad Movements": the name runs past its head
            r = ctx.resolve_actor(ent.text, sent.abs(ent.start_char), strict=True)
            if r is not None and r.known:
                return ActorRef(r.name, r.kind, r.country, True)
        cut = dateline_end(sent.span)
        if cut:
            toks = [t for t in toks if t.i >= cut]  # "GOMA - Rebels ...": the dateline names no one
        doc = tok.doc
        tries = []
        if toks:
            tries.append(doc[toks[0].i : toks[-1].i + 1].text)
        # "armed youth known as the X": the name it goes by
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call"):
                named = self._pobj_of(c, ("as",))
                if named is not None:
                    ref = self.actor(named, sent, avoid)
                    if ref is not None and ref.known:
                        return ref
        # "X's forces", "forces of X"
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
        m = re.match(r"(?i)pro-\s*(\S+)", tries[0]) if tries else None
        if m and _armed_noun(tok):
            # "pro-X forces" fight for X
            r = ctx.resolve_actor(m.group(1), at, strict=True)
            if r is not None and r.known:
                return ActorRef(r.name, r.kind, r.country, True)
        tries.append(tok.text)
        if _armed_noun(tok):
            # "X and allied factions" parsed as a modifier X with its own "and": X leads the side
            for c in tok.children:
                if (
                    c.dep_ in ("nmod", "compound")
                    and c.i < tok.i
                    and c.pos_ == "PROPN"
                    and any(k.dep_ == "cc" and k.lower_ == "and" for k in c.children)
                ):
                    lead = self.actor(c, sent, avoid)
                    if lead is not None and lead.known and lead.kind in _ARMED_KINDS:
                        return lead
        if of is not None and _armed_noun(tok):
            # "armed gangs of the X coalition", "gunmen from X": the named group they belong to
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ not in _PRONOUNS:
                owner = self.actor(pobj, sent)
                if owner is not None and owner.known and owner.kind in _ARMED_KINDS:
                    return owner
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")), None)
        if det is not None:
            tries.append(f"the {tok.text}")  # "the ministry", "the group": coreference
            if tok.lemma_.lower() in _BAND_NOUNS:
                # "the gangs" after "the Viv Ansanm gang coalition": the side named before, over the
                # country's generic description
                earlier = self.description_actor(tok, sent)
                if earlier is not None and earlier.known:
                    return earlier
        for text in tries:
            r = ctx.resolve_actor(text, at, strict=True)
            if r is not None and r.known and (r.kind or "") not in _NOT_ACTOR_KINDS:
                return ActorRef(r.name, r.kind, r.country, True)
        # "Yemen's Houthi rebels", "Fano militiamen": the name modifying an armed noun is the side,
        # before any possessor (a country owns its rebels only in the grammar)
        if _armed_noun(tok):
            for c in tok.children:
                if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and c.pos_ == "PROPN":
                    words = [t for t in proper_span(c) if t.ent_type_ not in ("DATE", "TIME")]
                    name = doc[words[0].i : words[-1].i + 1] if words else proper_span(c)
                    r = ctx.resolve_actor(name.text, at, strict=False)
                    if (
                        r is not None
                        and (r.kind or "") not in _NOT_ACTOR_KINDS
                        and not self.is_country_name(name.text)
                    ):
                        return ActorRef(r.name, r.kind, r.country, r.known)
        if poss is not None:
            if poss.lower_ in _PRONOUNS:
                owner = self.pronoun_actor(poss, sent, avoid)
            else:
                owner = self.actor(poss, sent)
            if owner is not None:
                return self.forces_of(owner)
        if of is not None:
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if pobj is not None and tok.lemma_.lower() in (
                "force",
                "troop",
                "soldier",
                "fighter",
                "member",
                "unit",
                "wing",
                "militant",
            ):
                owner = self.actor(pobj, sent)
                if owner is not None:
                    return owner
        # "insurgents linked to X", "militias loyal to X": the side they belong to
        for c in tok.children:
            if c.dep_ in ("acl", "amod") and c.lemma_.lower() in _ALLEGIANCE:
                owner_tok = self._pobj_of(c, ("to", "with"))
                owner = self.actor(owner_tok, sent) if owner_tok is not None else None
                if owner is not None and owner.known:
                    return owner
        # NORP modifiers: "Russian advances", "Ukrainian army"
        norp = [c for c in tok.children if c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound", "nmod")]
        if norp:
            r = ctx.resolve_actor(f"{norp[0].text} forces", at, strict=True)
            if r is not None and r.known:
                return ActorRef(r.name, r.kind, r.country, True)
        for text in tries:
            r = ctx.resolve_actor(text, at, strict=False)
            if r is not None and (r.known or self._named(tok)) and (r.kind or "") not in _NOT_ACTOR_KINDS:
                ref = ActorRef(r.name, r.kind, r.country, r.known)
                # a country that takes or holds ground does so with its armed forces
                return self.forces_of(ref) if tok.ent_type_ == "GPE" and not r.known else ref
        described = self.description_actor(tok, sent)
        if described is None and _armed_noun(tok):
            text = doc[toks[0].i : toks[-1].i + 1].text if toks else tok.text
            # "pro-X forces" fight for X
            m = re.match(r"(?i)pro-\s*(.+?)(?:\s+(?:forces|troops|fighters|militias?|units))?$", text)
            if m:
                r = ctx.resolve_actor(m.group(1), at, strict=True)
                if r is not None and r.known:
                    return ActorRef(r.name, r.kind, r.country, True)
            # an armed side the list cannot place is kept as written ("the army")
            return ActorRef(text)
        return described

    def abbreviations(self) -> dict[str, ActorRef]:
        """Abbreviations the document defines for armed actors: "the Arakan Army (AA)"."""
        if self._abbrevs is None:
            self._abbrevs = {}
            for sent in self.ctx.sentences:
                toks = list(sent.span)
                for k in range(2, len(toks) - 1):
                    ab, open_, close = toks[k], toks[k - 1], toks[k + 1]
                    if open_.text != "(" or close.text != ")" or not ab.text.isupper() or len(ab.text) < 2:
                        continue
                    name = proper_span(toks[k - 2])
                    initials = "".join(w[0] for w in name.text.replace("-", " ").split() if w[:1].isupper())
                    if not name.text or not initials or initials[0] != ab.text[0]:
                        continue
                    r = self.ctx.resolve_actor(name.text, sent.abs(name.start_char), strict=True)
                    if r is not None and r.known and r.kind in _ARMED_KINDS:
                        self._abbrevs.setdefault(ab.text, ActorRef(r.name, r.kind, r.country, True))
        return self._abbrevs

    @staticmethod
    def _pobj_of(tok: Token, preps: tuple[str, ...]) -> Token | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    @staticmethod
    def _named(tok: Token) -> bool:
        if tok.i == tok.sent.start and tok.lower_ not in _ARMED_NOUNS and _armed_noun(tok):
            return False  # "Troops have ...": capitalised only by its place in the sentence
        return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or tok.is_title

    def forces_of(self, owner: ActorRef) -> ActorRef:
        """A government body or a country speaks for its armed forces ("its forces")."""
        if owner.kind in _ARMED_KINDS:
            return owner
        if not owner.known:
            # a country named as the actor ("Russia said it had captured")
            r = self.ctx.actors.resolve(f"{owner.name}'s army")
            if r is not None and r.known and r.kind == "state force":
                return ActorRef(r.name, r.kind, r.country, True)
        if owner.country:
            r = self.ctx.actors.resolve("army", country=owner.country)
            if r is not None and r.known:
                return ActorRef(r.name, r.kind, r.country, True)
        return owner

    def description_actor(self, tok: Token, sent: Sentence) -> ActorRef | None:
        """ "the insurgents", "the militants", "the army": the nearest earlier actor that fits."""
        low = tok.lemma_.lower()
        if low not in _ARMED_NOUNS and low.endswith("s") and low[:-1] in _ARMED_NOUNS:
            low = low[:-1]  # "Troops" opening a sentence is tagged a name and keeps its plural
        if low in ("troop", "force", "soldier"):
            # bare "troops" in a state's statement ("the ministry said troops had taken") are its
            # own forces, even abroad; otherwise the army of the country reported on
            a = self.ctx.attribution(sent)
            for name in a.chain if a else []:
                r = self.ctx.resolve_actor(name, strict=True)
                if r is not None and r.known and r.kind in ("state force", "government body"):
                    own = self.forces_of(ActorRef(r.name, r.kind, r.country, True))
                    if own.kind == "state force":
                        return own
            if self.ctx.main_country:
                r = self.ctx.actors.resolve("army", country=self.ctx.main_country)
                if r is not None and r.known:
                    return ActorRef(r.name, r.kind, r.country, True)
        if low in ("army", "military", "troop", "force", "soldier", "government") and self.ctx.main_country:
            r = self.ctx.actors.resolve(low, country=self.ctx.main_country)
            if r is not None and r.known:
                return ActorRef(r.name, r.kind, r.country, True)
        if low in _BAND_NOUNS or low in ("group", "organization", "organisation"):
            earlier = list(reversed(self.actors_before(sent.abs(tok.idx))))
            named = self.named_before(sent.abs(tok.idx))
            # "the gangs" after "gangs of the Viv Ansanm coalition": the side the text named, over
            # the country's generic description the plain noun also resolves to
            for r in earlier:
                if r.known and r.kind == "non-state armed group" and r.name in named:
                    return r
            # "the separatists": an earlier side whose own name says it ("Ambazonian separatists")
            for r in earlier:
                if r.known and r.kind == "non-state armed group" and low in r.name.lower():
                    return r
            for r in earlier:
                if r.kind in (None, "non-state armed group") and r.name.lower() not in (
                    "militants",
                    "rebels",
                ):
                    return r
        return None

    def pronoun_actor(self, tok: Token, sent: Sentence, avoid: set[str] | None = None) -> ActorRef | None:
        """ "it"/"they" as subject: an earlier actor in the sentence ("the militants ... as they
        captured"); "its"/"their"/"our" forces: the side speaking, as the attribution says;
        else the nearest earlier armed actor."""
        avoid = avoid or set()
        if tok.dep_ != "poss":
            for t in reversed(list(sent.span[: tok.i - sent.span.start])):
                if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in _PRONOUNS and t.ent_type_ != "PERSON":
                    r = self.actor(t, sent)
                    if (
                        r is not None
                        and r.name not in avoid
                        and (r.kind in _ARMED_KINDS or r.kind in (None, "government body"))
                    ):
                        return self.forces_of(r) if r.kind == "government body" or not r.known else r
        # "The ministry said its forces had ...": the reporting verb's subject
        verb = tok.head if tok.dep_ != "poss" else tok.head.head
        for anc in [verb, *verb.ancestors]:
            if anc.lemma_.lower() in (
                "say",
                "claim",
                "announce",
                "report",
                "add",
                "state",
                "confirm",
                "tell",
                "indicate",
            ):
                subj = next((c for c in anc.children if c.dep_ == "nsubj" and c.i != tok.i), None)
                end = dateline_end(sent.span)
                if subj is not None and end is not None and subj.i < end:
                    subj = after_dateline(subj, anc, end)
                if subj is not None and subj.lower_ not in _PRONOUNS:
                    owner = self.actor(subj, sent)
                    if owner is not None and owner.name not in avoid:
                        return self.forces_of(owner)
                elif subj is not None:
                    # "They said their fighters had ...": the speaker the paragraph last named
                    owner = self.previous_speaker(sent, subj)
                    if owner is not None and owner.name not in avoid:
                        return self.forces_of(owner)
                break
        a = self.ctx.attribution(sent)
        for name in a.chain if a else []:
            r = self.ctx.resolve_actor(name, strict=True)
            if (
                r is not None
                and r.known
                and (r.kind in _ARMED_KINDS or r.kind == "government body")
                and r.name not in avoid
            ):
                return self.forces_of(ActorRef(r.name, r.kind, r.country, True))
        for r in reversed(self.actors_before(sent.abs(tok.idx))):
            if (r.kind in _ARMED_KINDS or r.kind == "government body") and r.name not in avoid:
                return self.forces_of(r)
        return None

    def previous_speaker(self, sent: Sentence, before: Token) -> ActorRef | None:
        """The armed side or government body that last spoke in the paragraph, for a
        pronoun that goes on with its statement ("They said ...")."""
        for j in range(sent.index, -1, -1):
            s = self.ctx.sentences[j]
            if s.para is not sent.para:
                break
            subjects = [
                t
                for t in s.span
                if t.dep_ == "nsubj"
                and t.head.lemma_.lower() in _SPEECH
                and t.lower_ not in _PRONOUNS
                and t.ent_type_ != "PERSON"
                and (j != sent.index or t.i < before.i)
            ]
            for t in reversed(subjects):
                r = self.actor(t, s)
                if r is not None and (r.kind in _ARMED_KINDS or r.kind == "government body" or not r.known):
                    return r
        return None

    def named_before(self, at: int) -> set[str]:
        """Actors the text called by a proper name before ``at`` ("Viv Ansanm", "ISWAP"), not
        only by a description ("armed gangs")."""
        out = set()
        for s, e, a in self.ctx.actor_mentions:
            if s >= at:
                break
            words = self.ctx.document.text[s:e].split()
            if not words or not a.known:
                continue
            one = words[0]
            if any(w[:1].isupper() for w in words[1:]) or (
                len(words) == 1
                and one[:1].isupper()
                and one.lower().rstrip("s") not in _ARMED_NOUNS | _BAND_NOUNS
            ):
                out.add(a.name)
        return out

    def actors_before(self, at: int) -> list[ActorRef]:
        out = []
        for s, _e, a in self.ctx.actor_mentions:
            if s >= at:
                break
            if a.known and (a.kind or "") not in _NOT_ACTOR_KINDS:
                out.append(ActorRef(a.name, a.kind, a.country, True))
        # named organisations the actor list lacks ("Taliban" before the lists land)
        for sent in self.ctx.sentences:
            if sent.start >= at:
                break
            # an ORG the tagger gave a place's name ("the villages of Koro") is that place
            placed = {self.place_key(p.text) for p in self.places_in(sent)}
            for ent in sent.span.ents:
                if (
                    ent.label_ == "ORG"
                    and sent.abs(ent.start_char) < at
                    and self.place_key(ent.text) not in placed
                ):
                    start = ent.start
                    while (
                        start > sent.span.start
                        and ent.doc[start - 1].ent_type_ == "NORP"
                        and ent.doc[start - 1].is_title
                    ):
                        start -= 1
                    text = ent.doc[start : ent.end].text
                    r = self.ctx.resolve_actor(text, sent.abs(ent.start_char))
                    if r is not None and not r.known and (r.kind or "") not in _NOT_ACTOR_KINDS:
                        out.append(ActorRef(r.name, r.kind, r.country, False))
        return out

    # ---- places -------------------------------------------------------------------
    def is_country_name(self, name: str) -> bool:
        p = self.ctx.resolve_place(name)
        return p.precision == "country"

    def place_of_token(self, tok: Token, sent: Sentence) -> Span | None:
        """The named place a token stands for, when it is a name and not an actor."""
        if tok.pos_ not in ("PROPN",) and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            if transliterated_name(tok):
                return tok.doc[tok.i : tok.i + 1]  # "in Turmus'ayya": a name, however tagged
            # "its post of Tondo": an unknown name the tagger reads as a common noun, named by
            # its capital letter mid-sentence after "<place noun> of"
            if not (
                tok.is_title
                and tok.i != tok.sent.start
                and tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.lemma_.lower() in self.place_nouns
            ):
                return None
            return tok.doc[tok.i : tok.i + 1]
        span = proper_span(tok)
        if not span.text.strip() or span.text.lower() in self.place_nouns:
            return None
        if not any(ch.isupper() for ch in span.text):
            return None  # "the town administration office": a name is written with a capital
        # headline case: "Capture Last Town" names no place
        if (
            span[-1].lower_ in self.place_nouns
            and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span)
            and all(t.is_title or not t.is_alpha for t in span.sent if t.is_alpha and len(t) > 3)
        ):
            return None
        if any(t.ent_type_ in ("DATE", "TIME") for t in span):
            return None
        if span[-1].lemma_.lower() in _UNIT_NOUNS:
            return None  # "the 777 Brigade" is a force, not a place
        r = self.ctx.resolve_actor(span.text, sent.abs(span.start_char), strict=True)
        if (
            r is not None
            and r.known
            and (tok.ent_type_ not in ("GPE", "LOC", "FAC") or r.kind in _ARMED_KINDS)
        ):
            return None
        return self._with_particles(span, sent)

    @staticmethod
    def _has_of_name(tok: Token) -> bool:
        return any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
            for c in tok.children
        )

    def _name_as_adjective(self, mod: Token, noun: Token, sent: Sentence) -> bool:
        """ "Aleppo city" with the name tagged an adjective: a capitalised modifier of a town
        noun that is no people's adjective ("the Russian city" names no place)."""
        if mod.pos_ != "ADJ" or not mod.is_title or mod.i == sent.span.start:
            return False
        if noun.lemma_.lower() not in self.town_nouns or mod.dep_ not in ("amod", "compound", "nmod"):
            return False
        r = self.ctx.resolve_actor(f"{mod.text} forces", sent.abs(mod.idx), strict=True)
        return not (r is not None and r.known) and self.ctx.resolve_place(mod.text).lat is not None

    def named_places(self, tok: Token, sent: Sentence) -> list[Span]:
        """Places an object phrase names: itself and its coordinated list, "the town of X",
        "villages including A, B and C", "Herat city", "X frontlines"."""
        out: list[Span] = []
        p = self.place_of_token(tok, sent)
        listed = [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("including", "notably")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if p is None and listed and any(c.dep_ == "poss" for c in tok.children):
            # "most of Yemen's north including Sanaa": the places listed, not the owner
            for g in listed:
                out.extend(self.named_places(g, sent))
        if out:
            pass
        elif p is not None:
            out.append(p)
        else:
            mods = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < tok.i]
            # "the Congo mining town of Rubaya": a place noun with an of-name is named by it
            if tok.lemma_.lower() in self.place_nouns and self._has_of_name(tok):
                mods = []
            for c in sorted(mods, key=lambda c: c.dep_ == "poss"):
                if self._name_as_adjective(c, tok, sent):
                    out.append(tok.doc[c.i : c.i + 1])
                    break
                if c.pos_ == "PROPN":
                    sp = self.place_of_token(c, sent)
                    if sp is not None and not (self.is_country_name(sp.text) and self._has_of_name(tok)):
                        out.append(sp)
                        break
            if not out:
                for c in tok.children:
                    if (
                        c.dep_ == "prep"
                        and c.lower_ in ("of", "including", "like", "such")
                        or c.dep_ == "appos"
                    ):
                        targets = [c] if c.dep_ == "appos" else [g for g in c.children if g.dep_ == "pobj"]
                        if c.lower_ == "such":
                            targets = [g for a in c.children for g in a.children if g.dep_ == "pobj"]
                        for g in targets:
                            out.extend(self.named_places(g, sent))
                        if out:
                            break
        # coordinated places: "A, B, C and D"
        for c in tok.children:
            if c.dep_ == "conj":
                sp = self.place_of_token(c, sent)
                if sp is not None:
                    out.append(sp)
                    out.extend(x for x in self.named_places(c, sent)[1:])
                elif c.lower_ in self.place_nouns or c.lemma_.lower() in self.place_nouns:
                    # "captured A and B towns": the plural noun closing the list carries the last name
                    out.extend(self.named_places(c, sent))
        seen, uniq = set(), []
        for sp in out:
            if sp.start not in seen:
                seen.add(sp.start)
                uniq.append(sp)
        return uniq

    def _known_place(self, name: str) -> bool:
        if name not in self._known:
            found = self.ctx.lookup_place(name)
            self._known[name] = bool(found and found.lat is not None and found.country in self.ctx.countries)
        return self._known[name]

    def _road_end(self, tok: Token) -> bool:
        """A name that ends a road: "the road between A and B", "the A-B road"."""
        if tok.pos_ != "PROPN" and not tok.is_title:
            return False
        roads = set(self.lex.road_nouns)
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if (
            first.dep_ == "pobj"
            and first.head.lower_ in ("between", "to", "from")
            and first.head.head.lemma_.lower() in roads
        ):
            return True
        # compounds chained to the road noun, joined by a hyphen
        cur = tok
        for _ in range(3):
            if cur.dep_ != "compound":
                return False
            cur = cur.head
            if cur.lemma_.lower() in roads:
                return any(t.text in ("-", "–") for t in tok.doc[tok.i : cur.i]) or tok.nbor(1).text in (
                    "-",
                    "–",
                )
        return False

    def places_in(self, sent: Sentence) -> list[Span]:
        """Every named place in a sentence, in order (read once per sentence: the control,
        contest and reference passes ask for the same sentences many times)."""
        if sent.index not in self._places:
            self._places[sent.index] = self._read_places(sent)
        return list(self._places[sent.index])

    def _read_places(self, sent: Sentence) -> list[Span]:
        out: list[Span] = []
        seen: set[int] = set()
        skip_to = dateline_end(sent.span) or 0
        for tok in sent.span:
            if tok.i in seen or tok.i < skip_to:
                continue
            is_ent = tok.ent_type_ in ("GPE", "LOC", "FAC")
            slot = (
                tok.dep_ == "pobj"
                and tok.head.lower_ in PLACE_PREPS
                or tok.dep_ in ("compound",)
                and tok.head.lower_ in self.place_nouns
                and not self._names_an_actor(tok, sent)
                # "the town of X"
                or tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.lemma_.lower() in self.town_nouns
            )
            road = self._road_end(tok)
            if road:
                slot = True
            if (
                not is_ent
                and not slot
                and tok.pos_ == "PROPN"
                and tok.dep_ in ("dobj", "nsubjpass")
                and tok.head.pos_ == "VERB"
                and tok.ent_type_ not in ("PERSON", "NORP")
            ):
                # "besieged El Fasher": an object the tagger left untyped is a place when the
                # gazetteer knows it in the report's countries
                slot = self._known_place(proper_span(tok).text)
            if not is_ent and not slot and tok.pos_ == "PROPN":
                # "hit the Kadugli Teaching Hospital": a facility named after a town the gazetteer knows
                slot = self._facility_name(tok) is not None
            if transliterated_name(tok) and tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS | {"of"}:
                is_ent = True  # "killed in Turmus'ayya", tagged a common noun
            if tok.dep_ == "conj" and any(x.i in seen for x in tok.ancestors):
                slot = True
            if tok.dep_ == "appos" and tok.head.lemma_.lower() in self.place_nouns:
                slot = True  # "the Houthi-held capital, Sanaa"
            if not (is_ent or (tok.pos_ == "PROPN" and slot)):
                continue
            sp = self.place_of_token(tok, sent)
            if sp is None or not any(ch.isupper() for ch in sp.text):
                continue  # a place name is written with a capital ("from house to house" is none)
            roads = set(self.lex.road_nouns)
            if any(t.text in ("-", "–") for t in sp) and (
                sp.root.lemma_.lower() in roads or sp.root.head.lemma_.lower() in roads
            ):
                # "the Gorom-Markoye road" tagged as one name: the first town
                first = next((t for t in sp if t.is_alpha and t.is_title), None)
                if first is None:
                    continue
                sp = tok.doc[first.i : first.i + 1]
            if road:
                # "the Titao-Ouahigouya road": one town per name, not the pair
                sp = tok.doc[tok.i : tok.i + 1]
            elif not is_ent and tok.ent_type_ in ("PERSON", "NORP"):
                head = tok.head
                in_slot = head.lower_ in ("in", "at", "near", "on", "of") and (
                    head.head.lower_ in self.place_nouns or head.lower_ != "of"
                )
                in_list = tok.dep_ == "conj" and any(x.i in seen for x in tok.ancestors)
                if not in_slot and not in_list and head.lower_ not in self.place_nouns:
                    continue
            if (
                not is_ent
                and tok.ent_type_ == "ORG"
                and tok.head.lower_ in ("on", "through", "via", "from", "by", "with", "against", "to")
                and not any(t.lower_ in self.place_nouns for t in tok.subtree)
            ):
                continue  # "on Telegram", "through its radio": media and groups, not places
            root = sp.root
            if root.dep_ in ("compound", "amod", "nmod") and _armed_noun(root.head):
                continue  # "Puntland forces", "Kharkiv police": whose forces, not where
            if (
                root.dep_ in ("compound", "amod")
                and root.head.pos_ == "NOUN"
                and root.head.i > root.i
                and root.head.lemma_.lower() not in self.place_nouns
                and root.head.lemma_.lower() not in self.lex.road_nouns
                and not road
                and not self.sub_unit(sp)
                and not (root.ent_type_ in ("GPE", "LOC", "FAC") and self._known_place(sp.text))
            ):
                continue  # "the Isha prayer", "mainly Tuareg former rebels": a name describing a thing
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _SPEECH:
                continue  # "Eyewitnesses said": a speaker, whatever the tagger thinks
            if any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in root.children) and not self._known_place(
                sp.text
            ):
                continue  # "mainly Tuareg former rebels" parsed with the people as a name's object
            if any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_NOUNS for c in root.children):
                continue  # "Nuri Mehmud, a YPG spokesman"
            out.append(sp)
            seen.update(range(sp.start, sp.end))
        return out

    def previous_places(
        self,
        sent: Sentence,
        before_token: int | None = None,
        plural: int | None = None,
        noun: str | None = None,
    ) -> list[Span | Place]:
        """The place(s) the text last named before a reference ("the town", "those two frontlines").
        A singular reference goes to the document's main place when the text named it lately."""
        sents = self.ctx.sentences
        recent: list[Span] = []
        excluded: set[str] = set()
        for j in range(sent.index, max(-1, sent.index - 6), -1):
            s = sents[j]
            if s.para.index < sent.para.index - 2:
                break
            spans = self.places_in(s)
            if j == sent.index:
                spans = [p for p in spans if before_token is not None and p.end <= before_token]
            spans = [p for p in spans if not self.is_country_name(p.text) and not self.region(p)]
            if noun:
                spans = [p for p in spans if not self.sub_unit(p)]  # "Sector 4" is inside the town meant
            if noun in self.town_nouns or noun in _FACILITIES:
                spans = [p for p in spans if not self.wide(p)]  # a town or a base is not a province
            before = list(spans)
            for size in _SETTLEMENT_SIZES:
                if noun in size:
                    # "the city" is no place the text called a village
                    others = {n for other in _SETTLEMENT_SIZES if other is not size for n in other}
                    spans = [p for p in spans if not any(self._called(p, o) for o in others | _SITE_NOUNS)]
                    excluded.update(self.place_key(p.text) for p in before if p not in spans)
            if not spans:
                continue
            if plural:
                groups = self._groups(spans)
                for g in reversed(groups):
                    if len(g) == plural:
                        return list(g)
                return list(groups[-1])
            if noun:
                # "the same village": a place the text called a village
                named_so = [p for p in spans if self._called(p, noun)]
                if named_so:
                    return [named_so[-1]]
            located = [
                p
                for p in spans
                if p.root.dep_ == "pobj" and p.root.head.lower_ in ("in", "at", "near", "inside")
            ]
            if j == sent.index and noun in self.town_nouns and located:
                # "executed two officials in P, and took parts of the town": the place just named
                return [located[-1]]
            recent.extend(reversed(spans))
        if not plural:
            main = self.main_place()
            if main is not None and (
                self.place_key(main.name) in excluded or self._called_otherwise(main, noun)
            ):
                main = None
            if main is not None and any(self.place_key(p.text) == self.place_key(main.name) for p in recent):
                return [main]
            if recent:
                return [recent[0]]
            if main is not None:
                return [main]
        return []

    def _called_otherwise(self, place: Place, noun: str | None) -> bool:
        """Whether the text anywhere calls this place by a noun a reference by `noun` rules out."""
        size = next((sz for sz in _SETTLEMENT_SIZES if noun in sz), None)
        if size is None:
            return False
        others = {n for other in _SETTLEMENT_SIZES if other is not size for n in other} | _SITE_NOUNS
        key = self.place_key(place.name)
        return any(
            self._called(p, o)
            for s in self.ctx.sentences
            for p in self.places_in(s)
            if self.place_key(p.text) == key
            for o in others
        )

    @staticmethod
    def _called(span: Span, noun: str) -> bool:
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        prev = (
            span.doc[span.start - 2] if span.start >= 2 and span.doc[span.start - 1].lower_ == "of" else None
        )
        root = span.root
        # "the villages of A and B": B is called so through the list it closes
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() == noun:
            return True
        # "the Zamzam displacement camp": the noun the name modifies
        head = root
        while head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i:
            head = head.head
            if head.lemma_.lower() == noun:
                return True
        # "a third village, Qoz Bainai" / "Qoz Bainai, a village": called so in apposition
        appos = [root.head] if root.dep_ == "appos" else []
        appos += [c for c in root.children if c.dep_ == "appos"]
        return any(t.lower_ == noun for t in span) or any(
            t is not None and t.lower_ == noun for t in (nxt, prev, *appos)
        )

    @staticmethod
    def _groups(spans: list[Span]) -> list[list[Span]]:
        """Coordinated names ("A, B and C") form one list; "X in Y, Z Region" is a hierarchy."""
        groups: list[list[Span]] = []
        for sp in spans:
            if groups:
                last = groups[-1][-1]
                gap = sp.doc[last.end : sp.start]
                joined = all(t.lower_ in (",", "and", "or", "&") for t in gap) and len(gap) <= 2
                coordinated = sp.root.dep_ == "conj" or any(t.lower_ in ("and", "or", "&") for t in gap)
                if joined and coordinated:
                    groups[-1].append(sp)
                    continue
            groups.append([sp])
        # "Ywathit Village, Pale Township, Sagaing Region" is one place and the units it lies in
        return [g[:1] if len(g) > 1 and all(Reader._unit_named(x) for x in g[1:]) else g for g in groups]

    @staticmethod
    def _unit_named(span: Span) -> bool:
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        words = {t.lower_ for t in span} | ({nxt.lower_} if nxt is not None else set())
        return bool(words & _ADMIN_UNITS)

    def wide(self, span: Span) -> bool:
        """A province or region rather than a town ("Anbar province")."""
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        return any(t.lower_ in self.wide_units for t in span) or (
            nxt is not None and nxt.lower_ in self.wide_units
        )

    def region_name(self, name: str) -> bool:
        """A place told by a bearing ("northern Syria"); a capitalised bearing is part of a name
        ("South Waziristan", "North Kivu")."""
        return any(w.lower() in self.compass and not w[:1].isupper() for w in name.split())

    def strip_compass(self, name: str) -> str:
        """ "northern Syria" → "Syria": events are placed on the unit the region lies in."""
        return " ".join(w for w in name.split() if w.lower() not in self.compass) or name

    def sub_unit(self, span: Span) -> bool:
        """A numbered part of a town ("Ward 3", "Sector 4 neighbourhood"): no gazetteer name."""
        doc = span.doc
        words = list(doc[span.start : min(len(doc), span.end + 1)])
        units = set(self.lex.sub_unit_nouns)
        return any(
            w.lower_ in units and n + 1 < len(words) and words[n + 1].like_num for n, w in enumerate(words)
        )

    def region(self, span: Span) -> bool:
        return any(t.lower_ in self.compass for t in span)

    def main_place(self) -> Place | None:
        """The non-country place the document names most: where "the town" is when nothing nearer is."""
        if self._main_place is False:
            counts: Counter = Counter()
            for s in self.ctx.sentences:
                for p in self.places_in(s):
                    if not self.is_country_name(p.text) and not self.region(p):
                        counts[self.place_key(p.text)] += 1 if not self.ctx.is_title(s) else 0
            names: dict[str, str] = {}
            for s in self.ctx.sentences:
                for p in self.places_in(s):
                    names.setdefault(self.place_key(p.text), p.text)
            best = counts.most_common(1)
            self._main_place = self.place(names[best[0][0]]) if best and best[0][1] >= 2 else None
        return self._main_place or None

    @staticmethod
    def place_key(name: str) -> str:
        n = re.sub(r"[^a-z0-9]+", "", name.lower().replace("’s", "").replace("'s", ""))
        return re.sub(r"(city|town|village|province|region|district|township|oblast)$", "", n) or n

    def place(self, name: str) -> Place:
        name = re.sub(r"[’']s$", "", name.strip())
        found = self.ctx.resolve_place(name)
        if found.lat is None:
            short = self.admin_re.sub("", name).strip()
            if self.feature_re is not None:
                short = self.feature_re.sub("", short).strip()
            if short and short != name:
                found = self.ctx.resolve_place(short)
            if found.lat is None:
                found = self._facility_town(name) or self._feature_near(name) or found
        return found

    def _feature_near(self, name: str) -> Place | None:
        """ "Rafah crossing", "Mosul dam" unknown to the gazetteer: the feature keeps its name,
        at the point of the place it is named after."""
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in self.terrain_nouns:
            return None
        base = self.ctx.resolve_place(" ".join(words[:-1]))
        if base.lat is None or base.precision == "country":
            return None
        return Place(
            name=name,
            lat=base.lat,
            lon=base.lon,
            country=base.country,
            admin1=base.admin1,
            precision=base.precision,
        )

    def _names_an_actor(self, tok: Token, sent: Sentence) -> bool:
        """ "Islamic State": a name and the place noun it modifies that together name a side."""
        doc = tok.doc
        name = doc[proper_span(tok).start : tok.head.i + 1]
        r = self.ctx.resolve_actor(name.text, sent.abs(name.start_char), strict=True)
        return r is not None and r.known and r.kind in _ARMED_KINDS

    def _with_particles(self, sp: Span, sent: Sentence) -> Span:
        """A name the tagger cut at a lower-case particle ("Tal as Sultan", "Mocimboa da Praia",
        "Ras al Ain"): the whole name. An English word among the particles ("as", "at") joins
        only when a place noun, punctuation or the sentence's end follows ("the Tal as Sultan
        area"), so "Kyiv as Russia pressed on" stays two names."""
        doc = sp.doc
        s, e = sp.start, sp.end
        end = sent.span.end
        # "Sultan" reached first: step back over "Tal as"
        if (
            s - 2 >= sent.span.start
            and doc[s - 1].lower_ in self.particles
            and doc[s - 1].is_lower
            and doc[s - 2].pos_ == "PROPN"
            and doc[s - 2].is_title
        ):
            first = s - 2
            while first - 1 >= sent.span.start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
                first -= 1
            e_after = doc[e] if e < end else None
            english = doc[s - 1].lower_ in self.english_particles
            if (
                not english
                or e_after is None
                or e_after.is_punct
                or e_after.lemma_.lower() in self.place_nouns
            ):
                if (
                    self.ctx.resolve_actor(doc[first : s - 1].text, sent.abs(doc[first].idx), strict=True)
                    is None
                ):
                    s = first
        while e + 1 < end and doc[e].lower_ in self.particles and doc[e].is_lower and doc[e + 1].is_title:
            k = e + 2
            while k < end and doc[k].pos_ == "PROPN" and doc[k].is_title:
                k += 1
            after = doc[k] if k < end else None
            if doc[e].lower_ in self.english_particles and not (
                after is None or after.is_punct or after.lemma_.lower() in self.place_nouns
            ):
                break
            if self.ctx.resolve_actor(doc[e + 1 : k].text, sent.abs(doc[e + 1].idx), strict=True) is not None:
                break  # "Gaza as Hamas": a side, not the rest of a name
            e = k
        # "the Philadelphi corridor", "the Messalo river": a named feature keeps its noun
        if e < end and doc[e].is_lower and doc[e].lemma_.lower() in self.terrain_nouns:
            e += 1
        return doc[s:e] if (s, e) != (sp.start, sp.end) else sp

    def _facility_name(self, tok: Token) -> str | None:
        """The whole name of a facility a proper noun opens ("Kadugli Teaching Hospital", "the
        Kadugli hospital") when its town is in the gazetteer."""
        sp = proper_span(tok)
        end = sp.end
        if (
            sp[-1].lower_ not in self.facility_nouns
            and end < len(tok.doc)
            and tok.doc[end].lower_ in self.facility_nouns
        ):
            end += 1
        name = tok.doc[sp.start : end].text
        return name if self._facility_town(name) is not None else None

    def _facility_town(self, name: str) -> Place | None:
        """ "Dabat Primary Hospital", "Kadugli Girls' School": a facility named after its town
        stands on that town when the gazetteer does not know the facility."""
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in self.facility_nouns:
            return None
        for k in range(len(words) - 1, 0, -1):
            found = self.ctx.resolve_place(" ".join(words[:k]))
            if found.lat is not None and found.precision == "town":
                return found
        return None

    # ---- time ---------------------------------------------------------------------
    def when(self, sent: Sentence, anchor: Token | None) -> When | None:
        """The time nearest the trigger in its sentence; else the last day the text named before;
        else the publication day."""
        ctx = self.ctx
        ms = [t for t in ctx.times_in(sent.start, sent.end) if t.when is not None]
        if anchor is not None:
            # "retook P, which the rebels had held since February": the relative clause dates
            # another state of affairs, not the trigger
            asides = [
                (sent.abs(r.left_edge.idx), sent.abs(r.right_edge.idx + len(r.right_edge)))
                for r in sent.span
                if r.dep_ == "relcl" and anchor not in r.subtree
            ]
            ms = [t for t in ms if not any(a <= t.start and t.end <= b for a, b in asides)]
        if ms:
            pos = sent.abs(anchor.idx) if anchor is not None else sent.start
            ms.sort(key=lambda t: abs(t.start - pos))
            if anchor is not None:
                # "said on Sunday that its fighters had captured P on Thursday": the change's own
                # clause dates it; the telling's day only when the clause names none
                # (a dateline the parser hung on the verb dates the report, not the change)
                lo = max(sent.abs(anchor.left_edge.idx), ctx.dateline_end(sent))
                hi = sent.abs(anchor.right_edge.idx + len(anchor.right_edge))
                own = [
                    t
                    for t in ms
                    if lo <= t.start
                    and t.end <= hi
                    and t.kind == "point"
                    and t.when.precision == Precision.DAY
                ]
                if own:
                    return own[0].when
            return ms[0].when
        return self.last_day_before(sent.start) or ctx.publication_day()

    def last_day_before(self, at: int) -> When | None:
        best = None
        for t in self.ctx.time_mentions:
            if t.start >= at:
                break
            if (
                t.when is not None
                and t.when.precision == Precision.DAY
                and t.kind not in ("since", "period", "until")
            ):
                best = t.when
        return best

    def background(self, sent: Sentence, anchor: Token | None) -> bool:
        """A time in the clause that ends well before publication: background. A relative
        clause that does not hold the anchor ("..., which it annexed in 2014") tells its own time."""
        if anchor is not None and any(c.dep_ == "mark" and c.lower_ == "since" for c in anchor.children):
            return True  # "their furthest advance since they seized X": the yardstick, not the news
        pub = self.ctx.published
        if pub is None:
            return False
        aside: list[tuple[int, int]] = []
        text = sent.text
        if anchor is not None:
            for t in sent.span:
                if t.dep_ == "relcl" and anchor not in t.subtree and t.head.i != anchor.i:
                    sub = list(t.subtree)
                    aside.append((sent.abs(sub[0].idx), sent.abs(sub[-1].idx + len(sub[-1]))))
            for a, b in sorted(aside, reverse=True):
                text = text[: a - sent.start] + text[b - sent.start :]
        for t in self.ctx.times_in(sent.start, sent.end):
            if any(a <= t.start < b for a, b in aside):
                continue
            w = t.when
            if w is None:
                continue
            end = w.end or w.start
            if t.kind in ("since",):
                continue
            if end is not None and end < pub - timedelta(days=BACKGROUND_DAYS):
                return True
        return bool(
            re.search(r"\b(?:last year|years? ago|in (?:19|20)\d\d)\b", text, re.I)
        ) and not self._this_year(sent)

    @staticmethod
    def pluperfect_background(verb: Token) -> bool:
        """ "X had made gains": past perfect told by the writer is background; under a
        reporting verb ("said its forces had taken") it is the news, backshifted."""
        cur = verb
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        # a gerund under a preposition takes the tense of its clause ("had made gains, including recapturing")
        if cur.dep_ == "pcomp":
            cur = next((a for a in cur.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "prep"), cur)
        if not any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in cur.children):
            return False
        for a in cur.ancestors:
            if a.lemma_.lower() in _SPEECH or a.lemma_.lower() in (
                "add",
                "indicate",
                "show",
                "post",
                "write",
            ):
                return False
        return cur.dep_ not in ("ccomp",)

    def _this_year(self, sent: Sentence) -> bool:
        pub = self.ctx.published
        return bool(pub and re.search(rf"\bin {pub.year}\b", sent.text))


# ---------------------------------------------------------------------- extractor
@dataclass(slots=True)
class _Item:
    claim: ControlClaim
    title: bool
    contested: bool = False
    mode: str = "gain"  # gain | expel | loss | fall | status
    places_key: str = ""
    extra: dict = field(default_factory=dict)


class ControlExtractor:
    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.cl = load_control_lexicon()
        c = self.cl
        self.gain = set(c.gain.lemmas)
        self.needs_control = set(c.gain.needs_control_object)
        self.expel = set(c.expel.lemmas)
        self.loss = set(c.loss.lemmas)
        self.fall = set(c.fall.lemmas)
        self.status = set(c.status.lemmas)
        self.not_objects = set(c.status.not_objects)
        self.partial_words = set(c.partial_words)
        self.modal = set(c.modal_words)
        self.realised = set(c.realised_heads)
        self.contested_re = re.compile(r"\b" + alt(c.contested_phrases) + r"\b", re.I)
        self.share_re = re.compile(
            r"\b(?:(\d+(?:\.\d+)?)|(" + alt(lex.counts.number_words) + r"))\s*(?:per ?cent|percent|%)", re.I
        )
        self.share_words = c.share_words
        # Why kept: events read them to tell a withdrawal from a capture.
        self.modes: dict[str, str] = {}

    # ---- entry point ----------------------------------------------------------------
    def extract(self, ctx: DocContext) -> list[ControlClaim]:
        rd = Reader(ctx, self.cl)
        items: list[_Item] = []
        for sent in ctx.sentences:
            try:
                items.extend(self._sentence(ctx, rd, sent))
            except (IndexError, KeyError, ValueError):  # a parse shape we do not read: skip the sentence
                continue
        return self._finish(ctx, rd, items)

    # ---- per sentence ---------------------------------------------------------------
    def _family(self, tok: Token) -> str | None:
        lem = tok.lemma_.lower()
        low = tok.lower_
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.is_title):
            if not (
                tok.tag_ in ("VBN", "VBD", "VBG") or low in ("overran", "retook", "took", "fell", "seized")
            ):
                return None
        for fam, words in (
            ("gain", self.gain),
            ("expel", self.expel),
            ("loss", self.loss),
            ("fall", self.fall),
            ("status", self.status),
        ):
            if lem in words or low in words or low.rstrip("s") in words or low.rstrip("d") in words:
                return fam
        return None

    def _unrealised(self, tok: Token) -> bool:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        cur = tok
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        for a in (tok, cur):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.modal for c in a.children):
                return True
        # infinitive of intent: "fighting to take", "threatened to push into", "efforts to drive out"
        if (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            or cur.tag_ == "VB"
            and cur.dep_ in ("xcomp", "acl", "advcl")
        ):
            head = cur.head
            # "were deployed to help retake": the helping is itself only a purpose
            if head.lemma_.lower() in self.realised and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in head.children
            ):
                return True
            return head.lemma_.lower() not in self.realised
        if cur.dep_ in ("pcomp",) and cur.head.lower_ in ("before", "without", "instead"):
            return cur.head.lower_ != "before"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
            return True
        return False

    def _subject(self, tok: Token) -> Token | None:
        cur = tok
        for _ in range(6):
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
            if subj is not None and subj.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
                return cur.head
            if subj is not None:
                return self._past_dateline(subj, cur)
            if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
                cur = cur.head
                continue
            if cur.dep_ == "relcl":
                return cur.head
            if cur.dep_ == "pcomp":
                # "Before the SDF pushing ISIS out": the gerund's own subject; else climb
                own = next((c for c in cur.children if c.dep_ in ("nsubj", "poss")), None)
                if own is not None:
                    return own
                return self._climb(cur.head)
            if cur.dep_ == "acl":
                return next((c for c in cur.children if c.dep_ in ("nsubj", "poss")), None)
            break
        return None

    def _climb(self, cur: Token) -> Token | None:
        """The doer of a gerund under a preposition: "the claim by X of capturing" → X;
        "X had made gains, including recapturing" → X."""
        for _ in range(6):
            if cur.pos_ in ("NOUN", "PROPN"):
                by = self._pobj(cur, ("by",))
                if by is not None:
                    return by
                poss = next((c for c in cur.children if c.dep_ == "poss"), None)
                if poss is not None:
                    return poss
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and cur.pos_ in ("VERB", "AUX"):
                return subj
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return None

    @staticmethod
    def _flat_clause(tok: Token) -> tuple[Token | None, Token | None]:
        """Subject and object of a finite verb the parser took for a modifier: in "X forces on
        Saturday captured P" the small model hangs "captured" on P as an adjective. A real
        adjective ("the captured town") has a determiner or adjective before it; a verb here
        follows its subject, with only a time phrase between."""
        if tok.dep_ not in ("amod", "compound") or tok.head.i <= tok.i or tok.head.pos_ != "PROPN":
            return None, None
        sent = tok.sent
        if tok.i == sent.start or tok.nbor(-1).pos_ in ("DET", "ADJ", "ADP", "PRON", "PUNCT", "NUM"):
            return None, None
        subj = ControlExtractor._left_noun(tok)
        return (subj, tok.head) if subj is not None else (None, None)

    @staticmethod
    def _left_noun(tok: Token) -> Token | None:
        """The noun phrase just before a verb the parser left without a subject, past adverbs
        and time phrases: "armed men linked to X still control P" → X's phrase."""
        sent = tok.sent
        skip = {"on", "yesterday", "today", "overnight", "night", "last", "early", "late", "finally"}
        j = tok.i - 1
        while j >= sent.start:
            t = tok.doc[j]
            if t.ent_type_ in ("DATE", "TIME") or t.lower_ in skip or t.dep_ == "advmod":
                j -= 1
                continue
            break
        if j < sent.start:
            return None
        subj = tok.doc[j]
        if subj.pos_ not in ("NOUN", "PROPN"):
            return None
        # climb modifiers to the noun phrase's head, staying left of the verb
        while subj.dep_ in ("compound", "amod", "nmod") and subj.i < subj.head.i < tok.i:
            subj = subj.head
        return subj

    @staticmethod
    def _past_dateline(subj: Token, verb: Token) -> Token:
        """ "BAGHDAD — The Islamic State seized ...": a dateline is not the subject."""
        end = dateline_end(subj.sent)
        if end is None or subj.i >= end:
            return subj
        return after_dateline(subj, verb, end)

    def _object(self, tok: Token) -> Token | None:
        return next((c for c in tok.children if c.dep_ in ("dobj", "obj", "attr", "oprd")), None)

    def _pobj(self, tok: Token, preps: tuple[str, ...]) -> Token | None:
        for c in tok.children:
            if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in preps:
                g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None:
                    return g
                # "out of": prt "out" then prep "of"
                for x in c.children:
                    if x.dep_ == "prep":
                        g = next((y for y in x.children if y.dep_ == "pobj"), None)
                        if g is not None:
                            return g
        return None

    @staticmethod
    def _pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
        """Every object of the given prepositions under a token, in order."""
        return [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children
            if g.dep_ == "pobj"
        ]

    def _control_target(self, obj: Token) -> Token:
        """ "control of the town of X" → town; "most of the city" → city."""
        cur = obj
        for _ in range(3):
            if (
                cur.lemma_.lower()
                in (
                    "control",
                    "most",
                    "part",
                    "much",
                    "all",
                    "some",
                    "half",
                    "rest",
                    "bulk",
                    "majority",
                    "percent",
                    "%",
                )
                or cur.like_num
            ):
                nxt = self._pobj(cur, ("of", "over"))
                if nxt is None:
                    break
                # "most of the countryside of P": the later "of" names the place the share is of
                later = [t for t in self._pobjs(cur, ("of",)) if t.i > nxt.i and t.pos_ == "PROPN"]
                cur = later[-1] if later else nxt
            else:
                break
        return cur

    def _sentence(self, ctx: DocContext, rd: Reader, sent: Sentence) -> Iterator[_Item]:
        title = ctx.is_title(sent)
        for tok in sent.span:
            if tok.lemma_.lower() == "control" and tok.pos_ == "NOUN":
                yield from self._control_phrase(ctx, rd, sent, tok, title)
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.cl.gain.nouns:
                yield from self._nominal_gain(ctx, rd, sent, tok, title)
                continue
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.cl.transfer_verbs:
                yield from self._handover(ctx, rd, sent, tok, title)
                continue
            fam = self._family(tok)
            if fam is None:
                continue
            if self._unrealised(tok) and fam != "status":
                continue
            if fam == "status":
                yield from self._status(ctx, rd, sent, tok, title)
                continue
            if rd.background(sent, tok) or rd.pluperfect_background(tok):
                continue
            passive = any(c.dep_ == "auxpass" for c in tok.children) or (
                tok.tag_ == "VBN"
                and tok.dep_ in ("acl", "relcl")
                and not any(c.dep_ == "dobj" for c in tok.children)
            )
            gainer_tok = loser_tok = obj = None
            partial = False
            lem = tok.lemma_.lower()
            if fam == "gain":
                if passive:
                    obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                    if obj is None and tok.dep_ in ("acl", "relcl"):
                        obj = tok.head
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    gainer_tok = (
                        next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if agent is not None
                        else None
                    )
                else:
                    gainer_tok = self._subject(tok)
                    obj = self._object(tok)
                    if obj is None:
                        obj = self._pobj(tok, ("of", "over"))  # "took control over", "retook control of"
                    if obj is None and gainer_tok is None:
                        gainer_tok, obj = self._flat_clause(tok)
                if obj is None:
                    continue
                # "overran the X Forces (XF) garrison in P", parsed with the garrison as an apposition
                # of the side: the garrison is what was taken, from that side
                held = next(
                    (c for c in obj.children if c.dep_ == "appos" and c.lemma_.lower() in rd.place_nouns),
                    None,
                )
                side = rd.actor(obj, sent) if held is not None else None
                if held is not None and side is not None and side.known and side.kind in _ARMED_KINDS:
                    loser_tok, obj = obj, held
                if lem == "occupy" and tok.tag_ in ("VBZ", "VBP") and obj.lemma_.lower() != "control":
                    # "Russia occupies about 70% of the oblast": a standing, when told as a share
                    yield from self._status(ctx, rd, sent, tok, title, share_only=True)
                    continue
                # "insurgents occupied the town of P for two days": a side took P, however briefly
                occupied = lem == "occupy" and tok.tag_ == "VBD" and bool(rd.named_places(obj, sent))
                if lem in self.needs_control and obj.lemma_.lower() != "control" and not occupied:
                    # "entered and secured" stand alone only in a coordinated pair with a gain
                    if not (tok.dep_ == "conj" and self._family(tok.head) == "gain") and not any(
                        self._family(c) == "gain" for c in tok.children if c.dep_ == "conj"
                    ):
                        continue
                if (
                    lem == "take"
                    and obj.lemma_.lower() not in ("control", "back")
                    and not any(c.lower_ == "back" for c in tok.children)
                    and not self._placeish(rd, obj, sent)
                ):
                    continue
                if lem in ("take", "seize", "capture") and self._people_or_things(obj):
                    continue
                origin = self._pobj(tok, ("from",))
                if origin is not None and origin.i < tok.i:
                    # "Gunmen from the X coalition took P": the parser hung the subject's "from" on
                    # the verb; it tells who the subject are, not who lost P
                    if gainer_tok is not None and _armed_noun(gainer_tok) and gainer_tok.i < origin.i:
                        gainer_tok = origin
                    origin = None
                loser_tok = (
                    origin or self._pobj(obj, ("from",)) or loser_tok or self._holder_of_site(rd, sent, obj)
                )
                if obj.lemma_.lower() == "control" and self._pobj(obj, ("of", "over")) is None:
                    # "imposed their control over P": the parser may hang "over P" on the verb
                    obj = self._pobj(tok, ("over", "of", "on")) or obj
                target = self._control_target(obj)
                partial = self._partial_phrase(obj, target)
                obj = target
            elif fam == "expel":
                particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")}
                gainer_tok = self._subject(tok) if not passive else None
                if passive:
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    gainer_tok = (
                        next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if agent is not None
                        else None
                    )
                    loser_tok = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                else:
                    loser_tok = self._object(tok)
                if loser_tok is not None and loser_tok.lemma_.lower() in _CIVILIAN_NOUNS:
                    continue
                cleared_from = (
                    self._pobj(tok, ("from",))
                    or (self._pobj(loser_tok, ("from",)) if loser_tok is not None else None)
                    if lem == "clear" and not passive
                    else None
                )
                if cleared_from is not None:
                    # "cleared the bandits from P": the object is the side removed
                    obj = cleared_from
                elif lem == "clear" and not passive:
                    # "cleared P of X": the object is the place
                    obj, loser_tok = loser_tok, self._pobj(tok, ("of",))
                    if obj is None or loser_tok is None and not self._placeish(rd, obj, sent):
                        continue
                else:
                    if not particles & {"out", "from", "away"}:
                        continue
                    obj = self._pobj(tok, ("from", "out")) or (
                        self._pobj(loser_tok, ("from", "out")) if loser_tok is not None else None
                    )
                    if obj is None:
                        continue
                target = self._control_target(obj)
                partial = self._partial_phrase(obj, target)
                obj = target
            elif fam == "loss":
                loser_tok = self._subject(tok)
                if lem in ("lose", "cede", "surrender", "abandon", "evacuate"):
                    obj = self._object(tok)
                    if obj is None:
                        continue
                    if (
                        lem == "lose"
                        and obj.lemma_.lower() == "territory"
                        and any(c.lower_ == "all" for c in obj.children)
                    ):
                        yield from self._lost_all(ctx, rd, sent, tok, obj, loser_tok, title)
                        continue
                    if lem in ("evacuate", "surrender", "abandon") and not self._placeish(rd, obj, sent):
                        continue
                    if (
                        lem == "lose"
                        and obj.lemma_.lower() != "control"
                        and not self._placeish(rd, obj, sent)
                    ):
                        continue
                    gainer_tok = self._pobj(tok, ("to",))
                else:
                    if passive:
                        continue
                    obj = self._pobj(tok, ("from", "out"))
                    if obj is None:
                        continue
                target = self._control_target(obj)
                partial = self._partial_phrase(obj, target)
                obj = target
            elif fam == "fall":
                subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
                gainer_tok = self._pobj(tok, ("to", "into"))
                if subj is None:
                    continue
                if tok.lower_ == "fall" and tok.dep_ not in ("ROOT", "conj", "ccomp") and not title:
                    continue
                # "fell into the hands of X"
                if gainer_tok is not None and gainer_tok.lemma_.lower() == "hand":
                    gainer_tok = self._pobj(gainer_tok, ("of",))
                if (
                    gainer_tok is None
                    and not any(c.dep_ == "aux" for c in tok.children)
                    and tok.tag_ not in ("VBD", "VBN", "VBZ")
                ):
                    continue
                if (
                    self._pobj(tok, ("in", "by")) is not None
                    and gainer_tok is None
                    and subj.lemma_.lower() in ("number", "toll", "figure", "price", "rate")
                ):
                    continue
                target = self._control_target(subj)
                partial = self._partial_phrase(subj, target)
                obj = target
            if obj is None:
                continue
            places, part = self._places(rd, sent, obj)
            if not places:
                continue
            partial = partial or part
            loser = rd.actor(loser_tok, sent) if loser_tok is not None else None
            gainer = (
                rd.actor(gainer_tok, sent, avoid={loser.name} if loser else None)
                if gainer_tok is not None
                else None
            )
            if gainer is not None and loser is not None and gainer.name == loser.name:
                loser = None
            share = self._share(obj.sent if hasattr(obj, "sent") else sent.span, obj)
            when = rd.when(sent, tok)
            ev_start, ev_end = _bounds(places, (tok, obj), (tok, obj))
            if gainer_tok is not None and gainer is not None:
                ev_start = min(ev_start, gainer_tok.idx)
            for p in places:
                claim = self._claim(
                    ctx,
                    rd,
                    sent,
                    p,
                    (ev_start, ev_end),
                    kind="change",
                    actor=gainer.name if gainer else None,
                    from_actor=loser.name if loser else None,
                    partial=partial,
                    share=share,
                    when=when,
                )
                item = _Item(claim, title, mode=fam)
                item.extra["gainer"] = gainer
                item.extra["gainer_words"] = (
                    {t.lemma_.lower() for t in gainer_tok.subtree} if gainer_tok is not None else set()
                )
                item.extra["bare"] = (
                    gainer_tok.lemma_.lower()
                    if gainer_tok is not None
                    and gainer is not None
                    and not gainer.known
                    and not any(t.pos_ == "PROPN" or t.ent_type_ for t in gainer_tok.subtree)
                    else None
                )
                item.extra["loser"] = loser
                item.extra["sentence"] = sent
                yield item

    def _handover(
        self, ctx: DocContext, rd: Reader, sent: Sentence, tok: Token, title: bool
    ) -> Iterator[_Item]:
        """ "The TNLA handed Mogok over to the military": the receiver gains, the giver loses."""
        if not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "over" for c in tok.children):
            return
        if self._unrealised(tok) or rd.background(sent, tok) or rd.pluperfect_background(tok):
            return
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        obj = next((c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        if obj is None:
            obj = self._pobj(tok, ("over",))  # "handed over the town to X"
        receiver_tok = self._pobj(tok, ("to",))
        giver_tok = None if passive else self._subject(tok)
        if obj is None or receiver_tok is None:
            return
        places, part = self._places(rd, sent, self._control_target(obj))
        receiver = rd.actor(receiver_tok, sent)
        if not places or receiver is None:
            return
        giver = rd.actor(giver_tok, sent, avoid={receiver.name}) if giver_tok is not None else None
        ev_start, ev_end = _bounds(places, (tok,), (receiver_tok,))
        for p in places:
            claim = self._claim(
                ctx,
                rd,
                sent,
                p,
                (ev_start, ev_end),
                kind="change",
                actor=receiver.name,
                from_actor=giver.name if giver else None,
                partial=part,
                when=rd.when(sent, tok),
            )
            item = _Item(claim, title, mode="gain")
            item.extra["gainer"] = receiver
            item.extra["sentence"] = sent
            yield item

    def _nominal_gain(
        self, ctx: DocContext, rd: Reader, sent: Sentence, tok: Token, title: bool
    ) -> Iterator[_Item]:
        """ "its troops had completed the takeover of the eastern neighbourhoods of P", "the
        army's capture of P": a gain told as a noun, by its possessor or by the side that
        completed or announced it. A capture only spoken of ("to prevent the capture of P") is none."""
        obj = self._pobj(tok, ("of",))
        if obj is None:
            return
        gainer_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
        verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
        if gainer_tok is None:
            if verb is None or verb.lemma_.lower() not in self.cl.gain.noun_done_verbs:
                return
            if self._unrealised(verb) or verb.dep_ in ("xcomp",):
                return
            gainer_tok = self._subject(verb)
        if gainer_tok is None or rd.background(sent, verb or tok) or rd.pluperfect_background(verb or tok):
            return
        target = self._control_target(obj)
        places, part = self._places(rd, sent, target)
        if not places:
            return
        gainer = rd.actor(gainer_tok, sent)
        if gainer is None or gainer.kind not in _ARMED_KINDS and gainer.known:
            return
        partial = part or self._partial_phrase(obj, target) or obj.lemma_.lower() in self.partial_words
        ev_start, ev_end = _bounds(places, (gainer_tok, tok), (tok,))
        for p in places:
            claim = self._claim(
                ctx,
                rd,
                sent,
                p,
                (ev_start, ev_end),
                kind="change",
                actor=gainer.name,
                partial=partial,
                when=rd.when(sent, verb or tok),
            )
            item = _Item(claim, title, mode="gain")
            item.extra["gainer"] = gainer
            item.extra["sentence"] = sent
            yield item

    @staticmethod
    def _claim(
        ctx: DocContext,
        rd: Reader,
        sent: Sentence,
        place: Span | Place,
        span: tuple[int, int],
        *,
        kind: str,
        actor: str | None,
        when: When | None,
        partial: bool = False,
        share: float | None = None,
        from_actor: str | None = None,
    ) -> ControlClaim:
        """One control item told by ``sent``, with its sources, hedging and evidence; a share
        makes the extent "share"."""
        return ControlClaim(
            id=ctx.next_id("kx"),
            kind=kind,
            actor=actor,
            from_actor=from_actor,
            place=place if isinstance(place, Place) else rd.place(place.text),
            extent="share" if share is not None else ("partial" if partial else "full"),
            share=share,
            when=when,
            sources=ctx.sources(sent),
            hedged=ctx.hedged(sent),
            evidence=ctx.evidence(sent, *span),
        )

    def _placeish(self, rd: Reader, tok: Token, sent: Sentence) -> bool:
        return (
            bool(rd.place_of_token(tok, sent))
            or tok.lemma_.lower() in rd.place_nouns
            or tok.lower_ in rd.place_nouns
        )

    @staticmethod
    def _people_or_things(tok: Token) -> bool:
        return tok.lemma_.lower() in (
            "hostage",
            "prisoner",
            "captive",
            "vehicle",
            "weapon",
            "ammunition",
            "fighter",
            "soldier",
            "people",
            "civilian",
            "person",
            "member",
            "tank",
            "arm",
            "truck",
            "car",
            "life",
            "step",
            "part",
            "place",
            "note",
            "responsibility",
            "action",
            "measure",
            "time",
            "advantage",
        )

    def _partial_phrase(self, obj: Token, target: Token) -> bool:
        words = {t.lower_ for t in obj.subtree if t.i <= target.i} | {obj.lemma_.lower()}
        words |= {c.lower_ for c in target.children if c.dep_ in ("amod", "det", "nummod")}
        return bool(words & self.partial_words)

    def _share(self, span: Span, obj: Token) -> float | None:
        text = " ".join(t.text for t in obj.subtree)
        sub = list(obj.subtree)
        # "60 percent of the territory in P": the figure sits before the object head
        left = (
            obj.doc[max(sub[0].i - 3, span.start if isinstance(span, Span) else 0) : sub[0].i].text
            if sub
            else ""
        )
        m = self.share_re.search(left + " " + text)
        if m:
            if m.group(1):
                return round(float(m.group(1)) / 100, 4)
            n = self.lex.counts.number_words.get(m.group(2).lower())
            return round(n / 100, 4) if n is not None else None
        return None

    @staticmethod
    def _holder_of_site(rd: Reader, sent: Sentence, obj: Token) -> Token | None:
        """ "captured the last junta outpost", "overran an army base": the side named on the site
        held it."""
        if obj.lemma_.lower() not in _FACILITIES:
            return None
        for c in obj.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < obj.i:
                ref = rd.actor(c, sent)
                if ref is not None and ref.known and ref.kind in _ARMED_KINDS:
                    return c
        return None

    def _places(self, rd: Reader, sent: Sentence, obj: Token) -> tuple[list, bool]:
        """Named places of an object, or the place it refers back to; and whether the object
        is only a part of that place ("four villages in P", "positions on P")."""
        named = rd.named_places(obj, sent)
        if named:
            return named, False
        low = obj.lemma_.lower()
        is_place_noun = obj.lower_ in rd.place_nouns or low in rd.place_nouns
        num = next((c for c in obj.children if c.dep_ == "nummod"), None)
        det = next((c for c in obj.children if c.dep_ == "det"), None)
        definite = det is not None and det.lower_ in ("those", "these", "the", "this", "that")
        # "territory in P", "positions on those frontlines", "four villages in P": one preposition down,
        # every preposition tried ("a string of hilltops in the P area")
        loose = (
            not definite
            or obj.tag_ in ("NNS", "NNPS")
            or low in ("territory", "position", "area", "land")
            # "the last outpost on the eastern edge of P": a site placed by its own phrase
            or low in _FACILITIES
        )
        for inner in self._pobjs(obj, ("in", "on", "at", "near", "around", "inside", "of")) if loose else []:
            named = rd.named_places(inner, sent)
            if named and low in rd.facility_nouns and all(isinstance(p, Span) and rd.wide(p) for p in named):
                return [], False  # "overran a base in Borno state": a site taken, not the state
            if named and all(isinstance(p, Span) and rd.is_country_name(p.text) for p in named):
                return [], False  # "captured two provincial capitals in Afghanistan": not the country
            if named:
                return named, True
            if inner.lower_ in rd.place_nouns or inner.lemma_.lower() in rd.place_nouns:
                places, _ = self._places(rd, sent, inner)
                if places:
                    return places, True
        if low in _FACILITIES:
            # "the headquarters of the 777 Brigade in the P area": a site inside the place
            for t in obj.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near", "inside") and t.i > obj.i:
                    named = rd.named_places(t, sent)
                    if named:
                        return named, True
        if not is_place_noun:
            return [], False
        # numbered or bare plural places without names ("five villages") are not trackable
        if (num is not None or obj.tag_ in ("NNS", "NNPS")) and not definite:
            return [], False
        if low in ("territory", "land", "area", "swathe", "swath", "position", "positions") and not definite:
            return [], False
        plural = None
        if obj.tag_ in ("NNS", "NNPS"):
            plural = (self._number(num) if num is not None else None) or 2
        return rd.previous_places(sent, before_token=obj.i, plural=plural, noun=obj.lower_), False

    def _number(self, tok: Token) -> int | None:
        if tok.like_num and tok.text.isdigit():
            return int(tok.text)
        return self.lex.counts.number_words.get(tok.lower_)

    # ---- status ---------------------------------------------------------------------
    def _status(
        self, ctx: DocContext, rd: Reader, sent: Sentence, tok: Token, title: bool, share_only: bool = False
    ) -> Iterator[_Item]:
        lem = tok.lemma_.lower()
        if any(c.dep_ == "neg" for c in tok.children):
            return
        # past perfect ("had held the town for over a year") is background
        if any(c.lower_ == "had" and c.dep_ == "aux" for c in tok.children):
            return
        if any(c.dep_ == "prt" and c.lower_ in ("back", "off", "up", "on", "out") for c in tok.children):
            return
        obj = None
        if (lem in ("control", "hold") or share_only) and tok.pos_ in ("VERB",):
            # "have controlled P since 2014" is active (a perfect); a bare participle is passive
            perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)
            if (
                tok.dep_ == "amod"
                or tok.tag_ == "VBN"
                and not perfect
                and not any(c.dep_ == "agent" for c in tok.children)
            ):
                return
            obj = self._object(tok)
            holder_tok = self._subject(tok)
            if holder_tok is None and tok.tag_ in ("VBP", "VBZ", "VBD") and tok.dep_ in ("ccomp", "ROOT"):
                holder_tok = self._left_noun(tok)  # a clause the parser split from its subject
            if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
                agent = next(c for c in tok.children if c.dep_ == "agent")
                holder_tok = next((c for c in agent.children if c.dep_ == "pobj"), None)
                obj = (
                    tok.head
                    if tok.dep_ in ("acl", "relcl")
                    else next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                )
        elif lem in ("remain", "maintain", "retain", "keep"):
            holder_tok = self._subject(tok)
            obj = self._object(tok)
            if obj is None:
                obj = self._pobj(tok, ("in",))
            if obj is None:
                return
            if obj.lemma_.lower() == "control":
                obj = self._pobj(obj, ("of", "over"))
            elif not (lem in ("retain", "keep") and self._placeish(rd, self._control_target(obj), sent)):
                return  # "kept the pressure": only a place is kept
        else:
            return
        # a status needs its place named in the clause: "hold their positions there" is not one
        if obj is None or obj.lower_ in self.not_objects or obj.lemma_.lower() in self.not_objects:
            return
        if obj.pos_ == "PRON" and obj.lower_ in ("it", "them"):
            return
        if obj.lower_ in rd.compass:
            # "the X area north-east of the city" parsed with the bearing as the head: the area
            named = next((c for c in obj.children if c.dep_ == "compound" and c.i < obj.i), None)
            obj = named if named is not None else obj
        target = self._control_target(obj)
        share = self._share(sent.span, obj)
        places = rd.named_places(target, sent)
        if not places:
            inner = self._pobj(target, ("in", "of"))
            if inner is None:
                # "territory it once held in P": the place sits in the relative clause;
                # "localities north of P": a compass bearing from it
                for t in target.subtree:
                    if t.dep_ == "pobj" and (
                        t.head.lower_ in ("in", "near", "around")
                        or t.head.lower_ == "of"
                        and t.head.head.lower_ in rd.compass
                    ):
                        inner = t
                        break
            if inner is not None:
                places = rd.named_places(inner, sent)
        # a status on a place named only by reference ("most of the neighbourhoods") is a guess
        places = [p for p in places if not isinstance(p, Span) or not rd.region(p)]
        if not places:
            places = self._town_reference(rd, sent, target) or self._the_capital(rd, target)
        if not places:
            return
        if rd.background(sent, tok):
            return
        holder = rd.actor(holder_tok, sent)
        if holder is None:
            return
        share = share if share is not None else self._counted_share(obj)
        if share is None and share_only:
            return
        if share is None:
            # a standing over a whole country is a description of the war, not a tracked place
            places = [p for p in places if not isinstance(p, Span) or not rd.is_country_name(p.text)]
            if not places:
                return
            # present-tense control language only: the writer's simple past ("the militants
            # controlled most of the town") is a narrated episode, not a standing
            if (
                tok.tag_ == "VBD"
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
                and not self._backshifted(tok)
            ):
                return
        partial = (
            self._partial_phrase(obj, target)
            or target.lemma_.lower() in ("territory", "area", "land")
            or target.lemma_.lower() not in rd.town_nouns
            and target.lemma_.lower() in rd.place_nouns
            and not rd.named_places(target, sent)
        )
        # a share of territory is a standing ("ISIS controlled one percent of the territory")
        if self._told_as_present(tok):
            when = self._standing_when(ctx, sent, tok)
        else:
            when = None
        # "M23 now control the town": newly held, told as a standing — a change of hands
        # ("now controls 18% of the territory" stays a standing: a share is a tally, not a capture)
        now = (
            share is None
            and lem in ("control", "hold")
            and any(c.dep_ == "advmod" and c.lower_ == "now" for c in tok.children)
        )
        if now:
            when = rd.when(sent, tok)
        ev_start, ev_end = _bounds(places, (tok,), (tok,))
        for p in places:
            claim = self._claim(
                ctx,
                rd,
                sent,
                p,
                (ev_start, ev_end),
                kind="change" if now else "status",
                actor=holder.name,
                partial=partial,
                share=share,
                when=when,
            )
            item = _Item(claim, title, mode="gain" if now else "status")
            item.extra["sentence"] = sent
            yield item

    def _town_reference(self, rd: Reader, sent: Sentence, target: Token) -> list:
        """The town a definite reference means: "still control the village", "hold the city
        centre" — the town of that kind the text named last (a town, never an "area")."""
        noun = target
        if target.lemma_.lower() in _TOWN_PARTS:
            # "the eastern neighbourhoods", "the city's western districts": parts of the town told last
            det = next((c for c in target.children if c.dep_ in ("det", "poss")), None)
            if det is None or det.dep_ == "det" and det.lower_ not in ("the", "its", "their"):
                return []
            return rd.previous_places(sent, before_token=target.i, noun="town")
        if target.lemma_.lower() not in rd.town_nouns:
            noun = next(
                (
                    c
                    for c in target.children
                    if c.dep_ in ("compound", "nmod") and c.lemma_.lower() in rd.town_nouns
                ),
                None,
            )
            if noun is None:
                return []
        det = next((c for c in target.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that") or target.tag_ in ("NNS", "NNPS"):
            return []
        return rd.previous_places(sent, before_token=target.i, noun=noun.lemma_.lower())

    @staticmethod
    def _the_capital(rd: Reader, target: Token) -> list:
        """ "85 percent of the capital": the capital of the one country the report is about."""
        if target.lemma_.lower() != "capital" or target.tag_ != "NN":
            return []
        det = next((c for c in target.children if c.dep_ == "det"), None)
        if (
            det is None
            or det.lower_ != "the"
            or any(c.dep_ in ("poss", "compound", "amod") for c in target.children)
        ):
            return []
        countries = rd.ctx.countries
        name = capital_of(countries[0]) if len(countries) == 1 else None
        return [rd.place(name)] if name else []

    def _standing_when(self, ctx: DocContext, sent: Sentence, tok: Token) -> When | None:
        """The day a present standing is told for: a time in its own clause or in the clause
        of the verb that tells it ("said on Sunday that its forces hold"), else the report's day.
        Times of other clauses ("who control the north, have been trying since February") are
        not the standing's."""
        clause = self._clause_tokens(tok)
        teller = tok
        while teller.dep_ in ("conj", "xcomp") and teller.head.i != teller.i:
            teller = teller.head
        if teller.dep_ == "ccomp" and teller.head.lemma_.lower() in _REPORTING | {"tell"}:
            clause += self._clause_tokens(teller.head)
        elif tok.dep_ == "xcomp":
            clause += self._clause_tokens(tok.head)  # "claim on Monday to control"
        own = [
            t
            for t in ctx.times_in(sent.start, sent.end)
            if t.when is not None
            and any(sent.abs(x.idx) <= t.start < sent.abs(x.idx) + len(x) + 1 for x in clause)
        ]
        if not own:
            return ctx.publication_day()
        pos = sent.abs(tok.idx)
        return min(own, key=lambda t: abs(t.start - pos)).when

    def _told_as_present(self, tok: Token) -> bool:
        """A standing told in a present: simple ("controls"), perfect ("have controlled since
        2014"), passive ("which is controlled by"), negated ("do not control"), or backshifted."""
        if tok.tag_ in ("VBZ", "VBP") or tok.tag_ == "VBG" and tok.dep_ != "ROOT" or self._backshifted(tok):
            return True
        if tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.i != tok.i:
            return self._told_as_present(tok.head)  # "claim to control", "continue to hold"
        present_aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")]
        return any(c.lemma_.lower() in ("have", "be", "do") for c in present_aux)

    @staticmethod
    def _clause_tokens(verb: Token) -> list[Token]:
        """The verb's own clause: its subtree without clauses of their own hanging off it."""
        out = []
        skip: set[int] = set()
        for t in verb.subtree:
            if (
                t.i != verb.i
                and t.dep_ in ("relcl", "advcl", "ccomp", "conj", "parataxis", "acl")
                and t.pos_
                in (
                    "VERB",
                    "AUX",
                )
            ):
                skip.update(x.i for x in t.subtree)
        for t in verb.subtree:
            if t.i not in skip:
                out.append(t)
        return out

    @staticmethod
    def _backshifted(verb: Token) -> bool:
        """A simple past that reports a present standing: "sources said X still held P" (the
        tense follows the reporting verb) or "X now controlled P"."""
        if verb.tag_ != "VBD":
            return False
        if any(c.dep_ == "advmod" and c.lower_ in ("still", "now") for c in verb.children):
            return True
        return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING | {"tell"}

    def _counted_share(self, obj: Token) -> float | None:
        """ "14 of the region's 17 townships": a counted share of the units."""
        if not (obj.like_num and obj.text.isdigit()):
            return None
        of = self._pobj(obj, ("of",))
        total = next((c for c in of.children if c.dep_ == "nummod"), None) if of is not None else None
        if total is None or not total.text.isdigit() or int(total.text) <= int(obj.text):
            return None
        return round(int(obj.text) / int(total.text), 4)

    @staticmethod
    def lex_times(rd: Reader, sent: Sentence) -> list:
        return [t for t in rd.ctx.times_in(sent.start, sent.end) if t.when is not None]

    def _has_control(
        self, ctx: DocContext, rd: Reader, sent: Sentence, tok: Token, title: bool
    ) -> Iterator[_Item]:
        """ "The army says it now has operational control of the whole of the corridor": the
        subject of "have" holds the place of "control of/over"."""
        verb = tok.head
        if any(c.dep_ == "neg" for c in verb.children) or any(
            c.dep_ == "aux" and c.lower_ in self.modal for c in verb.children
        ):
            return
        if self._unrealised(verb) or rd.background(sent, verb) or rd.pluperfect_background(verb):
            return
        holder_tok = self._subject(verb)
        place_tok = self._pobj(tok, ("of", "over"))
        if holder_tok is None or place_tok is None:
            return
        target = self._control_target(place_tok)
        places, part = self._places(rd, sent, target)
        places = [p for p in places if not isinstance(p, Span) or not rd.region(p)]
        holder = rd.actor(holder_tok, sent)
        if not places or holder is None:
            return
        partial = part or self._partial_phrase(place_tok, target)
        ev_start, ev_end = _bounds(places, (verb,), (tok,))
        for p in places:
            claim = self._claim(
                ctx,
                rd,
                sent,
                p,
                (ev_start, ev_end),
                kind="status",
                actor=holder.name,
                partial=partial,
                share=self._share(sent.span, place_tok),
                when=self._standing_when(ctx, sent, verb),
            )
            yield _Item(claim, title, mode="status")

    def _control_phrase(
        self, ctx: DocContext, rd: Reader, sent: Sentence, tok: Token, title: bool
    ) -> Iterator[_Item]:
        """ "the gangs were still in control of the town centre", "P remains under the control
        of X", "P remained under X control": who holds a place, said with the noun."""
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "have":
            yield from self._has_control(ctx, rd, sent, tok, title)
            return
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("in", "under"):
            return
        verb = prep.head
        if verb.lemma_.lower() not in ("be", "remain", "stay") or any(c.dep_ == "neg" for c in verb.children):
            return
        if any(c.dep_ == "aux" and c.lower_ in self.modal for c in verb.children):
            return
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "conj":
            # "a town that hosts X and remains under military control": the first verb's subject
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return
        of = self._pobj(tok, ("of",))
        if prep.lower_ == "in":
            holder_tok, place_tok = subj, of
        else:
            owner = of or next(
                (c for c in tok.children if c.dep_ in ("poss", "compound", "amod") and c.pos_ != "DET"), None
            )
            if owner is not None and owner.dep_ == "amod" and rd.actor(owner, sent) is None:
                owner = None  # "under total control": a degree, not a holder
            holder_tok, place_tok = owner, subj
            if owner is None:
                # "the army said the area is now under total control": the speaker holds it
                holder_tok = self._speaker(verb)
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "a town that hosts X and remains under military control"
        if place_tok is not None and place_tok.lower_ in ("which", "that") and clause.dep_ == "relcl":
            place_tok = clause.head  # "P, which remains under X control": the antecedent
            if place_tok.dep_ == "appos" and place_tok.lemma_.lower() in rd.town_nouns:
                place_tok = place_tok.head  # "P, a town that ...": the town named
        if holder_tok is None or place_tok is None:
            return
        if rd.background(sent, verb):
            return
        places: list = rd.named_places(place_tok, sent)
        partial = self._partial_phrase(place_tok, place_tok)
        places = [p for p in places if not isinstance(p, Span) or not rd.region(p)]
        if not places:
            places = self._town_reference(rd, sent, place_tok)  # "in control of the town centre"
            partial = partial or place_tok.lemma_.lower() not in rd.town_nouns
        holder = rd.actor(holder_tok, sent)
        if not places or holder is None:
            return
        when = self._standing_when(ctx, sent, verb)
        # "M23 rebels are now in control of Bukavu": newly held — a change of hands
        now = prep.lower_ == "in" and any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children)
        if now:
            when = rd.when(sent, verb)
        ev_start, ev_end = _bounds(places, (verb,), (tok,))
        for p in places:
            claim = self._claim(
                ctx,
                rd,
                sent,
                p,
                (ev_start, ev_end),
                kind="change" if now else "status",
                actor=holder.name,
                partial=partial,
                when=when,
            )
            yield _Item(claim, title, mode="gain" if now else "status")

    @staticmethod
    def _speaker(verb: Token) -> Token | None:
        """The subject of the reporting verb a clause is said under ("the army said ...")."""
        for anc in verb.ancestors:
            if anc.lemma_.lower() in _REPORTING:
                subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
                return subj if subj is not None and subj.lower_ not in _PRONOUNS else None
        return None

    def _lost_all(self, ctx, rd, sent, tok, obj, loser_tok, title) -> Iterator[_Item]:
        """ "X has lost all territory it held in P": X holds none of P."""
        holder = rd.actor(loser_tok, sent)
        inner = next((t for t in obj.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"), None)
        if holder is None or inner is None:
            return
        for p in rd.named_places(inner, sent):
            claim = self._claim(
                ctx,
                rd,
                sent,
                p,
                (tok.idx, p.end_char),
                kind="status",
                actor=holder.name,
                share=0.0,
                when=None,
            )
            yield _Item(claim, title, mode="status")

    # ---- document level ---------------------------------------------------------------
    @staticmethod
    def _dated(ctx: DocContext, item: _Item) -> bool:
        """The item's sentence names a day of its own."""
        at = item.claim.evidence.start
        sent = next((s for s in ctx.sentences if s.start <= at < s.end), None)
        return sent is not None and any(
            t.when is not None and t.when.precision == Precision.DAY
            for t in ctx.times_in(sent.start, sent.end)
        )

    def _finish(self, ctx: DocContext, rd: Reader, items: list[_Item]) -> list[ControlClaim]:
        changes = [i for i in items if i.claim.kind == "change"]
        # the side the text shows advancing: the most frequent stated gainer
        gainers = Counter(i.claim.actor for i in changes if i.claim.actor)
        advancing = gainers.most_common(1)[0][0] if gainers else None
        losers = Counter(i.claim.from_actor for i in changes if i.claim.from_actor)
        for n, i in enumerate(changes):
            bare = i.extra.get("bare")
            if bare:
                # "factions captured P": the side an earlier gain named with the same noun
                # ("X and allied factions"), else the side the text shows advancing
                named = [
                    p.claim.actor
                    for p in changes[:n]
                    if bare in p.extra.get("gainer_words", ())
                    and p.extra.get("gainer") is not None
                    and p.extra["gainer"].known
                ]
                i.claim.actor = named[-1] if named else (advancing if advancing != i.claim.actor else None)
                if i.claim.actor == i.claim.from_actor:
                    i.claim.actor = None
        for i in changes:
            c = i.claim
            if c.actor is None:
                c.actor = advancing if advancing != c.from_actor else None
            if c.actor is None:
                c.actor = self._opponent(rd, c.from_actor, c.evidence.start)
            if c.from_actor is None:
                known = [n for n, _ in losers.most_common() if n != c.actor]
                c.from_actor = known[0] if known else self._opponent(rd, c.actor, c.evidence.start)
        # contested elsewhere in the document → partial
        for i in changes:
            if i.claim.extent == "full" and self._contested(ctx, rd, i):
                i.claim.extent = "partial"
        out: list[_Item] = []
        seen: dict[tuple, _Item] = {}
        for i in items:
            c = i.claim
            if c.actor is None or c.place is None:
                continue
            key = (c.kind, c.actor, rd.place_key(c.place.name))
            prev = seen.get(key)
            if prev is not None:
                # body over headline; a capture over the withdrawal that told the same change
                if (prev.title and not i.title) or (prev.mode == "loss" and i.mode != "loss" and not i.title):
                    out[out.index(prev)] = i
                    seen[key] = i
                    if prev.claim.extent == "partial" and i.claim.extent == "full":
                        i.claim.extent = "partial"
                    if i.claim.from_actor is None:
                        i.claim.from_actor = prev.claim.from_actor
                    if self._dated(ctx, prev) and not self._dated(ctx, i):
                        i.claim.when = prev.claim.when
                    i.claim.id = prev.claim.id
                else:
                    if c.extent == "partial" and prev.claim.extent == "full":
                        prev.claim.extent = "partial"
                    if prev.claim.from_actor is None:
                        prev.claim.from_actor = c.from_actor
                    if self._dated(ctx, i) and not self._dated(ctx, prev) and not i.title:
                        # a summary line first, the dated account later: the account dates it
                        prev.claim.when, prev.claim.evidence = c.when, c.evidence
                continue
            seen[key] = i
            out.append(i)
        # a headline change on a place the body also reports is the same change
        body_places = {
            rd.place_key(i.claim.place.name) for i in out if not i.title and i.claim.kind == "change"
        }
        # a headline summarises the body: its change by a side the body shows gaining is the same news
        body_gainers = {i.claim.actor for i in out if not i.title and i.claim.kind == "change"}
        out = [
            i
            for i in out
            if not (
                i.title
                and i.claim.kind == "change"
                and (rd.place_key(i.claim.place.name) in body_places or i.claim.actor in body_gainers)
            )
        ]
        claims = []
        for n, i in enumerate(out, start=1):
            i.claim.id = f"k{n}"
            self.modes[f"{ctx.document.id}:{i.claim.id}"] = i.mode
            claims.append(i.claim)
        return claims

    def _opponent(self, rd: Reader, side: str | None, at: int) -> str | None:
        """The other armed actor the document names most, for a gainer or loser only implied."""
        if side is None:
            return None
        counts: Counter = Counter()
        for _s, _e, a in rd.ctx.actor_mentions:
            if a.known and a.kind in _ARMED_KINDS and a.name != side:
                counts[a.name] += 1
        return counts.most_common(1)[0][0] if counts else None

    @staticmethod
    def _refers_to(rd: Reader, sent: Sentence, key: str) -> bool:
        """ "Fighting was ongoing in the village": a sentence that names no place but points back
        at the place ``key``."""
        m = _TOWN_REFERENCE.search(sent.text)
        if m is None or rd.places_in(sent):
            return False
        prev = rd.previous_places(sent, noun=m.group(1).lower())
        if not prev:
            return False
        p = prev[0]
        return rd.place_key(p.name if isinstance(p, Place) else p.text) == key

    def _contested(self, ctx: DocContext, rd: Reader, item: _Item) -> bool:
        key = rd.place_key(item.claim.place.name)
        sent0 = item.extra.get("sentence")
        for s in ctx.sentences:
            mentions = {rd.place_key(p.text) for p in rd.places_in(s)}
            same = key in mentions or (sent0 is not None and s is sent0) or self._refers_to(rd, s, key)
            if not same:
                continue
            if rd.background(s, None):
                continue
            spans = rd.places_in(s)
            for m in self.contested_re.finditer(s.text):
                # "captured A, and clashes continue on the outskirts of B": the fighting is at B
                after = [p for p in spans if p.start_char - s.span.start_char >= m.start()]
                if after and all(rd.place_key(p.text) != key for p in after):
                    continue
                return True
        return False


def mode_of(extractor: ControlExtractor, doc_id: str, claim: ControlClaim) -> str | None:
    return extractor.modes.get(f"{doc_id}:{claim.id}")


# ---------------------------------------------------------------------- control history
@dataclass(frozen=True, slots=True)
class Step:
    """One point in a place's control history: who gained or held it, when, from what report."""

    when: date | None
    kind: str
    actor: str | None
    from_actor: str | None
    extent: str
    share: float | None
    claim_id: str
    sources: tuple[str, ...]
    sentence: str

    def to_json(self) -> dict:
        return {
            "when": self.when.isoformat() if self.when else None,
            "kind": self.kind,
            "actor": self.actor,
            "from_actor": self.from_actor,
            "extent": self.extent,
            "share": self.share,
            "claim_id": self.claim_id,
            "sources": list(self.sources),
            "sentence": self.sentence,
        }


def _name_key(name: str) -> str:
    return Reader.place_key(name)


def control_claim_from_json(data: dict, claim_id: str | None = None) -> ControlClaim:
    """A control claim back from its extraction JSON (as the ledger stores it in `claims.data`)."""
    place = data.get("place")
    when = data.get("when")
    ev = data.get("evidence") or {}
    return ControlClaim(
        id=claim_id or data.get("id") or "",
        kind=data.get("kind") or "change",
        actor=data.get("actor"),
        from_actor=data.get("from_actor"),
        place=Place(**place) if place else None,
        extent=data.get("extent") or "full",
        share=data.get("share"),
        when=When(
            date.fromisoformat(when["start"]) if when.get("start") else None,
            date.fromisoformat(when["end"]) if when.get("end") else None,
            Precision(when.get("precision") or "day"),
        )
        if when
        else None,
        sources=list(data.get("sources") or []),
        hedged=bool(data.get("hedged")),
        evidence=Evidence(int(ev.get("start", 0)), int(ev.get("end", 0)), ev.get("sentence", "")),
    )


def control_history(
    claims: Iterable[ControlClaim], place_name: str, geonameid: int | None = None
) -> list[Step]:
    """The control claims about one place in date order (undated last, a change before a status
    on the same day); a place is the same by GeoNames id when both sides have one, else by its
    name without admin words ("Hevron town" = "Hevron")."""
    target = _name_key(place_name)
    steps = []
    for c in claims:
        if c.place is None:
            continue
        if geonameid is not None and c.place.geonameid is not None:
            if c.place.geonameid != geonameid:
                continue
        elif _name_key(c.place.name) != target:
            continue
        start = (c.when.start or c.when.end) if c.when else None
        steps.append(
            Step(
                when=start,
                kind=c.kind,
                actor=c.actor,
                from_actor=c.from_actor,
                extent=c.extent,
                share=c.share,
                claim_id=c.id,
                sources=tuple(c.sources),
                sentence=c.evidence.sentence,
            )
        )
    steps.sort(key=lambda s: (s.when is None, s.when or date.min, s.kind != "change"))
    return steps
