"""Publishing: exports (JSONL, CSV, GeoJSON; byte-identical), listing filters, one incident, statistics.

The fixtures insert documents, claims, incidents and incident_claims rows directly into a temporary
SQLite database, the way ``marsad link`` leaves them; the report sentences are written for these tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from sqlalchemy import insert
from sqlalchemy.orm import Session

from marsad import publish, schema, store

NOW = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)

# ------------------------------------------------------------------ fixture data


def doc(ref: str, text: str, published: str | None, outlet: str | None = None) -> dict[str, Any]:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return dict(id=sha, ref=ref, path=None, title=None, language="en", outlet=outlet, url=None, text=text,
                published=dt.date.fromisoformat(published) if published else None, raw_sha256=sha,
                ingested_at=NOW, furniture=[], body_offset=0, status="ok")


def claim(text: str, quote: str, kind: str = "killed", victims: tuple[str, ...] = ("civilians",),
          low: int | None = None, high: int | None = None, vague: bool = False,
          period: tuple[str, str] | None = None, place: dict[str, Any] | None = None,
          perpetrator: str | None = None, claimant: str | None = None, ctype: str = "outlet",
          modality: str = "asserted", cause: str | None = "airstrike", scope: str = "incident") -> dict[str, Any]:
    start = text.index(quote)
    return {
        "kind": kind, "victims": list(victims),
        "count": None if low is None and high is None else {"low": low, "high": high, "text": "", "vague": vague},
        "period": {"start": period[0], "end": period[1], "precision": "day", "text": "on that day"} if period else None,
        "place": place, "perpetrator": {"id": perpetrator, "name": perpetrator, "text": perpetrator}
        if perpetrator else None, "cause": cause, "claimant": {"name": claimant, "type": ctype, "text": claimant},
        "modality": modality, "scope": scope, "evidence": {"start": start, "end": start + len(quote),
                                                                "quote": quote},
    }


def ref(d: dict[str, Any], ordinal: int) -> dict[str, Any]:
    return {"document": {"id": d["id"], "ref": d["ref"]}, "ordinal": ordinal}


def fig(low: int, best: int, high: int) -> dict[str, int]:
    return {"low": low, "best": best, "high": high}


BAGHUZ = {"name": "Baghuz", "name_ar": "الباغوز", "admin1": "Deir ez-Zor", "country": "SY", "lat": 34.46,
          "lon": 40.94, "precision": "exact"}
KAFR_NABL = {"name": "Kafr Nabl", "admin1": "Idlib", "country": "SY", "lat": 35.61376, "lon": 36.56449,
             "precision": "exact"}
RAQQA = {"name": "Raqqa", "admin1": "Raqqa", "country": "SY", "lat": 35.95283, "lon": 39.00788,
         "precision": "exact"}
ALEPPO_GOV = {"name": "Aleppo", "admin1": "Aleppo", "country": "SY", "lat": None, "lon": None,
              "precision": "governorate"}

T1 = ("Residents said coalition aircraft struck tents near the river in Baghuz on two nights, killing "
      "more than two thousand people, a local network reported. The coalition did not comment.")
T2 = ("An investigation dated the Baghuz massacre to 9 February 2019 and said the strike killed 64 "
      "civilians, most of them women and children.")
T3 = ("Warplanes bombed the market of Kafr Nabl on Friday, killing seven civilians including two "
      "children and wounding ten, a rescue team said. The government denied it.")
T4 = ("Activists blamed Russian jets for the raid on Kafr Nabl that killed six civilians; a monitor "
      "put the toll at nine.")
T5 = "The coalition acknowledged that its strike on a building in Raqqa killed twelve civilians."
T6 = "A post said people were killed somewhere, without saying where or when."
T7 = "An early claim of five dead in Aleppo countryside was later found to be a hoax."

D1, D2 = doc("net-1", T1, "2019-03-21", "Local network"), doc("inv-2", T2, "2019-05-01", "Newspaper")
D3, D4 = doc("rescue-3", T3, "2019-05-10", "Rescue team"), doc("act-4", T4, "2019-05-11")
D5, D6, D7 = doc("wire-5", T5, "2017-06-05", "Wire"), doc("post-6", T6, None), doc("post-7", T7, "2018-02-03")
T8 = ("In its yearly report the monitor counted 80 civilians killed by coalition strikes across Syria in 2019, "
      "10 of them children, and 4 children killed by Russian raids in Idlib that year.")
D8 = doc("monitor-8", T8, "2020-01-02", "Monitor")
SYRIA = {"name": "Syria", "admin1": None, "country": "SY", "lat": None, "lon": None, "precision": "country"}
IDLIB_GOV = {"name": "Idlib", "admin1": "Idlib", "country": "SY", "lat": None, "lon": None, "precision": "governorate"}

CLAIMS = {
    D1["id"]: [claim(T1, "killing more than two thousand people", victims=("people",), low=2001,
                     period=("2019-03-19", "2019-03-21"), place=BAGHUZ, perpetrator="intl_coalition",
                     claimant="Local network", ctype="local_network", modality="reported"),
               claim(T1, "The coalition did not comment.", victims=("civilians",), place=BAGHUZ,
                     perpetrator="intl_coalition", modality="asserted")],
    D2["id"]: [claim(T2, "the strike killed 64 civilians", low=64, high=64, period=("2019-02-09", "2019-02-09"),
                     place=BAGHUZ, perpetrator="intl_coalition")],
    D3["id"]: [claim(T3, "killing seven civilians", low=7, high=7, period=("2019-05-10", "2019-05-10"),
                     place=KAFR_NABL, perpetrator="syrian_government", claimant="Rescue team", ctype="civil_defence",
                     modality="reported"),
               claim(T3, "two children", victims=("children",), low=2, high=2, period=("2019-05-10", "2019-05-10"),
                     place=KAFR_NABL, perpetrator="syrian_government"),
               claim(T3, "wounding ten", kind="injured", low=10, high=10, period=("2019-05-10", "2019-05-10"),
                     place=KAFR_NABL, perpetrator="syrian_government")],
    D4["id"]: [claim(T4, "killed six civilians", low=6, high=6, place=KAFR_NABL, perpetrator="russia",
                     claimant="Activists", ctype="activist", modality="alleged"),
               claim(T4, "put the toll at nine", victims=("civilians",), low=9, high=9, place=KAFR_NABL,
                     perpetrator="russia", claimant="a monitor", ctype="monitor", modality="reported")],
    D5["id"]: [claim(T5, "killed twelve civilians", low=12, high=12, period=("2017-06-01", "2017-06-01"),
                     place=RAQQA, perpetrator="intl_coalition")],
    D6["id"]: [claim(T6, "people were killed", victims=("people",), cause=None)],
    D8["id"]: [claim(T8, "counted 80 civilians killed", low=80, high=80, period=("2019-01-01", "2019-12-31"),
                     place=SYRIA, perpetrator="intl_coalition", claimant="the monitor", ctype="monitor",
                     modality="reported", scope="aggregate"),
               claim(T8, "10 of them children", victims=("children",), low=10, high=10,
                     period=("2019-01-01", "2019-12-31"), place=SYRIA, perpetrator="intl_coalition",
                     claimant="the monitor", ctype="monitor", modality="reported", scope="aggregate"),
               claim(T8, "4 children killed", victims=("children",), low=4, high=4,
                     period=("2019-01-01", "2019-12-31"), place=IDLIB_GOV, perpetrator="russia",
                     claimant="the monitor", ctype="monitor", modality="reported", scope="aggregate")],
    D7["id"]: [claim(T7, "five dead", victims=("people",), low=5, high=5, period=("2018-02-01", "2018-02-01"),
                     place=ALEPPO_GOV, cause="shelling")],
}

# incident id -> (columns, data without id, [(document, ordinal, reason)])
INCIDENTS: dict[str, tuple[dict[str, Any], dict[str, Any], list[tuple[dict[str, Any], int, str]]]] = {
    "a1baghuz0000": (
        dict(period_start=dt.date(2019, 3, 19), period_end=dt.date(2019, 3, 21), date_precision="days",
             place_name="Baghuz", admin1="Deir ez-Zor", country="SY", lat=34.46, lon=40.94, where_precision="exact",
             cause="airstrike", grade="fair", grade_reason="two independent sources; coalition strikes likely"),
        {"period": {"start": "2019-03-19", "end": "2019-03-21", "precision": "days"}, "place": BAGHUZ,
         "perpetrators": [{"id": "intl_coalition", "name": "International coalition",
                           "claims": [ref(D1, 0), ref(D2, 0)]}],
         "cause": "airstrike", "killed": {"civilians": fig(64, 64, 2001)}, "injured": {},
         "grade": "fair", "grade_reason": "two independent sources; coalition strikes likely",
         "responses": [{"actor": "intl_coalition", "response": "no comment", "claim": None,
                        "document": {"id": D1["id"], "ref": "net-1"}, "quote": "The coalition did not comment."}],
         "contradictions": [{"field": "date", "values": ["2019-03-19", "2019-02-09"],
                             "claims": [[ref(D1, 0)], [ref(D2, 0)]]}],
         "sources": 2, "independent_sources": 2, "flags": [],
         "estimate_notes": "best: the only exact figure; high: the local network's lower bound"},
        [(D1, 0, "same place and perpetrator"), (D1, 1, "same document"), (D2, 0, "same place, date contradicts")],
    ),
    "b2kafrnabl00": (
        dict(period_start=dt.date(2019, 5, 10), period_end=dt.date(2019, 5, 10), date_precision="day",
             place_name="Kafr Nabl", admin1="Idlib", country="SY", lat=35.61376, lon=36.56449,
             where_precision="exact", cause="airstrike", grade="contested", grade_reason="competing attributions"),
        {"period": {"start": "2019-05-10", "end": "2019-05-10", "precision": "day"}, "place": KAFR_NABL,
         "perpetrators": [{"id": "syrian_government", "name": "Syrian government", "claims": [ref(D3, 0)]},
                          {"id": "russia", "name": "Russia", "claims": [ref(D4, 0)]}],
         "cause": "airstrike",
         "killed": {"civilians": fig(6, 7, 9), "children": fig(2, 2, 2)},
         "injured": {"civilians": fig(10, 10, 10)}, "grade": "contested", "grade_reason": "competing attributions",
         "responses": [{"actor": "syrian_government", "response": "denied", "claim": ref(D3, 0)}],
         "contradictions": [{"field": "perpetrator", "values": ["syrian_government", "russia"],
                             "claims": [[ref(D3, 0)], [ref(D4, 0)]]},
                            {"field": "killed.civilians", "values": [7, 9], "claims": [[ref(D3, 0)], [ref(D4, 1)]]}],
         "sources": 2, "independent_sources": 2, "flags": []},
        [(D4, 1, "same place and day"), (D3, 0, "seed"), (D3, 1, "same document"), (D3, 2, "same document"),
         (D4, 0, "same place and day")],
    ),
    "c3raqqa00000": (
        dict(period_start=dt.date(2017, 6, 1), period_end=dt.date(2017, 6, 1), date_precision="day",
             place_name="Raqqa", admin1="Raqqa", country="SY", lat=35.95283, lon=39.00788, where_precision="exact",
             cause="airstrike", grade="confirmed", grade_reason="the coalition accepted responsibility"),
        {"period": {"start": "2017-06-01", "end": "2017-06-01", "precision": "day"}, "place": RAQQA,
         "perpetrators": [{"id": "intl_coalition", "name": "International coalition", "claims": [ref(D5, 0)]}],
         "cause": "airstrike", "killed": {"civilians": fig(12, 12, 12)}, "injured": {}, "grade": "confirmed",
         "grade_reason": "the coalition accepted responsibility",
         "responses": [{"actor": "intl_coalition", "response": "acknowledged", "claim": ref(D5, 0)}],
         "contradictions": [], "sources": 1, "independent_sources": 1, "flags": []},
        [(D5, 0, "seed")],
    ),
    "d4nowhere000": (
        dict(grade="weak", grade_reason="a single source"),
        {"period": {"start": None, "end": None, "precision": None}, "place": {}, "perpetrators": [],
         "cause": None, "killed": {}, "injured": {}, "grade": "weak", "grade_reason": "a single source",
         "responses": [], "contradictions": [], "sources": 1, "independent_sources": 1, "flags": ["thin"]},
        [(D6, 0, "seed")],
    ),
    "e5aleppo0000": (
        dict(period_start=dt.date(2018, 2, 1), period_end=dt.date(2018, 2, 1), date_precision="day",
             place_name="Aleppo", admin1="Aleppo", country="SY", where_precision="governorate", cause="shelling",
             grade="discounted", grade_reason="an analyst found the report to be a hoax"),
        {"period": {"start": "2018-02-01", "end": "2018-02-01", "precision": "day"}, "place": ALEPPO_GOV,
         "perpetrators": [{"id": "unknown", "name": "Unknown", "claims": []}], "cause": "shelling",
         "killed": {"civilians": fig(5, 5, 5)}, "injured": {}, "grade": "discounted",
         "grade_reason": "an analyst found the report to be a hoax", "responses": [], "contradictions": [],
         "sources": 1, "independent_sources": 1, "flags": []},
        [(D7, 0, "seed")],
    ),
}


# statistic id -> (document, claim ordinal, part_of, where_precision)
STATISTICS = {"st-coalition-2019": (D8, 0, None, "country"), "st-coalition-2019-children": (D8, 1,
              "st-coalition-2019", "country"), "st-russia-idlib-2019": (D8, 2, None, "governorate")}


def build(path: Path, reverse: bool = False) -> Any:
    engine = store.open_database(f"sqlite:///{path}")
    docs = [D1, D2, D3, D4, D5, D6, D7, D8]
    incidents = list(INCIDENTS.items())
    if reverse:
        docs.reverse()
        incidents.reverse()
    with Session(engine) as session, session.begin():
        claim_ids: dict[tuple[str, int], int] = {}
        for d in docs:
            session.execute(insert(schema.Document), d)
            claims = CLAIMS[d["id"]]
            order = list(enumerate(claims))
            if reverse:
                order.reverse()
            for i, c in order:
                row = store.claim_row(d["id"], i, c)
                claim_ids[(d["id"], i)] = session.execute(insert(schema.Claim).returning(schema.Claim.id), row).scalar()
        # the wire story also came in under a second ref (a syndicated copy: same text, another source)
        for r, day in (("wire-5", "2017-06-05"), ("wire-5-copy", "2017-06-06")):
            session.execute(insert(schema.DocumentRef), dict(document_id=D5["id"], ref=r, outlet="Wire",
                                                             published=dt.date.fromisoformat(day), first_seen=NOW))
        for st_id, (d, ordinal, part_of, precision) in STATISTICS.items():
            c = CLAIMS[d["id"]][ordinal]
            row = store.claim_row(d["id"], ordinal, c)
            session.execute(insert(schema.Statistic), dict(
                id=st_id, claim_id=claim_ids[(d["id"], ordinal)], document_id=d["id"], part_of=part_of,
                kind=c["kind"], victims=c["victims"], count_low=row["count_low"], count_high=row["count_high"],
                count_vague=False, period_start=row["period_start"], period_end=row["period_end"],
                period_precision="year", place_name=row["place_name"], admin1=row["admin1"], country="SY",
                where_precision=precision, perpetrator_id=row["perpetrator_id"], claimant_name=row["claimant_name"],
                claimant_type=row["claimant_type"], modality=row["modality"],
                data={"claim": ref(d, ordinal), "quote": c["evidence"]["quote"]}, created_at=NOW,
                updated_at=NOW))
        for inc_id, (cols, data, links) in incidents:
            session.execute(insert(schema.Incident), dict(id=inc_id, data=data, created_at=NOW, updated_at=NOW,
                                                          **cols))
            for d, ordinal, reason in (reversed(links) if reverse else links):
                session.execute(insert(schema.IncidentClaim), dict(
                    incident_id=inc_id, claim_id=claim_ids[(d["id"], ordinal)], reason=reason, created_at=NOW))
    return engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build(tmp_path_factory.mktemp("publish") / "m.db")


@pytest.fixture()
def session(engine: Any) -> Any:
    with Session(engine) as s:
        yield s


def exported(session: Session, fmt: str) -> str:
    buf = io.StringIO()
    publish.export(session, fmt, buf)
    return buf.getvalue()


ORDER = ["c3raqqa00000", "e5aleppo0000", "a1baghuz0000", "b2kafrnabl00", "d4nowhere000"]

# ------------------------------------------------------------------ exports


def test_jsonl_follows_the_spec(session: Session) -> None:
    lines = exported(session, "jsonl").splitlines()
    incidents = [json.loads(line) for line in lines]
    assert [i["id"] for i in incidents] == ORDER  # period start, undated last
    baghuz = incidents[2]
    assert list(baghuz)[:3] == ["id", "period", "place"]
    for key in ("id", "period", "place", "perpetrators", "cause", "killed", "injured", "grade", "grade_reason",
                "contradictions", "sources", "claims"):
        assert key in baghuz
    assert baghuz["killed"]["civilians"] == {"best": 64, "high": 2001, "low": 64}
    assert baghuz["estimate_notes"].startswith("best:")  # keys the linker adds are kept
    claims = baghuz["claims"]
    # claims by document publication date, then ordinal
    assert [(c["document"]["ref"], c["ordinal"]) for c in claims] == [("net-1", 0), ("net-1", 1), ("inv-2", 0)]
    assert claims[0]["claim"]["evidence"]["quote"] == "killing more than two thousand people"
    assert claims[0]["link_reason"] == "same place and perpetrator"
    assert claims[0]["document"] == {"id": D1["id"], "ref": "net-1"}
    assert {"ordinal", "claim", "document", "link_reason"} <= set(claims[2])


def test_a_copy_under_another_ref_is_listed_as_a_source(session: Session) -> None:
    raqqa = json.loads(exported(session, "jsonl").splitlines()[0])
    assert [(c["document"]["ref"], c["ordinal"]) for c in raqqa["claims"]] == [("wire-5", 0), ("wire-5-copy", 0)]
    assert raqqa["claims"][0]["claim"] == raqqa["claims"][1]["claim"]
    row = next(csv.DictReader(io.StringIO(exported(session, "csv"))))
    assert row["source_documents"] == "wire-5;wire-5-copy"
    data = publish.show_incident(session, "c3")
    assert len(data["claims"]) == 1 and data["claims"][0]["document"]["also_as"] == ["wire-5-copy"]


def test_exports_are_byte_identical(engine: Any, tmp_path: Path) -> None:
    with Session(engine) as s:
        first = {fmt: exported(s, fmt) for fmt in publish.EXPORT_FORMATS}
    with Session(engine) as s:
        second = {fmt: exported(s, fmt) for fmt in publish.EXPORT_FORMATS}
    for fmt in publish.EXPORT_FORMATS:
        assert first[fmt].encode() == second[fmt].encode(), fmt
    # the same content inserted in another order (other claim row ids, other row order) exports the same
    other = build(tmp_path / "reversed.db", reverse=True)
    with Session(other) as s:
        for fmt in publish.EXPORT_FORMATS:
            assert exported(s, fmt).encode() == first[fmt].encode(), fmt


def test_exports_identical_across_processes(engine: Any) -> None:
    """Separate processes (other hash seeds, so other set orders) write the same bytes."""
    import os
    import subprocess
    import sys

    code = ("import sys; from sqlalchemy.orm import Session; from marsad import publish, store; "
            "s = Session(store.open_database(sys.argv[1])); sys.stdout.reconfigure(newline=''); "
            "[publish.export(s, f, sys.stdout) for f in publish.EXPORT_FORMATS]")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code, str(engine.url)], capture_output=True, env=env, check=True)
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1] and len(outputs[0]) > 1000


def test_no_timestamps_in_exports(session: Session) -> None:
    for fmt in publish.EXPORT_FORMATS:
        assert "2024-01-02" not in exported(session, fmt)


def test_csv_columns_and_values(session: Session) -> None:
    text = exported(session, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == publish.CSV_COLUMNS
    for col in ("id", "date_start", "date_end", "date_prec", "where_description", "latitude", "longitude",
                "where_prec", "adm_1", "country", "side_a", "cause", "civilians_killed_low",
                "civilians_killed_best", "civilians_killed_high", "children_killed_best", "women_killed_best",
                "combatants_killed_best", "injured_low", "injured_best", "injured_high", "number_of_sources",
                "independent_sources", "grade", "source_documents"):
        assert col in publish.CSV_COLUMNS
    by_id = {r["id"]: r for r in rows}
    assert [r["id"] for r in rows] == ORDER
    k = by_id["b2kafrnabl00"]
    assert k["side_a"] == "syrian_government;russia"
    assert (k["civilians_killed_low"], k["civilians_killed_best"], k["civilians_killed_high"]) == ("6", "7", "9")
    assert k["children_killed_best"] == "2" and k["women_killed_best"] == ""
    assert (k["injured_low"], k["injured_best"], k["injured_high"]) == ("10", "10", "10")
    assert k["source_documents"] == "rescue-3;act-4"
    assert k["latitude"] == "35.61376" and k["longitude"] == "36.56449" and k["adm_1"] == "Idlib"
    assert k["number_of_sources"] == "2" and k["grade"] == "contested"
    assert k["contradictions"] == "perpetrator;killed.civilians"
    nowhere = by_id["d4nowhere000"]
    assert nowhere["date_start"] == "" and nowhere["latitude"] == ""
    assert nowhere["flags"].split(";") == ["thin", "no date", "no place", "no coordinates", "no figures"]
    assert "\r" not in text


def test_geojson_is_a_feature_collection_of_points(session: Session) -> None:
    gj = json.loads(exported(session, "geojson"))
    assert gj["type"] == "FeatureCollection"
    ids = [f["id"] for f in gj["features"]]
    assert ids == ["c3raqqa00000", "a1baghuz0000", "b2kafrnabl00"]
    for f in gj["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert lon == f["properties"]["longitude"] and lat == f["properties"]["latitude"]
        assert set(f["properties"]) == set(publish.CSV_COLUMNS)
    baghuz = gj["features"][1]
    assert baghuz["geometry"]["coordinates"] == [40.94, 34.46]  # [lon, lat]
    assert baghuz["properties"]["civilians_killed_best"] == 64  # typed, not text
    # incidents without coordinates are not dropped: they are listed apart, with null geometry
    assert [f["id"] for f in gj["unlocated"]] == ["e5aleppo0000", "d4nowhere000"]
    assert all(f["geometry"] is None for f in gj["unlocated"])


def test_export_rejects_unknown_format(session: Session) -> None:
    with pytest.raises(ValueError):
        publish.export(session, "xml", io.StringIO())


def test_empty_database_exports(tmp_path: Path) -> None:
    engine = store.open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    with Session(engine) as s:
        assert exported(s, "jsonl") == ""
        assert exported(s, "csv").strip() == ",".join(publish.CSV_COLUMNS)
        gj = json.loads(exported(s, "geojson"))
        assert gj == {"type": "FeatureCollection", "features": [], "unlocated": []}


# ------------------------------------------------------------------ listing


def ids(rows: list[publish.IncidentRow]) -> list[str]:
    return [r.id for r in rows]


def test_list_all_in_order_with_flags(session: Session) -> None:
    rows = publish.list_incidents(session)
    assert ids(rows) == ORDER
    nowhere = rows[-1]
    assert {"no date", "no place", "no coordinates"} <= set(nowhere.flags)
    assert "no coordinates" in rows[1].flags and "no date" not in rows[1].flags
    assert rows[2].flags == ()


@pytest.mark.parametrize(("place", "expected"), [
    ("دير الزور", ["a1baghuz0000"]),
    ("Deir Ezzor", ["a1baghuz0000"]),
    ("الباغوز", ["a1baghuz0000"]),
    ("baghuz", ["a1baghuz0000"]),
    ("كفرنبل", ["b2kafrnabl00"]),
    ("إدلب", ["b2kafrnabl00"]),
    ("Aleppo", ["e5aleppo0000"]),
    ("Homs", []),
])
def test_list_place_filter(session: Session, place: str, expected: list[str]) -> None:
    assert ids(publish.list_incidents(session, place=place)) == expected


def test_list_actor_filter(session: Session) -> None:
    assert ids(publish.list_incidents(session, actor="intl_coalition")) == ["c3raqqa00000", "a1baghuz0000"]
    assert ids(publish.list_incidents(session, actor="russia")) == ["b2kafrnabl00"]  # competing attribution
    assert ids(publish.list_incidents(session, actor="syrian_government")) == ["b2kafrnabl00"]
    assert ids(publish.list_incidents(session, actor="Russia")) == ["b2kafrnabl00"]
    assert publish.list_incidents(session, actor="turkey") == []


def test_list_date_filters_overlap(session: Session) -> None:
    assert ids(publish.list_incidents(session, date_from="2019")) == ["a1baghuz0000", "b2kafrnabl00"]
    assert ids(publish.list_incidents(session, date_to="2018")) == ["c3raqqa00000", "e5aleppo0000"]
    # a period 19-21 March overlaps a range that starts on the 20th
    assert ids(publish.list_incidents(session, date_from="2019-03-20", date_to="2019-03-20")) == ["a1baghuz0000"]
    assert ids(publish.list_incidents(session, date_from=dt.date(2019, 3, 22), date_to="2019-04")) == []
    assert ids(publish.list_incidents(session, date_from="2019-05", date_to="2019-05")) == ["b2kafrnabl00"]


def test_list_grade_and_toll_filters(session: Session) -> None:
    assert ids(publish.list_incidents(session, grade="confirmed")) == ["c3raqqa00000"]
    assert ids(publish.list_incidents(session, grade=["fair", "WEAK"])) == ["a1baghuz0000", "d4nowhere000"]
    assert ids(publish.list_incidents(session, min_killed=10)) == ["c3raqqa00000", "a1baghuz0000"]
    assert ids(publish.list_incidents(session, min_killed=7, actor="russia", place="Idlib")) == ["b2kafrnabl00"]
    assert ids(publish.list_incidents(session, min_killed=8, actor="russia")) == []


def test_render_incident_list(session: Session) -> None:
    console = Console(record=True, width=220)
    publish.render_incident_list(console, publish.list_incidents(session))
    text = console.export_text()
    assert "d4nowhere000" in text and "no date" in text and "7 (6–9)" in text


# ------------------------------------------------------------------ one incident


def test_show_incident_structure(session: Session) -> None:
    data = publish.show_incident(session, "b2k")
    assert data["incident"]["id"] == "b2kafrnabl00"
    assert [c["label"] for c in data["claims"]] == ["C1", "C2", "C3", "C4", "C5"]
    assert [(c["document"]["ref"], c["ordinal"]) for c in data["claims"]] == [
        ("rescue-3", 0), ("rescue-3", 1), ("rescue-3", 2), ("act-4", 0), ("act-4", 1)]
    assert data["perpetrators"][1] == {"id": "russia", "name": "Russia", "attribution": None, "claims": ["C4"]}
    assert data["contradictions"][1] == {"field": "killed.civilians", "values": [7, 9], "sides": [["C1"], ["C5"]]}
    assert data["responses"] == [{"actor": "syrian_government", "response": "denied", "claim": "C1",
                                  "document": "rescue-3", "quote": "killing seven civilians"}]
    civ = next(e for e in data["estimates"] if e["outcome"] == "killed" and e["category"] == "civilians")
    assert (civ["low"], civ["best"], civ["high"]) == (6, 7, 9)
    assert [r["claim"] for r in civ["reported"]] == ["C1", "C4", "C5"]
    inj = next(e for e in data["estimates"] if e["outcome"] == "injured")
    assert inj["best"] == 10 and inj["reported"][0]["claim"] == "C3"


def test_show_renders_a_known_incident(session: Session) -> None:
    console = Console(record=True, width=250)
    publish.render_incident(console, publish.show_incident(session, "a1baghuz0000"))
    text = console.export_text()
    for expected in ("Incident a1baghuz0000", "killing more than two thousand people", "Local network",
                     "reported", "2019-02-09", "2019-03-19", "Contradictions", "date", "fair",
                     "two independent sources; coalition strikes likely", "no comment", "≥2001", "2001",
                     "The coalition did not comment.",
                     "estimate_notes", "same place, date contradicts", "C3"):
        assert expected in text, expected


def test_show_thin_incident(session: Session) -> None:
    console = Console(record=True, width=200)
    data = publish.show_incident(session, "d4")
    publish.render_incident(console, data)
    text = console.export_text()
    assert "no date" in text and "no place" in text and "no coordinates" in text
    assert "No contradictions" in text and "No estimate" in text


def test_show_unknown_and_ambiguous(session: Session, tmp_path: Path) -> None:
    with pytest.raises(publish.IncidentNotFound):
        publish.show_incident(session, "zz")
    with pytest.raises(publish.IncidentNotFound):
        publish.show_incident(session, "%")  # LIKE wildcards are literal
    engine = store.open_database(f"sqlite:///{tmp_path / 'two.db'}")
    with Session(engine) as s:
        with s.begin():
            for inc_id in ("abc1", "abc2"):
                s.execute(insert(schema.Incident), dict(id=inc_id, data={}, created_at=NOW, updated_at=NOW))
        with pytest.raises(publish.AmbiguousIncident) as info:
            publish.show_incident(s, "abc")
        assert info.value.matches == ["abc1", "abc2"]
        assert publish.show_incident(s, "abc2")["incident"]["id"] == "abc2"


# ------------------------------------------------------------------ statistics


def test_stats_by_year(session: Session) -> None:
    table = publish.stats(session, "year")
    assert table.columns[:3] == ["year", "incidents", "civilians killed"]
    assert table.rows == [["2017", 1, 12, 0, 0, 0, 0], ["2019", 2, 71, 2, 0, 0, 10], ["unknown", 1, 0, 0, 0, 0, 0]]
    assert table.total == ["total", 4, 83, 2, 0, 0, 10]
    with_discounted = publish.stats(session, "year", include_discounted=True)
    assert ["2018", 1, 5, 0, 0, 0, 0] in with_discounted.rows and with_discounted.total[2] == 88


def test_stats_by_month_perpetrator_governorate(session: Session) -> None:
    assert [r[0] for r in publish.stats(session, "month").rows] == ["2017-06", "2019-03", "2019-05", "unknown"]
    perp = publish.stats(session, "perpetrator")
    assert perp.rows[0] == ["intl_coalition", 2, 76, 0, 0, 0, 0]
    assert ["russia / syrian_government", 1, 7, 2, 0, 0, 10] in perp.rows
    assert perp.rows[-1][0] == "unknown"
    gov = {r[0]: r for r in publish.stats(session, "governorate").rows}
    assert gov["Deir ez-Zor"][2] == 64 and gov["Idlib"][2] == 7 and gov["unknown"][1] == 1


def test_stats_by_victim_and_filters(session: Session) -> None:
    victims = {r[0]: r for r in publish.stats(session, "victim").rows}
    assert victims["civilians"] == ["civilians", 3, 83, 10]
    assert victims["children"] == ["children", 1, 2, 0]
    assert publish.stats(session, "year", actor="intl_coalition").total[2] == 76
    with pytest.raises(ValueError):
        publish.stats(session, "week")
    console = Console(record=True, width=160)
    publish.render_stats(console, publish.stats(session, "year"))
    text = console.export_text()
    assert "83" in text and "unknown" in text


def test_aggregates_beside_incidents(session: Session) -> None:
    rows = publish.aggregates_vs_incidents(session)
    assert [r["id"] for r in rows] == ["st-coalition-2019", "st-coalition-2019-children", "st-russia-idlib-2019"]
    coalition, coalition_children, russia = rows
    assert coalition["claimant"] == "the monitor" and coalition["reported"]["low"] == 80
    assert coalition["period"] == {"start": "2019-01-01", "end": "2019-12-31"}
    assert coalition["admin1"] is None and coalition["country"] == "SY"
    assert (coalition["incidents"], coalition["incidents_best"], coalition["coverage"]) == (1, 64, 0.8)
    assert coalition["document"]["ref"] == "monitor-8"
    assert coalition["quote"] == "counted 80 civilians killed"
    # the breakdown follows its total; no coalition incident in 2019 counts children
    assert coalition_children["part_of"] == "st-coalition-2019" and coalition_children["incidents_best"] == 0
    # Russia is one of two competing attributions of the Kafr Nabl strike: counted apart
    assert (russia["admin1"], russia["incidents"], russia["contested"], russia["contested_best"]) == ("Idlib", 0, 1, 2)
    console = Console(record=True, width=220)
    publish.render_aggregates(console, rows)
    text = console.export_text()
    assert "the monitor" in text and "80%" in text and "1 (2)" in text and "of which" in text


def test_aggregates_incomparable_and_discounted(tmp_path: Path) -> None:
    engine = build(tmp_path / "agg.db")
    with Session(engine) as s:
        with s.begin():
            s.execute(schema.Statistic.__table__.update().where(schema.Statistic.id == "st-coalition-2019")
                      .values(kind="displaced"))
        rows = {r["id"]: r for r in publish.aggregates_vs_incidents(s)}
        assert rows["st-coalition-2019"]["comparable"] is False and rows["st-coalition-2019"]["incidents"] is None
        assert rows["st-russia-idlib-2019"]["comparable"] is True


def test_vague_figures_and_superseded_incidents(tmp_path: Path) -> None:
    engine = build(tmp_path / "extra.db")
    with Session(engine) as s:
        with s.begin():
            s.execute(insert(schema.Incident), [
                # a vague report ("hundreds") gives a low figure only: it counts at its low figure
                dict(id="f6vague00000", period_start=dt.date(2019, 8, 1), period_end=dt.date(2019, 8, 1),
                     place_name="Raqqa", admin1="Raqqa", country="SY", grade="weak", created_at=NOW, updated_at=NOW,
                     data={"killed": {"civilians": {"low": 100, "best": None, "high": None}}, "flags": [],
                           "perpetrators": [{"id": "intl_coalition", "name": "International coalition"}]}),
                # no longer found by the linker, kept because an analyst reviewed it
                dict(id="g7gone000000", period_start=dt.date(2019, 9, 1), grade="fair", created_at=NOW,
                     updated_at=NOW, data={"killed": {"civilians": {"low": 3, "best": 3, "high": 3}},
                                           "flags": ["superseded"]}),
            ])
        assert publish.list_incidents(s, min_killed=100) == [r for r in publish.list_incidents(s)
                                                              if r.id == "f6vague00000"]
        assert publish.stats(s, "year").rows[1] == ["2019", 3, 171, 2, 0, 0, 10]
        assert "g7gone000000" in {r.id for r in publish.list_incidents(s)}
        for fmt in publish.EXPORT_FORMATS:
            text = exported(s, fmt)
            assert "f6vague00000" in text and "g7gone000000" not in text
        assert "no figures" not in publish.incident_flags(publish.show_incident(s, "f6")["incident"])
