"""Exports of reconciled items: acled, ucdp, geojson, parquet, jsonl, csv.

Each format is a registered pure function from a stream of items to a file
(``registry.exporter``); ``export`` feeds it from the ledger. Importing this
package registers the built-in formats.
"""

from warledger.exports import acled, geojson, jsonl, parquet, ucdp  # noqa: F401 (they register)
from warledger.exports.registry import EXPORTERS, Exporter, exporter, get
from warledger.exports.run import export

__all__ = ["EXPORTERS", "Exporter", "export", "exporter", "get"]
