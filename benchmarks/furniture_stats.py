"""Page-furniture removal over the Baly Arabic corpus and the Airwars sources: speed and what is removed.

Usage: python benchmarks/furniture_stats.py [--sample N] [--show N]
Reads ../shared/corpus (next to the repository); prints docs/s, counts of removed kinds, empty reasons,
and with --show N the head and tail of N random cleaned documents for eyeballing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.furniture import remove_furniture  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def baly_texts() -> list[str]:
    with gzip.open(SHARED / "baly-ar.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def airwars_texts() -> list[str]:
    out: list[str] = []
    with open(SHARED / "airwars-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            for src in json.loads(line).get("sources", []):
                if src.get("text"):
                    out.append(src["text"])
    return out


def report(name: str, texts: list[str], show: int) -> None:
    remove_furniture("warm up")
    t0, c0 = time.perf_counter(), time.process_time()
    results = [remove_furniture(t) for t in texts]
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(t) for t in texts)
    removed = sum(len(f.text) for r in results for f in r.furniture)
    kinds: Counter[str] = Counter()
    docs_with: Counter[str] = Counter()
    for r in results:
        ks = Counter(f.kind for f in r.furniture)
        kinds.update(ks)
        docs_with.update(ks.keys())
    empties = Counter(r.empty_reason.split(" (")[0] for r in results if r.empty_reason)
    print(f"== {name}: {len(texts)} docs, {chars / 1e6:.1f} M chars")
    print(f"   {len(texts) / dt:,.0f} docs/s wall, {len(texts) / cpu:,.0f} docs/s CPU "
          f"({chars / cpu / 1e6:.2f} M chars/s CPU); "
          f"{removed / max(chars, 1):.1%} of characters removed")
    print("   removed pieces by kind (pieces / documents):")
    for kind, n in kinds.most_common():
        print(f"     {kind:18} {n:6} / {docs_with[kind]}")
    print("   empty reasons:", dict(empties))
    rng = random.Random(7)
    for i in rng.sample(range(len(texts)), min(show, len(texts))):
        r = results[i]
        print(f"--- doc {i}: {len(texts[i])} -> {len(r.text)} chars; empty={r.empty_reason}")
        print("   HEAD:", r.text[:250].replace("\n", " ⏎ "))
        print("   TAIL:", r.text[-350:].replace("\n", " ⏎ "))
        for f in r.furniture[-6:]:
            print(f"   [{f.kind}] {f.text[:160]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0, help="use only N documents of each corpus")
    ap.add_argument("--show", type=int, default=0, help="print N random cleaned documents")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"no corpus at {SHARED}")
    for name, texts in (("baly-ar", baly_texts()), ("airwars sources", airwars_texts())):
        if args.sample:
            texts = texts[: args.sample]
        report(name, texts, args.show)


if __name__ == "__main__":
    main()
