"""Absolute date expressions in Arabic and English reports, and a report's own publication date.

How it works
------------
* The words (month names of every Arabic family, Hijri months, weekdays, ordinal days, cue words) are
  data: ``data/ar/dates.toml`` and ``data/en/dates.toml``, extendable through ``MARSAD_DATA``.
* The text is normalised once with :class:`marsad.arabic.NormalizedText` (so hamza, ta marbuta and
  diacritic variants all match, Arabic-Indic digits become ASCII, Latin is lower-cased). Two cheap
  scans find the anchors every date contains (a month name, a year-like number, a d/m/y number), and
  one combined regular expression built from the data files (every shape of date, one named group
  each) is tried only at the word starts around them. Found spans are mapped back to offsets in the
  original text.
* Each span is resolved from its captured day / month / year groups (month numbers come from the data
  files). Numeric dates are read day first ("9/02/2019" is 9 February) unless only the other order is
  possible ("01/21/2018"). Impossible dates (31 February, month 13) are rejected. A four-digit number is
  a year only inside a date or after a year cue ("عام 2017", "in 2017"), and only within 1900-2100.
* Hijri dates are converted with the arithmetic (tabular) Islamic calendar, which can differ from the
  Umm al-Qura calendar used in the region by a day or two. The Gregorian day is therefore kept only
  when it is reliable: when the text writes the matching Gregorian date next to it ("24 شوال 1437 هـ -
  29 يوليو 2016 م"), or when a stated weekday picks one day of the uncertainty window.
* ``dateparser`` (imported lazily; the ar-SY locale for Arabic, which knows both the Levantine and the
  Egyptian month names) is used only as a fallback parser after a publication cue whose date the
  patterns could not complete (e.g. a two-digit year, "21 Mar. 17").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from marsad.arabic import NormalizedText, normalize
from marsad.resources import load

__all__ = ["DateMention", "find_dates", "publication_date", "hijri_to_gregorian", "reload"]

MIN_YEAR = 1900
MAX_YEAR = 2100
HIJRI_TOLERANCE_DAYS = 2  # how far the arithmetic Hijri calendar may be from the one in use
HINT_WINDOW_DAYS = 31  # a yearless dateline is completed from the hint only this close to it
DATELINE_CHARS = 400  # where a report's own dateline is looked for, from the start of the text
CUE_GAP_CHARS = 40  # how far after a publication cue its date may start


@dataclass(frozen=True)
class DateMention:
    """One absolute date expression found in a text.

    ``start``/``end`` are offsets into the text given to :func:`find_dates` (``text[start:end] ==
    self.text``). ``year``/``month``/``day`` are Gregorian; ``None`` where the expression does not fix
    them (or where a Hijri date could not be converted reliably). ``weekday`` is the weekday the
    expression names (0 = Monday). ``calendar`` is the calendar the text wrote the date in.
    ``relative`` is -1 / 0 / 1 for "آذار الماضي" / "الجاري" / "المقبل" ("last / this / next March"),
    to be resolved against the publication date. ``hijri`` keeps the Hijri (year, month, day) as
    written, for Hijri expressions.
    """

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    calendar: str
    relative: int | None = None
    hijri: tuple[int | None, int, int | None] | None = None

    @property
    def date(self) -> dt.date | None:
        """The day, when year, month and day are all fixed."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def precision(self) -> str | None:
        """"day", "month" or "year": how much of the date is fixed (None when not even the year is)."""
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        return "day" if self.day is not None else "month"


# --------------------------------------------------------------------------------------------------
# Lexicon and pattern, built once from the data files

_H = r"[^\S\n]"  # horizontal white space: a date never runs across a line break


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    hijri: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    rel_after: dict[str, int]
    rel_before: dict[str, int]
    words: dict[str, tuple[str, ...]]
    label_cues: dict[str, tuple[str, ...]]
    line_cues: dict[str, tuple[str, ...]]
    today: tuple[str, ...]
    cue_gap_words: tuple[str, ...]
    event_words: frozenset[str]
    blockers: frozenset[str]
    lowercase_ambiguous: frozenset[str]


def _key(word: str) -> str:
    """The lookup form of a word or matched span: normalised, single-spaced."""
    return " ".join(normalize(word).split())


