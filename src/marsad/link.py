"""Link: group the incident claims of every stored report into incidents, estimate, grade, and keep the
totals apart as statistics.

How claims become incidents
---------------------------
1. **Within one report** the claims about one place become one *event*: claims at the same place (or
   places under 4 km apart: a camp and its village) whose dates, perpetrators, causes and kinds agree;
   a claim at a wider place (a governorate, a district, the country) or at none joins the nearest
   event of the same report that lies inside it. A claim at a governorate that contains two or more
   events of the report is a round-up total: it is linked to the nearest one but not counted in its
   figures. Parts of a total ("of whom three children") go with their total.
2. **Across reports** events are taken in date order (those at a named place first, then those located
   only by district, governorate or country, or not at all) and each joins the most compatible incident
   found so far, or founds a new one. Compatible means: the same place or one inside the other (a village
   inside its governorate; an unresolved village compares by name and governorate; two villages of one
   governorate only when date, perpetrator and a toll of 3 or more agree; a place the gazetteer lacks
   beside a located place of its governorate on the same date, when it is the only one that fits); dates
   that overlap within a
   tolerance set by their precision (an undated claim takes its report's publication date as an
   approximate date: that day or up to two days before; a day apart is tolerated when place,
   perpetrator and toll agree); the same perpetrator or an unknown one on one side (co-belligerents and
   differing attributions only at the same place and date, where they are kept as competing
   attributions); compatible cause and kind. A report with no date, or with no place and no
   perpetrator, joins an incident only when one fits clearly better than any other; a report dated by day
   and month only (a social post of the current year) is tried in the year of each incident of that day;
   a report with no publication date at all, whose own date nothing confirms, may join the one incident
   at the same place by the same perpetrator despite another date (the contradiction is shown).
   Candidates come from
   blocking on (day, governorate), and on the place name for undated reports, never from comparing
   everything with everything. An incident takes at most one event per report, so a round-up report of
   several villages contributes a claim to each of their incidents. Last, incidents built apart that hold
   reports of one named place on one day (and share no report) are joined.
3. Every link records why it was made (``incident_claims.reason``), e.g. "same place Baghuz (exact);
   dates 2019-03-19..2019-03-21 and 2019-03-20 overlap; perpetrator intl_coalition on both".
4. Incident ids are the first 16 hex digits of the sha256 of the founding claim's key (document id and
   ordinal); re-linking keeps the id of the stored incident that shares most claims with a new one, so
   a report that joins an incident later does not change its id, and re-running changes nothing (rows
   are only written when their content changes).
5. Analysts' hooks (``reviews``): an incident whose latest review is "discount" is graded discounted with
   the review's comment as the reason; a claim whose latest review is "reject" is not linked.

The rules' numbers (tolerances, co-belligerent groups, cause families, which claimants speak for a
belligerent...) are data: ``marsad/data/link.toml``.

The contract with :mod:`marsad.publish`
---------------------------------------
Each ``incidents`` row has its indexed columns filled (period_start, period_end, date_precision,
place_name, admin1, country, lat, lon, where_precision, cause, grade, grade_reason), and ``data`` holds the
SPEC export object except ``id`` and ``claims`` (publish adds those, the claims from ``incident_claims``
joined to ``claims`` and ``documents``)::

    {"period": {"start": "YYYY-MM-DD"|null, "end": ..., "precision": "day"|"days"|"approximate"|...|null},
     "place": {"name", "admin1", "country", "lat", "lon", "precision"} or {} when none,
     "perpetrators": [{"id", "name", "claims": [ref...], "attribution": "stated"|"inferred"|"unknown"}],
     "cause": "airstrike"|...|null,
     "killed":  {"civilians": {"low", "best", "high"}, "children": ..., "women": ..., "men": ..., "combatants": ...},
     "injured": {...same categories...},          (a category appears only when some claim gives a figure)
     "grade": "confirmed"|"fair"|"weak"|"contested"|"discounted", "grade_reason": "...",
     "responses": [{"actor", "response": "denied"|"no comment"|"acknowledged", "claim": ref|null,
                    "document": {"id", "ref"}, "quote": "..."}],
     "contradictions": [{"field": "date"|"perpetrator"|"civilian status"|"killed.civilians"|...,
                         "values": [...one per side...], "claims": [[ref...], [ref...], ...]}],
     "sources": N, "independent_sources": M, "flags": ["no place", "no date", ...],
     "estimate_notes": "...how each figure was reached..."}

A claim ref is ``{"document": {"id", "ref"}, "ordinal": n}``. A perpetrator is "stated" when the claim's own
sentence names it, "inferred" when the extractor took it from the context; with none known the list holds
``{"id": "unknown", ...}`` with every claim. Flags: "no place", "no date", "approximate date" (from
publication dates only), "unresolved place", "no place below country", "no figures", "round-up total not
counted", and "superseded" (an incident that no longer exists but that an analyst's review points at:
kept, with no claims). ``killed.civilians`` counts "people" too
(the Airwars convention); vague counts ("hundreds") give a low figure only; denied claims and round-up
totals count toward no figure. ``sources`` counts every ref a report came in under (documents plus the
extra refs of ``document_refs``); ``independent_sources`` counts once the copies of one text
(the same sha, or syndicated copies sharing most of their word 4-grams), the reports of one outlet, and
reports that only relay the same named claimant.

Aggregates (claims of scope ``aggregate``) are written to the ``statistics`` table, one row per claim;
:func:`compare_statistics` sets each beside the sum of the incidents of the same perpetrator, period and
region.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import re
import statistics as pystats
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from marsad import resources, schema
from marsad.arabic import normalize, strip_article
from marsad.gazetteer import km

__all__ = ["LinkReport", "Rules", "rules", "link_all", "link_claims", "Item", "item_from_claim",
           "build_incident", "compare_statistics", "incident_id", "statistic_id"]

LEVEL = {"exact": 0, "unresolved": 0, "near": 1, "district": 1, "governorate": 2, "country": 3}
NO_DAY = 10**9
WEAK_MARGIN = 1.0   # how much better than the next an incident must fit a report with no date or no place
ACTOR = "marsad link"

# score of each relation when choosing among compatible incidents
_PLACE_SCORE = {"same": 4.0, "inside": 2.5, "area": 1.5, "region": 0.6, "unknown": 0.3}
_TIME_SCORE = {"exact": 4.0, "approx": 2.5, "unknown": 0.0}
_PERP_SCORE = {"same": 2.0, "allied": 0.6, "unknown": 0.5, "soft": 0.2, "conflict": 0.0}


# --------------------------------------------------------------------------------------------- rules

@dataclass(frozen=True)
class Rules:
    """The linking rules read from ``data/link.toml`` (see its comment block)."""

    approx_before: int
    undated_same: int
    stale_days: int
    max_span: int
    toll_slack: int
    tolerance: dict[str, int]
    same_km: float
    district_km: float
    count_rel: float
    count_abs: int
    allied: dict[str, frozenset[str]]
    belligerent_sources: dict[str, str]    # claimant name (English or Arabic) -> actor id
    cause_family: dict[str, str]
    cause_order: tuple[str, ...]
    kind_group: dict[str, str]
    figure_kinds: tuple[str, ...]
    categories: tuple[str, ...]
    count_as: dict[str, str]
    civilian: frozenset[str]
    combatant: frozenset[str]
    syndication: float

    def tol(self, precision: str | None) -> int:
        return self.tolerance.get(precision or "day", 0)

    def allies(self, a: str, b: str) -> bool:
        return b in self.allied.get(a, ())


@cache
def rules() -> Rules:
    """The linking rules (cached; ``MARSAD_DATA`` files of the same name are merged in)."""
    from marsad import actors

    d = resources.load("link.toml")
    allied: dict[str, set[str]] = defaultdict(set)
    for group in d["actors"]["allied"]:
        for a in group:
            allied[a] |= set(group) - {a}
    keys = d.get("belligerent_sources", {})
    names: dict[str, str] = {}
    for s in actors.all_sources():
        if s.key in keys:
            names[s.name] = keys[s.key]
            if s.name_ar:
                names[s.name_ar] = keys[s.key]
    t, p, c = d["time"], d["place"], d["counts"]
    return Rules(
        approx_before=int(t["approx_days_before"]), undated_same=int(t["undated_same_days"]),
        stale_days=int(t["stale_days"]), max_span=int(t["max_span_days"]),
        toll_slack=int(t.get("same_toll_slack_days", 0)),
        tolerance={k: int(v) for k, v in t["tolerance"].items()},
        same_km=float(p["same_km"]), district_km=float(p["district_km"]),
        count_rel=float(c["relative"]), count_abs=int(c["absolute"]),
        allied={k: frozenset(v) for k, v in allied.items()}, belligerent_sources=names,
        cause_family=dict(d["causes"]["families"]), cause_order=tuple(d["causes"]["order"]),
        kind_group=dict(d["kinds"]["groups"]), figure_kinds=tuple(d["kinds"]["figures"]),
        categories=tuple(d["victims"]["categories"]), count_as=dict(d["victims"]["count_as"]),
        civilian=frozenset(d["victims"]["civilian"]), combatant=frozenset(d["victims"]["combatant"]),
        syndication=float(d["sources"]["syndication_overlap"]),
    )


# --------------------------------------------------------------------------------------------- claims

_TOKEN = re.compile(r"[^\W_]+")
_LATIN_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "the"})


@cache
def _name_key(name: str) -> str:
    tokens = [strip_article(t) for t in _TOKEN.findall(normalize(name))]
    return " ".join(t for t in tokens if t and t not in _LATIN_ARTICLES)


@dataclass(frozen=True, slots=True)
class Where:
    """A claim's place as linking compares it."""

    name: str | None
    keys: frozenset[str]
    admin1: str | None      # normalised
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    level: int

    @classmethod
    def of(cls, place: dict[str, Any] | None) -> Where | None:
        if not place:
            return None
        precision = place.get("precision") or ("exact" if place.get("lat") is not None else "unresolved")
        names = [n for n in (place.get("name"), place.get("name_ar")) if n]
        if not names and precision in ("exact", "unresolved", "district"):
            if not place.get("admin1"):
                return None
            precision = "governorate"
        admin1 = _name_key(place["admin1"]) if place.get("admin1") else None
        keys = frozenset(_name_key(n) for n in names) - {""}
        return cls(names[0] if names else place.get("admin1"), keys, admin1, place.get("country"), place.get("lat"),
                   place.get("lon"), precision, LEVEL.get(precision, 0))

    def label(self) -> str:
        return f"{self.name} ({self.precision})"


