"""Syndication: finding documents that copy an earlier one (wire stories on many sites).

Each document becomes a MinHash over its word 5-shingles; a MinHashLSH index finds
earlier documents whose shingle sets are similar. Sites wrap the same wire copy
in their own headers and footers, so only prose lines (long enough, with a
sentence end) are shingled: a byline or "Read more" link does not dilute the match.

LSH is probabilistic. It is queried at a lower threshold than the one that decides,
and every candidate is then checked against `threshold` with the MinHash estimate,
so a copy near the threshold is not missed by an unlucky banding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from warledger.documents.model import Document

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.8
# LSH recall margin below THRESHOLD; candidates are confirmed at THRESHOLD.
_CANDIDATE_MARGIN = 0.2
_PROSE_MIN_WORDS = 8
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")
_SEED = 1  # fixed, so stored signatures stay comparable across runs


def _prose(text: str) -> list[str]:
    """Words of the lines that read like prose; all words when no line does."""
    lines = [line for line in text.splitlines() if line.strip()]
    prose = [
        line for line in lines if len(_WORD.findall(line)) >= _PROSE_MIN_WORDS and _SENTENCE_END.search(line)
    ]
    return [w.lower() for line in (prose or lines) for w in _WORD.findall(line)]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = _prose(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _minhash(text: str) -> MinHash | None:
    grams = shingles(text)
    if not grams:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def minhash_signature(text: str) -> bytes:
    """The document's MinHash as bytes (NUM_PERM little-endian uint64), for a store; b"" for no text."""
    m = _minhash(text)
    return b"" if m is None else m.hashvalues.astype("<u8").tobytes()


def _from_signature(signature: bytes) -> MinHash | None:
    if not signature:
        return None
    values = np.frombuffer(signature, dtype="<u8").astype(np.uint64)
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, this one {len(values)}")
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=values)


class SyndicationIndex:
    """Documents seen so far; `add` tells whether a new one copies an earlier one.

    Ids are linked to the first document of their story: when C copies B and B
    copies A, C is reported as a copy of A.
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=max(0.1, threshold - _CANDIDATE_MARGIN), num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._hashes

    def add(self, doc: Document) -> str | None:
        """Index `doc`; return the id of the earlier document it copies, or None."""
        return self.add_signature(doc.id, _minhash(doc.text))

    def add_text(self, doc_id: str, text: str) -> str | None:
        return self.add_signature(doc_id, _minhash(text))

    def add_signature(self, doc_id: str, signature: bytes | MinHash | None) -> str | None:
        """Index a stored signature (from `minhash_signature`); same answer as `add`."""
        m = _from_signature(signature) if isinstance(signature, bytes) else signature
        if doc_id in self._hashes:
            original = self._original.get(doc_id)
            return original if original != doc_id else None
        if m is None:
            return None  # nothing to compare: never a copy, never copied
        original = self._find_original(m)
        self._lsh.insert(doc_id, m)
        self._hashes[doc_id] = m
        self._order[doc_id] = len(self._order)
        self._original[doc_id] = original or doc_id
        return original

    def copy_of(self, doc_id: str) -> str | None:
        original = self._original.get(doc_id)
        return original if original and original != doc_id else None

    def _find_original(self, m: MinHash) -> str | None:
        confirmed = [c for c in self._lsh.query(m) if m.jaccard(self._hashes[c]) >= self.threshold]
        if not confirmed:
            return None
        first = min(confirmed, key=self._order.__getitem__)
        return self._original[first]

    @classmethod
    def from_texts(cls, pairs: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> SyndicationIndex:
        """Rebuild from stored (id, text) pairs, in the order the documents first came."""
        index = cls(threshold)
        for doc_id, text in pairs:
            index.add_text(doc_id, text)
        return index

    @classmethod
    def from_signatures(
        cls, pairs: Iterable[tuple[str, bytes]], threshold: float = THRESHOLD
    ) -> SyndicationIndex:
        """Rebuild from stored (id, signature) pairs, in the order the documents first came."""
        index = cls(threshold)
        for doc_id, signature in pairs:
            index.add_signature(doc_id, signature)
        return index


def mark_copies(documents: Iterable[Document], index: SyndicationIndex | None = None) -> list[Document]:
    """The documents with `copy_of` set where they copy an earlier one (in iteration order)."""
    index = index if index is not None else SyndicationIndex()
    return [doc.with_(copy_of=index.add(doc)) for doc in documents]
