"""Extraction throughput: documents per second, with the paragraph pre-filter and without.

    python benchmarks/extract_throughput.py [--docs 200] [--filler 6]

Builds synthetic documents from the bundled example reports padded with paragraphs that
hold no claim (the chatter real articles carry), runs both configurations in this one
process on the same documents, and prints figures and the ratio. Nothing here asserts a
time: it prints figures for people to compare.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from warledger.claims.extract import DocumentExtractor
from warledger.documents.model import make_document
from warledger.pipeline import Pipeline

FILLER = [
    "The city is known for its old market and its river promenade, which draws families in the evening.",
    "Analysts note that the region's economy depends on agriculture and on remittances sent from abroad.",
    "The ministry's website was updated with new guidance for travellers and for students abroad.",
    "Officials met community leaders to discuss schools, water supply and the state of the roads.",
    "The talks are expected to resume next month in a neutral venue, diplomats said.",
    "Prices of bread and fuel have risen sharply, and queues are common outside bakeries.",
]


def corpus(n: int, filler: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    path = Path(__file__).resolve().parents[1] / "examples" / "reports.jsonl"
    reports = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    docs = []
    for i in range(n):
        r = reports[i % len(reports)]
        paras = r["text"].split("\n\n")
        for _ in range(filler):
            paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(FILLER))
        text = "\n\n".join(paras) + f"\n\n(ref {i})"
        docs.append(make_document(text, publisher=r["publisher"]))
    return docs


def run(extractor: DocumentExtractor, docs: list) -> tuple[float, int]:
    t0 = time.perf_counter()
    claims = sum(len(list(ex.claims())) for ex in extractor.run(docs, batch_size=32))
    return time.perf_counter() - t0, claims


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--filler", type=int, default=6, help="claim-free paragraphs added to each document")
    a = ap.parse_args()
    p = Pipeline()
    docs = corpus(a.docs, a.filler)
    chars = sum(len(d.text) for d in docs)
    base = DocumentExtractor(p.nlp, p.actors, p.gazetteer, prefilter=False)
    fast = DocumentExtractor(p.nlp, p.actors, p.gazetteer, prefilter=True)
    run(fast, docs[:8])  # warm caches and lazy loads outside the measurement
    t_base, c_base = run(base, docs)
    t_fast, c_fast = run(fast, docs)
    print(f"documents: {len(docs)}  characters: {chars}")
    print(
        f"no pre-filter : {len(docs) / t_base:7.1f} docs/s  {chars / t_base / 1000:7.1f} kchar/s  claims={c_base}"
    )
    print(
        f"pre-filter    : {len(docs) / t_fast:7.1f} docs/s  {chars / t_fast / 1000:7.1f} kchar/s  claims={c_fast}"
    )
    print(f"speed-up ratio: {t_base / t_fast:.2f}x (same process, same documents)")


if __name__ == "__main__":
    main()