def _km(a: Where, b: Where) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return km(a, b)


def _same_admin(a: Where, b: Where) -> bool:
    return a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1


def place_relation(a: Where | None, b: Where | None) -> tuple[str, str] | None:
    """How two places relate: ("same" | "inside" | "region" | "unknown", why), or None if they differ."""
    r = rules()
    if a is None or b is None:
        return "unknown", "no place on one side"
    if a.country and b.country and a.country != b.country:
        return None
    if a.level == 3 or b.level == 3:
        return "region", f"{(a if a.level == 3 else b).name} (country) on one side"
    if a.level > b.level:
        a, b = b, a
    if a.level == b.level == 2:
        return ("same", f"same governorate {a.name}") if a.admin1 == b.admin1 else None
    if a.level == b.level:
        if a.keys & b.keys and _same_admin(a, b):
            return "same", f"same place {a.label()}"
        if a.precision == b.precision == "near":
            return None   # two villages located by the same town are not one place
        d = _km(a, b)
        if d is not None and d <= r.same_km:
            return "same", f"{a.label()} and {b.label()} {d:.1f} km apart"
        return None
    if b.level == 2:
        if a.admin1 == b.admin1:
            return "inside", f"{a.label()} inside {b.name} governorate"
        return None
    # b is a district-level place, a a located or named place
    if not _same_admin(a, b):
        return None
    if a.keys & b.keys:
        return "same", f"same place {a.name} ({a.precision} and {b.precision})"
    d = _km(a, b)
    if d is not None and d <= r.district_km:
        return "inside", f"{a.label()} {d:.0f} km from {b.label()}"
    return None


@dataclass(slots=True, eq=False)
class Item:
    """One stored claim as linking sees it."""

    doc: str
    ordinal: int
    ref: str
    published: int | None      # publication day (proleptic ordinal)
    data: dict[str, Any]
    row_id: int | None = None
    outlet: str | None = None
    scope: str = "incident"
    kind: str = "killed"
    group: str = "harm"
    parent: int | None = None
    where: Where | None = None
    span: tuple[int, int] | None = None
    precision: str | None = None
    coarse: bool = False       # has a period too long to say which event it is
    perp: str | None = None
    stated: bool = False       # the perpetrator is named in the claim's own sentence
    family: str | None = None
    role: str = ""             # "total" for a round-up total (not counted)
    partial: tuple[int, int] | None = None   # (month, day) of publication when its year is unknown

    @property
    def key(self) -> tuple[str, int]:
        return self.doc, self.ordinal

    def ref_json(self) -> dict[str, Any]:
        return {"document": {"id": self.doc, "ref": self.ref}, "ordinal": self.ordinal}


