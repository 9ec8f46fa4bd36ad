"""Link benchmark: link 10,000 stored claims into incidents on one core.

    python benchmarks/link.py [--claims N] [--seed S] [--db URL]

Generates realistic reports of a two-year air campaign over the Syrian places of the bundled gazetteer
(GeoNames populated places): strikes on villages and towns, each reported by one to eight outlets a day or
two later, with the noise real extraction leaves (undated claims, governorate-only places, a perpetrator
unknown or attributed to a co-belligerent, vague counts, tolls that grow, round-up reports covering several
villages, syndicated copies, NGO totals that are aggregates). Stores them in SQLite the way ingest does,
then times ``marsad.link.link_all`` (load, block, link, estimate, grade, write) and a second, no-op run.
Prints the time, the peak memory, and the pairwise precision / recall against the generated truth.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import resource
import tempfile
import time
import tracemalloc
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from marsad import link, resources, schema, store

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
PERPS = ["russia", "syrian_government", "turkey", "intl_coalition", "israel"]
ALLY = {"russia": "syrian_government", "syrian_government": "russia", "turkey": "sna"}
OUTLETS = [f"Outlet {k}" for k in range(40)]
MONITORS = [("Syrian Observatory for Human Rights", "monitor"), ("Syria Civil Defence (White Helmets)",
                                                                 "civil_defence"), ("activists", "activist")]
WORDS = ("strike raid village town market house family civilians rescue teams rubble hospital wounded toll "
         "aircraft drone shelling morning night residents sources local network said reported killed injured "
         "children women men school road camp displaced bodies ambulance fire smoke").split()


def places() -> list[dict[str, Any]]:
    path = resources.bundled_path("gazetteer/geonames_sy_iq.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        if row["country"] == "SY" and row["kind"] not in ("country", "governorate") and row["admin1"]:
            ar = (row["names_ar"] or "").split("|")[0] or None
            out.append({"name": row["name"], "name_ar": ar, "admin1": row["admin1"], "country": "SY",
                        "lat": float(row["lat"]), "lon": float(row["lon"]), "precision": "exact"})
    return out


def claim(rng: random.Random, kind: str, n: int | None, place: dict[str, Any], day: dt.date | None, perp: str | None,
          cause: str, claimant: tuple[str | None, str], scope: str = "incident", vague: bool = False,
          victims: tuple[str, ...] = ("civilians",), part_of: int | None = None) -> dict[str, Any]:
    quote = " ".join(rng.choice(WORDS) for _ in range(12))
    c: dict[str, Any] = {
        "kind": kind, "victims": list(victims),
        "count": None if n is None else {"low": n, "high": None if vague else n, "text": str(n), "vague": vague},
        "period": {"start": day.isoformat(), "end": day.isoformat(), "precision": "day", "text": "today"}
        if day else None,
        "place": place,
        "perpetrator": {"id": perp or "unknown", "name": perp or "unknown", "text": perp},
        "cause": cause, "claimant": {"name": claimant[0], "type": claimant[1], "text": claimant[0]},
        "modality": "reported" if claimant[1] != "outlet" else "asserted", "scope": scope,
        "evidence": {"start": 0, "end": len(quote) + (len(perp) + 1 if perp else 0),
                     "quote": quote + (f" {perp}" if perp else "")},
    }
    if part_of is not None:
        c["part_of"] = part_of
    return c


def generate(target: int, seed: int) -> tuple[list[dict[str, Any]], dict[tuple[str, int], int]]:
    """Reports (document row + claims) until ``target`` claims, and the true event of each incident claim."""
    rng = random.Random(seed)
    where = places()
    by_admin: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in where:
        by_admin[p["admin1"]].append(p)
    start = dt.date(2022, 1, 1)
    reports: list[dict[str, Any]] = []
    truth: dict[tuple[str, int], int] = {}
    total = 0
    event = 0
    while total < target:
        event += 1
        day = start + dt.timedelta(days=rng.randrange(730))
        place = rng.choice(where)
        perp = rng.choice(PERPS)
        cause = rng.choice(["airstrike", "airstrike", "shelling"])
        killed = rng.choice([1, 1, 2, 3, 4, 5, 7, 9, 12, 20])
        injured = killed * rng.randint(1, 4)
        first_text = None
        for k in range(rng.choice([1, 1, 2, 2, 3, 4, 6, 8])):
            published = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
            dated = rng.random() < 0.7
            claimed_perp = perp if rng.random() < 0.75 else (ALLY.get(perp) if rng.random() < 0.5 else None)
            at = place if rng.random() < 0.85 else {"name": place["admin1"], "admin1": place["admin1"],
                                                    "country": "SY", "lat": None, "lon": None,
                                                    "precision": "governorate"}
            source = rng.choice(MONITORS) if rng.random() < 0.5 else (None, "outlet")
            toll = killed + (rng.choice([0, 0, 1, 2]) if k else 0)
            claims = [claim(rng, "killed", toll, at, day if dated else None, claimed_perp, cause, source,
                            victims=("people",) if rng.random() < 0.4 else ("civilians",))]
            if toll > 2 and rng.random() < 0.5:
                claims.append(claim(rng, "killed", rng.randint(1, toll - 1), at, day if dated else None,
                                    claimed_perp, cause, source, victims=("children",), part_of=0))
            if rng.random() < 0.6:
                claims.append(claim(rng, "injured", injured, at, day if dated else None, claimed_perp, cause, source,
                                    vague=rng.random() < 0.2))
            if rng.random() < 0.1:   # a round-up: another village of the governorate the same day
                other = rng.choice(by_admin[place["admin1"]])
                if other["name"] != place["name"]:
                    claims.append(claim(rng, "killed", rng.randint(1, 6), other, day if dated else None,
                                        claimed_perp, cause, source))
            if rng.random() < 0.03:  # an NGO total quoted in passing
                claims.append(claim(rng, "killed", rng.randint(500, 4000), {**at, "precision": "governorate"},
                                    None, perp, "airstrike", ("Syrian Network for Human Rights", "monitor"),
                                    scope="aggregate"))
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 250)))
            if first_text is not None and rng.random() < 0.15:
                body = first_text + " " + rng.choice(WORDS)   # a syndicated copy
            first_text = first_text or body
            text = f"{place['name_ar'] or place['name']} {body}"
            sha = hashlib.sha256(f"{event}-{k}-{text}".encode()).hexdigest()
            doc = dict(id=sha, ref=f"r{event}-{k}", path=None, title=None, language="ar",
                       outlet=rng.choice(OUTLETS), url=None, text=text, published=published, raw_sha256=sha,
                       ingested_at=NOW, furniture=[], body_offset=0, status="ok")
            reports.append({"doc": doc, "claims": claims})
            for i, c in enumerate(claims):
                if c["scope"] == "incident" and c["place"] is at:
                    truth[(sha, i)] = event
            total += len(claims)
            if total >= target:
                break
    return reports, truth


def pairwise(clusters: list[list[tuple[str, int]]], truth: dict[tuple[str, int], int]) -> tuple[float, float]:
    """Precision and recall of "these two claims are about the same event" (main-event claims only)."""
    pred: dict[tuple[str, int], int] = {}
    for k, members in enumerate(clusters):
        for key in members:
            pred[key] = k
    keys = [k for k in truth if k in pred]
    by_pred: dict[int, list[tuple[str, int]]] = defaultdict(list)
    by_true: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for key in keys:
        by_pred[pred[key]].append(key)
        by_true[truth[key]].append(key)
    joint: dict[tuple[int, int], int] = defaultdict(int)
    for key in keys:
        joint[(pred[key], truth[key])] += 1
    both = sum(n * (n - 1) // 2 for n in joint.values())
    predicted = sum(len(v) * (len(v) - 1) // 2 for v in by_pred.values())
    actual = sum(len(v) * (len(v) - 1) // 2 for v in by_true.values())
    return both / max(predicted, 1), both / max(actual, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", default=None, help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--trace", action="store_true", help="also measure the Python allocation peak "
                        "(tracemalloc) on a second from-scratch run")
    args = parser.parse_args()
    reports, truth = generate(args.claims, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        engine = store.open_database(args.db or f"sqlite:///{tmp}/bench.db")
        with Session(engine) as session, session.begin():
            session.execute(insert(schema.Document), [r["doc"] for r in reports])
            session.execute(insert(schema.Claim), [store.claim_row(r["doc"]["id"], i, c)
                                                   for r in reports for i, c in enumerate(r["claims"])])
        n_claims = sum(len(r["claims"]) for r in reports)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        first = link.link_all(engine, now=NOW)
        seconds = time.perf_counter() - t0
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak = 0
        if args.trace:  # Python-level peak allocation of a second, from-scratch run (tracing slows it down)
            with Session(engine) as session, session.begin():
                session.execute(delete(schema.IncidentClaim))
                session.execute(delete(schema.Incident))
                session.execute(delete(schema.Statistic))
            tracemalloc.start()
            link.link_all(engine, now=NOW)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        t1 = time.perf_counter()
        second = link.link_all(engine, now=NOW)
        rerun = time.perf_counter() - t1
        with Session(engine) as session:
            rows = session.execute(select(schema.IncidentClaim.incident_id, schema.Claim.document_id,
                                          schema.Claim.ordinal)
                                   .join(schema.Claim, schema.Claim.id == schema.IncidentClaim.claim_id)).all()
        members: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for iid, doc, ordinal in rows:
            members[iid].append((doc, ordinal))
        precision, recall = pairwise(list(members.values()), truth)
    print(f"reports {len(reports)}, claims {n_claims}, true events {len(set(truth.values()))}")
    print(f"first run: {first}")
    print(f"second run (no change expected): {second.created} new, {second.updated} updated, "
          f"{second.removed} removed in {rerun:.2f}s")
    print(f"pairwise vs generated truth: precision {precision:.1%}, recall {recall:.1%}")
    traced = f", peak traced allocation {peak / 2**20:.0f} MB" if args.trace else ""
    print(f"link {n_claims} claims: {seconds:.2f}s on one core; peak RSS {rss_after:.0f} MB "
          f"(+{rss_after - rss_before:.0f} MB while linking){traced}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
