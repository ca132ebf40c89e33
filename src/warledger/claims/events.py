"""Events (ANNOTATION.md section 3): one ACLED-typed event per incident the report tells.

Cues come from ``event_types.yaml`` (tried in order, so "suicide attack" is a suicide bomb
before it is an attack). For each cue in a sentence the extractor:

1. drops it when it is not an incident of the report: negated, a forecast or an intent
   ("vowed to attack"), background, a campaign summary (a count of strikes, "increasing
   attacks", a period instead of a day), or a cause ("displaced due to attacks");
2. types attacks by their target: positions, bases or armed victims make a battle,
   villages and civilian victims an attack on civilians;
3. finds the place: the named place nearest the cue in the parse, one event per place of
   a coordinated list; else the place of the incident told just before in the paragraph;
4. takes the actors from the parse, the date nearest the cue (else the last day named
   before, else the publication day) and the fatalities from the casualty claims of the
   sentence (the sum of each side's toll).

Control changes (``ctx.control``) become Battles events: "Government regains territory"
when a state force takes ground from a non-state side in its own country, "Non-state actor
overtakes territory" otherwise, "Non-violent transfer of territory" when the text tells only
a withdrawal. Events with the same type, place and day are one event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from pydantic import BaseModel
from spacy.tokens import Span, Token

from warledger.claims.casualties import CasualtyExtractor
from warledger.claims.context import DocContext, Sentence
from warledger.claims.control import (
    ActorRef,
    Reader,
    dateline_end,
    load_control_lexicon,
    proper_span,
    read_lexicon,
)
from warledger.claims.lexicon import Lexicons, alt
from warledger.types import CasualtyClaim, ControlClaim, EventClaim, Place, Precision, When

_SUFFIX = r"(?:s|es|ed|d|ing|ment|ments)?"
_WITHDRAWAL = re.compile(
    r"\b(?:withdr[ae]w\w*|retreat\w*|pull\w* out|handed over|hand\w* over|evacuat\w*)\b", re.I
)
# signs of a fight around a withdrawal (a capture verb itself is none: "seized the town after
# the army withdrew" is a handover)
_FIGHTING = re.compile(
    r"\b(?:clash\w*|fight\w*|battl\w*|attack\w*|storm\w*|overr[au]n\w*|assault\w*|gunfire|shelling)\b", re.I
)
# prepositions that time one incident by another ("hours before the attack on P")
_RELATIVE_TO = {"before", "after", "following", "since"}
_ONGOING = re.compile(r"\b(?:still|ongoing|continu\w*|persist\w*)\b", re.I)
# "soldiers of X", "members of X": X is the force they belong to, not a place.
_PEOPLE_OF = {
    "soldier",
    "member",
    "fighter",
    "troop",
    "officer",
    "personnel",
    "commander",
    "militant",
    "unit",
}
_ASSAULTS = {"attack", "assault", "offensive", "advance", "raid", "incursion", "push", "counterattack"}
_REALISED = {"manage", "succeed", "begin", "start", "continue", "help"}
_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall"}
_INTENT = {
    "threaten",
    "vow",
    "plan",
    "warn",
    "fear",
    "expect",
    "prepare",
    "seek",
    "aim",
    "intend",
    "try",
    "attempt",
    "call",
    "urge",
    "pledge",
    "promise",
    "want",
    "prevent",
    "avoid",
    "deny",
    "condemn",
}


class _Entry(BaseModel):
    id: str
    event_type: str
    sub_event_type: str
    terms: list[str]
    pos: list[str] = []
    requires: list[str] = []
    target_dependent: bool = False
    examples: list[str] = []
    counter_examples: list[str] = []


class EventLex(BaseModel):
    entries: list[_Entry]
    intervention_words: list[str]
    military_targets: list[str]
    civilian_targets: list[str]
    summary_heads: list[str]
    summary_modifiers: list[str]
    purpose_words: list[str]
    hostage_words: list[str]
    crowd_words: list[str]
    impact_verbs: list[str]
    no_fight_phrases: list[str]
    munitions: list[str] = []
    period_phrases: list[str] = []
    speech_verbs: list[str] = []
    denial_words: list[str] = []
    facility_words: list[str] = []
    person_heads: list[str] = []
    duration_units: list[str] = []
    campaign_units: list[str] = []
    relative_days: dict[str, int] = {}
    relative_shift: dict[str, int] = {}
    ongoing_verbs: list[str] = []
    blame_verbs: list[str] = []
    area_nouns: list[str] = []
    bearing_words: list[str] = []


@lru_cache(maxsize=2)
def load_event_lexicon(lang: str = "en") -> EventLex:
    return read_lexicon("event_types.yaml", EventLex, lang)  # type: ignore[return-value]


@dataclass(slots=True)
class _Cue:
    entry: _Entry
    tok: Token
    start: int  # char offsets in the paragraph
    end: int


@dataclass(slots=True)
class _State:
    """The incident the paragraph is telling, for sentences that go on with it."""

    para: int = -1
    place: Place | None = None
    when: When | None = None
    entry: _Entry | None = None
    extra: dict = field(default_factory=dict)


class EventExtractor:
    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.el = load_event_lexicon()
        self.cl = load_control_lexicon()
        self.patterns = [
            (e, re.compile(r"(?<![\w-])" + alt(e.terms) + _SUFFIX + r"(?![\w-])", re.I))
            for e in self.el.entries
        ]
        self.military = set(self.el.military_targets)
        self.civilian = set(self.el.civilian_targets)
        self.summary_heads = set(self.el.summary_heads)
        self.summary_mods = set(self.el.summary_modifiers)
        self.purpose_re = re.compile(r"\b" + alt(self.el.purpose_words) + r"\b", re.I)
        self.intervention_re = re.compile(r"\b" + alt(self.el.intervention_words) + r"\b", re.I)
        self.hostage = set(self.el.hostage_words)
        self.crowd_re = re.compile(r"\b" + alt(self.el.crowd_words) + r"\b", re.I)
        self.impact = set(self.el.impact_verbs)
        self.no_fight_re = re.compile(r"\b" + alt(self.el.no_fight_phrases) + r"\b", re.I)
        self.munitions = set(self.el.munitions)
        self.period_re = re.compile(r"\b" + alt(self.el.period_phrases) + r"\b", re.I)
        self.speech = set(self.el.speech_verbs)
        self.denial = set(self.el.denial_words)
        self.facilities = set(self.el.facility_words)
        self.person_heads = set(self.el.person_heads)
        self.durations = set(self.el.duration_units)
        self.campaign_units = set(self.el.campaign_units)
        self.ongoing_verbs = set(self.el.ongoing_verbs)
        self.blame_verbs = set(self.el.blame_verbs)
        self.area_nouns = set(self.el.area_nouns)
        self.bearings = set(self.el.bearing_words) | set(self.cl.compass_words)
        self.relative_re = re.compile(r"\b" + alt(list(self.el.relative_days)) + r"\b", re.I)
        self.shift_re = re.compile(
            r"\b(\d+|"
            + alt(list(lex.counts.number_words))
            + r") days? "
            + alt(list(self.el.relative_shift))
            + r"\b",
            re.I,
        )
        self.place_nouns = set(self.cl.place_nouns)
        # the casualty extractor's reading of days: which dates tell when a thing was said
        # ("JNIM claimed on May 12 that ..."), which name a bare time of day ("at dawn"), and
        # the day the narrative gives each incident; events take their days the same way
        self.days = CasualtyExtractor(lex)
        self._incidents: list = []
        # per event (by id()): whether its sentence names a day, and whether its cue refers back
        # ("the attack") to an incident told before; read when events are merged
        self._own_day: dict[int, bool] = {}
        self._anaphoric: dict[int, bool] = {}
        # per sentence: whether a named side killed civilians (the "killing" cue needs it)
        self._civilians_killed_by: dict[int, bool] = {}
        # per sentence: whether it tells combatants killed (the "operation" cue needs it)
        self._combatants_killed: dict[int, bool] = {}

    # ---- entry point ----------------------------------------------------------------
    def extract(self, ctx: DocContext) -> list[EventClaim]:
        rd = Reader(ctx, self.cl)
        casualties: list[CasualtyClaim] = list(getattr(ctx, "casualties", []) or [])
        control: list[ControlClaim] = list(getattr(ctx, "control", []) or [])
        self._incidents = self.days._incident_days(ctx)
        events: list[EventClaim] = []
        events.extend(self._from_control(ctx, rd, control))
        state = _State()
        for sent in ctx.sentences:
            if ctx.is_title(sent):
                continue
            if sent.para.index != state.para:
                state = _State(para=sent.para.index)
            try:
                events.extend(self._arrests_inside(list(self._sentence(ctx, rd, sent, casualties, state))))
            except (IndexError, KeyError, ValueError):  # a parse shape we do not read: skip the sentence
                continue
        merged = self._merge(rd, events)
        self._fill_opponents(merged, control)
        return merged

    @staticmethod
    def _fill_opponents(events: list[EventClaim], control: list[ControlClaim]) -> None:
        """A battle told with one side ("SDF fighters clashed in the town") is fought against the
        side the same report shows that actor fighting or taking ground from."""
        pairs: Counter = Counter()
        for e in events:
            if e.event_type == "Battles" and e.actor1 and e.actor2:
                pairs[(e.actor1, e.actor2)] += 1
                pairs[(e.actor2, e.actor1)] += 1
        for c in control:
            if c.kind == "change" and c.actor and c.from_actor:
                pairs[(c.actor, c.from_actor)] += 1
                pairs[(c.from_actor, c.actor)] += 1
        for e in events:
            if e.event_type != "Battles" or (e.actor1 is None) == (e.actor2 is None):
                continue
            known = e.actor1 or e.actor2
            foes = [(n, b) for (a, b), n in pairs.items() if a == known]
            if not foes:
                continue
            foe = max(foes)[1]
            if e.actor1 is None:
                e.actor1 = foe
            else:
                e.actor2 = foe

    # ---- control changes ----------------------------------------------------------------
    def _from_control(self, ctx: DocContext, rd: Reader, control: list[ControlClaim]) -> Iterator[EventClaim]:
        for c in control:
            if c.kind != "change" or c.place is None or c.actor is None:
                continue
            sentence = c.evidence.sentence
            unopposed = any(
                self.no_fight_re.search(s.text) for s in self._sentences_about(rd, c.place)
            ) or self.no_fight_re.search(sentence)
            if unopposed or (_WITHDRAWAL.search(sentence) and not _FIGHTING.search(self._passage(ctx, c))):
                etype, sub = "Strategic developments", "Non-violent transfer of territory"
            else:
                etype, sub = "Battles", self._territory_sub(ctx, c.actor, c.from_actor)
            own = next((s for s in ctx.sentences if s.start <= c.evidence.start < s.end), None)
            if own is not None and ctx.is_title(own):
                continue  # a headline: the body tells the change with its day (cues skip titles too)
            own_day = own is not None and self._names_a_day(rd, own)
            if own is not None and not own_day and self._perfect(own, c.evidence.start):
                continue  # "troops have retaken X": a result reported, not an incident with a day
            when = c.when
            if own is not None:
                when = self._change_day(rd, own, c) or when
            yield self._noted(
                own_day,
                False,
                id=ctx.next_id("ex"),
                event_type=etype,
                sub_event_type=sub,
                actor1=c.actor,
                actor2=c.from_actor,
                place=c.place,
                when=when,
                fatalities=None,
                sources=list(c.sources),
                hedged=c.hedged,
                evidence=c.evidence,
            )

    def _change_day(self, rd: Reader, sent: Sentence, c: ControlClaim) -> When | None:
        """ "JNIM claimed on May 12 that it had seized the camp": a change dated only by its
        telling happened on the day the narrative gives the incident at that place."""
        if c.when is None:
            return None
        days = [t for t in rd.ctx.times_in(sent.start, sent.end) if t.when is not None]
        if not days or any(t.when == c.when and not self._not_the_incidents_day(rd, sent, t) for t in days):
            return None
        if not any(t.when == c.when for t in days):
            return None
        # "said on Sunday that its fighters had captured the outpost on Thursday"
        own = [
            t
            for t in days
            if t.kind == "point"
            and t.when.precision == Precision.DAY
            and not self._not_the_incidents_day(rd, sent, t)
        ]
        if own:
            return min(own, key=lambda t: abs(t.start - c.evidence.start)).when
        return self._narrative_day(rd, sent, None if self._bare_only(days) else c.place)

    @staticmethod
    def _perfect(sent: Sentence, start: int) -> bool:
        """The verb of the change at ``start`` is a present perfect ("have retaken")."""
        cs = sent.span.doc.char_span(
            start - sent.para.start, start - sent.para.start + 1, alignment_mode="expand"
        )
        if cs is None:
            return False
        tok = cs.root
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        return any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children
        )

    @staticmethod
    def _passage(ctx: DocContext, c: ControlClaim) -> str:
        """The change's sentence and the one before it in its paragraph: "after two days of
        clashes ... The army withdrew" is a withdrawal under fire."""
        own = next((s for s in ctx.sentences if s.start <= c.evidence.start < s.end), None)
        if own is None:
            return c.evidence.sentence
        prev = ctx.sentences[own.index - 1] if own.index > 0 else None
        if prev is not None and prev.para is own.para:
            return prev.text + " " + own.text
        return own.text

    def _sentences_about(self, rd: Reader, place: Place) -> list[Sentence]:
        key = rd.place_key(place.name)
        return [s for s in rd.ctx.sentences if any(rd.place_key(p.text) == key for p in rd.places_in(s))]

    def _territory_sub(self, ctx: DocContext, gainer: str, loser: str | None) -> str:
        """A state force taking ground from a non-state side regains territory; a non-state
        or foreign force overtakes it."""
        g = ctx.actors.resolve(gainer)
        lo = ctx.actors.resolve(loser) if loser else None
        g_kind = g.kind if g is not None and g.known else None
        if g_kind not in ("state force", "government body"):
            return "Non-state actor overtakes territory"
        if lo is not None and lo.known and lo.kind == "state force" and lo.country != g.country:
            return "Non-state actor overtakes territory"
        home = ctx.main_country
        if home and g.country and g.country != home and (lo is None or not lo.known or lo.country == home):
            return "Non-state actor overtakes territory"
        return "Government regains territory"

    # ---- cues ---------------------------------------------------------------------------
    def _cues(self, sent: Sentence) -> list[_Cue]:
        span = sent.span
        text = span.text
        base = span.start_char
        taken: set[int] = set()
        out: list[_Cue] = []
        for entry, pat in self.patterns:
            for m in pat.finditer(text):
                cs = span.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
                if cs is None or any(t.i in taken for t in cs):
                    continue
                tok = cs.root
                if entry.pos and not any(t.pos_ in entry.pos for t in cs):
                    continue
                if not self._requirements(entry, sent, cs):
                    continue
                taken.update(t.i for t in cs)
                out.append(_Cue(entry, tok, base + m.start(), base + m.end()))
        # a killing is its own event only when no other cue tells how it was done
        if any(c.entry.id != "killing" and c.entry.event_type != "Strategic developments" for c in out):
            out = [c for c in out if c.entry.id != "killing"]
        # one incident per sentence: a riot's crowd is not also a protest; a bomb that opened an
        # attack types it (ACLED codes by the first means); "foiled a car bomb attack" is the bomb
        if any(c.entry.event_type == "Riots" for c in out):
            out = [c for c in out if c.entry.event_type != "Protests"]
        blasts = [c for c in out if c.entry.event_type == "Explosions/Remote violence"]
        if blasts:
            out = [
                c
                for c in out
                if c.entry.id != "attack"
                and not (
                    c.entry.id == "battle"
                    and c.tok.pos_ == "VERB"
                    and any(
                        (b.tok.dep_ == "dobj" or b.tok.head.dep_ == "dobj")
                        and c.tok.i in (b.tok.head.i, b.tok.head.head.i)
                        for b in blasts
                    )
                )
            ]
        # "opened fire on soldiers ... before he was shot dead": a killing told after an attack
        # is how the attack ended; the attack, typed by its target, is the incident
        attack = next((c for c in out if c.entry.target_dependent), None)
        if attack is not None:
            out = [c for c in out if not (c.entry.id in ("execution", "killing") and c.start > attack.start)]
        # one cue per event type: the first family in lexicon order reads the sentence
        # ("the operation was followed by a similar operation in X": the new one, not the one
        # referred back to)
        first: dict[str, _Cue] = {}
        for c in out:
            had = first.get(c.entry.event_type)
            if had is None or (
                had.entry.id == c.entry.id and self._refers_back(had.tok) and not self._refers_back(c.tok)
            ):
                first[c.entry.event_type] = c
        return sorted(first.values(), key=lambda c: c.start)

    def _requirements(self, entry: _Entry, sent: Sentence, cs: Span) -> bool:
        for req in entry.requires:
            if req == "purpose" and not self.purpose_re.search(sent.text):
                return False
            if req == "hostage" and not any(t.lower_ in self.hostage for t in cs.root.subtree):
                return False
            if req == "crowd" and not self.crowd_re.search(sent.text):
                return False
            if req == "combatants_killed" and not self._combatants_killed.get(sent.index):
                return False
            if req == "civilians_killed_by_actor" and not self._civilians_killed_by.get(sent.index):
                return False
            if req == "by_crowd" and not self._by_crowd(cs.root):
                return False
            if req == "aimed" and not self._aimed(cs.root):
                return False
            if req == "harm" and not self._harms(cs.root):
                return False
            if req == "impact":
                root = cs.root
                if not (
                    root.dep_ in ("nsubj", "nsubjpass")
                    and (root.head.lemma_.lower() in self.impact or root.head.lower_ in self.impact)
                ):
                    return False
        return True

    def _harms(self, root: Token) -> bool:
        """ "killed by a mine", "a mine hit the truck": the cue is what did the harm (not "a
        gold mine", nor "the mine was closed")."""
        harm = ("kill", "wound", "injure", "destroy", "damage", "maim")
        if root.dep_ in ("nsubj", "nsubjpass"):
            head = root.head
            return (
                head.lemma_.lower() in self.impact
                or head.lower_ in self.impact
                or head.lemma_.lower() in harm
            )
        if root.dep_ == "pobj" and root.head.lower_ == "by":
            head = root.head.head
            return head.lemma_.lower() in harm or head.lemma_.lower() in self.impact
        return False

    def _aimed(self, root: Token) -> bool:
        """ "a strike on a house", "the strike hit a car", "a strike killed two": a strike that
        lands on something (not "a strike on Monday", nor a strike by workers)."""
        if root.dep_ in ("nsubj", "nsubjpass") and (
            root.head.lemma_.lower() in self.impact or root.head.lemma_.lower() in ("kill", "wound", "injure")
        ):
            return True
        return any(
            c.dep_ == "prep"
            and c.lower_ in ("on", "against")
            and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
            for c in root.children
        )

    # ---- filters --------------------------------------------------------------------------
    def _not_an_incident(self, rd: Reader, sent: Sentence, cue: _Cue) -> bool:
        tok = cue.tok
        if tok.dep_ == "amod" and (tok.tag_ == "VBN" or (tok.tag_ == "JJ" and tok.lower_.endswith("ed"))):
            return True  # "the abducted victims", "the kidnapped students": told before
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return True  # "an armed group fighting the government": who the actor is
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
        if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "without":
            return True
        cur = tok
        while cur.dep_ in ("conj", "compound", "amod") and cur.head.i != cur.i:
            cur = cur.head
        verb = (
            cur
            if cur.pos_ in ("VERB", "AUX")
            else (cur.head if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else cur)
        )
        for v in (tok, cur, verb):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in v.children):
                return True
        # intent and threats: "vowed to attack", "warned of attacks" (threat cues excepted)
        if cue.entry.id != "threat":
            for a in [tok] + self._governors(tok, 3):
                if a.lemma_.lower() in _INTENT:
                    return True
            if (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                and verb.head.lemma_.lower() not in _REALISED
            ):
                return True
        # a cause or a comparison: "displaced due to attacks", "despite airstrikes"
        for a in [tok] + list(tok.ancestors)[:3]:
            if a.lemma_.lower() in self.summary_heads or a.lower_ in self.summary_heads:
                return True
        # a campaign: a count of strikes, "increasing attacks", "waves of airstrikes"
        # (a count of munitions is one barrage: "fired about 150 rockets", "two shells hit")
        if (
            tok.pos_ == "NOUN"
            and tok.tag_ in ("NNS", "NNPS")
            and cue.entry.id not in ("battle",)
            and tok.lower_ not in self.munitions
            and tok.lemma_.lower() not in self.munitions
        ):
            if any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in tok.children):
                return True
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num:
                return True
        mods = {c.lower_ for c in tok.children} | {tok.head.lower_ if tok.dep_ == "pobj" else ""}
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            mods |= {tok.head.head.lower_}
        one = tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        if mods & self.summary_mods and not one:
            return True  # "similar attacks" sums many; "a similar attack" is one more incident
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in self.durations
            and tok.head.head.tag_ == "NNS"
        ):
            return True  # "after two weeks of fighting": how long a campaign ran, not one incident
        if self._running_for(verb) and not self._names_a_day(rd, sent):
            return True  # "continued for the 8th month their demonstrations": a campaign
        if cue.entry.id == "battle" and tok.dep_ in ("amod", "compound") and tok.lower_ == "fighting":
            return True  # "the fighting fronts"
        if rd.background(sent, tok) or rd.pluperfect_background(verb):
            return True
        # a sentence timed only by a period tells a campaign, not an incident
        times = [t for t in rd.ctx.times_in(sent.start, sent.end) if t.when is not None]
        if times and all(
            (
                t.kind in ("since", "period", "until")
                or t.when.precision in (Precision.WEEK, Precision.MONTH, Precision.YEAR, Precision.PERIOD)
            )
            and not self._short(t)
            for t in times
        ):
            return True
        if self.period_re.search(sent.text) and not (
            self._names_a_day(rd, sent) or any(self._short(t) for t in times)
        ):
            return True
        if self._denied(tok):
            return True
        return False

    def _running_for(self, verb: Token) -> bool:
        """ "continued for the eighth month", "has gone on for weeks": a verb of going on
        measured in weeks or longer tells how long a campaign has run."""
        if verb.lemma_.lower() not in self.ongoing_verbs:
            return False
        return any(
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in self.campaign_units for g in c.children)
            for c in verb.children
        )

    @staticmethod
    def _governors(tok: Token, n: int) -> list[Token]:
        """The cue's first ``n`` ancestors within the clauses that complement them: an intent
        governs its object ("vowed to attack") but not a clause told beside it ("vowed to
        respond, and on Thursday its forces fired on posts"; "denied it, saying fighting goes
        on")."""
        out: list[Token] = []
        cur = tok
        while len(out) < n and cur.head.i != cur.i:
            clause = cur.dep_ in ("advcl", "parataxis") or (
                cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
            )
            if clause:
                break
            cur = cur.head
            out.append(cur)
        return out

    @staticmethod
    def _one_night(w: When | None) -> bool:
        """A toll "overnight Sunday to Monday" spans a night, not a campaign: one incident's."""
        return (
            w is not None
            and w.precision == Precision.PERIOD
            and w.start is not None
            and w.end is not None
            and (w.end - w.start).days <= 1
        )

    @staticmethod
    def _short(t) -> bool:
        """ "overnight", "in the past day": a span of a night or a day or two times one
        incident like a day does; a campaign runs longer."""
        w = t.when
        return (
            w is not None
            and t.kind in ("point", "period")
            and w.start is not None
            and w.end is not None
            and (w.end - w.start).days <= 2
        )

    @classmethod
    def _names_a_day(cls, rd: Reader, sent: Sentence) -> bool:
        return any(
            t.when is not None and t.kind == "point" and (t.when.precision == Precision.DAY or cls._short(t))
            for t in rd.ctx.times_in(sent.start, sent.end)
        )

    def _event_days(self, rd: Reader, sent: Sentence, tok: Token) -> list:
        """Days the sentence gives for the incident itself: not the day a relative clause
        tells about something else ("which Fano had entered in February") nor the day a
        speaker spoke ("police said on Sunday"), when another day is there."""
        mentions = rd.ctx.times_in(sent.start, sent.end)
        # "since X ... until yesterday, the 6th": the end of a running count is no incident's day
        until = min((t.start for t in mentions if t.kind == "until"), default=None)
        if until is not None:
            mentions = [t for t in mentions if t.start < until]
        days = [
            t
            for t in mentions
            if t.when is not None
            and (
                (t.when.precision == Precision.DAY and t.kind == "point")
                or (t.kind == "point" and self._short(t))
                # "on Friday night and continued until Saturday": a fight of a few days
                or (
                    t.kind == "period"
                    and t.when.start is not None
                    and t.when.end is not None
                    and (t.when.end - t.when.start).days <= 3
                )
            )
        ]
        own = {t.i for t in tok.subtree} | {a.i for a in tok.ancestors}

        def head_of(t) -> Token | None:
            cs = sent.span.doc.char_span(
                t.start - sent.para.start, t.end - sent.para.start, alignment_mode="expand"
            )
            return cs.root if cs is not None else None

        plain, spoken = [], []
        for t in days:
            h = head_of(t)
            if h is None:
                plain.append(t)
                continue
            if any(a.dep_ == "relcl" and a.i not in own for a in [h, *h.ancestors]):
                continue
            gov = next((a for a in h.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if gov is not None and gov.i != tok.i and gov.lemma_.lower() in self.speech:
                spoken.append(t)
            else:
                plain.append(t)
        return plain or spoken

    @staticmethod
    def _counted_targets(tok: Token) -> bool:
        """A plural incident noun over a counted set of targets ("attacks on four villages",
        "strikes on 12 positions") sums several incidents the text tells (or not) one by one."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
            return False
        return any(
            c.dep_ == "prep"
            and c.lower_ in ("on", "against", "in", "across")
            and any(g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children) for g in c.children)
            for c in tok.children
        )

    def _denied(self, tok: Token) -> bool:
        """ "denied reports that its jets bombed a wedding", "denies targeting civilians": the
        incident is the denied proposition. A denied role ("denied responsibility for the
        attack") leaves the attack an incident, and so does the denier's own account ("rejected
        the claim, saying fighting was going on in the village")."""
        clausal = tok.pos_ in ("VERB", "AUX")
        below = tok
        for a in list(tok.ancestors)[:5]:
            if a.lemma_.lower() in self.denial:
                return clausal and below.dep_ not in ("advcl", "conj", "parataxis")
            clausal = clausal or a.pos_ in ("VERB", "AUX")
            below = a
        return False

    def _in_summary(self, rd: Reader, sent: Sentence) -> bool:
        """A sentence without a date of its own inside a period the text opened ("since
        16 September ... until yesterday") is part of a running summary."""
        if rd.ctx.times_in(sent.start, sent.end):
            return False
        last = None
        for t in rd.ctx.time_mentions:
            if t.start >= sent.start:
                break
            if t.when is not None:
                last = t
        if last is None:
            return False
        return last.kind in ("since", "period", "until") or last.when.precision in (
            Precision.PERIOD,
            Precision.MONTH,
            Precision.YEAR,
        )

    # ---- typing ----------------------------------------------------------------------------
    def _attack_type(self, sent: Sentence, cue: _Cue, cas: list[CasualtyClaim]) -> tuple[str, str] | None:
        """Attacks are typed by their target and their victims."""
        tok = cue.tok
        targets: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("dobj",):
                targets.append(c)
                # "opened fire on soldiers": the target hangs on the object
                for pr in c.children:
                    if pr.dep_ == "prep" and pr.lower_ in ("on", "at", "against"):
                        targets += [g for g in pr.children if g.dep_ == "pobj"]
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
                targets += [g for g in c.children if g.dep_ == "pobj"]
        if tok.dep_ == "dobj":
            for c in tok.head.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "against"):
                    targets += [g for g in c.children if g.dep_ == "pobj"]
        # "launched an attack on P, targeting the army's detachment"
        verb = tok.head if tok.dep_ == "dobj" else tok
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "target":
                for g in c.children:
                    if g.dep_ == "dobj":
                        targets += [g, *(x for x in g.children if x.dep_ == "conj")]
        heads = {t.lemma_.lower() for t in targets} | {t.lower_ for t in targets}
        words = {t.lemma_.lower() for tg in targets for t in tg.subtree} | {
            t.lower_ for tg in targets for t in tg.subtree
        }
        killed_civ = any(c.victims.category == "civilian" for c in cas)
        killed_com = any(c.victims.category == "combatant" for c in cas)
        if heads & self.military:
            return "Battles", "Armed clash"
        # "a coordinated attack on D town, attacking the military camp": a settlement held by
        # a force is a battle when the sentence names the force's site and no civilian died
        sentence_words = {t.lemma_.lower() for t in tok.sent} | {t.lower_ for t in tok.sent}
        if (
            heads
            and heads <= self.place_nouns
            and not killed_civ
            and sentence_words & self.military - {"forces", "army", "military", "police"}
        ):
            return "Battles", "Armed clash"
        if heads & self.civilian or killed_civ:
            return "Violence against civilians", "Attack"
        if killed_com or words & self.military:
            return "Battles", "Armed clash"
        if words & self.civilian:
            return "Violence against civilians", "Attack"
        people = re.search(
            r"\b(?:people|civilians|residents|villagers|families|women|children)\b", sent.text, re.I
        )
        if people:
            return "Violence against civilians", "Attack"
        return None

    # ---- one sentence -------------------------------------------------------------------------
    def _sentence(
        self, ctx: DocContext, rd: Reader, sent: Sentence, casualties: list[CasualtyClaim], state: _State
    ) -> Iterator[EventClaim]:
        cas = [
            c
            for c in casualties
            if sent.start <= c.evidence.start < sent.end and (not c.cumulative or self._one_night(c.when))
        ]
        self._combatants_killed = {
            sent.index: any(c.victims.category == "combatant" and c.outcome == "killed" for c in cas)
        }
        self._civilians_killed_by = {
            sent.index: any(
                c.victims.category == "civilian" and c.outcome == "killed" and c.perpetrator for c in cas
            )
        }
        cues = self._cues(sent)
        if not cues:
            yield from self._continuation(ctx, rd, sent, cas, state)
            return
        if any(
            self._counted_targets(t) and any(pat.fullmatch(t.text) for _, pat in self.patterns)
            for t in sent.span
        ):
            return  # "killed 23 and abducted dozens in attacks on four villages": a summary
        for cue in cues:
            if cue.entry.event_type == "Explosions/Remote violence":
                state.entry = cue.entry  # "fired 200 rockets ... one of them hit X"
            if self._not_an_incident(rd, sent, cue):
                continue
            if cue.entry.event_type != "Strategic developments" and self._in_summary(rd, sent):
                continue
            etype, sub = cue.entry.event_type, cue.entry.sub_event_type
            if cue.entry.target_dependent:
                typed = self._attack_type(sent, cue, cas)
                if self._by_crowd(cue.tok):
                    typed = ("Riots", "Violent demonstration")  # demonstrators who attack riot
                if typed is None:
                    continue
                etype, sub = typed
            if cue.entry.id in ("execution", "killing") and self._armed_victims_only(cas):
                # ACLED codes killings of police and soldiers as battles
                etype, sub = "Battles", "Armed clash"
            if etype == "Protests" and self.intervention_re.search(sent.text):
                sub = "Protest with intervention"
            places = self._places(rd, sent, cue)
            if not places:
                # the incident the paragraph is telling, when this cue goes on with it
                definite = any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in cue.tok.children
                )
                if state.place is not None:
                    places = [state.place]
                elif definite or cue.tok.pos_ == "VERB":
                    prev = self._previous_first_place(rd, sent)
                    places = [prev] if prev is not None else []
            if not places and not self._scenes(rd, sent) and not self._refers_back(cue.tok):
                # a sentence naming no place ("At least 15 women were abducted"): the place
                # the casualty reading gave the victims it tells, when that is a town
                # (not a fighters' toll: that is often placed where their side reported it)
                placed = [
                    c.place
                    for c in cas
                    if c.place is not None
                    and c.place.precision == "town"
                    and c.victims.category == "civilian"
                    and self._named_by(rd, sent, c.place)
                ]
                places = placed[:1]
            if not places and etype == "Strategic developments" and cue.entry.id == "agreement":
                # a truce with no place of its own settles the conflict the report is about
                main = rd.main_place()
                places = [main] if main is not None else []
            if not places:
                continue
            when = self._when(rd, sent, cue.tok, state, self._timed_by(rd, sent, cue) or places[0])
            own_day = self._names_a_day(rd, sent)
            anaphoric = self._refers_back(cue.tok)
            actor1, actor2 = self._actors(rd, sent, cue, etype, cas)
            if (
                actor2 is None
                and etype == "Explosions/Remote violence"
                and any(c.victims.category == "civilian" and c.outcome == "killed" for c in cas)
                and not any(c.victims.category == "combatant" for c in cas)
            ):
                actor2 = ActorRef("Civilians")  # a strike that killed only civilians hit civilians
            if etype in ("Protests", "Riots") and (actor1 is None or not actor1.known):
                # ACLED names the crowd by what it does, not by who its members are
                actor1 = ActorRef("Protesters" if etype == "Protests" else "Rioters")
            fatalities = self._fatalities(cas, etype)
            for place in places:
                if place.precision is None and rd.region_name(place.name):
                    place = rd.place(rd.strip_compass(place.name))
                state.place, state.when, state.entry = place, when, cue.entry
                yield self._noted(
                    own_day,
                    anaphoric,
                    id=ctx.next_id("ex"),
                    event_type=etype,
                    sub_event_type=sub,
                    actor1=actor1.name if actor1 else None,
                    actor2=actor2.name
                    if actor2
                    else ("Civilians" if etype == "Violence against civilians" else None),
                    place=place,
                    when=when,
                    fatalities=fatalities,
                    sources=ctx.sources(sent),
                    hedged=ctx.hedged(sent),
                    evidence=ctx.evidence(sent, cue.start, cue.end),
                )

    @staticmethod
    def _named_by(rd: Reader, sent: Sentence, place: Place) -> bool:
        """The text has named the place by this sentence (not only further on), as a place the
        parse tags or in so many words ("a camp west of Khan Younis", an untagged name)."""
        key = rd.place_key(place.name)
        if any(
            rd.place_key(p.text) == key for s in rd.ctx.sentences[: sent.index + 1] for p in rd.places_in(s)
        ):
            return True
        return re.search(r"\b" + re.escape(place.name) + r"\b", rd.ctx.document.text[: sent.end]) is not None

    def _by_crowd(self, tok: Token) -> bool:
        """ "demonstrators attacked a police vehicle": the doer is a crowd."""
        # the cue's verb: "attacked", "launched an attack", "set tyres and a van ablaze"
        verb: Token | None = tok
        while verb.pos_ != "VERB" and verb.dep_ in ("dobj", "conj", "amod", "advmod", "oprd", "acomp"):
            verb = verb.head
        if verb.pos_ != "VERB":
            verb = None
        while verb is not None and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        if verb is None:
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and bool(self.crowd_re.fullmatch(subj.text))

    def _noted(self, own_day: bool, anaphoric: bool, **fields) -> EventClaim:
        e = EventClaim(**fields)
        self._own_day[id(e)] = own_day
        self._anaphoric[id(e)] = anaphoric
        return e

    @staticmethod
    def _refers_back(tok: Token) -> bool:
        """ "the attack", "this strike", "their assault": a definite incident noun points at
        one the text has told."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        return any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
            or (c.dep_ == "poss" and c.pos_ == "PRON")
            for c in tok.children
        )

    @staticmethod
    def _armed_victims_only(cas: list[CasualtyClaim]) -> bool:
        killed = [c for c in cas if c.outcome == "killed"]
        return bool(killed) and all(c.victims.category == "combatant" for c in killed)

    @staticmethod
    def _arrests_inside(out: list[EventClaim]) -> list[EventClaim]:
        """Arrests made in a raid, a battle or a protest are part of that event, not another."""
        if any(e.event_type != "Strategic developments" for e in out):
            return [e for e in out if e.sub_event_type != "Arrests"]
        return out

    def _continuation(self, ctx, rd, sent, cas, state) -> Iterator[EventClaim]:
        """ "One of them hit a house in X, killing three": a strike told just before, at a new place."""
        if state.entry is None or not cas:
            return
        verb = next(
            (
                t
                for t in sent.span
                if t.pos_ == "VERB" and (t.lemma_.lower() in self.impact or t.lower_ in self.impact)
            ),
            None,
        )
        if verb is None:
            return
        places = [p for p in rd.places_in(sent) if not rd.is_country_name(p.text)]
        if not places:
            return
        place = rd.place(places[0].text)
        entry = state.entry
        yield self._noted(
            self._names_a_day(rd, sent),
            False,
            id=ctx.next_id("ex"),
            event_type=entry.event_type,
            sub_event_type=entry.sub_event_type,
            actor1=None,
            actor2="Civilians" if any(c.victims.category == "civilian" for c in cas) else None,
            place=place,
            when=self._when(rd, sent, verb, state),
            fatalities=self._fatalities(cas, entry.event_type),
            sources=ctx.sources(sent),
            hedged=ctx.hedged(sent),
            evidence=ctx.evidence(sent, verb.idx, verb.idx + len(verb.text)),
        )

    # ---- place, time, actors, toll ---------------------------------------------------------------
    def _scenes(self, rd: Reader, sent: Sentence) -> list[Span]:
        """The sentence's place names that may be a scene (not a unit's name, not a speaker's)."""
        return [
            sp
            for sp in rd.places_in(sent)
            if not self._not_the_scene(rd, sp, spans_of=rd.places_in(sent)) and not self._aside(sp)
        ]

    def _places(self, rd: Reader, sent: Sentence, cue: _Cue) -> list[Place]:
        spans = self._scenes(rd, sent)
        landmarks = [sp for sp in spans if self._landmark(sp)]
        if landmarks and len(landmarks) < len(spans):
            spans = [sp for sp in spans if sp not in landmarks]
        tok = cue.tok
        elsewhere = [sp for sp in spans if self._other_incidents_place(sp, tok)]
        if elsewhere and len(elsewhere) < len(spans):
            spans = [sp for sp in spans if sp not in elsewhere]
        frames = [sp for sp in spans if self._frame(rd, sp, spans, tok)]
        if frames and len(frames) < len(spans):
            spans = [sp for sp in spans if sp not in frames]
        if not spans:
            return self._reference(rd, sent, cue)

        def dist(sp: Span) -> int:
            a, b = sp.root, tok
            anc_a = [a] + list(a.ancestors)
            anc_b = [b] + list(b.ancestors)
            ids_b = {t.i: n for n, t in enumerate(anc_b)}
            for n, t in enumerate(anc_a):
                if t.i in ids_b:
                    return n + ids_b[t.i]
            return 99

        own = {t.i for t in tok.subtree}
        countries = {sp.start for sp in spans if rd.is_country_name(sp.text)}
        # the cue's own phrase first, a town before a country, then the nearest in the parse
        # a town before a compass region ("between A and B in eastern R countryside")
        spans.sort(
            key=lambda sp: (
                sp.root.i not in own,
                sp.start in countries,
                rd.region(sp) or rd.wide(sp) or self._area(sp),
                dist(sp),
                abs(sp.start - tok.i),
            )
        )
        if spans[0].start in countries and spans[0].root.i not in own:
            return self._reference(rd, sent, cue)  # "Ukraine's army said ... in the village"
        best = spans[0]
        first = self._between_first(best)
        if first is not None and not any(sp.start <= first.start < sp.end for sp in spans):
            return [rd.place(first.text)]  # "an ambush between A and B", A read as no place
        group = next((g for g in rd._groups(sorted(spans, key=lambda s: s.start)) if best in g), [best])
        g0 = group[0].root
        if rd._road_end(best.root) or (g0.dep_ == "pobj" and g0.head.lower_ == "between"):
            group = group[:1]  # "the road between A and B" is one scene, placed on A
        if all(rd.sub_unit(sp) for sp in group):
            # "an airstrike hit the market in Ward 3": the event is placed on the town
            town = [sp for sp in spans if not rd.sub_unit(sp) and not rd.is_country_name(sp.text)]
            prev = town[:1] or rd.previous_places(sent, before_token=best.start, noun="town")
            prev = [p for p in prev if not (isinstance(p, Span) and rd.sub_unit(p))]
            if prev:
                return [p if isinstance(p, Place) else rd.place(p.text) for p in prev[:1]]
        return [self._facility_town(rd, sent, sp, spans) for sp in group]

    def _frame(self, rd: Reader, sp: Span, spans: list[Span], tok: Token) -> bool:
        """ "In P, a drone strike hit a house in the Q neighbourhood": a place fronted before a
        comma frames the sentence; a place the incident's own clause names after it is the
        scene. A place in a clause with a subject of its own ("while in Q drones wounded two")
        is another incident's."""
        root = sp.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
            return False
        doc = sp.doc
        start = doc[prep.i].sent.start
        if any(t.dep_ != "advmod" for t in doc[start : prep.i]):
            return False
        if sp.end >= len(doc) or doc[sp.end].text != ",":
            return False
        for o in spans:
            if o is sp or o.start < sp.end or rd.is_country_name(o.text):
                continue
            if rd.region(o) or rd.wide(o) or self._landmark(o):
                continue
            # the nearest clause with a subject over the place must hold the cue
            clause = next(
                (
                    a
                    for a in o.root.ancestors
                    if a.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)
                ),
                None,
            )
            if clause is not None and any(t.i == tok.i for t in clause.subtree):
                return True
        return False

    @staticmethod
    def _between_first(sp: Span) -> Span | None:
        """ "fell in ambush between A and B": the scene between two places is placed on the
        first, like a road between them, even when the tagger read A as no place."""
        root = sp.root
        head = root.head
        if root.dep_ != "conj" or head.dep_ != "pobj" or head.head.lower_ != "between":
            return None
        if head.pos_ != "PROPN":
            return None
        start = min([head.i] + [c.i for c in head.children if c.dep_ == "compound" and c.i < head.i])
        return head.doc[start : head.i + 1]

    def _facility_town(self, rd: Reader, sent: Sentence, sp: Span, spans: list[Span]) -> Place:
        """A facility the gazetteer does not know, with no town beside it ("inside the Saudi
        Maternity Hospital, the city's last hospital"), stands in the town the text named last."""
        host = self._town_of_facility(sp, spans)
        place = rd.place(host.text)
        if host is not sp or place.lat is not None or not self._is_facility(sp):
            return place
        prev = rd.previous_places(sent, before_token=sp.start, noun="town")
        prev = [p for p in prev if isinstance(p, Place) or not self._aside(p)]
        if not prev:
            return place
        return prev[0] if isinstance(prev[0], Place) else rd.place(prev[0].text)

    def _timed_by(self, rd: Reader, sent: Sentence, cue: _Cue) -> Place | None:
        """ "Hours before the attack on P": without a day of its own, the incident is dated by
        the one at P the narrative told."""
        sp = next((sp for sp in self._scenes(rd, sent) if self._other_incidents_place(sp, cue.tok)), None)
        return rd.place(sp.text) if sp is not None else None

    @staticmethod
    def _other_incidents_place(sp: Span, cue: Token) -> bool:
        """ "Hours before the attack on P, a suicide bomber struck Q": a place in a phrase that
        times the cue by another incident ("before/after the attack on P") is that incident's."""
        for a in sp.root.ancestors:
            if a.pos_ in ("VERB", "AUX"):
                return False
            if a.dep_ == "prep" and a.lower_ in _RELATIVE_TO:
                return cue.i not in {t.i for t in a.subtree}
        return False

    def _area(self, sp: Span) -> bool:
        """ "eastern Deir Ezzor countryside", "the Kidal desert": an area around a place, told
        by a bearing before the name or an area noun after it."""
        doc = sp.doc
        before = doc[sp.start - 1] if sp.start > 0 else None
        after = doc[sp.end] if sp.end < len(doc) else None
        return (before is not None and before.lower_ in self.bearings and before.is_lower) or (
            after is not None and after.lower_ in self.area_nouns
        )

    def _landmark(self, sp: Span) -> bool:
        """ "the village of Safra, south of Kirkuk", "20 km from X": a place the scene is
        measured from."""
        root = sp.root
        if root.dep_ != "pobj" or root.head.lower_ not in ("of", "from"):
            return False
        word = root.head.head
        return word.lower_ in self.bearings and word.lower_ not in self.area_nouns

    def _aside(self, sp: Span) -> bool:
        """Names that are not the scene although the tagger calls them places: where a speaker
        spoke from ("told Reuters by phone from the town of X", "said in X") and a nationality
        before people or weapons ("Ukrainian officials", "Russian drones")."""
        root = sp.root
        if (
            root.ent_type_ == "NORP"
            and root.dep_ in ("amod", "compound")
            and (root.head.lower_ in self.person_heads or root.head.lemma_.lower() in self.person_heads)
        ):
            return True
        if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in self.speech:
            return True  # "residents told Darfur24": the outlet told, not a place
        if root.dep_ == "poss" and root.head.dep_ == "nsubj" and root.head.head.lemma_.lower() in self.speech:
            return True  # "Gaza's civil defence agency said": whose the speaker is
        while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in self.place_nouns:
            root = root.head.head  # "from the nearby town of X"
        prep = root.head if root.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("from", "in", "at"):
            return False
        host = prep.head
        if host.pos_ == "NOUN" and host.dep_ in ("pobj",) and prep.lower_ == "from":
            host = host.head.head  # "by phone from X"
        elif host.pos_ == "NOUN" and prep.lower_ != "from":
            return False  # "a market in X" places the market
        if any(c.dep_ == "auxpass" for c in host.children):
            return False  # "clashes were reported in X": the scene
        return host.lemma_.lower() in self.speech

    @staticmethod
    def _facility_end(sp: Span) -> int:
        # the noun the name modifies: "the Damanyo military camp in P" is a camp, in P
        last = sp.root
        while last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.pos_ != "VERB":
            last = last.head
        return max(sp.end, last.i)

    def _is_facility(self, sp: Span) -> bool:
        doc = sp.doc
        end = self._facility_end(sp)
        words = {t.lower_ for t in doc[sp.start : end + 1]} | (
            {doc[sp.end].lower_} if sp.end < len(doc) else set()
        )
        return bool(words & self.facilities)

    def _town_of_facility(self, sp: Span, spans: list[Span]) -> Span:
        """ "the Al Noor Hospital in P": a named facility stands on the town that holds it."""
        if not self._is_facility(sp):
            return sp
        end = self._facility_end(sp)
        for o in spans:
            r = o.root
            if (
                o is not sp
                and r.dep_ == "pobj"
                and r.head.lower_ in ("in", "at")
                and sp.start <= r.head.head.i <= end
            ):
                return o
        return sp

    @staticmethod
    def _not_the_scene(rd: Reader, sp: Span, spans_of: list[Span]) -> bool:
        """Names that are not where the event happened: a unit's name ("soldiers of the FDS"),
        the possessor of a more specific place ("North Waziristan's Mir Ali"), and where a
        side withdrew to ("forcing the troops to withdraw to P")."""
        root = sp.root
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PEOPLE_OF:
            return True
        if root.dep_ == "poss" and any(o.start <= head.i < o.end for o in spans_of if o is not sp):
            return True
        if (
            root.dep_ == "pobj"
            and head.lower_ in ("to", "towards", "toward")
            and _WITHDRAWAL.search(head.head.text)
        ):
            return True
        return False

    def _reference(self, rd: Reader, sent: Sentence, cue: _Cue) -> list[Place]:
        """ "raided the same village", "fighting was ongoing in the village": the village the
        text named before."""
        tok = cue.tok
        # a subject cue is placed by its verb's phrases
        clause = tok if tok.pos_ == "VERB" else (tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None)
        words = [] if tok.pos_ == "VERB" else list(tok.subtree)
        if clause is not None:
            words += [x for c in clause.children if c.i != tok.i for x in c.subtree]
        for t in words:
            if t.lower_ in rd.town_nouns and any(
                c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in t.children
            ):
                prev = rd.previous_places(sent, before_token=t.i, noun=t.lower_)
                # "told Darfur24": an outlet told is no town referred back to
                prev = [p for p in prev if isinstance(p, Place) or not self._aside(p)]
                return [p if isinstance(p, Place) else rd.place(p.text) for p in prev]
        return []

    def _previous_first_place(self, rd: Reader, sent: Sentence) -> Place | None:
        sents = rd.ctx.sentences
        j = sent.index - 1
        if j < 0 or sents[j].para is not sent.para:
            return None
        spans = [p for p in rd.places_in(sents[j]) if not rd.is_country_name(p.text)]
        return rd.place(spans[0].text) if spans else None

    def _ongoing(self, tok: Token) -> Token | None:
        """ "clashes continue", "fighting was continuing": the verb that says the incident is
        still going on as the report is written."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.ongoing_verbs:
            return None
        return verb

    def _when(
        self, rd: Reader, sent: Sentence, tok: Token, state: _State, place: Place | None = None
    ) -> When | None:
        verb = self._ongoing(tok)
        if verb is not None:
            own = {t.i for t in verb.subtree if t.dep_ != "conj" or t.i == verb.i}
            dated = any(
                (cs := sent.span.doc.char_span(t.start - sent.para.start, t.end - sent.para.start))
                is not None
                and cs.root.i in own
                for t in rd.ctx.times_in(sent.start, sent.end)
            )
            present = verb.tag_ in ("VBP", "VBZ") or any(
                c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
            )
            if present and not dated and rd.ctx.publication_day() is not None:
                return rd.ctx.publication_day()  # still going on: as of the report
        days = self._event_days(rd, sent, tok)
        if days:
            pos = sent.abs(tok.idx)
            incident = [t for t in days if not self._not_the_incidents_day(rd, sent, t)]
            if incident:
                return min(incident, key=lambda t: abs(t.start - pos)).when
            # only the day it was said ("JNIM claimed on May 12 that ...") or a bare time of
            # day ("at dawn"): what was told happened on the day the narrative gives it
            told = state.when or self._narrative_day(rd, sent, None if self._bare_only(days) else place)
            if told is None and place is not None and place.precision == "country":
                # "strikes in eastern Afghanistan killed 46, a spokesman said Wednesday": a lead
                # placed on a whole country is dated by the incident the narrative tells next
                told = self._narrative_day(rd, sent, None)
            if told is not None:
                return told
            return min(days, key=lambda t: abs(t.start - pos)).when
        if rd.ctx.times_in(sent.start, sent.end):
            w = rd.when(sent, tok)
            if w is not None and w.precision == Precision.DAY:
                return w
        if state.when is not None:
            return state.when
        return self._narrative_day(rd, sent, place) or rd.when(sent, tok)

    def _bare_only(self, days: list) -> bool:
        return all(self.days._bare_day_part(t.text) for t in days)

    def _not_the_incidents_day(self, rd: Reader, sent: Sentence, t) -> bool:
        """A day of the telling ("the army said on Sunday that ...", a dateline) or a time of
        day naming no day ("at dawn"): not, by itself, the day of the incident told."""
        return self.days._dates_the_telling(sent, t, rd.ctx.dateline_end(sent)) or self.days._bare_day_part(
            t.text
        )

    def _narrative_day(self, rd: Reader, sent: Sentence, place: Place | None = None) -> When | None:
        """The day of the incident the narrative is telling at this sentence: the last one
        dated in this paragraph or the one before; in a lead, the next one dated. With a
        place, a day from another paragraph counts only when its sentence names that place
        (the day before a new paragraph may be another incident's), however far back."""
        days = self._incidents
        if place is None:
            return self.days._narrative_day(sent, {"incidents": days})
        key = rd.place_key(place.name)

        def names_it(d) -> bool:
            return any(rd.place_key(p.text) == key for p in rd.places_in(rd.ctx.sentences[d[0]]))

        before = [d for d in days if d[0] < sent.index and (d[1] == sent.para.index or names_it(d))]
        if before:
            return before[-1][2]
        # in a lead, the next incident dated: one at that place, or one the text places nowhere
        # ("the RSF said its fighters had stormed the headquarters on Sunday")
        after = [
            d
            for d in days
            if d[0] > sent.index
            and d[1] - sent.para.index <= 1
            and (names_it(d) or not rd.places_in(rd.ctx.sentences[d[0]]))
        ]
        if after and not any(d[0] < sent.index for d in days):
            return after[0][2]
        return None

    def _actors(
        self, rd: Reader, sent: Sentence, cue: _Cue, etype: str, cas: list[CasualtyClaim]
    ) -> tuple[ActorRef | None, ActorRef | None]:
        tok = cue.tok
        repelled = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _ASSAULTS), None)
        if tok.pos_ == "VERB" and repelled is not None:
            # "the army repelled an al-Shabaab attack": the attacker is actor1, the defender actor2
            attacker, _ = self._actors(rd, sent, _Cue(cue.entry, repelled, cue.start, cue.end), etype, cas)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None and tok.dep_ in ("conj", "xcomp", "advcl", "pcomp"):
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            defender = (
                rd.actor(subj, sent, avoid={attacker.name} if attacker else None)
                if subj is not None
                else None
            )
            return attacker, defender
        a1_tok: Token | None = None
        a2_tok: Token | None = None
        # "attacks by X", "X's attack", "al-Shabaab attack", "launched by X"
        for c in tok.children:
            if c.dep_ in ("agent",) or c.dep_ == "prep" and c.lower_ == "by":
                a1_tok = next((g for g in c.children if g.dep_ == "pobj"), a1_tok)
            if (
                c.dep_ in ("poss", "compound", "amod", "nmod")
                and c.i < tok.i
                and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "NORP"))
            ):
                a1_tok = a1_tok or c
            if c.dep_ == "prep" and c.lower_ in ("with", "against", "between"):
                a2_tok = next((g for g in c.children if g.dep_ == "pobj"), a2_tok)
            if c.dep_ == "acl":
                for g in c.children:
                    if g.dep_ == "agent":
                        a1_tok = a1_tok or next((x for x in g.children if x.dep_ == "pobj"), None)
        if a1_tok is None:
            verb = tok if tok.pos_ == "VERB" else (tok.head if tok.dep_ in ("dobj", "nsubjpass") else None)
            if verb is not None:
                if any(c.dep_ == "auxpass" for c in verb.children):
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    a1_tok = (
                        next((g for g in agent.children if g.dep_ == "pobj"), None)
                        if agent is not None
                        else None
                    )
                elif verb.lemma_.lower() in self.blame_verbs and tok.dep_ == "dobj":
                    # "residents blamed the strike on the army": the blamed side struck
                    a1_tok = rd._pobj_of(verb, ("on", "to")) or rd._pobj_of(tok, ("on", "to"))
                else:
                    a1_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                    if a1_tok is None and verb.dep_ in ("conj", "advcl", "xcomp"):
                        a1_tok = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        cut = dateline_end(sent.span)
        if a1_tok is not None and (
            (cut is not None and a1_tok.i < cut) or a1_tok.lower_ in ("a", "an", "the")
        ):
            a1_tok = None  # "BAHIR DAR - A drone strike": the dateline's town is no attacker
        a1 = None
        if a1_tok is not None and a1_tok.ent_type_ == "NORP" and a1_tok.head.i == tok.i:
            # "an Israeli drone strike", "37 Russian attacks": the nation's armed forces
            r = rd.ctx.resolve_actor(f"{a1_tok.text} forces", sent.abs(a1_tok.idx), strict=True)
            a1 = ActorRef(r.name, r.kind, r.country, r.known) if r is not None else None
        if (
            a1 is None
            and a1_tok is not None
            and a1_tok.pos_ == "PROPN"
            and a1_tok.i < tok.i
            and a1_tok.head.i == tok.i
        ):
            # a name modifying the cue ("an al-Shabaab attack"): the whole name
            name = proper_span(a1_tok)
            r = rd.ctx.resolve_actor(name.text, sent.abs(name.start_char))
            a1 = ActorRef(r.name, r.kind, r.country, r.known) if r is not None else None
            if a1 is not None and not a1.known and a1_tok.ent_type_ == "GPE":
                a1 = rd.forces_of(a1)  # "U.S. airstrikes": the country's armed forces
        if a1 is None and a1_tok is not None:
            a1 = rd.actor(a1_tok, sent)
        if a1 is None:
            perp = next((c.perpetrator for c in cas if c.perpetrator), None)
            a1 = ActorRef(perp) if perp else None
        a2 = rd.actor(a2_tok, sent, avoid={a1.name} if a1 else None) if a2_tok is not None else None
        if etype == "Battles" and a2 is None and tok.dep_ == "dobj":
            # "the army foiled an al-Shabaab attack": the subject is the other side
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and a1 is not None:
                a2 = rd.actor(subj, sent, avoid={a1.name})
                if a2 is not None and a1_tok is not None and a1_tok.i < tok.i and a1_tok.head.i == tok.i:
                    pass
        if etype == "Violence against civilians":
            a2 = None
        if a1 is not None and a2 is not None and a1.name == a2.name:
            a2 = None
        return a1, a2

    @staticmethod
    def _fatalities(cas: list[CasualtyClaim], etype: str) -> int | None:
        killed = [c for c in cas if c.outcome == "killed" and c.part_of is None]
        if not killed:
            return None
        total = 0
        for c in killed:
            n = c.count.low if c.count.low is not None else c.count.high
            total += n or 0
        return total or None

    # ---- one event per incident -------------------------------------------------------------------
    def _merge(self, rd: Reader, events: list[EventClaim]) -> list[EventClaim]:
        """One event per incident. A report tells an incident in its lead and comes back to it
        ("the attack in P", "the fighting lasted hours"), names it by the town in one sentence
        and by the province in the next, dates it in one and not in the other. Two readings are
        one incident when they have the same type and
        - the same place and day (a clash still going on after a capture stays its own event);
        - places one inside the other (a town and its province or country) and the same day;
        - related places and one of them gives no day of its own (same sub-type);
        - the later one refers back ("the attack") without a day of its own: the latest
          incident of its type, wherever the sentence places it.
        """
        contains = self._containment(rd)
        ordered = sorted(events, key=lambda e: e.evidence.start)
        self._relative_dates(rd, ordered)
        out: list[EventClaim] = []
        for e in ordered:
            target = next((p for p in reversed(out) if self._same_incident(rd, contains, p, e)), None)
            if target is None and self._anaphoric.get(id(e)) and not self._own_day.get(id(e)):
                target = next((p for p in reversed(out) if p.event_type == e.event_type), None)
            if target is None:
                out.append(e)
                continue
            self._absorb(rd, contains, target, e)
        out = [e for e in out if not self._arrests_of_an_incident(rd, e, out)]
        out = [e for e in out if not self._protest_turned_riot(rd, e, out)]
        out = [e for e in out if not self._before_the_window(rd, e)]
        for n, e in enumerate(out, start=1):
            e.id = f"e{n}"
        return out

    # how far back a report's own news reaches: older incidents are its background
    # ("since they seized the city in January" in a March report)
    _WINDOW_DAYS = 40

    def _before_the_window(self, rd: Reader, e: EventClaim) -> bool:
        pub = rd.ctx.publication_day()
        if pub is None or pub.start is None or e.when is None:
            return False
        last = e.when.end or e.when.start
        return last is not None and (pub.start - last).days > self._WINDOW_DAYS

    def _relative_offset(self, sentence: str) -> int | None:
        """ "On the same day", "the next day", "two days earlier": days after the incident told
        before, or None when the sentence dates itself otherwise."""
        m = self.relative_re.search(sentence)
        if m:
            return next(v for k, v in self.el.relative_days.items() if k.lower() == m.group(0).lower())
        m = self.shift_re.search(sentence)
        if m:
            n = (
                int(m.group(1))
                if m.group(1).isdigit()
                else self.lex.counts.number_words.get(m.group(1).lower())
            )
            sign = next(
                v for k, v in self.el.relative_shift.items() if m.group(0).lower().endswith(k.lower())
            )
            return n * sign if n else None
        return None

    def _relative_dates(self, rd: Reader, ordered: list[EventClaim]) -> None:
        """An incident dated only relative to the one told before ("the next day") takes that
        incident's day moved by the offset; the date parser reads such phrases against the
        publication day, or not at all."""
        last: EventClaim | None = None  # the latest event told in an earlier sentence
        current: EventClaim | None = None
        for e in ordered:
            if current is not None and current.evidence.sentence != e.evidence.sentence:
                last = current
            current = e
            off = self._relative_offset(e.evidence.sentence)
            if off is not None and self._names_its_own_day(rd, e):
                # "the strike came a day after fighters entered X on Sunday": the day is named
                continue
            base = self._told_before(rd, e, last)
            if off is not None and base is not None:
                # every event of the sentence: "On the same day, X said they had captured
                # P after overnight fighting" dates the capture and the fighting
                day = base + timedelta(days=off)
                e.when = When(start=day, end=day, precision=Precision.DAY)
                self._own_day[id(e)] = True

    def _told_before(self, rd: Reader, e: EventClaim, last: EventClaim | None):
        """The day "the next day" counts from: the incident told last before the sentence; a
        dated incident the paragraph told that yielded no event of its own comes after an
        event of an earlier paragraph ("On 30 January, settlers set fire to two houses. The
        next day, ...")."""
        sents = rd.ctx.sentences

        def of(start: int):
            return next((s for s in sents if s.start <= start < s.end), None)

        base = last.when.start if last is not None and last.when is not None else None
        own = of(e.evidence.start)
        prev = of(last.evidence.start) if last is not None else None
        if own is None or (prev is not None and prev.para.index >= own.para.index):
            return base
        told = [
            d
            for d in self._incidents
            if d[0] < own.index and d[1] == own.para.index and d[2].start is not None
        ]
        return told[-1][2].start if told else base

    def _names_its_own_day(self, rd: Reader, e: EventClaim) -> bool:
        """The event's sentence names a weekday or a date besides its relative phrase."""
        sent = next((s for s in rd.ctx.sentences if s.start <= e.evidence.start < s.end), None)
        if sent is None:
            return False
        rel = [
            (sent.start + m.start(), sent.start + m.end())
            for rx in (self.relative_re, self.shift_re)
            for m in rx.finditer(sent.text)
        ]
        return any(
            t.when is not None
            and t.kind == "point"
            and t.when.precision == Precision.DAY
            and not any(a < t.end and t.start < b for a, b in rel)
            and e.when is not None
            and e.when.start == t.when.start
            for t in rd.ctx.times_in(sent.start, sent.end)
        )

    @staticmethod
    def _arrests_of_an_incident(rd: Reader, e: EventClaim, events: list[EventClaim]) -> bool:
        """Arrests made in a riot, a raid or a battle at the same place and day are part of it."""
        if e.sub_event_type != "Arrests" or e.place is None:
            return False
        key = rd.place_key(e.place.name)
        day = e.when.start if e.when else None
        return any(
            o is not e
            and o.event_type != "Strategic developments"
            and o.place is not None
            and rd.place_key(o.place.name) == key
            and (o.when.start if o.when else None) == day
            for o in events
        )

    @staticmethod
    def _protest_turned_riot(rd: Reader, e: EventClaim, events: list[EventClaim]) -> bool:
        """A protest that turned violent at the same place and day is one riot (ACLED codes the
        gathering by its most violent form)."""
        if e.event_type != "Protests" or e.place is None:
            return False
        key = rd.place_key(e.place.name)
        day = e.when.start if e.when else None
        return any(
            o.event_type == "Riots"
            and o.place is not None
            and rd.place_key(o.place.name) == key
            and (o.when.start if o.when else None) == day
            for o in events
        )

    def _containment(self, rd: Reader) -> set[tuple[str, str]]:
        """(wide, narrow) place keys the document itself nests: "Dankura in Zamfara state",
        "Mir Ali, North Waziristan"; a wide place named with a town in one sentence holds it."""
        out: set[tuple[str, str]] = set()
        for s in rd.ctx.sentences:
            spans = rd.places_in(s)
            for a in spans:
                for b in spans:
                    if a is b or b.start < a.start:
                        continue
                    pb = rd.place(b.text)
                    if rd.wide(b) or rd.region(b) or pb.precision in ("province", "region", "country"):
                        out.add((rd.place_key(b.text), rd.place_key(a.text)))
        return out

    @staticmethod
    def _inside(rd: Reader, contains: set[tuple[str, str]], wide: Place, narrow: Place) -> bool:
        wk, nk = rd.place_key(wide.name), rd.place_key(narrow.name)
        if wk == nk:
            return False
        if (wk, nk) in contains:
            return True
        if wide.precision == "country" and narrow.country and wide.country == narrow.country:
            return True
        return bool(
            wide.precision in ("province", "region", "district")
            and narrow.admin1
            and rd.place_key(narrow.admin1) == wk
        )

    def _same_incident(
        self, rd: Reader, contains: set[tuple[str, str]], p: EventClaim, e: EventClaim
    ) -> bool:
        if p.place is None or e.place is None:
            return False
        if p.event_type != e.event_type:
            return self._victims_of(rd, p, e)
        same_place = rd.place_key(p.place.name) == rd.place_key(e.place.name)
        nested = self._inside(rd, contains, p.place, e.place) or self._inside(rd, contains, e.place, p.place)
        if not (same_place or nested):
            return False
        same_day = (p.when.start if p.when else None) == (e.when.start if e.when else None)
        # fighting said to go on after a capture is its own event, whatever the day
        territory = {p.sub_event_type, e.sub_event_type} - {"Armed clash", "Attack"}
        ongoing = [
            x.sub_event_type == "Armed clash" and bool(_ONGOING.search(x.evidence.sentence)) for x in (p, e)
        ]
        if territory and any(ongoing):
            return False
        if self._distinct_acts(p, e):
            return False
        if same_day:
            return True
        undated = not self._own_day.get(id(p)) or not self._own_day.get(id(e))
        return undated and p.sub_event_type == e.sub_event_type

    @staticmethod
    def _victims_of(rd: Reader, p: EventClaim, e: EventClaim) -> bool:
        """Civilians told killed after a strike or a battle at the same place and day, by the same
        side or by no side named ("Among the dead was a woman killed in her yard"), are that
        incident's victims, not an attack of their own."""
        return (
            e.event_type == "Violence against civilians"
            and e.sub_event_type == "Attack"
            and p.event_type in ("Explosions/Remote violence", "Battles")
            and rd.place_key(p.place.name) == rd.place_key(e.place.name)
            and p.when is not None
            and e.when is not None
            and p.when.start == e.when.start
            and (e.actor1 is None or e.actor1 == p.actor1)
        )

    @staticmethod
    def _distinct_acts(p: EventClaim, e: EventClaim) -> bool:
        """Killing people and carrying others off in one raid are two acts ACLED codes apart
        (an attack and an abduction)."""
        subs = {p.sub_event_type, e.sub_event_type}
        if subs == {"Attack", "Abduction/forced disappearance"}:
            # a raid that only carried people off is the abduction
            return any(x.sub_event_type == "Attack" and x.fatalities for x in (p, e))
        return False

    def _absorb(self, rd: Reader, contains: set[tuple[str, str]], prev: EventClaim, e: EventClaim) -> None:
        """Keep one reading: the more specific sub-type, the town over its province, the day
        the text gives over one taken from context, and every actor and toll either names."""
        took_sub = False
        if prev.sub_event_type in ("Armed clash", "Attack") and e.sub_event_type not in (
            "Armed clash",
            "Attack",
        ):
            if not (e.sub_event_type.startswith("Abduction") and prev.fatalities):
                prev.sub_event_type = e.sub_event_type
                took_sub = True
        if prev.place is not None and e.place is not None and self._inside(rd, contains, prev.place, e.place):
            prev.place = e.place
        if self._own_day.get(id(e)) and not self._own_day.get(id(prev)):
            prev.when, prev.evidence = e.when, e.evidence
            self._own_day[id(prev)] = True
        self._absorb_actors(prev, e, took_sub)
        prev.fatalities = prev.fatalities or e.fatalities

    @staticmethod
    def _absorb_actors(prev: EventClaim, e: EventClaim, took_sub: bool) -> None:
        """Two readings of one incident may name its sides from either end: "its camp came under
        attack" (the army first) and "rebels seized the camp from the army". A territory
        sub-type taken over brings its order (the side gaining ground first); a side is never
        its own opponent."""
        a1, a2 = e.actor1, e.actor2
        if took_sub and a1 and a2:
            prev.actor1, prev.actor2 = a1, a2
            return
        if (a2 and a2 == prev.actor1) or (a1 and a1 == prev.actor2):
            a1, a2 = a2, a1  # the same sides told the other way round
        prev.actor1 = prev.actor1 or a1
        prev.actor2 = prev.actor2 or a2
        if prev.actor2 == prev.actor1:
            prev.actor2 = None
