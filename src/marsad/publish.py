"""Publishing incidents: exports (JSONL / CSV / GeoJSON), listing, one incident in full, statistics.

Everything here reads the ``incidents`` and ``incident_claims`` tables that ``marsad link`` fills
(and the claims and documents they point at); nothing here writes to the database.

Determinism: the same database gives byte-identical exports. Incidents come in the order of their
period start (incidents without a date last), then id; the claims of an incident in the order of their
document's publication date (undated last), ref, id, then the claim's ordinal. JSON keys are sorted
(except the incident's top-level keys, which keep the order of the SPEC); floats are rounded to
:data:`FLOAT_DECIMALS` decimals and written in Python's shortest form; no timestamps are written.

Sources: a text that came in under several refs (``document_refs``: a syndicated copy, one post at two
URLs) is one document but several sources. The JSONL ``claims`` list then holds one entry per ref (the
same claim, each with its ref), and CSV ``source_documents`` lists every ref, so a consumer that maps
its own report ids to incidents finds all of them.

Thin data stays visible: an incident without a date, a place or coordinates is exported and listed
like any other, with flags saying what it lacks (:func:`incident_flags`: the linker's own flags, then
"no date", "no place", "no coordinates", "no figures"). The CSV / GeoJSON ``flags`` column and the listings show
them; the JSONL ``flags`` field is the linker's, unchanged. In GeoJSON, incidents
without coordinates cannot be points: they are kept in a top-level ``"unlocated"`` array (a GeoJSON
"foreign member", which map tools ignore) as Features with ``"geometry": null`` and the same
properties as the points, so that nothing is silently dropped.

Incidents flagged "superseded" (ones the linker no longer finds, kept only because an analyst reviewed
them) are listed and shown, but not exported nor counted in statistics.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from marsad import schema
from marsad.arabic import normalize, strip_article

__all__ = [
    "EXPORT_FORMATS", "STATS_BY", "CATEGORIES", "CSV_COLUMNS", "FLOAT_DECIMALS",
    "IncidentRow", "StatsTable", "IncidentNotFound", "AmbiguousIncident",
    "export", "export_records", "incident_flags", "csv_row", "date_bound",
    "list_incidents", "show_incident", "render_incident", "render_incident_list",
    "stats", "render_stats", "aggregates_vs_incidents", "render_aggregates",
]

EXPORT_FORMATS = ("jsonl", "csv", "geojson")
STATS_BY = ("year", "month", "perpetrator", "governorate", "victim")
CATEGORIES = ("civilians", "children", "women", "combatants")
OUTCOMES = ("killed", "injured")
FLOAT_DECIMALS = 6
UNKNOWN = "unknown"

# The incident's top-level keys in the order of the SPEC; other keys follow, sorted.
TOP_KEYS = ("id", "period", "place", "perpetrators", "cause", "killed", "injured", "grade", "grade_reason",
            "responses", "contradictions", "sources", "independent_sources", "flags", "claims")

CSV_COLUMNS = (
    "id", "date_start", "date_end", "date_prec", "where_description", "latitude", "longitude", "where_prec",
    "adm_1", "country", "side_a", "cause",
    *(f"{cat}_killed_{b}" for cat in CATEGORIES for b in ("low", "best", "high")),
    "injured_low", "injured_best", "injured_high",
    "number_of_sources", "independent_sources", "grade", "source_documents",
    # additions to the GED-like core: what an analyst needs to judge a row
    "side_a_name", "contradictions", "flags",
)

_CHUNK = 500  # incidents loaded per query


class IncidentNotFound(LookupError):
    """No incident has this id or id prefix."""


class AmbiguousIncident(LookupError):
    """Several incidents start with this prefix; ``matches`` holds (some of) their ids."""

    def __init__(self, key: str, matches: list[str]) -> None:
        super().__init__(f"{key!r} matches {len(matches)} incidents: {', '.join(matches)}")
        self.matches = matches


# ---------------------------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class _Source:
    """One identifier under which a document came in (its own ref, or a copy recorded in document_refs)."""

    ref: str
    published: dt.date | None
    outlet: str | None
    url: str | None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.published is None, self.published or dt.date.min, self.ref)


@dataclass
class _ClaimLink:
    claim_id: int
    ordinal: int
    data: dict[str, Any]
    reason: str
    document_id: str
    ref: str  # the document's own ref
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    language: str | None
    sources: list[_Source] = field(default_factory=list)  # every ref the text came in under, earliest first

    @property
    def sort_key(self) -> tuple[Any, ...]:
        first = self.sources[0] if self.sources else _Source(self.ref, self.published, None, None)
        return (*first.sort_key, self.document_id, self.ordinal)

    @property
    def key(self) -> tuple[str, int]:
        return (self.document_id, self.ordinal)

    @property
    def refs(self) -> list[str]:
        return [s.ref for s in self.sources] or [self.ref]


@dataclass
class _Loaded:
    obj: dict[str, Any]  # the SPEC export object, without "claims"
    claims: list[_ClaimLink] = field(default_factory=list)


def _iso(day: dt.date | str | None) -> str | None:
    if day is None:
        return None
    return day.isoformat() if isinstance(day, dt.date) else str(day)


def _incident_object(inc: Any) -> dict[str, Any]:
    """The SPEC object of an incident row: ``data``, completed (and overridden) by the indexed columns."""
    obj = dict(inc.data or {})
    obj.pop("claims", None)
    obj["id"] = inc.id
    period = dict(obj.get("period") or {})
    for key, value in (("start", _iso(inc.period_start)), ("end", _iso(inc.period_end)),
                       ("precision", inc.date_precision)):
        if value is not None:
            period[key] = value
        period.setdefault(key, None)
    obj["period"] = period
    place = dict(obj.get("place") or {})
    for key, value in (("name", inc.place_name), ("admin1", inc.admin1), ("country", inc.country),
                       ("lat", inc.lat), ("lon", inc.lon), ("precision", inc.where_precision)):
        if value is not None:
            place[key] = value
        place.setdefault(key, None)
    obj["place"] = place
    for key, value in (("cause", inc.cause), ("grade", inc.grade), ("grade_reason", inc.grade_reason)):
        if value is not None:
            obj[key] = value
        obj.setdefault(key, None)
    obj.setdefault("perpetrators", [])
    obj.setdefault("killed", {})
    obj.setdefault("injured", {})
    obj.setdefault("responses", [])
    obj.setdefault("contradictions", [])
    obj.setdefault("flags", [])
    return obj


def _ordered_ids(session: Session, where: Sequence[Any] = ()) -> list[str]:
    rows = session.execute(select(schema.Incident.id, schema.Incident.period_start).where(*where)).all()
    rows.sort(key=lambda r: (r[1] is None, r[1] or dt.date.min, r[0]))
    return [r[0] for r in rows]


def _claim_links(session: Session, ids: Sequence[str], claim_data: bool = True) -> dict[str, list[_ClaimLink]]:
    """The claims of these incidents with their documents; ``claim_data=False`` skips decoding the claims."""
    ic, c, d = schema.IncidentClaim, schema.Claim, schema.Document
    data_col = c.data if claim_data else c.kind  # a cheap stand-in column when the claim itself is not needed
    rows = session.execute(
        select(ic.incident_id, ic.reason, c.id, c.ordinal, data_col, d.id, d.ref, d.title, d.outlet, d.published,
               d.url, d.language)
        .join(c, c.id == ic.claim_id).join(d, d.id == c.document_id)
        .where(ic.incident_id.in_(list(ids)))
    ).all()
    copies: dict[str, list[_Source]] = defaultdict(list)
    doc_ids = sorted({r[5] for r in rows})
    dr = schema.DocumentRef
    for i in range(0, len(doc_ids), _CHUNK):
        for did, ref, published, outlet, url in session.execute(
                select(dr.document_id, dr.ref, dr.published, dr.outlet, dr.url)
                .where(dr.document_id.in_(doc_ids[i:i + _CHUNK]))):
            copies[did].append(_Source(ref, published, outlet, url))
    out: dict[str, list[_ClaimLink]] = defaultdict(list)
    sources_of: dict[str, list[_Source]] = {}
    for inc_id, reason, cid, ordinal, data, did, ref, title, outlet, published, url, language in rows:
        if did not in sources_of:
            own = _Source(ref, published, outlet, url)
            merged = {s.ref: s for s in copies.get(did, [])}
            merged.setdefault(ref, own)
            sources_of[did] = sorted(merged.values(), key=lambda s: s.sort_key)
        out[inc_id].append(_ClaimLink(cid, ordinal, data if claim_data and data else {}, reason or "", did, ref,
                                      title, outlet, published, url, language, sources_of[did]))
    for links in out.values():
        links.sort(key=lambda link: link.sort_key)
    return dict(out)


def _iter_loaded(session: Session, ids: Sequence[str], with_claims: bool = True,
                 claim_data: bool = True) -> Iterator[_Loaded]:
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        table = schema.Incident.__table__  # plain rows: no ORM identity map to fill
        incidents = {row.id: row for row in session.execute(select(table).where(table.c.id.in_(chunk)))}
        links = _claim_links(session, chunk, claim_data) if with_claims else {}
        for inc_id in chunk:
            if inc_id in incidents:
                yield _Loaded(_incident_object(incidents[inc_id]), links.get(inc_id, []))


# ---------------------------------------------------------------------------------------------- canonical JSON


def _canonical(value: Any) -> Any:
    """``value`` with dict keys sorted, floats rounded (non-finite ones become null), tuples as lists."""
    if isinstance(value, dict):
        return {str(k): _canonical(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, float):
        return round(value, FLOAT_DECIMALS) if math.isfinite(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _top_ordered(obj: dict[str, Any]) -> dict[str, Any]:
    body = _canonical(obj)
    ordered = {k: body[k] for k in TOP_KEYS if k in body}
    ordered.update((k, v) for k, v in body.items() if k not in ordered)
    return ordered


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False)


def _record(loaded: _Loaded) -> dict[str, Any]:
    """The full SPEC export object of one incident, claims included."""
    obj = dict(loaded.obj)
    # One entry per source: a text that came in under several refs (a syndicated copy, the same post at
    # two URLs) is one document but several sources, and each is listed with the claim.
    entries = sorted(((source, link) for link in loaded.claims for source in (link.sources or
                      [_Source(link.ref, link.published, link.outlet, link.url)])),
                     key=lambda e: (*e[0].sort_key, e[1].document_id, e[1].ordinal))
    obj["claims"] = [{"document": {"id": link.document_id, "ref": source.ref}, "ordinal": link.ordinal,
                      "claim": link.data, "link_reason": link.reason} for source, link in entries]
    return _top_ordered(obj)


def export_records(session: Session) -> Iterator[dict[str, Any]]:
    """Every incident as its SPEC export object (claims included), in export order."""
    for loaded in _iter_loaded(session, _ordered_ids(session)):
        yield _record(loaded)


# ---------------------------------------------------------------------------------------------- flat rows


def _fig(obj: dict[str, Any], outcome: str, category: str, bound: str) -> int | None:
    value = ((obj.get(outcome) or {}).get(category) or {}).get(bound)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _best(obj: dict[str, Any], outcome: str, category: str) -> int | None:
    """The best figure, else the low one (vague reports, "hundreds", give a low figure only)."""
    best = _fig(obj, outcome, category, "best")
    return _fig(obj, outcome, category, "low") if best is None else best


def _superseded(obj: dict[str, Any]) -> bool:
    """An incident the linker no longer finds, kept only because an analyst reviewed it."""
    return "superseded" in (obj.get("flags") or [])


def _injured_category(obj: dict[str, Any]) -> str:
    injured = obj.get("injured") or {}
    return "civilians" if "civilians" in injured or "people" not in injured else "people"


def _coords(obj: dict[str, Any]) -> tuple[float, float] | None:
    place = obj.get("place") or {}
    lat, lon = place.get("lat"), place.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float) or isinstance(lat, bool):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lat), float(lon)


def incident_flags(obj: dict[str, Any]) -> list[str]:
    """The linker's flags for the incident, then what it visibly lacks (in the linker's words where it has
    them): "no date", "no place", "no coordinates", "no figures"."""
    flags = [str(f) for f in obj.get("flags") or []]
    period = obj.get("period") or {}
    place = obj.get("place") or {}
    derived = []
    if not period.get("start"):
        derived.append("no date")
    if not (place.get("name") or place.get("admin1")):
        derived.append("no place")
    if _coords(obj) is None:
        derived.append("no coordinates")
    if all(_fig(obj, o, c, b) is None for o in OUTCOMES for c in (obj.get(o) or {}) for b in ("low", "best")):
        derived.append("no figures")
    return list(dict.fromkeys(flags + derived))


def _perpetrator_ids(obj: dict[str, Any]) -> list[str]:
    return [str(p.get("id")) for p in obj.get("perpetrators") or [] if p.get("id")]


def csv_row(obj: dict[str, Any], refs: Iterable[str] = ()) -> dict[str, Any]:
    """The flat (UCDP GED-like) row of an incident object; values are str, int, float or None."""
    period = obj.get("period") or {}
    place = obj.get("place") or {}
    coords = _coords(obj)
    row: dict[str, Any] = {
        "id": obj.get("id"), "date_start": period.get("start"), "date_end": period.get("end"),
        "date_prec": period.get("precision"), "where_description": place.get("name"),
        "latitude": round(coords[0], FLOAT_DECIMALS) if coords else None,
        "longitude": round(coords[1], FLOAT_DECIMALS) if coords else None,
        "where_prec": place.get("precision"), "adm_1": place.get("admin1"), "country": place.get("country"),
        "side_a": ";".join(_perpetrator_ids(obj)) or None, "cause": obj.get("cause"),
    }
    for cat in CATEGORIES:
        for b in ("low", "best", "high"):
            row[f"{cat}_killed_{b}"] = _fig(obj, "killed", cat, b)
    inj = _injured_category(obj)
    for b in ("low", "best", "high"):
        row[f"injured_{b}"] = _fig(obj, "injured", inj, b)
    row["number_of_sources"] = obj.get("sources")
    row["independent_sources"] = obj.get("independent_sources")
    row["grade"] = obj.get("grade")
    row["source_documents"] = ";".join(dict.fromkeys(refs)) or None
    row["side_a_name"] = ";".join(str(p.get("name") or p.get("id")) for p in obj.get("perpetrators") or []
                                  if p.get("id") or p.get("name")) or None
    row["contradictions"] = ";".join(dict.fromkeys(str(c.get("field")) for c in obj.get("contradictions") or []
                                                   if c.get("field"))) or None
    row["flags"] = ";".join(incident_flags(obj)) or None
    return row


def _refs(loaded: _Loaded) -> list[str]:
    """Every source ref of an incident's claims, earliest first."""
    sources = {s.ref: s for link in loaded.claims for s in link.sources}
    return [s.ref for s in sorted(sources.values(), key=lambda s: s.sort_key)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, FLOAT_DECIMALS)) if math.isfinite(value) else ""
    return str(value)


