"""Syndication: finding documents that copy an earlier one (wire stories on many sites).

Each document becomes a MinHash over its word 5-shingles; a MinHashLSH index finds
earlier documents whose shingle sets are similar. Sites wrap the same wire copy
in their own headers and footers, so only prose lines (long enough, with a
sentence end) are shingled: a byline or "Read more" link does not dilute the match.

The decision is on containment: the share of the smaller document's shingles
that the other one also has, estimated from the MinHash Jaccard and the two
shingle counts. Each edit a site makes costs up to five shingles on both sides,
and a paragraph of its own boilerplate can cost dozens, so Jaccard alone drops a
short edited copy under 0.8 while containment stays above 0.9. Different stories
about the same event share names and a phrase or two, which stays far below.
LSH only proposes candidates, at a lower Jaccard threshold, so that an unlucky
banding does not miss a copy; each candidate is then confirmed.
"""

from __future__ import annotations

import inspect
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from warledger.documents.model import Document

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.8
# LSH proposes pairs above this Jaccard; containment >= threshold confirms them.
_CANDIDATE_JACCARD = 0.5
# Below this many shingles the containment estimate is too noisy; Jaccard decides.
_MIN_CONTAINED = 15
_PROSE_MIN_WORDS = 8
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")
_SEED = 1  # fixed, so stored signatures stay comparable across runs
# datasketch 2 hashes with a named scheme and refuses unlabelled stored values;
# datasketch 1 has one scheme and no such argument. The tag byte of a stored
# signature records which one made it, so mixed signatures are never compared.
_SCHEME = "affine32" if "scheme" in inspect.signature(MinHash.__init__).parameters else "legacy"
_SCHEME_KW = {"scheme": _SCHEME} if _SCHEME != "legacy" else {}
_SCHEME_TAG = {"legacy": b"\x00", "affine32": b"\x01"}[_SCHEME]


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


@dataclass(frozen=True, slots=True)
class _Sketch:
    minhash: MinHash
    size: int  # number of shingles


def _sketch(text: str) -> _Sketch | None:
    grams = shingles(text)
    if not grams:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, **_SCHEME_KW)
    m.update_batch([g.encode("utf-8") for g in grams])
    return _Sketch(m, len(grams))


def minhash_signature(text: str) -> bytes:
    """The document's MinHash as bytes, for a store: a scheme tag, the shingle count
    (uint32), then NUM_PERM little-endian uint64 values; b"" for a text with no words."""
    sketch = _sketch(text)
    if sketch is None:
        return b""
    return _SCHEME_TAG + struct.pack("<I", sketch.size) + sketch.minhash.hashvalues.astype("<u8").tobytes()


def _from_signature(signature: bytes) -> _Sketch | None:
    if not signature:
        return None
    if signature[:1] != _SCHEME_TAG:
        raise ValueError("signature made by another MinHash scheme (datasketch version); rebuild from texts")
    (size,) = struct.unpack("<I", signature[1:5])
    values = np.frombuffer(signature[5:], dtype="<u8")
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, this one {len(values)}")
    template = MinHash(num_perm=NUM_PERM, seed=_SEED, **_SCHEME_KW)
    m = MinHash(seed=_SEED, hashvalues=values.astype(template.hashvalues.dtype), **_SCHEME_KW)
    return _Sketch(m, size)


def _similarity(a: _Sketch, b: _Sketch) -> float:
    """Estimated containment of the smaller shingle set in the larger one."""
    jaccard = a.minhash.jaccard(b.minhash)
    smaller = min(a.size, b.size)
    if smaller < _MIN_CONTAINED:
        return jaccard
    shared = jaccard / (1 + jaccard) * (a.size + b.size)
    return min(1.0, shared / smaller)


class SyndicationIndex:
    """Documents seen so far; `add` tells whether a new one copies an earlier one.

    Ids are linked to the first document of their story: when C copies B and B
    copies A, C is reported as a copy of A.
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(threshold, _CANDIDATE_JACCARD), num_perm=NUM_PERM)
        self._sketches: dict[str, _Sketch] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sketches)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._sketches

    def add(self, doc: Document) -> str | None:
        """Index `doc`; return the id of the earlier document it copies, or None."""
        return self._add(doc.id, _sketch(doc.text))

    def add_text(self, doc_id: str, text: str) -> str | None:
        return self._add(doc_id, _sketch(text))

    def add_signature(self, doc_id: str, signature: bytes) -> str | None:
        """Index a stored signature (from `minhash_signature`); same answer as `add`."""
        return self._add(doc_id, _from_signature(signature))

    def _add(self, doc_id: str, sketch: _Sketch | None) -> str | None:
        if doc_id in self._sketches:
            original = self._original.get(doc_id)
            return original if original != doc_id else None
        if sketch is None:
            return None  # nothing to compare: never a copy, never copied
        original = self._find_original(sketch)
        self._lsh.insert(doc_id, sketch.minhash)
        self._sketches[doc_id] = sketch
        self._order[doc_id] = len(self._order)
        self._original[doc_id] = original or doc_id
        return original

    def copy_of(self, doc_id: str) -> str | None:
        original = self._original.get(doc_id)
        return original if original and original != doc_id else None

    def _find_original(self, sketch: _Sketch) -> str | None:
        candidates = self._lsh.query(sketch.minhash)
        confirmed = [c for c in candidates if _similarity(sketch, self._sketches[c]) >= self.threshold]
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
