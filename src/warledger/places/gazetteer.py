"""Gazetteer: resolve place names from reports against the on-disk GeoNames-derived index.

Place data from GeoNames (https://www.geonames.org/), CC BY 4.0 (see ``build.py``).

    gaz = Gazetteer.open(settings)                 # builds the on-disk index on first use
    gaz.resolve("Deir Ezzor", countries=["SY"]) -> Place | None   (None: not a place we know)
    gaz.candidates(name, countries=...) -> list[Place]            ranked, best first
    gaz.resolve_country("Syrian") -> "SY"

The look-up cascade, each stage only when the previous found nothing acceptable:
1. the phrase as written, then without its area/province/town/direction words
   (``query.variants``), by exact ``fold`` key (``normalize``);
2. the same variants by fuzzy match (rapidfuzz) over the names of the document's
   countries only, above ``FUZZY_CUTOFF``.
Candidates are ranked by match level, the document's countries (first = most
important), kind of place (country, curated region, province, town) and population.
``resolve`` refuses candidates outside the document's countries unless they are in a
neighbouring country or a large place (or a country) on the same continent: no answer
is better than a namesake.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from warledger.places.build import SCHEMA_VERSION, Sources, build_index, km
from warledger.places.normalize import keys, norm
from warledger.places.query import Query, variants
from warledger.types import Place

log = logging.getLogger(__name__)

FUZZY_CUTOFF = 88.0  # rapidfuzz ratio on fold keys; below it a "match" is usually another place
FUZZY_MIN_LEN = 5  # shorter keys are too easy to hit by chance
LEVEL_NORM, LEVEL_FOLD = 1.0, 0.9  # same spelling; same transliteration skeleton
NOTABLE_POPULATION = 100_000  # a place this big may be named from outside the document's countries
KIND_BONUS = {"country": 0.3, "province": 0.1, "region": 0.1, "district": 0.05, "town": 0.0}
CURATED_BONUS = 0.35


@dataclass(frozen=True, slots=True)
class Candidate:
    """One ranked answer, with why it was found."""

    place: Place  # as the gazetteer names it
    score: float
    level: float  # LEVEL_NORM, LEVEL_FOLD, or a fuzzy level below them
    matched: str  # the (normalised) name that matched
    population: int
    allowed: bool  # passes the country/continent rule; resolve only returns allowed ones
    query: Query


class Gazetteer:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        uri = self.path.resolve().as_uri() + "?mode=ro"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._con.row_factory = sqlite3.Row
        self._countries = {r["cc"]: dict(r) for r in self._con.execute("SELECT * FROM countries")}
        self._country_words = self._load_country_words()
        self._fuzzy_pool: dict[str, tuple[list[str], list[tuple[str, int]]]] = {}
        self._rank_cached: Callable[[str, tuple[str, ...]], list[Candidate]] = lru_cache(maxsize=8192)(
            self._rank
        )

    # -- opening and building ------------------------------------------------------------

    @classmethod
    def open(
        cls, settings=None, *, path: str | Path | None = None, sources: Sources | None = None
    ) -> Gazetteer:
        """Open the index, building it first when it is missing, corrupt or of an older schema."""
        if path is None:
            if settings is None:
                from warledger.config import load_settings

                settings = load_settings()
            path = settings.gazetteer
        path = Path(path)
        problem = check_index(path)
        if problem:
            log.warning("gazetteer index %s %s: building it (takes under a minute)", path, problem)
            path.unlink(missing_ok=True)
            build_index(path, sources)
        return cls(path)

    def close(self) -> None:
        self._con.close()

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._con.execute("SELECT key, value FROM meta")}

    # -- public look-ups ------------------------------------------------------------------

    def resolve(
        self, name: str, *, countries: Sequence[str] = (), admin1s: Sequence[str] = ()
    ) -> Place | None:
        """The place a report means by ``name``, or None when we do not know it.

        The answer keeps ``name`` as written (the claim shows the report's spelling);
        a phrase for an area around or part of a place ("Kobani countryside",
        "southern Tripoli") gets that place's point, no geonameid, and the precision
        the words imply. Among namesakes matched as well as the best, one in the report's
        main country, then one in a province the report names (``admin1s``), wins.
        """
        ranked = self.rank(name, countries=countries)
        if not ranked or not ranked[0].allowed:
            return None
        best = self._in_context(ranked, countries, admin1s)
        q, p = best.query, best.place
        return replace(
            p,
            name=" ".join(name.split()),
            geonameid=p.geonameid if q.same_place else None,
            precision=q.precision or p.precision,
        )

    @staticmethod
    def _in_context(ranked: list[Candidate], countries: Sequence[str], admin1s: Sequence[str]) -> Candidate:
        """The best candidate, or a namesake as well matched that the report's context prefers
        ("Pokrovsk" in a Ukrainian report, "Jesus Maria" in a report on Sinaloa)."""
        best = ranked[0]
        peers = [
            c
            for c in ranked
            if c.allowed and c.level == best.level and c.place.precision == best.place.precision
        ]
        main = countries[0].upper() if countries else None
        if main and best.place.country != main:
            home = [c for c in peers if c.place.country == main]
            if home:
                best, peers = home[0], home
        wanted = {norm(a) for a in admin1s if a}
        if wanted and norm(best.place.admin1 or "") not in wanted:
            inside = [c for c in peers if norm(c.place.admin1 or "") in wanted]
            if inside:
                best = inside[0]
        return best

    def candidates(self, name: str, *, countries: Sequence[str] = ()) -> list[Place]:
        """Ranked gazetteer places for ``name`` (gazetteer names), best first."""
        return [c.place for c in self.rank(name, countries=countries)]

    def rank(self, name: str, *, countries: Sequence[str] = ()) -> list[Candidate]:
        if not name or not name.strip():
            return []
        ccs = tuple(c.upper() for c in countries if c)
        return list(self._rank_cached(name.strip(), ccs))

    def resolve_country(self, text: str) -> str | None:
        """ISO2 code for a country name, alias, demonym or adjective ("Syrian" -> "SY")."""
        n = norm(text or "")
        if not n:
            return None
        n = n.removeprefix("the ")
        hit = self._country_words.get(n)
        if hit is None and n.endswith("s"):
            hit = self._country_words.get(n[:-1])  # plural demonym: "Syrians"
        if hit is None and len(n) == 2 and n.upper() in self._countries:
            hit = n.upper()
        return hit

    def country_of(self, place: Place) -> str | None:
        if place.country:
            return place.country
        if place.lat is not None and place.lon is not None:
            near = self.near(place.lat, place.lon)
            return near.country if near else None
        return self.resolve_country(place.name)

    def country_name(self, cc: str) -> str | None:
        row = self._countries.get((cc or "").upper())
        return row["name"] if row else None

    def near(self, lat: float, lon: float, *, max_km: float = 50.0) -> Place | None:
        """The nearest town in the index within ``max_km``."""
        d = max_km / 111.0
        dl = d / max(0.05, math.cos(math.radians(lat)))
        rows = self._con.execute(
            "SELECT * FROM places WHERE precision = 'town' AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (lat - d, lat + d, lon - dl, lon + dl),
        ).fetchall()
        best = min(rows, key=lambda r: km(lat, lon, r["lat"], r["lon"]), default=None)
        if best is None or km(lat, lon, best["lat"], best["lon"]) > max_km:
            return None
        return _place(best)

    # -- ranking --------------------------------------------------------------------------

    def _rank(self, name: str, ccs: tuple[str, ...]) -> list[Candidate]:
        qs = variants(name)
        for q in qs:
            found = self._exact(q, ccs)
            if any(c.allowed for c in found):
                return found
        for q in qs:
            found = self._fuzzy(q, ccs)
            if found:
                return found
        # Nothing acceptable: show what exists elsewhere (never chosen by resolve).
        for q in qs:
            found = self._exact(q, ccs)
            if found:
                return found
        return []

    def _exact(self, q: Query, ccs: tuple[str, ...]) -> list[Candidate]:
        nk, fk = keys(q.text)
        if not fk:
            return []
        rows = self._con.execute(
            "SELECT n.norm AS matched, p.* FROM names n JOIN places p ON p.id = n.place WHERE n.fold = ?",
            (fk,),
        ).fetchall()
        levels = {}
        for r in rows:
            lv = LEVEL_NORM if r["matched"] == nk else LEVEL_FOLD
            if lv > levels.get(r["id"], (0.0,))[0]:
                levels[r["id"]] = (lv, r)
        return self._score([(lv, r) for lv, r in levels.values()], q, ccs)

    def _fuzzy(self, q: Query, ccs: tuple[str, ...]) -> list[Candidate]:
        _, fk = keys(q.text)
        if len(fk) < FUZZY_MIN_LEN or not ccs:
            return []  # without the document's countries a near-spelling is a guess
        found: dict[int, float] = {}
        # a near-spelling is looked for where the report is and next door: in a far country the
        # document also names ("US-led coalition" in a Syrian report) it is a guess at a namesake
        main = self._countries.get(ccs[0])
        near = {ccs[0], *(main["neighbours"].split(",") if main else ())}
        for cc in (c for c in ccs if c in near):
            folds, refs = self._pool(cc)
            for _choice, score, i in process.extract(
                fk, folds, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=20
            ):
                if folds[i][0] != fk[0]:
                    continue  # first letters rarely vary between transliterations
                lv = 0.55 + 0.3 * (score - FUZZY_CUTOFF) / (100.0 - FUZZY_CUTOFF)
                pid = refs[i][1]
                found[pid] = max(found.get(pid, 0.0), lv)
        if not found:
            return []
        marks = ",".join("?" * len(found))
        rows = self._con.execute(
            f"SELECT ? AS matched, * FROM places WHERE id IN ({marks})", (q.text, *found)
        )
        return [c for c in self._score([(found[r["id"]], r) for r in rows], q, ccs) if c.allowed]

    def _pool(self, cc: str) -> tuple[list[str], list[tuple[str, int]]]:
        # One country's names, read once as a rowid range (the build sorts names by country).
        if cc not in self._fuzzy_pool:
            span = self._con.execute("SELECT first, last FROM country_names WHERE cc = ?", (cc,)).fetchone()
            rows = (
                self._con.execute(
                    "SELECT fold, norm, place FROM names WHERE id BETWEEN ? AND ?", (span[0], span[1])
                ).fetchall()
                if span
                else []
            )
            self._fuzzy_pool[cc] = ([r[0] for r in rows], [(r[1], r[2]) for r in rows])
        return self._fuzzy_pool[cc]

    def _score(
        self, found: list[tuple[float, sqlite3.Row]], q: Query, ccs: tuple[str, ...]
    ) -> list[Candidate]:
        if q.kind:
            found = [(lv, r) for lv, r in found if r["precision"] == q.kind]
        towns = [r for _, r in found if r["precision"] == "town"]
        out = []
        for lv, r in found:
            cc = r["cc"] or ""
            prec = r["precision"]
            kind = CURATED_BONUS if r["curated"] else KIND_BONUS.get(prec, 0.0)
            if prec == "province" and any(
                t["cc"] == cc and km(t["lat"], t["lon"], r["lat"], r["lon"]) < 2.0 for t in towns
            ):
                kind = -0.05  # bare "Herat", "Aleppo": the city, seat of its namesake province
            pop = r["population"] or 0
            score = lv + kind + 0.03 * math.log10(pop + 1)
            if cc in ccs:
                score += max(0.2, 0.5 - 0.1 * ccs.index(cc))
            out.append(
                Candidate(_place(r), round(score, 4), lv, r["matched"], pop, self._allowed(r, lv, ccs), q)
            )
        out.sort(key=lambda c: (c.allowed, c.score), reverse=True)
        return out

    def _allowed(self, r: sqlite3.Row, level: float, ccs: tuple[str, ...]) -> bool:
        cc = r["cc"] or ""
        if not ccs:
            return level >= LEVEL_FOLD
        if cc in ccs or not cc:
            return True
        if r["precision"] == "country":
            return level >= LEVEL_FOLD  # naming a country is never a namesake guess
        if level < LEVEL_NORM:
            return False  # outside the document's countries only the same spelling counts
        doc = [self._countries.get(c) for c in ccs]
        if any(d and cc in d["neighbours"].split(",") for d in doc):
            return True
        mine = self._countries.get(cc)
        same_continent = bool(mine) and any(d and d["continent"] == mine["continent"] for d in doc)
        notable = (r["population"] or 0) >= NOTABLE_POPULATION or r["precision"] != "town"
        return same_continent and notable

    def _load_country_words(self) -> dict[str, str]:
        words: dict[str, str] = {}
        for cc, row in self._countries.items():
            for d in json.loads(row["demonyms"] or "[]"):
                words.setdefault(norm(d), cc)
        for r in self._con.execute(
            "SELECT n.norm, p.cc FROM names n JOIN places p ON p.id = n.place WHERE p.precision = 'country'"
        ):
            words.setdefault(r[0], r[1])
        return words


def _place(r: sqlite3.Row) -> Place:
    return Place(
        name=r["name"],
        geonameid=r["geonameid"],
        lat=r["lat"],
        lon=r["lon"],
        country=r["cc"],
        admin1=r["admin1"],
        precision=r["precision"],
    )


def check_index(path: Path) -> str | None:
    """Why the index at ``path`` cannot be used, or None when it can."""
    if not path.is_file():
        return "is missing"
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        con = sqlite3.connect(uri, uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            con.execute("SELECT id FROM places LIMIT 1").fetchone()
            con.execute("SELECT fold FROM names LIMIT 1").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return f"is unreadable ({exc})"
    if meta.get("schema") != SCHEMA_VERSION:
        return f"has schema {meta.get('schema')!r}, not {SCHEMA_VERSION!r}"
    return None
