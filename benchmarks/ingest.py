"""Ingest benchmark: the 3,042 raw Arabic web pages of ../shared/corpus/baly-ar.jsonl.gz into SQLite.

    python benchmarks/ingest.py [--limit N] [--corpus PATH] [--db URL]

Runs the whole ingest path (read, decode, furniture removal, language, dateline, claim extraction,
one transaction per document) in this process on one core and prints reports/s and peak memory,
with the resident-memory high-water mark at checkpoints to show it stays flat as reports grow.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import Session

from marsad.extract import analyse
from marsad.ingest import InputError, ReadOptions, read_documents
from marsad.store import open_database, record_ref, save_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "baly-ar.jsonl.gz"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--db", default=None, help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--no-claims", action="store_true",
                        help="store documents only (read, decode, clean, date, language), without claim extraction")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(args.db or f"sqlite:///{tmp}/bench.db")
        start_mb = peak_mb()
        n = failed = claims = 0
        checkpoints: list[str] = []
        t0 = time.perf_counter()
        with Session(engine) as session:
            for item in read_documents([str(args.corpus)], ReadOptions()):
                if isinstance(item, InputError):
                    failed += 1
                    continue
                found = [] if args.no_claims else analyse(item)["claims"]
                with session.begin():
                    save_document(session, item, found)
                    record_ref(session, item)
                claims += len(found)
                n += 1
                if n % 1000 == 0:
                    checkpoints.append(f"{n}: {peak_mb():.0f} MB")
                if args.limit and n >= args.limit:
                    break
        secs = time.perf_counter() - t0
    print(f"documents {n} (failed {failed}), claims {claims}")
    print(f"peak RSS at checkpoints: {'; '.join(checkpoints) or '-'} (after start-up {start_mb:.0f} MB)")
    what = "documents only" if args.no_claims else "documents and claims"
    print(f"ingest ({what}): {n / secs:.1f} reports/s on one core, {secs:.1f} s, peak memory {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
