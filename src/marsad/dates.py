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

Periods (:func:`find_periods`)
------------------------------
Every time expression becomes a :class:`PeriodMention`: the first and last day it covers, resolved
against the publication date where needed. The words are data (``[periods]``, ``[period_units]``,
``[period_parts]``, ``[part_ranges]`` ... in the same TOML files); the rules are these:

* Absolute dates from :func:`find_dates`: a day, a whole month, a whole year. A yearless date or month
  ("21 آذار", "in March") takes the most recent year that puts it on or before the publication date
  plus two days; "آذار الماضي" / "last March" the most recent one before the publication month,
  "الجاري" the publication year, "المقبل" the next one. A Hijri date whose Gregorian day is uncertain
  covers the uncertainty window (two days either side of the arithmetic conversion).
* Relative day words ("اليوم", "أمس", "أول أمس", "الليلة الماضية", "yesterday", "last night") cover
  the days their data entry gives. A night runs from its day into the next one ("ليلة أمس" = the day
  before publication and the publication day; "ليلة الأحد", "Sunday night" = Sunday and Monday), cut
  at the publication date.
* Weekdays: the most recent such day on or before the publication date, so a bare weekday that is
  the publication weekday is the publication day; with "الماضي" / "last" strictly before it (a week
  earlier on that same weekday); with "المقبل" / "next" after it. Next to a relative day word
  ("أمس الثلاثاء") the weekday wins, taken within three days of the day the word gives; when it is
  one day off the word's day (a late post, a date field in another time zone) both days are kept. An Arabic
  weekday needs a cue, since "أحد" is also "one of" and "الجمعة" the Friday prayer: a time-of-day word
  ("يوم", "صباح", "ليلة" ...), a relative word after it, "منذ", commas around it ("قال، السبت، إن"),
  or, for the weekdays that are no common word, the end of the clause it dates ("قتل 12 شخصا بغارات
  على القرية الأربعاء، وفق ...") unless a word before makes it a name ("سوق الخميس") or the future
  ("غدا الأربعاء").
  A weekday (or "اليوم") written next to a full date is part of that date's expression.
* Counted spans: "قبل ثلاثة أيام" / "three days ago" is that day (a month or a year ago: that
  calendar month or year); "الأيام الثلاثة الماضية", "the past three days", "منذ ثلاثة أيام" run
  from that day to the publication date. Vague plurals ("قبل أيام", "in recent days") reach back as
  far as ``[period_vague]`` says, and give no period for units it does not list.
* Calendar spans: the last week is the seven days before the publication date and this week the seven
  days up to it (whatever day the week starts on where the text was written); months and years are
  calendar ones, the current one running up to the publication date; "the past week / month / year"
  ends on the publication date.
* Parts ("مطلع", "منتصف", "أواخر", "early", "mid-", "the end of", seasons) narrow a month to days
  1-10 / 11-20 / 21-end and a year to months 1-4 / 5-8 / 9-12, as ``[part_ranges]`` defines.
* "منذ X" / "since X" runs from X's first day to the publication date; "so far this year" and
  "earlier this month" from the start of the current span to it.
* Ranges ("بين X و Y", "من X إلى Y", "X - Y", "between X and Y", "from X to Y", "بين عامي 2014 و2019",
  "منذ 2011 وحتى الآن") run from X's first day to Y's last; X may borrow Y's month or year ("17-19 آذار",
  "23 و 24 يوليو", "from 1 to 5 March", "March 1-5, 2019", "من آذار إلى أيار 2019"). Two dates
  joined by "و" without "بين" stay two periods.
* Precision is "day" for one day, "days" for spans of up to a week (eight days counting the
  publication day), "week" / "month" / "year" for calendar spans, and "period" otherwise.
* Overlapping candidates are resolved to the longest. Relative expressions are found from their first
  words after a space or a line break (one regex scan); a word glued to punctuation ("،أمس") is missed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from marsad.arabic import MARKS, NormalizedText, WordIndex, normalize
from marsad.resources import load

__all__ = ["DateMention", "PeriodMention", "find_dates", "find_periods", "publication_date", "hijri_to_gregorian",
           "reload"]

MIN_YEAR = 1900
MAX_YEAR = 2100
HIJRI_TOLERANCE_DAYS = 2  # how far the arithmetic Hijri calendar may be from the one in use
HINT_WINDOW_DAYS = 31  # a yearless dateline is completed from the hint only this close to it
DATELINE_CHARS = 400  # where a report's own dateline is looked for, from the start of the text
CUE_GAP_CHARS = 40  # how far after a publication cue its date may start
SWAP_WINDOW_DAYS = 31  # an all-number date is read month first when only that reading is this recent


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
    # a number glued to Latin letters is part of a name or handle ("@user5Nov 28, 2024"), not a day
    day = r"(?<![\d/:A-Za-z_@])(?<!\d[.,])(?P<d§>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    conn_words = _alt(w.get("day_month", ()))
    conn = rf"(?:{H}*+{conn_words}{H}++|{H}*+[\-./]{H}*+|{H}*+)"  # "6/ تشرين الأول/ 2022"
    ysuf = _alt(w.get("year_suffix", ()))
    yprefix = _alt(w.get("year_prefix", ()))
    year_part = (rf"(?:{H}*+[,\-./]?{H}*+(?:{yprefix}{H}*+)?(?P<y§>\d{{4}})(?!\d)"
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
        "B": (rf"{wdx}(?:(?<!\w)|(?<=[\u0621-\u064a])(?=[a-z])){monx}{H}*+(?P<d§>[0-3]?\d)"
              rf"(?:(?P<yg§>(?:19|20)\d\d)|st|nd|rd|th)?(?!\d)"
              rf"(?:{H}*+,?{H}*+(?P<y§>\d{{4}})(?!\d))?"),
        # آذار 2019 ; June 2016 ; حزيران من العام 2012
        "C": (rf"(?<!\w){clitic}{monx}{H}*+(?:[,\-]{H}*+)?(?:{yprefix}{H}*+)?(?P<y§>\d{{4}})(?!\d)"
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
    return re.compile(rf"(?={_first_test(lx)})(?:" + "|".join(parts) + ")")


_FIRST_CLITICS = "وفبل"


def _first_words_of(lx: _Lexicon) -> list[str]:
    """The words every date expression that does not begin with a digit begins with (after one of
    _FIRST_CLITICS, maybe)."""
    w = lx.words
    return [*lx.weekdays, *lx.months, *lx.ordinals, *lx.rel_before, *w.get("year_cue", ()),
            *w.get("month_prefix", ())]


def _first_test(lx: _Lexicon) -> str:
    """What every date expression begins with: a digit or one of these words. Testing it first makes
    a failing attempt cheap."""
    return rf"\d|[{_FIRST_CLITICS}]?{_alt(_first_words_of(lx))}(?!\w)"


@cache
def _first_runs(language: str | None) -> frozenset[str] | None:
    """The first words of the words and phrases a date expression begins with (_first_words_of),
    with their proclitics; None when they are not all Arabic or Latin words (see _first_words)."""
    words = _first_words_of(_lexicon(language))
    return _first_words([c + w for w in words for c in ("", *_FIRST_CLITICS)
                         if not c or _ARABIC_WORDS.fullmatch(w)])


_DIGIT_RUN = re.compile(r"\d+")
_MATCH_START = re.Match.start


@cache
def _start_finder(language: str | None) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]]:
    """Where a date expression may start, to try the pattern there only: the word starts (_STARTS)
    whose first character a digit or a first word can begin with (one search finds them), and the
    first three, two and one characters the first words can begin with (those shorter than three
    characters, or with a space sooner, in the shorter sets), for a test in Python before the call."""
    heads: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for word in _first_words_of(_lexicon(language)):
        for clitic in ("", *_FIRST_CLITICS):
            head = (clitic + word)[:3].split(" ")[0]  # an inner space matches any horizontal space
            if head:
                heads[3 - len(head)].add(head)
    chars = "".join(sorted({h[0] for hs in heads for h in hs}))
    where = r"(?<!\w)(?=\w)|(?<=[^\W\d])(?=\d)|(?<=[\u0621-\u064a])(?=[a-z])"  # = _STARTS
    first = rf"\d|[{re.escape(chars)}]" if chars else r"\d"
    finder = re.compile(rf"(?:{where})(?={first})\w")
    return finder, tuple(frozenset(h) for h in heads)


@cache
def _month_finder(language: str | None) -> re.Pattern[str]:
    return re.compile(rf"{_alt(_lexicon(language).months)}(?!\w)")


