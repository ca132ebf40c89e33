"""Alias index over the shipped actor list (data/actors.yaml, data/actors/*.yaml) and user files.

Interface used by the extractors:
    index = ActorIndex.load(settings)
    index.resolve("regime forces", country="SY") -> ResolvedActor(name, known) | None
    index.find(text) -> list[(start, end, ResolvedActor)]   # every alias occurrence in text
    index.records() -> list[dict]                          # for `warledger actors --format json`

Resolution, in order: an alias or description of the whole text (a token trie, so case,
dots, hyphens, possessives and descriptor plurals do not count; short acronyms match as
written); the same without member nouns ("Al-Shabaab militants") or qualifiers
("suspected"); a fuzzy match of a long alias (rapidfuzz, score >= 92); otherwise the
name as written, ``known=False``. Purely generic words ("militants") give None:
coreference belongs to the extractor. Descriptions that need the document's country
("government forces") resolve to that country's role holder.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from warledger.actors.normalize import CASE_MARK, Token, dotted, is_acronym, tokenize
from warledger.actors.schema import ActorEntry, Country, Descriptions, Kind, Role
from warledger.errors import LexiconError

log = logging.getLogger(__name__)

FUZZY_MIN_CHARS = 8  # shorter names are never fuzzy-matched: too many near neighbours
FUZZY_MIN_SCORE = 92
# Kinds whose mention may swallow a following member noun ("RSF fighters").
_ARMED = {Kind.STATE_FORCE, Kind.NON_STATE, Kind.COALITION}

try:  # the C loader is several times faster on the shipped list
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    name: str  # canonical name, or the text as written when unknown
    known: bool
    kind: str | None = None
    country: str | None = None


# Trie leaf values: what an alias or description points at.
@dataclass(frozen=True, slots=True)
class _ActorRef:
    name: str


@dataclass(frozen=True, slots=True)
class _RoleRef:
    role: Role
    country: str | None  # None: the document's country decides


@dataclass(frozen=True, slots=True)
class _ContextRef:
    index: int  # into Descriptions.contextual


@dataclass(frozen=True, slots=True)
class _Generic:
    pass


_Ref = _ActorRef | _RoleRef | _ContextRef | _Generic
_LEAF = ""  # trie key holding the leaf value (no token folds to "")


def _read_yaml(path: str, text: str):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise LexiconError(f"not valid YAML/JSON: {exc}", source=path) from exc


def _entries(path: str, data) -> list[ActorEntry]:
    """Validate one actor file: a list under ``actors:`` or a {name: {...}} mapping."""
    if isinstance(data, dict) and "actors" in data:
        items = data["actors"]
    elif isinstance(data, dict):
        bad = next((k for k, v in data.items() if v is not None and not isinstance(v, dict)), None)
        if bad is not None:
            raise LexiconError(f"actor {bad!r}: expected a mapping of fields", source=path, entry=bad)
        items = [{"name": k, **(v or {})} for k, v in data.items()]
        # The analysts' lists carry fields of their own; keep what we know.
        known = set(ActorEntry.model_fields)
        items = [{k: v for k, v in it.items() if k in known} for it in items]
    elif isinstance(data, list):
        items = data
    else:
        raise LexiconError("expected a list of actors or a mapping of name -> actor", source=path)
    out = []
    for i, item in enumerate(items or []):
        label = item.get("name") if isinstance(item, dict) else None
        try:
            out.append(ActorEntry.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "entry"
            raise LexiconError(
                f"actor {label or f'#{i + 1}'!r}, field {field}: {first['msg']}",
                source=path,
                entry=label,
                field=field,
            ) from None
    return out


class ActorIndex:
    def __init__(
        self,
        entries: Iterable[ActorEntry] = (),
        *,
        countries: dict[str, Country] | None = None,
        descriptions: Descriptions | None = None,
    ):
        self._desc = descriptions or Descriptions(
            plurals={},
            determiners=["the"],
            qualifiers=[],
            member_nouns=[],
            generic=[],
            role_by_country={},
            demonym_patterns={},
            generated_names={},
        )
        self._countries = countries or {}
        self._dets = frozenset(self._desc.determiners)
        self._key_memo: dict[tuple[str, bool, bool], tuple[str, ...]] = {}  # aliases are keyed twice
        self._actors: dict[str, ActorEntry] = {}
        self._by_folded: dict[str, str] = {}
        self._owner: dict[str, str] = {}  # casefolded alias -> actor
        for e in entries:
            self._add(e)
        self._build()

    # ---- loading --------------------------------------------------------------
    @classmethod
    def load(cls, settings=None, *, extra_files: Iterable[str | Path] = ()) -> ActorIndex:
        """The shipped list, then each user file (Settings.actors_files, then extra_files) over it."""
        data = resources.files("warledger") / "data"
        tables = data / "actors"
        desc = _read_yaml("data/actors/descriptions.yaml", (tables / "descriptions.yaml").read_text("utf-8"))
        countries_raw = _read_yaml(
            "data/actors/countries.yaml", (tables / "countries.yaml").read_text("utf-8")
        )
        try:
            descriptions = Descriptions.model_validate(desc["descriptions"])
            countries = {k: Country.model_validate(v) for k, v in countries_raw["countries"].items()}
        except (ValidationError, KeyError, TypeError) as exc:
            raise LexiconError(f"bad description or country table: {exc}", source="data/actors") from exc
        shipped = [("data/actors.yaml", data / "actors.yaml")]
        shipped += [
            (f"data/actors/{p.name}", p)
            for p in sorted(tables.iterdir(), key=lambda p: p.name)
            if p.name.startswith("actors-") and p.name.endswith(".yaml")
        ]
        entries: list[ActorEntry] = []
        owner: dict[str, tuple[str, str]] = {}  # folded alias -> (actor, file): shipped aliases are unique
        for label, res in shipped:
            for e in _entries(label, _read_yaml(label, res.read_text("utf-8"))):
                for a in [e.name, *e.aliases, *e.exact]:
                    prev = owner.get(a.casefold())
                    if prev and prev[0] != e.name:
                        raise LexiconError(
                            f"alias {a!r} of {e.name!r} is already used by {prev[0]!r} ({prev[1]})",
                            source=label,
                            entry=e.name,
                        )
                    owner[a.casefold()] = (e.name, label)
                entries.append(e)
        entries = _with_country_variants(entries, countries)
        user = [*(getattr(settings, "actors_files", ()) or ()), *extra_files]
        for f in user:
            path = Path(f).expanduser()
            try:
                text = path.read_text("utf-8")
            except OSError as exc:
                raise LexiconError(
                    f"cannot read actors file: {exc.strerror or exc}", source=str(path)
                ) from exc
            data_ = (
                json.loads(text) if path.suffix == ".json" and text.strip() else _read_yaml(str(path), text)
            )
            entries.extend(_entries(str(path), data_))
        return cls(entries, countries=countries, descriptions=descriptions)

    def _add(self, e: ActorEntry) -> None:
        """Add or override: a later entry of the same name replaces it and takes its aliases."""
        key = e.name.casefold()
        old = self._by_folded.get(key)
        if old is not None:
            del self._actors[old]
        # A later file that claims an alias takes it from whoever had it.
        claimed = {a.casefold() for a in [e.name, *e.aliases, *e.exact]}
        losers = {self._owner[a] for a in claimed if self._owner.get(a) not in (None, e.name, old)}
        for name in losers:
            other = self._actors[name]
            keep = [a for a in other.aliases if a.casefold() not in claimed]
            keep_exact = [a for a in other.exact if a.casefold() not in claimed]
            self._actors[name] = other.model_copy(update={"aliases": keep, "exact": keep_exact})
        self._actors[e.name] = e
        self._by_folded[key] = e.name
        for a in claimed:
            self._owner[a] = e.name

    # ---- index construction ---------------------------------------------------
    def _keys(self, phrase: str, *, exact: bool = False, strip: bool = True) -> tuple[str, ...]:
        memo = (phrase, exact, strip)
        hit = self._key_memo.get(memo)
        if hit is None:
            hit = self._key_memo[memo] = self._make_keys(phrase, exact=exact, strip=strip)
        return hit

    def _make_keys(self, phrase: str, *, exact: bool, strip: bool) -> tuple[str, ...]:
        toks = tokenize(phrase, self._desc.plurals)
        dets = self._dets if strip else frozenset()
        while len(toks) > 1 and toks[0].fold in dets:
            toks = toks[1:]
        return tuple(CASE_MARK + t.form if exact or is_acronym(t.form) else t.fold for t in toks)

    def _insert(self, keys: tuple[str, ...], ref: _Ref, *, override: bool) -> bool:
        if not keys:
            return False
        node = self._trie
        for k in keys:
            node = node.setdefault(k, {})
        if _LEAF in node and not override:
            return False
        node[_LEAF] = ref
        return True

    def _build(self) -> None:
        self._trie: dict = {}
        self._generated: dict[str, ActorEntry] = {}
        self._extra_aliases: dict[str, list[str]] = {}
        d = self._desc
        for w in d.generic:
            self._insert(self._keys(w), _Generic(), override=True)
        for role, phrases in d.role_by_country.items():
            for p in phrases:
                self._insert(self._keys(p), _RoleRef(role, None), override=True)
        for i, c in enumerate(d.contextual):
            for p in c.phrases:
                self._insert(self._keys(p), _ContextRef(i), override=True)
        # Named actors win over descriptions that happen to share words.
        for e in self._actors.values():
            ref = _ActorRef(e.name)
            exact = {a.casefold() for a in e.exact}
            for a in [e.name, *e.aliases]:
                if a.casefold() not in exact:  # a common word ("The Guardian") only matches as written
                    self._insert(self._keys(a), ref, override=True)
            for a in e.exact:  # "The Hindu" keeps its article: "Hindu" alone is a word
                self._insert(self._keys(a, exact=True, strip=False), ref, override=True)
        # Descriptions built from the country table ("Turkish troops") fill what is left.
        self._holders: dict[tuple[str, Role], list[ActorEntry]] = {}
        for e in self._actors.values():
            if e.role and e.country:
                self._holders.setdefault((e.country, e.role), []).append(e)
        # Tokenise each pattern and each name once, then splice (thousands of phrases).
        slots = ("{demonym}", "{country}", "{capital}")
        parsed = {
            role: [
                (slot, *(self._keys(_unpossess(x), strip=i == 0) for i, x in enumerate(p.split(slot, 1))))
                for p in pats
                for slot in slots
                if slot in p
            ]
            for role, pats in d.demonym_patterns.items()
        }
        for iso, c in self._countries.items():
            fills = {
                "{demonym}": [(x, self._keys(x, strip=False)) for x in c.demonyms],
                "{country}": [(x, self._keys(x, strip=False)) for x in [c.name, *c.names]],
                "{capital}": [(c.capital, self._keys(c.capital, strip=False))] if c.capital else [],
            }
            for role, pats in parsed.items():
                texts = self._pattern_texts(role)
                holder = self._holder(iso, role, None)
                ref = _RoleRef(role, iso)
                added = self._extra_aliases.setdefault(holder.name, []) if holder else []
                for (slot, before, after), pat in zip(pats, texts, strict=True):
                    for text, keys in fills[slot]:
                        full = before + keys + after
                        while len(full) > 1 and full[0] in self._dets:  # "the Emirates army"
                            full = full[1:]
                        if self._insert(full, ref, override=False) and holder:
                            added.append(pat.replace(slot, text))
        self._fuzzy_keys: dict[str, str] = {}
        for e in self._actors.values():
            exact = {a.casefold() for a in e.exact}
            for a in [e.name, *e.aliases]:
                if a.casefold() in exact:
                    continue
                k = " ".join(self._keys(a))
                if len(k) >= FUZZY_MIN_CHARS and CASE_MARK not in k:
                    self._fuzzy_keys.setdefault(k, e.name)
        self._fuzzy_choices = list(self._fuzzy_keys)

    def _pattern_texts(self, role: Role) -> list[str]:
        slots = ("{demonym}", "{country}", "{capital}")
        return [p for p in self._desc.demonym_patterns[role] for slot in slots if slot in p]

    # ---- role holders ---------------------------------------------------------
    def _holder(self, country: str, role: Role, on: date | None) -> ActorEntry | None:
        """The actor holding `role` for `country` (on a date, when given); generated if none."""
        cands = self._holders.get((country, role), [])
        if on is not None:
            dated = [
                e for e in cands if (e.since is None or e.since <= on) and (e.until is None or on < e.until)
            ]
            cands = dated or cands
        if cands:
            return next((e for e in cands if e.primary), cands[0])
        if country not in self._countries or role not in self._desc.generated_names:
            return None
        name = self._desc.generated_names[role].replace("{country}", self._countries[country].name)
        if name not in self._generated:
            if name in self._actors:  # written out in the data: use it
                return self._actors[name]
            kind = Kind.GOVERNMENT if role != Role.MILITARY and role != Role.POLICE else Kind.STATE_FORCE
            self._generated[name] = ActorEntry(name=name, kind=kind, country=country, role=role)
        return self._generated[name]

    def _actor(self, e: ActorEntry) -> ResolvedActor:
        return ResolvedActor(e.name, True, str(e.kind), e.country)

    def _deref(self, ref: _Ref, written: str, country: str | None, on: date | None) -> ResolvedActor | None:
        if isinstance(ref, _Generic):
            return None
        if isinstance(ref, _ActorRef):
            return self._actor(self._actors[ref.name])
        if isinstance(ref, _RoleRef):
            iso = ref.country or (country.upper() if country else None)
            holder = self._holder(iso, ref.role, on) if iso else None
            return self._actor(holder) if holder else ResolvedActor(written, False)
        target = self._desc.contextual[ref.index].by_country.get((country or "").upper())
        if target and target in self._actors:
            return self._actor(self._actors[target])
        return ResolvedActor(written, False)

    # ---- matching -------------------------------------------------------------
    def _walk(self, toks: list[Token], i: int) -> tuple[int, _Ref] | None:
        """Longest alias starting at token i: (index after it, leaf)."""
        best = None
        stack = [(self._trie, i)]
        while stack:
            node, j = stack.pop()
            if _LEAF in node and j > i and (best is None or j > best[0]):
                best = (j, node[_LEAF])
            if j >= len(toks):
                continue
            t = toks[j]
            nxt = node.get(t.fold)
            if nxt is not None:
                stack.append((nxt, j + 1))
            nxt = node.get(CASE_MARK + t.form)
            if nxt is not None:
                stack.append((nxt, j + 1))
        return best

    def _whole(self, toks: list[Token]) -> _Ref | None:
        hit = self._walk(toks, 0) if toks else None
        return hit[1] if hit and hit[0] == len(toks) else None

    def resolve(
        self, text: str, *, country: str | None = None, on: date | None = None
    ) -> ResolvedActor | None:
        """The actor a name or description stands for; None for generic words or empty text."""
        written = _clean(text, self._desc.determiners)
        if not written:
            return None
        full = tokenize(text, self._desc.plurals)
        toks = tokenize(written, self._desc.plurals)
        while toks and toks[0].fold in self._dets:
            toks = toks[1:]
        if not toks:
            return None
        ref = self._whole(full) if len(full) > len(toks) else None  # an exact "The ..." title
        if ref is None:
            ref = self._whole(toks)
        if ref is None or isinstance(ref, _RoleRef):
            ref = self._named_in_country(written, country) or ref
        if ref is None:
            ref = self._without_noise(toks)
        if ref is not None:
            return self._deref(ref, written, country, on)
        fuzzy = self._fuzzy(" ".join(t.fold for t in toks))
        if fuzzy:
            return self._actor(self._actors[fuzzy])
        return ResolvedActor(written, False)

    def _named_in_country(self, written: str, country: str | None) -> _Ref | None:
        """ "the National Army" in a Syrian report is the Syrian National Army: a proper name
        told without the country it belongs to (a named actor only, never a description)."""
        words = written.split()
        if country not in self._countries or len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None  # one capitalised word ("Army" opening a sentence) is a description
        c = self._countries[country]
        for prefix in (*c.demonyms, c.name, *c.names):
            ref = self._whole(tokenize(f"{prefix} {written}", self._desc.plurals))
            if isinstance(ref, _ActorRef):
                return ref
        return None

    def _without_noise(self, toks: list[Token]) -> _Ref | None:
        """ "suspected Al-Shabaab militants" -> Al-Shabaab (never a generic or a description)."""
        quals = set(self._desc.qualifiers)
        members = set(self._desc.member_nouns)
        core = list(toks)
        while core and core[0].fold in quals:
            core = core[1:]
        while core and core[-1].fold in members:
            core = core[:-1]
        if not core or len(core) == len(toks):
            return None
        ref = self._whole(core)
        return ref if isinstance(ref, _ActorRef) else None

    def _fuzzy(self, key: str) -> str | None:
        if len(key) < FUZZY_MIN_CHARS or not self._fuzzy_choices:
            return None
        from rapidfuzz import fuzz, process  # only paid for when exact matching failed

        hit = process.extractOne(key, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        return self._fuzzy_keys[hit[0]] if hit else None

    def find(
        self, text: str, *, country: str | None = None, on: date | None = None
    ) -> list[tuple[int, int, ResolvedActor]]:
        """Every actor alias or description in `text`, longest first, not overlapping, in order."""
        toks = tokenize(text, self._desc.plurals)
        members = set(self._desc.member_nouns)
        dets = self._dets
        out: list[tuple[int, int, ResolvedActor]] = []
        i, n = 0, len(toks)
        while i < n:
            hit = self._walk(toks, i)
            if hit is None:
                i += 1
                continue
            j, ref = hit
            # One bare word ("military", "army", "government") is often an adjective
            # ("military base"); as a mention it needs its article: "the army said".
            if (
                j == i + 1
                and isinstance(ref, _RoleRef | _ContextRef)
                and (i == 0 or toks[i - 1].fold not in dets)
            ):
                i = j
                continue
            start, end = toks[i].start, toks[j - 1].end
            actor = self._deref(ref, text[start:end], country, on)
            if actor is None:
                i = j
                continue
            if (
                actor.known
                and actor.kind in _ARMED
                and j < n
                and toks[j].fold in members
                and not text[end : toks[j].start].strip()  # "PKK) terrorist" stays "PKK"
            ):
                end = toks[j].end
                j += 1
            out.append((start, end, actor))
            i = j
        return out

    # ---- lookups --------------------------------------------------------------
    def get(self, name: str) -> dict | None:
        """The record of a canonical name or any alias (as `records()` gives it)."""
        e = self._entry(name)
        return self._record(e) if e else None

    def _entry(self, name: str) -> ActorEntry | None:
        if name in self._actors:
            return self._actors[name]
        if name in self._generated:
            return self._generated[name]
        r = self.resolve(name)
        if r and r.known:
            return self._actors.get(r.name) or self._generated.get(r.name)
        return None

    def kind_of(self, name: str) -> str | None:
        e = self._entry(name)
        return str(e.kind) if e else None

    def affiliations(self, name: str) -> dict[str, list[str]]:
        e = self._entry(name)
        return {str(k): list(v) for k, v in e.affiliations.items()} if e else {}

    def names(self) -> list[str]:
        return list(self._actors)

    def __len__(self) -> int:
        return len(self._actors)

    def _record(self, e: ActorEntry) -> dict:
        aliases = [*e.aliases, *e.exact, *self._extra_aliases.get(e.name, [])]
        # Dotted spellings help lists that compare names literally ("S.D.F." vs "SDF").
        aliases += [v for v in (dotted(a) for a in [e.name, *aliases]) if v]
        seen = {e.name.casefold()}
        uniq = []
        for a in aliases:
            k = a.casefold()
            if k not in seen and self._owner.get(k, e.name) == e.name:  # written aliases own their spelling
                seen.add(k)
                uniq.append(a)
        rec = {
            "name": e.name,
            "aliases": uniq,
            "kind": str(e.kind),
            "country": e.country,
            "affiliations": {str(k): list(v) for k, v in e.affiliations.items()},
        }
        if e.role:
            rec["role"] = str(e.role)
        if e.since or e.until:
            rec["active"] = {
                "since": e.since and e.since.isoformat(),
                "until": e.until and e.until.isoformat(),
            }
        if e.note:
            rec["note"] = e.note
        return rec

    def records(self) -> list[dict]:
        """Every actor, the generated per-country role holders included, with all its aliases."""
        seen: set[str] = set()
        out = []
        for e in [*self._actors.values(), *self._generated.values()]:
            rec = self._record(e)
            rec["aliases"] = [a for a in rec["aliases"] if a.casefold() not in seen]
            seen.update(a.casefold() for a in [rec["name"], *rec["aliases"]])
            out.append(rec)
        return out


def _unpossess(part: str) -> str:
    """The "'s" after a slot ("{country}'s army") is dropped by the tokenizer anyway."""
    for mark in ("'s", "’s"):
        if part.startswith(mark):
            return part[len(mark) :]
    return part


def _clean(text: str, determiners: list[str]) -> str:
    """The name as written, trimmed: spaces collapsed, a leading "the" and a final "'s" dropped."""
    s = " ".join((text or "").split()).strip(' ,.;:!?"“”()[]')
    low = s.casefold()
    for d in determiners:
        if low.startswith(d + " "):
            s = s[len(d) + 1 :]
            break
    for suffix in ("'s", "’s"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
    return s.strip()


# ACLED names its generic actors per country: "Civilians (Sudan)", "Protesters (Kenya)".
_PER_COUNTRY = ("Civilians", "Protesters", "Rioters")


def _with_country_variants(entries: list, countries: dict) -> list:
    """Give the generic actors their per-country ACLED names as aliases."""
    out = []
    for e in entries:
        if e.name in _PER_COUNTRY:
            have = {a.casefold() for a in [e.name, *e.aliases, *e.exact]}
            extra = []
            for c in countries.values():
                for n in [c.name, *getattr(c, "names", [])]:
                    alias = f"{e.name} ({n})"
                    if alias.casefold() not in have:
                        have.add(alias.casefold())
                        extra.append(alias)
            e = e.model_copy(update={"aliases": [*e.aliases, *extra]})
        out.append(e)
    return out
