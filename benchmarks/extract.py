"""Extraction benchmark: claims from the 3,042 raw Arabic web pages of ../shared/corpus/baly-ar.jsonl.gz.

    python benchmarks/extract.py [--limit N] [--corpus PATH]

Reads and cleans every page first (not timed), then times claim extraction alone (counts, cues,
places, actors, sources, periods, claims, summary) in this process on one core, and prints
reports/s and peak memory. The lexicons and gazetteer are built before timing starts.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from marsad.extract import analyse, extract_claims
from marsad.ingest import InputError, ReadOptions, read_documents

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "baly-ar.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    docs = [d for d in read_documents([str(args.corpus)], ReadOptions()) if not isinstance(d, InputError)]
    docs = docs[: args.limit] if args.limit else docs
    t0 = time.perf_counter()
    extract_claims(docs[0])  # builds and caches every lexicon and the gazetteer index
    warm = time.perf_counter() - t0
    claims = 0
    t0 = time.perf_counter()
    for doc in docs:
        claims += len(analyse(doc)["claims"])
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(docs)}, claims {claims}, lexicon and gazetteer load {warm:.2f} s")
    print(f"extract: {len(docs) / secs:.1f} reports/s on one core, {secs:.1f} s, peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