# ---------------------------------------------------------------------------------------------- export


def export(session: Session, format: str, out: TextIO) -> int:  # noqa: A002 - the CLI's option name
    """Write every incident to ``out`` as ``jsonl``, ``csv`` or ``geojson``; returns the number written.

    The same database gives byte-identical output (see the module docstring).
    """
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {format!r} (one of {', '.join(EXPORT_FORMATS)})")
    ids = _ordered_ids(session)
    loaded = _iter_loaded(session, ids, claim_data=format == "jsonl")
    loaded = (item for item in loaded if not _superseded(item.obj))
    if format == "jsonl":
        n = 0
        for item in loaded:
            out.write(_dumps(_record(item)) + "\n")
            n += 1
        return n
    if format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        n = 0
        for item in loaded:
            row = csv_row(item.obj, _refs(item))
            writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
            n += 1
        return n
    return _export_geojson(loaded, out)


def _export_geojson(loaded: Iterable[_Loaded], out: TextIO) -> int:
    """A FeatureCollection of points, one Feature per line; unlocated incidents in ``"unlocated"``."""
    out.write('{"type": "FeatureCollection", "features": [')
    unlocated: list[str] = []
    n = located = 0
    for item in loaded:
        row = csv_row(item.obj, _refs(item))
        properties = {k: _canonical(row[k]) for k in CSV_COLUMNS}  # in CSV column order
        coords = _coords(item.obj)
        feature = {"type": "Feature", "id": row["id"],
                   "geometry": None if coords is None else
                   {"type": "Point", "coordinates": [round(coords[1], FLOAT_DECIMALS),
                                                     round(coords[0], FLOAT_DECIMALS)]},
                   "properties": properties}
        n += 1
        if coords is None:
            unlocated.append(_dumps(feature))
            continue
        out.write(("\n" if located == 0 else ",\n") + _dumps(feature))
        located += 1
    out.write("\n], \"unlocated\": [")
    out.write(",\n".join(("\n" if i == 0 else "") + f for i, f in enumerate(unlocated)))
    out.write("\n]}\n" if unlocated else "]}\n")
    return n