def _table(entries: dict) -> dict[str, int]:
    """Flatten a table of spelling = number, possibly grouped in sub-tables (families)."""
    out: dict[str, int] = {}
    for name, value in entries.items():
        if isinstance(value, dict):
            out.update(_table(value))
        else:
            out[_key(name)] = int(value)
    return out


@cache
def _lexicon(language: str | None) -> _Lexicon:
    langs = ("en",) if language == "en" else ("ar", "en")
    tables: dict[str, dict[str, int]] = {k: {} for k in (
        "months", "hijri_months", "weekdays", "day_ordinals", "relative_after", "relative_before")}
    words: dict[str, list[str]] = {}
    label: dict[str, list[str]] = {}
    line: dict[str, list[str]] = {}
    today: list[str] = []
    gap_words: list[str] = []
    events: set[str] = set()
    for lang in langs:
        data = load(f"{lang}/dates.toml")
        for name, table in tables.items():
            table.update(_table(data.get(name, {})))
        for name, values in data.get("words", {}).items():
            words.setdefault(name, []).extend(_key(v) for v in values)
        pub = data.get("publication", {})
        for kind, values in pub.get("label_cues", {}).items():
            label.setdefault(kind, []).extend(_key(v) for v in values)
        for kind, values in pub.get("line_cues", {}).items():
            line.setdefault(kind, []).extend(_key(v) for v in values)
        today.extend(_key(v) for v in pub.get("today", []))
        gap_words.extend(_key(v) for v in pub.get("cue_gap_words", []))
        events.update(_key(v) for v in pub.get("event_words", []))
    return _Lexicon(
        months=tables["months"], hijri=tables["hijri_months"], weekdays=tables["weekdays"],
        ordinals=tables["day_ordinals"], rel_after=tables["relative_after"],
        rel_before=tables["relative_before"],
        words={k: tuple(dict.fromkeys(v)) for k, v in words.items()},
        label_cues={k: tuple(v) for k, v in label.items()},
        line_cues={k: tuple(v) for k, v in line.items()},
        today=tuple(today), cue_gap_words=tuple(gap_words), event_words=frozenset(events),
        blockers=frozenset(words.get("ordinal_blockers", [])),
        lowercase_ambiguous=frozenset(words.get("lowercase_ambiguous", [])),
    )


