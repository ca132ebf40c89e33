"""Metadata given by the caller, and the precedence rule: explicit option > metadata > none."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime


@dataclass(frozen=True, slots=True)
class Overrides:
    """Options the user gave (CLI flags or library keywords); each wins over metadata."""

    published: date | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None

    def pick(
        self,
        *,
        published: date | None = None,
        url: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
    ) -> dict:
        """Keyword arguments for make_document: the override if set, else the metadata value."""
        return {
            "published": self.published or published,
            "url": self.url or url,
            "title": self.title or title,
            "publisher": self.publisher or publisher,
        }


def parse_date(value: object) -> date | None:
    """A publication date from metadata: ISO date/datetime, RFC 2822, or a struct_time.

    Anything else gives None: a wrong date is worse than no date, because relative
    dates in the text ("on Tuesday") resolve against it.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