# ---------------------------------------------------------------------------------------------- listing


@dataclass(frozen=True)
class IncidentRow:
    """One line of ``marsad incidents``."""

    id: str
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    place: str | None
    admin1: str | None
    country: str | None
    perpetrators: tuple[str, ...]
    cause: str | None
    civilians_killed: int | None  # best
    civilians_low: int | None
    civilians_high: int | None
    sources: int | None
    grade: str | None
    flags: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}


def _row(obj: dict[str, Any]) -> IncidentRow:
    period = obj.get("period") or {}
    place = obj.get("place") or {}
    return IncidentRow(
        id=obj["id"], date_start=period.get("start"), date_end=period.get("end"),
        date_precision=period.get("precision"), place=place.get("name"), admin1=place.get("admin1"),
        country=place.get("country"), perpetrators=tuple(_perpetrator_ids(obj)), cause=obj.get("cause"),
        civilians_killed=_fig(obj, "killed", "civilians", "best"),
        civilians_low=_fig(obj, "killed", "civilians", "low"),
        civilians_high=_fig(obj, "killed", "civilians", "high"),
        sources=obj.get("sources"), grade=obj.get("grade"), flags=tuple(incident_flags(obj)),
    )


def date_bound(value: dt.date | str | None, end: bool) -> dt.date | None:
    """A date filter bound: a date, or "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a year or month is widened)."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{1,2}", text):
        year, month = map(int, text.split("-"))
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    return dt.date.fromisoformat(text)


_SPLIT = re.compile(r"[\s\-_/,.'\"()]+")


def _loose(text: str) -> str:
    """A place name in comparison form: normalised, punctuation to spaces, Arabic articles dropped."""
    return " ".join(strip_article(t) for t in _SPLIT.split(normalize(text)) if t)


@cache
def _place_query_keys(query: str) -> tuple[str, ...]:
    """The query, and the names (English and Arabic) of the gazetteer places it resolves to."""
    keys = [_loose(query)]
    try:
        from marsad import gazetteer

        places = gazetteer.lookup(query)[:3]
    except Exception:  # the filter still works on the literal name without the gazetteer
        places = []
    for p in places:
        keys.extend(_loose(n) for n in (p.name, p.name_ar) if n)
    return tuple(k for k in dict.fromkeys(keys) if k)


def _place_matches(obj: dict[str, Any], keys: Sequence[str]) -> bool:
    place = obj.get("place") or {}
    names = [_loose(str(place[k])) for k in ("name", "name_ar", "admin1", "admin1_ar", "text") if place.get(k)]
    for key in keys:
        pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
        if any(pattern.search(name) for name in names):
            return True
    return False


def _actor_matches(obj: dict[str, Any], actor: str) -> bool:
    want = normalize(actor).strip()
    for p in obj.get("perpetrators") or []:
        if str(p.get("id") or "").lower() == want or (p.get("name") and normalize(str(p["name"])) == want):
            return True
    return False


def _select(session: Session, place: str | None = None, actor: str | None = None,
            date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
            grade: str | Sequence[str] | None = None, min_killed: int | None = None,
            with_claims: bool = False) -> Iterator[_Loaded]:
    inc = schema.Incident
    where: list[Any] = []
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    if lo is not None or hi is not None:
        where.append(inc.period_start.is_not(None))
    if hi is not None:
        where.append(inc.period_start <= hi)
    grades: list[str] | None = None
    if grade is not None:
        grades = [grade.lower()] if isinstance(grade, str) else [g.lower() for g in grade]
    keys = _place_query_keys(place) if place else ()
    for item in _iter_loaded(session, _ordered_ids(session, where), with_claims=with_claims):
        obj = item.obj
        if lo is not None:
            period = obj.get("period") or {}
            end = period.get("end") or period.get("start")
            if end is None or str(end)[:10] < lo.isoformat():
                continue
        if grades is not None and str(obj.get("grade") or "").lower() not in grades:
            continue
        if min_killed is not None:
            best = _best(obj, "killed", "civilians")
            if best is None or best < min_killed:
                continue
        if actor and not _actor_matches(obj, actor):
            continue
        if keys and not _place_matches(obj, keys):
            continue
        yield item


def list_incidents(session: Session, place: str | None = None, actor: str | None = None,
                   date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
                   grade: str | Sequence[str] | None = None, min_killed: int | None = None) -> list[IncidentRow]:
    """The incidents matching every filter given, in export order.

    - ``place``: the place name or governorate, in Arabic or English, any spelling the gazetteer knows
      ("دير الزور", "Deir Ezzor", "الباغوز" all find an incident in Baghuz, Deir ez-Zor);
    - ``actor``: a perpetrator's id (or name); an incident with competing attributions matches each;
    - ``date_from`` / ``date_to``: the incident's period overlaps the range (dates, or "2019",
      "2019-03"); undated incidents are left out when a date filter is given;
    - ``grade``: one grade or several; ``min_killed``: the best count of civilians killed is at least this
      (incidents without a civilian count are left out).
    Incidents lacking a date, place or coordinates are listed too, with flags (``IncidentRow.flags``).
    """
    return [_row(item.obj) for item in _select(session, place, actor, date_from, date_to, grade, min_killed)]


def _short_period(start: str | None, end: str | None) -> str:
    """"2019-03-19–21", "2019-03-30–04-02", "2018-12-30–2019-01-02"; "—" without a date."""
    if not start:
        return "—" if not end else f"?–{end}"
    if not end or end == start:
        return start
    if end[:7] == start[:7]:
        return f"{start}–{end[8:]}"
    if end[:4] == start[:4]:
        return f"{start}–{end[5:]}"
    return f"{start}–{end}"


def render_incident_list(console: Any, rows: Sequence[IncidentRow], title: str | None = None) -> None:
    """A Rich table of incidents, thin data flagged in the last column (readable from 80 columns up)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    narrow = getattr(console, "width", 200) < 110  # leave out cause and sources, shorten ids
    table = Table(title=title or f"{len(rows)} incidents", box=box.SIMPLE_HEAD, pad_edge=False)
    columns = [("id", {"no_wrap": True}), ("date", {"no_wrap": True}), ("where", {"min_width": 10}),
               ("by", {"min_width": 8}), ("cause", {"min_width": 5}),
               ("civ. killed", {"justify": "right", "min_width": 5}), ("src", {"justify": "right"}),
               ("grade", {"no_wrap": True}), ("flags", {"style": "yellow", "min_width": 6})]
    keep = [c not in ("cause", "src") or not narrow for c, _ in columns]
    for (col, kw), k in zip(columns, keep, strict=True):
        if k:
            table.add_column(col, overflow="fold", **kw)
    for r in rows:
        where = ", ".join(dict.fromkeys(x for x in (r.place, r.admin1) if x)) or "—"
        cells = [r.id[:8] if narrow else r.id[:12], _short_period(r.date_start, r.date_end), where,
                 " / ".join(r.perpetrators) or "—", r.cause or "—",
                 _range_text(r.civilians_low, r.civilians_killed, r.civilians_high),
                 "" if r.sources is None else str(r.sources), r.grade or "—", ", ".join(r.flags)]
        table.add_row(*(Text(c) for c, k in zip(cells, keep, strict=True) if k))
    console.print(table)