@cache
def _group_names(language: str | None) -> dict[str, tuple[tuple[str, ...], tuple[int, ...]]]:
    """For each shape, its field names and the numbers of the matching groups (a group is read
    faster by number than by name)."""
    out: dict[str, tuple[list[str], list[int]]] = {s: ([], []) for s in _SHAPES}
    for name, number in _pattern(language).groupindex.items():
        if "_" in name:
            field, shape = name.rsplit("_", 1)
            out[shape][0].append(field)
            out[shape][1].append(number)
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
    swappable: bool = False  # an all-number date that also reads month first ("12/5/2024")


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
    swappable = False
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
            swappable = n1 <= 12 and n1 != n2
    elif shape == "I":
        month, day = int(g["n2"]), int(g["n3"])
    elif shape == "C":
        if ambiguous:
            return None
        start = at("mx")[0]  # "وآذار 2019": the conjunction is not part of the date
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
    return _Found(mention, start, end, approx, swappable)


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
_NUMBER_ANCHOR_09 = re.compile(_NUMBER_ANCHOR.pattern.replace(r"\d", "[0-9]"))
# where a date expression can start: a word start, digits glued to a preceding letter, or a Latin word
# glued to an Arabic one (a social post's author name and its date: "شبكة الأخبارNovember 30, 2024")
_STARTS = re.compile(r"(?<!\w)\w|(?<=[^\W\d])\d|(?<=[\u0621-\u064a])[a-z]")
_CLUSTER_GAP = 25  # anchors closer than this belong to one candidate expression
_BACK = 60  # how far before its first anchor an expression may start
# words before the first anchor that may belong to the expression: weekday, joiner, day, ordinal
# day words ("الحادي والعشرين من شهر"), Hijri month names, cue words ("من العام", "end of")
_BACK_WORDS = 7
# the most characters that hold at most _BACK_WORDS word starts (_STARTS): at most three in a row (a
# letter, a Latin letter glued to it, a digit glued to that), then a character that starts nothing
_BACK_WORDS_SURE = max(n for n in range(4 * _BACK_WORDS) if n - n // 4 <= _BACK_WORDS)


@cache
def _month_anchor(language: str | None) -> re.Pattern[str]:
    seps = " \n\r\t(\\[/\\-,.|:;\"'#>*0-9"
    names = _lexicon(language).months
    latin = [n for n in names if n.isascii()]
    glued = rf"|(?<=[\u0621-\u064a])({_alt(latin)})(?!\w)" if latin else ""
    return re.compile(rf"[{seps}]({_alt(names)})(?!\w){glued}")


_ARABIC_WORDS = re.compile("[\u0621-\u064a]+(?: [\u0621-\u064a]+)*")


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first words of the phrases that can occur in a text whose words are all Arabic (see
    :class:`marsad.arabic.WordIndex`): a phrase found by a pattern made with _alt that is not Arabic
    words begins with a Latin letter, which such a text does not have. None when a phrase is neither."""
    out: set[str] = set()
    for phrase in phrases:
        if _ARABIC_WORDS.fullmatch(phrase):
            out.add(phrase.split(" ")[0])
        elif not (phrase[:1].isascii() and phrase[:1].isalpha()):
            return None
    return frozenset(out)


@cache
def _month_firsts(language: str | None) -> frozenset[str] | None:
    return _first_words(_lexicon(language).months)


_LATIN_WORDS = re.compile("[a-z]+(?: [a-z]+)*")


def _latin_firsts(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern finding the first words of the phrases that are not Arabic words, when these are
    words of Latin letters (else None). Each match is a whole run of Latin letters, so that no phrase
    can begin inside one; a text whose words are not all Arabic is searched for these candidates and
    the anchor pattern tried on them only: a pattern that begins with a class of letters lets the
    regex engine skip fast, where the anchor patterns, which begin with a separator, try their trie
    at every space."""
    latin = [p for p in phrases if not _ARABIC_WORDS.fullmatch(p)]
    if not all(_LATIN_WORDS.fullmatch(p) for p in latin):
        return None
    return re.compile(rf"{_alt({p.split(' ')[0] for p in latin})}(?!\w)")


@cache
def _month_latin(language: str | None) -> re.Pattern[str] | None:
    return _latin_firsts(_lexicon(language).months)


def _anchors(text: str, language: str | None, words: WordIndex | None = None) -> list[tuple[int, int, bool]]:
    """(start, end, is_month) of the anchors of a normalised text, in text order. ``words``, the word
    index of the text if there is one, saves scanning it for month names."""
    # in a text of Arabic words (WordIndex.only_letters) the only digits are 0-9, which a class
    # tests faster than \d
    numbers = _NUMBER_ANCHOR_09 if words is not None and words.only_letters else _NUMBER_ANCHOR
    out = [(m.start(), m.end(), False) for m in numbers.finditer(text)]
    finder = _month_anchor(language)
    head = finder.match(" " + text[:24])  # a month name at the very start of the text
    months = [(head.start(1) - 1, head.end(1) - 1, True)] if head else []
    firsts = _month_firsts(language)
    latin = _month_latin(language) if words is not None and firsts is not None else None
    if words is not None and firsts is not None and (latin is not None or words.only_letters):
        # an Arabic month name is a run of letters after a separator: the same matches as finditer
        done = 0
        for start in words.runs_in(firsts):
            if start > done and (m := finder.match(text, start - 1)) is not None:
                months.append((m.start(1), m.end(1), True))
                done = m.end()
        if latin is not None and not words.only_letters:
            # a Latin one is a word of Latin letters, after a separator or glued to an Arabic word
            # (finder.match at p - 1 tries the first, at p the second); no match can start inside
            # a candidate, which is all Latin letters
            for c in latin.finditer(text):
                p = c.start()
                if p and ((m := finder.match(text, p - 1)) is not None or (m := finder.match(text, p)) is not None):
                    months.append((m.start(m.lastindex or 1), m.end(m.lastindex or 1), True))
    else:
        months += [(m.start(m.lastindex or 1), m.end(m.lastindex or 1), True) for m in finder.finditer(text)]
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


_Anchor = tuple[int, int, bool]
_last_scan: tuple[NormalizedText | None, str | None, list[_Found], list[_Anchor]] = (None, None, [], [])


def _scan(nt: NormalizedText, language: str | None) -> list[_Found]:
    """The date expressions of a normalised text (the last result is kept, so that find_dates,
    publication_date and find_periods on the same NormalizedText scan it once)."""
    return _scan_with_anchors(nt, language)[0]


def _scan_with_anchors(nt: NormalizedText, language: str | None) -> tuple[list[_Found], list[_Anchor]]:
    """The date expressions of a normalised text, and the anchors (month names, year-like numbers)
    found on the way."""
    global _last_scan
    last = _last_scan  # one read: safe if another thread replaces it meanwhile
    if last[0] is nt and last[1] == language:
        return last[2], last[3]
    anchors: list[_Anchor] = []
    found = _scan_uncached(nt, language, anchors)
    _last_scan = (nt, language, found, anchors)
    return found, anchors


def _scan_uncached(nt: NormalizedText, language: str | None, anchors_out: list[_Anchor] | None = None
                   ) -> list[_Found]:
    """Find and resolve the date expressions of a normalised text.

    Trying the full pattern at every character would be slow, so two cheap scans first find the
    anchors every expression contains (a digit run or a month name); the full pattern is then tried
    only at the word starts shortly before and inside each group of nearby anchors.
    """
    text = nt.text
    pattern = _pattern(language)
    starts_at, (heads3, heads2, heads1) = _start_finder(language)
    found: list[_Found] = []
    words = nt.built_words()
    anchors = _anchors(text, language, words)
    # in a text of Arabic words (see WordIndex.only_letters), the word starts where an expression
    # not beginning with a digit can begin: the runs of letters that are a first word (not glued
    # after digits: no word start). Found by set membership, not by a regex at every word start
    firsts = None
    first_runs = _first_runs(language)
    if words is not None and first_runs is not None and words.only_letters and anchors:
        firsts = [p for p in words.runs_in(first_runs) if not text[p - 1:p].isdecimal()]
    if anchors_out is not None:
        anchors_out.extend(anchors)
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
        # the pattern is tried at the word starts (_STARTS) from the _BACK_WORDS-th last before the
        # cluster to its end, but only at those where its first test may pass
        end = cluster[-1][1]
        if firsts is not None:
            # a text of Arabic words: those word starts are digit runs and the first words' runs
            starts = list(map(_MATCH_START, _DIGIT_RUN.finditer(text, lo, end)))
            if starts and starts[0] == lo and text[lo - 1:lo].isdecimal():
                del starts[0]  # the end of a run that began before lo (the others are whole runs)
            k, k1 = bisect_left(firsts, lo), bisect_left(firsts, end)
            if k < k1:
                starts = sorted(starts + firsts[k:k1])
        else:
            starts = [c.start() for c in starts_at.finditer(text, lo, end)
                      if text[c.start()].isdecimal() or text[c.start():c.start() + 3] in heads3
                      or text[c.start():c.start() + 2] in heads2 or text[c.start()] in heads1]
        back_ok = False  # a word start before the cluster is among the last _BACK_WORDS ones
        for pos in starts:
            if pos < done:
                continue
            if pos < first and not back_ok:
                if first - pos > _BACK_WORDS_SURE and len(_STARTS.findall(text, pos, first)) > _BACK_WORDS:
                    continue
                back_ok = True
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
               _cue_pattern, _plex, _period_grammar, _period_anchor, _period_rx, _month_firsts,
               _period_anchor_words, _period_firsts, _anniversary_rx, _stamp_before, _month_latin,
               _period_latin, _first_runs, _start_finder):
        fn.cache_clear()
    global _last_scan
    _last_scan = (None, None, [], [])


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


@cache
def _stamp_before() -> re.Pattern[str]:
    """A post's clock time right before a date ("11:31 AM · Dec 1, 2024"): the time, an optional mark of the
    half of the day ([publication] time_marks of both date files) and the dot."""
    marks = [w for lang in ("ar", "en") for w in load(f"{lang}/dates.toml")["publication"].get("time_marks", [])]
    return re.compile(rf"\d{{1,2}}:\d\d\s*(?:{_alt(marks)})?\s*·\s*$", re.IGNORECASE)