def _alt(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words`` (longest first), factored as a trie so that a
    failing attempt costs one character test; inner spaces match any run of horizontal spaces."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"

    def emit(node: dict) -> str:
        branches = [(_H + "++" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


# Shapes of date expressions. "§" is replaced by the shape's name so that group names are unique.
_SHAPES = ("A", "O", "N", "I", "G", "B", "C", "Y", "M")


@cache
def _pattern(language: str | None) -> re.Pattern[str]:
    lx = _lexicon(language)
    w = lx.words
    H = _H
    wd = rf"(?<!\w)(?P<wd§>{_alt(lx.weekdays)})(?!\w)"
    wdsep = rf"(?:{H}*+[,(\-|]{H}*+|{H}++)(?:{_alt(w.get('weekday_date', ()))}{H}++)?"
    wdx = rf"(?:{wd}{wdsep})?"
    mon = rf"{_alt(lx.months)}(?!\w)"
    monx = (rf"(?P<mx§>{mon}(?:\.(?={H}*+\d))?"
            rf"(?:(?:{H}*+[/\-]{H}*+|{H}*+\({H}*+|{H}++){mon}(?:{H}*+\))?)?+)")
    day = r"(?<![\d/:])(?<!\d[.,])(?P<d§>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    conn_words = _alt(w.get("day_month", ()))
    conn = rf"(?:{H}*+{conn_words}{H}++|{H}*+[\-.]{H}*+|{H}*+)"
    ysuf = _alt(w.get("year_suffix", ()))
    yprefix = _alt(w.get("year_prefix", ()))
    year_part = (rf"(?:{H}*+[,\-.]?{H}*+(?:{yprefix}{H}*+)?(?P<y§>\d{{4}})(?!\d)"
                 rf"(?:{H}*+(?P<ys§>{ysuf})(?!\w))?)")
    rel = rf"{H}++(?P<rel§>{_alt(lx.rel_after)})(?!\w)"
    clitic = r"(?:[وفبل](?=\w))?"
    mprefix = _alt(w.get("month_prefix", ()))
    shapes = {
        # 21 آذار/مارس 2019 ; الخميس 21 من آذار ; Wed 05 Apr 2017 ; 4 June 2016 ; 8 نوفمبر الجاري
        "A": rf"{wdx}{day}{conn}{monx}(?:{year_part}|{rel})?",
        # الخامس عشر من آذار 2011
        "O": rf"{wdx}(?<!\w)(?P<od§>{_alt(lx.ordinals)}){H}++{conn_words}{H}++{monx}(?:{year_part}|{rel})?",
        # 9/02/2019 ; 9/ 02/ 2019 ; السبت 1 / 10 / 2016 ; 21.08.2013
        "N": (rf"{wdx}(?<![\d/:.])(?P<n1§>\d{{1,2}}){H}*+(?P<sep§>[/.\-]){H}*+(?P<n2§>\d{{1,2}}){H}*+"
              rf"(?P=sep§){H}*+(?P<y§>\d{{4}})(?!\d)(?![/.\-]\d)"),
        # 2019-03-21
        "I": (rf"(?<![\d/:.\-])(?P<y§>\d{{4}}){H}*+(?P<sep§>[/.\-]){H}*+(?P<n2§>\d{{1,2}}){H}*+(?P=sep§){H}*+"
              rf"(?P<n3§>\d{{1,2}})(?!\d)(?![/.\-]\d)"),
        # الأحد 04 جمادى الأولى 1439 هـ
        "G": (rf"{wdx}(?<![\d/:])(?P<d§>[0-3]?\d)(?!\d){H}*+(?:{conn_words}{H}++)?(?P<hm§>{_alt(lx.hijri)})"
              rf"(?!\w)(?:{H}*+,?{H}*+(?P<y§>1[3-5]\d\d)(?!\d)"
              rf"(?:{H}*+(?P<ys§>{_alt(w.get('hijri_year_suffix', ()))})(?!\w))?)?"),
        # June 4 2016 ; Fri Sep 27 2013 ; Apr 232017 (punctuation lost) ; يناير 20 , 2018
        "B": (rf"{wdx}(?<!\w){monx}{H}*+(?P<d§>[0-3]?\d)(?:(?P<yg§>(?:19|20)\d\d)|st|nd|rd|th)?(?!\d)"
              rf"(?:{H}*+,?{H}*+(?P<y§>\d{{4}})(?!\d))?"),
        # آذار 2019 ; June 2016 ; حزيران من العام 2012
        "C": (rf"(?<!\w){monx}{H}*+(?:[,\-]{H}*+)?(?:{yprefix}{H}*+)?(?P<y§>\d{{4}})(?!\d)"
              rf"(?:{H}*+(?P<ys§>{ysuf})(?!\w))?"),
        # عام 2017 ; in 2017 ; منذ 2011
        "Y": (rf"(?<!\w){clitic}(?P<pre§>{_alt(w.get('year_cue', ()))}){H}*+(?P<y§>\d{{4}})(?!\d)"
              rf"(?![.,]\d)(?!s(?!\w))(?:{H}*+(?P<ys§>{ysuf})(?!\w))?"),
        # في آذار ; أيلول الماضي ; last March ; in June ; آذار/مارس
        "M": (rf"(?<!\w)(?:(?:(?P<rb§>{_alt(lx.rel_before)})|{clitic}(?P<pre§>{mprefix}))"
              rf"(?:{H}++|(?<=-)))?{monx}(?!{H}*+[,\-]?{H}*+(?:{yprefix}{H}*+)?\d)"
              rf"(?:{rel})?"),
    }
    parts = [f"(?P<{name}>{shapes[name].replace('§', '_' + name)})" for name in _SHAPES]
    # every shape starts with a number or one of these words: testing that first makes a failing
    # attempt cheap
    first_words = [*lx.weekdays, *lx.months, *lx.ordinals, *lx.rel_before, *w.get("year_cue", ()),
                   *w.get("month_prefix", ())]
    first = rf"(?=\d|[وفبل]?{_alt(first_words)}(?!\w))"
    return re.compile(first + "(?:" + "|".join(parts) + ")")


@cache
def _month_finder(language: str | None) -> re.Pattern[str]:
    return re.compile(rf"{_alt(_lexicon(language).months)}(?!\w)")


@cache
def _group_names(language: str | None) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each shape, its field names and the matching group names."""
    out: dict[str, tuple[list[str], list[str]]] = {s: ([], []) for s in _SHAPES}
    for name in _pattern(language).groupindex:
        if "_" in name:
            field, shape = name.rsplit("_", 1)
            out[shape][0].append(field)
            out[shape][1].append(name)
    return {k: (tuple(f), tuple(n)) for k, (f, n) in out.items()}


# --------------------------------------------------------------------------------------------------
# Resolution of one match


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _plausible_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Gregorian date of a Hijri date in the arithmetic (tabular, civil-epoch) Islamic calendar.

    The calendars in use (Umm al-Qura, or moon sighting) may differ from it by a day or two.
    """
    jdn = day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return dt.date.fromordinal(jdn - 1721425)


@dataclass
class _Found:
    mention: DateMention
    nstart: int  # offsets in the normalised text
    nend: int
    approx: dt.date | None = None  # arithmetic conversion of a Hijri date with a year


@lru_cache(maxsize=4096)
def _months_in(language: str | None, span: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, month number) of the month names in a matched month span ("آذار / مارس")."""
    months = _lexicon(language).months
    return tuple((mm.start(), mm.end(), months[" ".join(mm.group().split())])
                 for mm in _month_finder(language).finditer(span))


def _resolve(m: re.Match[str], nt: NormalizedText, language: str | None) -> _Found | None:
    """The mention a pattern match stands for, or None when it is not a possible date."""
    lx = _lexicon(language)
    shape = m.lastgroup or ""
    fields, names = _group_names(language)[shape]
    g = {f: v for f, v in zip(fields, m.group(*names), strict=True) if v is not None}

    def at(field: str) -> tuple[int, int]:
        return m.span(f"{field}_{shape}")

    start, end = m.start(), m.end()
    year = month = day = weekday = relative = None
    cal = "gregorian"
    hijri: tuple[int | None, int, int | None] | None = None
    approx: dt.date | None = None
    ambiguous = False  # an English month name written in lower case that is also a common word
    months_found: tuple[tuple[int, int, int], ...] = ()
    if "wd" in g:
        weekday = lx.weekdays.get(" ".join(g["wd"].split()))
    if "mx" in g:
        mx_start = at("mx")[0]
        months_found = _months_in(language, g["mx"])
        if not months_found:
            return None
        month = months_found[0][2]
        first_name = g["mx"][: months_found[0][1]]
        if first_name in lx.lowercase_ambiguous:
            ambiguous = nt.original[nt.to_original(mx_start)].islower()
        if len(months_found) > 1 and months_found[1][2] != month:
            # two different months side by side: keep the first, and nothing after it
            end = mx_start + months_found[0][1]
            months_found = months_found[:1]
            g = {k: v for k, v in g.items() if k in ("wd", "d", "od", "pre", "rb", "mx")}
    if "d" in g:
        day = int(g["d"])
    if "od" in g:
        day = lx.ordinals.get(" ".join(g["od"].split()))
        before = nt.text[max(0, start - 24):start].split()
        if before and (before[-1] in lx.blockers or before[-1][1:] in lx.blockers):
            # "الأسبوع الأول من آذار": a week, not a day; keep the month
            day, start = None, at("mx")[0]
    if "rel" in g:
        relative = lx.rel_after.get(g["rel"])
    if "rb" in g:
        relative = lx.rel_before.get(g["rb"])
    if "yg" in g:
        year = int(g["yg"])
    elif "y" in g:
        year = int(g["y"])

    if shape in ("A", "O", "B"):
        if year is not None and not _plausible_year(year):
            # the number after the month is not a year: keep the day and month only
            year = None
            end = at("d")[1] if shape == "B" else at("mx")[1]
        if shape == "B" and year is None and not g["mx"].isascii():
            return None  # "آذار 5": an Arabic month followed by a bare number is usually a count
        if ambiguous and year is None:
            return None  # "may 5", "5 march": words, unless a year makes the date certain
    elif shape == "N":
        n1, n2 = int(g["n1"]), int(g["n2"])
        if n2 > 12 >= n1:
            month, day = n1, n2  # 01/21/2018 can only be month first
        else:
            day, month = n1, n2
    elif shape == "I":
        month, day = int(g["n2"]), int(g["n3"])
    elif shape == "C":
        if ambiguous:
            return None
    elif shape == "Y":
        start = at("pre")[0]
    elif shape == "M":
        if ambiguous:
            return None
        if not ("pre" in g or "rb" in g or "rel" in g or len(months_found) > 1):
            return None
        if not g["mx"].isascii() or nt.original[nt.to_original(at("mx")[0])].isupper() or "rb" in g:
            start = at("rb")[0] if "rb" in g else at("mx")[0]
        else:
            return None  # an English month name alone must be capitalised ("in March")
    elif shape == "G":
        cal = "hijri"
        hmonth = lx.hijri.get(" ".join(g["hm"].split()))
        if hmonth is None or day is None or not 1 <= day <= 30:
            return None
        hijri = (year, hmonth, day)
        if year is not None:
            approx = hijri_to_gregorian(year, hmonth, day)
            year, month, day = _hijri_window(approx, weekday)
        else:
            month = day = None
    if shape in ("N", "I", "C", "Y") and not _plausible_year(year or 0):
        return None
    if cal == "gregorian" and not _valid(year, month, day):
        return None
    s, e = nt.span(start, end)
    mention = DateMention(s, e, nt.original[s:e], year, month, day, weekday, cal, relative, hijri)
    return _Found(mention, start, end, approx)


def _hijri_window(approx: dt.date, weekday: int | None) -> tuple[int | None, int | None, int | None]:
    """What the arithmetic conversion fixes reliably: the day only if the weekday picks it."""
    window = [approx + dt.timedelta(days=k) for k in range(-HIJRI_TOLERANCE_DAYS, HIJRI_TOLERANCE_DAYS + 1)]
    if weekday is not None:
        hits = [d for d in window if d.weekday() == weekday]
        if len(hits) == 1:
            return hits[0].year, hits[0].month, hits[0].day
    lo, hi = window[0], window[-1]
    if (lo.year, lo.month) == (hi.year, hi.month):
        return lo.year, lo.month, None
    if lo.year == hi.year:
        return lo.year, None, None
    return None, None, None


@cache
def _pair_gap(language: str | None) -> re.Pattern[str]:
    """What may stand between a Hijri date and the Gregorian date written beside it."""
    w = _lexicon(language).words
    joiners = _alt([*w.get("weekday_date", ()), *w.get("year_suffix", ()), *w.get("hijri_year_suffix", ()),
                    *w.get("calendar_joiner", ())])
    return re.compile(rf"[\W_]*(?:{joiners}(?!\w)[\W_]*)*")


def _pair_hijri(found: list[_Found], ntext: str, language: str | None) -> None:
    """Give a Hijri date the exact day of a Gregorian date written next to it, when they agree."""
    for i, f in enumerate(found):
        if f.approx is None or f.mention.day is not None:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(found):
                continue
            other = found[j]
            greg = other.mention.date
            if greg is None or other.mention.calendar != "gregorian":
                continue
            lo, hi = (other, f) if j < i else (f, other)
            if hi.nstart - lo.nend > 30 or not _pair_gap(language).fullmatch(ntext, lo.nend, hi.nstart):
                continue
            if abs((greg - f.approx).days) <= HIJRI_TOLERANCE_DAYS + 1:
                f.mention = replace(f.mention, year=greg.year, month=greg.month, day=greg.day)
                break


# Anchors: every date expression contains a month name or a number that can be a year or part of
# a numeric date. Both scans start with a character class, which lets the regex engine skip fast.
_NUMBER_ANCHOR = re.compile(
    r"\d(?<!\d\d)(?:(?<=[12])\d\d\d(?!\d)|\d?[^\S\n]*+[/.\-][^\S\n]*+\d{1,2}[^\S\n]*+[/.\-])")
# where a date expression can start: a word start, or digits glued to a preceding letter
_STARTS = re.compile(r"(?<!\w)\w|(?<=[^\W\d])\d")
_CLUSTER_GAP = 25  # anchors closer than this belong to one candidate expression
_BACK = 60  # how far before its first anchor an expression may start
# words before the first anchor that may belong to the expression: weekday, joiner, day, ordinal
# day words ("الحادي والعشرين من شهر"), Hijri month names, cue words ("من العام", "end of")
_BACK_WORDS = 7


@cache
def _month_anchor(language: str | None) -> re.Pattern[str]:
    seps = " \n\r\t(\\[/\\-,.|:;\"'#>*0-9"
    return re.compile(rf"[{seps}]({_alt(_lexicon(language).months)})(?!\w)")


def _anchors(text: str, language: str | None) -> list[tuple[int, int, bool]]:
    """(start, end, is_month) of the anchors of a normalised text, in text order."""
    out = [(m.start(), m.end(), False) for m in _NUMBER_ANCHOR.finditer(text)]
    finder = _month_anchor(language)
    head = finder.match(" " + text[:24])  # a month name at the very start of the text
    months = [(head.start(1) - 1, head.end(1) - 1, True)] if head else []
    months += [(m.start(1), m.end(1), True) for m in finder.finditer(text)]
    if months:
        out = sorted(set(out + months))
    return out


def _worth_trying(text: str, cluster: list[tuple[int, int, bool]]) -> bool:
    """Can these anchors be part of a date? A month name, a numeric date, or a year-like number."""
    for s, e, is_month in cluster:
        digits = text[s:e]
        if is_month or not digits.isdigit():
            return True
        value = int(digits)
        if 1300 <= value <= 1600 or MIN_YEAR <= value <= MAX_YEAR:
            return True
    return False


_last_scan: tuple[NormalizedText | None, str | None, list[_Found]] = (None, None, [])


def _scan(nt: NormalizedText, language: str | None) -> list[_Found]:
    """The date expressions of a normalised text (the last result is kept, so that find_dates and
    publication_date on the same NormalizedText scan it once)."""
    global _last_scan
    last = _last_scan  # one read: safe if another thread replaces it meanwhile
    if last[0] is nt and last[1] == language:
        return last[2]
    found = _scan_uncached(nt, language)
    _last_scan = (nt, language, found)
    return found


def _scan_uncached(nt: NormalizedText, language: str | None) -> list[_Found]:
    """Find and resolve the date expressions of a normalised text.

    Trying the full pattern at every character would be slow, so two cheap scans first find the
    anchors every expression contains (a digit run or a month name); the full pattern is then tried
    only at the word starts shortly before and inside each group of nearby anchors.
    """
    text = nt.text
    pattern = _pattern(language)
    found: list[_Found] = []
    anchors = _anchors(text, language)
    clusters: list[list[tuple[int, int, bool]]] = []
    for a in anchors:
        last_end = clusters[-1][-1][1] if clusters else -_CLUSTER_GAP - 1
        if a[0] - last_end <= _CLUSTER_GAP and "\n" not in text[last_end:a[0]]:
            clusters[-1].append(a)
        else:
            clusters.append([a])
    done = 0  # text before this offset is already consumed by a match
    for cluster in clusters:
        if not _worth_trying(text, cluster):
            continue
        first = cluster[0][0]
        lo = max(done, first - _BACK)
        line = text.rfind("\n", lo, first)
        if line >= 0:
            lo = line + 1
        starts = [st.start() for st in _STARTS.finditer(text, lo, first)][-_BACK_WORDS:]
        starts += [st.start() for st in _STARTS.finditer(text, first, cluster[-1][1])]
        for pos in starts:
            if pos < done:
                continue
            m = pattern.match(text, pos)
            if m is None:
                continue
            done = m.end()
            f = _resolve(m, nt, language)
            if f is not None:
                found.append(f)
    if any(f.approx is not None for f in found):
        _pair_hijri(found, nt.text, language)
    return found


def find_dates(text: str | NormalizedText, language: str | None = None) -> list[DateMention]:
    """Absolute date expressions in ``text`` (Arabic and/or English), in text order.

    ``language`` "en" restricts the month and weekday names to English; "ar" or None (the default)
    uses both languages' names, since Arabic reports quote English sources. ``text`` may be given
    already normalised as a :class:`NormalizedText` (offsets still refer to its original text).
    """
    nt = text if isinstance(text, NormalizedText) else NormalizedText.of(text or "")
    if not nt.text:
        return []
    language = "en" if language == "en" else None
    return [f.mention for f in _scan(nt, language)]


def reload() -> None:
    """Forget the compiled lexicon and patterns (after changing ``MARSAD_DATA`` or the data files)."""
    load.cache_clear()
    for fn in (_lexicon, _pattern, _month_finder, _group_names, _months_in, _month_anchor, _pair_gap,
               _cue_pattern):
        fn.cache_clear()
    global _last_scan
    _last_scan = (None, None, [])


# --------------------------------------------------------------------------------------------------
# The report's own publication date


@cache
def _cue_pattern(language: str | None, before_date: bool) -> re.Pattern[str]:
    """Publication cues; with ``before_date``, only a cue ending right before a date (searched in the
    few characters before each found date, which is much cheaper than scanning the whole text)."""
    lx = _lexicon(language)
    groups = []
    for kind in ("published", "updated"):
        groups.append(rf"(?P<label_{kind}>{_alt(lx.label_cues.get(kind, ()))})")
        groups.append(rf"(?P<line_{kind}>{_alt(lx.line_cues.get(kind, ()))})")
    groups.append(rf"(?P<today>{_alt(lx.today)})")
    gap = rf"[^\w\n]*(?:{_alt(lx.cue_gap_words)}(?!\w)[^\w\n]*)?"
    tail = rf"(?P<gap>{gap})\Z" if before_date else ""
    return re.compile(rf"(?<!\w)[وف]?(?:{'|'.join(groups)})(?!\w){tail}")


_LINE_HEAD = re.compile(r"[^\w]*")
# a clock time or a separator right after a date: "21 يناير 2018 09 : 20", "Apr 2017 at 0914", "| 10:12"
_TIME_AFTER = re.compile(
    r"[^\S\n]*+(?:[-,|][^\S\n]*+)?(?:at[^\S\n]++\d{3,4}(?!\d)|\d{1,2}[^\S\n]*+:[^\S\n]*+\d\d|\||$)")
_SEPARATORS = "|•·-/:>*"


def _at_line_start(ntext: str, pos: int) -> bool:
    """Is ``pos`` the first word of its line, or right after a separator such as "|"?"""
    before = ntext[max(0, pos - 80):pos]
    line = before[before.rfind("\n") + 1:]
    if _LINE_HEAD.fullmatch(line):
        return True
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in _SEPARATORS


_LAST_WORD = re.compile(r"(\w+)[^\w]*\Z")


def _previous_word(ntext: str, pos: int) -> str:
    m = _LAST_WORD.search(ntext, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def _complete(m: DateMention, hint: dt.date | None, years: set[int]) -> DateMention | None:
    """A full-day mention, completing a missing year only when that is safe (see publication_date)."""
    if m.date is not None:
        return m
    if m.month is None or m.day is None or m.year is not None or m.calendar != "gregorian":
        return None
    if hint is not None:
        best = None
        for y in (hint.year - 1, hint.year, hint.year + 1):
            if not _valid(y, m.month, m.day):
                continue
            d = dt.date(y, m.month, m.day)
            if abs((d - hint).days) <= HINT_WINDOW_DAYS and (m.weekday is None or d.weekday() == m.weekday):
                if best is None or abs((d - hint).days) < abs((best - hint).days):
                    best = d
        if best is not None:
            return replace(m, year=best.year)
    if m.weekday is not None:
        fits = {y for y in years
                if _valid(y, m.month, m.day) and dt.date(y, m.month, m.day).weekday() == m.weekday}
        if len(fits) == 1:
            return replace(m, year=fits.pop())
    return None


def publication_date(text: str | NormalizedText, hint: dt.date | None = None) -> DateMention | None:
    """The report's own publication date, as a mention whose ``.date`` is a full day, or None.

    Looked for, in this order: after a publication label anywhere ("Date of publication", "تاريخ
    النشر"), or a publication verb starting a line ("Published June 4 2016", "نشر في"); after "today"
    ("اليوم، الخميس 21 من آذار"); after an update label ("Last updated", "آخر تحديث"); then the first
    date near the top of the text (the first ``DATELINE_CHARS`` characters) that is not introduced by
    an event word such as "on", "في", "منذ" (a wire dateline "Wed 05 Apr 2017 at 0914", a page header
    "الأحد , 21 يناير 2018").

    A date without a year is completed only when that is safe: with the year that puts it within
    ``HINT_WINDOW_DAYS`` of ``hint``, or, when it names a weekday, with the one year among those the
    text mentions on which that day falls on that weekday. Year-only or month-only dates are never
    returned.
    """
    nt = text if isinstance(text, NormalizedText) else NormalizedText.of(text or "")
    if not nt.text:
        return None
    lx = _lexicon(None)
    found = _scan(nt, None)
    ntext = nt.text
    years = {f.mention.year for f in found
             if f.mention.year is not None and f.mention.calendar == "gregorian"}
    tiers: dict[str, list[_Found]] = {"published": [], "today": [], "updated": [], "dateline": []}
    before_date = _cue_pattern(None, True)
    for f in found:
        lo = max(0, f.nstart - CUE_GAP_CHARS)
        cue = before_date.search(ntext[lo:f.nstart])
        if cue is None:
            continue
        kind = [k for k, v in cue.groupdict().items() if v is not None and k != "gap"][0]
        if kind.startswith("line_") and not _at_line_start(ntext, lo + cue.start()):
            continue
        tiers["today" if kind == "today" else kind.split("_", 1)[1]].append(f)
    # cues near the top of the text whose date the patterns could not complete: left to dateparser
    unresolved_cues: list[tuple[int, str]] = []
    for cue in _cue_pattern(None, False).finditer(ntext, 0, min(len(ntext), DATELINE_CHARS)):
        kind = cue.lastgroup or ""
        if kind == "today" or (kind.startswith("line_") and not _at_line_start(ntext, cue.start())):
            continue
        unresolved_cues.append((cue.end(), kind.split("_", 1)[1]))
    # near the top: dates that look like a dateline (a weekday, the start of a line, a clock time
    # after it) before the other dates not introduced by an event word
    strong: list[_Found] = []
    weak: list[_Found] = []
    for f in found:
        if f.nstart >= DATELINE_CHARS:
            break
        if _previous_word(ntext, f.nstart) in lx.event_words:
            continue
        if f.mention.weekday is not None or _at_line_start(ntext, f.nstart) or _TIME_AFTER.match(ntext, f.nend):
            strong.append(f)
        else:
            weak.append(f)
    tiers["dateline"] = strong + weak
    for tier in ("published", "today", "updated"):
        for f in tiers[tier]:
            done = _complete(f.mention, hint, years)
            if done is not None:
                return done
        if tier != "today":
            for cue_end, kind in unresolved_cues:
                if kind == tier:
                    parsed = _parse_after_cue(nt, cue_end)
                    if parsed is not None:
                        return parsed
    for f in tiers["dateline"]:
        done = _complete(f.mention, hint, years)
        if done is not None:
            return done
    return None


def _parse_after_cue(nt: NormalizedText, cue_end: int) -> DateMention | None:
    """dateparser as the last resort for the words after a publication cue that no pattern matched."""
    ntext = nt.text
    stop = ntext.find("\n", cue_end)
    window_end = min(len(ntext), cue_end + CUE_GAP_CHARS, stop if stop >= 0 else len(ntext))
    words = list(re.finditer(r"\S+", ntext[cue_end:window_end]))
    while words and not re.match(r"\w", words[0].group()):
        words.pop(0)  # ": 21 Mar. 17"
    if not words or not any(ch.isdigit() for ch in ntext[cue_end:window_end]):
        return None
    for n in range(min(len(words), 6), 1, -1):
        s, e = nt.span(cue_end + words[0].start(), cue_end + words[n - 1].end())
        span = nt.original[s:e]
        parsed = _dateparser_parse(span, not span.isascii())
        if parsed is not None and _plausible_year(parsed.year):
            return DateMention(s, e, span, parsed.year, parsed.month, parsed.day, None, "gregorian")
    return None


@lru_cache(maxsize=4096)
def _dateparser_parse(span: str, arabic: bool) -> dt.date | None:
    import dateparser  # slow to import: only when needed

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY",
                "RETURN_AS_TIMEZONE_AWARE": False}
    if arabic:
        # ar-SY carries both the Levantine (آذار) and the Egyptian (مارس) month names
        result = dateparser.parse(span, locales=["ar-SY"], settings=settings)
    else:
        result = dateparser.parse(span, languages=["en"], settings=settings)
    return result.date() if result is not None else None