def _range_text(low: int | None, best: int | None, high: int | None) -> str:
    if best is None and low is None and high is None:
        return "—"
    text = "?" if best is None else str(best)
    if (low, high) != (best, best) and (low is not None or high is not None):
        text += f" ({'?' if low is None else low}–{'?' if high is None else high})"
    return text


# ---------------------------------------------------------------------------------------------- one incident


def _find_id(session: Session, key: str) -> str:
    key = key.strip()
    if session.get(schema.Incident, key) is not None:
        return key
    found = list(session.scalars(select(schema.Incident.id).where(schema.Incident.id.startswith(key, autoescape=True))
                                 .order_by(schema.Incident.id).limit(6)))
    if not found or not key:
        raise IncidentNotFound(f"no incident with id or id prefix {key!r}")
    if len(found) > 1:
        raise AmbiguousIncident(key, found)
    return found[0]


def _ref_key(ref: Any) -> tuple[str, int] | None:
    """(document id, ordinal) of a claim reference {"document": {"id", "ref"}, "ordinal": n}."""
    if not isinstance(ref, dict):
        return None
    doc = ref.get("document") or {}
    doc_id = doc.get("id") if isinstance(doc, dict) else doc
    ordinal = ref.get("ordinal")
    if doc_id is None or not isinstance(ordinal, int):
        return None
    return (str(doc_id), ordinal)


