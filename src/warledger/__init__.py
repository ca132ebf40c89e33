"""warledger: a ledger of conflict claims (casualties, territorial control, events) from reports.

The library API that the CLI, the exports and any web front end share:

    from warledger import Pipeline, make_document, Ledger, load_settings
    from warledger.ingest import ingest   # (the module name stays the module's)
    ex = Pipeline().extract_one(make_document(text, published=date(2024, 5, 12)))
    ex.to_json()          # the form of schema/extraction.schema.json
"""

from warledger.actors import ActorIndex
from warledger.claims.model import Extraction
from warledger.config import Settings, load_settings
from warledger.dates import find_time_expressions, resolve_expression
from warledger.documents import Document, make_document
from warledger.errors import (
    ConfigError,
    ErrorRecord,
    ExtractionError,
    InputError,
    NotFound,
    StoreError,
    WarledgerError,
)
from warledger.pipeline import Pipeline
from warledger.places import Gazetteer
from warledger.store import Ledger

__version__ = "0.1.0"

__all__ = [
    "ActorIndex",
    "ConfigError",
    "Document",
    "ErrorRecord",
    "Extraction",
    "ExtractionError",
    "Gazetteer",
    "InputError",
    "Ledger",
    "NotFound",
    "Pipeline",
    "Settings",
    "StoreError",
    "WarledgerError",
    "__version__",
    "find_time_expressions",
    "load_settings",
    "make_document",
    "resolve_expression",
]
