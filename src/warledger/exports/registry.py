"""Named exporters: each a pure function from a stream of reconciled items to an open file.

    @exporter("jsonl", suffix=".jsonl", help="...")
    def write_jsonl(items: Iterable[ReconciledItem], out: TextIO) -> int: ...   # rows written

The built-in formats register themselves through this decorator exactly as a
plugin would (``warledger.exports`` imports them); ``get(name)`` finds one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO

from warledger.errors import ExportError
from warledger.reconcile.model import ReconciledItem

ExportFn = Callable[[Iterable[ReconciledItem], IO], int]


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str
    write: ExportFn
    suffix: str
    binary: bool = False
    kinds: tuple[str, ...] = ("casualty", "control", "event")  # items it takes by default
    help: str = ""


EXPORTERS: dict[str, Exporter] = {}


def exporter(
    name: str,
    *,
    suffix: str,
    binary: bool = False,
    kinds: tuple[str, ...] | None = None,
    help: str = "",
) -> Callable[[ExportFn], ExportFn]:
    def register(fn: ExportFn) -> ExportFn:
        extra = {"kinds": kinds} if kinds is not None else {}
        EXPORTERS[name] = Exporter(name, fn, suffix, binary, help=help or (fn.__doc__ or "").strip(), **extra)
        return fn

    return register


def get(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ExportError(f"no exporter {name!r}; known: {', '.join(sorted(EXPORTERS))}") from None