def _count_text(claim: dict[str, Any]) -> str:
    count = claim.get("count")
    if not count:
        return "no number"
    low, high = count.get("low"), count.get("high")
    if low is not None and low == high:
        figure = str(low)
    elif low is not None and high is None:
        figure = f"≥{low}"
    elif low is None and high is not None:
        figure = f"≤{high}"
    elif low is not None:
        figure = f"{low}–{high}"
    else:
        figure = "?"
    if count.get("vague"):
        figure += " (vague)"
    return figure


def show_incident(session: Session, id_or_prefix: str) -> dict[str, Any]:
    """Everything about one incident, for ``marsad show``; render it with :func:`render_incident`.

    Keys: ``incident`` (the export object, claims included), ``claims`` (each with a label "C1"...,
    its document, the claim, and the reason it was linked), ``perpetrators``, ``contradictions`` and
    ``responses`` with their claim references turned into labels, ``estimates`` (low/best/high per outcome
    and category beside the figures the claims report), ``flags``, and ``other`` (any further keys the
    linker stored, e.g. notes on how an estimate was reached). Raises :class:`IncidentNotFound` or
    :class:`AmbiguousIncident`.
    """
    inc_id = _find_id(session, id_or_prefix)
    loaded = next(_iter_loaded(session, [inc_id]))
    obj = loaded.obj
    labels = {link.key: f"C{i}" for i, link in enumerate(loaded.claims, 1)}
    by_label = {f"C{i}": link for i, link in enumerate(loaded.claims, 1)}

    def label(ref: Any) -> str:
        key = _ref_key(ref)
        if key is None:
            return "?"
        return labels.get(key) or f"{key[0][:8]}#{key[1]}"

    claims = []
    for i, link in enumerate(loaded.claims, 1):
        c = link.data
        claims.append({
            "label": f"C{i}", "document": {"id": link.document_id, "ref": link.ref, "title": link.title,
                                           "outlet": link.outlet, "published": _iso(link.published),
                                           "url": link.url, "language": link.language,
                                           "also_as": [r for r in link.refs if r != link.ref]},
            "ordinal": link.ordinal, "claim": c, "count": _count_text(c), "link_reason": link.reason,
        })
    perpetrators = [{"id": p.get("id"), "name": p.get("name"), "attribution": p.get("attribution"),
                     "claims": [label(r) for r in p.get("claims") or []]} for p in obj.get("perpetrators") or []]
    contradictions = [{"field": c.get("field"), "values": list(c.get("values") or []),
                       "sides": [[label(r) for r in side] for side in c.get("claims") or []]}
                      for c in obj.get("contradictions") or []]
    responses = []
    for r in obj.get("responses") or []:
        ref = label(r.get("claim")) if r.get("claim") is not None else None
        link = by_label.get(ref or "")
        document = r.get("document") if isinstance(r.get("document"), dict) else {}
        responses.append({"actor": r.get("actor"), "response": r.get("response"), "claim": ref,
                          "document": document.get("ref") or (link.ref if link else None),
                          "quote": r.get("quote") or ((link.data.get("evidence") or {}).get("quote")
                                                      if link else None)})
    estimates = []
    for outcome in OUTCOMES:
        figures = obj.get(outcome) or {}
        for category in list(CATEGORIES) + sorted(k for k in figures if k not in CATEGORIES):
            est = figures.get(category) or {}
            reported = []
            for i, link in enumerate(loaded.claims, 1):
                c = link.data
                victims = c.get("victims") or []
                relevant = category in victims or (category == "civilians" and "people" in victims)
                if c.get("kind") == outcome and relevant and c.get("count"):
                    reported.append({"claim": f"C{i}", "count": _count_text(c), "modality": c.get("modality"),
                                     "claimant": (c.get("claimant") or {}).get("name")})
            if est or reported:
                estimates.append({"outcome": outcome, "category": category, "low": est.get("low"),
                                  "best": est.get("best"), "high": est.get("high"), "reported": reported})
    other = {k: v for k, v in obj.items() if k not in TOP_KEYS}
    return {"incident": _record(loaded), "claims": claims, "perpetrators": perpetrators,
            "contradictions": contradictions, "responses": responses, "estimates": estimates,
            "flags": incident_flags(obj), "other": _canonical(other)}


def _t(value: Any, style: str = "") -> Any:
    from rich.text import Text

    return Text("—" if value is None or value == "" else str(value), style=style)


