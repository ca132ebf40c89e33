"""Casualty claims (ANNOTATION.md section 1): a number of people, one outcome, one victim group.

For every count expression in a sentence the extractor asks, over the dependency parse:
what noun does it count (the victims), and which outcome word governs that noun — a
verb it is the subject or object of ("were killed", "killing 40 civilians"), an outcome
noun it modifies ("324 civilian deaths"), a participle attached to it ("180 people
killed"), or a toll it is the value of ("the death toll rose to 406"). A short linear
fallback covers parses that go astray. Breakdowns ("including 113 children") become
claims `part_of` the figure they break down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from warledger.claims.context import DocContext, Sentence
from warledger.claims.counts import CountFinder, CountMention
from warledger.claims.lexicon import Lexicons, alt
from warledger.claims.placing import PlaceFinder
from warledger.dates.vocab import TimeVocabulary
from warledger.types import (
    CasualtyClaim,
    Count,
    Outcome,
    Precision,
    Qualifier,
    VictimCategory,
    Victims,
    When,
)

_TOLL_VERBS = {
    "put",
    "place",
    "estimate",
    "set",
    "rise",
    "reach",
    "climb",
    "stand",
    "hit",
    "increase",
    "jump",
    "soar",
    "mount",
    "grow",
    "top",
    "exceed",
    "surpass",
    "bring",
    "raise",
    "push",
    "be",
}
_CUMULATIVE_WORDS = re.compile(
    r"\b(?:since|total|totals|toll|tally|overall|so far|to date|in all|altogether|cumulative|as of|brings?|bringing|"
    r"during the (?:same )?period|over the past|in the past|throughout|a total of)\b",
    re.I,
)
_REVERSALS = {"rescue", "free", "release", "liberate", "repatriate", "reunite", "swap", "exchange"}
_PEOPLE_VERBS = {
    "arrest",
    "detain",
    "abduct",
    "kidnap",
    "kill",
    "shoot",
    "execute",
    "assassinate",
    "murder",
    "injure",
    "wound",
    "disappear",
    "behead",
    "torture",
    "imprison",
    "jail",
}
_FORCE_MEMBERS = {
    "soldier": "the army",
    "troop": "the army",
    "serviceman": "the army",
    "conscript": "the army",
    "policeman": "the police",
    "policemen": "the police",
    "gendarme": "the gendarmerie",
}
_GROUP_WORDS = {
    "women",
    "children",
    "men",
    "elderly",
    "minors",
    "girls",
    "boys",
    "infants",
    "teenagers",
    "youths",
}
_CIVIL_COLLECTIVES = {
    "family",
    "household",
    "community",
    "tribe",
    "clan",
    "congregation",
    "crew",
    "team",
    "parliament",
    "council",
    "party",
    "union",
    "staff",
    "press",
    "public",
    "families",
}
_KILLING_MANNER = {"shoot", "gun", "beat", "stab", "hack", "burn", "club", "stone", "mow", "cut", "bludgeon"}
_UNNAMED_ATTACKERS = {
    "gunman",
    "gunmen",
    "assailant",
    "attacker",
    "kidnapper",
    "abductor",
    "bandit",
    "raider",
}
# What a side calls the enemy's fighters: when it reports their losses, it caused them.
_HOSTILE_LABELS = {
    "terrorist",
    "militant",
    "insurgent",
    "jihadist",
    "jihadi",
    "extremist",
    "attacker",
    "assailant",
    "bandit",
    "rebel",
    "gunman",
    "enemy",
    "element",
    "outlaw",
}
_NEGATION = {"no", "not", "never", "none", "nobody", "without"}
_DIRECT_DEPS = {
    "nsubjpass",
    "dobj",
    "nsubj",
    "attr",
    "oprd",
    "pobj",
    "appos",
    "conj",
    "npadvmod",
    "dative",
    "agent",
}


@dataclass(slots=True)
class _Hit:
    mention: CountMention
    outcome: str | None
    noun: Token | None
    trigger: Token | None
    claim: CasualtyClaim | None = None
    marker_before: int | None = None  # token index of a breakdown marker introducing this figure
    parent: _Hit | None = None
    children: list = field(default_factory=list)
    skip: bool = False  # folded into a coordinated figure
    coordinated: bool = False  # "a man and his wife": one figure for several nouns


class CasualtyExtractor:
    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.counts = CountFinder(lex)
        self.placer = PlaceFinder()
        v = lex.victims
        self.civilian = set(v.civilian)
        self.combatant = set(v.combatant)
        self.unknown = {w.lower() for w in v.unknown}
        self.nationalities = {w.lower() for w in v.nationalities}
        self.mixed_re = re.compile(r"\b" + alt(v.mixed_phrases) + r"\b", re.I) if v.mixed_phrases else None
        self.civ_mod = set(v.civilian_modifiers)
        self.com_mod = set(v.combatant_modifiers)
        self.groups = {g: set(ws) for g, ws in v.groups.items()}
        self.victim_nouns = self.civilian | self.combatant | self.unknown
        self.forecast = set(lex.forecast)
        self.non_violent_re = re.compile(r"\b" + alt(lex.non_violent_causes) + r"\b", re.I)
        self.violence_re = re.compile(r"\b" + alt(lex.violence_words) + r"\b", re.I)
        self.not_casualty_re = re.compile(r"\b" + alt(lex.not_casualty_phrases) + r"\b", re.I)
        self.households = set(lex.household_nouns)
        self.violent = set(lex.violent_actions)
        self.telling = set(lex.attribution.telling_verbs)
        self.conflict_nouns = {w.lower() for w in lex.conflict_nouns}
        self.fight_nouns = {w.lower() for w in lex.fight_nouns}
        time_vocab = TimeVocabulary.load()
        self.day_parts = {w.lower() for w in time_vocab.day_parts}
        self.since_comparisons = {w.lower() for w in time_vocab.since_comparisons}

    # ------------------------------------------------------------------ outcomes
    def _outcome_word(self, tok: Token) -> str | None:
        if tok.lower_ in ("lost", "lose", "loses", "losing") and tok.pos_ in ("VERB", "AUX"):
            return "killed"
        if tok.lemma_.lower() == "claim" and any(c.lemma_.lower() == "life" for c in tok.subtree):
            return "killed"
        if tok.lemma_.lower() in ("take", "hold") and any(
            c.lower_ in ("hostage", "hostages", "prisoner", "prisoners", "captive") for c in tok.children
        ):
            return "captured"
        if tok.lemma_.lower() == "claim":
            return None
        lemma = tok.lemma_.lower()
        if lemma == "fall" or tok.lower_ in ("fallen", "fell"):
            # "fallen on the field of honour", "fell in combat": died in service, not a town that fell
            after = tok.doc[tok.i + 1 : tok.i + 7].text.lower()
            return "killed" if any(after.startswith(p) for p in self.lex.fallen_phrases) else None
        if tok.pos_ == "VERB" and lemma in _KILLING_MANNER:
            # "shooting dead 17", "beaten to death", "gunned down"
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ in ("dead", "down"):
                return "killed"
            for c in tok.children:
                if c.lower_ in ("dead", "down") or (
                    c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                ):
                    return "killed"
        if tok.pos_ == "VERB" and lemma in ("leave", "abandon", "desert"):
            # "3,000 people have left the villages": fled their homes
            if any(
                c.dep_ == "dobj"
                and c.lemma_.lower() in ("home", "house", "village", "town", "area", "camp", "land")
                for c in tok.children
            ):
                return "displaced"
        if tok.pos_ == "VERB" and lemma in ("force", "drive", "push", "chase"):
            # "forced 8 million from their homes", "drove thousands out of their villages"
            for c in tok.subtree:
                if c.lemma_.lower() in ("home", "house", "village", "land") and c.head.lower_ in (
                    "from",
                    "of",
                    "out",
                ):
                    return "displaced"
        if (
            tok.lemma_.lower() == "death"
            and tok.head.lower_ == "to"
            and tok.head.head.lemma_.lower()
            in ("sentence", "condemn", "stone", "beat", "starve", "freeze", "burn")
        ):
            # "sentenced 12 men to death" is a verdict; "beaten to death" keeps its verb
            if tok.head.head.lemma_.lower() in ("sentence", "condemn"):
                return None
        out = self.lex.outcome_of_lemma(tok.lemma_, tok.pos_)
        if out is None:
            out = self.lex.outcome_of_lemma(tok.lower_, tok.pos_)
        if (
            out == "killed"
            and tok.lemma_.lower() in ("body", "victim", "life", "toll", "killing")
            and tok.pos_ == "NOUN"
        ):
            # "bodies found", "victims", "lives": killed only when nothing else is said
            return "killed"
        if out == "captured" and tok.lemma_.lower() == "seize":
            return None  # "seized four armored vehicles": things, not people, most of the time
        return out

    def _combined(self, trigger: Token, outcome: str) -> str:
        """ "killed or injured", "dead and wounded" on one figure: casualties."""
        doc = trigger.doc
        j = trigger.i + 1
        if j + 1 < len(doc) and doc[j].lower_ in ("or", "and", "/"):
            other = self._outcome_word(doc[j + 1])
            if other and other != outcome and {outcome, other} <= {"killed", "injured", "casualties"}:
                nxt = doc[j + 2] if j + 2 < len(doc) else None
                if nxt is None or not nxt.like_num:
                    return "casualties"
        return outcome

    def _link(self, sent: Span, m: CountMention) -> tuple[str | None, Token | None, Token | None]:
        """(outcome, victim noun, trigger) for a count mention, from the parse."""
        doc = sent.doc
        head = doc[m.head]
        noun: Token | None = None
        if m.singular:
            noun = head
        elif head.dep_ in ("nummod", "quantmod", "amod", "compound") and head.head.pos_ in (
            "NOUN",
            "PROPN",
            "ADJ",
            "PRON",
            "NUM",
        ):
            noun = head.head
            if noun.dep_ == "nummod" and noun.head.pos_ in ("NOUN", "PROPN"):  # "two hundred people"
                noun = noun.head
        else:
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                noun = pobj
            elif (
                head.dep_ == "pobj"
                and head.head.lower_ == "of"
                and head.head.head.lemma_.lower() in self.households
            ):
                noun = head.head.head  # "a family of four"
        nxt = m.end + (1 if m.end < sent.end and doc[m.end].text == ")" else 0)
        if (
            (noun is None or noun.i < m.start)
            and nxt < sent.end
            and doc[nxt].pos_ in ("NOUN", "PROPN")
            and (doc[nxt].lemma_.lower() in self.victim_nouns or doc[nxt].lower_ in self.victim_nouns)
        ):
            noun = doc[nxt]  # "(1348) people": the parser hung the number elsewhere
        if (noun is None or noun.pos_ == "PRON") and m.end + 1 < sent.end and doc[m.end].lemma_ == "be":
            # "of whom at least six were civilians"
            k = m.end + 1
            while k < sent.end and doc[k].pos_ in ("ADJ", "DET", "ADV"):
                k += 1
            if k < sent.end and doc[k].pos_ == "NOUN":
                noun = doc[k]
        x = noun if noun is not None else head

        # 1. the counted noun names the outcome ("324 civilian deaths", "60 dead")
        if noun is not None:
            out = self._outcome_word(noun)
            if (
                out
                and noun.lemma_.lower() not in ("victim", "body", "life")
                or (
                    out
                    and noun.lemma_.lower() == "life"
                    and x.head.lemma_.lower() in ("claim", "lose", "take", "cost")
                )
                # "received 18 bodies": counted bodies are dead people
                or (out and noun.lemma_.lower() in ("body", "corpse") and doc[m.head].dep_ == "nummod")
            ):
                return self._combined(noun, out), noun, noun
        # 2. a participle or adjective attached to it ("people killed", "civilians wounded")
        for c in x.children:
            if c.dep_ in ("acl", "relcl", "amod", "appos") and c.i > x.i:
                out = self._outcome_word(c)
                if out:
                    return self._combined(c, out), noun, c
        # 2b. a bare figure followed by its own outcome word: "the toll rose to 24 injured and
        # one dead" (before any governing toll says "killed" for both)
        if noun is None and m.end < sent.end:
            nxt_tok = doc[m.end]
            out = self._outcome_word(nxt_tok)
            if out and nxt_tok.tag_ in ("VBN", "JJ") and nxt_tok.pos_ in ("VERB", "ADJ"):
                return self._combined(nxt_tok, out), noun, nxt_tok
        # 3. governing verbs ("were killed", "killing 40", "confirmed killed", "lost 539");
        # an outcome noun reached through an apposition ("the latest casualty -- a man --
        # was killed") is kept only if no verb says more
        noun_fallback = None
        cur, hops = x, 0
        while cur.head.i != cur.i and hops < 4:
            dep = cur.dep_
            parent = cur.head
            if (
                dep == "conj"
                and cur.pos_ in ("VERB", "AUX")
                and any(c.dep_.startswith("nsubj") for c in cur.children)
            ):
                break  # a coordinated clause with its own subject has its own outcome
            if dep not in _DIRECT_DEPS and not (dep == "prep" or parent.dep_ == "prep"):
                break
            if dep == "pobj" and parent.lower_ not in ("of", "to", "by", "among", "at"):
                break
            out = self._outcome_word(parent)
            if out and parent.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                if (
                    parent.pos_ == "NOUN"
                    and dep not in ("pobj", "appos", "conj")
                    and not (dep == "prep" and cur.lower_ == "of")
                ):
                    pass
                elif parent.pos_ == "NOUN" and dep == "appos" and noun_fallback is None:
                    noun_fallback = parent
                else:
                    if (
                        out == "killed"
                        and parent.lower_ in ("lost", "lose", "loses", "losing")
                        and dep != "dobj"
                    ):
                        return None, noun, None
                    coordinated = noun is not None and noun.dep_ == "conj"
                    own = self._own_outcome_adjective(noun) if parent.pos_ == "NOUN" and coordinated else None
                    if own is not None:
                        # "the bodies of those killed and 26 wounded people": the people's own
                        # adjective beats a noun of the phrase they are coordinated into ("the
                        # killing of three abducted workers" were killed)
                        return own[0], noun, own[1]
                    return self._combined(parent, out), noun, parent
            if parent.pos_ in ("VERB", "AUX"):
                if parent.lemma_.lower() in ("include", "comprise", "number") and dep == "dobj":
                    # "the dead included five children and three women"
                    subj = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                    out = self._outcome_word(subj) if subj is not None else None
                    if out:
                        return out, noun, subj
                if parent.lemma_ in ("be", "remain", "stay"):
                    # "people are under detention", "remain in custody"
                    for c in parent.children:
                        if c.dep_ == "prep" and c.lower_ in ("under", "in"):
                            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                            if pobj is not None and self._outcome_word(pobj) == "captured":
                                return "captured", noun, pobj
                        # "among the dead are seven signatories", "among the wounded was a nurse"
                        if c.dep_ == "prep" and c.lower_ == "among":
                            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                            out = self._outcome_word(pobj) if pobj is not None else None
                            if out:
                                return out, noun, pobj
                for c in parent.children:
                    if c.dep_ in ("xcomp", "oprd", "acomp", "ccomp") and c.i > cur.i:
                        out = self._outcome_word(c)
                        if out:
                            return self._combined(c, out), noun, c
                # "the death toll rose to 406": the value of a toll
                if parent.lemma_.lower() in _TOLL_VERBS:
                    # "the toll rose to 406", "this brings the total number of victims to 100"
                    for subj in (
                        c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != x.i
                    ):
                        out = self._toll_outcome(subj)
                        if out:
                            return out, noun, subj
                        if parent.lemma_ == "be" and dep == "attr" and self._counts_the_dead(subj):
                            # "the dead were 98 civilians": who the dead were
                            return self._outcome_word(subj), noun, subj
                    # "the number of soldiers killed ... has risen to 143", the toll's verb hung
                    # under its own participle: the toll noun it rises from
                    toll = self._toll_above(parent)
                    if toll is not None:
                        return self._toll_outcome(toll), noun, toll
                break
            cur, hops = parent, hops + 1
        if noun_fallback is not None:
            return self._combined(noun_fallback, self._outcome_word(noun_fallback)), noun, noun_fallback
        # "43 wounded people", "12 missing fishermen": an outcome adjective before the noun,
        # when no verb governs it ("abducted five displaced women" are abducted)
        own = self._own_outcome_adjective(noun)
        if own is not None:
            return own[0], noun, own[1]
        # 4. a short linear window ("100+ killed in ...", "651 killed and 867 injured")
        j = m.end
        if noun is not None and noun.i >= m.end:
            j = noun.i + 1
        for k in range(j, min(j + 3, sent.end)):
            t = doc[k]
            if (t.is_punct and t.text not in (")",)) or t.pos_ in ("ADP", "CCONJ"):
                break
            if t.like_num:
                break
            out = self._outcome_word(t)
            if out and t.pos_ in ("VERB", "ADJ", "NOUN"):
                return self._combined(t, out), noun, t
        # the subject of a clause whose outcome verb the parser attached elsewhere:
        # "15 Palestinians, of whom six were civilians (...), were killed"
        if noun is not None and noun.dep_ in ("nsubj", "nsubjpass"):
            found = self._orphan_outcome(sent, noun)
            if found is not None:
                return self._combined(found, self._outcome_word(found)), noun, found
        # "killing N", "wounding N others": an outcome gerund right before the figure
        k = m.start - 1
        if k > sent.start and doc[k].text == "(":
            k -= 1  # "injuring (7) others"
        if k >= sent.start:
            t = doc[k]
            out = self._outcome_word(t)
            if out and t.tag_ in ("VBG", "VBD", "VBN"):
                return out, noun, t
        return None, noun, None

    def _own_outcome_adjective(self, noun: Token | None) -> tuple[str, Token] | None:
        """An outcome adjective before the counted noun ("43 wounded people")."""
        if noun is None:
            return None
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.i < noun.i and c.tag_ in ("VBN", "JJ"):
                out = self._outcome_word(c)
                if out and out != "casualties":
                    return out, c
        return None

    def _orphan_outcome(self, sent: Span, noun: Token) -> Token | None:
        doc = sent.doc
        for k in range(noun.i + 1, min(sent.end, noun.i + 30)):
            t = doc[k]
            if t.text == ";":
                return None
            if t.pos_ == "VERB" and self._outcome_word(t) and t.tag_ in ("VBN", "VBD"):
                if not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                    return t
                return None
        return None

    def _counts_the_dead(self, subj: Token) -> bool:
        """ "the dead", "the victims", "those killed": a subject that is the casualties themselves."""
        if subj.lemma_.lower() in ("dead", "victim", "wounded", "injured", "casualty", "fatality"):
            return any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        return subj.lower_ == "those" and any(self._outcome_word(c) for c in subj.children)

    def _toll_above(self, verb: Token) -> Token | None:
        """A toll noun ("the number of ... killed") the parser made an ancestor of its verb."""
        for a in list(verb.ancestors)[:3]:
            if a.pos_ == "NOUN" and a.lemma_.lower() in ("number", "toll", "tally", "total", "count"):
                return a if self._toll_outcome(a) else None
        return None

    def _toll_people(self, toll: Token | None) -> Token | None:
        """ "the number of civilians killed": the people a toll counts."""
        if toll is not None and toll.dep_ == "acl" and toll.head.head.lower_ == "of":
            toll = toll.head.head.head  # the participle of "the number of civilians killed"
        if toll is None or toll.lemma_.lower() not in ("number", "toll", "tally", "total", "count"):
            return None
        for c in toll.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() in (self.civilian | self.combatant):
                        return g
        return None

    def _toll_outcome(self, subj: Token) -> str | None:
        words = {t.lemma_.lower() for t in subj.subtree}
        if words & {"toll", "number", "tally", "count", "total"}:
            if (
                words & {"death", "dead", "fatality", "killed", "kill", "victim"}
                or subj.lemma_.lower() == "toll"
                and not words & {"injury", "casualty"}
            ):
                return "killed"
            if words & {"casualty"}:
                return "casualties"
            if words & {"injury", "injured", "wounded"}:
                return "injured"
        return None

    # ------------------------------------------------------------------ victims
    def _victims(
        self,
        ctx: DocContext,
        sent: Sentence,
        noun: Token | None,
        outcome: str,
        inherit: Victims | None,
        people: bool = False,
    ) -> Victims | None:
        """Victim category, armed group and singled-out group; None when the noun is not people."""
        if noun is None:
            return (
                inherit
                or self._sentence_category(sent)
                or Victims(VictimCategory.CIVILIAN if outcome == "displaced" else VictimCategory.UNKNOWN)
            )
        lemma = noun.lemma_.lower()
        low = noun.lower_
        if lemma in self.households or low in self.households:
            # "a family of four" counts people; "300 families" counts households
            if any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.like_num for g in c.children)
                for c in noun.children
            ):
                return Victims(VictimCategory.CIVILIAN, None, None)
            return None
        # "civilians and soldiers": mixed groups are unknown
        for c in noun.children:
            counted = any(
                x.dep_ == "nummod" or (x.dep_ == "det" and x.lower_ in ("a", "an", "one")) for x in c.children
            )
            if c.dep_ == "conj" and c.pos_ == "NOUN" and not counted:
                cl = c.lemma_.lower()
                if (lemma in self.civilian and cl in self.combatant) or (
                    lemma in self.combatant and cl in self.civilian
                ):
                    return Victims(VictimCategory.UNKNOWN)
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < noun.i]
        mod_words = {c.lemma_.lower() for c in mods} | {c.lower_ for c in mods}
        group = None
        for g, words in self.groups.items():
            if lemma in words or low in words:
                group = g
                break
        if group is None and ("female" in mod_words or "pregnant" in mod_words):
            group = "women"
        if group is None and mod_words & {"elderly", "old"}:
            group = "elderly"
        if group is None and any(c.lower_.endswith("-year-old") for c in noun.children) and lemma == "man":
            group = "men"

        actor = None
        # "ISIS jihadis", "al-Shabaab terrorists", "members of the YPG", "SDF fighters"
        actor_toks = [
            c
            for c in mods
            if c.pos_ in ("PROPN", "ADJ", "NOUN") and c.lemma_.lower() not in self.victim_nouns
        ]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "with", "belonging", "in"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        actor_toks.append(g)
        for t in actor_toks:
            sub = (
                [x for x in t.subtree if x.i != noun.i]
                if t.i > noun.i
                else [t] + [x for x in t.children if x.dep_ == "compound"]
            )
            sub = sorted(sub, key=lambda x: x.i)
            text = sent.span.doc[sub[0].i : sub[-1].i + 1].text if sub else t.text
            r = ctx.resolve_actor(text, sent.abs(t.idx), strict=True)
            if r and r.known and (r.kind or "") not in ("monitor", "media", "civilians"):
                actor = r.name
                break
        if actor is None:
            # the whole phrase: "Russian soldiers", "Israeli troops"
            phrase = sent.span.doc[min([noun.i] + [c.i for c in mods]) : noun.i + 1].text
            r = ctx.resolve_actor(phrase, sent.abs(noun.idx), strict=True)
            if r and r.known and (r.kind or "") not in ("monitor", "media", "civilians"):
                actor = r.name

        if actor is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "lose":
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                # "Russia lost 900 troops": a country loses its forces
                r = ctx.resolve_actor(subj.text, sent.abs(subj.idx), strict=True)
                if r is None or not r.known:
                    r = ctx.resolve_actor(f"{subj.text} forces", sent.abs(subj.idx), strict=True)
                actor = r.name if r and r.known else None
        if lemma in ("other", "others") or low == "others":
            base = inherit or Victims(VictimCategory.UNKNOWN)
            return Victims(base.category, base.actor, group)
        if mod_words & self.civ_mod:
            return Victims(VictimCategory.CIVILIAN, None, group)
        if lemma == "member":
            of = [
                g
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if of and of[0].lemma_.lower() in _CIVIL_COLLECTIVES and actor is None:
                return Victims(VictimCategory.CIVILIAN, None, group)  # "seven members of one family"
        if actor is None and lemma in _FORCE_MEMBERS:
            # "nine soldiers", "two policemen": the forces of the country the report is about
            r = ctx.resolve_actor(_FORCE_MEMBERS[lemma], sent.abs(noun.idx), strict=True)
            if r is not None and r.known and r.kind == "state force":
                actor = r.name
        if (
            lemma in self.combatant
            or low in self.combatant
            or (mod_words & {"female"} and lemma in ("leader", "fighter"))
        ):
            return Victims(VictimCategory.COMBATANT, actor, group)
        if mod_words & self.com_mod and lemma in self.unknown | {"casualty", "death", "fatality", "loss"}:
            return Victims(VictimCategory.COMBATANT, actor, group)
        if lemma in self.civilian or low in self.civilian:
            if actor and lemma in ("member", "leader", "chief", "head", "commander", "deputy", "official"):
                return Victims(VictimCategory.COMBATANT, actor, group)
            return Victims(VictimCategory.CIVILIAN, None, group)
        if outcome == "displaced" and (lemma in self.unknown or noun.ent_type_ == "NORP"):
            return Victims(VictimCategory.CIVILIAN, None, group)  # "a million Haitians displaced"
        if self._nationals(noun):
            # "201 Palestinians were killed": people, unless the text mixes fighters in
            mixed = self.mixed_re is not None and self.mixed_re.search(sent.text)
            return Victims(VictimCategory.UNKNOWN if mixed else VictimCategory.CIVILIAN, None, group)
        if lemma in self.unknown or low in self.unknown or noun.ent_type_ == "NORP":
            if inherit is not None and lemma in ("casualty", "death", "fatality", "victim", "dead"):
                return inherit
            return Victims(VictimCategory.UNKNOWN, actor, group)
        if people:
            # a named person: a fighter only if the text describes them as one
            described = {
                t.lemma_.lower() for c in noun.children if c.dep_ in ("appos", "compound") for t in c.subtree
            }
            if described & self.combatant:
                return Victims(VictimCategory.COMBATANT, actor, None)
            return Victims(VictimCategory.CIVILIAN, None, None)
        if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON",):
            r = ctx.resolve_actor(noun.text, sent.abs(noun.idx), strict=True)
            if r and r.known and (r.kind or "") in ("state force", "non-state armed group", "coalition"):
                return Victims(VictimCategory.COMBATANT, r.name, group)
            return None
        if self._outcome_word(noun):
            if outcome == "displaced":
                return Victims(VictimCategory.CIVILIAN, None, group)
            return inherit or Victims(VictimCategory.UNKNOWN)
        return None  # counts of things: vehicles, houses, strikes

    def _nationals(self, noun: Token) -> bool:
        """People named by their nationality ("Palestinians", "Kurds"), not a force."""
        if noun.lemma_.lower() in self.nationalities or noun.lower_ in self.nationalities:
            return True
        return noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS")

    def _sentence_category(self, sent: Sentence) -> Victims | None:
        """For a bare figure ("with 60 killed"): the category an outcome noun of the
        sentence gives ("civilian casualties")."""
        for t in sent.span:
            if t.lemma_.lower() in ("casualty", "death", "fatality", "victim", "toll"):
                mods = {c.lemma_.lower() for c in t.children if c.dep_ in ("amod", "compound")}
                if mods & self.civ_mod:
                    return Victims(VictimCategory.CIVILIAN)
                if mods & self.com_mod:
                    return Victims(VictimCategory.COMBATANT)
        return None

    # ------------------------------------------------------------------ perpetrator
    _NOT_PERPETRATORS = ("monitor", "media", "civilians", "international organisation")

    def _armed(self, ctx: DocContext, phrase: str, at: int) -> str | None:
        """The actor a phrase names as a perpetrator. A state named as a whole ("Government
        shelling", "Russian strikes") means its forces."""
        r = ctx.resolve_actor(phrase, at, strict=True)
        if r is None or not r.known or (r.kind or "") in self._NOT_PERPETRATORS:
            return None
        if r.kind == "government body":
            forces = ctx.resolve_actor(f"{phrase} forces", at, strict=True)
            if forces is not None and forces.known and forces.kind == "state force":
                return forces.name
        return r.name

    _FORCE_NOUNS = {"force", "troop", "army", "fighter", "unit", "soldier", "militant", "men", "personnel"}

    def _speakers_forces(self, ctx: DocContext, sent: Sentence, c: Token) -> str | None:
        """ "its forces had neutralised", "our troops killed", "it said it had killed": the
        forces of whoever is speaking."""
        if c.dep_ == "nsubj" and c.lower_ in ("it", "we", "they"):
            return self._speaker_force(ctx, sent)
        if (
            c.dep_ == "nsubj"
            and c.lemma_.lower() in self._FORCE_NOUNS
            and all(x.dep_ in ("det", "punct") and x.lower_ in ("the", ",") for x in c.children)
        ):
            # "the ministry said troops killed four attackers": the speaker's troops
            return self._speaker_force(ctx, sent, fighting_only=True)
        poss = next((x for x in c.children if x.dep_ == "poss"), None)
        if (
            poss is None
            or poss.lower_ not in ("its", "our", "their")
            or c.lemma_.lower() not in self._FORCE_NOUNS
        ):
            return None
        return self._speaker_force(ctx, sent)

    _DEFENCE_BODY = re.compile(r"\b(?:defen[cs]e|military|army|armed forces|war)\b", re.I)

    def _speaker_force(self, ctx: DocContext, sent: Sentence, fighting_only: bool = False) -> str | None:
        """The armed force the sentence's originating source is or speaks for; with
        `fighting_only`, a government body counts only if it runs the war (a defence ministry),
        not a health ministry counting the dead."""
        chain = ctx.sources(sent)
        if not chain:
            return None
        speaker = ctx.resolve_actor(chain[0], strict=True)
        if speaker is None or not speaker.known:
            return None
        if speaker.kind in ("state force", "non-state armed group", "coalition"):
            return speaker.name
        if speaker.kind == "government body" and speaker.country:
            if fighting_only and not self._DEFENCE_BODY.search(f"{chain[0]} {speaker.name}"):
                return None
            army = ctx.actors.resolve("the army", country=speaker.country, on=ctx.published)
            if army is not None and army.known:
                return army.name
        return None

    def _enemy_of_speaker(
        self, ctx: DocContext, sent: Sentence, victims: Victims, noun: Token | None
    ) -> str | None:
        """Losses an armed party reports of the other side ("the army said 40 terrorists were
        neutralised", "Kyiv said Russia lost 900 troops"): the party caused them."""
        speaker = self._speaker_force(ctx, sent, fighting_only=True)
        if speaker is None:
            return None
        if victims.actor:
            return speaker if victims.actor != speaker else None
        if noun is not None and noun.lemma_.lower() in _HOSTILE_LABELS:
            return speaker
        return None

    def _perpetrator(
        self, ctx: DocContext, sent: Sentence, trigger: Token | None, noun: Token | None
    ) -> str | None:
        if trigger is None:
            return None
        cands: list[Token] = []
        # "killed by X", "in shelling by X", "in an attack launched by X"
        for t in [trigger] + [a for a in trigger.ancestors][:3] + list(trigger.children):
            for c in t.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                    cands += [g for g in c.children if g.dep_ == "pobj"]
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "after", "from"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            for gg in g.subtree:
                                if gg.dep_ == "pobj" and gg.head.lower_ == "by":
                                    cands.append(gg)
                                if gg.dep_ in ("amod", "compound") and gg.head.i == g.i:
                                    cands.append(gg)
        # active voice: "SDF fighters have killed 922", "the RSF launched an attack, killing 40"
        verb = trigger if trigger.pos_ in ("VERB",) else None
        if verb is not None and not any(c.dep_ == "auxpass" for c in verb.children):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.tag_ == "VBG":
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if (
                subj is not None
                and (noun is None or subj.i != noun.i)
                and verb.lemma_.lower() not in ("die", "lose", "flee")
            ):
                cands.insert(0, subj)
        # "militants of al-Shabaab", "fighters from the group": the group is the actor
        cands += [
            g
            for c in list(cands)
            for p in c.children
            if p.dep_ == "prep" and p.lower_ in ("of", "from")
            for g in p.children
            if g.dep_ == "pobj"
        ]
        for c in cands:
            name = self._actor_named(ctx, sent, c)
            if name:
                return name
        return None

    def _fought_with(self, ctx: DocContext, sent: Sentence, trigger: Token | None) -> str | None:
        """ "Ten soldiers were killed in clashes with al-Shabaab": the side the victims fought."""
        if trigger is None:
            return None
        for t in [trigger, *list(trigger.ancestors)[:2]]:
            for prep in t.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "after"):
                    continue
                for fight in prep.children:
                    if fight.dep_ != "pobj" or fight.lemma_.lower() not in self.fight_nouns:
                        continue
                    for w in fight.children:
                        if w.dep_ == "prep" and w.lower_ in ("with", "against"):
                            foe = next((g for g in w.children if g.dep_ == "pobj"), None)
                            name = self._actor_named(ctx, sent, foe) if foe is not None else None
                            if name:
                                return name
        return None

    def _actor_named(self, ctx: DocContext, sent: Sentence, c: Token) -> str | None:
        """The armed actor a noun phrase names: "its forces" (the speaker's), "gunmen"
        (unidentified), "ISIS cells" (the modifier), "fighters of the ISWAP" (the whole)."""
        doc = sent.span.doc
        own = self._speakers_forces(ctx, sent, c)
        if own:
            return own
        if c.lemma_.lower() in _UNNAMED_ATTACKERS:
            # described, not named: "gunmen", "assailants" (unless the actor list knows the
            # description, as with a country's "bandits")
            return self._armed(ctx, f"{c.text}", sent.abs(c.idx)) or "Unidentified armed group"
        left = [x for x in c.children if x.i < c.i and x.dep_ in ("compound", "amod", "nmod", "poss")]
        if left:
            text = doc[min(x.i for x in left) : c.i + 1].text
            name = self._armed(ctx, text, sent.abs(c.idx))
            if name:
                return name
            # "ISIS bombardment", "Russian shelling": the modifier names the actor
            for x in left:
                mod = doc[min(y.i for y in x.subtree) : x.i + 1].text
                # "Government shelling", "Russian strikes": the forces, not the state
                name = self._armed(ctx, mod, sent.abs(x.idx))
                if name:
                    return name
        sub = sorted(c.subtree, key=lambda x: x.i)
        # drop trailing relative clauses and appositions
        cut = [
            x
            for x in sub
            if x.i <= c.i or x.dep_ in ("compound", "prep", "pobj", "amod", "punct") and x.i - c.i < 6
        ]
        text = doc[cut[0].i : cut[-1].i + 1].text if cut else c.text
        return self._armed(ctx, text, sent.abs(c.idx)) or self._armed(ctx, c.text, sent.abs(c.idx))

    # ------------------------------------------------------------------ place and time
    def _when(
        self, ctx: DocContext, sent: Sentence, anchor: Token | None, state: dict
    ) -> tuple[When | None, bool]:
        """(when, is_period_mention) for a claim in this sentence."""
        dl = ctx.dateline_end(sent)
        pos = sent.abs(anchor.idx) if anchor is not None else sent.start
        mentions = [
            t
            for t in ctx.times_in(sent.start, sent.end)
            if t.when is not None
            and not self._names_a_thing(sent, t)
            and not self._record_since(sent, t)
            # "583,000 remain displaced, compared with 628,000 a year ago": the date is the 628,000's
            and (t.compared_from is None or t.compared_from <= pos < t.end)
        ]
        if re.search(
            r"\b(?:same period|same time|during this period|over the same)\b", sent.text, re.I
        ) and state.get("period"):
            return state["period"], True
        if mentions:
            # prefer a "since"/"period" mention (cumulative), then the one nearest the trigger
            # a date of the telling ("told reporters on Wednesday that ...") is not the date
            # of what was told: such mentions come last
            mentions.sort(
                key=lambda t: (
                    self._dates_the_telling(sent, t, dl),
                    0 if t.kind in ("since", "period", "until") else 1,
                    abs(t.start - pos),
                )
            )
            m = mentions[0]
            if self._dates_the_telling(sent, m, dl) or self._bare_day_part(m.text):
                # ... or only a time of day ("at dawn"): the day is the narrative's
                # only the day it was said: what was said happened on the incident's day
                told = self._undated(sent, state, passage_only=True)
                if told is not None:
                    return told
            w = m.when
            if m.kind == "until" and w.start is None:
                # "so far this year", "to date this month": the period's start, the total's end
                opened = [
                    t for t in mentions if t is not m and t.when.start is not None and t.kind != "since"
                ]
                if opened and not self._dates_the_telling(sent, opened[0], dl):
                    w = When(opened[0].when.start, w.end, Precision.PERIOD)
            short = w.start is not None and w.end is not None and (w.end - w.start).days <= 2
            if m.compared_from is not None:
                return w, not short  # a figure compared with: its own date, no one else's
            if m.kind in ("since", "period", "until") or (
                w.precision in (Precision.MONTH, Precision.YEAR, Precision.PERIOD) and not short
            ):
                # the period of a figure covers the figures told after it in the passage
                state["period"], state["period_para"], state["period_sent"] = w, sent.para.index, sent.index
                return w, True
            # a day, or a night or a weekend: one incident's time
            state["when"], state["when_para"], state["when_sent"] = w, sent.para.index, sent.index
            state.setdefault("lead_when", w)
            return w, False
        found = self._undated(sent, state)
        return found if found is not None else (None, False)

    def _undated(
        self, sent: Sentence, state: dict, passage_only: bool = False
    ) -> tuple[When | None, bool] | None:
        """The time of a claim whose sentence dates nothing, or nothing but its telling: the
        passage's; for an undated sentence, failing that, the report's lead incident's."""
        if (
            state.get("period")
            and state.get("period_para") in (sent.para.index, sent.para.index - 1, sent.para.index - 2)
            and not self._incident_told_since_period(sent, state)
            and (state.get("period_of_total", True) or _CUMULATIVE_WORDS.search(sent.text))
        ):
            return state["period"], True
        day = self._narrative_day(sent, state)
        if state.get("when_para") is not None and sent.para.index - state["when_para"] <= 1:
            if (
                day is not None
                and self._later_incident(sent, state)
                and not _CUMULATIVE_WORDS.search(sent.text)
            ):
                return day, False  # "On Sunday, troops clashed ... The army said it killed four"
            return state.get("when"), False  # the day of the incident the passage is about
        if day is not None and not _CUMULATIVE_WORDS.search(sent.text):
            return day, False  # the day the narrative gave the incident, in any sentence
        if passage_only:
            return None  # "On Tuesday, X said ...": a new item dated by its telling
        if state.get("doc_period") is not None:
            return state["doc_period"], True  # a bulletin's reporting period, stated once
        if state.get("lead_when") is not None and not _CUMULATIVE_WORDS.search(sent.text):
            return state["lead_when"], False  # the incident the report leads with
        return None

    @staticmethod
    def _later_incident(sent: Sentence, state: dict) -> bool:
        """A day told between the last dated claim and this undated sentence."""
        after = state.get("when_sent", -1)
        return any(after < i < sent.index for i, _, _ in state.get("incidents") or [])

    @staticmethod
    def _incident_told_since_period(sent: Sentence, state: dict) -> bool:
        """A day an incident is told on after the period was stated, and before this undated
        sentence, in a sentence of its own: the narrative has moved on from the total."""
        if _CUMULATIVE_WORDS.search(sent.text):
            return False
        after = state.get("period_sent", -1)
        return any(after < i < sent.index for i, _, _ in state.get("incidents") or [])

    _TIME_NOUNS = {"year", "month", "week", "day", "period", "night", "morning", "evening", "afternoon"}

    def _names_a_thing(self, sent: Sentence, mention) -> bool:
        """ "the 2016 peace agreement", "the 2022 elections": a date that only qualifies a noun."""
        tok = next((t for t in sent.span if sent.abs(t.idx) >= mention.start), None)
        if tok is None or sent.abs(tok.idx + len(tok.text)) < mention.end - 1:
            return False  # a longer expression: not a bare modifier
        w = mention.when
        if w.start is not None and w.end is not None and (w.end - w.start).days <= 2:
            return False  # "an overnight strike", "Friday's attack": the day of the incident
        return (
            tok.dep_ in ("compound", "nummod", "amod", "nmod")
            and tok.head.pos_ == "NOUN"
            and tok.head.i > tok.i
            and tok.head.lemma_.lower() not in self._TIME_NOUNS
        )

    def _record_since(self, sent: Sentence, mention) -> bool:
        """ "the deadliest attack since 2019", "the highest monthly toll since October": a since
        that sets a record against the past, not the period any figure covers."""
        if mention.kind != "since":
            return False
        span = sent.span
        tok = next((t for t in span if sent.abs(t.idx) >= mention.start), None)
        if tok is None:
            return False
        for t in reversed(span[: tok.i - span.start][-10:]):
            if t.pos_ in ("VERB", "AUX"):
                return False  # "most of those killed since January": the verb's period
            hedge = t.i > 0 and t.doc[t.i - 1].lower_ == "at"  # "at least 138 ... since 2015"
            if (t.tag_ in ("JJS", "RBS") and not hedge) or t.lower_ in self.since_comparisons:
                return True
        return False

    def _dates_the_telling(self, sent: Sentence, mention, dateline_end: int = -1) -> bool:
        """A date of the telling ("the ministry said on Monday", "JNIM claimed on May 12
        that ...", the date of a dateline), not of what was told."""
        if mention.start < dateline_end:
            return True  # "BOGOTA, Oct 14 (EFE) -": the day the report was filed
        span = sent.span
        tok = next((t for t in span if sent.abs(t.idx) >= mention.start), None)
        if tok is None:
            return False
        telling = False
        for a in [tok] + list(tok.ancestors):
            if a.pos_ in ("VERB", "AUX"):
                telling = a.lemma_.lower() in self.telling and self._outcome_word(a) is None
                break
        if not telling:
            return False
        # the parser may hang a date on a distant "said" (a dateline or an apposition
        # confuses it): a date right next to another verb ("forces on Saturday captured
        # X, ... the ministry said") dates that verb's act
        inside = [t.i for t in span if mention.start <= sent.abs(t.idx) < mention.end]
        if not inside:
            return True
        lo, hi = inside[0], inside[-1]
        near = [
            t
            for t in span
            if t.pos_ == "VERB" and not lo <= t.i <= hi and min(abs(t.i - lo), abs(t.i - hi)) <= 1
        ]
        return not any(t.lemma_.lower() not in self.telling for t in near)

    def _incident_days(self, ctx: DocContext) -> list[tuple[int, int, When]]:
        """(sentence index, paragraph index, day) of every day the narrative dates an act
        on, in any sentence: the days the claims of undated sentences inherit."""
        out = []
        for sent in ctx.sentences:
            if ctx.is_title(sent):
                continue
            dl = ctx.dateline_end(sent)
            for t in ctx.times_in(sent.start, sent.end):
                w = t.when
                if (
                    w is None
                    or t.kind != "point"
                    or t.compared_from is not None
                    or w.start is None
                    or w.end is None
                    or (w.end - w.start).days > 2
                    or self._names_a_thing(sent, t)
                    or self._dates_the_telling(sent, t, dl)
                    or self._bare_day_part(t.text)
                ):
                    continue
                out.append((sent.index, sent.para.index, w))
        return out

    def _whole_conflict(self, trigger: Token | None) -> bool:
        """A perfect-tense toll whose doer is the conflict at large: "the war has displaced
        12 million", "a million have been displaced by violence"."""
        if trigger is None or trigger.pos_ not in ("VERB", "AUX"):
            return False
        v = trigger
        while v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
            v = v.head  # "has killed 40,000 and displaced two million"
        if not any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in v.children):
            return False
        doers = [c for c in v.children if c.dep_ == "nsubj"]
        for c in v.children:
            if c.dep_ == "agent":
                doers += [g for g in c.children if g.dep_ == "pobj"]
        for d in doers:
            words = " ".join(t.lemma_.lower() for t in d.subtree if t.dep_ in ("compound", "amod") or t is d)
            if d.lemma_.lower() in self.conflict_nouns or words in self.conflict_nouns:
                return True
        return False

    def _bare_day_part(self, text: str) -> bool:
        """ "at dawn", "in the evening": a time of day naming no day (the resolver reads it
        as the publication day, but in a narrative it is the day of the incident told)."""
        words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in self._DAY_PART_FILLERS]
        return bool(words) and all(w in self.day_parts for w in words)

    _DAY_PART_FILLERS = {"at", "in", "the", "before", "after", "by", "around", "early", "late"}

    @staticmethod
    def _narrative_day(sent: Sentence, state: dict) -> When | None:
        """The day of the incident an undated sentence goes on about: the last one dated in
        this paragraph or the one before; in a lead whose only date is the telling's, the
        day the next paragraph gives the incident."""
        days = state.get("incidents") or []
        before = [d for d in days if d[0] < sent.index]
        if before and sent.para.index - before[-1][1] <= 1:
            return before[-1][2]
        if not before:
            after = [d for d in days if d[0] > sent.index and d[1] - sent.para.index <= 1]
            if after:
                return after[0][2]
        return None

    # ------------------------------------------------------------------ main
    def extract(self, ctx: DocContext) -> list[CasualtyClaim]:
        claims: list[CasualtyClaim] = []
        state: dict = {"incidents": self._incident_days(ctx), "narrative_places": self.placer.narrative(ctx)}
        seen: dict[tuple, CasualtyClaim] = {}
        title_claims: list[CasualtyClaim] = []
        for sent in ctx.sentences:
            self._note_agents(ctx, sent, state)
            hits = self._sentence_hits(ctx, sent, state)
            self._continue_breakdown(sent, hits, claims)
            for h in hits:
                c = h.claim
                if c is None:
                    continue
                key = (
                    c.outcome,
                    c.count.low,
                    c.count.high,
                    c.victims.category,
                    c.victims.group,
                    c.victims.actor,
                )
                value = c.count.low if c.count.low is not None else c.count.high or 0
                if value < 10:
                    # small figures recur for different incidents: the same one only if the
                    # place, the day and the perpetrator agree as well
                    key += (c.place.name if c.place else None, c.when, c.perpetrator)
                if key in seen and c.part_of is None:
                    first = seen[key]
                    if any(first is t for t in title_claims) and not ctx.is_title(sent):
                        # the body's wording wins over the headline's: swap them
                        claims[claims.index(first)] = c
                        title_claims[:] = [t for t in title_claims if t is not first]
                        seen[key] = c
                    continue
                seen.setdefault(key, c)
                if ctx.is_title(sent):
                    title_claims.append(c)
                claims.append(c)
        # A headline figure that the body repeats (even rounded or summed) is reported once.
        self._reciprocal_perpetrators(claims)
        body = [c for c in claims if c not in title_claims]
        for t in title_claims:
            if any(self._same_figure(t, b) for b in body):
                claims.remove(t)
        return self._renumber(claims)

    _BREAKDOWN_OPENERS = re.compile(
        r"^\W*(?:the\s+(?:dead|killed|victims|wounded|injured|casualties|fatalities)\s+(?:included|include|includes|were)"
        r"|among\s+(?:the\s+)?(?:dead|killed|victims|wounded|injured|them|those)"
        r"|of\s+(?:the\s+)?(?:dead|those\s+killed|them|these|the\s+victims))\b",
        re.I,
    )
    # "A man and his wife were among the dead": the same, said as a predicate
    _AMONG_PREDICATE = re.compile(
        r"\b(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?(?:dead|killed|victims|wounded|injured)\b",
        re.I,
    )

    def _continue_breakdown(self, sent: Sentence, hits: list[_Hit], claims: list[CasualtyClaim]) -> None:
        """ "The dead included 27 civilians ...", "Among the victims were five men": figures
        that break down a total given in an earlier sentence."""
        if not claims or not (
            self._BREAKDOWN_OPENERS.search(sent.text) or self._AMONG_PREDICATE.search(sent.text)
        ):
            return
        for h in hits:
            c = h.claim
            if c is None or c.part_of is not None or h.parent is not None:
                continue
            total = next(
                (
                    p
                    for p in reversed(claims)
                    if p.part_of is None
                    and p.outcome == c.outcome
                    and p.count.low
                    and c.count.low
                    and p.count.low > c.count.low
                ),
                None,
            )
            if total is not None:
                c.part_of = total.id

    @staticmethod
    def _reciprocal_perpetrators(claims: list[CasualtyClaim]) -> None:
        """ "X killed 922 of Y; X lost 539 fighters": X's losses were caused by Y."""
        for i, c in enumerate(claims):
            if c.perpetrator or c.victims.category != VictimCategory.COMBATANT or not c.victims.actor:
                continue
            for prev in reversed(claims[max(0, i - 3) : i]):
                if (
                    prev.perpetrator == c.victims.actor
                    and prev.victims.actor
                    and prev.victims.actor != c.victims.actor
                ):
                    c.perpetrator = prev.victims.actor
                    break

    @staticmethod
    def _same_figure(a: CasualtyClaim, b: CasualtyClaim) -> bool:
        if a.outcome != b.outcome:
            return False
        va = a.count.low if a.count.low is not None else a.count.high
        vb = b.count.low if b.count.low is not None else b.count.high
        if va is None or vb is None:
            return False
        if a.count.qualifier == "vague" and a.victims.category == b.victims.category:
            return vb >= va  # "dozens killed" in a headline, "at least 30" in the body
        return abs(va - vb) <= max(2, 0.15 * max(va, vb))

    @staticmethod
    def _renumber(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
        ids = {}
        for i, c in enumerate(claims, start=1):
            ids[c.id] = f"c{i}"
        for c in claims:
            c.id = ids[c.id]
            c.part_of = ids.get(c.part_of) if c.part_of else None
        return claims

    def _forecast(self, trigger: Token | None, head: Token) -> bool:
        for t in [head] + ([trigger] if trigger is not None else []):
            for a in self._own_clauses(t):
                for c in a.children:
                    if c.dep_ in ("aux", "auxpass") and c.lower_ in (
                        "could",
                        "may",
                        "might",
                        "would",
                        "will",
                    ):
                        return True
                if (
                    a.lemma_.lower() in ("expect", "fear", "feared", "predict", "project", "threaten", "warn")
                    and a.i != head.i
                ):
                    return True
        return False

    @staticmethod
    def _own_clauses(t: Token) -> list[Token]:
        """The token and up to three heads above it, short of a clause that the claim's clause
        only modifies ("..., while claiming 200 died, a figure X could not verify": the
        modal is the verifying's, not the dying's)."""
        out = [t]
        while len(out) < 4 and out[-1].dep_ != "advcl" and out[-1].head is not out[-1]:
            out.append(out[-1].head)
        return out

    def _negated(self, trigger: Token | None) -> bool:
        if trigger is None:
            return False
        return any(c.dep_ == "neg" or c.lower_ in _NEGATION for c in trigger.children)

    def _sentence_hits(self, ctx: DocContext, sent: Sentence, state: dict) -> list[_Hit]:
        span = sent.span
        doc = span.doc
        mentions = self.counts.find(span)
        # singular nouns ("a child was killed") count one
        taken = {i for m in mentions for i in range(m.start, m.end)}
        for tok in span:
            if (
                tok.i in taken
                or tok.pos_ != "NOUN"
                or tok.lemma_.lower() not in (self.civilian | self.combatant)
            ):
                continue
            sm = self.counts.singular(span, tok)
            if sm is not None:
                mentions.append(sm)

        def a_local_place(name: str):
            # a name is taken for a place only where the report is (Win is also a Vienna district)
            place = ctx.lookup_place(name)
            return place if place is not None and ctx.countries and place.country in ctx.countries else None

        mentions += self._named_people(span, taken, a_local_place)
        mentions += self._one_more(span, mentions)
        mentions.sort(key=lambda m: m.start)
        if not mentions:
            self._note_period(ctx, sent, state)
            return []
        hits: list[_Hit] = []
        for m in mentions:
            outcome, noun, trigger = self._link(span, m)
            h = _Hit(m, outcome, noun, trigger)
            h.marker_before = self._marker_before(span, m, hits)
            hits.append(h)
        self._fold_coordinations(span, hits)
        # breakdowns: a figure introduced by "including"/"among them"/a dash belongs to the
        # nearest figure before the marker
        for h in hits:
            if h.marker_before is None:
                continue
            parents = [p for p in hits if p.mention.end <= h.marker_before and p is not h]
            marker = doc[h.marker_before]
            if marker.lower_ in ("including", "among") and marker.head.pos_ in ("NOUN", "PROPN"):
                # the figure breaks down the noun "including" hangs on; if that noun is
                # counted by no figure ("vehicles, including one"), it has no parent
                owner = [p for p in parents if p.noun is not None and p.noun.i == marker.head.i]
                if owner:
                    parents = owner
                elif not any(
                    p.noun is not None and p.noun.i in {a.i for a in marker.ancestors} for p in parents
                ):
                    names_people = h.noun is not None and h.noun.lemma_.lower() in self.victim_nouns
                    if not names_people and not any(
                        p.trigger is not None and p.trigger.i == marker.head.i for p in parents
                    ):
                        # "vehicles, including one": a part of things; but "..., including a
                        # female leader" is a person whatever the parser hung "including" on
                        parents = []
            if parents:
                h.parent = parents[-1]
                # nested lists: skip siblings introduced by the same marker
                while h.parent.marker_before == h.marker_before and h.parent.parent is not None:
                    h.parent = h.parent.parent
        for h in hits:
            # "1,459 – 591 killed and 868 injured –": a bare figure broken down into the
            # killed and the injured is a casualties total
            if h.outcome is None and h.noun is None:
                kinds = {k.outcome for k in hits if k.parent is h}
                if {"killed", "injured"} <= kinds:
                    h.outcome = "casualties"
        cumulative_words = bool(_CUMULATIVE_WORDS.search(sent.text))
        non_violent = bool(self.non_violent_re.search(sent.text)) and not self.violence_re.search(sent.text)
        blocked = [(m.start(), m.end()) for m in self.not_casualty_re.finditer(sent.text)]
        sources = ctx.sources(sent)
        hedged = ctx.hedged(sent)
        prev_victims: Victims | None = None
        for h in hits:
            if h.skip:
                continue
            parent = h.parent
            outcome = h.outcome
            if parent is not None and (
                outcome is None
                or (h.noun is not None and parent.noun is not None and h.trigger is parent.trigger)
            ):
                outcome = parent.outcome if parent.outcome else outcome
            if outcome is None:
                continue
            h.outcome = outcome  # parts listed under this figure inherit it
            if self._negated(h.trigger) or self._forecast(h.trigger, doc[h.mention.head]):
                continue
            if (
                h.noun is not None
                and h.noun.head.lemma_.lower() in _REVERSALS
                and h.noun.dep_ in ("dobj", "nsubjpass")
            ):
                continue  # "rescued 12 of the abducted", "freed 30 hostages": the outcome undone
            if non_violent or (
                h.trigger is not None and any(a <= h.trigger.idx - span.start_char < b for a, b in blocked)
            ):
                continue
            if (
                h.mention.singular
                # a part of a total ("among them a nurse, Peter Mbah") is a victim, not a speaker
                and not (parent is not None and h.marker_before is not None)
                and self._describes_speaker(doc[h.mention.head], ctx.dateline_end(sent) - sent.para.start)
            ):
                continue
            inherit = (
                parent.claim.victims if parent is not None and parent.claim is not None else prev_victims
            )
            if (
                parent is None
                and h.mention.singular is False
                and h.noun is None
                and h.parent is None
                and h.marker_before is not None
            ):
                continue  # "including one from ...": a part of something that is not people
            said_to_be = self._predicate_people(h.noun, doc[h.mention.head]) or (
                self._toll_people(h.trigger) if h.noun is None else None
            )
            victims = self._victims(ctx, sent, said_to_be or h.noun, outcome, inherit, h.mention.people)
            if victims is None:
                continue
            if h.mention.singular and victims.category == VictimCategory.UNKNOWN:
                continue
            if h.coordinated:
                victims = Victims(victims.category, victims.actor, None)
            if parent is not None and parent.claim is not None and victims.category == VictimCategory.UNKNOWN:
                victims = Victims(
                    parent.claim.victims.category, parent.claim.victims.actor or victims.actor, victims.group
                )
            anchor = h.trigger or doc[h.mention.head]
            told = [t for t in ctx.times_in(sent.start, sent.end) if t.when is not None]
            if (
                ctx.published is not None
                and self._whole_conflict(h.trigger)
                and all(self._dates_the_telling(sent, t, ctx.dateline_end(sent)) for t in told)
            ):
                # "the 16-year conflict has killed 40,000": everything since it began, up
                # to the day it was said ("..., the agency said in January")
                ends = [t.when.end for t in told if t.when.end is not None]
                when, periodic = When(None, max(ends) if ends else ctx.published, Precision.PERIOD), True
            else:
                when, periodic = self._when(ctx, sent, anchor, state)
            if when is None and ctx.published is not None:
                # no date anywhere near: a running total runs up to publication, an
                # incident is news of the day the report came out
                p = ctx.published
                when = When(None, p, Precision.PERIOD) if cumulative_words else When(p, p, Precision.DAY)
            place = self.placer.place(ctx, sent, anchor, state, bool(periodic or cumulative_words))
            perp = self._perpetrator(ctx, sent, h.trigger, h.noun)
            if perp is None and parent is not None and parent.claim is not None:
                perp = parent.claim.perpetrator
            if perp is None and victims.category == VictimCategory.COMBATANT:
                perp = self._enemy_of_speaker(ctx, sent, victims, h.noun)
            if perp is None:
                perp = self._fought_with(ctx, sent, h.trigger)
            if perp is None and outcome in ("killed", "injured", "casualties", "captured", "missing"):
                # the attacker of this very sentence ("an Israeli airstrike hit the house,
                # killing 17"), else one the sentence points back to
                here = [a for a in state.get("sent_agents", []) if a != victims.actor]
                if here:
                    perp = here[0]
                elif self._refers_back(sent):
                    perp = self._recent_agent(ctx, sent, state, victims.actor)
            if perp is not None and victims.actor == perp:
                perp = None
            ev_start = doc[h.mention.start].idx
            ev_end_tok = max(
                h.mention.end - 1, h.noun.i if h.noun is not None and h.noun.i < h.mention.end + 4 else 0
            )
            ev_end = doc[ev_end_tok].idx + len(doc[ev_end_tok].text)
            claim = CasualtyClaim(
                id=ctx.next_id("cx"),
                outcome=Outcome(outcome),
                count=h.mention.count,
                victims=victims,
                perpetrator=perp,
                place=place,
                when=when,
                cumulative=bool(periodic or cumulative_words),
                part_of=parent.claim.id if parent is not None and parent.claim is not None else None,
                sources=list(sources),
                hedged=hedged,
                evidence=ctx.evidence(sent, ev_start, ev_end),
            )
            h.claim = claim
            if parent is None:
                prev_victims = victims  # "N others" refers back to a top-level figure
        self._dead_were_parts(hits)
        self._mixed_parents(sent, hits)
        self._note_period(ctx, sent, state, any(h.claim is not None for h in hits))
        return hits

    _POSS = {"his", "her", "their", "its", "a", "an", "one", "another"}

    def _fold_coordinations(self, span: Span, hits: list[_Hit]) -> None:
        """ "a man and his wife", "a woman and her two children", "a commander and three other
        members": one figure, the sum, when the nouns are people of one kind and at least one
        is counted by its determiner. Lists after a breakdown marker stay separate parts."""
        by_head = {h.mention.head: h for h in hits}
        for h in hits:
            if h.skip or not h.mention.singular or h.noun is None:
                continue
            # inside a breakdown list, only a family ("a mother and her two children") is one figure
            in_list = h.marker_before is not None
            total, last, used = 1, h.noun.i, []
            ok = True
            conjuncts = [c for c in h.noun.conjuncts if c.i > h.noun.i]
            doc = span.doc
            k = h.noun.i + 1
            if (
                not conjuncts
                and k + 3 < span.end
                and doc[k].lower_ == "and"
                and doc[k + 1].i in by_head
                and doc[k + 2].lower_ == "of"
                and doc[k + 3].dep_ == "poss"
            ):
                conjuncts = [doc[k + 1]]  # "a pastor and two of his children", hung on the verb
            # "a man, his wife and one of their children": the parser may hang the list on an
            # apposition of the first noun
            for a in h.noun.children:
                if a.dep_ == "appos" and a.i > h.noun.i and any(x.dep_ == "poss" for x in a.children):
                    conjuncts += [a] + [c for c in a.conjuncts if c.i > a.i]
                elif a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > h.noun.i:
                    # "a retired nurse, Peter Mbah, and his two sons": the family hangs on the name
                    conjuncts += [
                        c for c in a.conjuncts if c.i > a.i and any(x.dep_ == "poss" for x in c.children)
                    ]
            if not conjuncts:
                continue
            for c in conjuncts:
                num = next((x for x in c.children if x.dep_ == "nummod"), None)
                if c.pos_ == "NUM" and c.i in by_head:  # "one of their children"
                    other = by_head[c.i]
                    total += other.mention.value or 0
                    used.append(other)
                    last = max(last, max(x.i for x in c.subtree))
                elif c.pos_ == "NOUN" and c.lemma_.lower() in (self.civilian | self.combatant):
                    if num is not None and num.i in by_head:
                        other = by_head[num.i]
                        total += other.mention.value or 0
                        if not in_list and c.lemma_.lower() in self.groups.get(
                            "children", ()
                        ) | self.groups.get("women", ()):
                            other.parent = h  # "a woman and her two children": the children are a part too
                            other.marker_before = h.mention.start
                        else:
                            used.append(other)
                    elif c.tag_ == "NN" and (
                        any(x.lower_ in self._POSS for x in c.children if x.dep_ in ("det", "poss"))
                        # "a father, mother and two daughters": the article serves the list
                        or not any(x.dep_ == "det" for x in c.children)
                    ):
                        used += [x for x in hits if x.mention.head == c.i]
                        total += 1
                    else:
                        ok = False
                    last = max(last, c.i)
                else:
                    ok = False
                if not ok:
                    break
            if not ok:
                continue
            if in_list and not any(x.dep_ == "poss" for c in conjuncts for x in c.subtree):
                continue
            m = h.mention
            text = span.doc[m.start : last + 1].text
            h.mention = CountMention(
                m.start, last + 1, m.head, Count(total, total, Qualifier.EXACT, text), True
            )
            h.coordinated = True
            for u in used:
                u.skip = True

    def _one_more(self, span: Span, mentions: list[CountMention]) -> list[CountMention]:
        """ "two civilians were killed and a third wounded", "4 soldiers were killed and another
        injured": one more person of the figure before, with an outcome of its own."""
        doc = span.doc
        found = []
        for tok in span:
            if tok.lower_ not in ("another", "third", "fourth", "fifth") or tok.i + 1 >= span.end:
                continue
            if not any(m.end <= tok.i for m in mentions) or any(m.start <= tok.i < m.end for m in mentions):
                continue  # nothing counted before it to be one more of
            nxt = doc[tok.i + 1]
            if nxt.tag_ not in ("VBN", "JJ", "VBD") or self._outcome_word(nxt) is None:
                continue  # "another soldier", "a third attack": counted by a noun or no people
            start = tok.i - 1 if tok.lower_ != "another" and doc[tok.i - 1].lower_ == "a" else tok.i
            if tok.lower_ != "another" and start == tok.i:
                continue  # "the third wounded" is a rank
            found.append(
                CountMention(
                    start, tok.i + 1, tok.i, Count(1, 1, Qualifier.EXACT, doc[start : tok.i + 1].text)
                )
            )
        return found

    def _named_people(self, span: Span, taken: set[int], ctx_lookup=None) -> list[CountMention]:
        """Named people who suffered an outcome: "Han Htay, father of X, and Phyo Thet Oo were
        arrested", "troops arrested Phoe Kaung Kin": one per name at the top of the
        coordination (names inside appositions are relatives, not victims)."""
        out = []
        for verb in span:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _PEOPLE_VERBS:
                continue  # "captured Tirin Kot": places are captured too, people are arrested
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            role = "nsubjpass" if passive else "dobj"
            head = next((c for c in verb.children if c.dep_ == role), None)
            if head is None or head.i in taken or head.pos_ != "PROPN":
                continue
            described = any(  # "Han Htay, father of ...": a person, whatever the NER says
                c.dep_ == "appos" and c.lemma_.lower() in self.civilian | self.combatant
                for c in head.children
            )
            if head.ent_type_ != "PERSON" and not described:
                continue
            full = span.doc[
                min([head.i] + [x.i for x in head.lefts if x.dep_ == "compound"]) : head.i + 1
            ].text
            if ctx_lookup is not None and ctx_lookup(full) is not None:
                continue  # a place the NER took for a person
            # the NER often types the second of two names as an organisation
            names = [head] + [
                c
                for c in head.conjuncts
                if c.pos_ == "PROPN"
                and c.ent_type_ in ("PERSON", "ORG", "LOC", "")
                and (ctx_lookup is None or ctx_lookup(c.text) is None)
            ]
            start = min([head.i] + [x.i for x in head.lefts if x.dep_ == "compound"])
            last = max(names, key=lambda t: t.i)
            end = max([last.i] + [x.i for x in last.children if x.dep_ == "compound"]) + 1
            n = len(names)
            text = span.doc[start:end].text
            out.append(CountMention(start, end, head.i, Count(n, n, Qualifier.EXACT, text), True, True))
        return out

    @staticmethod
    def _describes_speaker(noun: Token, dateline_end: int = -1) -> bool:
        """ "Oleksiy K., a senior police officer, said": a description, not a victim."""
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.ent_type_ == "PERSON":
            # ... unless the "person" is the dateline the parser hung the sentence on
            return noun.head.idx >= dateline_end
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in noun.children):
            return True
        return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in (
            "say",
            "tell",
            "report",
            "add",
            "confirm",
        )

    def _agents_in(self, ctx: DocContext, sent: Sentence) -> list[str]:
        """Known armed actors this sentence shows doing violence: subjects of violent verbs,
        "by X" agents, and modifiers of violent nouns ("RSF attacks", "Israeli airstrikes")."""
        out = []
        for t in sent.span:
            if t.lemma_.lower() not in self.violent:
                continue
            cands = []
            if t.pos_ == "VERB":
                cands += [c for c in t.children if c.dep_ == "nsubj"]
                cands += [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            elif t.pos_ == "NOUN":
                cands += [c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
                cands += [
                    g
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            for c in cands:
                if c.dep_ in ("amod", "compound", "nmod"):
                    # "Israeli airstrike": the Israeli forces
                    name = self._armed(ctx, f"{c.text} forces", sent.abs(c.idx))
                else:
                    # "fighters of ISWAP attacked", "ISIS cells ambushed", "its forces struck"
                    name = self._actor_named(ctx, sent, c) or next(
                        (
                            n
                            for p in c.children
                            if p.dep_ == "prep" and p.lower_ in ("of", "from")
                            for g in p.children
                            if g.dep_ == "pobj" and (n := self._actor_named(ctx, sent, g))
                        ),
                        None,
                    )
                name = name or self._armed(ctx, c.text, sent.abs(c.idx))
                if name:
                    out.append(name)
        return out

    def _refers_back(self, sent: Sentence) -> bool:
        """Does the sentence point back at violence already described ("in the attack",
        "as a result of the strikes", "this brings the toll")? Only then does an earlier
        attacker become the perpetrator: a bare tally says nothing of who caused it."""
        if self._BREAKDOWN_OPENERS.search(sent.text) or re.search(
            r"\b(?:the|those)\s+(?:dead|victims|killed|wounded|injured)\b", sent.text, re.I
        ):
            return True  # "the dead included five children": the dead of the attack just told
        for t in sent.span:
            if t.lemma_.lower() in self.violent and t.pos_ == "NOUN":
                det = next((c for c in t.children if c.dep_ in ("det", "poss")), None)
                if det is not None and det.lower_ in (
                    "the",
                    "this",
                    "that",
                    "these",
                    "those",
                    "its",
                    "their",
                ):
                    return True
            if (
                t.lemma_.lower() in ("bring", "raise")
                and t.i > sent.span.start
                and sent.span.doc[t.i - 1].lower_ in ("this", "which")
            ):
                return True
        return False

    def _recent_agent(
        self, ctx: DocContext, sent: Sentence, state: dict, victim_actor: str | None
    ) -> str | None:
        """The armed actor most recently shown attacking, in this or the two paragraphs before."""
        agents = state.setdefault("agents", [])
        for para, name in reversed(agents):
            if sent.para.index - para > 1:
                break
            if name != victim_actor:
                return name
        return None

    def _note_agents(self, ctx: DocContext, sent: Sentence, state: dict) -> None:
        names = self._agents_in(ctx, sent)
        state["sent_agents"] = names
        for name in names:
            state.setdefault("agents", []).append((sent.para.index, name))

    _GENERIC_PEOPLE = {"people", "person", "other", "others", "individual"}

    def _mixed_parents(self, sent: Sentence, hits: list[_Hit]) -> None:
        """ "11 people, among them six soldiers", "450 people, most of them fighters",
        "23 others, mostly civilians": a figure that mixes or only mostly is one group is unknown."""
        for h in hits:
            c = h.claim
            if c is None or h.noun is None:
                continue
            if h.noun.lemma_.lower() not in self._GENERIC_PEOPLE and not self._nationals(h.noun):
                continue
            kids = [k for k in hits if k.parent is h and k.claim is not None]
            if any(k.claim.victims.category != c.victims.category for k in kids) or any(
                # "6,000 people, including 2,500 civilians": the rest were not all civilians
                k.noun is not None and k.noun.lemma_.lower() in self.civ_mod
                for k in kids
            ):
                c.victims = Victims(VictimCategory.UNKNOWN, None, c.victims.group)
                continue
            # the figure's clause up to the next figure: "41 people had been wounded, most of
            # them civilians", "70 wounded people were treated ..., about half of them civilians"
            nxt = min((k.mention.start for k in hits if k.mention.start > h.noun.i), default=sent.span.end)
            after = sent.span.doc[h.noun.i + 1 : min(h.noun.i + 16, nxt, sent.span.end)]
            words = " ".join(t.lower_ for t in after)
            rest = self._THE_REST.search(sent.span.doc[h.noun.i + 1 : sent.span.end].text.lower())
            if rest and self._other_kind(rest.group(1), c.victims.category):
                old = c.victims.category
                c.victims = Victims(VictimCategory.UNKNOWN, None, c.victims.group)
                self._others_follow(hits, h, old)
                continue
            m = self._MOSTLY.search(words)
            # only a people word says who they were ("most of them to the capital" does not)
            named = m is not None and {m.group(1), m.group(1).removesuffix("s")} & (
                self.civilian | self.combatant
            )
            if named and m.group(1) not in _GROUP_WORDS:
                # "23 others, mostly civilians": some were not; "mostly women" says nothing of that
                old = c.victims.category
                c.victims = Victims(VictimCategory.UNKNOWN, None, c.victims.group)
                self._others_follow(hits, h, old)

    # "..., while the rest were fighters": the figure is not all of one kind
    _THE_REST = re.compile(r"\b(?:the rest|the others|the remainder)\s+(?:were|are)\s+(?:\w+\s+){0,2}?(\w+)")

    _MOSTLY = re.compile(
        r"(?:^|, )(?:about |around |roughly |some |nearly |almost )?(?:mostly|mainly|most of them|largely"
        r"|predominantly|many of them|half of them|the majority of them)\s+(\w+)"
    )

    def _other_kind(self, word: str, category: VictimCategory) -> bool:
        """Is `word` ("fighters", "civilians") people of another category than `category`?"""
        forms = {word, word.removesuffix("s")}
        if forms & self.combatant:
            return category != VictimCategory.COMBATANT
        if forms & self.civilian:
            return category != VictimCategory.CIVILIAN
        return False

    def _dead_were_parts(self, hits: list[_Hit]) -> None:
        """ "the death of 240 people ..., the dead were 98 civilians": a part of the figure before."""
        for i, h in enumerate(hits):
            c = h.claim
            if c is None or c.part_of is not None or h.trigger is None or h.trigger.dep_ != "nsubj":
                continue  # "among the victims were ..." is told by the breakdown markers
            if not self._counts_the_dead(h.trigger):
                continue
            total = next(
                (
                    p.claim
                    for p in reversed(hits[:i])
                    if p.claim is not None
                    and p.trigger is not h.trigger  # not a sibling under the same "the dead were"
                    and p.claim.part_of is None
                    and p.claim.outcome == c.outcome
                    and (p.claim.count.low or 0) > (c.count.low or 0)
                ),
                None,
            )
            if total is not None:
                c.part_of = total.id

    @staticmethod
    def _others_follow(hits: list[_Hit], h: _Hit, old: VictimCategory) -> None:
        """ "killed 26 people, most of them civilians, and injured 55 others": the others took
        the first figure's category before it was found mixed; they are as mixed."""
        for k in hits[hits.index(h) + 1 :]:
            if k.claim is None or k.parent is not None:
                continue
            if k.noun is not None and k.noun.lemma_.lower() in ("other", "others"):
                if k.claim.victims.category == old:
                    k.claim.victims = Victims(VictimCategory.UNKNOWN, None, k.claim.victims.group)
                continue
            return  # another top-level figure: "others" after it are its own

    def _note_period(self, ctx: DocContext, sent: Sentence, state: dict, claims: bool = False) -> None:
        for t in ctx.times_in(sent.start, sent.end):
            if t.compared_from is not None:
                continue  # a date compared with opens no period and leads no report
            if (
                "lead_when" not in state
                and sent.para.index <= 3
                and t.when is not None
                and t.kind == "point"
                and t.when.precision == Precision.DAY
                and not self._dates_the_telling(sent, t, ctx.dateline_end(sent))
            ):
                state["lead_when"] = t.when  # the day of the incident the report leads with
            if t.when is not None and t.kind in ("since", "period") and not self._record_since(sent, t):
                state["period"] = t.when
                state["period_para"], state["period_sent"] = sent.para.index, sent.index
                # a total's period ("since January, 300 were killed") covers the figures
                # after it, and so does one that opens its sentence ("In the last 24 hours,
                # ..."); a background "since" ("their furthest advance since they took X in
                # January") dates no incident told after it
                before = sent.text[: max(0, t.start - sent.start)]
                short = (
                    t.when.start is not None
                    and t.when.end is not None
                    and (t.when.end - t.when.start).days <= 2
                )
                state["period_of_total"] = (
                    claims or short or not re.search(r"\w", before) or bool(_CUMULATIVE_WORDS.search(before))
                )
                if sent.para.index <= 2:
                    state.setdefault("doc_period", t.when)  # a bulletin states its period up front

    def _predicate_people(self, noun: Token | None, head: Token) -> Token | None:
        """ "the other six dead were civilians", "four of those killed were officers": who the
        victims were is said by the predicate when the figure itself counts only the dead."""
        if noun is not None and noun.pos_ != "PRON" and not self._outcome_word(noun):
            return None  # "six soldiers were ...": the counted noun says it
        subj = next((t for t in (noun, head) if t is not None and t.dep_ == "nsubj"), None)
        if subj is None or subj.head.lemma_ != "be":
            return None
        attr = next((c for c in subj.head.children if c.dep_ == "attr" and c.i > subj.i), None)
        if attr is None or attr.pos_ != "NOUN" or attr.lemma_.lower() not in (self.civilian | self.combatant):
            return None
        return attr

    @staticmethod
    def _within_item(prev: _Hit, t: Token) -> bool:
        """A word of the previous list item's own noun phrase (its "of" phrase, a coordinated
        noun), not a clause or a figure of its own."""
        if prev.noun is None or t.like_num or (t.pos_ in ("VERB", "AUX", "PUNCT") and t.text != ","):
            return False
        # the branch of the noun the word sits on: its "of" phrase or a noun coordinated with it,
        # never a place or time phrase ("three women, near the village")
        branch = t
        while branch.head.i != branch.i and branch.head.i != prev.noun.i:
            branch = branch.head
        if branch.head.i != prev.noun.i or branch.i == prev.noun.i:
            return False
        return branch.dep_ in ("conj", "cc", "punct") or (branch.dep_ == "prep" and branch.lower_ == "of")

    def _marker_before(self, span: Span, m: CountMention, hits: list[_Hit]) -> int | None:
        """Index of a breakdown marker between the previous figure and this one; a figure
        listed right after a broken-down one ("113 children and 72 women") shares its marker."""
        if not hits:
            return None
        doc = span.doc
        prev = hits[-1]
        prev_end = prev.mention.end
        if prev.marker_before is not None:
            between = doc[max(prev_end, prev.noun.i + 1 if prev.noun is not None else prev_end) : m.start]
            if all(
                t.lower_ in ("and", ",", "or", "as", "well")
                or (t.text in ("(", ")") and t.i + 1 == m.start)  # the bracket of "(211) women"
                # the rest of the item before ("30 members of the army, 28 of the clan fighters
                # and other gunmen, and 17 civilians"): words that hang on its own noun
                or self._within_item(prev, t)
                or t.pos_ in ("ADJ", "DET")
                or (t.tag_ in ("VBN", "VBD", "JJ") and self._outcome_word(t))  # "651 killed and 867 injured"
                for t in between
            ):
                return prev.marker_before
        for k in range(m.start - 1, max(prev_end, m.start - 14) - 1, -1):
            t = doc[k]
            low = t.lower_
            if low == "(" and k + 2 < len(doc) and doc[k + 1].like_num and doc[k + 2].text == ")":
                continue  # the bracket of a figure written "(3)", no aside
            if t.tag_ == "VBG" and self._outcome_word(t):
                return None  # "... and injuring (9) others": a figure of its own verb
            if (
                low in ("including", "incl", "incl.", "among", "–", "—", "(", ":")
                or (low == "whom" and doc[k - 1].lower_ == "of")
                or (low in ("them", "these", "those") and doc[k - 1].lower_ in ("of", "among"))
            ):
                return k
            if t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG") and low not in ("were", "was"):
                return None
        return None