def publication_date(text: str | NormalizedText, hint: dt.date | None = None) -> DateMention | None:
    """The report's own publication date, as a mention whose ``.date`` is a full day, or None.

    Looked for, in this order: a post's time stamp ("11:31 AM · Dec 1, 2024"); after a publication
    label anywhere ("Date of publication", "تاريخ
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
    # a post's time stamp ("11:31 AM · Dec 1, 2024" at the foot of an X post) dates the post itself
    tiers["published"] += [f for f in found if _stamp_before().search(ntext, max(0, f.nstart - 16), f.nstart)]
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


# --------------------------------------------------------------------------------------------------
# Periods: absolute dates, relative time words, weekdays, parts of months and years, ranges


@dataclass(frozen=True)
class PeriodMention:
    """One time expression, resolved to the days it covers.

    ``start``/``end`` are offsets into the text given to :func:`find_periods` (``text[start:end] ==
    self.text``). ``first``/``last`` are the first and last day covered (equal for one day); ``None``
    when the expression cannot be resolved (a relative word without a publication date). ``precision``
    is "day" (one day), "days" (a few days, at most a week), "week", "month", "year" or "period" (a
    longer span, or one whose end is open). ``relative`` is True when the publication date was
    needed to resolve it.
    """

    start: int
    end: int
    text: str
    first: dt.date | None
    last: dt.date | None
    precision: str
    relative: bool


_UNIT_DAYS = {"day": 1, "night": 1, "week": 7}
# units shorter than a day: how many make one. Hours are rounded up to whole days ("two hours ago" may
# be yesterday); minutes and moments ("قبل دقائق"، "منذ قليل") are the report's own day.
_PER_DAY = {"hour": 24, "minute": 0, "moment": 0}


@dataclass(frozen=True)
class _PLex:
    day_words: dict[str, tuple[int, int]]
    day_block_before: frozenset[str]
    day_block_after: frozenset[str]
    tod: dict[str, str]
    tod_after: dict[str, str]
    weekdays: dict[str, int]  # the weekday names that can name a period on their own
    cal_units: dict[str, str]
    units: dict[str, tuple[str, str]]  # spelling -> (unit, "singular" | "dual" | "plural")
    counts: dict[str, int]
    few: frozenset[str]
    vague: dict[str, int]
    parts: dict[str, str]
    part_ranges: dict[str, dict[str, tuple[int, int]]]
    rel_after: dict[str, int]
    rel_before: dict[str, int]
    ambiguous_cal: dict[str, frozenset[str]]
    words: dict[str, tuple[str, ...]]

    def w(self, name: str) -> tuple[str, ...]:
        return self.words.get(name, ())


_PERIOD_LISTS = (
    "night_pair_joiners", "this_words", "past_words", "last_words", "ago_words", "ago_after_words",
    "ago_not_after", "for_words", "approx_words", "recent_words", "since_words", "so_far_words",
    "now_words", "range_between", "range_and", "range_from", "range_to", "range_bare", "years_words",
    "rolling_before", "weekday_clause_blockers", "weekday_ambiguous")


def _article_forms(word: str) -> list[str]:
    """An Arabic noun with the article, and with ل + article ("للعام"); an English word as it is."""
    if word.isascii():
        return [word]
    return [word, "ال" + word, "لل" + word]


@cache
def _plex(language: str | None) -> _PLex:
    langs = ("en",) if language == "en" else ("ar", "en")
    lx = _lexicon(language)
    day_words: dict[str, tuple[int, int]] = {}
    tod: dict[str, str] = {}
    tod_after: dict[str, str] = {}
    cal: dict[str, str] = {}
    units: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    vague: dict[str, int] = {}
    parts: dict[str, str] = {}
    ranges: dict[str, dict[str, tuple[int, int]]] = {}
    words: dict[str, list[str]] = {}
    block_before: set[str] = set()
    block_after: set[str] = set(lx.ordinals)
    weekdays: dict[str, int] = {}
    ambiguous: dict[str, set[str]] = {}
    for lang in langs:
        data = load(f"{lang}/dates.toml")
        per = data.get("periods", {})
        for k, v in per.get("day_words", {}).items():
            day_words[_key(k)] = (int(v[0]), int(v[1]))
        tod.update({_key(k): v for k, v in per.get("time_of_day", {}).items()})
        tod_after.update({_key(k): v for k, v in per.get("time_of_day_after", {}).items()})
        for k, v in per.get("calendar_units", {}).items():
            for form in _article_forms(_key(k)):
                cal[form] = v
        for k, v in per.get("ambiguous_calendar", {}).items():
            ambiguous.setdefault(_key(k), set()).update(_key(x) for x in v)
        block_before.update(_key(v) for v in per.get("day_word_blockers_before", []))
        block_after.update(_key(v) for v in per.get("day_word_blockers_after", []))
        for name in _PERIOD_LISTS:
            words.setdefault(name, []).extend(_key(v) for v in per.get(name, []))
        words.setdefault("few_words", []).extend(_key(v) for v in per.get("few_words", []))
        for unit, forms in data.get("period_units", {}).items():
            for number in ("singular", "dual", "plural"):
                for form in forms.get(number, []):
                    for f in _article_forms(_key(form)):
                        units[f] = (unit, number)
        counts.update({_key(k): int(v) for k, v in data.get("period_counts", {}).items()})
        vague.update({k: int(v) for k, v in data.get("period_vague", {}).items()})
        parts.update({_key(k): v for k, v in data.get("period_parts", {}).items()})
        for name, spec in data.get("part_ranges", {}).items():
            ranges[name] = {k: (int(v[0]), int(v[1])) for k, v in spec.items()}
        # weekdays: every Arabic spelling (their contexts are guarded); English ones written in full
        table = _table(data.get("weekdays", {}))
        longest: dict[int, int] = {}
        for name, number in table.items():
            longest[number] = max(longest.get(number, 0), len(name))
        for name, number in table.items():
            if not name.isascii() or len(name) == longest[number]:
                weekdays[name] = number
    few = {w for w in words.pop("few_words", [])}
    for w in list(few):
        if not w.isascii() and not w.startswith("ال"):
            few.add("ال" + w)
    return _PLex(
        day_words=day_words, day_block_before=frozenset(block_before), day_block_after=frozenset(block_after),
        tod=tod, tod_after=tod_after, weekdays=weekdays, cal_units=cal, units=units, counts=counts,
        few=frozenset(few), vague=vague, parts=parts, part_ranges=ranges, rel_after=lx.rel_after,
        rel_before=lx.rel_before, ambiguous_cal={k: frozenset(v) for k, v in ambiguous.items()},
        words={k: tuple(dict.fromkeys(v)) for k, v in words.items()})


# Alternatives of the relative-time grammar, each wrapped in a group named after it.
_ALTS = ("np", "dw", "wd", "cnt", "cntb", "ls", "rc", "ag", "pb", "cal")


@cache
def _period_grammar(language: str | None) -> re.Pattern[str]:
    p = _plex(language)
    H, S, B = _H, _H + "++", r"(?!\w)"
    wd = _alt(p.weekdays)
    tod = _alt(p.tod)
    tods = rf"(?:{tod}{S}){{1,2}}"
    night_tods = rf"(?:{tod}{S})?{_alt(k for k, v in p.tod.items() if v == 'night')}"
    toda = _alt(p.tod_after)
    rel = _alt(p.rel_after)
    rb = _alt([*p.rel_before, *p.w("this_words")])
    cal = _alt(p.cal_units)
    cnt = rf"(?:{_alt([*p.counts, *p.few])}|\d{{1,3}})"
    # minutes and moments are read only as "... ago" / "since ...": "the last moments" of a life, "the
    # last minutes" of a match are no time before the report
    spans = {u: v for u, v in p.units.items() if _PER_DAY.get(v[0]) != 0}
    units_all = _alt(spans)
    units_art = _alt(u for u, (_, n) in spans.items() if n != "singular" and u.startswith("ال"))
    units_dupl = _alt(u for u, (_, n) in spans.items() if n != "singular")
    def without_article(units: Iterable[str]) -> str:
        return _alt(u for u in units if u.isascii() or not u.startswith(("ال", "لل")))

    units_bare = without_article(spans)
    units_ago = without_article(p.units)
    units_pl = _alt(u for u, (_, n) in spans.items() if n == "plural")
    past = _alt([*(k for k, v in p.rel_after.items() if v == -1), *p.w("past_words")])
    few = _alt(p.few)
    noyear = rf"(?!{H}*+(?:19|20)\d\d(?!\d))"  # "العام 2015" is an absolute year

    def yr(name: str) -> str:  # "العام الماضي 2021": the year written after the relative word
        return rf"(?:{S}(?P<yr_{name}>(?:19|20)\d\d)(?!\d))?"

    alts = {
        # ليل الجمعة - السبت ; ليلة السبت على الأحد
        "np": rf"(?P<t_np>{night_tods}){S}(?P<w1_np>{wd}){B}{H}*+(?:{_alt(p.w('night_pair_joiners'))}{H}*+)?"
              rf"(?P<w2_np>{wd}){B}",
        # اليوم ; صباح أمس ; مساء يوم أمس ; أمس الثلاثاء ; اليوم، الأحد ; yesterday morning
        "dw": rf"(?P<t_dw>{tods})?(?P<d_dw>{_alt(p.day_words)}){B}"
              rf"(?:(?:{H}*+,{H}*+|{S})(?P<w_dw>{wd}){B})?(?:{S}(?P<ta_dw>{toda}){B})?",
        # يوم الأحد ; فجر الجمعة ; الأحد الماضي ; last Sunday ; Sunday night ; early Monday
        "wd": rf"(?:(?P<t_wd>{tods})|(?P<rb_wd>{rb}){S})?(?P<w_wd>{wd}){B}"
              rf"(?:{S}(?P<rel_wd>{rel}){B})?(?:{S}(?P<ta_wd>{toda}){B})?",
        # الأيام الثلاثة الماضية ; اليومين الماضيين ; الساعات الـ24 الماضية ; الأيام القليلة الماضية
        "cnt": rf"(?P<u_cnt>{units_art}){B}(?:{S}(?:ال{H}*+)?(?P<n_cnt>{cnt}){B})?(?:{S}(?P<f_cnt>{few}){B})?"
               rf"{S}(?P<adj_cnt>{past}){B}",
        # الـ24 ساعة الماضية ; الثلاثة أيام الماضية
        "cntb": rf"ال{H}*+(?P<n_cntb>{cnt}){B}{H}*+(?P<u_cntb>{units_bare}){B}{S}(?P<adj_cntb>{past}){B}",
        # آخر ثلاثة أيام ; آخر يومين ; the past two days ; the last 24 hours ; past few days
        "ls": rf"(?P<l_ls>{_alt(p.w('last_words'))}){S}(?:(?P<n_ls>{cnt}){S}(?P<u_ls>{units_all})|"
              rf"(?P<u2_ls>{units_dupl})){B}",
        # in recent days
        "rc": rf"(?P<r_rc>{_alt(p.w('recent_words'))}){S}(?P<u_rc>{units_pl}){B}",
        # قبل ثلاثة أيام ; قبل يومين ; منذ أسبوع ; قبل أيام قليلة
        "ag": rf"(?P<a_ag>{_alt([*p.w('ago_words'), *p.w('for_words')])}){S}(?:(?P<ap_ag>"
              rf"{_alt(p.w('approx_words'))}){S})?(?:(?P<n_ag>{cnt}){S})?(?P<u_ag>{units_ago}){B}"
              rf"(?!{S}(?:{wd}|{_alt(p.day_words)}|{_alt(_lexicon(language).months)}){B})"
              rf"(?:{S}(?P<f_ag>{few}){B})?",
        # مطلع العام ; أواخر الشهر الماضي ; the beginning of the year ; early last month
        "pb": rf"(?P<p_pb>{_alt(p.parts)}){S}(?:(?:of|the|من){S})?(?:(?P<rb_pb>{rb}){S})?"
              rf"(?P<u_pb>{cal}){B}(?:{S}(?P<rel_pb>{rel}){B}{yr('pb')})?+{noyear}",
        # الأسبوع الماضي ; هذا العام ; الشهر الجاري ; last week ; this year ; the past month
        "cal": rf"(?:(?P<rb_cal>{rb}){S})?(?P<u_cal>{cal}){B}(?:{S}(?P<rel_cal>{rel}){B}{yr('cal')})?+{noyear}",
    }
    body = "|".join(f"(?P<{name}>{alts[name]})" for name in _ALTS)
    return re.compile(rf"(?:[وفبل](?=\w))?(?:{body})")


@cache
def _period_anchor(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words a relative expression can start with (with the conjunction و), after a space and
    after a line break. Starting with a literal character lets the regex engine jump from one
    candidate to the next; a word glued to punctuation ("،أمس") is not a candidate."""
    body = rf"{_alt(_period_anchor_words(language))}(?:(?!\w)|(?<=ال)(?={_H}*+\d))"
    return re.compile(rf"(?P<sep> ){body}"), re.compile(rf"(?P<sep>\n){body}")


