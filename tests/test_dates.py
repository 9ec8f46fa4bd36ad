"""Tests for marsad.dates: finding and resolving date expressions, and the publication dateline.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import dates
from marsad.arabic import NormalizedText
from marsad.dates import DateMention, PeriodMention, find_dates, find_periods, hijri_to_gregorian, publication_date
from marsad.resources import load

SHARED = Path(__file__).resolve().parents[2] / "shared"


def one(text: str, language: str | None = None) -> DateMention:
    found = find_dates(text, language)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


def ymd(m: DateMention) -> tuple[int | None, int | None, int | None]:
    return (m.year, m.month, m.day)


# --------------------------------------------------------------------------------------------------
# Arabic month-name families


@pytest.mark.parametrize(
    "text, span, expected",
    [
        # Levantine / Iraqi
        ("قُتل ثلاثة مدنيين في 21 آذار 2019 بقصف على البلدة", "21 آذار 2019", (2019, 3, 21)),
        ("وصلت القافلة في 3 كانون الثاني 2017 إلى المدينة", "3 كانون الثاني 2017", (2017, 1, 3)),
        ("انسحب المقاتلون في 30 تشرين الأول 2016 من الحي", "30 تشرين الأول 2016", (2016, 10, 30)),
        ("بدأ الحصار في 12 أيلول 2015 واستمر أشهرا", "12 أيلول 2015", (2015, 9, 12)),
        ("في 7 آب 2014 تعرض السوق لغارة", "7 آب 2014", (2014, 8, 7)),
        # Egyptian / Gulf, with and without hamza
        ("أعلنت الوزارة في 5 أغسطس 2016 عن حصيلة جديدة", "5 أغسطس 2016", (2016, 8, 5)),
        ("وأضاف البيان الصادر في 17 ابريل 2018 أن", "17 ابريل 2018", (2018, 4, 17)),
        ("وفي 2 يونيه 2013 خرجت مظاهرة", "2 يونيه 2013", (2013, 6, 2)),
        ("صدر القرار في 9 ديسمبر 2012 بالإجماع", "9 ديسمبر 2012", (2012, 12, 9)),
        # Maghrebi
        ("انطلقت المسيرة يوم 14 جويلية 2015 من الساحة", "14 جويلية 2015", (2015, 7, 14)),
        # spelling variants that only normalisation unifies
        ("سقطت القذائف في 21 أذار 2019 على الحي", "21 أذار 2019", (2019, 3, 21)),
        ("وفي ١٥ نيسان ٢٠١٧ أغلق المعبر", "١٥ نيسان ٢٠١٧", (2017, 4, 15)),
    ],
)
def test_arabic_month_families(text: str, span: str, expected: tuple[int, int, int]) -> None:
    m = one(text)
    assert m.text == span
    assert m.start == text.index(span)
    assert ymd(m) == expected
    assert m.calendar == "gregorian"
    assert m.precision == "day"
    assert m.date == dt.date(*expected)


def test_diacritics_inside_a_month_name_keep_offsets_exact() -> None:
    text = "وقعت الغارة في ٢١ آذَار ٢٠١٩ فجرًا"
    m = one(text)
    assert m.text == "٢١ آذَار ٢٠١٩"
    assert text[m.start:m.end] == m.text
    assert m.date == dt.date(2019, 3, 21)


@pytest.mark.parametrize(
    "text, span, month",
    [
        ("في 21 آذار/مارس 2019 قصفت الطائرات المخيم", "21 آذار/مارس 2019", 3),
        ("في 15 أيار / مايو 2014 سقط صاروخ", "15 أيار / مايو 2014", 5),
        ("خلال شهر مارس (آذار) 2019 تضاعفت الغارات", "مارس (آذار) 2019", 3),
        ("في 8 كانون الأول ( ديسمبر ) 2013 خرج الطلاب", "8 كانون الأول ( ديسمبر ) 2013", 12),
        ("بعد أحداث 11 أيلول سبتمبر 2001 تغير كل شيء", "11 أيلول سبتمبر 2001", 9),
        ("في 28 نوفمبر / تشرين الثاني 2016 أعلن الجيش", "28 نوفمبر / تشرين الثاني 2016", 11),
    ],
)
def test_combined_month_forms(text: str, span: str, month: int) -> None:
    m = one(text)
    assert m.text == span
    assert m.month == month


def test_two_different_months_side_by_side_keep_the_first() -> None:
    m = find_dates("بين 5 آذار نيسان")[0]
    assert (m.month, m.day) == (3, 5)
    assert m.text == "5 آذار"


# --------------------------------------------------------------------------------------------------
# Shapes


def test_day_first_numeric_dates_with_and_without_spaces() -> None:
    for text, span in [("ارتكبت المجزرة 9/02/2019 وفق الشهود", "9/02/2019"),
                       ("ارتكبت المجزرة 9/ 02/ 2019 وفق الشهود", "9/ 02/ 2019"),
                       ("السبت 9 / 2 / 2019 صباحا", "السبت 9 / 2 / 2019")]:
        m = one(text)
        assert m.text == span
        assert m.date == dt.date(2019, 2, 9)


def test_numeric_date_that_can_only_be_month_first() -> None:
    assert one("العدد 212 - 01/21/2018").date == dt.date(2018, 1, 21)


def test_iso_and_dotted_dates() -> None:
    assert one("Updated 2019-03-21 by the desk").date == dt.date(2019, 3, 21)
    assert one("21.08.2013 Regime forces shelled").date == dt.date(2013, 8, 21)
    assert one("نشر 2016 - 06 - 16 دمشق").date == dt.date(2016, 6, 16)


def test_weekday_with_day_month_and_no_year() -> None:
    text = "وكتب على صفحته اليوم، الخميس 21 من آذار، أن القصف مستمر"
    m = one(text)
    assert m.text == "الخميس 21 من آذار"
    assert (m.year, m.month, m.day, m.weekday) == (None, 3, 21, 3)
    assert m.date is None and m.precision is None


def test_arabic_month_year_and_year_only() -> None:
    m = one("تضاعفت الغارات في آذار 2019 على الريف")
    assert (m.text, ymd(m), m.precision) == ("آذار 2019", (2019, 3, None), "month")
    m = one("داهمت الدورية القرية في شهر حزيران من العام 2012 ليلا")
    assert (m.text, ymd(m)) == ("حزيران من العام 2012", (2012, 6, None))
    m = one("قتل 1753 منهم عام 2017 وحده")
    assert (m.text, ymd(m), m.precision) == ("عام 2017", (2017, None, None), "year")
    m = one("يعيش النازحون في المخيم منذ 2011")
    assert (m.text, m.year) == ("منذ 2011", 2011)


def test_arabic_ordinal_days() -> None:
    m = one("انطلقت الاحتجاجات في الخامس عشر من آذار 2011")
    assert (m.text, m.date) == ("الخامس عشر من آذار 2011", dt.date(2011, 3, 15))
    m = one("قتل في الثامن والعشرين من أيار عشرة أشخاص")
    assert (m.month, m.day, m.year) == (5, 28, None)
    m = one("وخلال الأسبوع الأول من آذار 2019 تراجعت المعارك")
    assert (ymd(m), m.text) == ((2019, 3, None), "آذار 2019")


def test_relative_month_words() -> None:
    m = one("التقى الوفدان في أيلول الماضي في جنيف")
    assert (m.text, m.month, m.relative, m.year) == ("أيلول الماضي", 9, -1, None)
    m = one("وفي 8 نوفمبر الجاري قال الجيش")
    assert (m.text, m.month, m.day, m.relative) == ("8 نوفمبر الجاري", 11, 8, 0)
    m = one("The talks resume next March in Geneva")
    assert (m.text, m.month, m.relative) == ("next March", 3, 1)


@pytest.mark.parametrize(
    "text, span, expected, weekday",
    [
        ("Wed 05 Apr 2017 at 0914 Shelling hit the market", "Wed 05 Apr 2017", (2017, 4, 5), 2),
        ("Published June 4 2016 Three people died", "June 4 2016", (2016, 6, 4), None),
        ("The strike on 4 June 2016 killed a family", "4 June 2016", (2016, 6, 4), None),
        ("Date of publication 26 November 2017 The toll rose", "26 November 2017", (2017, 11, 26), None),
        ("It was Sept. 5, 2017 when the convoy left", "Sept. 5, 2017", (2017, 9, 5), None),
        ("On Friday the 5th of May 2017 the town fell", "Friday the 5th of May 2017", (2017, 5, 5), 4),
        ("Fri Sep 27 2013 A car bomb exploded", "Fri Sep 27 2013", (2013, 9, 27), 4),
        ("Last updated at Apr 232017 The army said", "Apr 232017", (2017, 4, 23), None),
        ("a tweet (@someone) March 20, 2019", "March 20, 2019", (2019, 3, 20), None),
    ],
)
def test_english_dates(text: str, span: str, expected: tuple[int, int, int], weekday: int | None) -> None:
    m = one(text, "en")
    assert m.text == span
    assert ymd(m) == expected
    assert m.weekday == weekday


def test_english_month_and_year_only() -> None:
    m = one("Fighting intensified in June 2016 around the city")
    assert (m.text, ymd(m)) == ("June 2016", (2016, 6, None))
    m = one("Most of the victims died in 2017 alone")
    assert (m.text, ymd(m)) == ("in 2017", (2017, None, None))
    m = one("Since March the camp has been besieged")
    assert (m.text, m.month, m.year) == ("March", 3, None)


def test_english_words_that_look_like_months() -> None:
    assert find_dates("They may march on the capital if talks fail") == []
    assert find_dates("Officials said they may 2 weeks later") == []
    assert [m.text for m in find_dates("sources said in may 2017 that")] == []
    assert one("the bombing of 3 may 2017 was denied").date == dt.date(2017, 5, 3)


def test_english_language_restricts_the_month_names() -> None:
    assert find_dates("21 آذار 2019", language="en") == []
    assert len(find_dates("21 آذار 2019", language="ar")) == 1


# --------------------------------------------------------------------------------------------------
# What is not a date


@pytest.mark.parametrize(
    "text",
    [
        "وثقت الشبكة مقتل 3035 مدنيًا على يد التحالف",
        "More than 2,000 people fled the town overnight",
        "killed 2000 people according to the monitor",
        "سقط 1200 جريح و 2014 قتيلا في المدينة",
        "الذي مارس الضغط على الفصائل حتى انسحبت",
        "وقف أب الشهيد أمام المنزل",
        "وصلت سيارة نيسان بيضاء إلى الحاجز",
        "31 شباط 2019",
        "30 February 2016",
        "29 February 2019",
        "2019-13-01",
        "45/02/2019",
        "13/13/2019",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_number_after_a_month_outside_the_year_range_is_not_a_year() -> None:
    m = one("في 5 آذار 2500 مقاتل انسحبوا")
    assert (m.text, m.year, m.month, m.day) == ("5 آذار", None, 3, 5)


def test_leap_day() -> None:
    assert one("On 29 February 2020 the deal was signed").date == dt.date(2020, 2, 29)


def test_arabic_month_followed_by_a_count_is_not_a_date() -> None:
    assert find_dates("تموز 5 قتلى") == []


# --------------------------------------------------------------------------------------------------
# Hijri


def test_tabular_hijri_conversion_is_close_to_the_calendar_in_use() -> None:
    # 1 Muharram 1437 was 14/15 October 2015; 1 Ramadan 1438 was 27 May 2017
    assert abs((hijri_to_gregorian(1437, 1, 1) - dt.date(2015, 10, 14)).days) <= 2
    assert abs((hijri_to_gregorian(1438, 9, 1) - dt.date(2017, 5, 27)).days) <= 2


def test_hijri_date_paired_with_the_gregorian_one_gets_its_day() -> None:
    text = "الأحد 4 جمادى الأولى 1439 هـ الموافق 21 يناير 2018 م"
    hijri, greg = find_dates(text)
    assert hijri.calendar == "hijri" and greg.calendar == "gregorian"
    assert hijri.hijri == (1439, 5, 4)
    assert hijri.date == greg.date == dt.date(2018, 1, 21)
    assert greg.text == "21 يناير 2018 م"


def test_hijri_date_alone_is_only_as_precise_as_the_conversion() -> None:
    m = one("صدر البيان في 15 رمضان 1438 هـ عن المجلس")
    assert m.calendar == "hijri" and m.hijri == (1438, 9, 15)
    assert m.day is None and m.precision == "month" and (m.year, m.month) == (2017, 6)
    # a weekday picks the one day of the uncertainty window it falls on
    m = one("صدر البيان السبت 15 رمضان 1438 هـ عن المجلس")
    assert m.date == dt.date(2017, 6, 10)


# --------------------------------------------------------------------------------------------------
# publication_date


def test_publication_english_datelines() -> None:
    assert publication_date("Fri 07 Apr 2017 at 0914 Governor says the strike caused deaths").date == \
        dt.date(2017, 4, 7)
    assert publication_date("Published June 4 2016 A car bomb exploded on 2 June 2016").date == \
        dt.date(2016, 6, 4)
    text = "Rebels shell the city\nDate of publication 26 November 2017\nOn 24 November 2017 shells fell"
    assert publication_date(text).date == dt.date(2017, 11, 26)
    assert publication_date("Posted on April 4 2017 by the desk. Dozens killed").date == dt.date(2017, 4, 4)
    assert publication_date("Strikes kill 9 in Idlib Monitor AFP Friday 1 Jul 2016 Air raids hit").date == \
        dt.date(2016, 7, 1)


def test_a_posts_time_stamp_dates_it_before_any_date_in_its_words() -> None:
    post = ("شبكة الأخبار@newsnet قصفت الطائرات الحربية، ظهر أمس السبت 30 تشرين الثاني 2024، سوق البلدة "
            "ما أدى لمقتل ثلاثة مدنيين.\n#عاجل11:31 AM · Dec 1, 2024")
    found = publication_date(post)
    assert found is not None and found.date == dt.date(2024, 12, 1) and found.text == "Dec 1, 2024"
    # without the stamp, the weekday date near the top reads as the dateline, as before
    assert publication_date(post.split("\n")[0]).date == dt.date(2024, 11, 30)


def test_an_english_date_glued_to_an_arabic_name_is_found() -> None:
    found = find_dates("شبكة أخبار الريفNovember 30, 2024 شهداء مدنيين")
    assert [(m.text, m.date) for m in found] == [("November 30, 2024", dt.date(2024, 11, 30))]
    # an Arabic month glued to a word is still no date ("بآذار" aside): only Latin names after Arabic letters
    assert find_dates("الشهداءآذار 2019") == []


def test_publication_ignores_event_dates_and_quoted_publications() -> None:
    assert publication_date("1. Ghouta: On August 21 2013 the regime fired rockets") is None
    text = ("Aid workers described the night. " * 20
            + "A report published on 5 May 2019 by a monitor counted the dead.")
    assert publication_date(text) is None


def test_publication_arabic_cues() -> None:
    text = "عاجل | تاريخ النشر: 21/03/2019\nقصفت الطائرات البلدة في 19 آذار 2019"
    assert publication_date(text).date == dt.date(2019, 3, 21)
    text = "عنوان الخبر\nآخر تحديث: الأحد 21 كانون الثاني 2018 - 09:20\nنص الخبر"
    m = publication_date(text)
    assert m.date == dt.date(2018, 1, 21) and m.weekday == 6
    text = "الأحد , 21 يناير 2018 09 : 20 ص قصفت الطائرات"
    assert publication_date(text).date == dt.date(2018, 1, 21)


def test_publication_prefers_published_over_updated() -> None:
    text = "Last updated 5 May 2019\nSome headline\nDate of publication 1 May 2019\nBody"
    assert publication_date(text).date == dt.date(2019, 5, 1)


def test_yearless_today_completed_by_the_weekday() -> None:
    text = ("وكتب الناشط على صفحته اليوم، الخميس 21 من آذار، أن المخيم يتعرض للإبادة. "
            "ووثقت الشبكة مقتل مئات المدنيين منذ عام 2014 وحتى عام 2019، بينهم المئات عام 2017.")
    m = publication_date(text)
    assert m is not None and m.date == dt.date(2019, 3, 21)  # 21 March was a Thursday only in 2019
    assert m.text == "الخميس 21 من آذار"
    assert text[m.start:m.end] == m.text


def test_yearless_today_without_a_unique_fitting_year_is_not_completed() -> None:
    base = "وكتب الناشط على صفحته اليوم، الخميس 21 من آذار، أن المخيم يتعرض للإبادة."
    assert publication_date(base) is None  # no year in the text
    assert publication_date(base + " منذ عام 2014 وحتى عام 2017") is None  # neither was a Thursday
    # 21 March 2013 and 2019 were both Thursdays
    assert publication_date(base + " منذ عام 2013 وحتى عام 2019") is None


def test_yearless_dateline_completed_from_a_close_hint() -> None:
    text = "اليوم، 21 من آذار، قال الدفاع المدني إن"
    assert publication_date(text) is None
    assert publication_date(text, hint=dt.date(2019, 3, 25)).date == dt.date(2019, 3, 21)
    assert publication_date(text, hint=dt.date(2019, 8, 1)) is None
    # across the turn of a year
    text = "اليوم، 30 من كانون الأول، قال الدفاع المدني إن"
    assert publication_date(text, hint=dt.date(2020, 1, 3)).date == dt.date(2019, 12, 30)
    # a hint that contradicts the stated weekday is not used
    text = "اليوم، الخميس 21 من آذار، قال الدفاع المدني إن"
    assert publication_date(text, hint=dt.date(2018, 3, 22)) is None


def test_publication_never_returns_year_or_month_only() -> None:
    assert publication_date("تقرير عام 2017 عن الضحايا") is None
    assert publication_date("Published in March 2017\nThe monitor said") is None
    assert publication_date("") is None


def test_normalized_text_input() -> None:
    text = "وكتب اليوم، الخميس 21 من آذار 2019، أن"
    nt = NormalizedText.of(text)
    assert find_dates(nt) == find_dates(text)
    assert publication_date(nt) == publication_date(text)


def test_dateparser_fallback_after_a_cue() -> None:
    # two-digit years are a shape the patterns leave to dateparser, and only after a cue
    text = "Date of publication: 21 Mar. 17\nBody"
    m = publication_date(text)
    assert m is not None and m.date == dt.date(2017, 3, 21)
    assert text[m.start:m.end] == m.text == "21 Mar. 17"
    m = publication_date("تاريخ النشر: 21 آذار 19\nنص الخبر")
    assert m is not None and m.date == dt.date(2019, 3, 21)
    assert [x.year for x in find_dates(text)] == [None]  # find_dates itself does not guess the year


def test_dateline_prefers_a_date_that_looks_like_one() -> None:
    text = "Ghouta massacre 21 August 2013 remembered\n22 August 2014 Residents gathered in the square"
    assert publication_date(text).date == dt.date(2014, 8, 22)
    text = "ذكرى مجزرة 21 آب 2013 في الغوطة | الجمعة 22 آب 2014 | تجمع الأهالي"
    assert publication_date(text).date == dt.date(2014, 8, 22)


# --------------------------------------------------------------------------------------------------
# Data files and user extension


def test_data_files_describe_their_schema() -> None:
    for name in ("ar/dates.toml", "en/dates.toml"):
        head = dates.__file__.replace("dates.py", f"data/{name}")
        first = Path(head).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#")
        assert load(name)["words"]


def test_user_data_adds_month_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "dates.toml").write_text('[months.kurdish_arabic]\n"خاكەلێوە" = 3\n', encoding="utf-8")
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path))
    dates.reload()
    try:
        assert one("في 21 خاكەلێوە 2019").date == dt.date(2019, 3, 21)
    finally:
        monkeypatch.delenv("MARSAD_DATA")
        dates.reload()
    assert find_dates("في 21 خاكەلێوە 2019") == []


# --------------------------------------------------------------------------------------------------
# Properties


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 /.-,()\nآذارمسيوكنتشرينlMayJunoa ") + [
    "آذار", "مارس", "كانون الثاني", "عام", "في", "الخميس", "Wed", "June", "in", "من", "ربيع الأول", "هـ",
    "2019", "1439", "31", "13", "اليوم", "Published", "تاريخ النشر"]), max_size=40).map("".join))
def test_random_text_never_crashes_and_offsets_hold(text: str) -> None:
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text
        assert m.precision in (None, "year", "month", "day")
        if m.date is not None:
            assert 1900 <= m.date.year <= 2100
    p = publication_date(text)
    assert p is None or (p.date is not None and text[p.start:p.end] == p.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text
    publication_date(text, hint=dt.date(2019, 3, 21))


def _names_by_month() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for family in load("ar/dates.toml")["months"].values():
        for name, number in family.items():
            out.setdefault(number, []).append(name)
    return out


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.data())
def test_rendered_dates_parse_back(day: dt.date, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(_names_by_month()[day.month]))
    for text in (f"وفي {day.day} {name} {day.year} وقع الهجوم", f"في {day.day}/{day.month:02d}/{day.year} وقع"):
        m = one(text)
        assert m.date == day, text


# --------------------------------------------------------------------------------------------------
# Real corpora (read from ../shared, skipped when absent)


def _baly_texts(limit: int | None = None) -> list[str]:
    path = SHARED / "corpus" / "baly-ar.jsonl.gz"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line)["text"] for line in fh]
    return rows[:limit] if limit else rows


def test_corpus_offsets_and_speed() -> None:
    texts = _baly_texts(600)
    normalized = [NormalizedText.of(t) for t in texts]
    find_dates("21 آذار 2019")
    start = time.perf_counter()
    results = [find_dates(nt) for nt in normalized]
    rate = len(texts) / (time.perf_counter() - start)
    for text, found in zip(texts, results, strict=True):
        for m in found:
            assert text[m.start:m.end] == m.text
    assert sum(map(len, results)) > len(texts)  # news pages are full of dates
    assert rate > 500, rate  # ~2,500 docs/s when the machine is idle; generous for a busy CI


def test_fakes_datelines() -> None:
    path = SHARED / "corpus" / "fakes-dev.csv"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    found = [publication_date(r["article_content"]) for r in rows]
    assert sum(p is not None for p in found) >= 0.9 * len(rows)
    for row, p in zip(rows, found, strict=True):
        if p is not None:
            assert row["article_content"][p.start:p.end] == p.text
            assert 2010 <= p.date.year <= 2019


@pytest.mark.parametrize("text", [
    "21 آذار" + " " * 20000 + "x",
    "مارس" + " " * 5000 + "(" + " " * 5000 + "x",
    "الخميس" + " " * 20000 + "21 آذار",
    "21" + " " * 20000 + "/" + " " * 20000 + "x",
    "2019 " * 20000,
    "1/" * 20000,
])
def test_long_runs_stay_linear(text: str) -> None:
    start = time.perf_counter()
    find_dates(text)
    publication_date(text)
    assert time.perf_counter() - start < 3.0


# --------------------------------------------------------------------------------------------------
# find_periods

PUB = dt.date(2019, 3, 21)  # a Thursday
D = dt.date


def period(text: str, published: dt.date | None = PUB, language: str | None = None) -> PeriodMention:
    found = find_periods(text, published, language)
    assert len(found) == 1, found
    p = found[0]
    assert text[p.start:p.end] == p.text
    return p


def span(p: PeriodMention) -> tuple[dt.date | None, dt.date | None]:
    return (p.first, p.last)


@pytest.mark.parametrize(
    "text, words, first, last, precision",
    [
        ("وقال الدفاع المدني اليوم إن الغارات توقفت", "اليوم", 0, 0, "day"),
        ("وتعرض الحي هذا اليوم لقصف عنيف", "هذا اليوم", 0, 0, "day"),
        ("سقطت قذيفتان فجر اليوم على السوق", "فجر اليوم", 0, 0, "day"),
        ("وصلت القافلة صباح اليوم إلى المدينة", "صباح اليوم", 0, 0, "day"),
        ("خرج الأهالي ظهر اليوم من الملاجئ", "ظهر اليوم", 0, 0, "day"),
        ("انفجرت سيارة مساء اليوم قرب الجامع", "مساء اليوم", 0, 0, "day"),
        ("قتل أمس ثلاثة مدنيين في غارة", "أمس", -1, -1, "day"),
        ("ونزح البارحة مئات الأهالي", "البارحة", -1, -1, "day"),
        ("قصفت المدفعية مساء أمس الأحياء الشرقية", "مساء أمس", -1, -1, "day"),
        ("استمر القصف ليلة أمس حتى الفجر", "ليلة أمس", -1, 0, "days"),
        ("شنت الطائرات الليلة الماضية عشر غارات", "الليلة الماضية", -1, 0, "days"),
        ("وكان الطفل قد أصيب أمس الأول بشظية", "أمس الأول", -2, -2, "day"),
        ("دفن الضحايا أول أمس في مقبرة البلدة", "أول أمس", -2, -2, "day"),
        ("اعتقلت الدورية الشاب قبل يومين عند الحاجز", "قبل يومين", -2, -2, "day"),
        ("فقد الاتصال بالصياد قبل 4 أيام", "قبل 4 أيام", -4, -4, "day"),
        ("هدم المبنى قبل خمسة أيام", "قبل خمسة أيام", -5, -5, "day"),
        ("قتل 40 شخصا في الليلتين الماضيتين", "الليلتين الماضيتين", -2, 0, "days"),
        ("تضرر المشفى مرتين خلال اليومين الماضيين", "اليومين الماضيين", -2, 0, "days"),
        ("سقط 12 قتيلا خلال الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية", -3, 0, "days"),
        ("وثقنا 9 غارات في الـ24 ساعة الماضية", "الـ24 ساعة الماضية", -1, 0, "days"),
        ("تعيش العائلات في العراء منذ ثلاثة أيام", "منذ ثلاثة أيام", -3, 0, "days"),
        # a while or minutes before the report: its own day (hours: that day or the one before it)
        ("سقطت قذيفة على السوق قبل قليل", "قبل قليل", 0, 0, "day"),
        ("أصيب طفلان منذ لحظات بقصف على الحي", "منذ لحظات", 0, 0, "day"),
        ("انفجرت سيارة قبل دقائق قرب الجامع", "قبل دقائق", 0, 0, "day"),
        ("استهدفت مسيرة دراجة نارية قبل عشر دقائق", "قبل عشر دقائق", 0, 0, "day"),
        ("قصفت المدفعية البلدة قبل ساعتين", "قبل ساعتين", -1, 0, "days"),
    ],
)
def test_arabic_relative_days(text: str, words: str, first: int, last: int, precision: str) -> None:
    p = period(text)
    assert p.text == words and p.start == text.index(words)
    assert span(p) == (PUB + dt.timedelta(days=first), PUB + dt.timedelta(days=last))
    assert p.precision == precision and p.relative


@pytest.mark.parametrize(
    "text, words, first, last, precision",
    [
        ("Shelling resumed today in the old city", "today", 0, 0, "day"),
        ("A convoy arrived this morning at the camp", "this morning", 0, 0, "day"),
        ("More strikes are feared tonight", "tonight", 0, 0, "day"),
        ("Two children were killed yesterday in a raid", "yesterday", -1, -1, "day"),
        ("Rescuers dug through the rubble yesterday morning", "yesterday morning", -1, -1, "day"),
        ("The market was hit last night by barrel bombs", "last night", -1, 0, "days"),
        ("The bodies were found the day before yesterday", "the day before yesterday", -2, -2, "day"),
        ("The school was struck three days ago", "three days ago", -3, -3, "day"),
        ("The school was struck 6 days ago", "6 days ago", -6, -6, "day"),
        ("Nine people died in the past two days", "in the past two days", -2, 0, "days"),
        ("Fighting killed dozens over the past three days", "over the past three days", -3, 0, "days"),
        ("Dozens fled during the last 48 hours", "during the last 48 hours", -2, 0, "days"),
        ("A drone struck a car moments ago", "moments ago", 0, 0, "day"),
        ("A shell hit the market 20 minutes ago", "20 minutes ago", 0, 0, "day"),
    ],
)
def test_english_relative_days(text: str, words: str, first: int, last: int, precision: str) -> None:
    p = period(text, language="en")
    assert p.text == words and p.start == text.index(words)
    assert span(p) == (PUB + dt.timedelta(days=first), PUB + dt.timedelta(days=last))
    assert p.precision == precision and p.relative


@pytest.mark.parametrize(
    "text, words, expected, precision",
    [
        # a week is the seven days before the publication date (last week) or up to it (this week)
        ("قصف الطيران المدينة الأسبوع الماضي", "الأسبوع الماضي", (D(2019, 3, 14), D(2019, 3, 20)), "week"),
        ("The army shelled the town last week", "last week", (D(2019, 3, 14), D(2019, 3, 20)), "week"),
        ("وصلت المساعدات هذا الأسبوع", "هذا الأسبوع", (D(2019, 3, 15), D(2019, 3, 21)), "week"),
        ("Aid reached the area in the past week", "past week", (D(2019, 3, 14), D(2019, 3, 21)), "week"),
        # months and years are calendar ones; the current one runs up to the publication date
        ("قتل 200 مدني الشهر الماضي", "الشهر الماضي", (D(2019, 2, 1), D(2019, 2, 28)), "month"),
        ("وثقت الشبكة خلال الشهر الماضي 200 حالة", "الشهر الماضي", (D(2019, 2, 1), D(2019, 2, 28)), "month"),
        ("Some 200 civilians died last month", "last month", (D(2019, 2, 1), D(2019, 2, 28)), "month"),
        ("تراجعت الغارات خلال الشهر الجاري", "الشهر الجاري", (D(2019, 3, 1), PUB), "month"),
        ("Strikes declined this month", "this month", (D(2019, 3, 1), PUB), "month"),
        ("قتل 3000 مدني العام الماضي", "العام الماضي", (D(2018, 1, 1), D(2018, 12, 31)), "year"),
        ("Three thousand died last year", "last year", (D(2018, 1, 1), D(2018, 12, 31)), "year"),
        ("وتراجع عدد الضحايا هذا العام", "هذا العام", (D(2019, 1, 1), PUB), "year"),
        ("ستبدأ المفاوضات الشهر المقبل", "الشهر المقبل", (D(2019, 4, 1), D(2019, 4, 30)), "month"),
    ],
)
def test_calendar_spans(text: str, words: str, expected: tuple, precision: str) -> None:
    p = period(text)
    assert (p.text, span(p), p.precision, p.relative) == (words, expected, precision, True)


@pytest.mark.parametrize(
    "text, words, first",
    [
        ("قتل 500 مدني منذ بداية العام في المحافظة", "منذ بداية العام", D(2019, 1, 1)),
        ("نزح الآلاف منذ مطلع العام الجاري", "منذ مطلع العام الجاري", D(2019, 1, 1)),
        ("Hundreds have died since the start of the year", "since the start of the year", D(2019, 1, 1)),
        ("Hundreds have died so far this year", "so far this year", D(2019, 1, 1)),
        ("يعيش النازحون في المخيم منذ 2011", "منذ 2011", D(2011, 1, 1)),
        ("The camp has been besieged since 2011", "since 2011", D(2011, 1, 1)),
        ("يعيش النازحون هنا منذ آذار 2011", "منذ آذار 2011", D(2011, 3, 1)),
        ("وتحاصر القوات البلدة منذ يوم الأحد", "منذ يوم الأحد", D(2019, 3, 17)),
        ("قتل 90 شخصا منذ مطلع الشهر الجاري", "منذ مطلع الشهر الجاري", D(2019, 3, 1)),
        ("لم تتوقف الغارات منذ عام 2014 وحتى الآن", "منذ عام 2014 وحتى الآن", D(2014, 1, 1)),
        ("Records were kept from 2014 to date", "from 2014 to date", D(2014, 1, 1)),
        ("تقصف الطائرات الحي منذ يوم أمس", "منذ يوم أمس", D(2019, 3, 20)),
        ("قتل 400 مدني منذ شهر شباط", "منذ شهر شباط", D(2019, 2, 1)),
        ("يعيش النازحون هنا منذ 2011 حتى اليوم", "منذ 2011 حتى اليوم", D(2011, 1, 1)),
    ],
)
def test_since_periods_run_to_the_publication_date(text: str, words: str, first: dt.date) -> None:
    p = period(text)
    assert (p.text, span(p), p.precision, p.relative) == (words, (first, PUB), "period", True)


def test_since_without_a_publication_date_keeps_its_start() -> None:
    p = period("يعيش النازحون في المخيم منذ 2011", None)
    assert (p.first, p.last, p.precision) == (D(2011, 1, 1), None, "period")


# weekdays: the most recent such day on or before the publication date; with "الماضي" / "last",
# strictly before it; with "المقبل" / "next", after it


@pytest.mark.parametrize(
    "text, words, day",
    [
        ("قصفت الطائرات السوق يوم الأحد", "يوم الأحد", D(2019, 3, 17)),
        ("قال المرصد، الأحد، إن القصف طال المشفى", "الأحد", D(2019, 3, 17)),
        ("سقطت القذائف صباح الثلاثاء على الحي", "صباح الثلاثاء", D(2019, 3, 19)),
        ("اعتقل الشاب الأحد الماضي عند الحاجز", "الأحد الماضي", D(2019, 3, 17)),
        ("خرجت مظاهرة الجمعة الماضية في البلدة", "الجمعة الماضية", D(2019, 3, 15)),
        ("ستصل القافلة يوم الأحد المقبل", "يوم الأحد المقبل", D(2019, 3, 24)),
        ("Jets struck the market on Sunday", "Sunday", D(2019, 3, 17)),
        ("Jets struck the market last Sunday", "last Sunday", D(2019, 3, 17)),
        ("Jets struck the market early Tuesday", "early Tuesday", D(2019, 3, 19)),
        ("أعلن الجيش أمس الأربعاء السيطرة على التلة", "أمس الأربعاء", D(2019, 3, 20)),
        ("أعلن الجيش، أمس، الأربعاء، السيطرة على التلة", "أمس، الأربعاء", D(2019, 3, 20)),
    ],
)
def test_weekdays(text: str, words: str, day: dt.date) -> None:
    p = period(text)
    assert (p.text, span(p), p.precision, p.relative) == (words, (day, day), "day", True)


def test_weekday_equal_to_the_publication_weekday() -> None:
    # the publication date is a Thursday
    assert span(period("قصفت الطائرات البلدة يوم الخميس")) == (PUB, PUB)
    assert span(period("قالت الوزارة، الخميس، إن")) == (PUB, PUB)
    assert span(period("قالت الوزارة اليوم الخميس إن")) == (PUB, PUB)
    assert span(period("Officials said on Thursday that", language="en")) == (PUB, PUB)
    # "last Thursday" and "الخميس الماضي" on a Thursday mean a week before
    assert span(period("قصفت الطائرات البلدة الخميس الماضي")) == (D(2019, 3, 14), D(2019, 3, 14))
    assert span(period("Jets hit the town last Thursday", language="en")) == (D(2019, 3, 14), D(2019, 3, 14))


def test_relative_day_confirmed_by_its_weekday_is_one_mention() -> None:
    p = period("قالت الوزارة اليوم الخميس إن")
    assert p.text == "اليوم الخميس"
    # a weekday one day off the relative word (a late post, a date field in another time zone): one of
    # the two days; further off, the weekday wins, taken near the day the word gives
    p = period("أعلن الجيش أمس الثلاثاء السيطرة على التلة")
    assert (p.text, span(p), p.precision) == ("أمس الثلاثاء", (D(2019, 3, 19), D(2019, 3, 20)), "days")
    assert span(period("أعلن الجيش أمس الاثنين السيطرة على التلة")) == (D(2019, 3, 18), D(2019, 3, 18))
    # ... but never well after the publication date: "today, Sunday" in a text dated Thursday
    assert span(period("قصفت الطائرات البلدة فجر اليوم الأحد")) == (D(2019, 3, 17), D(2019, 3, 17))


def test_nights() -> None:
    # the night of a day runs into the next one
    p = period("قصفت الطائرات البلدة ليلة الأحد")
    assert (p.text, span(p), p.precision) == ("ليلة الأحد", (D(2019, 3, 17), D(2019, 3, 18)), "days")
    p = period("Shells fell on the camp Sunday night", language="en")
    assert (p.text, span(p)) == ("Sunday night", (D(2019, 3, 17), D(2019, 3, 18)))
    p = period("قصفت الطائرات البلدة ليل الاثنين - الثلاثاء")
    assert (p.text, span(p)) == ("ليل الاثنين - الثلاثاء", (D(2019, 3, 18), D(2019, 3, 19)))
    # a night is never later than the publication date
    assert span(period("قصفت الطائرات البلدة ليلة الخميس")) == (PUB, PUB)


def test_weekday_guards() -> None:
    # "أحد" is also "one of", "الجمعة" also the Friday prayer: a bare Arabic weekday needs a cue
    assert find_periods("قتل أحد المدنيين برصاص قناص", PUB) == []
    assert find_periods("خرج المصلون من صلاة الجمعة إلى الساحة", PUB) == []
    assert find_periods("بعد خطبة الجمعة تحدث الإمام", PUB) == []
    # a weekday next to a full date is part of that date
    p = period("قصفت الطائرات البلدة الخميس 21 آذار 2019")
    assert (p.text, span(p), p.relative) == ("الخميس 21 آذار 2019", (PUB, PUB), False)
    p = period("قصفت الطائرات البلدة يوم الخميس 14 آذار 2019")
    assert (p.text, span(p)) == ("يوم الخميس 14 آذار 2019", (D(2019, 3, 14), D(2019, 3, 14)))


def test_today_guards() -> None:
    assert find_periods("في ذلك اليوم خرج الجميع", PUB) == []
    assert find_periods("وفي اليوم التالي عاد الأهالي", PUB) == []
    assert find_periods("قال المراسل لقناة روسيا اليوم إن", PUB) == []
    assert find_periods("قبل يومين من الانتخابات وقع الانفجار", PUB) == []
    assert find_periods("يؤمنون بالله واليوم الآخر", PUB) == []
    # "العام" is also "general"
    assert find_periods("قال المدير العام الحالي للمشفى إن", PUB) == []
    assert find_periods("The public mood changed", PUB, "en") == []


@pytest.mark.parametrize(
    "text, words, expected",
    [
        ("قتل العشرات مطلع آذار 2019 في البلدة", "مطلع آذار 2019", (D(2019, 3, 1), D(2019, 3, 10))),
        ("قتل العشرات في أوائل آذار 2019", "أوائل آذار 2019", (D(2019, 3, 1), D(2019, 3, 10))),
        ("وفي بداية شهر آذار 2019 نزح الآلاف", "بداية شهر آذار 2019", (D(2019, 3, 1), D(2019, 3, 10))),
        ("قتل العشرات منتصف آذار 2019", "منتصف آذار 2019", (D(2019, 3, 11), D(2019, 3, 20))),
        ("قتل العشرات أواخر شباط 2019", "أواخر شباط 2019", (D(2019, 2, 21), D(2019, 2, 28))),
        ("وقعت المجزرة نهاية شباط 2020", "نهاية شباط 2020", (D(2020, 2, 21), D(2020, 2, 29))),
        ("Dozens died in early March 2019", "early March 2019", (D(2019, 3, 1), D(2019, 3, 10))),
        ("Dozens died in mid-March 2019", "mid-March 2019", (D(2019, 3, 11), D(2019, 3, 20))),
        ("Dozens died in late March 2019", "late March 2019", (D(2019, 3, 21), D(2019, 3, 31))),
        ("Dozens died at the end of March 2019", "the end of March 2019", (D(2019, 3, 21), D(2019, 3, 31))),
        # parts of years, of yearless months, of relative months
        ("سيطر التنظيم على المدينة أواخر عام 2015", "أواخر عام 2015", (D(2015, 9, 1), D(2015, 12, 31))),
        ("Fighting resumed in late 2015", "late 2015", (D(2015, 9, 1), D(2015, 12, 31))),
        ("Fighting resumed in the first half of 2019", "first half of 2019", (D(2019, 1, 1), D(2019, 6, 30))),
        ("تراجعت المعارك في النصف الأول من عام 2019", "النصف الأول من عام 2019", (D(2019, 1, 1), D(2019, 6, 30))),
        ("وخلال الأسبوع الأول من آذار 2019 تراجعت المعارك", "الأسبوع الأول من آذار 2019",
         (D(2019, 3, 1), D(2019, 3, 7))),
        ("اشتدت المعارك صيف 2014 في الريف", "صيف 2014", (D(2014, 6, 1), D(2014, 8, 31))),
        ("عاد الأهالي في منتصف شباط", "منتصف شباط", (D(2019, 2, 11), D(2019, 2, 20))),
        ("قتل العشرات أواخر الشهر الماضي", "أواخر الشهر الماضي", (D(2019, 2, 21), D(2019, 2, 28))),
        ("The offensive began late last year", "late last year", (D(2018, 9, 1), D(2018, 12, 31))),
    ],
)
def test_parts_of_months_and_years(text: str, words: str, expected: tuple) -> None:
    p = period(text)
    assert (p.text, span(p)) == (words, expected)
    assert p.precision in ("days", "period")


@pytest.mark.parametrize(
    "text, words, expected, precision",
    [
        ("قتل المئات بين آب 2014 ومطلع آذار 2019", "بين آب 2014 ومطلع آذار 2019",
         (D(2014, 8, 1), D(2019, 3, 10)), "period"),
        ("قتل المئات في الفترة بين آب 2014 وآذار 2019", "في الفترة بين آب 2014 وآذار 2019",
         (D(2014, 8, 1), D(2019, 3, 31)), "period"),
        ("Hundreds died between August 2014 and early March 2019",
         "between August 2014 and early March 2019", (D(2014, 8, 1), D(2019, 3, 10)), "period"),
        ("نزح الآلاف من 1 آذار 2019 إلى 5 نيسان 2019", "من 1 آذار 2019 إلى 5 نيسان 2019",
         (D(2019, 3, 1), D(2019, 4, 5)), "period"),
        ("نزح الآلاف من 1 آذار حتى 5 نيسان 2019", "من 1 آذار حتى 5 نيسان 2019",
         (D(2019, 3, 1), D(2019, 4, 5)), "period"),
        ("Thousands fled from 1 to 5 March 2019", "from 1 to 5 March 2019", (D(2019, 3, 1), D(2019, 3, 5)), "days"),
        ("قتل العشرات بين 5 و 10 آذار 2019", "بين 5 و 10 آذار 2019", (D(2019, 3, 5), D(2019, 3, 10)), "days"),
        ("وقعت الاشتباكات 17-19 آذار 2019", "17-19 آذار 2019", (D(2019, 3, 17), D(2019, 3, 19)), "days"),
        ("انعقد المؤتمر يومي 23 و 24 يوليو 2018", "23 و 24 يوليو 2018", (D(2018, 7, 23), D(2018, 7, 24)), "days"),
        ("The talks ran March 1-5, 2019 in Geneva", "March 1-5, 2019", (D(2019, 3, 1), D(2019, 3, 5)), "days"),
        ("تضاعفت الغارات من آذار إلى أيار 2019", "من آذار إلى أيار 2019", (D(2019, 3, 1), D(2019, 5, 31)), "period"),
        ("قتل الآلاف بين عامي 2014 و2019", "بين عامي 2014 و2019", (D(2014, 1, 1), D(2019, 12, 31)), "period"),
        ("Thousands died between 2014 and 2019", "between 2014 and 2019", (D(2014, 1, 1), D(2019, 12, 31)), "period"),
        ("تقرير الضحايا 2014-2019 الصادر عن الشبكة", "2014-2019", (D(2014, 1, 1), D(2019, 12, 31)), "period"),
    ],
)
def test_ranges(text: str, words: str, expected: tuple, precision: str) -> None:
    p = period(text)
    assert (p.text, span(p), p.precision) == (words, expected, precision)
    assert p.start == text.index(words)


def test_yearless_range_takes_the_publication_year() -> None:
    p = period("انعقد المؤتمر يومي 23 و 24 يوليو في جنيف")
    assert (p.text, span(p), p.relative) == ("23 و 24 يوليو", (D(2018, 7, 23), D(2018, 7, 24)), True)
    p = period("انعقد المؤتمر يومي 23 و 24 يوليو في جنيف", None)
    assert (p.first, p.last) == (None, None)


def test_two_dates_without_a_range_word_stay_two_periods() -> None:
    found = find_periods("قصفت البلدة في 5 آذار 2019 و 9 آذار 2019", PUB)
    assert [span(p) for p in found] == [(D(2019, 3, 5), D(2019, 3, 5)), (D(2019, 3, 9), D(2019, 3, 9))]
    # a range whose end is before its start is not one
    found = find_periods("بين آذار 2019 وشباط 2018", PUB)
    assert len(found) == 2


@pytest.mark.parametrize(
    "text, words, expected, precision, relative",
    [
        ("قتل 5 مدنيين في 21 آذار 2019 بقصف", "21 آذار 2019", (PUB, PUB), "day", False),
        ("تضاعفت الغارات في آذار 2019", "آذار 2019", (D(2019, 3, 1), D(2019, 3, 31)), "month", False),
        ("قتل 1753 منهم عام 2017 وحده", "عام 2017", (D(2017, 1, 1), D(2017, 12, 31)), "year", False),
        ("Most victims died in 2017 alone", "in 2017", (D(2017, 1, 1), D(2017, 12, 31)), "year", False),
        # yearless dates take the most recent year that puts them on or before the publication date
        ("قتل 5 مدنيين في 21 آذار بقصف", "21 آذار", (PUB, PUB), "day", True),
        ("قتل 5 مدنيين في 23 آذار بقصف", "23 آذار", (D(2019, 3, 23), D(2019, 3, 23)), "day", True),
        ("قتل 5 مدنيين في 30 آذار بقصف", "30 آذار", (D(2018, 3, 30), D(2018, 3, 30)), "day", True),
        ("Five civilians died on March 21", "March 21", (PUB, PUB), "day", True),
        ("التقى الوفدان في أيلول الماضي", "أيلول الماضي", (D(2018, 9, 1), D(2018, 9, 30)), "month", True),
        ("التقى الوفدان في شباط الماضي", "شباط الماضي", (D(2019, 2, 1), D(2019, 2, 28)), "month", True),
        ("التقى الوفدان في 8 آذار الجاري", "8 آذار الجاري", (D(2019, 3, 8), D(2019, 3, 8)), "day", True),
        ("قتل في الثاني من الشهر الماضي", "الثاني من الشهر الماضي", (D(2019, 2, 2), D(2019, 2, 2)), "day", True),
        ("نزح الآلاف في شباط من العام الماضي", "شباط من العام الماضي", (D(2018, 2, 1), D(2018, 2, 28)),
         "month", True),
        ("The siege began in March of last year", "March of last year", (D(2018, 3, 1), D(2018, 3, 31)),
         "month", True),
    ],
)
def test_absolute_dates_as_periods(text: str, words: str, expected: tuple, precision: str, relative: bool) -> None:
    p = period(text)
    assert (p.text, span(p), p.precision, p.relative) == (words, expected, precision, relative)


def test_hijri_dates_as_periods() -> None:
    # alone: the uncertainty window of the arithmetic calendar
    p = period("صدر البيان في 15 رمضان 1438 هـ عن المجلس")
    assert p.precision == "days" and p.first is not None and p.last is not None
    assert (p.last - p.first).days == 4 and p.first <= D(2017, 6, 10) <= p.last
    # with the Gregorian date beside it, the day
    found = find_periods("الأحد 4 جمادى الأولى 1439 هـ الموافق 21 يناير 2018 م", PUB)
    assert {span(p) for p in found} == {(D(2018, 1, 21), D(2018, 1, 21))}


def test_published_none_still_reports_relative_words() -> None:
    for text, words in [("قتل أمس ثلاثة مدنيين", "أمس"), ("قصفت الطائرات البلدة يوم الأحد", "يوم الأحد"),
                        ("سقط 12 قتيلا خلال الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية"),
                        ("قتل 200 مدني الشهر الماضي", "الشهر الماضي"), ("قتل 5 مدنيين في 21 آذار", "21 آذار"),
                        ("Two children were killed yesterday", "yesterday"),
                        ("The school was struck three days ago", "three days ago")]:
        p = period(text, None)
        assert (p.text, p.first, p.last, p.relative) == (words, None, None, True)
    # absolute dates do not need it
    assert span(period("قتل 5 مدنيين في 21 آذار 2019", None)) == (PUB, PUB)


def test_overlapping_expressions_resolve_to_the_longest() -> None:
    # "آذار" (a month after "في") lies inside the longer "في شباط من العام الماضي"-like expression
    p = period("نزح الآلاف في حزيران من العام الماضي")
    assert p.text == "حزيران من العام الماضي"
    # "يوم الخميس" and "الخميس 14 آذار 2019" overlap: one mention
    assert len(find_periods("قصفت الطائرات البلدة يوم الخميس 14 آذار 2019", PUB)) == 1
    # "in 2014" and "2014-2015" overlap: the range wins
    p = period("Most of them died in 2014-2015", language="en")
    assert (p.text, span(p)) == ("2014-2015", (D(2014, 1, 1), D(2015, 12, 31)))
    # results never overlap and come in text order
    text = "قتل أمس الثلاثاء 3 مدنيين، وبين آب 2014 ومطلع آذار 2019 قتل 90، ومنذ بداية العام 40، الأسبوع الماضي 5"
    found = find_periods(text, PUB)
    assert [p.text for p in found] == ["أمس الثلاثاء", "بين آب 2014 ومطلع آذار 2019", "منذ بداية العام",
                                       "الأسبوع الماضي"]
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def test_period_offsets_are_exact_with_diacritics_and_normalized_input() -> None:
    text = "قُتِلَ ثَلاثَةٌ أَمْسِ، وَقَبْلَ أَرْبَعَةِ أَيّامٍ قُتِلَ اثنان في ٢١ آذَار ٢٠١٩"
    found = find_periods(text, PUB)
    assert [p.text for p in found] == ["أَمْسِ", "قَبْلَ أَرْبَعَةِ أَيّامٍ", "٢١ آذَار ٢٠١٩"]
    for p in found:
        assert text[p.start:p.end] == p.text
    assert [span(p) for p in found] == [(D(2019, 3, 20),) * 2, (D(2019, 3, 17),) * 2, (PUB, PUB)]
    nt = NormalizedText.of(text)
    assert find_periods(nt, PUB) == found


def test_period_data_files_describe_their_schema() -> None:
    for name in ("ar/dates.toml", "en/dates.toml"):
        path = Path(dates.__file__).with_name("data") / name
        head = path.read_text(encoding="utf-8").split("\n[", 1)[0]
        assert "find_periods" in head
        data = load(name)
        assert data["periods"]["day_words"] and data["period_units"] and data["part_ranges"]


def test_moments_before_another_event_are_not_dated_by_the_report() -> None:
    text = "أطفأ السائق المحرك قبل لحظات من تعرض السيارة للقصف"
    assert [p for p in find_periods(text, PUB) if "لحظات" in p.text] == []


def test_user_data_adds_relative_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "dates.toml").write_text('[periods]\nday_words."امبارح" = [-1, -1]\n', encoding="utf-8")
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path))
    dates.reload()
    try:
        assert span(period("قتل امبارح شاب")) == (D(2019, 3, 20), D(2019, 3, 20))
    finally:
        monkeypatch.delenv("MARSAD_DATA")
        dates.reload()
    assert find_periods("قتل امبارح شاب", PUB) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 /.-,()\nآذارمسيوكنتشرين") + [
    "آذار", "مارس", "عام", "في", "الخميس", "يوم", "ليلة", "أمس", "اليوم", "الماضي", "الماضية", "منذ", "قبل",
    "بين", "و", "من", "إلى", "حتى", "الآن", "مطلع", "أواخر", "الشهر", "العام", "الأيام", "الثلاثة", "يومين",
    "أيام", "2019", "2014", "1439", "31", "13", "ربيع الأول", "هـ", "last", "week", "since", "ago", "days",
    "three", "between", "and", "early", "March", "Sunday", "night", "today", "the past"]), max_size=40).map(" ".join))
def test_periods_random_text_never_crashes(text: str) -> None:
    for published in (PUB, None):
        found = find_periods(text, published)
        for p in found:
            assert text[p.start:p.end] == p.text
            assert p.precision in ("day", "days", "week", "month", "year", "period")
            if p.first is not None and p.last is not None:
                assert p.first <= p.last
        for a, b in zip(found, found[1:], strict=False):
            assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.dates(min_value=D(1901, 1, 1), max_value=D(2099, 12, 31)))
def test_periods_arbitrary_unicode_never_crashes(text: str, published: dt.date) -> None:
    for p in find_periods(text, published):
        assert text[p.start:p.end] == p.text


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(1901, 1, 1), max_value=D(2099, 12, 31)), st.integers(min_value=3, max_value=60))
def test_yesterday_and_days_ago_for_any_publication_date(published: dt.date, n: int) -> None:
    p = period("قتل أمس ثلاثة مدنيين بقصف", published)
    assert span(p) == (published - dt.timedelta(days=1),) * 2
    p = period(f"قتل ثلاثة مدنيين قبل {n} أيام بقصف", published)
    assert (p.text, span(p)) == (f"قبل {n} أيام", (published - dt.timedelta(days=n),) * 2)
    p = period(f"Three civilians were killed {n} days ago", published, "en")
    assert span(p) == (published - dt.timedelta(days=n),) * 2
    # a weekday is never after the publication date, and at most six days before it
    p = period("قصفت الطائرات البلدة يوم الأحد", published)
    assert p.first is not None and p.first.weekday() == 6 and 0 <= (published - p.first).days <= 6


def test_periods_on_the_corpus_offsets_and_speed() -> None:
    texts = _baly_texts(600)
    normalized = [NormalizedText.of(t) for t in texts]
    find_periods("21 آذار 2019", PUB)
    start = time.perf_counter()
    results = [find_periods(nt, PUB) for nt in normalized]
    rate = len(texts) / (time.perf_counter() - start)
    for text, found in zip(texts, results, strict=True):
        for p in found:
            assert text[p.start:p.end] == p.text
        for a, b in zip(found, found[1:], strict=False):
            assert a.end <= b.start
    assert sum(map(len, results)) > 2 * len(texts)
    assert rate > 300, rate  # ~1,200 docs/s when the machine is idle; generous for a busy CI


def test_periods_long_runs_stay_linear() -> None:
    for text in ["أمس " * 20000, "الأيام " * 20000, "بين 2014 و" * 10000, "يوم " * 20000 + "الأحد",
                 "ليل " * 20000, "منذ " * 20000 + "2011", "17-" * 20000 + "19 آذار 2019"]:
        start = time.perf_counter()
        find_periods(text, PUB)
        assert time.perf_counter() - start < 3.0


def test_a_day_and_month_name_written_with_slashes() -> None:
    (p,) = find_periods("استشهد مدني اليوم الخميس 6/ تشرين الأول/ 2022، بقصف مدفعي", dt.date(2022, 12, 2), "ar")
    assert (p.first, p.last) == (dt.date(2022, 10, 6), dt.date(2022, 10, 6))
    (p,) = find_periods("حصاد يوم الأربعاء 15 / كانون الثاني / 2020 في حلب", dt.date(2020, 1, 16), "ar")
    assert p.first == dt.date(2020, 1, 15)


def test_an_all_number_date_is_read_the_way_that_falls_before_publication() -> None:
    pub = dt.date(2024, 12, 6)
    (p,) = find_periods("Photos taken on 12/5/2024 show the damage", pub)
    assert p.first == dt.date(2024, 12, 5)
    (p,) = find_periods("صور التقطت بتاريخ 5/12/2024 تظهر الدمار", pub, "ar")
    assert p.first == dt.date(2024, 12, 5)
    # both readings long before publication, or day first already recent: day first stays
    (p,) = find_periods("في 3/4/2024 قتل مدني", pub, "ar")
    assert p.first == dt.date(2024, 4, 3)
    (p,) = find_periods("يوم 1/12/2024 قتل مدني", pub, "ar")
    assert p.first == dt.date(2024, 12, 1)


def test_a_number_glued_to_a_handle_is_no_day() -> None:
    assert find_periods("@someuser5Nov 28, 2024 تعليق على الخبر", dt.date(2024, 11, 28)) == []
    assert find_dates("@ali_99 12 March 2020")[0].day == 12


def test_a_year_slip_after_today_and_its_weekday_gives_way_to_the_publication_date() -> None:
    (p,) = find_periods("أعلنت القوات اليوم الأربعاء (8 كانون الثاني 2024) مقتل مدنيين", dt.date(2025, 1, 8), "ar")
    assert p.first == p.last == dt.date(2025, 1, 8)
    (p,) = find_periods("قصف مساء أمس الثلاثاء 31 كانون الأول 2025 بلدة", dt.date(2025, 1, 1), "ar")
    assert p.first == dt.date(2024, 12, 31)
    # a date weeks away from "today" is not a slip: the written date stands
    (p,) = find_periods("استشهد مدني اليوم الخميس 6 تشرين الأول 2022 بقصف", dt.date(2022, 12, 2), "ar")
    assert p.first == dt.date(2022, 10, 6)


def test_anniversary_years() -> None:
    assert dates.anniversary_years("تصادف اليوم الذكرى السنوية الخامسة لمجزرة البلدة", "ar") == 5
    assert dates.anniversary_years("في الذكرى الثالثة عشرة للثورة", "ar") == 13
    assert dates.anniversary_years("في الذكرى الـ 76 للنكبة", "ar") == 76
    assert dates.anniversary_years("أحيا الأهالي ذكرى المجزرة", "ar") is None


def test_a_bare_weekday_that_ends_the_clause_it_dates() -> None:
    pub = dt.date(2025, 2, 26)  # a Wednesday
    (p,) = find_periods("قتل 12 شخصا بغارات على قرى في ريف الحسكة الثلاثاء، وفق ما أعلنت القوات", pub, "ar")
    assert p.first == p.last == dt.date(2025, 2, 25)
    (p,) = find_periods("وسيطر الجيش على البلدة السبت.", pub, "ar")
    assert p.first == dt.date(2025, 2, 22)
    # a market's name, the future, and weekdays that are also common words are no day here
    for text in ("سقطت قذيفة على سوق الخميس، وسط المدينة", "يصل الوفد غدا الخميس، إلى جنيف",
                 "أفرجت القوات عن المعتقلين الاثنين، بعد ساعات", "آمنا بالله الواحد الأحد، وبرسله"):
        assert find_periods(text, pub, "ar") == [], text


def test_a_year_written_after_a_relative_year_wins() -> None:
    pub = dt.date(2022, 8, 19)
    (p,) = find_periods("وثقت الشبكة منذ مطلع العام المنصرم 2021 مقتل مئات المدنيين", pub, "ar")
    assert (p.first, p.last) == (dt.date(2021, 1, 1), pub)
    (p,) = find_periods("قتل في العام الماضي 2020 نحو مئة مدني", pub, "ar")
    assert (p.first, p.last) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    (p,) = find_periods("خلال العام الحالي 2022 قتل", pub, "ar")
    assert (p.first, p.last) == (dt.date(2022, 1, 1), pub)
    assert find_periods("قال الأمين العام الحالي 2022", pub, "ar") == []


def test_a_range_whose_second_end_is_introduced_by_a_day_noun() -> None:
    pub = dt.date(2022, 8, 19)
    (p,) = find_periods("وثقت الفرق منذ بداية العام الحالي حتى يوم أمس الخميس 18 آب مقتل 76 مدنياً", pub, "ar")
    assert (p.first, p.last) == (dt.date(2022, 1, 1), dt.date(2022, 8, 18))
    (p,) = find_periods("في الفترة من 1 آذار حتى يوم 5 آذار 2022 قتل", pub, "ar")
    assert (p.first, p.last) == (dt.date(2022, 3, 1), dt.date(2022, 3, 5))


# --------------------------------------------------------------------------------------------------
# The fast paths of the scan give what the plain ones give


def _reference_scan(nt: NormalizedText, language: str | None) -> list:
    """The scan as first written: the whole pattern tried at every word start from the seventh last
    before a cluster of anchors to its end; anchors found by searching the whole text."""
    text = nt.text
    pattern = dates._pattern(language)
    found = []
    anchors = dates._anchors(text, language, None)
    clusters: list[list[tuple[int, int, bool]]] = []
    for a in anchors:
        last_end = clusters[-1][-1][1] if clusters else -dates._CLUSTER_GAP - 1
        if a[0] - last_end <= dates._CLUSTER_GAP and "\n" not in text[last_end:a[0]]:
            clusters[-1].append(a)
        else:
            clusters.append([a])
    done = 0
    for cluster in clusters:
        if not dates._worth_trying(text, cluster):
            continue
        first = cluster[0][0]
        lo = max(done, first - dates._BACK)
        line = text.rfind("\n", lo, first)
        if line >= 0:
            lo = line + 1
        starts = [m.start() for m in dates._STARTS.finditer(text, lo, first)][-dates._BACK_WORDS:]
        starts += [m.start() for m in dates._STARTS.finditer(text, first, cluster[-1][1])]
        for pos in starts:
            if pos < done:
                continue
            m = pattern.match(text, pos)
            if m is not None:
                done = m.end()
                f = dates._resolve(m, nt, language)
                if f is not None:
                    found.append(f)
    if any(f.approx is not None for f in found):
        dates._pair_hijri(found, text, language)
    return found


_SCAN_WORDS = [
    "آذار", "مارس", "كانون الثاني", "تشرين", "عام", "العام", "في", "وفي", "بتاريخ", "الخميس", "يوم", "أمس", "اليوم",
    "الماضي", "منذ", "قبل", "بين", "من", "إلى", "مطلع", "الشهر", "أيام", "يومين", "ربيع الأول", "هـ", "الحادي",
    "عشر", "قتل", "مدنيين", "March", "june", "may", "Sunday", "last", "week", "ago", "the past", "in", "early",
    "2019", "2014", "1439", "31", "13", "5", "12/5/", "2020-03-", "#", "x", "_",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SCAN_WORDS), st.sampled_from(list(" ,.-/()\n:0123456789"))),
                max_size=40).map(lambda parts: "".join(parts)) | st.lists(st.sampled_from(
                    _SCAN_WORDS + ["الأحد", "الموافق", "والعشرين", "شهر", "5مارس", "قتل5", "الثالث"]),
                    max_size=30).map(" ".join))
def test_scan_fast_paths_find_what_the_plain_scan_finds(text: str) -> None:
    _same_scans(text)


@pytest.mark.parametrize("text", [
    "وقع الهجوم يوم الأحد الحادي والعشرين من شهر آذار 2019 في المدينة",
    "قتل مدنيين في الحادي والعشرين من شهر آذار من عام 2019 وفي 5مارس",
    "من و في و من و في و من و في الخامس عشر من آذار 2011",
    "مقتل 3 مدنيين ليلة 5 آذار، وقتل5 آخرون منذ مطلع العام 2019",
])
def test_scan_fast_paths_on_long_expressions(text: str) -> None:
    _same_scans(text)
    _same_scans(text + " March 5, 2019")  # Latin letters: the word index is not all Arabic


def _same_scans(text: str) -> None:
    for language in (None, "en"):
        plain = NormalizedText.of(text)  # no word index: the anchors and starts found by regex
        indexed = NormalizedText.of(text)
        words = indexed.words()  # a word index: anchors and starts found from its runs of letters
        assert dates._anchors(indexed.text, language, words) == dates._anchors(plain.text, language, None)
        reference = _reference_scan(plain, language)
        assert dates._scan_uncached(plain, language) == reference
        assert dates._scan_uncached(indexed, language) == reference
        for published in (PUB, None):
            assert find_periods(indexed, published, language) == find_periods(plain, published, language)


@given(st.text(alphabet="بتaz59 ,_-\n", max_size=60))
def test_few_characters_hold_few_word_starts(text: str) -> None:
    # the scan counts the word starts before a cluster only past _BACK_WORDS_SURE characters
    for i in range(len(text)):
        j = min(len(text), i + dates._BACK_WORDS_SURE)
        assert len(dates._STARTS.findall(text, i, j)) <= dates._BACK_WORDS