def _place_text(place: dict[str, Any]) -> str:
    parts = [p for p in (place.get("name"), place.get("name_ar")) if p]
    where = " / ".join(dict.fromkeys(parts))
    if place.get("admin1") and place.get("admin1") != place.get("name"):
        where += (", " if where else "") + str(place["admin1"])
    if place.get("country"):
        where += (", " if where else "") + str(place["country"])
    return where


def _period_text(period: dict[str, Any] | None) -> str:
    period = period or {}
    start, end = period.get("start"), period.get("end")
    if not start and not end:
        return ""
    text = str(start or "?")
    if end and end != start:
        text += f" – {end}"
    return text


def render_incident(console: Any, data: dict[str, Any]) -> None:
    """Print a :func:`show_incident` structure with Rich: header, claims, contradictions, estimates, grade."""
    from rich.table import Table
    from rich.text import Text

    obj = data["incident"]
    period, place = obj.get("period") or {}, obj.get("place") or {}
    console.rule(Text(f"Incident {obj['id']}", style="bold"))
    head = Table.grid(padding=(0, 2))
    head.add_column(style="dim", justify="right")
    head.add_column()
    when = _period_text(period) or "no date"
    if period.get("precision"):
        when += f"  (precision: {period['precision']})"
    where = _place_text(place) or "no place"
    if place.get("lat") is not None and place.get("lon") is not None:
        where += f"  [{place['lat']}, {place['lon']}]"
    if place.get("precision"):
        where += f"  (precision: {place['precision']})"
    perps = "; ".join(f"{p['name'] or p['id']} ({p['id']}" + (f", {p['attribution']}" if p.get("attribution") else "")
                      + ")" + (f" ← {', '.join(p['claims'])}" if p["claims"] else "")
                      for p in data["perpetrators"]) or "unknown"
    if len(data["perpetrators"]) > 1:
        perps += "  [competing attributions]"
    indep = obj.get("independent_sources")
    sources = f"{obj.get('sources', '—')}" + (f" ({indep} independent)" if indep is not None else "")
    for key, value in (("when", when), ("where", where), ("perpetrator", perps), ("cause", obj.get("cause") or "—"),
                       ("sources", sources), ("claims", str(len(data["claims"]))),
                       ("grade", obj.get("grade") or "—")):
        head.add_row(key, _t(value, "bold" if key == "grade" else ""))
    console.print(head)

    claims = Table(title="Claims", show_lines=True, title_justify="left")
    for col, kw in (("#", {"no_wrap": True}), ("source", {"max_width": 28}), ("claimant", {"max_width": 22}),
                    ("modality", {}), ("says", {"max_width": 30}), ("when", {"max_width": 24}),
                    ("where", {"max_width": 22}), ("by", {"max_width": 20}), ("quote", {"min_width": 30}),
                    ("linked because", {"max_width": 30, "style": "dim"})):
        claims.add_column(col, overflow="fold", **kw)
    for c in data["claims"]:
        claim, doc = c["claim"], c["document"]
        source = "\n".join(str(x) for x in (doc.get("outlet") or doc.get("ref"), doc.get("published"),
                                            f"{doc['id'][:8]}#{c['ordinal']}") if x)
        if doc.get("also_as"):
            source += f"\nalso as: {', '.join(doc['also_as'])}"
        claimant = claim.get("claimant") or {}
        who = " ".join(str(x) for x in (claimant.get("name") or "the outlet",
                                        f"({claimant['type']})" if claimant.get("type") else None) if x)
        says = f"{claim.get('kind', '?')}: {', '.join(claim.get('victims') or []) or '?'} — {c['count']}"
        if claim.get("scope") and claim["scope"] != "incident":
            says += f" [{claim['scope']}]"
        if claim.get("cause"):
            says += f"; {claim['cause']}"
        period_text = _period_text(claim.get("period"))
        if (claim.get("period") or {}).get("text"):
            period_text += f"\n“{claim['period']['text']}”"
        perp = claim.get("perpetrator") or {}
        claims.add_row(_t(c["label"], "bold"), _t(source), _t(who), _t(claim.get("modality")), _t(says),
                       _t(period_text), _t(_place_text(claim.get("place") or {})),
                       _t(perp.get("name") or perp.get("id")), _t((claim.get("evidence") or {}).get("quote")),
                       _t(c["link_reason"]))
    console.print(claims)

    if data["contradictions"]:
        table = Table(title="Contradictions", title_justify="left", show_lines=True)
        table.add_column("field", style="bold red")
        sides = max(len(c["values"]) for c in data["contradictions"])
        for i in range(max(sides, 2)):
            table.add_column(f"side {i + 1}", overflow="fold")
        for c in data["contradictions"]:
            cells = []
            for i in range(max(sides, 2)):
                value = c["values"][i] if i < len(c["values"]) else None
                refs = c["sides"][i] if i < len(c["sides"]) else []
                cells.append(_t(f"{value if value is not None else '—'}" + (f"  ({', '.join(refs)})" if refs else "")))
            table.add_row(_t(c["field"]), *cells)
        console.print(table)
    else:
        console.print(Text("No contradictions between the claims.", style="dim"))

    table = Table(title="Estimates (low / best / high)", title_justify="left")
    for col, kw in (("outcome", {}), ("category", {}), ("low", {"justify": "right"}), ("best", {"justify": "right"}),
                    ("high", {"justify": "right"}), ("figures reported", {"overflow": "fold"})):
        table.add_column(col, **kw)
    for e in data["estimates"]:
        reported = "; ".join(" · ".join(str(x) for x in (f"{r['claim']}: {r['count']}", r["modality"], r["claimant"])
                                        if x) for r in e["reported"])
        table.add_row(_t(e["outcome"]), _t(e["category"]), _t(e["low"]), _t(e["best"], "bold"), _t(e["high"]),
                      _t(reported or "no claim gives a number"))
    if data["estimates"]:
        console.print(table)
    else:
        console.print(Text("No estimate: no claim gives a number.", style="dim"))

    grade = Text("Grade: ", style="bold")
    grade.append(str(obj.get("grade") or "none"), style="bold magenta")
    if obj.get("grade_reason"):
        grade.append(f" — {obj['grade_reason']}")
    console.print(grade)
    if data["responses"]:
        table = Table(title="Belligerent responses", title_justify="left")
        for col in ("actor", "response", "claim", "source", "quote"):
            table.add_column(col, overflow="fold")
        for r in data["responses"]:
            table.add_row(_t(r["actor"]), _t(r["response"], "bold"), _t(r["claim"]), _t(r.get("document")),
                          _t(r["quote"]))
        console.print(table)
    else:
        console.print(Text("No belligerent response recorded.", style="dim"))
    if data["flags"]:
        console.print(Text("Flags: " + ", ".join(data["flags"]), style="yellow"))
    for key, value in data["other"].items():
        console.print(Text(f"{key}: ", style="dim") + Text(_dumps(value) if not isinstance(value, str) else value))


