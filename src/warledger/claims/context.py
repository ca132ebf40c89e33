"""DocContext: what every claim extractor needs to know about the document it reads.

One is built per document by `claims.extract.DocumentExtractor`. The document is
split into paragraphs; only paragraphs that pass the cheap cue filter are parsed by
spaCy. Extractors (casualties, control, events) walk `ctx.sentences` (spaCy `Span`s;
offsets into the document are `ctx.abs(char)`) and ask the context for what is
resolved once per document: actors, places, dates, who said it and how sure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from warledger.actors import ActorIndex, ResolvedActor
from warledger.claims.attribution import Attribution, AttributionFinder
from warledger.claims.lexicon import Lexicons
from warledger.dates import TimeMention, find_time_expressions
from warledger.documents.model import Document
from warledger.places import Gazetteer
from warledger.types import Evidence, Place, Precision, When


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int  # offset of the paragraph in the document text
    text: str
    doc: Doc | None = None  # None when the cue filter kept it away from the parser


@dataclass(slots=True)
class Sentence:
    span: Span  # spaCy span inside the paragraph's Doc
    para: Paragraph
    index: int  # running index over the document's parsed sentences

    @property
    def start(self) -> int:
        return self.para.start + self.span.start_char

    @property
    def end(self) -> int:
        return self.para.start + self.span.end_char

    @property
    def text(self) -> str:
        return self.span.text

    def abs(self, char_in_para: int) -> int:
        return self.para.start + char_in_para


_PARA_SPLIT = re.compile(r"\n")


def text_at(text: str, span: tuple) -> str:
    return text[span[0] : span[1]]


_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|the|and|al|de|du|la)\s+)*){1,7})\(([A-Z][A-Z.]{1,7})\)"
)


_AYIN_NAME = re.compile(r"^[A-Z][a-z]+['’ʼʻ][a-z]+(?:-[A-Z]?[a-z]+)*$")


def transliterated_name(tok: Token) -> bool:
    """A capitalised word mid-sentence with an ayin or hamza written as an apostrophe
    ("Turmus'ayya", "Ma'arrat"): a transliterated name the tagger may read as a common noun."""
    return tok.pos_ != "PROPN" and tok.i != tok.sent.start and bool(_AYIN_NAME.match(tok.text))


_DIVISION_NOUNS = {"state", "province", "governorate", "region", "oblast", "department", "prefecture"}
_BARE_ARMED_PLURALS = {
    "militants",
    "insurgents",
    "jihadists",
    "jihadis",
    "extremists",
    "terrorists",
    "rebels",
}
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# "CUCUTA -", "ERBIL, Kurdistan Region -", "BEIRUT (Reuters) -", "Maiduguri —", "DERA ISMAIL KHAN:"
_DATELINE = re.compile(
    r"^[A-Z][\w.'’ -]{1,40}?(?:,\s*[A-Z0-9][\w.'’ -]{1,30}?)?\s*(?:\([^)]{1,40}\)\s*)?(?:-|—|–|:)\s"
)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Lines are paragraphs: titles, bylines and paragraph breaks end sentences."""
    out, pos = [], 0
    for i, line in enumerate(_PARA_SPLIT.split(text)):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Paragraph(len(out), pos + lead, stripped))
        pos += len(line) + 1
        del i
    return out


