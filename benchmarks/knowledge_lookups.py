"""Knowledge-layer look-ups on a 50 KB report, against spaCy's tokenizer on the same text.

    python benchmarks/knowledge_lookups.py

Prints milliseconds for actor scanning, time expressions and gazetteer resolution, each as a
ratio of the tokenizer's time (the cheapest thing every document pays), measured in this one
process. Tests never assert times; this script is where speed is watched.
"""

from __future__ import annotations

import time
from datetime import date

from warledger.actors import ActorIndex
from warledger.dates import find_time_expressions
from warledger.places import Gazetteer
from warledger.sentences.nlp import load_nlp

PARA = (
    "Russian forces shelled Kharkiv on Tuesday, the Ukrainian General Staff said, while the RSF attacked "
    "El Fasher since 10 May and the Houthis launched drones at Marib overnight; OCHA said 40 civilians "
    "were killed in Deir Ezzor between 3 and 5 June. "
)
NAMES = ["Kharkiv", "El Fasher", "Marib", "Deir Ezzor", "Dayr az Zawr", "Hudaydah", "Pul-e-Alam", "Mogadishu"]


def best_of(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    text = PARA * (50_000 // len(PARA) + 1)
    nlp = load_nlp()
    actors = ActorIndex.load()
    gaz = Gazetteer.open()
    published = date(2024, 6, 7)
    base = best_of(lambda: nlp.tokenizer(text))
    rows = [
        ("actor scan (find)", best_of(lambda: actors.find(text))),
        ("time expressions", best_of(lambda: find_time_expressions(text, published))),
        ("gazetteer, 8 names x 100", best_of(lambda: [gaz.resolve(n) for _ in range(100) for n in NAMES])),
    ]
    print(f"text: {len(text)} characters; spaCy tokenizer: {base * 1000:.1f} ms (baseline)")
    for name, t in rows:
        print(f"{name:28s} {t * 1000:8.1f} ms   {t / base:5.2f}x the tokenizer")


if __name__ == "__main__":
    main()