# ---------------------------------------------------------------------------------------------- statistics


@dataclass
class StatsTable:
    """A statistics table: ``rows`` are lists aligned with ``columns``; ``total`` is the column sums."""

    by: str
    columns: list[str]
    rows: list[list[Any]]
    total: list[Any]
    note: str = ""

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]




def _group_keys(obj: dict[str, Any], by: str) -> str:
    period = obj.get("period") or {}
    start = str(period.get("start") or "")
    if by == "year":
        return start[:4] if len(start) >= 4 else UNKNOWN
    if by == "month":
        return start[:7] if len(start) >= 7 else UNKNOWN
    if by == "perpetrator":
        # an incident with competing attributions is its own group ("a / b"): no incident counted twice
        return " / ".join(sorted(set(_perpetrator_ids(obj)))) or UNKNOWN
    if by == "governorate":
        return str((obj.get("place") or {}).get("admin1") or UNKNOWN)
    raise ValueError(f"unknown grouping {by!r} (one of {', '.join(STATS_BY)})")


def stats(session: Session, by: str = "year", *, include_discounted: bool = False, place: str | None = None,
          actor: str | None = None, date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
          grade: str | Sequence[str] | None = None) -> StatsTable:
    """Incidents and the sum of their best counts, grouped ``by`` year, month, perpetrator, governorate,
    or (``victim``) one row per victim category.

    Sums add each incident's best figure (an incident without one adds nothing but is counted). Undated
    or unplaced incidents fall in the group "unknown". An incident with competing attributions forms a
    group of its own ("intl_coalition / russia"), so the groups add up to the total. Incidents graded
    "discounted" are left out unless ``include_discounted``. The filters are those of
    :func:`list_incidents`.
    """
    if by not in STATS_BY:
        raise ValueError(f"unknown grouping {by!r} (one of {', '.join(STATS_BY)})")
    objs = [item.obj for item in _select(session, place, actor, date_from, date_to, grade)
            if (include_discounted or str(item.obj.get("grade") or "").lower() != "discounted")
            and not _superseded(item.obj)]
    note = f"{len(objs)} incidents; sums of best estimates (low where a report gives no more)"
    if not include_discounted:
        note += "; discounted incidents left out"
    if by == "victim":
        columns = ["victims", "incidents with a figure", "killed", "injured"]
        rows = []
        for cat in CATEGORIES:
            killed = [_best(o, "killed", cat) for o in objs]
            injured = [_best(o, "injured", cat) for o in objs]
            with_figure = sum(1 for k, i in zip(killed, injured, strict=True) if k is not None or i is not None)
            rows.append([cat, with_figure, sum(k or 0 for k in killed), sum(i or 0 for i in injured)])
        return StatsTable(by, columns, rows, ["all incidents", len(objs), None, None],
                          note + "; children and women are also counted among civilians when reports say so")
    columns = [by, "incidents", *(f"{c} killed" for c in CATEGORIES), "injured"]
    groups: dict[str, list[int]] = {}
    for o in objs:
        acc = groups.setdefault(_group_keys(o, by), [0] * (len(CATEGORIES) + 2))
        acc[0] += 1
        for i, cat in enumerate(CATEGORIES, 1):
            acc[i] += _best(o, "killed", cat) or 0
        acc[-1] += _best(o, "injured", _injured_category(o)) or 0
    if by in ("year", "month"):
        order = sorted(groups, key=lambda k: (k == UNKNOWN, k))
    else:
        order = sorted(groups, key=lambda k: (k == UNKNOWN, -groups[k][1], -groups[k][0], k))
    rows = [[key, *groups[key]] for key in order]
    total = ["total", *(sum(col) for col in zip(*(groups[k] for k in order), strict=True))] if rows \
        else ["total", *([0] * (len(columns) - 1))]
    return StatsTable(by, columns, rows, total, note)


def _num(value: Any) -> str:
    return "" if value is None else f"{value:,}" if isinstance(value, int) else str(value)


