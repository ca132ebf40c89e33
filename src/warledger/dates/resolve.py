"""Time resolver (placeholder until the knowledge layer lands).

Interface used by the extractors:
    find_time_expressions(text, published) -> list[TimeMention]   # spans in `text`, resolved
    resolve_expression("since September 10", published) -> When | None
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from warledger.types import When


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    when: When | None
    kind: str = "point"  # point | since | period | until


def resolve_expression(text: str, published: date | None) -> When | None:
    return None


def find_time_expressions(text: str, published: date | None) -> list[TimeMention]:
    return []
