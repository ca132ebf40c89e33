"""Places: an offline GeoNames-derived gazetteer, transliteration-aware matching, context."""

from warledger.places.gazetteer import Gazetteer

__all__ = ["Gazetteer"]
