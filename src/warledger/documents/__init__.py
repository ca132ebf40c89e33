"""Documents: the cleaned text every later span points into, with its metadata."""

from warledger.documents.model import Document, make_document, normalise_text

__all__ = ["Document", "make_document", "normalise_text"]
