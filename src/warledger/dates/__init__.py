"""Time: expressions resolved against the publication date."""

from warledger.dates.resolve import TimeMention, find_time_expressions, resolve_expression

__all__ = ["TimeMention", "find_time_expressions", "resolve_expression"]