def render_stats(console: Any, table: StatsTable, title: str | None = None) -> None:
    """Print a :class:`StatsTable` with Rich."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out = Table(title=title or f"Incidents by {table.by}", caption=table.note, show_footer=True,
                box=box.SIMPLE_HEAD, pad_edge=False)
    for i, col in enumerate(table.columns):
        footer = table.total[i] if i < len(table.total) else None
        out.add_column(col if i == 0 else col.replace(" ", "\n"), justify="left" if i == 0 else "right",
                       footer=Text(_num(footer)), overflow="fold", min_width=6 if i == 0 else None)
    for row in table.rows:
        out.add_row(*(Text(_num(v)) for v in row))
    console.print(out)


# ---------------------------------------------------------------------------------------------- aggregates


def _statistic_record(st: Any, ref: str | None) -> dict[str, Any]:
    """One stored statistic (an NGO / monitor total) in the shape :func:`aggregates_vs_incidents` returns."""
    victims = list(st.victims or [])
    category = next((c for c in CATEGORIES if c in victims), "civilians" if "people" in victims else None)
    data = st.data if isinstance(st.data, dict) else {}
    quote = data.get("quote")
    return {
        "id": st.id, "part_of": st.part_of, "claimant": st.claimant_name, "claimant_type": st.claimant_type,
        "modality": st.modality, "actor": st.perpetrator_id, "kind": st.kind, "victims": victims,
        "category": category,
        "period": {"start": _iso(st.period_start), "end": _iso(st.period_end or st.period_start)},
        "place": st.place_name,
        # the region the total covers: its governorate when it is for one (or for a district of one), else
        # its country (a finer place attached to a total is context, e.g. a village on the front line)
        "admin1": st.admin1 if st.where_precision in ("governorate", "district") else None,
        "country": st.country,
        "reported": {"low": st.count_low, "high": st.count_high, "vague": bool(st.count_vague)},
        "document": {"id": st.document_id, "ref": ref}, "quote": quote,
    }


def _aggregate_rows(session: Session) -> list[dict[str, Any]]:
    st, d = schema.Statistic, schema.Document
    rows = session.execute(select(st, d.ref).join(d, d.id == st.document_id)).all()
    return [_statistic_record(row, ref) for row, ref in rows]


def aggregates_vs_incidents(session: Session, include_discounted: bool = False) -> list[dict[str, Any]]:
    """Each stored statistic (an NGO's total for a period and region, table ``statistics``) beside the
    incidents of the same actor, outcome and victim category whose period starts within the statistic's
    period, in its governorate when the statistic is for a governorate or district, else in its country.

    ``incidents`` / ``incidents_best`` count and sum the incidents attributed to the actor alone;
    ``contested`` / ``contested_best`` those where the actor is one of competing attributions.
    ``coverage`` is incidents_best / the statistic's figure (its low, else its high): how much of the total
    the incident record accounts for. ``comparable`` is False (and the sums None) for a statistic without
    actor, period, victim category, or of a kind other than killed / injured. Discounted incidents are
    left out unless ``include_discounted``. Rows are sorted by actor, period, claimant; a breakdown
    (``part_of``: "of whom 924 children") follows its total; the same total reported by several
    documents gives several rows, each with its document.
    """
    aggregates = _aggregate_rows(session)
    objs = [item.obj for item in _select(session)
            if (include_discounted or str(item.obj.get("grade") or "").lower() != "discounted")
            and not _superseded(item.obj)]
    out = []
    for agg in aggregates:
        start, end = agg["period"]["start"], agg["period"]["end"]
        n = total = n_contested = total_contested = 0
        outcome, category = agg["kind"], agg["category"]
        comparable = outcome in OUTCOMES and category is not None and start is not None and agg["actor"]
        if comparable:
            for o in objs:
                day = (o.get("period") or {}).get("start")
                if not day or not (start <= str(day)[:10] <= (end or start)):
                    continue
                place = o.get("place") or {}
                if agg["admin1"] and place.get("admin1") != agg["admin1"]:
                    continue
                if not agg["admin1"] and agg["country"] and place.get("country") not in (None, agg["country"]):
                    continue
                perps = set(_perpetrator_ids(o))
                if agg["actor"] not in perps:
                    continue
                best = _best(o, outcome, category) or 0
                if len(perps) == 1:
                    n, total = n + 1, total + best
                else:
                    n_contested, total_contested = n_contested + 1, total_contested + best
        reported = agg["reported"]["low"] if agg["reported"]["low"] is not None else agg["reported"]["high"]
        out.append({
            **agg, "comparable": bool(comparable),
            "incidents": n if comparable else None, "incidents_best": total if comparable else None,
            "contested": n_contested if comparable else None,
            "contested_best": total_contested if comparable else None,
            "coverage": round(total / reported, 3) if comparable and reported else None,
        })
    def key(r: dict[str, Any]) -> tuple[str, ...]:
        return (str(r["actor"] or "~"), str(r["period"]["start"] or "~"), str(r["period"]["end"] or ""),
                str(r["claimant"] or "~"), str(r["kind"] or ""), str(r["category"] or ""),
                str(r["document"]["ref"] or ""), str(r["id"] or ""))

    # a breakdown ("of whom 924 children") follows the total it breaks down
    ids = {r["id"] for r in out}
    children: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in out:
        if r["part_of"] in ids and r["part_of"] != r["id"]:
            children[r["part_of"]].append(r)
    ordered: list[dict[str, Any]] = []
    for r in sorted((r for r in out if not (r["part_of"] in ids and r["part_of"] != r["id"])), key=key):
        ordered.append(r)
        ordered.extend(sorted(children.get(r["id"], []), key=key))
    return ordered


def render_aggregates(console: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Print :func:`aggregates_vs_incidents` as a Rich table."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Reported totals beside the incident record", title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False, show_lines=True,
                  caption="incidents: the actor alone; contested: the actor among competing attributions "
                          "(their sum in brackets); coverage: incidents' sum / reported total")
    table.add_column("statistic", overflow="fold", min_width=24, ratio=1)
    for col in ("reported", "incidents", "sum of\nbest", "contested", "coverage"):
        table.add_column(col, justify="right", no_wrap=True)
    for r in rows:
        low, high, vague = r["reported"]["low"], r["reported"]["high"], r["reported"].get("vague")
        if low is None and high is None:
            reported = "—"
        elif low is not None and high is None:
            reported = f"≥{low:,}"
        elif low is None:
            reported = f"≤{high:,}"
        else:
            reported = f"{low:,}" if low == high else f"{low:,}–{high:,}"
        if vague:
            reported += " (vague)"
        cell = Text(("↳ of which: " if r.get("part_of") else "") + f"{r['kind'] or '?'} {r['category'] or '?'}",
                    style="bold")
        cell.append(f" by {r['actor'] or '?'}, {_period_text(r['period']) or 'no period'}, "
                    f"{r['admin1'] or r['country'] or 'no region'}")
        cell.append(f"\nsays {r['claimant'] or 'the outlet'} in {r['document']['ref'] or r['document']['id']}",
                    style="dim")
        table.add_row(cell, Text(reported),
                      Text("—" if r["incidents"] is None else str(r["incidents"])),
                      Text("—" if r["incidents_best"] is None else f"{r['incidents_best']:,}"),
                      Text("—" if r["contested"] is None else f"{r['contested']} ({r['contested_best']:,})"),
                      Text("—" if r["coverage"] is None else f"{r['coverage']:.0%}"))
    console.print(table)
