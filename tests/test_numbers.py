"""Tests for marsad.numbers: count expressions in Arabic and English (sentences written for the tests)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.arabic import NormalizedText
from marsad.numbers import (
    Count,
    find_counts,
    noun_count,
    parse_number_words,
    person_noun,
    to_arabic_words,
    written_number,
)
from marsad.resources import bundled_path, load

SHARED = Path(__file__).resolve().parents[2] / "shared"


def counts(text: str, language: str | None = None) -> list[Count]:
    found = find_counts(text, language)
    for c in found:
        assert text[c.start:c.end] == c.text
    return found


def one(text: str, language: str | None = None) -> Count:
    found = counts(text, language)
    assert len(found) == 1, [(c.text, c.low, c.high) for c in found]
    return found[0]


def lows(text: str) -> list[int | None]:
    return [c.low for c in counts(text)]


# --------------------------------------------------------------------------- digits


@pytest.mark.parametrize(
    "text, value",
    [
        ("قتل 25 مدنيا في القصف", 25),
        ("قتل ٢٥ مدنيا في القصف", 25),
        ("قتل ۲۵ مدنیا في القصف", 25),
        ("وثقت المنظمة مقتل 1,753 مدنيا", 1753),
        ("وثقت المنظمة مقتل ١٬٧٥٣ مدنيا", 1753),
        ("وثقت المنظمة مقتل ١،٧٥٣ مدنيا", 1753),
        ("وثقت المنظمة مقتل 2.000 مدني", 2000),
        ("The group counted 12,500 civilians killed", 12500),
        ("سقط 3035 قتيلا", 3035),
    ],
)
def test_digits_and_separators(text: str, value: int) -> None:
    c = one(text)
    assert (c.low, c.high, c.vague, c.approximate) == (value, value, False, False)


def test_digit_span_points_into_original_text_with_diacritics() -> None:
    text = "وَقُتِلَ ١٥ مَدَنِيًّا فِي الغَارَةِ"
    c = one(text)
    assert c.low == 15 and c.noun == "مدني" and c.category == "civilians"
    assert c.text.startswith("١٥") and "مَدَنِيًّا" in c.text


def test_decimals_are_not_counts_but_scale_decimals_are() -> None:
    assert counts("ارتفع المؤشر 2.5 نقطة") == []
    assert counts("The rate was 2.5 today") == []
    assert one("about 1.5 million people fled").low == 1_500_000
    assert one("نزح 2.5 مليون شخص").low == 2_500_000


def test_proclitics_on_digits() -> None:
    c = one("قتلت الغارة 3 أطفال و5 نساء")
    assert c.low == 8 and [p.low for p in c.parts] == [3, 5]
    assert one("قصفت المدينة بـ20 صاروخا").low == 20


# --------------------------------------------------------------------------- Arabic number words


@pytest.mark.parametrize(
    "words, value",
    [
        ("اثنان", 2), ("اثنين", 2), ("ثلاث", 3), ("ثلاثة", 3), ("ثلاثه", 3), ("أربعة", 4), ("اربعة", 4),
        ("عشرة", 10), ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثني عشر", 12),
        ("خمسة عشر", 15), ("عشرون", 20), ("عشرين", 20), ("واحد وعشرون", 21), ("خمسة وعشرين", 25),
        ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مئتين", 200), ("مائتي", 200),
        ("ثلاث مئة", 300), ("ثلاثمائة", 300), ("ثلاثمئة", 300), ("ألف", 1000), ("الف", 1000),
        ("ألفان", 2000), ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000),
        ("أحد عشر ألفا", 11000), ("مئة ألف", 100000), ("مئتا ألف", 200000), ("مليون", 1_000_000),
        ("ألف وخمسمائة", 1500), ("ثلاثة آلاف وخمسة وثلاثون", 3035),
        ("مئة ألف وألف", 101000), ("مليون و200 ألف", 1_200_000), ("3 آلاف", 3000), ("20 ألف", 20000),
        ("١٥٠٠", 1500),
    ],
)
def test_parse_arabic_number_words(words: str, value: int) -> None:
    assert parse_number_words(words, "ar") == value


@pytest.mark.parametrize(
    "words", ["عشرات", "آلاف", "مئات", "ثلاثة أربعة", "خمسة عشرين", "أحد", "", "مدنيين", "ثلاثة وثلاثون وعشرون"]
)
def test_parse_rejects_what_is_not_one_number(words: str) -> None:
    assert parse_number_words(words, "ar") is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("قتل ثلاثة مدنيين", 3),
        ("وأصيب خمسة عشر شخصا", 15),
        ("وقتل واحد وعشرون مدنيا", 21),
        ("قتل ثلاثة آلاف شخص", 3000),
        ("نزح ألف وخمسمائة شخص", 1500),
        ("أسفر عن مقتل مئتي شخص", 200),
        ("وبخمسة وعشرين قتيلا", 25),
        ("ولثلاثمائة مدني", 300),
    ],
)
def test_arabic_number_words_in_sentences(text: str, value: int) -> None:
    c = one(text)
    assert (c.low, c.high) == (value, value)


def test_definite_dual_of_thousand_after_a_bound() -> None:
    c = one("وقال الناشطون إن عددهم تجاوز الألفين خلال ليلتين")
    assert (c.low, c.high, c.text) == (2001, None, "تجاوز الألفين")


def test_definite_number_alone_is_ordinal_like() -> None:
    assert counts("في القرن العشرين") == []
    assert counts("احتفل الموقع بالذكرى العشرين لتأسيسه") == []
    assert one("قتل الخمسة المدنيين في الغارة").low == 5


def test_wahid_needs_a_person_noun() -> None:
    assert counts("في آن واحد") == []
    assert one("قتل واحد من المدنيين").low == 1


# --------------------------------------------------------------------------- English words


@pytest.mark.parametrize(
    "words, value",
    [
        ("one", 1), ("nineteen", 19), ("twenty", 20), ("twenty-two", 22), ("twenty two", 22),
        ("a hundred", 100), ("one hundred", 100), ("two hundred and five", 205), ("3 thousand", 3000),
        ("1.5 million", 1_500_000), ("a dozen", 12), ("two dozen", 24), ("fifteen hundred", 1500),
        ("one thousand two hundred and fifty", 1250), ("ninety-nine thousand", 99000),
    ],
)
def test_parse_english_number_words(words: str, value: int) -> None:
    assert parse_number_words(words, "en") == value


@pytest.mark.parametrize("words", ["dozens", "hundreds", "five and ten", "two three", "hundred hundred"])
def test_parse_english_rejects(words: str) -> None:
    assert parse_number_words(words, "en") is None


def test_english_counts_in_sentences() -> None:
    c = one("Twenty-two civilians were killed in the raid")
    assert (c.low, c.noun, c.category) == (22, "civilian", "civilians")
    c = one("the strike killed two hundred and five people")
    assert (c.low, c.text) == (205, "two hundred and five people")
    c = one("A dozen soldiers died")
    assert (c.low, c.approximate, c.category) == (12, True, "combatants")
    c = one("Three young Syrian children were wounded")
    assert (c.low, c.category) == (3, "children")


def test_english_one_needs_a_noun() -> None:
    assert counts("one of the main roads was closed") == []
    c = one("one of the victims was identified")
    assert (c.low, c.noun, c.text) == (1, "victim", "one of the victims")


# --------------------------------------------------------------------------- bare person nouns


@pytest.mark.parametrize(
    "text, low, high, vague, category",
    [
        ("مقتل طفل بقصف مدفعي", 1, 1, False, "children"),
        ("استشهاد مدني برصاص قناص", 1, 1, False, "civilians"),
        ("استشهاد طفلين في الغارة", 2, 2, False, "children"),
        ("وأصيب طفلان بجروح", 2, 2, False, "children"),
        ("مقتل امرأتين في القصف", 2, 2, False, "women"),
        ("وقتل شابين على الحاجز", 2, 2, False, "men"),
        ("أصيبت سيدتان بشظايا", 2, 2, False, "women"),
        ("مقتل مدنيين في القصف", 2, None, True, "civilians"),
        ("مقتل مدنيين اثنين في القصف", 2, 2, False, "civilians"),
        ("استشهاد الطفلين في المنزل", 2, 2, False, "children"),
        ("وقتل طفل واحد", 1, 1, False, "children"),
        ("إصابة عنصر من الشرطة", 1, 1, False, "combatants"),
    ],
)
def test_arabic_bare_nouns_are_counts(text: str, low: int, high: int | None, vague: bool, category: str) -> None:
    c = one(text)
    assert (c.low, c.high, c.vague, c.category) == (low, high, vague, category)


@pytest.mark.parametrize(
    "text",
    [
        "حقوق الأطفال في المدارس",  # plural: no number
        "مركز الدفاع المدني في المدينة",  # definite singular
        "عقد مجلس عسكري اجتماعا",  # adjective use, no cue
        "كل شخص يحمل بطاقة",  # "every person"
        "اجتماع منظمات المجتمع المدني",
        "زار مصدر عسكري الموقع",
        "قتل المدنيين جريمة",  # definite -ين is the plural
    ],
)
def test_arabic_nouns_that_are_not_counts(text: str) -> None:
    assert counts(text) == []


def test_english_singular_with_article() -> None:
    c = one("a child was killed and the house destroyed")
    assert (c.low, c.noun, c.text) == (1, "child", "a child")
    assert one("another Syrian civilian was shot").low == 1
    assert counts("a civilian car was hit") == []
    assert one("a 12-year-old boy was treated").text == "a 12-year-old boy"
    assert counts("the child was treated") == []


def test_person_noun_lookup() -> None:
    assert noun_count("طفلين") == (2, 2, False)
    assert noun_count("امرأتان") == (2, 2, False)
    assert noun_count("مدنيين") == (2, None, True)
    assert noun_count("الأطفال") is None
    assert noun_count("وطفل") == (1, 1, False)
    pn = person_noun("بالمدنيين")
    assert pn is not None and pn.definite and pn.category == "civilians"
    assert person_noun("قتلى").kind == "killed"
    assert person_noun("children", "en").category == "children"
    assert person_noun("سيارة") is None


# --------------------------------------------------------------------------- lists


def test_lists_add_up_with_their_parts() -> None:
    c = one("مقتل طفل وامرأة بقصف جوي")
    assert (c.low, c.high, c.noun) == (2, 2, None)
    assert [(p.low, p.category) for p in c.parts] == [(1, "children"), (1, "women")]
    assert c.categories == ("children", "women") and c.category == "civilians"

    c = one("قتل رجل وزوجته وطفليه")
    assert c.low == 4 and [p.low for p in c.parts] == [1, 1, 2]

    # a plural ending in hamza takes the case before a suffix: أبناءه، أبناؤه، أبنائه
    c = one("مقتل رجل وأبنائه الثلاثة بغارة")
    assert c.low == 4 and [p.low for p in c.parts] == [1, 3]
    assert one("نجا من القصف مع أشقائه الخمسة").low == 5

    c = one("Among the dead were two women and a child")
    assert (c.low, [p.category for p in c.parts]) == (3, ["women", "children"])


def test_lists_of_different_kinds_do_not_add_up() -> None:
    found = counts("حصيلة القصف 5 قتلى و10 جرحى")
    assert [(c.low, c.noun) for c in found] == [(5, "قتيل"), (10, "جريح")]


def test_killed_or_wounded_idiom_is_not_two_counts() -> None:
    found = counts("سقط 15 مدنيا بين قتيل وجريح")
    assert [c.low for c in found] == [15]


def test_including_is_not_a_list() -> None:
    found = counts("قتل 7 مدنيين بينهم طفلان وامرأة")
    assert [(c.low, c.category) for c in found] == [(7, "civilians"), (3, "civilians")]


# --------------------------------------------------------------------------- named people


@pytest.mark.parametrize(
    "text, category, name",
    [
        ("استشهد الشاب محمد العلي صباح اليوم", "men", "محمد العلي"),
        ("مقتل الطفل علي الوردي بقصف مدفعي", "children", "علي الوردي"),
        ("وفاة المدني أحمد الصالح متأثرا بجراحه", "civilians", "أحمد الصالح"),
        ("إصابة السيدة فاطمة خطيب بجروح", "women", "فاطمة خطيب"),
        ("أصيب المواطن كابرين فرحو بشظايا", "civilians", "كابرين فرحو"),  # a name in no list
        ("استشهاد الشاب عبد الله الحسين", "men", "عبد الله الحسين"),  # a compound first name
        ('مقتل الطفلة "جمانة" في الغارة', "children", "جمانة"),  # a quoted name may be one word
        ("قتل الشهيد الطفل محمد رحال", "children", "محمد رحال"),  # the most specific noun counts
        ("الطفل يوسف أحمد الخطيب (9 سنوات) استشهد متأثرا بجراحه", "children", "يوسف أحمد الخطيب"),
        ("Airstrikes killed the child Ali al-Wardi on Monday", "children", "Ali al-Wardi"),
        ("the young girl Fatima Ahmad was wounded", "children", "Fatima Ahmad"),
    ],
)
def test_a_definite_noun_with_a_name_is_one_person(text: str, category: str, name: str) -> None:
    c = one(text)
    assert (c.low, c.high, c.vague, c.category, c.name) == (1, 1, False, category, name)
    assert c.text.endswith(name) or c.text.endswith('"')


def test_named_people_add_up() -> None:
    c = one("استشهد الشاب عبد اللطيف محلول والطفل علي الوردي في القصف")
    assert (c.low, c.high) == (2, 2)
    assert [(p.low, p.category, p.name) for p in c.parts] == [
        (1, "men", "عبد اللطيف محلول"), (1, "children", "علي الوردي")]
    c = one("مقتل الطفل علي الوردي (12 عاما) والشاب محمد العلي")  # an age aside between them
    assert c.low == 2 and [p.category for p in c.parts] == ["children", "men"]
    c = one("killing the young girl Fatima Ahmad and the boy Omar Khaled")
    assert c.low == 2 and [p.name for p in c.parts] == ["Fatima Ahmad", "Omar Khaled"]


def test_hashtags_of_named_people_count_one_each_and_add_up() -> None:
    c = one("#الشاب_بلال_صطيفي #الشاب_شهم_عيد #الطفل_عبد_الكريم")
    assert (c.low, c.high) == (3, 3)
    assert [(p.category, p.name) for p in c.parts] == [
        ("men", "بلال صطيفي"), ("men", "شهم عيد"), ("children", "عبد الكريم")]
    c = one("رحمهم الله\n#الطفلة_سلمى\n#الطفل_عمر_الخالد")
    assert c.low == 2 and c.parts[0].name == "سلمى"
    assert counts("#الطفل_السوري #المدني_") == []  # an adjective, not a name


@pytest.mark.parametrize(
    "text",
    [
        "قال الطبيب محمد الأحمد إن المشفى خرج عن الخدمة",  # a source, not a victim: no harm word
        "The reporter John Smith said the town was calm",
        "افتتحت مدرسة الشهيد باسل الأحمد أبوابها",  # the name of a thing
        "وتضم القائمة لواء الشهيد أحمد العبد",
        "وتم نقل الطفل إلى المستشفى",  # no name: the child is someone mentioned before
        "أصيب الرجل بجروح طفيفة",
        "مقتل الرجل على يد مسلحين",  # على is a preposition, علي a name
        "مقتل الطفل جراء القصف",
        "مقتل الطفل متأثرا بجراحه",
        "killing the child on Monday",
    ],
)
def test_definite_nouns_without_a_name_or_harm_are_not_counts(text: str) -> None:
    assert counts(text) == [], [(c.text, c.low) for c in counts(text)]


def test_ali_written_with_ya_is_a_name() -> None:
    assert one("استشهد الشاب علي حسن برصاص قناص").name == "علي حسن"


# --------------------------------------------------------------------------- comma lists


def test_comma_lists_closed_by_a_conjunction_add_up() -> None:
    c = one("three children, a woman and two men were killed")
    assert (c.low, c.high) == (6, 6)
    assert [(p.low, p.category) for p in c.parts] == [(3, "children"), (1, "women"), (2, "men")]
    c = one("قتل طفلان، وامرأة، ورجل في القصف")
    assert c.low == 4 and [p.low for p in c.parts] == [2, 1, 1]
    c = one("three children, two women, and an old man")  # the Oxford comma
    assert c.low == 6


def test_comma_without_a_closing_conjunction_or_a_total_before_parts() -> None:
    assert [c.low for c in counts("the toll: five children, three women")] == [5, 3]
    found = counts("12 people, five children and three women, were killed")
    assert [(c.low, c.category) for c in found] == [(12, "people"), (8, "civilians")]


# --------------------------------------------------------------------------- demonyms


@pytest.mark.parametrize(
    "text, low, noun",
    [
        ("19 Syrians were killed", 19, "syrians"),
        ("30 Kurds were detained", 30, "kurds"),
        ("600,000 Syrians fled", 600_000, "syrians"),
        ("40 Assyrians were abducted", 40, "assyrians"),  # any plural in -ians
        ("قتل 5 سوريين في الغارة", 5, "سوري"),
        ("نزح أكثر من ألف كردي", 1001, "كردي"),
        ("اعتقل عشرات الأكراد", 10, "كردي"),
    ],
)
def test_demonyms_are_people(text: str, low: int, noun: str) -> None:
    c = one(text)
    assert (c.low, c.noun, c.category) == (low, noun, "people")


def test_demonym_after_a_person_noun_keeps_its_category() -> None:
    c = one("قتل خمسة جنود أتراك")
    assert (c.low, c.category, c.text) == (5, "combatants", "خمسة جنود أتراك")
    assert one("three Iranian civilians were hurt").category == "civilians"


def test_country_names_are_not_demonyms() -> None:
    assert person_noun("سوريا") is None and person_noun("تركيا") is None
    assert noun_count("سوريين") == (2, None, True)
    c = one("قتل 19 سوريا")  # the accusative reads like the country: the number stays, without a noun
    assert (c.low, c.noun) == (19, None)


@pytest.mark.parametrize(
    "text, low, noun",
    [
        ("قتل 124 عراقيا في التفجير", 124, "عراقي"),    # 11..99 (and their hundreds) take a singular
        ("أصيب 13 فلسطينياً بالرصاص", 13, "فلسطيني"),   # accusative noun: the demonym's accusative counts
        ("اعتقل أكثر من 40 إيرانيا", 41, "ايراني"),
    ],
)
def test_demonym_accusative_after_a_number(text: str, low: int, noun: str) -> None:
    c = one(text)
    assert (c.low, c.noun, c.category) == (low, noun, "people")


def test_demonym_accusative_is_no_noun_elsewhere() -> None:
    assert counts("دعم فلسطينيا واسع") == []              # an adverb without a number
    assert [c.noun for c in counts("قتل 5 عراقيا")] == [None]  # 3..10 take a plural: not this noun
    assert counts("في عام 2011 عربيا") == []              # a year is no count


# --------------------------------------------------------------------------- superlatives, ages, headlines


@pytest.mark.parametrize(
    "text",
    [
        "سجل الشهر أكبر عدد من الضحايا منذ بداية الحرب",
        "وهي أعلى حصيلة منذ بداية العام",
        "شهدت المدينة أكثر عدد من القتلى",
        "the largest number of victims since the war began",
        "the highest death toll this year",
        "قال إن 70 في المئة من اللاجئين عادوا",  # a percent, not a hundred refugees
    ],
)
def test_superlatives_and_percents_are_not_counts(text: str) -> None:
    assert counts(text) == [], [(c.text, c.low) for c in counts(text)]


def test_age_after_a_noun_is_not_a_count() -> None:
    c = one("مقتل طفل (10 سنوات) بقصف مدفعي")
    assert (c.low, c.category) == (1, "children")
    c = one("إصابة امرأة (45 عاما) وطفلها بجروح")
    assert c.low == 2 and [p.category for p in c.parts] == ["women", "children"]
    assert one("a 12-year-old boy was killed").low == 1


@pytest.mark.parametrize(
    "text, low, noun, span",
    [
        ("قتلى 5 في قصف على البلدة", 5, "قتيل", "قتلى 5"),
        ("الشهداء: 5", 5, "شهيد", "الشهداء: 5"),
        ("وبلغ عدد القتلى 12 حتى المساء", 12, "قتيل", "القتلى 12"),
        ("الأطفال: 3", 3, "طفل", "الأطفال: 3"),  # any person noun before a colon
        ("Dead: 5", 5, "dead", "Dead: 5"),
    ],
)
def test_headline_noun_before_the_number(text: str, low: int, noun: str, span: str) -> None:
    c = one(text)
    assert (c.low, c.noun, c.text) == (low, noun, span)


def test_headline_nouns_of_different_kinds_do_not_add_up() -> None:
    found = counts("حصيلة اليوم: القتلى 3 والجرحى 7")
    assert [(c.low, c.noun) for c in found] == [(3, "قتيل"), (7, "جريح")]
    assert counts("الأطفال 5 سنوات") == []  # an age
    c = one("the attack injured 3")  # English takes the colon form only
    assert c.noun is None


# --------------------------------------------------------------------------- vague quantities


@pytest.mark.parametrize(
    "text, low, high, category",
    [
        ("سقط عشرات القتلى", 10, None, "people"),
        ("قتل العشرات في الهجوم", 10, None, None),
        ("اتهموا التحالف بقتل مئات المدنيين", 100, None, "civilians"),
        ("نزح آلاف السكان", 1000, None, "civilians"),
        ("نزح عشرات الآلاف من المدنيين", 10_000, None, "civilians"),
        ("نزح مئات الآلاف", 100_000, None, None),
        ("أصيب عدة مدنيين", 2, None, "civilians"),
        ("اعتقل بضعة شبان", 3, 9, "men"),
        ("قتل عدد من المدنيين", 2, None, "civilians"),
        ("dozens of civilians were hurt", 12, None, "civilians"),
        ("scores of people fled", 20, None, "people"),
        ("hundreds were killed", 100, None, None),
        ("thousands of residents fled", 1000, None, "civilians"),
        ("tens of thousands of people fled", 10_000, None, "people"),
        ("several children were hurt", 2, None, "children"),
        ("a few soldiers died", 2, None, "combatants"),
        ("a number of civilians were hurt", 2, None, "civilians"),
        ("several hundred people", 200, None, "people"),
    ],
)
def test_vague_quantities(text: str, low: int, high: int | None, category: str | None) -> None:
    c = one(text)
    assert (c.low, c.high, c.vague, c.category) == (low, high, True, category)


def test_vague_with_coordinated_nouns() -> None:
    c = one("اتهم ناشطون الطيران بقتل مئات النساء والأطفال في البلدة")
    assert c.text == "مئات النساء والأطفال"
    assert (c.low, c.vague, c.categories, c.category) == (100, True, ("women", "children"), "civilians")
    c = one("hundreds of women and children")
    assert c.categories == ("women", "children")


# --------------------------------------------------------------------------- bounds and ranges


@pytest.mark.parametrize(
    "text, low, high, approximate, span",
    [
        ("قتل أكثر من 20 مدنيا", 21, None, False, "أكثر من 20 مدنيا"),
        ("قتل ما يزيد عن عشرين شخصا", 21, None, False, "ما يزيد عن عشرين شخصا"),
        ("وعدد القتلى يتجاوز 40 شخصا", 41, None, False, "يتجاوز 40 شخصا"),
        ("قتل ما لا يقل عن 12 مدنيا", 12, None, False, "ما لا يقل عن 12 مدنيا"),
        ("قتل 12 مدنيا على الأقل", 12, None, False, "12 مدنيا على الأقل"),
        ("قتل نحو 30 شخصا", 30, 30, True, "نحو 30 شخصا"),
        ("قتل قرابة الـ30 شخصا", 30, 30, True, "قرابة الـ30 شخصا"),
        ("قتل حوالي ثلاثين شخصا", 30, 30, True, "حوالي ثلاثين شخصا"),
        ("قتل ما يقارب 30 مدنيا", 30, 30, True, "ما يقارب 30 مدنيا"),
        ("قتل زهاء مئة شخص", 100, 100, True, "زهاء مئة شخص"),
        ("قد يصل العدد إلى ما يصل إلى 50 شخصا", None, 50, False, "ما يصل إلى 50 شخصا"),
        ("قتل أقل من 10 أشخاص", None, 9, False, "أقل من 10 أشخاص"),
        ("قتل بين 10 و15 شخصا", 10, 15, False, "بين 10 و15 شخصا"),
        ("قتل ما بين عشرين وثلاثين شخصا", 20, 30, False, "ما بين عشرين وثلاثين شخصا"),
        ("قتل بين خمسة وعشرين وثلاثين شخصا", 25, 30, False, "بين خمسة وعشرين وثلاثين شخصا"),
        ("قتل من 10 إلى 15 شخصا", 10, 15, False, "من 10 إلى 15 شخصا"),
        ("قتل 10-15 شخصا", 10, 15, False, "10-15 شخصا"),
        ("قتل خمسة أو ستة أشخاص", 5, 6, False, "خمسة أو ستة أشخاص"),
        ("more than 20 people were killed", 21, None, False, "more than 20 people"),
        ("over 100 civilians", 101, None, False, "over 100 civilians"),
        ("upwards of 40 people", 41, None, False, "upwards of 40 people"),
        ("at least 12 civilians", 12, None, False, "at least 12 civilians"),
        ("12 civilians or more", 12, None, False, "12 civilians or more"),
        ("about 30 people", 30, 30, True, "about 30 people"),
        ("nearly 30 people", 30, 30, True, "nearly 30 people"),
        ("some 30 people", 30, 30, True, "some 30 people"),
        ("up to 50 people", None, 50, False, "up to 50 people"),
        ("fewer than 10 people", None, 9, False, "fewer than 10 people"),
        ("between 10 and 15 people", 10, 15, False, "between 10 and 15 people"),
        ("between five and ten people", 5, 10, False, "between five and ten people"),
        ("10 to 15 people", 10, 15, False, "10 to 15 people"),
        ("between two hundred and five hundred people", 200, 500, False,
         "between two hundred and five hundred people"),
    ],
)
def test_bounds_and_ranges(text: str, low: int | None, high: int | None, approximate: bool, span: str) -> None:
    c = one(text)
    assert (c.low, c.high, c.approximate, c.text) == (low, high, approximate, span)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("قتل عشرون ونيف من المدنيين", 21, None),
        ("قتل 20 فأكثر", 20, None),
        ("قتل حتى 20 شخصا", None, 20),
        ("قتل عدة مئات من المدنيين", 200, None),
        ("قتل بضعة آلاف", 3000, 9000),
    ],
)
def test_more_bounds_and_vague_multiples(text: str, low: int | None, high: int | None) -> None:
    c = one(text)
    assert (c.low, c.high) == (low, high)


def test_person_adjective_after_a_noun_is_the_same_count() -> None:
    c = one("وصل عدد الضحايا إلى 1753 قتيلا مدنيا في ذلك العام")
    assert (c.low, c.noun, c.category) == (1753, "قتيل", "civilians")
    c = one("ارتكبت بحق مواطنين مدنيين عزل")
    assert (c.low, c.vague, c.category) == (2, True, "civilians")


def test_postposed_bound_does_not_steal_the_next_number() -> None:
    found = counts("راح ضحيته ثمانية قتلى وأكثر من 30 جريحا")
    assert [(c.low, c.high) for c in found] == [(8, 8), (31, None)]


# --------------------------------------------------------------------------- what is not a count


@pytest.mark.parametrize(
    "text",
    [
        "وقع الهجوم عام 2019 في المدينة",
        "in 2019 the war went on",
        "نشر المقال بتاريخ 9/02/2019",
        "نشر في 2024-02-21 صباحا",
        "صدر الحكم في 24 / 4 / 2007",
        "يوم الخميس 21 آذار",
        "يوم الخميس 21 من آذار",
        "في 5 تشرين الأول",
        "on March 20, 2019",
        "on 20 March",
        "عند الساعة 5",
        "عند الساعة 9:40 صباحا",
        "at 10:30 pm",
        "ارتفعت الأسعار 50%",
        "ارتفعت الأسعار 50 بالمئة",
        "ارتفعت الأسعار 50 في المئة",
        "rose by 50 percent",
        "دفع 500 دولار",
        "it cost $500",
        "الطابق الثالث من المبنى",
        "the third floor",
        "the 3rd brigade",
        "في الحادي عشر من أيلول",
        "في اليوم الثالث والعشرين",
        "اتصل على +963 933 123 456",
        "اتصل على 0933123456",
        "نشرت شبكة دير الزور24 صورا",
        "Resolution 2254 calls for a ceasefire",
        "تطبيق القرار 2254",
        "قرار مجلس الأمن رقم 2139 و2254",
        "طائرة F-16 حلقت فوق المدينة",
        "قصفت الفرقة 17 المدينة",
        "المواطن محمد (36 عاما) من أهالي القرية",
        "the 12-year-old boy was treated",
        "مسافة 20 كم عن المدينة",
        "خلال 3 أيام",
        "منذ ثلاث سنوات",
    ],
)
def test_not_counts(text: str) -> None:
    assert counts(text) == [], [(c.text, c.low) for c in counts(text)]


def test_years_even_after_bounds_but_not_with_person_nouns() -> None:
    assert counts("عمل في الوزارة منذ 1979 وحتى 1981") == []
    assert counts("وبين 2017 و2020 تضاعف العدد") == []
    assert counts("served from 2003 to 2005") == []
    assert one("قتل 2000 شخص في الحصار").low == 2000
    assert one("قتل 2,000 في الحصار").low == 2000


def test_non_person_counts_are_returned_without_noun() -> None:
    found = counts("شنت الطائرات 3 غارات وأطلقت عشرات الصواريخ")
    assert [(c.low, c.vague, c.noun, c.category) for c in found] == [(3, False, None, None),
                                                                    (10, True, None, None)]
    c = one("five missiles hit the town")
    assert (c.low, c.noun) == (5, None)


def test_age_inside_a_toll_sentence() -> None:
    found = counts("استشهد الطفل محمد (12 عاما) و3 مدنيين آخرين")
    assert [(c.low, c.noun) for c in found] == [(3, "مدني")]


def test_bracketed_numbers_in_round_ups() -> None:
    c = one("وقضى ( 157 ) شخصا في المحافظة")
    assert (c.low, c.noun, c.text) == (157, "شخص", "( 157 ) شخصا")


def test_numbered_list_items_are_not_counts() -> None:
    found = counts("الضحايا:\n1- محمد من القرية\n2 - أحمد من البلدة")
    assert found == []


# --------------------------------------------------------------------------- API details


def test_language_restricts_lexicon() -> None:
    text = "قتل خمسة مدنيين. Five civilians died"
    assert [c.low for c in counts(text, "ar")] == [5]
    assert [c.low for c in counts(text, "en")] == [5]
    assert [c.low for c in counts(text)] == [5, 5]
    with pytest.raises(ValueError):
        find_counts(text, "fr")


def test_accepts_a_prebuilt_normalized_text() -> None:
    text = "قُتِلَ خمسةُ مدنيين"
    assert find_counts(NormalizedText.of(text)) == find_counts(text)


def test_results_are_ordered_and_disjoint() -> None:
    found = counts("قتل 5 مدنيين، وأصيب أكثر من 20 شخصا بينهم طفلان، ونزح آلاف السكان")
    assert [c.low for c in found] == [5, 21, 2, 1000]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_to_arabic_words_examples() -> None:
    assert to_arabic_words(3035) == "ثلاثة آلاف وخمسة وثلاثون"
    assert to_arabic_words(11) == "أحد عشر"
    assert to_arabic_words(2000) == "ألفان"
    assert to_arabic_words(101000) == "مئة ألف وألف"
    with pytest.raises(ValueError):
        to_arabic_words(0)


def test_data_files_are_documented_and_valid() -> None:
    for lang in ("ar", "en"):
        text = bundled_path(f"{lang}/numbers.toml").read_text(encoding="utf-8")
        assert text.startswith("#") and "Schema" in text
        data = load(f"{lang}/numbers.toml")
        for entry in data["person"]:
            assert entry["category"] in ("civilians", "children", "women", "men", "combatants", "people")
            assert entry.get("singular_count", "never") in ("always", "cue", "harm", "never")
            assert entry.get("kind", "killed") in ("killed", "injured", "missing", "detained", "displaced")
        for spec in data["vague"].values():
            assert spec["low"] >= 1


# --------------------------------------------------------------------------- properties


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_arabic_words_round_trip(n: int) -> None:
    words = to_arabic_words(n)
    assert parse_number_words(words, "ar") == n
    sentence = f"وقالت المصادر إن {words} شخصا قتلوا في الهجوم."
    found = counts(sentence)
    assert [(c.low, c.high, c.noun) for c in found] == [(n, n, "شخص")]


_PIECES = st.sampled_from(
    ["قتل", "مقتل", "طفل", "طفلين", "مدنيين", "أكثر من", "نحو", "بين", "و", "خمسة", "عشر", "آلاف",
     "الألفين", "عشرات", "مئة", "ألف", "عام", "الساعة", "آذار", "%", "2019", "20", "٣٥", "1,500", "2.5",
     "-", "/", ":", "(", ")", "،", ".", "\n", " ", "ً", "ّ", "ـ", "a", "child", "two", "hundred", "and",
     "more than", "between", "dozens", "of", "people", "at least", "one", "F-16", "#", "$", "الـ", "بـ",
     "٢٬٠٠٠", "٣٫٥", "۱۲", "مدنياً", "امرأتين", "وطفليه", "على الأقل", "أو", "إلى", "من", "or", "to"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map(" ".join) | st.text(max_size=200))
def test_random_text_never_crashes_and_spans_are_exact(text: str) -> None:
    found = find_counts(text)
    last = -1
    for c in found:
        assert text[c.start:c.end] == c.text
        assert c.start >= last
        last = c.end
        assert c.low is None or c.low >= 0
        assert c.low is None or c.high is None or c.low <= c.high
        for p in c.parts:
            assert text[p.start:p.end] == p.text


def test_corpus_pages_never_crash() -> None:
    path = SHARED / "corpus" / "baly-ar.jsonl.gz"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= 200:
                break
            text = json.loads(line)["text"]
            for c in find_counts(text):
                assert text[c.start:c.end] == c.text


def test_modifiers_joined_by_and_before_the_noun() -> None:
    (c,) = find_counts("at least 35 regime and rebel fighters died in the battle", "en")
    assert (c.low, c.category) == (35, "combatants") and c.text.endswith("fighters")
    (c,) = find_counts("five Syrian army and police officers were wounded", "en")
    assert c.category == "combatants"
    assert find_counts("the war and rebels", "en") == []


def test_police_are_counted_as_combatants() -> None:
    (c,) = find_counts("three policemen were killed", "en")
    assert c.category == "combatants"


@pytest.mark.parametrize(("text", "written"), [
    ("more than 50 people", 50), ("over 80 civilians", 80), ("at least 12 children", 12),
    ("أكثر من ألفي شخص", 2000), ("12 مدنيا", 12), ("up to 30 people", 30),
])
def test_written_number_is_the_figure_as_written(text: str, written: int) -> None:
    (c,) = find_counts(text)
    assert written_number(c) == written


def test_of_them_and_of_whom_take_the_noun() -> None:
    (_, part) = find_counts("30 people were killed, 12 of whom were women", "en")
    assert (part.low, part.category) == (12, "women")
    (_, part) = find_counts("killed 25 civilians six of them children", "en")
    assert (part.low, part.category) == (6, "children")
    (c,) = find_counts("at least four schoolchildren", "en")
    assert c.category == "children"


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل رجل مسن وأصيب آخر بجروح خطيرة", (1, 1, False)),
    ("استشهد شاب وجرح آخر برصاص قناص", (1, 1, False)),
    ("أدى الانفجار إلى مقتل عاملين وإصابة آخرين بجروح", (2, None, True)),
    ("قضى راعٍ وأصيب آخران عندما انفجر لغم", (2, 2, False)),
    ("مقتل سائق وأصيب اثنان آخران في الحادث", (2, 2, False)),
])
def test_another_after_a_harm_word_is_a_count(text: str, expected: tuple) -> None:
    c = find_counts(text, "ar")[-1]
    assert "آخر" in c.text and (c.low, c.high, c.vague) == expected


@pytest.mark.parametrize("text", [
    "ستستمر العملية حتى مقتل آخر مسلح في المدينة",
    "وقتلت القوات الخاصة آخر المسلحين في المبنى",
    "استهداف آخر طال مبنى البلدية صباح اليوم",
    "في آخر تحديث للخبر لم تعلن الحصيلة",
    "اعتقلت الشرطة رجلا واحتجزت آخر في المركز",
    "قال آخرون إن القصف توقف",
])
def test_another_or_last_elsewhere_is_no_count(text: str) -> None:
    assert not any("آخر" in c.text for c in find_counts(text, "ar"))


@pytest.mark.parametrize("text", [
    "قتلت امرأة وأصيب طفلاها بجروح",
    "استشهد رجل وأصيب شقيقاه في القصف",
])
def test_the_subject_form_of_a_possessed_dual_is_two(text: str) -> None:
    c = find_counts(text, "ar")[-1]
    assert (c.low, c.high, c.vague) == (2, 2, False)


@pytest.mark.parametrize(("text", "low", "high"), [
    ('أسفرت المداهمة عن مقتل "سليم حمدان الراشد" قرب السوق.', 1, 1),
    ("استشهد سامر خليل العبدو برصاص قناص.", 1, 1),
    ("وأدى القصف إلى إصابة كل من رنا الحسين وعادل العمر وفادي الراشد بجروح.", 3, 3),
    ("وتسبب الانفجار بإصابة المدنيين كمال السعدي وبكري النجار بجروح.", 2, 2),
    ("وأسفر القصف عن إصابة المواطنَين بجروح طفيفة.", 2, 2),
])
def test_names_after_a_harm_word_are_people(text: str, low: int, high: int) -> None:
    (count,) = [c for c in find_counts(text, "ar") if c.low is not None]
    assert (count.low, count.high) == (low, high)
    assert text[count.start:count.end] == count.text


@pytest.mark.parametrize(("text", "category"), [
    ("استشهد الحاج منذر الصالح بقصف على السوق.", "people"),   # any name after a title: one person
    ("أصيب الشيخ أبو خليل بجروح في الغارة.", "people"),
    ("مقتل العقيد نمر الرفاعي في كمين على الطريق.", "combatants"),   # a rank's bearer fights
    ("توفي اليوم الحاج منذر الصالح متأثراً بجروحه.", "people"),   # past a time word
    ("توفي اليوم الأحد 3 تشرين الثاني 2024 الحاج منذر الصالح جراء القصف.", "people"),   # ... and a date
    ("استشهد فجر اليوم 7 آذار الحاج منذر الصالح بقصف على السوق.", "people"),
])
def test_a_title_after_a_harm_word_names_one_person(text: str, category: str) -> None:
    (count,) = [c for c in find_counts(text, "ar") if c.low is not None]
    assert (count.low, count.high, count.category) == (1, 1, category)
    assert text[count.start:count.end] == count.text and count.text.split()[0] in ("الحاج", "الشيخ", "العقيد")


@pytest.mark.parametrize("text", [
    "استشهد الحاج بقصف على السوق.",
    "قتل اليوم",
    "قتل اليوم 3 كانون الأول",
    "فرح الناس بمقتل رأس العصابة في الكمين.",
    "وأدى القصف إلى إصابة كل من يقف قرب الجدار.",
    "قال سامر خليل العبدو إن القصف توقف.",
])
def test_words_after_a_harm_word_that_are_no_names(text: str) -> None:
    assert [c for c in find_counts(text, "ar") if c.low is not None] == []


@pytest.mark.parametrize(("text", "n"), [
    ("وأدى القصف إلى إصابة كل من نمر عيسى وسالم مرهج بجروح.", 2),
    ("وأسفر القصف عن استشهاد كل من الشاب سامر خليل العبدو 20 عاماً، والطفل عادل العمر 9 أعوام.", 2),
    ("كما قتل كل من (سامر خليل العبدو) و (عادل العمر الحسن) في القصف.", 2),
    ("مما أسفر عن إصابة كل من رنا خضر الحسين (16) عاماً وشقيقها عادل بجروح.", 2),
    ("وتسبب الانفجار بمقتل كل من زهير العكاري (40 عاماً) وتامر الشامي وابنه.", 3),
])
def test_the_members_of_a_list_after_each_of(text: str, n: int) -> None:
    (count,) = [c for c in find_counts(text, "ar") if c.low is not None]
    assert (count.low, count.high) == (n, n)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("وارتفع عدد الضحايا ليصل إلى 71 شهيداً.", 71, 71),
    ("وقال إن عدد النازحين يصل إلى 4 آلاف شخص.", 4000, 4000),
    ("وقال إن عدد القتلى قد يصل إلى 90 قتيلاً.", None, 90),
    ("وأصيب ما يصل إلى 30 آخرين.", None, 30),
])
def test_reaching_is_a_count_and_may_reach_a_bound(text: str, low: int | None, high: int) -> None:
    (count,) = [c for c in find_counts(text, "ar") if c.high is not None]
    assert (count.low, count.high) == (low, high)


def test_the_dual_before_one_name_stays_two() -> None:
    (count,) = find_counts("مصرع الطفلين سامي العلي (8 سنوات) وابن عمه في الانفجار", "ar")
    assert (count.low, count.high) == (2, 2)


@pytest.mark.parametrize(("text", "low", "high", "noun"), [
    ("أسماء الجرحى جراء قصف البلدة\n\n1- سامر خليل العبدو\n2- عادل العمر\n3- السيدة رنا الحسين\n", 3, 3, "جريح"),
    ("الشهداء:\n١_ فادي الخلف 30 سنة\n٢_ كمال السعدي\nوآخرون", 2, None, "شهيد"),
    ("المصابون هم :\n• بكري النجار\n• رنا الحسين\n• ...", 2, None, "مصاب"),
])
def test_a_list_of_names_under_a_heading(text: str, low: int, high: int | None, noun: str) -> None:
    counts = [c for c in find_counts(text, "ar") if c.noun == noun]
    assert [(c.low, c.high) for c in counts] == [(low, high)]


def test_an_outcome_noun_in_a_sentence_is_no_heading() -> None:
    text = "وصل الجرحى إلى المستشفى\n1- سامر خليل العبدو\n"
    assert [c for c in find_counts(text, "ar") if c.noun == "جريح"] == []


def test_a_name_ends_where_at_the_hands_of_begins() -> None:
    (count,) = find_counts("أسفرت الاشتباكات عن مقتل وليد علي يد مسلحين مجهولين.", "ar")
    assert (count.text, count.low, count.high) == ("وليد", 1, 1)
    (count,) = find_counts("وأسفر الهجوم عن مقتل وليد الحسن على يد مسلحين.", "ar")
    assert count.text == "وليد الحسن"


@pytest.mark.parametrize(("text", "quote", "low", "category"), [
    ("اعتقال 4 من عناصره", "4 من عناصره", 4, "combatants"),  # his members
    ("مقتل ثلاثة من أبنائها", "ثلاثة من أبنائها", 3, "people"),  # her sons: the hamza sits on ي
    ("إصابة اثنين من مرافقيه", "اثنين من مرافقيه", 2, "people"),  # the sound plural loses its ن
    ("مقتل 5 من أقاربهم", "5 من أقاربهم", 5, "people"),
])
def test_a_number_of_a_possessed_plural_counts_its_noun(text: str, quote: str, low: int, category: str) -> None:
    (count,) = find_counts(text, "ar")
    assert (count.text, count.low, count.category) == (quote, low, category)


def test_a_suffix_on_a_word_that_is_no_person_noun_is_no_count_noun() -> None:
    (count,) = find_counts("تدمير 4 من منازلهم", "ar")
    assert count.category is None and count.text == "4"


@pytest.mark.parametrize(("text", "quote", "low", "category"), [
    ("مقتل ثلاثة من مقاتلي الفصيل", "ثلاثة من مقاتلي", 3, "combatants"),  # a sound plural in construct loses ن
    ("إصابة أحد مسلحي التنظيم", "أحد مسلحي", 1, "combatants"),
    ("اعتقال أحد مرافقيه", "أحد مرافقيه", 1, "people"),  # one of his companions
    ("مقتل أحد عناصرها", "أحد عناصرها", 1, "combatants"),
    ("أدى القصف إلى مقتل القائد وأحد مرافقيه", "أحد مرافقيه", 1, "people"),  # وأحد is normalised to واحد
])
def test_one_or_a_number_of_a_construct_or_possessed_plural(text: str, quote: str, low: int, category: str) -> None:
    (count,) = find_counts(text, "ar")
    assert (count.text, count.low, count.category) == (quote, low, category)


def test_and_one_of_is_not_the_number_one_after_a_noun() -> None:
    (count,) = find_counts("مقتل طفل وأحد المدنيين بقصف", "ar")
    assert (count.text, count.low) == ("طفل وأحد المدنيين", 2)
    (count,) = find_counts("مقتل طفل واحد بقصف", "ar")
    assert (count.text, count.low) == ("طفل واحد", 1)


@pytest.mark.parametrize(("text", "quote", "low", "category"), [
    ("أكد الجيش مقتل المسلحين الثلاثة في الاشتباك", "المسلحين الثلاثة", 3, "combatants"),
    ("طالبت العائلات بالإفراج عن أبنائهم الأربعة", "أبنائهم الأربعة", 4, "people"),
    ("استشهد الأب مع أطفاله الخمسة", "أطفاله الخمسة", 5, "children"),
])
def test_a_definite_number_after_a_definite_or_possessed_plural(text: str, quote: str, low: int,
                                                                category: str) -> None:
    (count,) = find_counts(text, "ar")
    assert (count.text, count.low, count.category) == (quote, low, category)


@pytest.mark.parametrize("text", [
    "سقطت الصواريخ الأربعة على البلدة",  # no person noun
    "خلال السنوات الثلاث الأخيرة",
    "قتل مدنيين الثلاثة",  # an indefinite plural takes no definite number
])
def test_no_count_of_a_definite_number_after_other_words(text: str) -> None:
    assert all(c.low != 3 and c.low != 4 for c in find_counts(text, "ar"))


@pytest.mark.parametrize("text", [
    "وزعت المساعدات على 6 أسر في المخيم",  # families, not the capture word
    "نقلت القوارب عشرات الأسر الفارة من المدينة",
    "استمرت الاشتباكات لعدة ساعات في البلدة",  # a vague quantity of hours
    "قصفت الطائرات مناطق عدة في الريف الشرقي",  # عدة after the things it counts
    "تعرض المعتقل للضرب مرات عدة",
    "بحث الاجتماع عدة أمور أبرزها ملف المعتقلين",  # before another noun
])
def test_a_vague_or_plain_number_of_families_or_time_is_no_count_of_people(text: str) -> None:
    assert find_counts(text, "ar") == []


def test_a_vague_number_of_people_is_still_a_count() -> None:
    (count,) = find_counts("أسر عشرات المقاتلين في المعركة", "ar")
    assert (count.text, count.low) == ("عشرات المقاتلين", 10)
    (count,) = find_counts("قتل عدة مدنيين في القصف", "ar")
    assert (count.text, count.low, count.vague) == ("عدة مدنيين", 2, True)
    (count,) = find_counts("قتل عدة مئات في القصف", "ar")  # several hundred
    assert count.low == 200


def test_a_quantity_is_no_hundred() -> None:
    assert find_counts("وضبطت القوات كمية من الأسلحة وكميات من الذخيرة", "ar") == []


@pytest.mark.parametrize(("text", "language", "low", "high", "quote"), [
    ("قتل أكثر من ربع مليون شخص خلال الحرب", "ar", 250_001, None, "أكثر من ربع مليون شخص"),
    ("نزوح نصف مليون شخص من المدينة", "ar", 500_000, 500_000, "نصف مليون شخص"),
    ("وتشريد مليون ونصف المليون سوري", "ar", 1_500_000, 1_500_000, "مليون ونصف المليون سوري"),
    ("نزح ثلثا مليون شخص", "ar", 666_666, 666_666, "ثلثا مليون شخص"),
    ("More than a quarter of a million people have been killed", "en", 250_001, None,
     "More than a quarter of a million people"),
    ("half a million people were displaced", "en", 500_000, 500_000, "half a million people"),
    ("a million and a half refugees", "en", 1_500_000, 1_500_000, "a million and a half refugees"),
])
def test_a_fraction_of_a_scale_word(text: str, language: str, low: int, high: int | None, quote: str) -> None:
    c = one(text, language)
    assert (c.low, c.high, c.text) == (low, high, quote)


def test_a_fraction_of_something_else_is_no_count() -> None:
    assert counts("نزح نصف سكان المدينة", "ar") == []


# ------------------------------------------------------------------ members of armed groups
@pytest.mark.parametrize(("text", "start"), [
    ("أعلنت الفصائل مقتل القيادي في حركة التحرير أبو سليم الشامي بغارة جوية.", "القيادي في حركة"),
    ("تمكنت الشرطة من إلقاء القبض على القيادي في التنظيم الملقب أبو خالد في البلدة.", "القيادي في التنظيم"),
    ("قتل القائد العسكري لفصيل جند الحق في انفجار عبوة.", "القائد العسكري لفصيل"),
    ("أعلن الفصيل اغتيال القيادي البارز أبو محمد الكردي في المدينة.", "القيادي البارز أبو محمد الكردي"),
    ("اعتقلت قوات الأمن قيادياً في تنظيم داعش في البلدة.", "قيادياً في تنظيم داعش"),
    ("والي حمص بتنظيم داعش بقبضة الأمن العام في المدينة.", "والي حمص بتنظيم داعش"),
])
def test_a_member_of_a_group_after_a_harm_word_is_one_person(text: str, start: str) -> None:
    (c,) = [c for c in counts(text, "ar") if c.low == 1]
    assert c.high == 1 and c.text.startswith(start.split()[0]) and c.category == "combatants"


@pytest.mark.parametrize("text", [
    "أكدت المصادر مقتل القيادي أمس بعد إصابته.",  # no group, no name: someone named before
    "مقتل القيادي في المدينة أمس.",  # a place, not a group
    "عيّنت الحركة قائداً عاماً لها بعد اجتماع في المدينة.",  # appointed, no harm word before
    "غير أن مسؤولاً أمنياً في تركيا روى أحداثاً مشابهة.",  # a country is where he is
    "قال القيادي في التنظيم إن الهجوم فشل.",  # a speaker
])
def test_a_member_noun_without_harm_or_group_is_no_count(text: str) -> None:
    assert not [c for c in counts(text, "ar") if c.low == 1]


def test_a_vague_number_of_his_members_is_a_count() -> None:
    (c,) = counts("اعتقال عدد من مرافقيه", "ar")
    assert (c.low, c.high, c.vague) == (2, None, True) and c.text == "عدد من مرافقيه"
    (c,) = counts("مقتل عدد من عناصره", "ar")
    assert c.category == "combatants"


@pytest.mark.parametrize("text", [
    "Security forces arrested a senior IS commander in the city.",
    "A drone strike killed a top al-Qaeda leader near the border.",
])
def test_english_a_senior_commander_is_one_person(text: str) -> None:
    (c,) = counts(text, "en")
    assert c.low == c.high == 1


@pytest.mark.parametrize(("text", "low", "category"), [
    ("police arrested several of his aides", 2, "people"),
    ("the strike killed five of his fighters", 5, "combatants"),
])
def test_english_a_count_of_his_people(text: str, low: int, category: str) -> None:
    (c,) = counts(text, "en")
    assert c.low == low and c.category == category and c.text.endswith(text.split()[-1])


@pytest.mark.parametrize(("text", "quote"), [
    ("An air strike killed at least eight Hezbollah fighters near the town.", "at least eight Hezbollah fighters"),
    ("The army said it killed 12 al-Nusra Front terrorists in the countryside.", "12 al-Nusra Front terrorists"),
    ("Shelling killed 12 Free Syrian Army fighters near the town.", "12 Free Syrian Army fighters"),
    ("Shelling killed 3 Syrian soldiers near the town.", "3 Syrian soldiers"),  # the name does not take the noun
])
def test_an_english_group_name_between_a_number_and_its_noun(text: str, quote: str) -> None:
    c = one(text, "en")
    assert (c.text, c.category) == (quote, "combatants")


@pytest.mark.parametrize(("text", "low", "category"), [
    ("وثقت المنظمة مقتل 40 شخصاً بينهم 12 طفلاً وطفلة في القصف", 12, "children"),
    ("قتل 17 مواطناً ومواطنة في الغارة", 17, "civilians"),
    ("قتل 9 مواطنين ومواطنة في الغارة", 10, "civilians"),  # a plural before: the feminine is one more
])
def test_a_noun_and_its_feminine_after_a_number_count_both_sexes(text: str, low: int, category: str) -> None:
    (c,) = [c for c in counts(text, "ar") if c.low and c.low > 1 and c.low != 40]
    assert (c.low, c.categories[0] if c.categories else c.category) == (low, category)


@pytest.mark.parametrize(("text", "low", "categories"), [
    ("أسفر القصف عن مقتل 12 مدنياً وعسكرياً", 12, ("civilians", "combatants")),  # an accusative: the same 12
    ("قتل 12 مدنياً وطفل في الغارة", 13, ("civilians", "children")),             # no accusative: one more
])
def test_two_nouns_after_one_number(text: str, low: int, categories: tuple[str, ...]) -> None:
    c = counts(text, "ar")[0]
    assert (c.low, c.categories) == (low, categories)


def test_two_single_nouns_of_both_sexes_are_two() -> None:
    (c,) = counts("استشهد طفل وطفلة في القصف", "ar")
    assert c.low == 2


# --------------------------------------------------------------------------- fast paths of the scan

_SCAN_TEXT = st.text(alphabet="قتلمدنياabz059 .,-/:()\n'_", max_size=80)


@given(_SCAN_TEXT)
def test_scan_without_latin_words_lists_the_same_other_tokens(text: str) -> None:
    from marsad import numbers
    full = numbers._SCAN_RE.findall(text)
    assert numbers._SCAN_NO_LATIN_RE.findall(text) == [t for t in full if not (t.isascii() and t.isalpha())]


@given(_SCAN_TEXT, st.data())
def test_longer_look_ahead_extends_the_shorter_one(text: str, data: st.DataObject) -> None:
    from marsad import numbers
    pos = data.draw(st.integers(0, len(text)))
    short = data.draw(st.integers(1, 6))
    longer = short + data.draw(st.integers(1, 6))  # (a shorter ask after a longer one gets the longer list: "at least")
    src = numbers._Src(text)
    src.fwd(pos, short)
    assert src.fwd(pos, longer) == numbers._Src(text).fwd(pos, longer)