@dataclass
class DocContext:
    document: Document
    paragraphs: list[Paragraph]
    actors: ActorIndex
    gazetteer: Gazetteer
    lex: Lexicons
    _ids: Counter = field(default_factory=Counter)
    # claims already extracted from this document, for extractors that run later
    casualties: list = field(default_factory=list)
    control: list = field(default_factory=list)
    main_place_mentions: int = 0  # how often the main place is named (set with main_place)

    # ---- structure --------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for p in self.paragraphs:
            if p.doc is None:
                continue
            spans: list[Span] = []
            for s in p.doc.sents:
                if not s.text.strip():
                    continue
                # The parser sometimes ends a sentence inside a date or a list ("... between
                # 26 March 2015 and | 22 September 2016."): a sentence that does not end in
                # final punctuation goes on into the next one.
                if spans and not _ENDS_SENTENCE.search(spans[-1].text) and not s[0].is_title:
                    spans[-1] = p.doc[spans[-1].start : s.end]
                else:
                    spans.append(s)
            for s in spans:
                out.append(Sentence(s, p, len(out)))
        return out

    def is_title(self, sent: Sentence) -> bool:
        """A headline or sub-heading: a short line with no final full stop."""
        p = sent.para
        text = p.text.rstrip()
        title = (self.document.title or "").strip()
        if (
            title
            and p.index <= 2
            and (text == title or text.startswith(title) and len(text) - len(title) < 3)
        ):
            return True
        if text.rstrip("”\"’' ").endswith((".", ":", "?", "!")):
            return False
        return len(text) < 200 if p.index == 0 else len(text.split()) <= 14

    def next_id(self, prefix: str) -> str:
        self._ids[prefix] += 1
        return f"{prefix}{self._ids[prefix]}"

    @property
    def published(self) -> date | None:
        return self.document.published

    def evidence(self, sent: Sentence, start_char: int, end_char: int) -> Evidence:
        """Evidence from paragraph-local character offsets (never text.find)."""
        return Evidence(
            start=sent.abs(start_char),
            end=sent.abs(end_char),
            sentence=sent.text.strip(),
            sentence_start=sent.start,
        )

    # ---- actors -----------------------------------------------------------------
    @cached_property
    def actor_mentions(self) -> list[tuple[int, int, ResolvedActor]]:
        """Every occurrence of a known actor alias in the text, in order."""
        found = self.actors.find(self.document.text, country=self.main_country, on=self.published)
        return [
            f
            for f in found
            if not (
                any(a <= f[0] < b for a, b in self._datelines) and text_at(self.document.text, f).isupper()
            )
        ]

    def resolve_actor(self, text: str, at: int | None = None, strict: bool = False) -> ResolvedActor | None:
        """Canonical actor for a phrase; definite descriptions ("the group", "the monitor")
        go to the nearest earlier actor of the right kind."""
        if at is not None and any(a <= at < b for a, b in self._datelines) and (text or "").strip().isupper():
            return None  # "MOGADISHU (Reuters) -" is where the story was filed, not who acted
        text = (text or "").strip()
        if not text:
            return None
        defined = self._defined_acronyms.get(re.sub(r"^(?:the)\s+", "", text, flags=re.I))
        if defined is not None:
            return defined  # "the Arakan Army (AA)" ... "the AA": the document's own meaning wins
        r = self.actors.resolve(text, country=self.main_country, on=self.published)
        if r is not None and r.known:
            return r
        coref = self.coreference(text, at)
        if coref is not None:
            return coref
        if strict:
            return None
        return r

    _COREF_KINDS = {
        "monitor": ("monitor",),
        "observatory": ("monitor",),
        "group": ("non-state armed group",),
        "militants": ("non-state armed group",),
        "militant group": ("non-state armed group",),
        "jihadists": ("non-state armed group",),
        "jihadis": ("non-state armed group",),
        "insurgents": ("non-state armed group",),
        "rebels": ("non-state armed group",),
        "extremists": ("non-state armed group",),
        "terrorists": ("non-state armed group",),
        "organization": ("non-state armed group", "monitor"),
        "organisation": ("non-state armed group", "monitor"),
        "agency": ("media", "government body", "monitor"),
        "news agency": ("media",),
        "ministry": ("government body",),
        "alliance": ("non-state armed group", "coalition"),
        "coalition": ("coalition",),
        "militia": ("non-state armed group",),
    }

    @cached_property
    def _defined_acronyms(self) -> dict[str, ResolvedActor]:
        """Acronyms the document defines: "the Arakan Army (AA)", "Volunteers for the Defence of
        the Homeland (VDP)"."""
        out: dict[str, ResolvedActor] = {}
        for m in _ACRONYM_DEF.finditer(self.document.text):
            long_name, acronym = re.sub(r"^(?:The|A|An)\s+", "", m.group(1).strip()), m.group(2)
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", long_name) if w[0].isupper())
            if not initials.startswith(acronym[0]) or len(acronym.replace(".", "")) > len(initials) + 1:
                continue  # "(AFP)" after a sentence is a source, not an expansion
            words = long_name.split()
            for k in range(len(words)):  # the shortest tail that the actor list knows
                r = self.actors.resolve(" ".join(words[k:]), country=None)
                if r is not None and r.known:
                    out.setdefault(acronym, r)
                    break
        return out

    def coreference(self, text: str, at: int | None) -> ResolvedActor | None:
        words = text.lower().split()
        if not words:
            return None
        if words[0] not in ("the", "this", "that", "these", "those", "its", "their"):
            # a bare plural that names an armed side ("militants attacked the post") is the
            # armed group the report is about
            if len(words) != 1 or words[0] not in _BARE_ARMED_PLURALS:
                return None
            words = ["the", *words]
        noun = " ".join(words[1:])
        kinds = self._COREF_KINDS.get(noun) or self._COREF_KINDS.get(words[-1])
        if not kinds:
            return None
        best = None
        for s, _e, actor in self.actor_mentions:
            if at is not None and s >= at:
                break
            if actor.known and (actor.kind or "") in kinds:
                best = actor
        return best

    def actor_name(self, text: str, at: int | None = None) -> str | None:
        r = self.resolve_actor(text, at)
        return r.name if r else None

    # ---- attribution and hedging -----------------------------------------------------
    @cached_property
    def _attribution_finder(self) -> AttributionFinder:
        def resolve(phrase, at, strict=False):
            r = self.resolve_actor(phrase, at, strict=strict)
            return r.name if r and r.known else None

        return AttributionFinder(self.lex, resolve)

    @cached_property
    def publisher(self) -> str | None:
        pub = self.document.publisher
        if not pub:
            return None
        r = self.actors.resolve(pub)
        return r.name if r and r.known else pub

    @cached_property
    def _attributions(self) -> list[Attribution | None]:
        finder = self._attribution_finder
        sents = self.sentences
        explicit = [finder.explicit(s.span) for s in sents]
        out: list[Attribution | None] = []
        for i in range(len(sents)):
            a = explicit[i]
            if a is not None and a.chain and a.chain[0] == "__pronoun__":
                prev = next((out[j] for j in range(i - 1, -1, -1) if out[j] is not None), None)
                rest = [n for n in a.chain[1:]]
                a = (
                    Attribution(
                        chain=(prev.chain if prev else [])
                        + [n for n in rest if not prev or n not in prev.chain],
                        generic=prev.generic if prev else False,
                    )
                    if (prev or rest)
                    else None
                )
            if a is None:
                a = self._carried(i, sents, explicit, out)
            out.append(a)
        return out

    def _carried(self, i, sents, explicit, done) -> Attribution | None:
        s = sents[i]
        # the previous sentence of the same paragraph
        if i > 0 and sents[i - 1].para is s.para and done[i - 1] is not None:
            prev = done[i - 1]
            return Attribution(prev.chain, prev.generic, explicit=False)
        # a paragraph introduced by "Citing activists, AP reports:"
        if (
            i > 0
            and sents[i - 1].para is not s.para
            and sents[i - 1].text.rstrip().endswith(":")
            and done[i - 1]
        ):
            prev = done[i - 1]
            return Attribution(prev.chain, prev.generic, explicit=False)
        # a quotation whose speaker is named later in the paragraph
        if s.para.text.lstrip()[:1] in "“\"'‘":
            for j in range(i + 1, len(sents)):
                if sents[j].para is not s.para:
                    break
                if explicit[j] is not None:
                    return Attribution(explicit[j].chain, explicit[j].generic, explicit=False)
        return None

    def attribution(self, sent: Sentence) -> Attribution | None:
        return self._attributions[sent.index]

    @cached_property
    def primary_source(self) -> str | None:
        """The source the document cites most (first cited on a tie), for statements it
        makes without attribution: a report built on one monitor's findings goes on with
        them. Generic sources ("activists") never qualify."""
        counts: Counter = Counter()
        first: dict[str, int] = {}
        finder = self._attribution_finder
        for i, a in enumerate(self._attributions):
            if a is None or not a.explicit or not a.chain:
                continue
            name = a.chain[0]
            if name == "__pronoun__" or finder.is_generic(name) or name == self.publisher:
                continue
            counts[name] += 1
            first.setdefault(name, i)
        if not counts:
            return None
        best = max(counts, key=lambda n: (counts[n], -first[n]))
        return best if counts[best] >= 2 else None

    def sources(self, sent: Sentence) -> list[str]:
        a = self.attribution(sent)
        chain = [n for n in (a.chain if a else []) if n != "__pronoun__"]
        if not chain and self.primary_source:
            chain = [self.primary_source]
        if self.publisher and self.publisher not in chain:
            chain.append(self.publisher)
        return chain

    def hedged(self, sent: Sentence) -> bool:
        a = self.attribution(sent)
        return self._attribution_finder.hedged(sent.span) or bool(a and a.generic)

    # ---- places -----------------------------------------------------------------
    @cached_property
    def countries(self) -> list[str]:
        """Countries the document is about, most evidence first. Country names weigh most,
        then demonyms and places; a country with a single stray piece of evidence (a
        namesake town abroad) is dropped when another has much more."""
        counts: Counter = Counter()
        named: set[str] = set()  # countries the text names outright
        places: Counter = Counter()  # distinct place names resolved in each country
        seen_names: set[str] = set()
        actors: Counter = Counter()  # armed actors of each country
        state_free: Counter = Counter()  # its non-state armed groups
        resolve_country = getattr(self.gazetteer, "resolve_country", lambda _t: None)
        for p in self.paragraphs:
            if p.doc is None:
                continue
            for ent in p.doc.ents:
                if ent.label_ in ("GPE", "LOC"):
                    cc = resolve_country(ent.text)
                    if cc:
                        counts[cc] += 3
                        named.add(cc)
                        continue
                    place = self.gazetteer.resolve(ent.text)
                    if place and place.country:
                        counts[place.country] += 1
                        if ent.text.lower() not in seen_names:
                            # one name said four times is one piece of evidence, not four
                            seen_names.add(ent.text.lower())
                            places[place.country] += 1
                elif ent.label_ == "NORP":
                    cc = resolve_country(ent.text)
                    if cc:
                        counts[cc] += 1
        # the armed groups and forces a report names are strong evidence of where it is
        for _s, _e, actor in self.actors.find(self.document.text):
            if (
                actor.known
                and actor.country
                and (actor.kind or "") in ("state force", "non-state armed group")
            ):
                # armed groups fight where they come from; state forces also fight abroad
                counts[actor.country] += 2 if actor.kind == "non-state armed group" else 1
                actors[actor.country] += 1
                if actor.kind == "non-state armed group":
                    state_free[actor.country] += 1
        if not counts:
            self._abroad_forces = set()
            return []
        top = max(counts.values())
        # a country whose only evidence is one stray place name is a namesake, not a subject
        out = [
            c for c, n in counts.most_common() if c in named or actors[c] or places[c] >= 2 or n * 3 >= top
        ]
        # a country known only by its troops ("Rwandan troops" in a Mozambican report) sent
        # forces there: the places of the report are not its places
        self._abroad_forces = {
            c for c in out[1:] if c not in named and not places[c] and not state_free[c] and actors[c]
        }
        return out

    @property
    def place_countries(self) -> list[str]:
        """The countries the report's places lie in: its countries less those it names only by
        the forces they sent."""
        cs = self.countries
        return [c for c in cs if c not in self._abroad_forces]

    @cached_property
    def _datelines(self) -> list[tuple[int, int]]:
        out = []
        for p in self.paragraphs:
            m = _DATELINE.match(p.text)
            if m:
                # only the place: "(Reuters)" in "BEIRUT (Reuters) -" names the source
                end = p.text.find("(", 0, m.end())
                out.append((p.start, p.start + (end if end > 0 else m.end())))
        return out

    def dateline_end(self, sent: Sentence) -> int:
        """End offset of a dateline ("CUCUTA -", "ERBIL, Kurdistan Region -", "Maiduguri -")
        opening the sentence's paragraph, or -1."""
        if sent.span.start != 0:
            return -1
        m = _DATELINE.match(sent.para.text)
        return sent.para.start + m.end() if m else -1

    @cached_property
    def _actor_spans(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e, a in self.actor_mentions if a.known]

    def inside_actor(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e and (e - s) > (end - start) for s, e in self._actor_spans)

    @property
    def main_country(self) -> str | None:
        return self.countries[0] if self.countries else None

    def lookup_place(self, name: str) -> Place | None:
        place = self._lookup_place(name)
        cs = self.place_countries
        if place is not None and place.country and cs and place.country not in cs:
            return None  # a namesake abroad: keep the name, never a guess on another continent
        return place

    def _lookup_place(self, name: str) -> Place | None:
        """A gazetteer place for a name as written, or None. Alternate names written in
        quotes or brackets ("Ein al-Arab “Kobane”", "Hudaydah (Hodeidah)") are tried in turn."""
        name = name.strip(" \t\"“”'‘’,.")
        if not name:
            return None
        found = self._resolve_in_context(name)
        if found is None:
            for part in re.split(r"[\"“”()\[\]/]+", name):
                part = part.strip(" -,'’")
                if len(part) > 2 and part != name:
                    found = self._resolve_in_context(part)
                    if found is not None:
                        break
        return found

    def _resolve_in_context(self, name: str) -> Place | None:
        return self.gazetteer.resolve(name, countries=self.place_countries, admin1s=self.provinces)

    @cached_property
    def provinces(self) -> list[str]:
        """First-level divisions the report names ("Sinaloa", "Deir Ezzor province"): a namesake
        town inside one of them is the one meant."""
        out: list[str] = []
        for p in self.paragraphs:
            if p.doc is None:
                continue
            names = [e.text for e in p.doc.ents if e.label_ in ("GPE", "LOC")]
            # "Sinaloa state prosecutor's office": a name before a division noun, however tagged
            for tok in p.doc:
                if tok.lower_ in _DIVISION_NOUNS and tok.i > 0 and p.doc[tok.i - 1].pos_ == "PROPN":
                    start = tok.i - 1
                    while start > 0 and p.doc[start - 1].pos_ == "PROPN":
                        start -= 1
                    names.append(p.doc[start : tok.i].text)
            for name in names:
                ranked = self.gazetteer.rank(name, countries=self.place_countries)
                if not ranked or not ranked[0].allowed:
                    continue
                # "Sinaloa" is a town and a state: the state counts as named
                for c in ranked:
                    if c.allowed and c.level == ranked[0].level and c.place.precision == "province":
                        if c.place.admin1 and c.place.admin1 not in out:
                            out.append(c.place.admin1)
                        break
        return out

    def resolve_place(self, name: str) -> Place:
        """A resolved place, or the name as written with null coordinates."""
        found = self.lookup_place(name)
        return found if found else Place(name=name.strip(" \t\"“”'‘’,."), country=self.main_country)

    @cached_property
    def main_place(self) -> Place | None:
        """The place the document names most often (first named on a tie): where its
        claims happen when a sentence names no place of its own."""
        counts: Counter = Counter()
        first: dict = {}
        places: dict = {}
        for p in self.paragraphs:
            if p.doc is None:
                continue
            for ent in p.doc.ents:
                if ent.label_ not in ("GPE", "LOC", "FAC", "NORP") or ent.root.dep_ == "poss":
                    continue  # "Russia's defence ministry" names a body, not where things happen
                if self.inside_actor(p.start + ent.start_char, p.start + ent.end_char):
                    continue
                place = self.lookup_place(ent.text)
                if place is None or (ent.label_ == "NORP" and place.precision == "country"):
                    continue
                if place.precision == "country" and place.country != self.main_country:
                    continue  # "Rwanda-backed", "accused Rwanda": a neighbour, not where it happens
                k = (place.geonameid, place.name) if place.geonameid else (None, place.name.lower())
                counts[k] += 1
                first.setdefault(k, p.start + ent.start_char)
                places.setdefault(k, place)
        if not counts:
            self.main_place_mentions = 0
            return self.country_place
        best = max(counts, key=lambda k: (counts[k], -first[k]))
        self.main_place_mentions = counts[best]
        return places[best]

    @cached_property
    def country_place(self) -> Place | None:
        """The country the document is mostly about, as a place (for nationwide tallies)."""
        cc = self.main_country
        name = self.gazetteer.country_name(cc) if cc and hasattr(self.gazetteer, "country_name") else None
        return self.gazetteer.resolve(name) if name else None

    # ---- time -------------------------------------------------------------------
    @cached_property
    def time_mentions(self) -> list[TimeMention]:
        return find_time_expressions(self.document.text, self.published)

    def times_in(self, start: int, end: int) -> list[TimeMention]:
        """Time expressions overlapping [start, end)."""
        return [t for t in self.time_mentions if t.start < end and t.end > start]

    def publication_day(self) -> When | None:
        return When(self.published, self.published, Precision.DAY) if self.published else None