def _day(value: Any) -> int | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value.toordinal()
    try:
        return dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _iso(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day is not None else None


_PARTIAL = re.compile(r"--(\d\d)-(\d\d)")


def _month_day(day: int) -> tuple[int, int]:
    d = dt.date.fromordinal(day)
    return d.month, d.day


def _fmt(lo: int, hi: int) -> str:
    return _iso(lo) if lo == hi else f"{_iso(lo)}..{_iso(hi)}"  # type: ignore[return-value]


def item_from_claim(doc: str, ordinal: int, claim: dict[str, Any], *, ref: str | None = None,
                    published: dt.date | str | None = None, row_id: int | None = None,
                    outlet: str | None = None, published_partial: str | None = None) -> Item:
    """An :class:`Item` from a claim as extracted (SPEC claim object)."""
    r = rules()
    item = Item(doc=doc, ordinal=ordinal, ref=ref if ref is not None else doc, published=_day(published),
                data=claim, row_id=row_id, outlet=outlet)
    m = _PARTIAL.fullmatch(published_partial or "")
    if m and item.published is None:
        item.partial = (int(m[1]), int(m[2]))
    item.scope = claim.get("scope") or "incident"
    item.kind = claim.get("kind") or "other"
    item.group = r.kind_group.get(item.kind, item.kind)
    item.parent = claim.get("part_of")
    item.where = Where.of(claim.get("place"))
    period = claim.get("period") or {}
    lo, hi = _day(period.get("start")), _day(period.get("end"))
    if lo is not None or hi is not None:
        lo, hi = (lo if lo is not None else hi), (hi if hi is not None else lo)
        assert lo is not None and hi is not None
        if hi < lo:
            lo, hi = hi, lo
        if hi - lo + 1 > r.max_span:
            item.coarse = True
        else:
            item.span, item.precision = (lo, hi), period.get("precision") or ("day" if lo == hi else "days")
    perp = claim.get("perpetrator") or {}
    pid = perp.get("id")
    if pid and pid != "unknown":
        item.perp = pid
        text = perp.get("text")
        quote = (claim.get("evidence") or {}).get("quote") or ""
        item.stated = bool(text) and text in quote
    cause = claim.get("cause")
    item.family = r.cause_family.get(cause) if cause else None
    return item


# --------------------------------------------------------------------------------------------- events

@dataclass(eq=False, kw_only=True)
class Evidence:
    """What an event or an incident says of where, when, by whom, how and how many, as matching compares it:
    the most precise place, dated spans, approximate dates (from publication), perpetrators named in the
    claims' own sentences or only in their context, cause families, exact figures, kind group."""

    where: Where | None = None
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    approx: list[tuple[int, int]] = field(default_factory=list)
    stated: set[str] = field(default_factory=set)
    inferred: set[str] = field(default_factory=set)
    families: set[str] = field(default_factory=set)
    figures: set[tuple[str, int]] = field(default_factory=set)
    group: str = "harm"

    def _take_place(self, where: Where | None) -> None:
        if where is not None and (self.where is None or where.level < self.where.level):
            self.where = where

    def may_join(self, other: Evidence) -> bool:
        """Of one kind group, and of a common cause family when both name one: the first test of a match."""
        return self.group == other.group and not (self.families and other.families
                                                  and not self.families & other.families)


@dataclass(eq=False)
class Event(Evidence):
    """The claims of one report about one place (and date, perpetrator, cause, kind)."""

    doc: str
    items: list[Item]                       # heads and their parts
    heads: list[Item]
    reasons: dict[tuple[str, int], str] = field(default_factory=dict)
    partial: tuple[int, int] | None = None  # (month, day) of publication, year unknown, when undated
    unchecked: bool = False   # its report has no publication date: nothing confirms the date it gives

    def add(self, item: Item, reason: str) -> None:
        self.heads.append(item)
        self.items.append(item)
        self.reasons[item.key] = reason
        self._take_place(item.where)
        if item.span is not None:
            self.spans.append((*item.span, item.precision or "day"))
        if item.perp:
            (self.stated if item.stated else self.inferred).add(item.perp)
        if item.family:
            self.families.add(item.family)

    @property
    def first(self) -> int:
        return min(i.ordinal for i in self.heads)

    def finish(self, published: int | None) -> None:
        r = rules()
        for i in self.items:
            count = i.data.get("count") or {}
            if i.role != "total" and i.data.get("modality") != "denied" and not count.get("vague") \
                    and count.get("low") is not None and (count.get("high") in (None, count["low"])):
                self.figures.add((i.kind, int(count["low"])))
        undated = any(i.span is None for i in self.heads)
        stale = all(hi < published - r.stale_days for _, hi, _ in self.spans) if published is not None else False
        if published is not None and (not self.spans or (undated and stale)):
            self.approx = [(published - r.approx_before, published)]
        if not self.spans and not self.approx:
            self.partial = self.heads[0].partial
        self.unchecked = published is None and self.heads[0].partial is None

    def anchor(self) -> int:
        if self.spans:
            return min(lo for lo, _, _ in self.spans)
        if self.approx:
            return self.approx[0][1]
        return NO_DAY


def _within_compatible(item: Item, event: Event) -> bool:
    r = rules()
    if item.group != event.group:
        return False
    if item.family and event.families and item.family not in event.families:
        return False
    if item.perp and item.stated and event.stated and item.perp not in event.stated \
            and not any(r.allies(item.perp, p) for p in event.stated):
        return False
    if item.span is not None and event.spans:
        lo, hi = item.span
        tol = r.tol(item.precision)
        if not any(lo <= h + max(tol, r.tol(p)) and l <= hi + max(tol, r.tol(p)) for l, h, p in event.spans):  # noqa: E741
            return False
    return True


def document_events(items: list[Item]) -> list[Event]:
    """The events of one report: its incident claims grouped by place (see the module docstring)."""
    if not items:
        return []
    doc = items[0].doc
    published = items[0].published
    for i in items:
        i.role = ""
    by_ordinal = {i.ordinal: i for i in items}
    heads = [i for i in items if i.parent is None or i.parent not in by_ordinal]
    parts: dict[int, list[Item]] = defaultdict(list)
    for i in items:
        if i not in heads:
            root = i
            while root.parent is not None and root.parent in by_ordinal and root not in heads:
                root = by_ordinal[root.parent]
            parts[root.ordinal].append(i)
    events: list[Event] = []
    owner: dict[int, Event] = {}
    # pass 1: claims at a named place
    for item in heads:
        if item.where is None or item.where.level != 0:
            continue
        best: tuple[int, Event, str] | None = None
        for e in events:
            rel = place_relation(item.where, e.where)
            if rel is None or rel[0] != "same" or not _within_compatible(item, e):
                continue
            distance = min(abs(item.ordinal - h.ordinal) for h in e.heads)
            if best is None or distance < best[0]:
                best = (distance, e, rel[1])
        if best is None:
            e = Event(doc, [], [], group=item.group)
            e.add(item, "")
            events.append(e)
        else:
            e = best[1]
            e.add(item, f"same report as claim {e.heads[0].ordinal}: {best[2]}")
        owner[item.ordinal] = e
    # pass 2: claims at a wider place, or none
    for item in heads:
        if item.ordinal in owner:
            continue
        candidates: list[tuple[int, int, Event, str]] = []
        for e in events:
            if not _within_compatible(item, e):
                continue
            if item.where is None:
                rel: tuple[str, str] | None = ("unknown", "no place of its own")
            elif e.where is None:
                rel = None
            else:
                rel = place_relation(item.where, e.where)
                if rel is not None and rel[0] == "inside" and item.where.level < e.where.level:
                    rel = None  # the event is wider than the claim: the claim founds its own event
            if rel is None:
                continue
            distance = min(abs(item.ordinal - h.ordinal) for h in e.heads)
            candidates.append((0 if rel[0] == "same" else 1, distance, e, rel[1]))
        if not candidates:
            e = Event(doc, [], [], group=item.group)
            e.add(item, "")
            events.append(e)
            owner[item.ordinal] = e
            continue
        candidates.sort(key=lambda c: (c[0], c[1], c[2].first))
        _, _, e, why = candidates[0]
        inside = [c for c in candidates if c[0] == 1 and c[2].where is not None and c[2].where.level == 0]
        if item.where is not None and item.where.level >= 2 and len({id(c[2]) for c in inside}) >= 2 \
                and item.data.get("count"):
            item.role = "total"
            e.add(item, f"round-up total for {item.where.name} covering {len(inside)} places of this report; "
                        f"linked to the nearest (claim {e.heads[0].ordinal}), not counted in its figures")
        else:
            e.add(item, f"same report as claim {e.heads[0].ordinal}: {why}")
        owner[item.ordinal] = e
    for ordinal, ps in parts.items():
        e = owner[ordinal]
        for p in ps:
            p.role = by_ordinal[ordinal].role
            e.items.append(p)
            e.reasons[p.key] = f"part of claim {ordinal}"
    for e in events:
        e.items.sort(key=lambda i: i.ordinal)
        e.finish(published)
    return events


# --------------------------------------------------------------------------------------------- matching

@dataclass(eq=False)
class Cluster(Evidence):
    """An incident being built: its events and what they say together."""

    events: list[Event] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    order: int = 0
    unchecked: bool = True    # every report in it lacks a publication date

    def add(self, event: Event, reason: str) -> None:
        self.unchecked = self.unchecked and event.unchecked
        self.events.append(event)
        self.reasons.append(reason)
        self.docs.add(event.doc)
        self._take_place(event.where)
        self.spans += event.spans
        self.approx += event.approx
        self.stated |= event.stated
        self.inferred |= event.inferred
        self.families |= event.families
        self.figures |= event.figures
        self.group = event.group

    @property
    def timeless(self) -> bool:
        return not self.spans and not self.approx


def time_relation(a_spans: list[tuple[int, int, str]], a_approx: list[tuple[int, int]],
                  b_spans: list[tuple[int, int, str]], b_approx: list[tuple[int, int]]) -> tuple[str, str] | None:
    """("exact" | "approx<days>" | "unknown", why), or None when the dates are incompatible; "approx3":
    a date 3 days before an undated report's publication, or two undated reports (gap 0)."""
    r = rules()
    for l1, h1, p1 in a_spans:
        for l2, h2, p2 in b_spans:
            tol = max(r.tol(p1), r.tol(p2))
            if l1 <= h2 + tol and l2 <= h1 + tol:
                return "exact", f"dates {_fmt(l1, h1)} and {_fmt(l2, h2)} overlap"
    best: tuple[int, str] | None = None   # (days between the date and the publication, why)
    for spans, approx in ((a_spans, b_approx), (b_spans, a_approx)):
        for lo, hi, _ in spans:
            for alo, ahi in approx:
                if lo <= ahi and alo <= hi:
                    gap = max(0, ahi - hi)
                    if best is None or gap < best[0]:
                        best = (gap, f"date {_fmt(lo, hi)} {'on' if gap == 0 else f'{gap} day(s) before'} the "
                                     f"undated report's publication {_iso(ahi)}")
    if best is not None:
        return f"approx{best[0]}", best[1]
    for _alo, ahi in a_approx:
        for _blo, bhi in b_approx:
            if abs(ahi - bhi) <= r.undated_same:
                same = "both" if ahi == bhi else f"{_iso(ahi)} and"
                return "approx", f"undated reports {same} published {_iso(bhi)}"
    if not (a_spans or a_approx) or not (b_spans or b_approx):
        return "unknown", "no date on one side"
    return None


def perpetrator_relation(a_stated: set[str], a_inferred: set[str], b_stated: set[str],
                         b_inferred: set[str]) -> tuple[str, str]:
    """("same" | "allied" | "unknown" | "soft" | "conflict", why)."""
    r = rules()
    both = a_stated & b_stated
    if both:
        return "same", f"perpetrator {min(both)} on both"
    if a_stated and b_stated:
        pairs = sorted((x, y) for x in a_stated for y in b_stated)
        allied = [(x, y) for x, y in pairs if r.allies(x, y)]
        if allied:
            return "allied", f"perpetrators {allied[0][0]} and {allied[0][1]} (co-belligerents)"
        return "conflict", f"perpetrators {pairs[0][0]} against {pairs[0][1]}"
    if not a_stated and not b_stated:
        common = a_inferred & b_inferred
        if common:
            return "same", f"perpetrator {min(common)} (from context) on both"
        if not a_inferred or not b_inferred:
            return "unknown", "perpetrator unknown on one side"
        return "soft", f"context names {min(a_inferred)} on one side, {min(b_inferred)} on the other"
    stated, other = (a_stated, b_inferred) if a_stated else (b_stated, a_inferred)
    if not other:
        return "unknown", f"perpetrator {min(stated)} on one side, unknown on the other"
    common = stated & other
    if common:
        return "same", f"perpetrator {min(common)} on both (from context on one side)"
    if any(r.allies(x, y) for x in stated for y in other):
        return "allied", f"perpetrators {min(stated)} and {min(other)} (co-belligerents, one from context)"
    return "soft", f"perpetrator {min(stated)} on one side, context names {min(other)} on the other"


def _slack_days(a_spans: list[tuple[int, int, str]], b_spans: list[tuple[int, int, str]]) -> tuple[str, str] | None:
    """Dates a little apart (a night strike, "yesterday" counted from a late post) at the same place, by the
    same perpetrator and with the same toll: the same event."""
    slack = rules().toll_slack
    for l1, h1, _ in a_spans:
        for l2, h2, _ in b_spans:
            if l1 <= h2 + slack and l2 <= h1 + slack:
                return "exact", f"dates {_fmt(l1, h1)} and {_fmt(l2, h2)} a day apart, with the same toll"
    return None


def _shared_figure(event: Event, cluster: Cluster) -> tuple[str, int] | None:
    shared = event.figures & cluster.figures
    return max(shared, key=lambda f: (f[1], f[0])) if shared else None


@dataclass(frozen=True)
class Match:
    """How well an event fits an incident."""

    score: float
    reason: str
    weak: bool = False      # only place and time agree, or only one of them is known: join only if unambiguous
    toll: bool = False      # the two share a toll of 3 or more


def match(event: Event, cluster: Cluster) -> Match | None:
    """Whether an event may join an incident, and how well it fits; None when it may not."""
    if event.doc in cluster.docs or not event.may_join(cluster):
        return None
    when = time_relation(event.spans, event.approx, cluster.spans, cluster.approx)
    perp = perpetrator_relation(event.stated, event.inferred, cluster.stated, cluster.inferred)
    figure = _shared_figure(event, cluster)
    toll = figure is not None and figure[1] >= 3
    place = place_relation(event.where, cluster.where)
    if when is None and toll and place is not None and place[0] == "same" and perp[0] == "same":
        when = _slack_days(event.spans, cluster.spans)
    if when is None and (event.unchecked or cluster.unchecked) and place is not None and place[0] == "same" \
            and perp[0] == "same" and event.where is not None and event.where.level == 0:
        # a report with no publication date gives the only date there is for its event: at the same place
        # and by the same perpetrator it may still be this incident, its date a contradiction to show
        when = ("unchecked", "dates differ, but one report has no publication date to confirm its own")
    if when is None:
        return None
    if place is None:
        # two named places of one governorate: the same event only when the date, the perpetrator and
        # a toll agree (reports locate one strike by different villages or by the nearest town)
        a, b = event.where, cluster.where
        if a is None or b is None or a.level != 0 or b.level != 0 or when[0] == "unknown":
            return None
        if a.admin1 is not None and a.admin1 == b.admin1 and toll and perp[0] == "same":
            place = ("area", f"{a.name} and {b.name} both in {a.admin1}, with the same toll")
        # one a place the gazetteer lacks (a neighbourhood, a roundabout, a village), the other a located
        # place of its governorate (two unlocated names are compared by name only); an allied perpetrator
        # is no match for places that are not the same (see below)
        elif {a.precision, b.precision} == {"unresolved", "exact"} and _same_admin(a, b) \
                and perp[0] in ("same", "unknown") \
                and (not event.families or not cluster.families or event.families & cluster.families):
            place = ("area", f"{a.label()} and {b.label()}: a place the gazetteer lacks, on the same date")
        else:
            return None
    p, t, a_ = place[0], when[0], perp[0]
    closeness = 0.0
    if t.startswith("approx"):   # "approx<gap>": an undated report, nearer its publication fits better
        closeness = 0.3 * max(0, rules().approx_before - int(t[6:] or 0))
        t = "approx"
    if a_ == "conflict" and not (p == "same" and t == "exact"):
        return None
    if a_ == "allied" and not (p == "same" and t in ("exact", "approx")):
        return None
    if a_ == "soft" and p not in ("same", "inside"):
        return None
    weak = place[0] == "area" and not toll   # an unlocated place beside a located one: several may fit
    if t == "unchecked":
        t, weak = "unknown", True
    if t == "unknown":
        if p != "same" or a_ not in ("same", "unknown"):
            return None
        weak = True
    if p in ("unknown", "region"):
        if a_ not in ("same", "unknown") or t == "unknown":
            return None
        weak = weak or a_ != "same"
    score = _PLACE_SCORE[p] + _TIME_SCORE[t] + closeness + _PERP_SCORE[a_] + 0.05 * math.log1p(len(cluster.docs))
    reason = f"{place[1]}; {when[1]}; {perp[1]}"
    causes = event.families & cluster.families
    if causes:
        score += 0.5
        reason += f"; {min(causes)} on both"
    if figure is not None:
        score += 1.5 if toll else 0.5
        reason += f"; {figure[1]} {figure[0]} on both"
    return Match(score, reason, weak, toll)


def _days(spans: Iterable[tuple[int, int, str]], approx: Iterable[tuple[int, int]]) -> set[int]:
    r = rules()
    out: set[int] = set()
    for lo, hi, p in spans:
        tol = r.tol(p)
        out.update(range(lo - tol, hi + tol + 1))
    for lo, hi in approx:
        out.update(range(lo, hi + 1))
    return out


def _broad(event: Event) -> bool:
    """Events located no better than a district: they join the incidents of named places, not found them."""
    return event.where is None or event.where.level >= 1


def choose(matches: list[tuple[Match, int]], clusters: list[Cluster]) -> tuple[Match, int, str] | None:
    """The incident an event joins among those it may: the best fit; but an event that fits only weakly
    (no date, or no place and no perpetrator) joins only an incident that fits clearly better than any
    other, a dated one first, else an undated one with the same toll."""
    if not matches:
        return None
    matches = sorted(matches, key=lambda m: (-m[0].score, m[1]))
    strong = [m for m in matches if not m[0].weak]
    if strong:
        return strong[0][0], strong[0][1], ""
    for pool in ([m for m in matches if not clusters[m[1]].timeless],
                 [m for m in matches if clusters[m[1]].timeless and m[0].toll]):
        if not pool:
            continue
        if len(pool) == 1:
            return pool[0][0], pool[0][1], "; the only incident that fits"
        if pool[0][0].score - pool[1][0].score >= WEAK_MARGIN:
            return pool[0][0], pool[0][1], f"; fits best of {len(pool)} incidents"
        return None
    return None


def _partial_matches(event: Event, clusters: list[Cluster],
                     by_month_day: dict[tuple[int, int], list[int]]) -> list[tuple[Match, int]]:
    """Matches for a report dated by day and month only (a post of the current year shows no year): each
    incident with a date that this day and month may be (on it, or up to two days before) is tried with
    the publication taken in that incident's year. The year being a guess, such a match is weak: it joins
    only an incident that fits clearly better than any other."""
    assert event.partial is not None
    back = rules().approx_before
    month, day = event.partial
    wanted = {(month, day)}
    probe = dt.date(2024, month, day) if (month, day) == (2, 29) else dt.date(2023, month, day)
    wanted |= {_month_day(probe.toordinal() - k) for k in range(1, back + 1)}
    found: set[int] = set()
    for md in wanted:
        found.update(by_month_day.get(md, ()))
    out: list[tuple[Match, int]] = []
    for c in sorted(found):
        cluster = clusters[c]
        published = None
        for x in sorted(_days(cluster.spans, cluster.approx)):
            for k in range(back + 1):
                if _month_day(x + k) == (month, day):
                    published = x + k
                    break
            if published is not None:
                break
        if published is None:
            continue
        m = match(replace(event, approx=[(published - back, published)]), cluster)
        if m is not None:
            note = f"; the report is dated {day} {dt.date(2000, month, 1):%B} without its year"
            out.append((Match(m.score, m.reason + note, True, m.toll), c))
    return out


def link_claims(items: list[Item]) -> list[Cluster]:
    """Group incident claims into incidents (pure; no database). ``items`` may be in any order.

    Events at named places are linked first; events located only by district, governorate or country
    (or not at all) then join the best of those incidents, so that a vague report never founds an
    incident that the first village reported after it would then claim for itself.
    """
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        if i.scope == "incident":
            by_doc[i.doc].append(i)
    events: list[Event] = []
    for doc in sorted(by_doc):
        events += document_events(sorted(by_doc[doc], key=lambda i: i.ordinal))
    # undated events last, and before them those of reports with no publication date to confirm their dates:
    # they join what the dated reports have built
    events.sort(key=lambda e: (e.anchor() == NO_DAY, e.unchecked, _broad(e), e.anchor(),
                               e.heads[0].published or NO_DAY, e.doc, e.first))
    clusters: list[Cluster] = []
    # blocking: incidents by day and governorate ("" for those with none), by place name, and the undated
    # ones by governorate; an event is only ever compared with the incidents that share one of its keys
    by_day: dict[int, dict[str, list[int]]] = defaultdict(dict)
    by_place: dict[str, list[int]] = defaultdict(list)
    by_area: dict[str, list[int]] = defaultdict(list)
    by_month_day: dict[tuple[int, int], list[int]] = defaultdict(list)
    for event in events:
        days = _days(event.spans, event.approx)
        area = event.where.admin1 if event.where is not None and event.where.admin1 else ""
        candidates: set[int] = set()
        slack = rules().toll_slack
        probe = days | {d for lo, hi, _ in event.spans for k in range(1, slack + 1) for d in (lo - k, hi + k)}
        for d in probe:
            blocks = by_day.get(d)
            if not blocks:
                continue
            if area:
                candidates.update(blocks.get(area, ()))
                candidates.update(blocks.get("", ()))
            else:
                for block in blocks.values():
                    candidates.update(block)
        keys = event.where.keys if event.where is not None and event.where.level <= 1 else frozenset()
        for k in keys:
            candidates.update(c for c in by_place.get(k, ())
                              if not days or clusters[c].timeless or clusters[c].unchecked or event.unchecked)
        if days and event.where is not None and event.where.admin1:
            candidates.update(by_area.get(event.where.admin1, ()))
        matches: list[tuple[Match, int]] = []
        for c in sorted(candidates):
            m = match(event, clusters[c])
            if m is not None:
                matches.append((m, c))
        if event.partial is not None and not days:
            # its day and month rule out the dated incidents of other days
            matches = [m for m in matches if clusters[m[1]].timeless]
            matches += _partial_matches(event, clusters, by_month_day)
        chosen = choose(matches, clusters)
        if chosen is None:
            cluster = Cluster(order=len(clusters))
            where = event.where.label() if event.where else "no place"
            when = (_fmt(*event.spans[0][:2]) if event.spans else
                    f"about {_iso(event.approx[0][1])} (publication)" if event.approx else "no date")
            who = ", ".join(sorted(event.stated or event.inferred)) or "perpetrator unknown"
            cluster.add(event, f"first report of the incident: {where}; {when}; {who}")
            index = len(clusters)
            clusters.append(cluster)
        else:
            m, index, note = chosen
            cluster = clusters[index]
            cluster.add(event, m.reason + note)
        for d in days:
            block = by_day[d].setdefault(area, [])
            if not block or block[-1] != index:
                block.append(index)
            block = by_month_day[_month_day(d)]
            if not block or block[-1] != index:
                block.append(index)
        for k in keys:
            if index not in by_place[k]:
                by_place[k].append(index)
        if cluster.timeless and event.where is not None and event.where.admin1 \
                and index not in by_area[event.where.admin1]:
            by_area[event.where.admin1].append(index)
    return _merge_found_apart(clusters)


def _merge_found_apart(clusters: list[Cluster]) -> list[Cluster]:
    """Incidents built apart that hold reports of one named place on one day are one incident.

    Reports are linked one at a time, so two incidents can each gather reports of the same place and day
    (one via a nearby town, the other via the place itself) before either can join the other. They are
    merged when they share a named place and a day, no report, and compatible perpetrators and causes.
    """
    by_key: dict[tuple[int, str], list[tuple[int, str | None]]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        for event in cluster.events:
            if event.where is None or event.where.level != 0 or not event.spans and not event.approx:
                continue
            # a city named like its governorate (Idlib, Aleppo) is as often the governorate: not one place
            keys = frozenset() if event.where.admin1 in event.where.keys else event.where.keys
            for d in _days(event.spans, event.approx):
                for k in keys:
                    block = by_key[(d, k)]
                    if (index, event.where.admin1) not in block:
                        block.append((index, event.where.admin1))
    root = list(range(len(clusters)))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    members: dict[int, Cluster] = dict(enumerate(clusters))
    for (d, k), block in sorted(by_key.items()):
        for (a, area_a), (b, area_b) in itertools.combinations(block, 2):
            ra, rb = find(a), find(b)
            if ra == rb or area_a and area_b and area_a != area_b:   # a village name recurs across governorates
                continue
            ca, cb = members[ra], members[rb]
            if ca.docs & cb.docs or not ca.may_join(cb):
                continue
            perp = perpetrator_relation(ca.stated, ca.inferred, cb.stated, cb.inferred)
            if perp[0] == "conflict":
                continue
            merged = Cluster(order=min(ca.order, cb.order))
            first, second = (ca, cb) if ca.order < cb.order else (cb, ca)
            for event, reason in zip(first.events, first.reasons, strict=True):
                merged.add(event, reason)
            note = f"reports of {k} on {_iso(d)} gathered apart, then joined; {perp[1]}"
            for n, (event, reason) in enumerate(zip(second.events, second.reasons, strict=True)):
                merged.add(event, f"{note} ({reason})" if n == 0 else reason)
            keep, gone = (ra, rb) if first is ca else (rb, ra)
            root[gone] = keep
            members[keep] = merged
            del members[gone]
    return [members[i] for i in sorted(members)]


# --------------------------------------------------------------------------------------------- building

def incident_id(doc: str, ordinal: int) -> str:
    """The id of an incident founded by claim ``ordinal`` of document ``doc``."""
    return hashlib.sha256(f"marsad-incident:{doc}:{ordinal}".encode()).hexdigest()[:16]


def statistic_id(doc: str, ordinal: int) -> str:
    return hashlib.sha256(f"marsad-statistic:{doc}:{ordinal}".encode()).hexdigest()[:16]


@dataclass
class Context:
    """What building an incident needs from outside its claims."""

    texts: dict[str, str] = field(default_factory=dict)          # document id -> clean text
    no_comment: dict[str, list[tuple[list[str], str]]] = field(default_factory=dict)  # cache: actors, sentence
    languages: dict[str, str | None] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)   # document id -> every ref it came in under
    discounted: dict[str, str] = field(default_factory=dict)     # incident id -> analyst's reason


def _actor_name(actor_id: str) -> str:
    from marsad import actors

    try:
        return actors.actor(actor_id).name
    except KeyError:
        return actor_id


def claimant_actor(claim: dict[str, Any]) -> str | None:
    """The belligerent a claim's claimant speaks for, if any."""
    claimant = claim.get("claimant") or {}
    r = rules()
    for key in ("name", "text"):
        value = claimant.get(key)
        if value and value in r.belligerent_sources:
            return r.belligerent_sources[value]
    if claimant.get("type") == "belligerent":
        from marsad import actors

        for value in (claimant.get("text"), claimant.get("name")):
            if value:
                found = [a.actor.id for a in actors.find_actors(value) if a.actor is not None]
                if found:
                    return found[0]
    return None


def _category(victims: list[str]) -> tuple[str | None, bool]:
    """(category a claim's count is a figure for, whether only a lower bound)."""
    r = rules()
    cats = {r.count_as.get(v, v) for v in victims} or {"civilians"}
    if len(cats) == 1:
        return next(iter(cats)), False
    if cats <= r.civilian | {"civilians", "men"}:
        return "civilians", True   # "women and children": a lower bound for civilians
    return None, False


def _figures(items: list[Item]) -> tuple[dict[str, dict[str, dict[str, int | None]]], list[dict[str, Any]], str]:
    """Per outcome and category: low / best / high; count contradictions; notes."""
    r = rules()
    out: dict[str, dict[str, dict[str, int | None]]] = {}
    contradictions: list[dict[str, Any]] = []
    notes: list[str] = []
    for kind in r.figure_kinds:
        per_cat: dict[str, dict[str, list[tuple[int, int | None, bool, Item]]]] = defaultdict(lambda: defaultdict(list))
        for i in items:
            if i.kind != kind or i.role == "total" or i.data.get("modality") == "denied":
                continue
            count = i.data.get("count") or {}
            low, high = count.get("low"), count.get("high")
            if low is None and high is None:
                continue
            cat, bound = _category(i.data.get("victims") or [])
            if cat is None or cat not in r.categories:
                continue
            vague = bool(count.get("vague")) or bound
            per_cat[cat][i.doc].append((low if low is not None else high, high, vague, i))  # type: ignore[arg-type]
        # within a report, a figure for the category itself ("six civilians") outranks one counted under it
        # by convention ("eight people")
        for cat, docs_ in per_cat.items():
            for doc, figs in docs_.items():
                own = [f for f in figs if not f[2] and cat in (f[3].data.get("victims") or [])]
                if own and len(own) < len([f for f in figs if not f[2]]):
                    docs_[doc] = own
        figures: dict[str, dict[str, int | None]] = {}
        for cat in r.categories:
            docs = per_cat.get(cat)
            if not docs:
                continue
            exact: list[tuple[int, int, Item]] = []   # per report: (point, high, claim)
            vague_lows: list[int] = []
            for doc in sorted(docs):
                firm = [f for f in docs[doc] if not f[2]]
                if firm:
                    low, high, _, item = max(firm, key=lambda f: (f[0], -f[3].ordinal))
                    exact.append((low, high if high is not None else low, item))
                else:
                    vague_lows.append(max(f[0] for f in docs[doc]))
            if exact:
                points = sorted(p for p, _, _ in exact)
                counts = Counter(points)
                top = counts.most_common()
                if len(top) > 1 and top[0][1] > top[1][1] or len(top) == 1:
                    best, rule = top[0][0], "the figure most reports give" if top[0][1] > 1 else "the only figure"
                else:
                    best, rule = int(pystats.median_low(points)), "the median of the reports' figures"
                fig = {"low": points[0], "best": best, "high": max(h for _, h, _ in exact)}
                notes.append(f"{kind}.{cat}: {len(exact)} report(s) give {', '.join(map(str, points))}; "
                             f"best = {rule}")
                contradictions += _count_contradiction(f"{kind}.{cat}", exact)
            else:
                fig = {"low": max(vague_lows), "best": None, "high": None}
                notes.append(f"{kind}.{cat}: only vague counts; low = the largest lower bound")
            figures[cat] = fig
        parts = [c for c in ("children", "women", "men") if c in figures and c in r.civilian | {"men"}]
        if "civilians" in r.categories and "civilians" not in figures and parts:
            # children, women and men are civilians too: without a figure for civilians, their sum is one
            figures["civilians"] = {b: (sum(figures[c][b] or 0 for c in parts)
                                        if all(figures[c][b] is not None for c in parts) else None)
                                    for b in ("low", "best", "high")}
            notes.append(f"{kind}.civilians: the sum of {', '.join(parts)}")
            figures = {c: figures[c] for c in r.categories if c in figures}
        out[kind] = figures
    return out, contradictions, "; ".join(notes)


def _count_contradiction(field_name: str, exact: list[tuple[int, int, Item]]) -> list[dict[str, Any]]:
    r = rules()
    ordered = sorted(exact, key=lambda f: (f[0], f[2].doc))
    groups: list[list[tuple[int, int, Item]]] = [[ordered[0]]]
    for f in ordered[1:]:
        prev = groups[-1][-1]
        gap = f[0] - max(prev[1], prev[0])
        if gap > r.count_abs and gap > r.count_rel * max(f[0], 1):
            groups.append([f])
        else:
            groups[-1].append(f)
    if len(groups) < 2:
        return []
    return [{"field": field_name,
             "values": [_range_text(min(f[0] for f in g), max(f[1] for f in g)) for g in groups],
             "claims": [[f[2].ref_json() for f in g] for g in groups]}]


def _range_text(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}-{hi}"


def _period(items: list[Item], cluster: Cluster) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
    r = rules()
    dated = sorted((i for i in items if i.span is not None), key=lambda i: (i.span, i.doc, i.ordinal))  # type: ignore[arg-type]
    flags: list[str] = []
    if not dated:
        pubs = sorted(e.approx[0][1] for e in cluster.events if e.approx)
        if not pubs:
            return {"start": None, "end": None, "precision": None}, [], ["no date"]
        flags.append("approximate date")
        return ({"start": _iso(pubs[0] - r.approx_before), "end": _iso(pubs[0]), "precision": "approximate"},
                [], flags)
    groups: list[list[Item]] = []
    for i in dated:
        assert i.span is not None
        for g in groups:
            if any(i.span[0] <= j.span[1] + max(r.tol(i.precision), r.tol(j.precision))  # type: ignore[index]
                   and j.span[0] <= i.span[1] + max(r.tol(i.precision), r.tol(j.precision))  # type: ignore[index]
                   for j in g):
                g.append(i)
                break
        else:
            groups.append([i])
    # the main date is the one most reports support; an undated claim supports the dates within its
    # approximate window (its publication date and the days before)
    windows = [(e.doc, e.approx[0]) for e in cluster.events if e.approx]

    def support(g: list[Item]) -> int:
        lo, hi = min(i.span[0] for i in g), max(i.span[1] for i in g)  # type: ignore[index]
        return len({i.doc for i in g} | {doc for doc, (alo, ahi) in windows if alo <= hi and lo <= ahi})

    groups.sort(key=lambda g: (-support(g), -len(g), min(i.span[0] for i in g)))  # type: ignore[index]
    main = groups[0]
    lo = max(i.span[0] for i in main)  # type: ignore[index]
    hi = min(i.span[1] for i in main)  # type: ignore[index]
    if lo > hi:
        lo, hi = min(i.span[0] for i in main), max(i.span[1] for i in main)  # type: ignore[index]
    precisions = {i.precision for i in main}
    precision = "day" if lo == hi else ("days" if precisions <= {"day", "days"} else
                                        next(p for p in ("week", "month", "year", "period", "days")
                                             if p in precisions or p == "days"))
    contradictions: list[dict[str, Any]] = []
    if len(groups) > 1:
        def text(g: list[Item]) -> str:
            return _fmt(min(i.span[0] for i in g), max(i.span[1] for i in g))  # type: ignore[index]
        contradictions.append({"field": "date", "values": [text(g) for g in groups],
                               "claims": [[i.ref_json() for i in g] for g in groups]})
    return {"start": _iso(lo), "end": _iso(hi), "precision": precision}, contradictions, flags


def _place(items: list[Item]) -> tuple[dict[str, Any], Where | None, list[str]]:
    placed = [i for i in items if i.where is not None]
    if not placed:
        return {}, None, ["no place"]
    support: dict[frozenset[str] | str, set[str]] = defaultdict(set)
    for i in placed:
        assert i.where is not None
        support[i.where.keys or (i.where.admin1 or "")].add(i.doc)
    best = min(placed, key=lambda i: (i.where.level, -len(support[i.where.keys or (i.where.admin1 or "")]),  # type: ignore[union-attr]
                                      i.where.precision == "unresolved", i.published or NO_DAY, i.doc, i.ordinal))  # type: ignore[union-attr]
    p = best.data.get("place") or {}
    w = best.where
    assert w is not None
    place = {"name": p.get("name"), "admin1": p.get("admin1"), "country": p.get("country"), "lat": p.get("lat"),
             "lon": p.get("lon"), "precision": w.precision}
    if p.get("name_ar"):
        place["name_ar"] = p["name_ar"]
    flags = []
    if w.level == 3:
        flags.append("no place below country")
    elif w.precision == "unresolved":
        flags.append("unresolved place")
    return place, w, flags


def _perpetrators(items: list[Item]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    stated: dict[str, list[Item]] = defaultdict(list)
    inferred: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        if i.perp:
            (stated if i.stated else inferred)[i.perp].append(i)
    out: list[dict[str, Any]] = []
    for actor_id, claims in sorted(stated.items(), key=lambda kv: (-len({i.doc for i in kv[1]}), kv[0])):
        out.append({"id": actor_id, "name": _actor_name(actor_id), "claims": [i.ref_json() for i in claims],
                    "attribution": "stated"})
    for actor_id, claims in sorted(inferred.items(), key=lambda kv: (-len({i.doc for i in kv[1]}), kv[0])):
        if actor_id in stated:
            out[[p["id"] for p in out].index(actor_id)]["claims"] += [i.ref_json() for i in claims]
            continue
        out.append({"id": actor_id, "name": _actor_name(actor_id), "claims": [i.ref_json() for i in claims],
                    "attribution": "inferred"})
    if not out:
        out.append({"id": "unknown", "name": _actor_name("unknown"), "claims": [i.ref_json() for i in items],
                    "attribution": "unknown"})
    # competing attributions: different reports blame different belligerents (a report that names two
    # actors side by side, "coalition strikes as the SDF advanced", does not by itself compete)
    per_doc: dict[str, set[str]] = defaultdict(set)
    for actor_id, claims in stated.items():
        for i in claims:
            per_doc[i.doc].add(actor_id)
    sole = {next(iter(s)) for s in per_doc.values() if len(s) == 1}
    contradictions = []
    if len(sole) > 1:
        ids = sorted(sole, key=lambda a: (-len({i.doc for i in stated[a]}), a))
        contradictions.append({"field": "perpetrator", "values": ids,
                               "claims": [[i.ref_json() for i in stated[a]] for a in ids]})
    return out, contradictions


def _status_contradiction(items: list[Item]) -> list[dict[str, Any]]:
    """Reports that call the dead civilians against reports that call them combatants (none giving both)."""
    r = rules()
    status: dict[str, set[str]] = defaultdict(set)
    by_side: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        if i.kind != "killed" or i.data.get("modality") == "denied" or i.role == "total":
            continue
        victims = set(i.data.get("victims") or [])
        if victims & r.civilian:
            status[i.doc].add("civilians")
            by_side["civilians"].append(i)
        if victims & r.combatant:
            status[i.doc].add("combatants")
            by_side["combatants"].append(i)
    only = {s for d, ss in status.items() if len(ss) == 1 for s in ss}
    if only == {"civilians", "combatants"} and not any(len(ss) == 2 for ss in status.values()):
        return [{"field": "civilian status", "values": ["civilians", "combatants"],
                 "claims": [[i.ref_json() for i in by_side[side]] for side in ("civilians", "combatants")]}]
    return []


_SHINGLE_WORD = re.compile(r"[^\W_]+")


@cache
def _shingles(text: str) -> frozenset[int]:
    words = _SHINGLE_WORD.findall(normalize(text))
    if len(words) < 4:
        return frozenset({hash(" ".join(words))})
    return frozenset(hash(" ".join(words[k:k + 4])) for k in range(len(words) - 3))


def _sources(items: list[Item], ctx: Context) -> tuple[int, int, list[list[str]]]:
    """(sources, independent sources, groups of documents counted as one)."""
    r = rules()
    docs = sorted({i.doc for i in items})
    refs = set()
    for d in docs:
        refs |= ctx.aliases.get(d, set())
    refs |= {i.ref for i in items}
    parent = {d: d for d in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    # syndicated copies
    if len(docs) > 1 and ctx.texts:
        sh = {d: _shingles(ctx.texts[d]) for d in docs if d in ctx.texts}
        for x in range(len(docs)):
            for y in range(x + 1, len(docs)):
                a, b = sh.get(docs[x]), sh.get(docs[y])
                if a and b and len(a & b) >= r.syndication * min(len(a), len(b)):
                    union(docs[x], docs[y])
    # the same outlet, or only the same named claimant relayed
    origin: dict[str, str] = {}
    for d in docs:
        mine = [i for i in items if i.doc == d]
        outlet = next((i.outlet for i in mine if i.outlet), None)
        claimants = {(i.data.get("claimant") or {}).get("name") for i in mine}
        types = {(i.data.get("claimant") or {}).get("type") for i in mine}
        named = _named_claimants(mine)
        if named and len(named) == 1 and "outlet" not in types and None not in claimants:
            key = "claimant:" + next(iter(named))
        elif outlet:
            key = "outlet:" + normalize(outlet)
        else:
            continue
        if key in origin:
            union(origin[key], d)
        else:
            origin[key] = d
    groups: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        groups[find(d)].append(d)
    return len(refs), len(groups), [g for g in groups.values() if len(g) > 1]


@cache
def _generic_claimants() -> frozenset[str]:
    from marsad import actors

    return frozenset(s.name for s in actors.all_sources() if s.generic)


def _named_claimants(items: list[Item]) -> set[str]:
    generic = _generic_claimants()
    out = set()
    for i in items:
        c = i.data.get("claimant") or {}
        if c.get("type") != "outlet" and c.get("name") and c["name"] not in generic:
            out.add(c["name"])
    return out


def _no_comment_sentences(doc: str, ctx: Context) -> list[tuple[list[str], str]]:
    """(actors named, sentence) for each "did not comment" phrase of a report (cached per report)."""
    from marsad import actors, cues

    if doc in ctx.no_comment:
        return ctx.no_comment[doc]
    out: list[tuple[list[str], str]] = []
    text = ctx.texts.get(doc)
    if text:
        lang = ctx.languages.get(doc)
        lang = lang if lang in ("ar", "en") else None
        for cue in cues.find_cues(text, lang):
            if not cue.has("no_comment"):
                continue
            start = max(text.rfind(mark, 0, cue.start) for mark in (".", "\n", "؟", "!")) + 1
            ends = [k for k in (text.find(".", cue.end), text.find("\n", cue.end)) if k >= 0]
            sentence = text[start:min(ends) if ends else len(text)]
            named = list(dict.fromkeys(a.actor.id for a in actors.find_actors(sentence, lang) if a.actor is not None))
            out.append((named, sentence.strip()))
    ctx.no_comment[doc] = out
    return out


def _no_comment_responses(items: list[Item], ctx: Context, perps: set[str]) -> list[dict[str, Any]]:
    """Belligerents a report says did not comment ("لم يعلق التحالف", "declined to comment")."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    refs = {i.doc: i.ref for i in items}
    for doc in sorted(refs):
        for named, sentence in _no_comment_sentences(doc, ctx):
            for actor_id in named:
                if (perps and actor_id not in perps) or (doc, actor_id) in seen:
                    continue
                seen.add((doc, actor_id))
                out.append({"actor": actor_id, "response": "no comment", "claim": None,
                            "document": {"id": doc, "ref": refs[doc]}, "quote": sentence})
    return out


def _responses(items: list[Item], ctx: Context, perps: set[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in items:
        speaker = claimant_actor(i.data)
        modality = i.data.get("modality")
        quote = (i.data.get("evidence") or {}).get("quote")
        if modality == "denied":
            actor_id = speaker or i.perp
            if actor_id:
                out.append({"actor": actor_id, "response": "denied", "claim": i.ref_json(),
                            "document": {"id": i.doc, "ref": i.ref}, "quote": quote})
        elif speaker and i.perp == speaker:
            harmed = {rules().count_as.get(v, v) for v in i.data.get("victims") or []}
            if harmed - rules().combatant:   # owning a strike on fighters is no acceptance of civilian harm
                out.append({"actor": speaker, "response": "acknowledged", "claim": i.ref_json(),
                            "document": {"id": i.doc, "ref": i.ref}, "quote": quote})
    out += _no_comment_responses(items, ctx, perps)
    return out


def _grade(iid: str, perpetrators: list[dict[str, Any]], responses: list[dict[str, Any]], independent: int,
           contradictions: list[dict[str, Any]], ctx: Context) -> tuple[str, str]:
    if iid in ctx.discounted:
        return "discounted", ctx.discounted[iid] or "discounted by an analyst"
    accepted = [r for r in responses if r["response"] == "acknowledged"]
    if accepted:
        a = accepted[0]
        return "confirmed", (f"confirmed: {_actor_name(a['actor'])} accepted responsibility "
                             f"(report {a['document']['ref']}, claim {a['claim']['ordinal']})")
    competing = next((c for c in contradictions if c["field"] == "perpetrator"), None)
    if competing:
        return "contested", "contested: competing attributions: " + " against ".join(
            f"{v} ({len(side)} claim{'s' if len(side) != 1 else ''})"
            for v, side in zip(competing["values"], competing["claims"], strict=True))
    named = [p for p in perpetrators if p["attribution"] == "stated"]
    if independent >= 2 and named:
        return "fair", (f"fair: {independent} independent sources, and they name {named[0]['name']} "
                        f"as the perpetrator")
    if independent >= 2:
        return "weak", f"weak: {independent} independent sources, but none names the perpetrator"
    return "weak", "weak: a single independent source"


def build_incident(iid: str, cluster: Cluster, ctx: Context | None = None) -> dict[str, Any]:
    """The incident object (the contract's ``incidents.data``, plus "id") of a linked cluster."""
    ctx = ctx or Context()
    r = rules()
    items = sorted((i for e in cluster.events for i in e.items),
                   key=lambda i: (i.published or NO_DAY, i.doc, i.ordinal))
    period, date_contradictions, flags = _period(items, cluster)
    place, _, place_flags = _place(items)
    perpetrators, perp_contradictions = _perpetrators(items)
    causes = Counter(i.data.get("cause") for i in items if i.data.get("cause"))
    cause = None
    if causes:
        top = max(causes.values())
        tied = [c for c, n in causes.items() if n == top]
        cause = min(tied, key=lambda c: (r.cause_order.index(c) if c in r.cause_order else len(r.cause_order), c))
    figures, count_contradictions, notes = _figures(items)
    sources, independent, _groups = _sources(items, ctx)
    contradictions = date_contradictions + perp_contradictions + count_contradictions + \
        _status_contradiction(items)
    perps = {p["id"] for p in perpetrators if p["id"] != "unknown"}
    responses = _responses(items, ctx, perps)
    grade, reason = _grade(iid, perpetrators, responses, independent, contradictions, ctx)
    if not any(figures.get(k) for k in figures):
        flags.append("no figures")
    if any(i.role == "total" for i in items):
        flags.append("round-up total not counted")
    return {"id": iid, "period": period, "place": place, "perpetrators": perpetrators, "cause": cause,
            "killed": figures.get("killed", {}), "injured": figures.get("injured", {}),
            "grade": grade, "grade_reason": reason, "responses": responses, "contradictions": contradictions,
            "sources": sources, "independent_sources": independent, "flags": place_flags + flags,
            "estimate_notes": notes}


def claim_reasons(cluster: Cluster) -> dict[tuple[str, int], str]:
    """Why each claim of a cluster is in its incident."""
    out: dict[tuple[str, int], str] = {}
    for event, link_reason in zip(cluster.events, cluster.reasons, strict=True):
        for item in event.items:
            own = event.reasons.get(item.key, "")
            if not own:
                out[item.key] = link_reason
            elif link_reason.startswith("first report"):
                out[item.key] = own
            else:
                out[item.key] = f"{own}; report linked: {link_reason}"
    return out


# --------------------------------------------------------------------------------------------- statistics

def statistic_row(item: Item, ids: dict[tuple[str, int], str], now: dt.datetime) -> dict[str, Any]:
    c = item.data
    count = c.get("count") or {}
    period = c.get("period") or {}
    place = c.get("place") or {}
    claimant = c.get("claimant") or {}
    sid = ids[item.key]
    return dict(
        id=sid, claim_id=item.row_id, document_id=item.doc,
        part_of=ids.get((item.doc, item.parent)) if item.parent is not None else None,
        kind=item.kind, victims=c.get("victims") or [], count_low=count.get("low"), count_high=count.get("high"),
        count_vague=bool(count.get("vague")), period_start=_date(period.get("start")),
        period_end=_date(period.get("end")), period_precision=period.get("precision"),
        place_name=place.get("name"), admin1=place.get("admin1"), country=place.get("country"),
        where_precision=place.get("precision"), perpetrator_id=item.perp, claimant_name=claimant.get("name"),
        claimant_type=claimant.get("type"), modality=c.get("modality") or "asserted",
        data={"claim": item.ref_json(), "count": c.get("count"), "period": c.get("period"),
              "place": c.get("place"), "perpetrator": c.get("perpetrator"), "claimant": c.get("claimant"),
              "quote": (c.get("evidence") or {}).get("quote")},
        created_at=now, updated_at=now,
    )


def _date(value: Any) -> dt.date | None:
    d = _day(value)
    return dt.date.fromordinal(d) if d is not None else None


def compare_statistics(session: Session, *, actor: str | None = None, start: dt.date | None = None,
                       end: dt.date | None = None, include_parts: bool = True) -> list[dict[str, Any]]:
    """Each stored statistic beside the sum of the incidents of the same perpetrator, period and region.

    An incident counts toward a statistic when its period starts within the statistic's period, it
    names the statistic's perpetrator (any perpetrator when the statistic names none), it lies in the
    statistic's governorate when the statistic is for one (a statistic's finer place is context, not
    its scope), and it is not discounted. The sum is of the incidents' low / best / high figures for the
    statistic's outcome and victim category (best falling back to low).
    """
    r = rules()
    query = select(schema.Statistic).order_by(schema.Statistic.period_start, schema.Statistic.id)
    if actor:
        query = query.where(schema.Statistic.perpetrator_id == actor)
    stats = [s for s in session.scalars(query).all() if include_parts or s.part_of is None]
    out: list[dict[str, Any]] = []
    incidents = session.execute(select(schema.Incident.id, schema.Incident.period_start, schema.Incident.admin1,
                                       schema.Incident.grade, schema.Incident.data)).all()
    for s in stats:
        if start and s.period_end and s.period_end < start or end and s.period_start and s.period_start > end:
            continue
        category, _ = _category(list(s.victims or []))
        scope_admin1 = s.admin1 if s.where_precision in ("governorate", "district") else None
        total = {"low": 0, "best": 0, "high": 0}
        n = 0
        for _iid, pstart, admin1, grade, data in incidents:
            if grade == "discounted" or pstart is None:
                continue
            if s.period_start and pstart < s.period_start or s.period_end and pstart > s.period_end:
                continue
            if scope_admin1 and admin1 != scope_admin1:
                continue
            if s.perpetrator_id and s.perpetrator_id not in {p.get("id") for p in data.get("perpetrators") or []}:
                continue
            fig = ((data.get(s.kind) or {}).get(category or "") if s.kind in r.figure_kinds else None)
            if not fig:
                continue
            n += 1
            low = fig.get("low") or 0
            best = fig.get("best") if fig.get("best") is not None else low
            high = fig.get("high") if fig.get("high") is not None else best
            total["low"] += low
            total["best"] += best
            total["high"] += high
        out.append({"statistic": {"id": s.id, "kind": s.kind, "victims": s.victims, "category": category,
                                  "low": s.count_low, "high": s.count_high, "vague": s.count_vague,
                                  "start": s.period_start.isoformat() if s.period_start else None,
                                  "end": s.period_end.isoformat() if s.period_end else None,
                                  "admin1": scope_admin1, "perpetrator": s.perpetrator_id,
                                  "claimant": s.claimant_name, "part_of": s.part_of, "claim": s.data.get("claim")},
                    "incidents": n, "incidents_sum": total})
    return out


# --------------------------------------------------------------------------------------------- database

@dataclass
class LinkReport:
    """What a run of :func:`link_all` did."""

    claims: int = 0             # incident claims linked
    documents: int = 0
    incidents: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    statistics: int = 0
    flagged: int = 0            # incidents with no place or no date
    contested: int = 0
    seconds: float = 0.0
    ids: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.incidents} incidents from {self.claims} incident claims of {self.documents} reports "
                f"({self.created} new, {self.updated} updated, {self.unchanged} unchanged, {self.removed} removed); "
                f"{self.statistics} statistics; {self.flagged} flagged for missing place or date; "
                f"{self.seconds:.2f}s")


def load_items(session: Session) -> list[Item]:
    """Every stored claim, as linking sees it (incident and aggregate scope)."""
    rows = session.execute(
        select(schema.Claim.id, schema.Claim.document_id, schema.Claim.ordinal, schema.Claim.data,
               schema.Document.ref, schema.Document.published, schema.Document.outlet,
               schema.Document.published_partial)
        .join(schema.Document, schema.Document.id == schema.Claim.document_id)
        .order_by(schema.Claim.document_id, schema.Claim.ordinal)
    ).all()
    return [item_from_claim(doc, ordinal, data, ref=ref, published=published, row_id=cid, outlet=outlet,
                            published_partial=partial)
            for cid, doc, ordinal, data, ref, published, outlet, partial in rows]


def rejected_claims(session: Session) -> set[int]:
    """Claims an analyst rejected (their latest review on the claim is "reject"): kept, but not linked."""
    latest: dict[int, str] = {}
    for claim_id, action in session.execute(
            select(schema.Review.claim_id, schema.Review.action).where(schema.Review.claim_id.is_not(None))
            .where(schema.Review.action.in_(("reject", "accept", "restore")))
            .order_by(schema.Review.created_at, schema.Review.id)):
        latest[claim_id] = action
    return {c for c, action in latest.items() if action == "reject"}


def _context(session: Session, docs: set[str]) -> Context:
    ctx = Context()
    ids = sorted(docs)
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        for doc, text, language in session.execute(
                select(schema.Document.id, schema.Document.text, schema.Document.language)
                .where(schema.Document.id.in_(chunk))):
            ctx.texts[doc] = text
            ctx.languages[doc] = language
        for doc, ref in session.execute(select(schema.DocumentRef.document_id, schema.DocumentRef.ref)
                                        .where(schema.DocumentRef.document_id.in_(chunk))):
            ctx.aliases.setdefault(doc, set()).add(ref)
    latest: dict[str, tuple[dt.datetime, str, str | None]] = {}
    for iid, action, comment, at in session.execute(
            select(schema.Review.incident_id, schema.Review.action, schema.Review.comment, schema.Review.created_at)
            .where(schema.Review.incident_id.is_not(None))
            .where(schema.Review.action.in_(("discount", "restore", "undiscount")))
            .order_by(schema.Review.created_at, schema.Review.id)):
        latest[iid] = (at, action, comment)
    ctx.discounted = {iid: f"discounted by an analyst: {comment}" if comment else "discounted by an analyst"
                      for iid, (_, action, comment) in latest.items() if action == "discount"}
    return ctx


def _assign_ids(clusters: list[Cluster], previous: dict[tuple[str, int], str]) -> list[str]:
    """Ids for the clusters: the stored incident sharing most claims keeps its id; others get the hash of
    their founding claim."""
    overlaps: list[tuple[int, int, str]] = []
    for index, cluster in enumerate(clusters):
        counts = Counter(previous[i.key] for e in cluster.events for i in e.items if i.key in previous)
        for old, n in counts.items():
            overlaps.append((n, index, old))
    overlaps.sort(key=lambda t: (-t[0], t[1], t[2]))
    ids: list[str | None] = [None] * len(clusters)
    taken: set[str] = set()
    for _, index, old in overlaps:
        if ids[index] is None and old not in taken:
            ids[index] = old
            taken.add(old)
    for index, cluster in enumerate(clusters):
        if ids[index] is None:
            founder = cluster.events[0].heads[0]
            iid = incident_id(founder.doc, founder.ordinal)
            n = 1
            while iid in taken:
                iid = hashlib.sha256(f"marsad-incident:{founder.doc}:{founder.ordinal}:{n}".encode()).hexdigest()[:16]
                n += 1
            ids[index] = iid
            taken.add(iid)
    return [i for i in ids if i is not None]


def _columns(obj: dict[str, Any]) -> dict[str, Any]:
    period, place = obj["period"], obj["place"]
    return dict(period_start=_date(period.get("start")), period_end=_date(period.get("end")),
                date_precision=period.get("precision"), place_name=place.get("name"), admin1=place.get("admin1"),
                country=place.get("country"), lat=place.get("lat"), lon=place.get("lon"),
                where_precision=place.get("precision"), cause=obj.get("cause"), grade=obj["grade"],
                grade_reason=obj["grade_reason"])


def link_all(target: Session | Engine | str, *, now: dt.datetime | None = None) -> LinkReport:
    """Link every stored incident claim into incidents and every aggregate claim into statistics, and
    store them (incidents, incident_claims, statistics). Idempotent: a second run changes nothing.

    ``target`` is an open Session (its transaction is committed if this call began it; otherwise the
    caller commits), an Engine, or a database URL.
    """
    if isinstance(target, str):
        from marsad import store

        target = store.open_database(target)
    if isinstance(target, Engine):
        with Session(target) as session, session.begin():
            return _link(session, now)
    if target.in_transaction():
        report = _link(target, now)
        target.flush()
        return report
    with target.begin():
        return _link(target, now)


def _link(session: Session, now: dt.datetime | None) -> LinkReport:
    t0 = time.perf_counter()
    now = now or dt.datetime.now(dt.UTC)
    report = LinkReport()
    items = load_items(session)
    rejected = rejected_claims(session)
    incident_items = [i for i in items if i.scope == "incident" and i.row_id not in rejected]
    report.claims = len(incident_items)
    report.documents = len({i.doc for i in incident_items})
    # a report of an attack without harm (kind "other") joins an incident, but makes none by itself
    clusters = [c for c in link_claims(incident_items)
                if any(i.kind != "other" for e in c.events for i in e.items)]
    row_of = {i.key: i.row_id for i in items}
    key_of = {i.row_id: i.key for i in items}
    previous: dict[tuple[str, int], str] = {}
    stored_links: dict[str, dict[int, str]] = defaultdict(dict)
    for iid, claim_id, reason in session.execute(
            select(schema.IncidentClaim.incident_id, schema.IncidentClaim.claim_id, schema.IncidentClaim.reason)):
        stored_links[iid][claim_id] = reason
        if claim_id in key_of:
            previous[key_of[claim_id]] = iid
    ids = _assign_ids(clusters, previous)
    ctx = _context(session, {i.doc for i in incident_items})
    stored = {row.id: row for row in session.scalars(select(schema.Incident)).all()}
    keep: set[str] = set()
    new_incidents: list[dict[str, Any]] = []
    new_links: list[dict[str, Any]] = []
    for iid, cluster in zip(ids, clusters, strict=True):
        obj = build_incident(iid, cluster, ctx)
        data = {k: v for k, v in obj.items() if k != "id"}
        cols = _columns(obj)
        reasons = claim_reasons(cluster)
        links = {row_of[k]: reason for k, reason in reasons.items() if row_of.get(k) is not None}
        keep.add(iid)
        if "no place" in obj["flags"] or "no date" in obj["flags"]:
            report.flagged += 1
        if obj["grade"] == "contested":
            report.contested += 1
        row = stored.get(iid)
        if row is None:
            new_incidents.append(dict(id=iid, data=data, created_at=now, updated_at=now, **cols))
            report.created += 1
        elif row.data != data or any(getattr(row, k) != v for k, v in cols.items()):
            session.execute(update(schema.Incident).where(schema.Incident.id == iid)
                            .values(data=data, updated_at=now, **cols))
            report.updated += 1
        else:
            report.unchanged += 1
        old = stored_links.get(iid, {})
        gone = [c for c in old if c not in links]
        if gone:
            session.execute(delete(schema.IncidentClaim).where(schema.IncidentClaim.incident_id == iid,
                                                                 schema.IncidentClaim.claim_id.in_(gone)))
        for claim_id, reason in sorted(links.items()):
            if claim_id not in old:
                new_links.append(dict(incident_id=iid, claim_id=claim_id, reason=reason, created_at=now))
            elif old[claim_id] != reason:
                session.execute(update(schema.IncidentClaim).where(schema.IncidentClaim.incident_id == iid,
                                                                     schema.IncidentClaim.claim_id == claim_id)
                                .values(reason=reason))
    if new_incidents:
        session.execute(insert(schema.Incident), new_incidents)
    if new_links:
        session.execute(insert(schema.IncidentClaim), new_links)
    # incidents that no longer exist: removed, unless an analyst's review points at them
    reviewed = set(session.scalars(select(schema.Review.incident_id).where(schema.Review.incident_id.is_not(None))))
    for iid, row in sorted(stored.items()):
        if iid in keep:
            continue
        session.execute(delete(schema.IncidentClaim).where(schema.IncidentClaim.incident_id == iid))
        if iid in reviewed:
            if "superseded" not in (row.data or {}).get("flags", []):
                data = dict(row.data or {})
                data["flags"] = [*data.get("flags", []), "superseded"]
                session.execute(update(schema.Incident).where(schema.Incident.id == iid)
                                .values(data=data, updated_at=now))
            continue
        session.execute(delete(schema.Incident).where(schema.Incident.id == iid))
        report.removed += 1
    report.statistics = _store_statistics(
        session, [i for i in items if i.scope == "aggregate" and i.row_id not in rejected], now)
    report.incidents = len(clusters)
    report.ids = ids
    report.seconds = time.perf_counter() - t0
    if report.created or report.updated or report.removed:
        session.execute(insert(schema.AuditEvent), dict(
            at=now, actor=ACTOR, action="link", entity_type="incidents", entity_id="*",
            detail={"incidents": report.incidents, "created": report.created, "updated": report.updated,
                    "removed": report.removed, "claims": report.claims, "statistics": report.statistics}))
    return report


def _store_statistics(session: Session, aggregates: list[Item], now: dt.datetime) -> int:
    ids = {i.key: statistic_id(*i.key) for i in aggregates}
    stored = {row.id: row for row in session.scalars(select(schema.Statistic)).all()}
    wanted: set[str] = set()
    fresh: list[dict[str, Any]] = []
    for item in aggregates:
        if item.row_id is None:
            continue
        row = statistic_row(item, ids, now)
        wanted.add(row["id"])
        old = stored.get(row["id"])
        if old is None:
            fresh.append(row)
            continue
        changes = {k: v for k, v in row.items() if k not in ("created_at", "updated_at") and getattr(old, k) != v}
        if changes:
            session.execute(update(schema.Statistic).where(schema.Statistic.id == row["id"])
                            .values(updated_at=now, **changes))
    if fresh:
        session.execute(insert(schema.Statistic), fresh)
    gone = sorted(set(stored) - wanted)
    if gone:
        session.execute(delete(schema.Statistic).where(schema.Statistic.id.in_(gone)))
    return len(wanted)