@cache
def _period_anchor_words(language: str | None) -> frozenset[str]:
    p = _plex(language)
    # "هذا" / "this" are too common to start from: "هذا العام" is found from "العام" (see _rel_atom)
    this = set(p.w("this_words"))
    first = [*p.day_words, *p.tod, *p.weekdays, *(w for w in p.rel_before if w not in this),
             *(u for u in p.cal_units if u.isascii() or u.startswith(("ال", "لل"))),
             *(u for u, (_, n) in p.units.items() if n != "singular" and u.startswith(("ال", "لل"))),
             *p.w("last_words"), *p.w("recent_words"), *p.w("ago_words"), *p.w("for_words"),
             *p.w("ago_after_words"), *p.parts, "ال"]
    words = set(first)
    words.update("و" + w for w in first if not w.isascii())
    return frozenset(words)


@cache
def _period_firsts(language: str | None) -> frozenset[str] | None:
    return _first_words(_period_anchor_words(language))


@cache
def _period_latin(language: str | None) -> re.Pattern[str] | None:
    return _latin_firsts(_period_anchor_words(language))


@dataclass
class _Atom:
    ns: int  # span in the normalised text
    ne: int
    first: dt.date | None
    last: dt.date | None
    precision: str
    relative: bool
    kind: str  # "abs" | "rel" | "wd" (weekday or day word) | "now" | "range"
    level: str = ""  # "day" | "month" | "year" for atoms that parts and ranges can refine
    year: int | None = None
    month: int | None = None
    day: int | None = None
    yearless: bool = False  # an absolute date whose year came from the publication date (or is unknown)
    current: bool = False  # "this month / year": clipped to the publication date
    part: bool = False  # already narrowed by a part word
    part_name: str = ""


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _shift(d: dt.date | None, days: int) -> dt.date | None:
    if d is None:
        return None
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def _span_precision(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return "period"
    n = (last - first).days
    return "day" if n == 0 else "days" if n <= 7 else "period"


def _weekday_on(ref: dt.date, weekday: int, mode: str, limit: dt.date | None = None) -> dt.date:
    """The ``weekday`` on or before ``ref`` ("onbefore"), strictly before ("before"), strictly after
    ("after"), or the nearest one ("near": within three days either side, and never after ``limit``)."""
    back = (ref.weekday() - weekday) % 7
    if mode == "onbefore":
        return ref - dt.timedelta(days=back)
    if mode == "before":
        return ref - dt.timedelta(days=back or 7)
    if mode == "after":
        return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    ahead = ref + dt.timedelta(days=7 - back)
    if back <= 3 or (limit is not None and ahead > limit):
        return ref - dt.timedelta(days=back)
    return ahead


def _clip(first: dt.date | None, last: dt.date | None, published: dt.date | None) -> dt.date | None:
    """``last`` brought back to the publication date when the span runs past it."""
    if first is None or last is None or published is None:
        return last
    if first <= published < last:
        return published
    return last


def _complete_year(month: int, day: int | None, published: dt.date, relative: int | None) -> int | None:
    """The year of a yearless date or month, from the publication date.

    Without a relative word: the most recent one that starts on or before the publication date plus
    two days. "الماضي" / "last": the most recent one before the publication date (for a month, before
    the publication month). "الجاري" / "this": the publication year. "المقبل" / "next": the first one
    after the publication date (month).
    """
    py = published.year
    if relative == 0:
        return py if _valid(py, month, day) else None
    limit = published + dt.timedelta(days=2)
    years = range(py + 1, py - 9, -1) if relative != 1 else range(py, py + 9)
    for y in years:
        if not _valid(y, month, day):
            continue
        if relative == -1:
            ok = dt.date(y, month, day) < published if day is not None else (y, month) < (py, published.month)
        elif relative == 1:
            ok = dt.date(y, month, day) > published if day is not None else (y, month) > (py, published.month)
        else:
            ok = dt.date(y, month, day or 1) <= limit
        if ok:
            return y if _plausible_year(y) else None
    return None


def _hijri_year_near(d: dt.date) -> int:
    return int((d.toordinal() - hijri_to_gregorian(1, 1, 1).toordinal()) / 354.367) + 1


def _abs_atom(f: _Found, published: dt.date | None) -> _Atom:
    """An absolute date (from find_dates) as the days it covers."""
    m = f.mention
    atom = _Atom(f.nstart, f.nend, None, None, m.precision or "day", False, "abs")
    if m.calendar == "hijri" and m.hijri is not None and m.date is None:
        hy, hm, hd = m.hijri
        approx = f.approx
        if approx is None and hy is None and hd is not None and published is not None:
            limit = published + dt.timedelta(days=HIJRI_TOLERANCE_DAYS)
            for cand in (_hijri_year_near(published) + k for k in (1, 0, -1)):
                try:
                    g = hijri_to_gregorian(cand, hm, hd)
                except (ValueError, OverflowError):
                    continue
                if g <= limit:
                    approx, atom.relative = g, True
                    break
        if approx is not None:
            atom.first = _shift(approx, -HIJRI_TOLERANCE_DAYS)
            atom.last = _shift(approx, HIJRI_TOLERANCE_DAYS)
            atom.precision = "days"
        else:
            atom.precision = "day"
        atom.level = "hijri"
        return atom
    y, mo, d = m.year, m.month, m.day
    if f.swappable and published is not None and y is not None and mo is not None and d is not None:
        # "12/5/2024" in a post of 6 December 2024 is month first: of the two readings, the one that
        # falls in the weeks before publication (the other one does not) is meant
        def recent(day: dt.date) -> bool:
            return -1 <= (published - day).days <= SWAP_WINDOW_DAYS
        if not recent(dt.date(y, mo, d)) and recent(dt.date(y, d, mo)):
            mo, d = d, mo
    if y is None and mo is not None:
        atom.yearless = atom.relative = True
        if published is not None:
            y = _complete_year(mo, d, published, m.relative)
        atom.precision = "day" if d is not None else "month"
    atom.level = "day" if d is not None else "month" if mo is not None else "year"
    atom.year, atom.month, atom.day = y, mo, d
    atom.current = m.relative == 0 and d is None
    _fill(atom, published)
    return atom


def _fill(atom: _Atom, published: dt.date | None) -> None:
    """first / last of an absolute atom from its year, month and day."""
    y, mo, d = atom.year, atom.month, atom.day
    if y is None:
        atom.first = atom.last = None
    elif mo is None:
        atom.first, atom.last = dt.date(y, 1, 1), dt.date(y, 12, 31)
    elif d is None:
        atom.first, atom.last = _month_span(y, mo)
    else:
        atom.first = atom.last = dt.date(y, mo, d)
    if atom.current:
        atom.last = _clip(atom.first, atom.last, published)


def _apply_part(atom: _Atom, name: str, plex: _PLex, published: dt.date | None) -> bool:
    """Narrow a month or year atom to a part of it ("مطلع", "late", "صيف"). False if not applicable."""
    spec = plex.part_ranges.get(name, {})
    if atom.level == "month" and "month" in spec:
        a, b = spec["month"]
        if atom.year is not None and atom.month is not None:
            days = calendar.monthrange(atom.year, atom.month)[1]
            a = a if a > 0 else days + a + 1
            b = b if b > 0 else days + b + 1
            atom.first = dt.date(atom.year, atom.month, max(1, min(a, days)))
            atom.last = dt.date(atom.year, atom.month, max(1, min(b, days)))
    elif atom.level == "year" and "year" in spec:
        a, b = spec["year"]
        if atom.year is not None:
            start_year = atom.year - 1 if a > b else atom.year
            atom.first = dt.date(start_year, a, 1)
            atom.last = _month_span(atom.year, b)[1]
    else:
        return False
    atom.precision = _span_precision(atom.first, atom.last)
    atom.part, atom.part_name = True, name
    return True


def _calendar_span(unit: str, rel: int, rolling: bool, p: dt.date) -> tuple[dt.date, dt.date]:
    """The week / month / year before, of, or after the publication date ``p``.

    A week is counted in days, whatever day a week starts on where the text was written: the last
    week is the seven days before the publication date, this week the seven days up to it, the next
    week the seven days after it. A month or a year is the calendar one; the current month or year
    runs up to the publication date. "the past month / year" (rolling) ends on the publication date.
    """
    if unit == "week":
        if rolling:
            return p - dt.timedelta(days=7), p
        return {-1: (p - dt.timedelta(days=7), p - dt.timedelta(days=1)),
                0: (p - dt.timedelta(days=6), p),
                1: (p + dt.timedelta(days=1), p + dt.timedelta(days=7))}[rel]
    if unit == "month":
        if rolling:
            return _add_months(p, -1), p
        if rel == 0:
            return p.replace(day=1), p
        d = _add_months(p.replace(day=1), rel)
        return _month_span(d.year, d.month)
    if rolling:
        return _add_months(p, -12), p
    if rel == 0:
        return dt.date(p.year, 1, 1), p
    return dt.date(p.year + rel, 1, 1), dt.date(p.year + rel, 12, 31)


def _back(p: dt.date, unit: str, n: int) -> dt.date:
    """``n`` units before ``p`` (see _PER_DAY for the units shorter than a day)."""
    if unit in _PER_DAY:
        return p - dt.timedelta(days=-(-n // _PER_DAY[unit]) if _PER_DAY[unit] else 0)
    if unit in _UNIT_DAYS:
        return p - dt.timedelta(days=n * _UNIT_DAYS[unit])
    return _add_months(p, -n * (12 if unit == "year" else 1))


def _count(text: str | None, plex: _PLex) -> int | None:
    """The value of a count word or number; -1 for a vague "few"; None when absent."""
    if text is None:
        return None
    key = " ".join(text.split())
    if key.isdigit():
        return int(key)
    if key in plex.few:
        return -1
    if key.startswith("ال") and key[2:] in plex.counts:
        return plex.counts[key[2:]]
    return plex.counts.get(key)


def _span_back(unit: str, n: int, p: dt.date | None, ago: bool, plex: _PLex) -> tuple | None:
    """(first, last, precision) of "the past n units" (or "n units ago" when ``ago``); n = -1: vague."""
    if n == -1:
        if unit not in plex.vague:
            return None
        if p is None:
            return None, None, "days"
        reach = plex.vague[unit]
        first = p - dt.timedelta(days=reach)
        last = p - dt.timedelta(days=1) if ago and unit not in _PER_DAY else p
        return first, last, _span_precision(first, last)
    if n <= 0 or n > 1000:
        return None
    if p is None:
        single = ago and unit in ("day", "night", "week")
        return None, None, "day" if single else "period"
    try:
        start = _back(p, unit, n)
    except (OverflowError, ValueError):
        return None
    if ago:
        if unit in _PER_DAY:
            return start, p, _span_precision(start, p)
        if unit == "month":
            return *_month_span(start.year, start.month), "month"
        if unit == "year":
            return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "year"
        return start, start, "day"
    if n == 1 and unit in ("week", "month", "year"):
        return start, p, unit
    return start, p, _span_precision(start, p)


def _rel_atom(m: re.Match[str], ntext: str, published: dt.date | None, plex: _PLex) -> _Atom | None:
    """The atom a match of the relative-time grammar stands for, or None when its guards fail."""
    alt = m.lastgroup or ""
    g = m.group
    ns, ne = m.start(alt), m.end(alt)
    p = published
    if alt == "np":
        w1, w2 = plex.weekdays[_k(g("w1_np"))], plex.weekdays[_k(g("w2_np"))]
        if (w1 + 1) % 7 != w2:
            return None
        first = _weekday_on(p, w1, "onbefore") if p else None
        return _Atom(ns, ne, first, _shift(first, 1), "days", True, "wd")
    if alt in ("dw", "wd"):
        suffix = "_" + alt
        wtext = g("w" + suffix)
        weekday = plex.weekdays[_k(wtext)] if wtext else None
        night = _is_night(g("t" + suffix), plex.tod) or _is_night(g("ta" + suffix), plex.tod_after)
        if alt == "dw":
            key = _k(g("d_dw"))
            before = _prev_word_fast(ntext, ns)
            after = _NEXT_WORD.match(ntext, ne)
            if before in plex.day_block_before or (after and after.group(1) in plex.day_block_after
                                                   and weekday is None):
                return None
            a, b = plex.day_words[key]
            this = _this_before(ntext, ns, plex)
            if this >= 0:
                ns = this  # "هذا اليوم"
            if p is None:
                return _Atom(ns, ne, None, None, "day" if a == b and not night else "days", True, "wd")
            first = p + dt.timedelta(days=a)
            last = first + dt.timedelta(days=b - a + (1 if night and a == b else 0))
            if weekday is not None:
                named = _weekday_on(first, weekday, "near", p + dt.timedelta(days=1))
                if abs((named - first).days) == 1 and a == b:
                    # "today, Wednesday" in a post dated Tuesday: a late post or a date field in another
                    # time zone; the day is one of the two
                    first, last = min(first, named), max(last, named)
                    return _Atom(ns, ne, first, last, "days", True, "wd")
                first = named
                last = first + dt.timedelta(days=b - a + (1 if night and a == b else 0))
        else:
            rel = plex.rel_after.get(_k(g("rel_wd"))) if g("rel_wd") else None
            rbw = _k(g("rb_wd")) if g("rb_wd") else None
            if rbw is not None:
                rel = plex.rel_before.get(rbw, 0)
            if not wtext.isascii() and rel is None and not g("t_wd"):
                # a bare Arabic weekday: only between commas ("قال، السبت، إن") or after "since"
                before = ntext[max(0, ns - 12):ns].rstrip()
                after = ntext[ne:ne + 3].lstrip()
                prev = _prev_word_fast(ntext, ns)
                # or ending a clause after the event it dates ("قتل 12 شخصا بغارات على القرية الأربعاء،
                # وفق ..."), unless it is also a common word or a name's part ("سوق الخميس،")
                clause_end = (after[:1] in (",", ".", ";") and before[-1:].isalpha()
                              and _k(wtext) not in plex.w("weekday_ambiguous")
                              and prev not in plex.w("weekday_clause_blockers"))
                if not ((before.endswith(",") and after[:1] in (",", ".", ";"))
                        or prev in plex.w("since_words") or clause_end):
                    return None
                if not _k(wtext).startswith("ال"):
                    return None
            if p is None:
                return _Atom(ns, ne, None, None, "days" if night else "day", True, "wd")
            mode = {-1: "before", 1: "after"}.get(rel if rel is not None else 0, "onbefore")
            first = _weekday_on(p, weekday, mode)
            last = first + dt.timedelta(days=1 if night else 0)
        last = _clip(first, last, p)
        return _Atom(ns, ne, first, last, _span_precision(first, last), True, "wd")
    if alt in ("cnt", "cntb", "ls", "rc"):
        suffix = "_" + alt
        utext = g("u" + suffix) or g("u2" + suffix) or ""
        unit, number = plex.units[_k(utext)]
        if alt == "rc":
            n = -1
        else:
            n = _count(g("n" + suffix), plex)
            if alt == "cnt" and g("f_cnt"):
                n = -1
            if n is None:
                n = 2 if number == "dual" else -1 if number == "plural" else 1
        out = _span_back(unit, n, p, False, plex)
        if out is None:
            return None
        return _Atom(ns, ne, *out, True, "rel")
    if alt == "ag":
        after = _NEXT_WORD.match(ntext, ne)
        if after and after.group(1) in plex.w("ago_not_after"):
            return None  # "قبل يومين من الانتخابات": two days before something else
        if re.match(rf"{_H}*+\d", ntext[ne:ne + 8]):
            return None  # "منذ عام 2014": a year
        unit, number = plex.units[_k(g("u_ag"))]
        n = _count(g("n_ag"), plex)
        if g("f_ag"):
            n = -1
        if n is None:
            n = 2 if number == "dual" else -1 if number == "plural" else 1
        elif number == "singular" and n > 2 and not g("n_ag").isdigit() and not g("n_ag").isascii():
            pass  # "ثلاثة أيام" is plural; a singular after a word count ("أحد عشر يوما") is still fine
        ago = _k(g("a_ag")) in plex.w("ago_words")
        out = _span_back(unit, n, p, ago, plex)
        if out is None:
            return None
        return _Atom(ns, ne, *out, True, "rel")
    # "pb" and "cal": a calendar week, month or year, possibly narrowed by a part word
    suffix = "_" + alt
    unit = plex.cal_units[_k(g("u" + suffix))]
    rbw = _k(g("rb" + suffix)) if g("rb" + suffix) else None
    relw = _k(g("rel" + suffix)) if g("rel" + suffix) else None
    rolling = rbw is not None and rbw in plex.w("rolling_before")
    if relw is not None and relw in plex.ambiguous_cal.get(_k(g("u" + suffix)), ()) and \
            _prev_word_fast(ntext, ns).startswith("ال"):
        return None  # "الأمين العام الحالي": the current secretary-general
    if relw is not None:
        rel = plex.rel_after[relw]
    elif rbw is not None:
        rel = plex.rel_before.get(rbw, 0)
    elif alt == "pb":
        rel = 0  # "مطلع العام", "the end of the month": the current one
    else:
        this = _this_before(ntext, ns, plex)
        if this < 0:
            return None  # "العام" alone is not a time expression ("الرأي العام")
        rel, ns = 0, this  # "هذا العام", "this year"
    if alt == "pb" and unit == "week":
        return None
    written = int(g("yr" + suffix)) if g("yr" + suffix) and unit == "year" and not rolling else None
    atom = _Atom(ns, ne, None, None, unit, True, "rel", level=unit, current=rel == 0 and not rolling)
    if written is not None and (p is None or written != p.year + rel):
        # "مطلع العام المنصرم 2021": the year written wins over the relative word it goes with
        atom.current = p is not None and written == p.year
        atom.first, atom.last = dt.date(written, 1, 1), dt.date(written, 12, 31)
        atom.last = _clip(atom.first, atom.last, p) if atom.current else atom.last
        atom.year, atom.relative = written, atom.current
    elif p is not None:
        atom.first, atom.last = _calendar_span(unit, rel, rolling, p)
        if not rolling:
            atom.year = atom.first.year
            atom.month = atom.first.month if unit == "month" else None
    if alt == "pb":
        atom.level = unit
        if not _apply_part(atom, plex.parts[_k(g("p_pb"))], plex, p) and p is not None:
            return None
        atom.precision = _span_precision(atom.first, atom.last) if p is not None else "period"
        atom.part = True
    return atom


def _this_before(ntext: str, ns: int, plex: _PLex) -> int:
    """Start of a "this" word ("هذا", "this") right before ``ns``, or -1."""
    token = _prev_token(ntext, ns)
    if token in plex.w("this_words"):
        return ntext.rfind(token, 0, ns)
    return -1


def _k(text: str) -> str:
    return " ".join(text.split())


_NEXT_WORD = re.compile(rf"{_H}*+,?{_H}*+(\w+)")


def _prev_token(ntext: str, pos: int) -> str:
    """The space-delimited token that ends right before ``pos`` (spaces skipped), at most 40 chars:
    a cheap test before the look-back patterns."""
    end = pos
    while end > 0 and ntext[end - 1] == " ":
        end -= 1
    lo = max(0, end - 40)
    start = max(ntext.rfind(" ", lo, end), ntext.rfind("\n", lo, end), lo - 1) + 1
    return ntext[start:end]


def _prev_word_fast(ntext: str, pos: int) -> str:
    """The previous word, without the punctuation around it ("، الأحد" -> the word before the comma)."""
    for _ in range(2):
        token = _prev_token(ntext, pos)
        word = token.strip(_PUNCT)
        if word or not token:
            return word
        pos = ntext.rfind(token, 0, pos)  # only punctuation: the word before it
    return ""


_PUNCT = ",.;:!?\"'()[]-|/«»"


def _is_night(text: str | None, table: dict[str, str]) -> bool:
    """Does a captured run of time-of-day words ("مساء يوم ", "ليلة ") name a night?"""
    if not text:
        return False
    words = f" {_k(text)} "
    return any(kind == "night" and f" {phrase} " in words for phrase, kind in table.items())


@dataclass(frozen=True)
class _PeriodRx:
    part_before: re.Pattern[str]
    part_head: re.Pattern[str]
    since_before: re.Pattern[str]
    since_head: re.Pattern[str]
    so_far_before: re.Pattern[str]
    so_far_after: re.Pattern[str]
    opener_before: re.Pattern[str]
    joiner: re.Pattern[str]
    ellip_day: re.Pattern[str]
    ellip_month: re.Pattern[str]
    ellip_after: re.Pattern[str]
    day_before: re.Pattern[str]
    month_before: re.Pattern[str]
    year_range: re.Pattern[str]
    years_before: re.Pattern[str]
    ago_before: re.Pattern[str]
    confirm_gap: re.Pattern[str]
    now_after: re.Pattern[str]
    since_trig: frozenset[str]  # last words of the phrases the look-back patterns end with
    part_trig: frozenset[str]
    join_trig: frozenset[str]
    so_far_trig: frozenset[str]


@cache
def _period_rx(language: str | None) -> _PeriodRx:
    p = _plex(language)
    lx = _lexicon(language)
    H, S = _H, _H + "++"
    parts = _alt(p.parts)
    since = _alt(p.w("since_words"))
    so_far = _alt(p.w("so_far_words"))
    opener = (rf"(?<!\w)[وف]?(?:(?P<bw>{_alt(p.w('range_between'))})|(?P<fr>{_alt(p.w('range_from'))}))"
              rf"(?!\w){S}")
    joiners = _alt([*p.w("range_and"), *p.w("range_to"), *p.w("range_bare")])
    join = rf"{H}*+(?P<j>{joiners}){H}*+"
    months = _alt(lx.months)
    monx = rf"(?P<mon>{months})(?!\w)(?:{H}*+[/(]{H}*+{months}{H}*+\)?)?"
    day = r"(?<![\w/.:\-])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    ordinals = _alt(lx.ordinals)
    month_word = _alt(w for w in lx.words.get("day_month", ()) if w not in ("من", "of"))
    cnt = rf"(?:{_alt([*p.counts, *p.few])}|\d{{1,3}})"
    gap = _alt(lx.words.get("weekday_date", ()))
    return _PeriodRx(
        part_before=re.compile(rf"(?<!\w)[وفبل]?(?P<p>{parts})(?:{H}*+-{H}*+|{S})(?:(?:من|of|the|{month_word}){S})*\Z"),
        part_head=re.compile(rf"(?P<p>{parts})(?:{H}*+-{H}*+|{S})"),
        since_before=re.compile(rf"(?<!\w)[وف]?(?P<s>{since}){S}(?:{month_word}{S})?\Z"),
        since_head=re.compile(rf"[وف]?(?P<s>{since}){S}"),
        so_far_before=re.compile(rf"(?<!\w)(?P<s>{so_far}){S}\Z"),
        so_far_after=re.compile(rf"{H}*+,?{H}*+(?P<s>{so_far})(?!\w)"),
        opener_before=re.compile(rf"{opener}\Z"),
        # "من 1 آذار حتى يوم 5 آذار", "منذ 2020 حتى يوم أمس": a day noun after the joiner
        joiner=re.compile(rf"{join}(?:{_alt(p.tod)}{S})?"),
        ellip_day=re.compile(rf"(?:{opener})?{day}{join}\Z"),
        ellip_month=re.compile(rf"{opener}(?:{month_word}{S})?{monx}{join}\Z"),
        ellip_after=re.compile(rf"{join}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
                               rf"(?:{H}*+,?{H}*+(?P<y>(?:19|20)\d\d)(?!\d))?"),
        day_before=re.compile(rf"(?:{day}|(?<!\w)(?P<od>{ordinals})){S}(?:من|of){S}(?:the{S})?\Z"),
        month_before=re.compile(rf"(?:(?:{day}|(?<!\w)(?P<od>{ordinals})){S}(?:(?:من|of){S})?)?"
                                rf"(?:(?<!\w)(?:{month_word}){S})?(?<!\w)[وفب]?{monx}\.?"
                                rf"(?:{H}*+(?<![\d/])(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?(?:{H}*+,{H}*+|{S})"
                                rf"(?:(?:من|of|في|in){S})?\Z"),
        year_range=re.compile(rf"(?P<y1>(?:19|20)\d\d)(?!\d){H}*+(?P<j>{joiners}|/){H}*+"
                              rf"(?:{_alt(lx.words.get('year_prefix', ()))}{H}*+)?"
                              rf"(?:(?P<y2>(?:19|20)\d\d)(?!\d)|(?P<now>{_alt(p.w('now_words'))})(?!\w))"),
        years_before=re.compile(rf"(?:{opener})?(?:(?P<yw>{_alt(p.w('years_words'))}){S})?\Z"),
        ago_before=re.compile(rf"(?<!\w)(?:(?P<ap>{_alt(p.w('approx_words'))}){S})?(?:(?P<n>{cnt}){S})?"
                              rf"(?P<u>{_alt(p.units)}){S}\Z"),
        confirm_gap=re.compile(rf"{H}*+[,(\-|:]?{H}*+(?:{gap}{H}*+)?"),
        now_after=re.compile(rf"{join}(?P<n>{_alt(p.w('now_words'))})(?!\w)"),
        since_trig=_last_words([*p.w("since_words"), *lx.words.get("day_month", ())]),
        part_trig=_last_words([*p.parts, "من", "of", "the", *lx.words.get("day_month", ())]),
        join_trig=_last_words([*p.w("range_and"), *p.w("range_to"), *p.w("range_bare")]),
        so_far_trig=_last_words(p.w("so_far_words")),
    )


def _last_words(phrases: Iterable[str]) -> frozenset[str]:
    """The last word of each phrase, also with a proclitic و / ف (as _prev_token returns it)."""
    out: set[str] = set()
    for phrase in phrases:
        words = phrase.split()
        if words:
            out.update((words[-1], "و" + words[-1], "ف" + words[-1]))
    return frozenset(out)


def _ago_atom(ntext: str, s: int, e: int, published: dt.date | None, plex: _PLex,
              rx: _PeriodRx) -> _Atom | None:
    """English "three days ago": the count and unit are found before the anchor word."""
    m = rx.ago_before.search(ntext, max(0, s - 40), s)
    if m is None:
        return None
    unit, number = plex.units[_k(m.group("u"))]
    n = _count(m.group("n"), plex)
    if n is None:
        n = -1 if number == "plural" else 1
    out = _span_back(unit, n, published, True, plex)
    if out is None:
        return None
    return _Atom(m.start(), e, *out, True, "rel")


def _opener_kind(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    return "between" if m.group("bw") is not None else "from"


def _joins(kind: str | None, joiner: str, plex: _PLex, bare_and: bool = False) -> bool:
    """Does this joiner close a range opened by ``kind`` ("between", "from" or None)?"""
    if kind == "between":
        return joiner in plex.w("range_and")
    if kind == "from":
        return joiner in plex.w("range_to")
    return joiner in plex.w("range_bare") or (bare_and and joiner in plex.w("range_and"))


def _set_year(atom: _Atom, year: int, published: dt.date | None) -> None:
    """Give a yearless absolute atom the year of the other end of its range."""
    atom.year = year
    _fill(atom, published)


def _range_atom(a: _Atom, b: _Atom, start: int, relative: bool) -> _Atom | None:
    first, last = a.first, b.last
    if first is not None and last is not None and first > last:
        return None
    prec = _span_precision(first, last) if first is not None and last is not None else "period"
    return _Atom(start, b.ne, first, last, prec, relative, "range")


def _try_range(a: _Atom, b: _Atom, ntext: str, published: dt.date | None, plex: _PLex,
               rx: _PeriodRx) -> _Atom | None:
    """"بين A و B", "من A إلى B", "A - B", "since A until now": one period from A's first day to B's last."""
    if a.kind in ("now", "range") or b.kind == "range" or b.ns < a.ne or b.ns - a.ne > 24:
        return None
    j = rx.joiner.fullmatch(ntext, a.ne, b.ns)
    if j is None:
        return None
    opener = rx.opener_before.search(ntext, max(0, a.ns - 40), a.ns)
    kind = _opener_kind(opener)
    start = opener.start("bw" if kind == "between" else "fr") if opener else a.ns
    if kind is None and a.kind == "abs" and rx.since_head.match(ntext, a.ns):
        kind = "from"  # "منذ 2011 وحتى الآن"
    if not _joins(kind, _k(j.group("j")), plex):
        return None
    if kind is None and (a.kind != "abs" or b.kind not in ("abs", "now")):
        return None  # without an opening word, only two dates: "آب 2014 - آذار 2019"
    if a.kind == "abs" and a.yearless and b.year is not None and a.month is not None:
        later = (a.month, a.day or 0) > (b.month or 12, b.day or 31)
        _set_year(a, b.year - 1 if later else b.year, published)
        if a.part and a.part_name:
            _apply_part(a, a.part_name, plex, published)
    return _range_atom(a, b, start, a.relative or b.relative)


def _elliptic(atom: _Atom, ntext: str, published: dt.date | None, plex: _PLex, rx: _PeriodRx,
              language: str | None) -> _Atom | None:
    """Ranges whose first end borrows the month or year of the second: "17-19 آذار", "23 و 24 يوليو",
    "from 1 to 5 March", "بين آب وتشرين الأول 2016", "March 1-5, 2019"."""
    if atom.kind != "abs" or atom.level not in ("day", "month"):
        return None
    lo = max(0, atom.ns - 50)
    token = _prev_token(ntext, atom.ns)
    if token not in rx.join_trig and token[-1:] not in ("-", "و"):
        m = None  # no joiner right before: no elliptic range ending here
    elif atom.level == "day" and ntext[atom.ns:atom.ns + 1].isdigit():
        m = rx.ellip_day.search(ntext, lo, atom.ns)
        if m is not None and atom.day is not None:
            d1 = int(m.group("d"))
            kind = _opener_kind(m if m.group("bw") or m.group("fr") else None)
            if 1 <= d1 < atom.day and _joins(kind, _k(m.group("j")), plex, bare_and=True):
                first = atom.first.replace(day=d1) if atom.first is not None else None
                start = m.start("bw" if kind == "between" else "fr" if kind else "d")
                return _range_atom(replace(atom, first=first), atom, start, atom.relative)
    m = rx.ellip_month.search(ntext, lo, atom.ns) if token in rx.join_trig else None
    if m is not None and atom.month is not None and _joins(_opener_kind(m), _k(m.group("j")), plex):
        found = _months_in(language, _k(m.group("mon")))
        if found:
            mon = found[0][2]
            first = None
            if atom.year is not None:
                year = atom.year - 1 if mon > atom.month else atom.year
                first = dt.date(year, mon, 1)
            kind = _opener_kind(m)
            return _range_atom(replace(atom, first=first), atom, m.start("bw" if kind == "between" else "fr"),
                               atom.relative)
    if atom.level == "day" and atom.yearless and ntext[atom.ne - 1:atom.ne].isdigit():
        m = rx.ellip_after.match(ntext, atom.ne)
        if m is not None and atom.day is not None and int(m.group("d")) > atom.day:
            end_char = ntext[m.end():m.end() + 1]
            joiner = _k(m.group("j"))
            joins = joiner in (*plex.w("range_bare"), *plex.w("range_and"), *plex.w("range_to"))
            if joins and (m.group("y") or joiner == "-" or not end_char.isalpha()):
                if m.group("y"):
                    atom.relative = False
                    _set_year(atom, int(m.group("y")), published)
                if atom.year is not None and _valid(atom.year, atom.month, int(m.group("d"))):
                    last = atom.first.replace(day=int(m.group("d"))) if atom.first else None
                elif atom.year is None:
                    last = None
                else:
                    return None
                end = _Atom(atom.ns, m.end(), last, last, "day", atom.relative, "abs")
                return _range_atom(atom, end, atom.ns, atom.relative)
    return None


def _refine(atom: _Atom, ntext: str, published: dt.date | None, plex: _PLex, rx: _PeriodRx,
            language: str | None) -> None:
    """Words before an atom that narrow it: a part ("مطلع آذار 2019", "late 2015"), a day of a
    relative month ("الثاني من الشهر الماضي"), a month of a relative year ("شباط من العام الماضي")."""
    lo = max(0, atom.ns - 40)
    if atom.kind == "abs" and atom.level in ("month", "year") and not atom.part:
        head = rx.part_head.match(ntext, atom.ns, atom.ne)
        if head is not None:
            _apply_part(atom, plex.parts[_k(head.group("p"))], plex, published)
            return
        token = _prev_token(ntext, atom.ns)
        if token not in rx.part_trig and not token.endswith("-"):
            return
        m = rx.part_before.search(ntext, lo, atom.ns)
        if m is not None and _apply_part(atom, plex.parts[_k(m.group("p"))], plex, published):
            atom.ns = m.start("p")
        return
    if atom.kind != "rel" or atom.part or atom.level not in ("month", "year"):
        return
    lx = _lexicon(language)
    if atom.level == "month":
        m = rx.day_before.search(ntext, lo, atom.ns)
        if m is None:
            return
        if m.group("od") is not None:
            before = _previous_word(ntext, m.start("od"))
            if before in lx.blockers or before[1:] in lx.blockers:
                return  # "الأسبوع الأول من الشهر الماضي"
            day = lx.ordinals[_k(m.group("od"))]
        else:
            day = int(m.group("d"))
        if atom.year is not None and atom.month is not None:
            if not _valid(atom.year, atom.month, day):
                return
            atom.first = atom.last = dt.date(atom.year, atom.month, day)
        else:
            atom.first = atom.last = None
        atom.ns, atom.level, atom.precision, atom.part = m.start(), "day", "day", True
        return
    m = rx.month_before.search(ntext, lo, atom.ns)
    if m is None:
        return
    found = _months_in(language, _k(m.group("mon")))
    if not found:
        return
    month = found[0][2]
    day = None
    if m.group("od") is not None:
        day = lx.ordinals[_k(m.group("od"))]
    elif m.group("d") is not None:
        day = int(m.group("d"))
    elif m.group("d2") is not None:
        day = int(m.group("d2"))
    if atom.year is not None and atom.first is not None and atom.first.month == 1:
        year = atom.year
        if not _valid(year, month, day):
            return
        if day is None:
            atom.first, atom.last = _month_span(year, month)
        else:
            atom.first = atom.last = dt.date(year, month, day)
    elif atom.year is not None:
        return  # "the past year" (rolling) does not name a calendar year
    atom.ns = m.start()
    atom.level = "day" if day is not None else "month"
    atom.precision, atom.part = atom.level, True


def _since(atom: _Atom, ntext: str, published: dt.date | None, rx: _PeriodRx) -> None:
    """"منذ 2011", "since March", "منذ مطلع العام": from the atom's first day to the publication date;
    "so far this year", "earlier this month": the current span up to the publication date."""
    if atom.kind in ("now", "range"):
        return
    m = rx.since_head.match(ntext, atom.ns, atom.ne) if atom.kind == "abs" else None
    start = atom.ns
    if m is None and _prev_token(ntext, atom.ns) in rx.since_trig:
        m = rx.since_before.search(ntext, max(0, atom.ns - 20), atom.ns)
        if m is not None:
            start = m.start("s")
    if m is not None:
        if atom.kind == "rel" and atom.first is not None and atom.last == published and not atom.current:
            return  # "منذ" is already part of a rolling span
        atom.ns = start
        atom.last = published if published is not None and (atom.first is None or atom.first <= published) \
            else None
        atom.precision, atom.relative = "period", True
        return
    if atom.current:
        before = rx.so_far_before.search(ntext, max(0, atom.ns - 20), atom.ns) \
            if _prev_token(ntext, atom.ns) in rx.so_far_trig else None
        after = rx.so_far_after.match(ntext, atom.ne)
        if before is not None or after is not None:
            if before is not None:
                atom.ns = before.start("s")
            if after is not None:
                atom.ne = after.end()
            atom.last = published
            atom.precision = "period"


def _relative_atoms(ntext: str, published: dt.date | None, language: str | None,
                    year_anchors: list[_Anchor], words: WordIndex | None = None) -> list[_Atom]:
    """Relative expressions (found from their first words) and ranges of bare years (found from the
    year-like numbers that find_dates' scan anchored on). ``words``, the word index of the text if
    there is one, saves scanning it for the first words."""
    plex = _plex(language)
    rx = _period_rx(language)
    grammar = _period_grammar(language)
    ago_after = plex.w("ago_after_words")
    out: list[_Atom] = []
    anchors, line_anchors = _period_anchor(language)
    # where an anchor's words can begin (a run of letters, after the space or line break the anchor
    # begins with): the same anchors as the searches below find, without scanning the text
    firsts = _period_firsts(language)
    starts = None
    if words is not None and firsts is not None:
        if words.only_letters:
            starts = words.runs_in(firsts)
        elif (latin := _period_latin(language)) is not None:  # and where an English one can (see _latin_firsts)
            starts = sorted(words.runs_in(firsts) + [c.start() for c in latin.finditer(ntext)])
    if starts is None:
        rare = [(m.end("sep"), m.end()) for m in line_anchors.finditer(ntext)]
    else:
        rare = []
        done = 0
        for start in starts:
            if start > done and ntext[start - 1] == "\n" and (m := line_anchors.match(ntext, start - 1)):
                rare.append((m.end("sep"), m.end()))
                done = m.end()
    head = anchors.match(" " + ntext[:40])
    if head is not None:
        rare.insert(0, (0, head.end() - 1))
    r = 0
    pos = 0
    k = 0  # the next of ``starts`` that may begin an anchor
    while True:
        if starts is None:
            found = anchors.search(ntext, pos)
        else:  # anchors.search(ntext, pos): the first anchor whose space is at pos or after
            found = None
            k = bisect_left(starts, pos + 1, k)
            while k < len(starts):
                if ntext[starts[k] - 1] == " " and (found := anchors.match(ntext, starts[k] - 1)) is not None:
                    break
                k += 1
        while r < len(rare) and rare[r][0] < pos:
            r += 1
        if r < len(rare) and (found is None or rare[r][0] < found.end("sep")):
            a = rare[r]
            r += 1
        elif found is not None:
            a = found.end("sep"), found.end()
        else:
            break
        s, e = a
        pos = s  # a phrase that fails may hide an anchor inside it ("in the past week")
        if ntext[s:e] in ago_after:
            atom = _ago_atom(ntext, s, e, published, plex, rx)
            if atom is not None:
                if out and out[-1].ne > atom.ns:
                    out.pop()  # "a week ago" was first read as "a week"
                out.append(atom)
                pos = atom.ne
            continue
        m = grammar.match(ntext, s)
        if m is None:
            continue
        atom = _rel_atom(m, ntext, published, plex)
        if atom is not None:
            out.append(atom)
            pos = m.end()
    for s, e, is_month in year_anchors:
        if is_month or e - s != 4 or (s and ntext[s - 1] in "0123456789/.-:"):
            continue
        m = rx.year_range.match(ntext, s)
        if m is None:
            continue
        y1 = int(m.group("y1"))
        y2 = int(m.group("y2")) if m.group("y2") else None
        joiner = _k(m.group("j"))
        if y2 is not None and not (y1 < y2 <= y1 + 60 and (joiner != "/" or y2 == y1 + 1)):
            continue
        head = rx.years_before.search(ntext, max(0, s - 50), s)
        kind = _opener_kind(head) if head is not None and (head.group("bw") or head.group("fr")) else None
        if y2 is None:
            if kind != "from" and joiner not in plex.w("range_bare"):
                continue
        elif not (_joins(kind, joiner, plex) or (joiner == "/" and kind is None)
                  or (head is not None and head.group("yw") and joiner in plex.w("range_and"))):
            continue
        start = s
        if head is not None and head.start() < s:
            start = head.start("bw" if kind == "between" else "fr") if kind else head.start("yw")
        last = dt.date(y2, 12, 31) if y2 is not None else published
        out.append(_Atom(start, m.end(), dt.date(y1, 1, 1), last, "period", y2 is None, "range"))
    return out


_TRAILING_MARKS = frozenset(MARKS)


def _without_overlaps(atoms: list[_Atom]) -> list[_Atom]:
    """Non-overlapping atoms in text order; of overlapping ones, the longest wins."""
    atoms = sorted(atoms, key=lambda a: (a.ns, -a.ne))
    out: list[_Atom] = []
    cluster: list[_Atom] = []
    end = -1

    def flush() -> None:
        if len(cluster) == 1:
            out.append(cluster[0])
            return
        taken: list[_Atom] = []
        for a in sorted(cluster, key=lambda a: (-(a.ne - a.ns), a.ns)):
            if all(a.ne <= t.ns or a.ns >= t.ne for t in taken):
                taken.append(a)
        out.extend(sorted(taken, key=lambda a: a.ns))

    for a in atoms:
        if cluster and a.ns >= end:
            flush()
            cluster = []
        cluster.append(a)
        end = max(end, a.ne) if len(cluster) > 1 else a.ne
    if cluster:
        flush()
    return out


@cache
def _anniversary_rx(language: str | None) -> tuple[re.Pattern[str], dict[str, int]]:
    langs = ("en",) if language == "en" else ("ar", "en")
    words: list[str] = []
    ordinals: dict[str, int] = {}
    for lang in langs:
        data = load(f"{lang}/dates.toml").get("anniversary", {})
        words += [_key(w) for w in data.get("words", [])]
        ordinals.update(_table(data.get("ordinals", {})))
    number = rf"(?P<o>{_alt(ordinals)})(?!\w)|(?:ال{_H}*+)?(?P<n>\d{{1,3}})(?!\d)"
    return re.compile(rf"(?<!\w){_alt(words)}{_H}++(?:{number})"), ordinals


def anniversary_years(text: str | NormalizedText, language: str | None = None) -> int | None:
    """How many years an anniversary the text names lies back ("الذكرى السنوية الخامسة لمجزرة X" = 5,
    "الذكرى الـ 13" = 13), or None when it names none."""
    ntext = text.text if isinstance(text, NormalizedText) else normalize(text)
    rx, ordinals = _anniversary_rx("en" if language == "en" else None)
    m = rx.search(ntext)
    if m is None:
        return None
    n = ordinals[_k(m.group("o"))] if m.group("o") else int(m.group("n"))
    return n if 0 < n <= MAX_YEAR - MIN_YEAR else None


def _year_slip(said: _Atom, written: _Atom) -> bool:
    """Does a day word or weekday resolved against the publication date ("اليوم الأربعاء") name the
    same day and month as the full date written after it, one year apart? Then the written year is
    a slip of the pen (common in the first days of a year), and the day resolved is meant."""
    a, b = said.first, written.first
    return (a is not None and b is not None and a == said.last and written.first == written.last
            and (a.month, a.day) == (b.month, b.day) and abs(a.year - b.year) == 1)


def find_periods(text: str | NormalizedText, published: dt.date | None,
                 language: str | None = None) -> list[PeriodMention]:
    """Time expressions in ``text`` resolved to the days they cover, in text order, non-overlapping.

    Covers absolute dates (:func:`find_dates`), relative words ("أمس", "الليلتين الماضيتين", "قبل
    ثلاثة أيام", "last week", "so far this year"), weekdays ("يوم الأحد", "last Sunday"), parts of
    months and years ("مطلع آذار 2019", "late 2015"), "since" periods ("منذ 2011") and ranges ("بين آب
    2014 ومطلع آذار 2019", "17-19 آذار", "from 1 to 5 March"). Relative expressions are resolved
    against ``published``; without it they are still reported, with ``first``/``last`` None. See the
    module docstring for the rules.
    """
    nt = text if isinstance(text, NormalizedText) else NormalizedText.of(text or "")
    ntext = nt.text
    if not ntext:
        return []
    language = "en" if language == "en" else None
    plex = _plex(language)
    rx = _period_rx(language)
    found, anchors = _scan_with_anchors(nt, language)
    atoms = [_abs_atom(f, published) for f in found]
    atoms += _relative_atoms(ntext, published, language, anchors, nt.built_words())
    atoms.sort(key=lambda a: (a.ns, -a.ne))
    # a weekday or "today" right before (or around) a full date is part of that date's expression
    merged: list[_Atom] = []
    for atom in atoms:
        prev = merged[-1] if merged else None
        if prev is not None and prev.kind == "wd" and atom.kind == "abs" and atom.level == "day" and \
                (atom.ns < prev.ne or rx.confirm_gap.fullmatch(ntext, prev.ne, atom.ns)):
            atom.ns, atom.ne = min(prev.ns, atom.ns), max(prev.ne, atom.ne)
            if _year_slip(prev, atom):
                # "اليوم الأربعاء (8 كانون الثاني 2024)" in a report of Wednesday 8 January 2025:
                # the day word and the weekday agree with the publication date, the year is a slip
                atom.first, atom.last, atom.year = prev.first, prev.last, prev.first.year  # type: ignore[union-attr]
            merged[-1] = atom
            continue
        merged.append(atom)
    atoms = merged
    for atom in atoms:
        _refine(atom, ntext, published, plex, rx, language)
    atoms.sort(key=lambda a: (a.ns, -a.ne))
    ranged: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            r = _try_range(a, atoms[i + 1], ntext, published, plex, rx)
            if r is not None:
                ranged.append(r)
                i += 2
                continue
        if a.kind != "range":
            now = rx.now_after.match(ntext, a.ne)  # "منذ 2011 وحتى الآن", "from 2014 to date"
            if now is not None:
                end = _Atom(now.start("n"), now.end(), published, published, "day", True, "now")
                r = _try_range(a, end, ntext, published, plex, rx)
                if r is not None:
                    ranged.append(r)
                    i += 1
                    continue
        r = _elliptic(a, ntext, published, plex, rx, language)
        ranged.append(r if r is not None else a)
        i += 1
    for atom in ranged:
        _since(atom, ntext, published, rx)
    out = []
    original = nt.original
    for a in _without_overlaps([a for a in ranged if a.kind != "now"]):
        s, e = nt.span(a.ns, a.ne)
        while e < len(original) and original[e] in _TRAILING_MARKS:
            e += 1  # the diacritics of the last letter belong to the word
        out.append(PeriodMention(s, e, nt.original[s:e], a.first, a.last, a.precision, a.relative))
    return out
