"""The one exception tree of warledger, with greppable codes.

WarledgerError            .code ("WL-E..."), .context (stage, source, doc id), .status
├── ConfigError           bad settings, lexicon or actor file: fail at start-up
│   └── LexiconError      names the file, entry id and field
├── InputError            one input is bad: recorded, the run goes on
│   ├── FetchError        a URL could not be fetched (wraps httpx errors)
│   ├── BlockedAddress    a URL resolves to a loopback/private address (SSRF guard)
│   ├── UnsupportedSource the input is of no kind warledger reads
│   ├── DecodeError       bytes that are not text in any encoding we try
│   ├── TooLarge          over the configured size cap
│   └── EmptyDocument     no text left after cleaning
├── ExtractionError       a component failed on one document
├── StoreError            database unreachable or refused a write
│   └── SchemaOutOfDate   run `warledger db upgrade`
├── NotFound              status 404 for the API
└── ExportError
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime


class WarledgerError(Exception):
    code = "WL-E000"
    status = 500

    def __init__(self, message: str, **context):
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:
        subject = self.context.get("source") or self.context.get("doc_id")
        prefix = f"{subject}: " if subject else ""
        return f"[{self.code}] {prefix}{self.message}"


class ConfigError(WarledgerError):
    code = "WL-E100"


class LexiconError(ConfigError):
    code = "WL-E101"


class InputError(WarledgerError):
    code = "WL-E200"
    status = 400


class FetchError(InputError):
    code = "WL-E201"


class BlockedAddress(InputError):
    code = "WL-E202"


class UnsupportedSource(InputError):
    code = "WL-E203"


class DecodeError(InputError):
    code = "WL-E204"


class TooLarge(InputError):
    code = "WL-E205"


class EmptyDocument(InputError):
    code = "WL-E206"


class ExtractionError(WarledgerError):
    code = "WL-E300"


class StoreError(WarledgerError):
    code = "WL-E400"


class SchemaOutOfDate(StoreError):
    code = "WL-E401"


class NotFound(WarledgerError):
    code = "WL-E404"
    status = 404


class ExportError(WarledgerError):
    code = "WL-E500"


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """One failed input of a run, as stored in the run's error table."""

    stage: str
    code: str
    message: str
    source: str | None = None
    doc_id: str | None = None
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @classmethod
    def from_exception(cls, stage: str, exc: BaseException, source: str | None = None) -> ErrorRecord:
        if isinstance(exc, WarledgerError):
            return cls(
                stage, exc.code, exc.message, source or exc.context.get("source"), exc.context.get("doc_id")
            )
        return cls(stage, "WL-E999", f"{type(exc).__name__}: {exc}", source)
