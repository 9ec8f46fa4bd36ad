#!/usr/bin/env python3
"""Count the places Marsad's gazetteer resolves and fails to resolve in a corpus of Arabic reports.

Runs :func:`marsad.gazetteer.find_places` and :func:`marsad.gazetteer.unresolved_places` over the
Arabic texts of the development corpora (``baly-ar.jsonl.gz``: field ``text``; ``airwars-dev.jsonl``:
``sources[].text``) and prints the names a report puts after a place word ("قرية X", "بلدة X") that the
gazetteer does not know, most frequent first, then the most frequent resolved places. This is a
development aid for extending ``src/marsad/data/gazetteer/places.toml``; it prints only names and counts.

    python scripts/unresolved_places.py                 # both corpora under ../shared/corpus
    python scripts/unresolved_places.py --top 100 --resolved 50
    python scripts/unresolved_places.py --summary       # totals only (for before/after comparisons)
    python scripts/unresolved_places.py FILE.jsonl[.gz] ...
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from marsad import gazetteer
from marsad.arabic import NormalizedText, normalize

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_FILES = (SHARED / "baly-ar.jsonl.gz", SHARED / "airwars-dev.jsonl")


def texts(path: Path) -> Iterator[str]:
    """The texts of one JSONL file: its records' ``text`` and their ``sources[].text``."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if isinstance(rec.get("text"), str):
                yield rec["text"]
            for src in rec.get("sources") or []:
                if isinstance(src, dict) and isinstance(src.get("text"), str):
                    yield src["text"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="JSONL files (default: the shared dev corpora)")
    ap.add_argument("--top", type=int, default=300, help="unresolved names to print (default 300)")
    ap.add_argument("--resolved", type=int, default=60, help="resolved places to print (default 60)")
    ap.add_argument("--summary", action="store_true", help="print the totals only")
    args = ap.parse_args(argv)
    files = args.files or [p for p in DEFAULT_FILES if p.is_file()]
    if not files:
        print("no corpus files found", file=sys.stderr)
        return 1

    t0 = time.perf_counter()
    gazetteer.find_places("")
    gazetteer._index()
    load = time.perf_counter() - t0

    unresolved: Counter[str] = Counter()
    resolved: Counter[tuple[str, str]] = Counter()
    precision: Counter[str] = Counter()
    docs = 0
    t0 = time.perf_counter()
    for path in files:
        for text in texts(path):
            docs += 1
            nt = NormalizedText.of(text)
            found = gazetteer.find_places(text, normalized=nt)
            for m in found:
                resolved[(m.place.name, m.place.precision)] += 1
                precision[m.place.precision] += 1
            for m in gazetteer.unresolved_places(text, found, normalized=nt):
                unresolved[normalize(m.place.name)] += 1
                precision["unresolved"] += 1
    secs = time.perf_counter() - t0

    n_res = sum(resolved.values())
    n_unres = sum(unresolved.values())
    print(f"texts {docs}  index load {load:.2f}s  scan {secs:.1f}s")
    print(f"mentions resolved {n_res} ({len(resolved)} places)  unresolved {n_unres} ({len(unresolved)} names)  "
          f"unresolved share {n_unres / max(n_res + n_unres, 1):.1%}")
    print("by precision: " + ", ".join(f"{k} {v}" for k, v in precision.most_common()))
    if args.summary:
        return 0
    print(f"\n# top {args.top} unresolved names")
    for name, n in unresolved.most_common(args.top):
        print(f"{n:5d}  {name}")
    print(f"\n# top {args.resolved} resolved places")
    for (name, prec), n in resolved.most_common(args.resolved):
        print(f"{n:5d}  {name} [{prec}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
