"""Claim extraction end to end, Arabic and English, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic import NormalizedText
from marsad.cues import Cue, find_cues
from marsad.extract import Found, _counts_in, _may_claim, analyse, split_sentences
from marsad.ingest import InputError, ReadOptions, read_documents

SHARED = Path(__file__).resolve().parents[2] / "shared"


def run(tmp_path: Path, text: str, published: str | None = "2023-10-09", title: str | None = None,
        outlet: str | None = None) -> dict:
    record = {"id": "t", "text": text, "published": published, "title": title, "outlet": outlet}
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = list(read_documents([str(path)], ReadOptions()))
    assert not isinstance(doc, InputError)
    result = analyse(doc)
    text_ = result["document"]["text"]
    for c in result["claims"]:
        ev = c["evidence"]
        assert text_[ev["start"]:ev["end"]] == ev["quote"]
    return result


def claims_of(result: dict, kind: str) -> list[dict]:
    return [c for c in result["claims"] if c["kind"] == kind]


# ------------------------------------------------------------------ Arabic

AR_STRIKE = ("قُتل خمسة مدنيين بينهم طفلان وامرأة، وأصيب 12 آخرون، جراء غارة جوية روسية استهدفت بلدة "
             "كفرنبل في ريف إدلب الجنوبي أمس، بحسب ما أفاد الدفاع المدني السوري.")


def test_speaker_named_sentences_before_across_paragraphs(tmp_path: Path) -> None:
    # "وأضاف أن": the speaker is the one named a few sentences (and paragraphs) before, even when the
    # sentences between report no harm
    text = ("قصف الطيران البلدة ليلاً. وتصاعدت أعمدة الدخان من الأحياء. وهرع الأهالي إلى الملاجئ. "
            "وانقطعت الكهرباء عن المنطقة.\n\nأفاد الدفاع المدني السوري بأن فرقه وصلت إلى البلدة بعد ساعات "
            "من القصف.\n\nوتعمل الفرق على فتح الطرقات.\n\nوأضاف أن القصف أدى إلى مقتل ثلاثة مدنيين.")
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["claimant"]["type"] == "civil_defence" and killed["modality"] == "reported"


@pytest.mark.parametrize(("text", "doer"), [
    # a side that speaks of its own attack did it; the militants the strike was against did not
    ("قال الجيش الأمريكي يوم الاثنين إنه نفذ ضربة جوية ضد متشددي تنظيم الدولة الإسلامية شمال شرق سوريا "
     "مما أدى إلى مقتل شخصين.", "intl_coalition"),
    ("The US military said it carried out an airstrike against Islamic State militants, killing two people.",
     "intl_coalition"),
    # "إنه قتل" may be passive: a harm verb after the pronoun does not make the speaker's side the doer
    ("قالت مصادر مقربة من الحرس الثوري إنه قتل 5 عناصر في الغارة الإسرائيلية.", "israel"),
    # a belligerent source (no actor name) speaks for its side (sources.toml actor)
    ("أعلنت وزارة الدفاع التركية أنها استهدفت مواقع لقسد في ريف الحسكة ما أسفر عن مقتل 5 عناصر.", "turkey"),
    ("The Russian Defence Ministry said it carried out airstrikes near the town, killing 20 fighters.", "russia"),
    ("أعلنت وزارة الدفاع التركية مقتل جنديين في هجوم لحزب العمال الكردستاني.", "pkk"),
])
def test_a_side_speaking_of_its_own_attack_is_the_doer(tmp_path: Path, text: str, doer: str) -> None:
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["perpetrator"]["id"] == doer


def test_speaker_named_in_the_sentence_is_not_borrowed(tmp_path: Path) -> None:
    # "أفاد مراسلنا": the outlet's own reporter speaks, not the monitor named two sentences before
    text = ("وثق المرصد السوري لحقوق الإنسان قصفاً على البلدة.\n\nوتعمل الفرق على فتح الطرقات.\n\n"
            "وأفاد مراسلنا أن القصف أدى إلى مقتل ثلاثة مدنيين.")
    (killed,) = claims_of(run(tmp_path, text, outlet="Example News"), "killed")
    assert killed["claimant"]["type"] == "outlet" and killed["modality"] == "reported"
    # an armed group announcing its own dead is the claimant of that claim
    text = ("وثق المرصد السوري لحقوق الإنسان قصفاً على البلدة.\n\nوتعمل الفرق على فتح الطرقات.\n\n"
            "وأعلن تنظيم داعش مقتل خمسة من عناصره في الغارة.")
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["claimant"]["type"] == "belligerent" and killed["claimant"]["text"] == "تنظيم داعش"
    # "رصد" of watching: the group watches, the monitor named before still speaks
    text = ("وثق المرصد السوري لحقوق الإنسان قصفاً على البلدة.\n\nوتعمل الفرق على فتح الطرقات.\n\n"
            "وتأخر إسعاف الجرحى بسبب رصد قوات النظام للمنطقة، وذكر أن القصف أدى إلى مقتل ثلاثة مدنيين.")
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["claimant"]["type"] == "monitor"


def test_summary_place_from_the_lead_far_from_the_harm(tmp_path: Path) -> None:
    # the lead (title and first sentences) names the town; the toll comes paragraphs later
    text = ("غارات جديدة على الشمال السوري. تتواصل الحملة الجوية منذ أيام. وشهدت بلدة كفرنبل في ريف إدلب "
            "قصفاً عنيفاً صباح اليوم. ويعيش السكان أوضاعاً صعبة.\n\nوتحدث ناشطون عن غياب الخدمات. وتعاني "
            "المنطقة من نقص الوقود. وارتفعت الأسعار في الأسواق.\n\nوتقول الأمم المتحدة إن الوضع يزداد سوءاً. "
            "وقتل مدنيان في القصف.")
    place = run(tmp_path, text)["summary"]["place"]
    assert place["name_ar"] == "كفرنبل" and place["admin1"] == "Idlib"


def test_harm_sentences_that_can_make_claims() -> None:
    # a harm word without a number makes a claim only when it is a killing or an injury: the context of
    # "ونزح السكان", "حملة اعتقالات" need not be read
    text = ("ونزح السكان نحو المخيمات. وشنت القوات حملة اعتقالات في الحي. قتل طفل بقصف على البلدة. "
            "وأصيب مدنيون. واعتقلت القوات 5 شبان.")
    sentences = split_sentences(text)
    cue_list = find_cues(text, "ar")
    harmed = [0, 1, 2, 3, 4]
    counts = _counts_in(text, "ar", NormalizedText.of(text), sentences, harmed)
    assert _may_claim(sentences, harmed, counts, cue_list) == [2, 3, 4]


def test_arabic_toll_with_parts_place_actor_claimant_and_date(tmp_path: Path) -> None:
    result = run(tmp_path, AR_STRIKE)
    killed = claims_of(result, "killed")
    total = next(c for c in killed if c.get("part_of") is None)
    assert (total["count"]["low"], total["count"]["high"]) == (5, 5)
    assert total["victims"] == ["civilians"]
    parts = {c["victims"][0]: c["count"]["low"] for c in killed if c.get("part_of") is not None}
    assert parts == {"children": 2, "women": 1}
    (injured,) = claims_of(result, "injured")
    assert injured["count"]["low"] == 12
    assert total["perpetrator"]["id"] == "russia"
    assert total["cause"] == "airstrike"
    assert total["place"]["admin1"] == "Idlib"
    assert "كفرنبل" in total["place"]["text"]
    assert total["claimant"]["type"] == "civil_defence" and total["modality"] == "reported"
    assert total["period"]["start"] == total["period"]["end"] == "2023-10-08"
    assert total["scope"] == "incident"
    summary = result["summary"]
    assert (summary["civilians"], summary["children"], summary["women"], summary["combatants"]) == (5, 2, 1, 0)


def test_arabic_bare_nouns_are_counts(tmp_path: Path) -> None:
    result = run(tmp_path, "مقتل طفل وإصابة امرأتين بقصف مدفعي لقوات النظام على مدينة طفس بريف درعا.")
    (killed,) = claims_of(result, "killed")
    assert killed["count"]["low"] == 1 and killed["victims"] == ["children"]
    (injured,) = claims_of(result, "injured")
    assert injured["count"]["low"] == 2 and injured["victims"] == ["women"]
    assert killed["cause"] == "shelling" and killed["perpetrator"]["id"] == "syrian_government"


def test_people_at_risk_are_not_a_death_toll(tmp_path: Path) -> None:
    result = run(tmp_path, "قال ناشط إن ثلاثة آلاف مدني يتعرضون للإبادة في المخيم المحاصر.")
    assert not claims_of(result, "killed")
    (affected,) = claims_of(result, "affected")
    assert affected["count"]["low"] == 3000


def test_ngo_total_over_a_month_is_an_aggregate(tmp_path: Path) -> None:
    result = run(tmp_path, "وثقت الشبكة السورية لحقوق الإنسان مقتل 214 مدنياً في سوريا خلال شهر آذار 2023، "
                           "بينهم 41 طفلاً.", published="2023-04-02")
    total = next(c for c in claims_of(result, "killed") if c.get("part_of") is None)
    assert total["scope"] == "aggregate"
    assert total["period"]["start"] == "2023-03-01" and total["period"]["end"] == "2023-03-31"
    assert total["claimant"]["name"] == "Syrian Network for Human Rights"
    assert result["summary"] is None  # a report of totals only has no main incident


def test_accusation_and_denial(tmp_path: Path) -> None:
    result = run(tmp_path, "اتهم ناشطون قوات النظام بقتل عشرات المدنيين في قصف على بلدة سرمين. "
                           "ونفت وزارة الدفاع السورية مقتل أي مدني في البلدة.")
    alleged = claims_of(result, "killed")[0]
    assert alleged["modality"] == "alleged"
    assert alleged["count"]["vague"] and alleged["count"]["low"] == 10
    assert alleged["perpetrator"]["id"] == "syrian_government"
    assert alleged["claimant"]["type"] == "activist"
    assert any(c["modality"] == "denied" for c in claims_of(result, "killed")[1:])


@pytest.mark.parametrize(("text", "kind", "total", "parts"), [
    ("وقال المرصد إن نحو 200 مدني، معظمهم من النساء والأطفال، قتلوا في القصف.", "killed", 200, []),
    ("وأكد الطبيب أن 15 شخصاً، أغلبهم أطفال، أصيبوا بجروح في الغارة.", "injured", 15, []),
    ("وأفاد ناشطون أن 30 مدنياً - غالبيتهم نساء - لقوا حتفهم في القصف.", "killed", 30, []),
    ("وقتل 12 مدنياً، بمن فيهم 4 أطفال، في القصف على البلدة.", "killed", 12, [4]),
    ("وقتل 9 أشخاص بما في ذلك امرأتان في القصف على البلدة.", "killed", 9, [2]),
])
def test_a_count_past_an_aside_on_its_share_or_parts(tmp_path: Path, text: str, kind: str, total: int,
                                                      parts: list[int]) -> None:
    got = sorted(c["count"]["low"] for c in claims_of(run(tmp_path, text), kind) if c.get("count"))
    assert got == sorted([total, *parts])


def test_an_aside_does_not_join_a_count_to_the_next_clause(tmp_path: Path) -> None:
    result = run(tmp_path, ("وقال الدفاع المدني إن الغارات أوقعت 16 مدنياً بينهم 8 أطفال، أغلبهم من عائلة واحدة "
                            "بمجزرة في حي السوق، وأصيب 9 آخرون بجروح."))
    assert [c["count"]["low"] for c in claims_of(result, "injured") if c.get("count")] == [9]


@pytest.mark.parametrize(("text", "n"), [
    ("لقي 9 متظاهرين على الأقل مصرعهم برصاص قوات الأمن.", 9),
    ("ولقي 23 مهاجراً حتفهم إثر استهداف قاربهم قبالة الساحل.", 23),
])
def test_the_count_inside_met_their_death_is_the_dead(tmp_path: Path, text: str, n: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed") if c.get("count")] == [n]


def test_received_is_no_meeting_death(tmp_path: Path) -> None:
    result = run(tmp_path, "وتلقى المكتب 40 بلاغاً عن احتمال سقوط قتلى مدنيين.")
    assert not [c for c in claims_of(result, "killed") if c.get("count")]


@pytest.mark.parametrize(("text", "n"), [
    ("وأطلق القناص النار على شابين من البلدة، ما أدى إلى مقتلهما.", 2),
    ("وانفجر لغم بسيارة تقل 5 مدنيين على طريق القرية، ما تسبب بمقتلهم جميعاً.", 5),
])
def test_a_harm_word_with_them_takes_the_count_before(tmp_path: Path, text: str, n: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed") if c.get("count")] == [n]


@pytest.mark.parametrize("text", [
    "واستهدفت طائرة مسيرة سيارة تقل قيادياً في الفصيل واثنين من مرافقيه، ما أدى إلى مقتلهم.",
    "أطلق مسلحون النار على ضابطين متقاعدين ومجند في القرية، ما أسفر عن مقتلهم.",
])
def test_them_after_a_list_is_not_its_last_count(tmp_path: Path, text: str) -> None:
    assert not [c for c in claims_of(run(tmp_path, text), "killed") if c.get("count")]


@pytest.mark.parametrize(("text", "kind"), [
    ("استقرت حالة الطفل سامر العبدالله في مشفى البلدة بعد إصابته بشظايا قذيفة سقطت قرب منزله.", "injured"),
    ("فتح عناصر الدورية النار على شاب من أبناء الحي، ما أدى لوفاته على الفور.", "killed"),
    ("ووجد الأهالي الشابة ريم الخالدي مصابة في الشارع، إثر إصابتها برصاص قناص.", "injured"),
    ("لقي الشاب ماهر السليمان (25 عاماً) مصرعه في انفجار عبوة ناسفة بسيارته.", "killed"),
])
def test_a_harm_word_with_him_takes_the_one_person_before(tmp_path: Path, text: str, kind: str) -> None:
    result = run(tmp_path, text)
    assert [c["count"]["low"] for c in claims_of(result, kind) if c.get("count")] == [1]


@pytest.mark.parametrize("text", [
    "وقال مسؤولون إن مواطناً يسعى لاستعادة أوراقه بعد إعلان وفاته خطأً في سجلات الدائرة.",
    "لم تتوقع الشابة أن والدتها قد تفقد حياتها بسبب نوبة السعال التي أصابتها ليلاً.",
    "اقترب منه الحارس الآخر وأخرج مسدسه، وأطلق رصاصة نحو رأسه، ما أدى لمقتله.",
])
def test_him_without_a_link_or_across_a_new_clause_is_no_toll(tmp_path: Path, text: str) -> None:
    result = run(tmp_path, text)
    assert not [c for c in result["claims"] if c.get("count") and c["kind"] in ("killed", "injured")]


@pytest.mark.parametrize("text", [
    "وعثر الأهالي صباح اليوم على جثة الشاب سامر الأحمد مقتولاً في أرض زراعية قرب القرية.",
    'وسلمت الفصائل جثمان المدني "وليد المحمد" إلى ذويه بعد مقتله تحت التعذيب.',
])
def test_the_body_of_a_named_person_is_that_person(tmp_path: Path, text: str) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed") if c.get("count")] == [1]


@pytest.mark.parametrize(("text", "kind", "n"), [
    ("أصيب بجروح كل من الطفل سامر الأحمد والشاب وليد المحمد.", "injured", 2),
    ("استشهد في القصف المدفعي كل من سامر الأحمد ووليد المحمد وعبد المنعم خليفة.", "killed", 3),
    ("وأصيب في الهجوم كل من سامر الأحمد (22 عاماً)، ووليد المحمد (43 عاماً).", "injured", 2),
])
def test_each_of_a_list_a_few_words_after_the_harm_word(tmp_path: Path, text: str, kind: str, n: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), kind) if c.get("count")] == [n]


def test_each_of_who_is_no_list(tmp_path: Path) -> None:
    result = run(tmp_path, "وقتل في المدينة كل من يقف في وجه العصابات المسلحة.")
    assert not [c for c in claims_of(result, "killed") if c.get("count")]


@pytest.mark.parametrize(("text", "kind"), [
    ("أفادت مصادر محلية أن شخصاً يدعى سامر الخليل وآخر لم تعرف هويته، قتلا في اشتباك قرب البلدة.", "killed"),
    ('والضحيتان هما "أحمد العلي" وابنه من أهالي القرية، استشهدا صباح اليوم في قصف مدفعي.', "killed"),
    ("وذكرت وكالة رسمية أن ضابطاً في الجيش ومقاتلاً آخر لقيا حتفهما في هجوم على الحاجز.", "killed"),
    ("الشاب عبد الله الحسن والطفل علي الخالد أصيبا بجروح إثر سقوط قذيفة قرب المدرسة.", "injured"),
])
def test_a_dual_harm_word_after_two_joined_people_counts_two(tmp_path: Path, text: str, kind: str) -> None:
    # (a list of two persons may also give each as a part of the two: "ضابطاً في الجيش ومقاتلاً آخر")
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), kind)
            if c.get("count") and c.get("part_of") is None] == [2]


def test_a_dual_after_a_dual_count_counts_it_once(tmp_path: Path) -> None:
    text = "الطفلان سامر العلي وأحمد العلي قتلا بقصف على منزلهما في القرية."
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed") if c.get("count")] == [2]


def test_killing_as_a_noun_is_no_dual(tmp_path: Path) -> None:
    result = run(tmp_path, "وعاثت العصابات في المدن قتلا ونهبا طوال سنوات الحرب.")
    assert not [c for c in claims_of(result, "killed") if c.get("count")]


@pytest.mark.parametrize(("text", "total", "parts"), [
    ("قتل خمسة مدنيين (ثلاثة أطفال وامرأتان) في غارة على القرية.", 5, {"children": 3, "women": 2}),
    ("أسفر القصف عن مقتل 4 مدنيين (طفلان) في الحي الشرقي.", 4, {"children": 2}),
    ("استشهد ثلاثة مدنيين (رجل وزوجته وطفلهما) في قصف على منزلهم.", 3, {"men": 1, "women": 1, "children": 1}),
])
def test_people_in_brackets_after_a_count_are_its_parts(tmp_path: Path, text: str, total: int,
                                                        parts: dict) -> None:
    killed = claims_of(run(tmp_path, text), "killed")
    assert [c["count"]["low"] for c in killed if c.get("part_of") is None and c.get("count")] == [total]
    assert {c["victims"][0]: c["count"]["low"] for c in killed if c.get("part_of") is not None} == parts


@pytest.mark.parametrize(("text", "n"), [
    ("ووثق فريق الرصد (3) قضوا جراء القصف المدفعي على البلدة.", 3),
    ("كما قضى ( 2 ) في المحافظة برصاص القناصة.", 2),
    ("وسجلنا أيضاً (2) قضيا تحت التعذيب في السجون.", 2),
])
def test_a_bare_figure_in_brackets_is_the_subject_of_its_verb(tmp_path: Path, text: str, n: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed") if c.get("count")] == [n]


@pytest.mark.parametrize("text", [
    "وقتل الرجل المسن فلان الفلاني ( 73 ) سنة برصاص قناص في السوق.",
    "وقضى القائد المعروف ( 14 ) أعلن بعدها العصيان في المدينة.",
])
def test_an_age_or_a_note_in_brackets_is_no_toll(tmp_path: Path, text: str) -> None:
    result = run(tmp_path, text)
    assert not [c for c in claims_of(result, "killed") if c.get("count") and c["count"]["low"] > 1]


@pytest.mark.parametrize(("text", "n"), [
    ("ارتفعت حصيلة القتلى جراء الغارات التي شنتها طائرات حربية مساء أمس على قرية الصفا وأطرافها في ريف "
     "المحافظة الشرقي، إلى 31 مدنياً.", 31),
    ("وأعلن المكتب عن ارتفاع عدد ضحايا القصف المدفعي الذي طال الأحياء السكنية في المدينة القديمة والسوق "
     "المسقوف يوم الأحد الماضي إلى 14 شخصاً.", 14),
])
def test_a_risen_toll_past_a_long_description_of_the_event(tmp_path: Path, text: str, n: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed") if c.get("count")] == [n]


def test_a_risen_toll_takes_no_count_past_another(tmp_path: Path) -> None:
    result = run(tmp_path, "ارتفعت حصيلة القتلى في الغارات على البلدة إلى 12، وعدد الجرحى إلى 40 شخصاً.")
    assert [c["count"]["low"] for c in claims_of(result, "killed") if c.get("count")] == [12]


@pytest.mark.parametrize("text", [
    "وشهد الشهر 58 هجوماً قتل فيها 6 مدنيين.",
    "وأعلن الجيش تدمير 140 هدفاً وقتل 12 من عناصر التنظيم.",
    "وما زالت اللجنة تدرس 320 تقريراً عن قتلى مدنيين في الغارات.",
    "وتبنت الجماعة العشرات من التفجيرات التي أدت إلى قتل مدنيين في المدينة.",
    "وأدى الحصار إلى إفقار عشرات الآلاف من الأسر في المنطقة.",  # families, not الأسر (captivity)
])
def test_a_number_of_things_is_no_toll(tmp_path: Path, text: str) -> None:
    counted = [c["count"]["low"] for c in run(tmp_path, text)["claims"] if c.get("count")]
    assert not set(counted) & {58, 140, 320, 10}


def test_members_of_one_family_are_people(tmp_path: Path) -> None:
    result = run(tmp_path, "مقتل 5 من أسرة واحدة بقصف على البلدة.")
    assert [c["count"]["low"] for c in claims_of(result, "killed")] == [5]


def test_toll_given_as_their_number(tmp_path: Path) -> None:
    result = run(tmp_path, "ونشرت شبكة محلية صوراً لجثث في البلدة، وقالت إن عددهم تجاوز المئتين.")
    assert any(c["count"] and c["count"]["low"] == 201 for c in claims_of(result, "killed"))


def test_killed_and_wounded_together_is_not_a_death_toll(tmp_path: Path) -> None:
    result = run(tmp_path, "سقط العشرات بين قتيل وجريح في انفجار سيارة مفخخة وسط مدينة الباب.")
    (killed,) = claims_of(result, "killed")
    assert (killed["count"]["low"], killed["count"]["high"]) == (1, None)  # not ten: some of the tens died


# ------------------------------------------------------------------ English

EN_SHELLING = ("At least seven people, including three children, were killed when shelling hit the town of "
               "Dhiban in Deir ez-Zor province on Sunday, the Syrian Observatory for Human Rights said. "
               "More than 20 others were wounded.")


def test_english_toll_parts_place_claimant_and_weekday(tmp_path: Path) -> None:
    result = run(tmp_path, EN_SHELLING)
    total = next(c for c in claims_of(result, "killed") if c.get("part_of") is None)
    assert total["count"]["low"] == 7 and total["count"]["high"] is None
    child = next(c for c in claims_of(result, "killed") if c.get("part_of") is not None)
    assert child["victims"] == ["children"] and child["count"]["low"] == 3
    assert total["place"]["admin1"] == "Deir ez-Zor"
    assert total["claimant"]["type"] == "monitor" and total["modality"] == "reported"
    assert total["cause"] == "shelling"
    assert total["period"]["start"] == "2023-10-08"
    (injured,) = claims_of(result, "injured")
    assert injured["count"]["low"] == 21


def test_english_active_verb_keeps_its_object(tmp_path: Path) -> None:
    result = run(tmp_path, "A car bomb killed six people and injured 30 in the city of Azaz on Friday.")
    (killed,) = claims_of(result, "killed")
    (injured,) = claims_of(result, "injured")
    assert killed["count"]["low"] == 6 and injured["count"]["low"] == 30
    assert killed["cause"] == "explosion"


def test_title_carries_the_toll_and_war_totals_are_aggregates(tmp_path: Path) -> None:
    result = run(tmp_path, "Warplanes struck a market in the town of Ariha on Monday. The war has killed more than "
                           "500,000 people since 2011.", title="Air strikes kill 12 civilians in Idlib")
    summary = result["summary"]
    assert summary["civilians"] == 12 and summary["cause"] == "airstrike"
    war = next(c for c in claims_of(result, "killed") if (c["count"] or {}).get("low") == 500001)
    assert war["scope"] == "aggregate"


def test_fighters_are_combatants(tmp_path: Path) -> None:
    result = run(tmp_path, "Turkish drones killed four SDF fighters near the town of Tal Tamr.")
    (killed,) = claims_of(result, "killed")
    assert killed["victims"] == ["combatants"]
    assert result["summary"]["combatants"] == 4 and result["summary"]["civilians"] == 0


def test_no_harm_no_summary(tmp_path: Path) -> None:
    result = run(tmp_path, "The foreign ministers met in Geneva on Monday to discuss the humanitarian corridor.")
    assert result["claims"] == [] and result["summary"] is None


# ------------------------------------------------------------------ building blocks

def test_cues_match_with_proclitics_and_phrases() -> None:
    found = {c.text: c.categories for c in find_cues("ومقتل وبحسب ولقي حتفه", "ar")}
    assert "outcome.killed.events" in found["ومقتل"]
    assert "attribution" in found["وبحسب"]
    assert any("outcome.killed.verbs" == c for c in found["ولقي حتفه"])


def test_sentences_and_paragraphs() -> None:
    text = "Title line\n\nFirst sentence. Second one? Third!\nNew line here."
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == ["Title line", "First sentence.", "Second one?", "Third!",
                                                         "New line here."]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 1, 1]


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not present")
def test_seed_claims_point_into_clean_text_only() -> None:
    paths = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    for doc in read_documents(paths, ReadOptions(published=dt.date(2019, 3, 21))):
        assert not isinstance(doc, InputError)
        result = analyse(doc)
        assert result["claims"]
        for c in result["claims"]:
            assert "تصحيح" not in c["evidence"]["quote"] and "بايدن" not in c["evidence"]["quote"]


def test_an_attack_without_harm_is_an_other_claim(tmp_path: Path) -> None:
    result = run(tmp_path, "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم.")
    (claim,) = result["claims"]
    assert claim["kind"] == "other" and claim["count"] is None and claim["victims"] == []
    assert claim["cause"] == "shelling" and claim["perpetrator"]["id"] == "syrian_government"
    assert claim["place"]["admin1"] == "Idlib" and claim["period"]["start"] == "2023-10-09"
    assert result["summary"] is None
    background = run(tmp_path, "The regime has bombed Syria for years, diplomats said at the Geneva talks.")
    assert background["claims"] == []  # no named town or village: nothing to link


def test_the_year_of_a_posts_date_is_no_toll(tmp_path: Path) -> None:
    # a social post: the author's name runs into the post's date, and the toll follows with no number
    result = run(tmp_path, "شبكة أخبار الريفNovember 30, 2024 شهداء مدنيين في قصف على السوق\nنسأل الله الرحمة",
                 published="2024-11-30")
    killed = claims_of(result, "killed")
    assert killed and all(c["count"] is None or c["count"]["low"] not in (30, 2024) for c in killed)
    assert result["document"]["dateline"]["text"] == "November 30, 2024"


def test_a_village_the_gazetteer_lacks_takes_the_coordinates_of_the_town_that_locates_it(tmp_path: Path) -> None:
    result = run(tmp_path, "قُتل ثلاثة مدنيين بقصف مدفعي على قرية عين الصفصاف بريف معرة النعمان أمس.")
    place = claims_of(result, "killed")[0]["place"]
    assert place["precision"] == "near" and place["near"] == "Maarat al-Numan"
    assert "عين الصفصاف" in place["name"] and place["lat"] is not None
    # named far from any town: no coordinates, precision unresolved
    result = run(tmp_path, "قُتل ثلاثة مدنيين بقصف مدفعي على قرية عين الصفصاف أمس.")
    place = claims_of(result, "killed")[0]["place"]
    assert place["precision"] == "unresolved" and place["lat"] is None


# ------------------------------------------------------------------ English summary: how tolls are written

def figures(result: dict) -> tuple[int, int, int, int]:
    s = result["summary"]
    return s["civilians"], s["children"], s["women"], s["combatants"]


def test_the_figure_below_a_rounded_headline_is_the_toll(tmp_path: Path) -> None:
    text = "Bombardment of the old city has killed at least 84 civilians since dawn, rescuers said."
    assert figures(run(tmp_path, text, title="Strikes kill over 80 in old city"))[0] == 84
    # a figure far above the headline's is another count (a week's toll, a wider area)
    text = "Bombardment of the province has killed at least 160 civilians since dawn, rescuers said."
    assert figures(run(tmp_path, text, title="Strikes kill over 80 in old city"))[0] == 80


def test_more_than_is_recorded_as_written(tmp_path: Path) -> None:
    result = run(tmp_path, "More than 40 soldiers were killed in an ambush near the town on Monday.")
    assert figures(result)[3] == 40
    killed = claims_of(result, "killed")[0]
    assert killed["count"]["low"] == 41  # the claim keeps the bound; the summary records the figure


def test_fighters_among_the_people_toll_are_not_civilians(tmp_path: Path) -> None:
    text = ("Shelling killed 30 people including four children and six policemen in the market town on "
            "Sunday, a monitor said.")
    assert figures(run(tmp_path, text)) == (24, 4, 0, 6)


def test_toll_of_people_with_civilians_among_them(tmp_path: Path) -> None:
    text = "At least 25 people including 15 civilians were killed when two car bombs went off at a checkpoint."
    assert figures(run(tmp_path, text)) == (15, 0, 0, 10)


def test_fighters_said_to_be_among_the_dead(tmp_path: Path) -> None:
    text = ("Government air strikes killed 40 people in the besieged district, the monitor said. "
            "Nine children and seven fighters were among the dead it said.")
    assert figures(run(tmp_path, text)) == (33, 9, 0, 7)


def test_headline_toll_split_in_the_next_sentences(tmp_path: Path) -> None:
    text = ("12 dead as rebels storm western districts\n\n"
            "At least 12 people were killed on Tuesday as rebels stormed western districts of the city. "
            "The monitor said five civilians had been killed by rocket fire. "
            "Another seven rebel fighters were killed in the clashes with the army.")
    assert figures(run(tmp_path, text)) == (5, 0, 0, 7)


def test_headline_of_mixed_fighters_and_a_child(tmp_path: Path) -> None:
    text = "An air strike on a training camp killed 22 militants and a boy, the monitor said on Monday."
    assert figures(run(tmp_path, text)) == (1, 1, 0, 22)


def test_police_headline_inside_a_wider_toll(tmp_path: Path) -> None:
    text = ("Three policemen killed in city blast\n\n"
            "Eleven people died including three policemen when a bomb exploded near a police station.")
    assert figures(run(tmp_path, text)) == (8, 0, 0, 3)


def test_fighters_of_two_sides_named_with_modifiers(tmp_path: Path) -> None:
    text = ("Offensive leaves 40 dead\n\n"
            "At least 40 regime and rebel fighters have been killed in two days of battle north of the city.")
    assert figures(run(tmp_path, text)) == (0, 0, 0, 40)


def test_updated_toll_in_the_lead(tmp_path: Path) -> None:
    text = ("Air strikes killed at least nine civilians in the city on Monday a monitor said bringing to 31 "
            "the number killed in 24 hours of bombardment.")
    assert figures(run(tmp_path, text))[0] == 31


def test_headline_verbs_take_the_counts_after_them(tmp_path: Path) -> None:
    result = run(tmp_path, "Rocket attack kills three injures eight in the old city")
    assert figures(result)[0] == 3
    (injured,) = claims_of(result, "injured")
    assert injured["count"]["low"] == 8


def test_others_between_count_and_participle(tmp_path: Path) -> None:
    result = run(tmp_path, "Three children killed 6 others injured in a mortar attack on the school")
    assert figures(result)[:2] == (3, 3)
    assert [c["count"]["low"] for c in claims_of(result, "injured")] == [6]


def test_children_and_women_make_the_civilian_toll(tmp_path: Path) -> None:
    text = "Eight children and four women have been killed in barrel bomb attacks on the village, activists said."
    assert figures(run(tmp_path, text)) == (12, 8, 4, 0)


def test_toll_with_a_dashed_aside(tmp_path: Path) -> None:
    text = "Fighting has shaken the town leaving 14 civilians - including six children - dead, the monitor said."
    assert figures(run(tmp_path, text))[:2] == (14, 6)


def test_state_media_eliminated_is_a_killing(tmp_path: Path) -> None:
    text = "Syrian army units eliminated 30 militants in the countryside of the town, a military source said."
    result = run(tmp_path, text)
    assert figures(result)[3] == 30 and result["summary"]["perpetrator"]["id"] == "syrian_government"


# ------------------------------------------------------------------ English perpetrators: who is not the doer

def perpetrator(result: dict) -> str:
    return result["summary"]["perpetrator"]["id"]


def test_the_speaker_is_not_the_perpetrator(tmp_path: Path) -> None:
    text = "The Turkish army said 14 militants were killed in coalition air strikes near the border."
    assert perpetrator(run(tmp_path, text)) == "intl_coalition"


def test_a_name_before_a_verb_that_opens_its_own_clause_is_not_its_speaker(tmp_path: Path) -> None:
    text = ("قتل 12 شخصا في بلدة الصنمين على يد وحدات من الجيش السوري، ونفت مديرية المنطقة "
            "أن تكون الحدود مع الأردن مغلقة.")
    (claim,) = run(tmp_path, text)["claims"]
    assert claim["perpetrator"]["id"] == "syrian_government"
    assert claim["claimant"]["type"] == "outlet"
    # a name, a comma and a verb without "و" is still the speaker ("مدير الشبكة، قال")
    text = "المرصد السوري لحقوق الإنسان، قال إن 12 شخصا قتلوا في بلدة الصنمين."
    assert run(tmp_path, text)["claims"][0]["claimant"]["name"] == "Syrian Observatory for Human Rights"


def test_the_backer_is_not_the_perpetrator(tmp_path: Path) -> None:
    text = "Government troops backed by Hezbollah fighters killed four gunmen in the mountains on Sunday."
    assert perpetrator(run(tmp_path, text)) == "syrian_government"
    text = "US-backed fighters said a car bomb killed nine people at a checkpoint on Sunday."
    assert perpetrator(run(tmp_path, text)) == "unknown"


def test_the_target_and_the_ground_are_not_the_perpetrator(tmp_path: Path) -> None:
    text = "Air strikes on an Islamic State base killed 12 people, including three children."
    assert perpetrator(run(tmp_path, text)) == "unknown"
    text = "A strike hit a village held by the Islamic State group killing eight civilians."
    assert perpetrator(run(tmp_path, text)) == "unknown"


@pytest.mark.parametrize(("text", "doer"), [
    ("Shelling on positions of the Syrian army killed three children in the town, activists said.", "unknown"),
    ("Turkish jets struck targets of the Kurdish YPG, killing seven civilians.", "turkey"),
    ("Air raids targeting the Islamic State near the river killed 12 civilians on Tuesday.", "unknown"),
    ("Two children died as the jets were pounding the Nusra Front in the hills.", "unknown"),
    ("Four farmers died when the jets bombed Islamic State hideouts, the monitor said.", "unknown"),
    ("Five civilians were killed in an offensive against the so-called Islamic State near the dam.", "unknown"),
    ("Rebels attacked the Syrian army near the dam, and four civilians were killed.", "armed_opposition"),
    # the other side of a fight, and the accused, may be the doer
    ("Three civilians were killed in heavy clashes against Hezbollah in the village.", "hezbollah"),
    ("Rights groups renewed accusations against the Syrian regime after 20 civilians were killed.",
     "syrian_government"),
    # an attack named by its weapon stays the doer
    ("Protests against Russian air strikes grew after 9 civilians were killed in the town.", "russia"),
])
def test_the_target_named_after_against_or_positions_of_is_not_the_perpetrator(
        tmp_path: Path, text: str, doer: str) -> None:
    result = run(tmp_path, text)
    assert perpetrator(result) == doer and [c["perpetrator"]["id"] for c in result["claims"]] == [doer]


@pytest.mark.parametrize(("title", "text", "doer"), [
    # another item of a round-up: the title's actor is named in no attack
    ("روسيا وإيران تبحثان إعادة الإعمار في سوريا",
     "بحث وزيرا خارجية البلدين في موسكو ملفات التعاون الاقتصادي.\n\n"
     "وفي شأن آخر، قتل ثلاثة مدنيين في انفجار عبوة ناسفة في مدينة الباب.", "unknown"),
    ("Russia and Turkey agree on new round of talks",
     "The ministers met in Ankara on Monday to prepare the summit.\n\nSeparately, six people were killed when "
     "a car bomb exploded in a market in the north of the country.", "unknown"),
    # the title names its actor attacking: a later paragraph of the same story takes it
    ("قوات النظام تقصف بلدة كفرنبل بالبراميل المتفجرة",
     "شهدت البلدة منذ الصباح حركة نزوح واسعة نحو الحقول المجاورة.\n\n"
     "وأسفر القصف عن مقتل خمسة مدنيين بينهم طفلان.", "syrian_government"),
    ("قسد تعذب شابا حتى الموت في ريف دير الزور",
     "داهمت دورية البلدة صباح اليوم.\n\nوقال ذووه إن الشاب توفي بعد ساعات من اعتقاله، وإن جثته سلمت إليهم.", "sdf"),
    ("Assad regime responsible for chemical attack, EU says",
     "The EU foreign policy chief spoke in Brussels on Tuesday.\n\n"
     "Doctors in the town said the attack killed 58 people, including 11 children.", "syrian_government"),
])
def test_a_claim_apart_from_the_lead_takes_its_actor_only_if_the_lead_names_it_attacking(
        tmp_path: Path, title: str, text: str, doer: str) -> None:
    result = run(tmp_path, text, title=title)
    assert result["claims"] and {c["perpetrator"]["id"] for c in result["claims"]} == {doer}


@pytest.mark.parametrize(("text", "doer"), [
    # both sides of a clash, the second named by its men ("وعناصر تنظيم X") or by an alias in brackets
    ("دارت معارك بين فصائل المعارضة وعناصر تنظيم داعش قرب المخيم، وقتل فيها أربعة مدنيين.", "unknown"),
    ("اندلعت اشتباكات بين قوات النظام وتنظيم \"الدولة الإسلامية\" (داعش) قرب المطار، ما أدى إلى مقتل ثلاثة مدنيين.",
     "unknown"),
    # the harmed's men: "في صفوف عناصر X"
    ("سقط عشرات القتلى في صفوف عناصر داعش خلال العمليات العسكرية في المدينة.", "unknown"),
    # a speaker from a side: "مصدر من X"
    ("قال مصدر عسكري من المعارضة المسلحة إن غارة جوية قتلت 12 شخصا في البلدة.", "unknown"),
    # what the attack hit belongs to X, with an adjective and a quote between
    ("دمرت الغارات عددا من المواقع العسكرية التابعة لتنظيم \"داعش\" وقتل فيها سبعة مدنيين.", "unknown"),
    # an alias in brackets after a doer stays the doer
    ("قصف تنظيم \"الدولة الإسلامية\" (داعش) البلدة، ما أدى إلى مقتل ثلاثة مدنيين.", "isis"),
])
def test_arabic_sides_harmed_and_speakers_are_not_the_perpetrator(tmp_path: Path, text: str, doer: str) -> None:
    assert {c["perpetrator"]["id"] for c in run(tmp_path, text)["claims"]} == {doer}


@pytest.mark.parametrize("text", [
    "قصفت طائرات روسية بلدة كفرنبل صباح اليوم. وفي سياق آخر، قتل ثلاثة مدنيين في انفجار عبوة ناسفة في مدينة الباب.",
    "قصفت طائرات روسية بلدة كفرنبل صباح اليوم. من جهة أخرى، قتل ثلاثة مدنيين في انفجار عبوة ناسفة في مدينة الباب.",
    "Russian jets pounded the town in the morning. Separately, three civilians were killed when a bomb exploded.",
])
def test_a_sentence_opening_on_another_event_takes_no_doer_from_before(tmp_path: Path, text: str) -> None:
    assert [c["perpetrator"]["id"] for c in run(tmp_path, text)["claims"]] == ["unknown"]


@pytest.mark.parametrize(("text", "doer"), [
    # friendly fire: the side struck by mistake is no doer, and the doer is not borrowed from the context
    ("قصفت قوات النظام بلدة كفرنبل بالمدفعية. وفي وقت لاحق استهدفت طائرات حربية بالخطأ مواقع للجيش الحر قرب "
     "البلدة، ما أدى إلى مقتل ثلاثة عناصر.", "unknown"),
    ("Regime forces shelled the town on Monday. Later, aircraft mistakenly struck Free Syrian Army positions "
     "nearby, killing eight fighters.", "unknown"),
    ("استهدفت طائرات التحالف عن طريق الخطأ مواقع لقوات سوريا الديمقراطية، ما أدى إلى مقتل ستة مقاتلين.",
     "intl_coalition"),
    ("Coalition jets mistakenly struck Syrian army positions near the airport, killing 62 soldiers.",
     "intl_coalition"),
])
def test_friendly_fire_names_the_side_firing_or_nobody(tmp_path: Path, text: str, doer: str) -> None:
    result = run(tmp_path, text)
    assert [c["perpetrator"]["id"] for c in result["claims"]] == [doer] and perpetrator(result) == doer


@pytest.mark.parametrize(("text", "doer"), [
    # of two sides named in the claim's sentence, the one named attacking (by its weapon, agency, verb)
    ("قالت وزارة الدفاع في حكومة النظام السوري إن 15 شخصا قتلوا بقصف إسرائيلي استهدف أبنية في حي المزة.", "israel"),
    ("تقدم النظام برسالة إلى مجلس الأمن تحدث فيها عن مقتل 35 مدنيا في القرية نتيجة القصف التركي.", "turkey"),
    ("قتل ثلاثة من أفراد مليشيا موالية للنظام في غارة شنتها طائرة إسرائيلية على ريف القنيطرة.", "israel"),
    ("سقط قتلى من قوات النظام في بلدة الصلنفة إثر استهدافهم من قبل فصائل المعارضة بالصواريخ.", "armed_opposition"),
    # agency across quotes: "على يد مقاتلي \"X\""
    ("وتأتي خسائر قوات النظام بعد مقتل 12 عنصرا على يد مقاتلي \"هيئة تحرير الشام\" في ريف اللاذقية.", "hts"),
])
def test_the_side_named_attacking_is_the_perpetrator(tmp_path: Path, text: str, doer: str) -> None:
    assert {c["perpetrator"]["id"] for c in run(tmp_path, text)["claims"] if c["kind"] == "killed"} == {doer}


@pytest.mark.parametrize(("text", "doer"), [
    # verb, subject, object: the name right after the verb is the doer, the one after the target word its target
    ("قصف تنظيم داعش معاقل قوات سوريا الديمقراطية في ريف الرقة، ما أدى إلى مقتل ثلاثة مدنيين.", "isis"),
    ("استهدفت قوات النظام مواقع هيئة تحرير الشام في ريف إدلب، ما أسفر عن مقتل طفلين.", "syrian_government"),
    ("قتل ثلاثة مدنيين عندما قصفت القوات التركية مواقع وحدات حماية الشعب قرب البلدة.", "turkey"),
])
def test_arabic_verb_subject_object_order(tmp_path: Path, text: str, doer: str) -> None:
    assert [c["perpetrator"]["id"] for c in run(tmp_path, text)["claims"]] == [doer]


@pytest.mark.parametrize(("text", "doer"), [
    ("Tags Syria Hama Russia Turkey air strikes Air strikes on a farming village killed 9 people.", "unknown"),
    ("Tags: Syria, Islamic State, Hezbollah. Nine people were killed when a shell hit the market.", "unknown"),
    # the subject of the report's first sentence, right after the tags, acts
    ("Tags Qamishli Kurdish YPG Turkey Syrian regime warplanes bombed Kurdish positions killing four civilians.",
     "syrian_government"),
])
def test_a_page_list_of_tags_names_no_perpetrator(tmp_path: Path, text: str, doer: str) -> None:
    assert [c["perpetrator"]["id"] for c in run(tmp_path, text)["claims"]] == [doer]


def test_a_country_as_a_place_is_not_the_perpetrator(tmp_path: Path) -> None:
    text = "An opposition leader said in Turkey that the attack had killed 200 people."
    assert perpetrator(run(tmp_path, text)) == "unknown"


def test_a_named_group_before_its_label_acting(tmp_path: Path) -> None:
    text = "Daesh militants killed 15 shepherds in the desert east of the city, activists said."
    assert perpetrator(run(tmp_path, text)) == "isis"


def test_unclear_who_leaves_the_perpetrator_unknown(tmp_path: Path) -> None:
    text = ("Raids on a market killed 20 people a day after Russia and the United States agreed a truce. "
            "It was not immediately clear who carried out the raids.")
    result = run(tmp_path, text)
    assert perpetrator(result) == "unknown" and result["summary"]["perpetrator"].get("unattributed")


def test_abbreviations_do_not_end_sentences() -> None:
    text = "A U.S. drone strike hit the car. Gen. Ali said nothing."
    starts = [text[s.start:s.end] for s in split_sentences(text)]
    assert starts == ["A U.S. drone strike hit the car.", "Gen. Ali said nothing."]


def test_an_outlet_in_the_headline_is_not_the_perpetrator(tmp_path: Path) -> None:
    result = run(tmp_path, "Air raids kill eight in northern town | Jordan Times")
    assert figures(result)[0] == 8 and perpetrator(result) == "unknown"


def test_attack_named_by_nationality(tmp_path: Path) -> None:
    assert perpetrator(run(tmp_path, "An Israeli attack on an army post killed two soldiers on Sunday.")) == "israel"


def test_details_come_from_the_lead_when_a_later_figure_is_exact(tmp_path: Path) -> None:
    text = ("Regime forces fired rockets with toxic gas at the suburbs in an attack that killed dozens of people. "
            "The monitor said the shelling was heavy and more than 30 people had been confirmed dead.")
    s = run(tmp_path, text)["summary"]
    assert s["civilians"] == 30 and s["cause"] == "chemical"


@pytest.mark.parametrize(("text", "cause"), [
    ("A twin bombing hit the market killing 12 people.", "explosion"),
    ("A rocket shell exploded in the square killing three civilians.", "shelling"),
    ("An explosion in the square killed three civilians.", "explosion"),
    ("A roadside bomb killed four soldiers on the highway.", "explosion"),
])
def test_generic_explosion_words_give_way_to_the_weapon(tmp_path: Path, text: str, cause: str) -> None:
    assert run(tmp_path, text)["summary"]["cause"] == cause


def test_breakdown_after_the_toll_is_given_again(tmp_path: Path) -> None:
    text = ("Air strikes kill 50 people in besieged suburb\n\n"
            "Air strikes kill 50 people in besieged suburb Wire Service Monday 3 Mar 2014 Government warplanes "
            "struck the market of the besieged suburb on Monday killing at least 50 people and wounding "
            "dozens of shoppers and traders who had come from the surrounding farms and villages to sell "
            "their produce on the busiest day of the week a monitoring group based abroad said on Monday "
            "evening citing its network of doctors and activists inside the suburb and in nearby towns. "
            "Six children and eight fighters were among the dead it said.")
    assert figures(run(tmp_path, text)) == (42, 6, 0, 8)


def test_headline_verbs_kill_and_injure(tmp_path: Path) -> None:
    assert figures(run(tmp_path, "Rocket attacks kill 7 injure dozens in the city"))[0] == 7


def test_forces_counted_as_fighters(tmp_path: Path) -> None:
    result = run(tmp_path, "The monitor said 12 regime forces were killed when rebels blew up a tunnel.")
    assert figures(result) == (0, 0, 0, 12)


def test_group_with_its_acronym_as_the_victims(tmp_path: Path) -> None:
    text = ("Thirty Islamic State (IS) group militants have been killed in coalition air strikes over the "
            "last day, the army said.")
    assert perpetrator(run(tmp_path, text)) == "intl_coalition"


def test_weapon_in_the_lead_names_the_attacker(tmp_path: Path) -> None:
    text = ("Gas attack on northern town draws condemnation\n\n"
            "A suspected gas attack killed at least 40 people in the northern town on Tuesday, medics said. "
            "World leaders condemned the attack. Syrian regime jets pounded the town in the morning.")
    assert perpetrator(run(tmp_path, text)) == "syrian_government"
    text = ("Raids kill 30 civilians in the city, a monitor said. Rescuers searched the rubble. "
            "Most of the dead were in one district where Russian raids claimed 20 lives overnight.")
    assert perpetrator(run(tmp_path, text)) == "russia"


def test_the_headline_subject_of_an_attack_names_the_attacker(tmp_path: Path) -> None:
    # the body says only "terrorists" (a label that names nobody); the headline names the group using gas
    text = ("ISIS uses toxic gas in northern town\n\n"
            "Militia sources said terrorists fired shells loaded with a toxic gas at the town, killing four "
            "civilians on Monday.")
    assert perpetrator(run(tmp_path, text)) == "isis"
    # of a joint subject, the one next to the verb
    text = "Hezbollah, Syrian army kill 12 militants near the border\n\nTwelve militants died in the fighting."
    assert perpetrator(run(tmp_path, text)) == "syrian_government"
    # a group named as the target in the headline is not the attacker; nor is a subject far in the text
    text = ("Twelve killed in attack on Islamic State convoy\n\nAn attack on a convoy killed 12 people on the "
            "road on Monday, a monitor said. Rescue teams were at the scene. Traffic stopped for hours. "
            "Officials met in the capital. Later the Syrian army shelled a village to the south.")
    assert perpetrator(run(tmp_path, text)) == "unknown"
    # a label in the lead sentence is not replaced by a group the body names later for another attack
    text = ("Five killed in terrorist rocket attacks on two towns\n\nTerrorists fired rockets at the market "
            "of the first town on Tuesday, killing five civilians. Elsewhere, Nusra Front gunmen targeted "
            "a checkpoint with mortars, causing damage only.")
    assert perpetrator(run(tmp_path, text)) == "unknown"


def test_a_claim_of_responsibility_names_the_attacker(tmp_path: Path) -> None:
    text = ("Bomb kills 11 near a bus station\n\nA car bomb killed 11 people near a bus station in the city on "
            "Friday, a monitor said. Dozens were wounded. The Islamic State group claimed responsibility "
            "through its news agency.")
    assert perpetrator(run(tmp_path, text)) == "isis"
    # a claim of another attack, or the claim that nobody made, names nobody
    text = ("Bomb kills 11 near a bus station\n\nA car bomb killed 11 people near a bus station in the city on "
            "Friday, a monitor said. Nobody has claimed the blast. IS claimed responsibility for a similar "
            "attack in the same district last year.")
    assert perpetrator(run(tmp_path, text)) == "unknown"
    text = ("Bomb kills 11 near a bus station\n\nA car bomb killed 11 people near a bus station in the city on "
            "Friday, a monitor said. Dozens were wounded. Rescuers searched the rubble. "
            "The Islamic State group has {}claimed responsibility.")
    assert perpetrator(run(tmp_path, text.format(""))) == "isis"
    assert perpetrator(run(tmp_path, text.format("not "))) == "unknown"


def test_the_next_of_a_list_of_victims_or_targets_is_not_the_doer(tmp_path: Path) -> None:
    text = ("Thirty rebels and jihadists were killed in fighting on Sunday as the Islamic State group overran "
            "a border town, a monitor said.")
    assert perpetrator(run(tmp_path, text)) == "isis"
    text = "Air strikes against Islamic State and Nusra Front killed 20 militants on Sunday."
    assert perpetrator(run(tmp_path, text)) == "unknown"


def test_arabic_side_of_the_harmed_is_not_the_doer(tmp_path: Path) -> None:
    def doer(text: str) -> str:
        return run(tmp_path, text)["claims"][0]["perpetrator"]["id"]
    # a camp "of the organisation X", the men of "militia X", a number of X's forces: X is harmed
    assert doer("قصفت الطائرات الحربية الروسية مقراً لتنظيم جبهة النصرة في بلدة كنصفرة ما أدى لمقتل 30 مسلحاً.") \
        == "russia"
    assert doer("قتل وجرح عدد من قوات النظام بقصف مدفعي على محور بلدة كبانة.") == "unknown"
    assert doer("قتل العشرات من ميليشيا حزب الله بكمين قرب بلدة القصير.") == "unknown"
    # the two sides of a clash: neither is the doer of its harm
    assert doer("قتل 4 مدنيين في اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في بلدة كفرنبل.") == "unknown"
    # the men of X after a word of agency are the doers
    assert doer("قتل شاب برصاص عناصر من قوات النظام في مدينة درعا.") == "syrian_government"
    assert doer("قتلت قوات النظام 4 مدنيين بقصف على بلدة كفرنبل.") == "syrian_government"


def test_government_warplanes_in_the_lead_name_the_attacker(tmp_path: Path) -> None:
    # "Syrian government" is also a source (officials speaking); its warplanes are no speaker
    text = ("Air raids on a market killed 30 people on Monday, a monitor said. Rescuers dug through the rubble. "
            "The monitor said the raids were carried out by Syrian government warplanes.")
    assert perpetrator(run(tmp_path, text, title="Air raids kill 30 in market town")) == "syrian_government"


def test_missiles_fired_at_a_district_are_shelling(tmp_path: Path) -> None:
    text = "Fighters fired dozens of missiles at the western districts of the city, killing eight people."
    assert run(tmp_path, text)["summary"]["cause"] == "shelling"


def test_the_holder_of_a_named_stronghold_is_not_the_doer(tmp_path: Path) -> None:
    for owner in ("the Islamic State group's", "the Daesh terror groups"):
        text = (f"A car bomb killed 40 people at a bus station on Saturday as allied fighters pushed towards "
                f"{owner} Raqqa stronghold.")
        assert perpetrator(run(tmp_path, text)) == "unknown"


def test_the_two_sides_named_as_a_pair_are_not_the_doer(tmp_path: Path) -> None:
    text = ("The blast came as the regime and the opposition resumed an exchange of prisoners. "
            "A bomb killed six people at the crossing on Wednesday.")
    assert perpetrator(run(tmp_path, text)) == "unknown"
    text = "The regime and allied militias shelled the town on Wednesday, killing six people."
    assert perpetrator(run(tmp_path, text)) == "syrian_government"


def test_the_government_as_the_agent_of_an_attack(tmp_path: Path) -> None:
    text = "Washington says a gas attack by the government killed more than 1,000 people near the capital."
    assert perpetrator(run(tmp_path, text)) == "syrian_government"
    text = "A car bomb killed 12 people near the capital, the Turkish government said."
    assert perpetrator(run(tmp_path, text)) == "unknown"


def test_gassing_people_is_killing_them_with_chemicals(tmp_path: Path) -> None:
    result = run(tmp_path, "Activists accused government forces of gassing 200 people in the suburbs on Wednesday.")
    summary = result["summary"]
    assert (summary["kind"], summary["civilians"], summary["cause"]) == ("killed", 200, "chemical")
    assert perpetrator(result) == "syrian_government"


def test_sides_of_a_clash_and_the_holder_of_ground_are_not_the_doer(tmp_path: Path) -> None:
    text = "Shelling left nine people dead on Friday amid clashes between pro-regime and opposition forces."
    assert perpetrator(run(tmp_path, text)) == "unknown"
    text = "A bomb blast killed five people on Wednesday in a district that was taken over by the Syrian army."
    assert perpetrator(run(tmp_path, text)) == "unknown"


def test_headline_country_air_raids(tmp_path: Path) -> None:
    assert perpetrator(run(tmp_path, "Syria air raids kill 14 militants in desert town")) == "syrian_government"


def test_rebel_alliance_is_the_armed_opposition(tmp_path: Path) -> None:
    text = "Six people were killed as a new rebel alliance attacked government-held districts of the city."
    assert perpetrator(run(tmp_path, text)) == "armed_opposition"


def test_place_from_later_sentences_when_the_lead_names_only_the_country(tmp_path: Path) -> None:
    text = ("Air raid kills 11 in northern Syria\n\n"
            "An air raid killed 11 civilians in northern Syria on Monday. "
            "Rescuers worked through the night. Families buried the dead on Tuesday. "
            "The monitor said the strike hit a village in Aleppo province.")
    place = run(tmp_path, text)["summary"]["place"]
    assert place and place["admin1"] == "Aleppo"


def test_parts_of_the_toll_given_again(tmp_path: Path) -> None:
    text = ("Toll from barrel bomb raid on the city rises to 54\n\n"
            "Fifty-four people including 19 children were killed on Sunday when helicopters dropped barrel "
            "bombs on the northern city, the monitor said.")
    assert figures(run(tmp_path, text))[:2] == (54, 19)


def test_of_them_makes_a_part(tmp_path: Path) -> None:
    text = "Air strikes on the town killed 21 civilians, seven of them children, a monitor said."
    assert figures(run(tmp_path, text))[:2] == (21, 7)


def test_civilian_workers_among_the_dead_are_not_fighters(tmp_path: Path) -> None:
    text = ("Air strikes hit a clinic leaving 11 dead\n\n"
            "Air strikes hit a clinic in the rebel-held town on Monday. "
            "Among the dead were three staff and four children.")
    assert figures(run(tmp_path, text)) == (11, 4, 0, 0)


def test_headline_repeated_in_the_body_keeps_the_parts(tmp_path: Path) -> None:
    text = ("18 civilians killed in raids on the town\n\n"
            "18 civilians killed in raids on the town Wire Tuesday Air strikes on the town killed 18 civilians "
            "five of them children a monitoring group said.")
    assert figures(run(tmp_path, text))[:2] == (18, 5)


def test_list_of_the_dead_after_things_counted(tmp_path: Path) -> None:
    text = ("Air strikes kill 30 civilians in the province\n\n"
            "The monitor says those killed in three attacks include 9 children and five women.")
    assert figures(run(tmp_path, text)) == (30, 9, 5, 0)


def test_a_lead_without_a_number_gives_way_to_the_figure(tmp_path: Path) -> None:
    text = ("Martyrs as terrorists shell a district of the city\n\n"
            "Six civilians were martyred on Monday as terrorists shelled the district.")
    assert figures(run(tmp_path, text))[0] == 6


def test_children_headline_and_the_wider_toll_of_the_attack(tmp_path: Path) -> None:
    text = ("At least 12 children killed in gas attack\n\n"
            "The attack on the town claimed the lives of at least 12 children, the agency said. "
            "Opposition groups said some 40 people were killed in the gas attack on the town.")
    assert figures(run(tmp_path, text))[:2] == (40, 12)


def test_a_few_days_of_bombing_is_the_main_event_when_no_single_incident_is_told(tmp_path: Path) -> None:
    text = ("Council declares the province a disaster area\n\n"
            "At least 40 civilians including nine children have been killed in the bombing of the province "
            "over the past few days.")
    s = run(tmp_path, text, published="2016-06-02")["summary"]
    assert (s["civilians"], s["children"]) == (40, 9)
    text = "More than 3,000 civilians have been killed in the province since the start of the war."
    assert run(tmp_path, text)["summary"] is None


def test_people_of_a_group_are_its_victims_not_its_acts(tmp_path: Path) -> None:
    text = "The spokesman for the Nusra Front and 12 other militants were killed in air strikes on Sunday."
    assert perpetrator(run(tmp_path, text)) == "unknown"
    text = "An ISIS commander and his guards were killed when a car exploded in the town, killing four people."
    assert perpetrator(run(tmp_path, text)) == "unknown"


# ------------------------------------------------------------------ harm or attack without a number

def test_an_attack_verb_without_a_weapon_is_an_other_claim(tmp_path: Path) -> None:
    result = run(tmp_path, "استهداف سيارة مدنية على الطريق العام قرب بلدة سرمين شرقي إدلب ظهر اليوم")
    (claim,) = result["claims"]
    assert claim["kind"] == "other" and claim["count"] is None
    assert "سرمين" in claim["place"]["text"] and claim["cause"] is None
    assert result["summary"] is None


def test_an_airborne_raid_is_an_attack_with_its_perpetrator(tmp_path: Path) -> None:
    result = run(tmp_path, "نفذت قوات التحالف الدولي فجر اليوم عملية إنزال جوي على قرية الشحيل بريف دير الزور الشرقي")
    (claim,) = result["claims"]
    assert claim["kind"] == "other" and claim["perpetrator"]["id"] == "intl_coalition"
    assert "الشحيل" in claim["place"]["text"]


def test_a_social_post_lead_skips_hashtag_lines(tmp_path: Path) -> None:
    text = "#عاجل\n#حماة\n#سوريا\n#الآن\n120\nالطيران الحربي الروسي يستهدف بالصواريخ مدينة السلمية شرقي حماة"
    (claim,) = run(tmp_path, text)["claims"]
    assert claim["kind"] == "other" and claim["cause"] == "airstrike" and claim["perpetrator"]["id"] == "russia"


def test_a_massacre_is_a_killing_without_a_count(tmp_path: Path) -> None:
    result = run(tmp_path, "ارتكبت طائرات حربية روسية مجزرة في بلدة كفرنبل جنوبي إدلب")
    (claim,) = result["claims"]
    assert claim["kind"] == "killed" and claim["count"] is None
    assert claim["perpetrator"]["id"] == "russia" and "كفرنبل" in claim["place"]["text"]


def test_killed_and_wounded_of_an_armed_group_are_combatants(tmp_path: Path) -> None:
    result = run(tmp_path, "قتلى وجرحى لميليشيا حزب الله بغارة إسرائيلية قرب مدينة القصير")
    kinds = {c["kind"]: c for c in result["claims"]}
    assert set(kinds) == {"killed", "injured"}
    for c in kinds.values():
        assert c["victims"] == ["combatants"] and c["count"] is None
        assert c["perpetrator"]["id"] != "hezbollah"  # the harmed, not the doer
    plain = run(tmp_path, "قتلى وجرحى بين المدنيين بغارة على مدينة القصير")
    assert all(c["victims"] != ["combatants"] for c in plain["claims"])


def test_no_harm_stated_makes_the_attack_not_a_toll(tmp_path: Path) -> None:
    for text in ("قصفت مدفعية النظام مدينة جسر الشغور غربي إدلب دون وقوع إصابات",
                 "قصف مدفعي على بلدة سرمين لم يسفر عن وقوع ضحايا"):
        (claim,) = run(tmp_path, text)["claims"]
        assert claim["kind"] == "other"
    hit = run(tmp_path, "قصف مدفعي على بلدة سرمين أسفر عن إصابات بين المدنيين")
    assert [c["kind"] for c in hit["claims"]] == ["injured"]
    only = run(tmp_path, "طيران التحالف في مخيمات أطمة لا يقتل إلا الأطفال والنساء")
    assert [c["kind"] for c in only["claims"]] == ["killed"]


def test_harm_denied_after_reports_words_or_in_a_list_is_no_claim(tmp_path: Path) -> None:
    for text in ("استهدف الطيران الحربي أطراف بلدة حيش جنوبي إدلب دون ورود أنباء عن سقوط أي إصابات.",
                 "قصفت قوات النظام قرية البارة، ولم ترد تقارير أولية عن سقوط قتلى أو جرحى.",
                 "قصفت قوات النظام قرية البارة دون ورود معلومات عن سقوط شهداء وجرحى.",
                 "Rockets hit the village of Ihsim, but no casualties were reported.",
                 "There were no immediate reports of deaths or injuries after shells hit the town of Ariha.",
                 "Mortars fell on the town of Ariha; no one was hurt.",
                 "استهدفت مدفعية النظام بلدة الهبيط جنوبي إدلب دون أية إصابات."):
        kinds = [c["kind"] for c in run(tmp_path, text)["claims"]]
        assert "killed" not in kinds and "injured" not in kinds, text
    # a negation further on, or one that does not stand right before the harm words, denies nothing
    hit = run(tmp_path, "Shelling on the town of Ariha killed no fewer than 20 civilians.")
    assert [c["count"]["low"] for c in claims_of(hit, "killed")] == [20]
    said = run(tmp_path, "قتل مدنيان دون أن يعرف مصدر القذائف التي سقطت على بلدة حيش.")
    assert [c["count"]["low"] for c in claims_of(said, "killed")] == [2]


def test_symptoms_of_a_gas_attack_are_injuries(tmp_path: Path) -> None:
    result = run(tmp_path, "At least 15 fighters suffered symptoms of choking after the gas attack near Tel Tamr.")
    (claim,) = claims_of(result, "injured")
    assert claim["count"]["low"] == 15 and claim["victims"] == ["combatants"]


def test_harm_from_a_disaster_an_accident_or_a_disease_is_no_claim(tmp_path: Path) -> None:
    for text in ("لقي 12 شخصا مصرعهم وأصيب 30 آخرون جراء الزلزال الذي ضرب مدينة كرمنشاه.",
                 "قتل 4 أشخاص في حادث سير على طريق حمص حماة.",
                 "قتل ثلاثة عسكريين في تحطم طائرة نقل أثناء طلعة تدريبية قرب مدينة قونية.",
                 "A road accident on the highway near Homs killed nine people.",
                 "Floods killed 14 people in the north of the country."):
        assert run(tmp_path, text)["claims"] == [], text
    # a violent cause, or the war around it, keeps the harm
    for text in ("قتل 5 مدنيين بقصف على بلدة كفرنبل وأصيب آخرون بانهيار منزل.",
                 "توفي 3 أطفال بسبب الجوع والمرض في ظل الحصار على بلدة مضايا.",
                 "Shelling killed 6 civilians in a camp near Idlib as floods hit the tents."):
        assert claims_of(run(tmp_path, text), "killed"), text


def test_a_patient_is_no_wounded_person_and_an_attempt_no_killing(tmp_path: Path) -> None:
    for text in ("أجرى الأطباء في مشفى المدينة عملية لطفل مصاب بالشلل منذ ولادته.",
                 "تعيش مع والدتها وشقيقتها المصابة بالسكري في حي الوعر.",
                 "أوقفت الشرطة شاباً مطلوباً بتهمة محاولة قتل عسكريين في مدينة طرابلس.",
                 "Police charged two men with attempted murder after a brawl in the town."):
        assert [c for c in run(tmp_path, text)["claims"] if c["kind"] in ("killed", "injured")] == [], text
    # the harm after a failed attempt is harm ("tried to kill the mayor, killing two of his guards")
    result = run(tmp_path, "Gunmen tried to kill the mayor of Raqqa, killing two of his guards.")
    assert [c["count"]["low"] for c in claims_of(result, "killed")] == [2]
    result = run(tmp_path, "نجا رئيس البلدية من محاولة قتل أسفرت عن مقتل 3 من حراسه بإطلاق نار.")
    assert [c["count"]["low"] for c in claims_of(result, "killed")] == [3]


def test_a_bare_mention_of_death_is_no_claim(tmp_path: Path) -> None:
    # no count, no weapon, no place below the country, no time: rhetoric and generic talk, no incident
    for text in ("يستمر مسلسل موت المدنيين في هذا البلد المنكوب.",
                 "The killing of civilians must stop, the minister said."):
        assert run(tmp_path, text)["claims"] == [], text
    # any one of them makes it a report of harm
    for text in ("سقط قتلى في بلدة كفرنبل.",
                 "سقط قتلى بقصف مدفعي.",
                 "قتل مدنيون فجر اليوم.",
                 "استشهد طفلان وأصيبت امرأة."):
        assert claims_of(run(tmp_path, text), "killed"), text


def test_a_fall_with_no_one_fallen_is_no_harm(tmp_path: Path) -> None:
    for text in ("بات حي الشيخ مقصود على وشك السقوط بعد قصف عنيف.",
                 "أغلقت المدرسة في بلدة سرمين خشية سقوط القذائف عليها جراء القصف."):
        assert claims_of(run(tmp_path, text), "killed") == [], text
    for text in ("قصفت قوات النظام بلدة سرمين ما أدى إلى سقوط قتلى وجرحى.",
                 "سقط مدنيون بقصف مدفعي على بلدة سرمين."):
        assert claims_of(run(tmp_path, text), "killed"), text


def test_an_entry_of_a_chronology_takes_nothing_from_the_lines_before(tmp_path: Path) -> None:
    text = ("أبرز الهجمات في المنطقة\n\n"
            "قتل 12 شخصا بقصف لقوات النظام على حي الوعر في حمص.\n"
            "2 آذار 2016 قتل 3 مدنيين في قصف على مدينة درعا.\n"
            "5 آذار 2016 قتل 11 جنديا وجرح 5 في هجوم بقذائف الهاون على ثكنة قرب مدينة غاو.")
    result = run(tmp_path, text)
    (soldiers,) = [c for c in claims_of(result, "killed") if c["count"]["low"] == 11]
    assert soldiers["place"] is None or "الوعر" not in (soldiers["place"]["text"] or "")
    assert soldiers["perpetrator"]["id"] == "unknown"
    assert soldiers["period"]["start"] == "2016-03-05"
    (first,) = [c for c in claims_of(result, "killed") if c["count"]["low"] == 12]
    assert first["perpetrator"]["id"] == "syrian_government" and "الوعر" in first["place"]["text"]


def test_a_victim_noun_as_a_predicate_is_no_one(tmp_path: Path) -> None:
    for text in ("قال الوزير إن بلاده وقعت ضحية حملة إعلامية ظالمة.",
                 "يرى الكاتب أن الشعب كان ضحية الخلافات الحزبية في مدينة القامشلي."):
        assert run(tmp_path, text)["claims"] == [], text
    total = run(tmp_path, "سجل المرصد 300 هجوم خلال الشهر، راح ضحية هذه الهجمات 37 شخصاً بينهم 9 أطفال.")
    assert [c["count"]["low"] for c in claims_of(total, "killed") if c.get("part_of") is None] == [37]
    for text in ("طفل ضحية قذيفة هاون سقطت على حي الكلاسة في حلب.",
                 "بلدة كفرنبل: ضحية وأربعة جرحى بقصف مدفعي."):
        assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed")] == [1], text


def test_a_count_of_zero_is_no_toll(tmp_path: Path) -> None:
    text = "12 - 03 - 2015 | 0 | 0 | اعتقلت قوات الأمن ثلاثة شبان من بلدة الحراك شرقي درعا."
    assert all((c["count"] or {}).get("low") != 0 for c in run(tmp_path, text)["claims"])


def test_the_toll_of_a_war_takes_no_actor_from_the_sentences_around(tmp_path: Path) -> None:
    text = ("Russian jets struck a market in Ariha on Monday, killing 9 civilians. "
            "More than 300000 people have been killed since the war began in 2011.")
    result = run(tmp_path, text)
    (war,) = [c for c in claims_of(result, "killed") if c["count"]["low"] > 1000]
    assert war["perpetrator"]["id"] == "unknown"
    (strike,) = [c for c in claims_of(result, "killed") if c["count"]["low"] == 9]
    assert strike["perpetrator"]["id"] == "russia"


def test_a_remembered_massacre_is_no_news_of_harm(tmp_path: Path) -> None:
    assert run(tmp_path, "أحيا أهالي بلدة كفرنبل الذكرى السنوية لمجزرة السوق بقصف النظام")["claims"] == []


def test_deployments_and_politics_are_not_attacks(tmp_path: Path) -> None:
    assert run(tmp_path, "وصلت تعزيزات عسكرية لقوات النظام إلى مدينة سراقب شرقي إدلب")["claims"] == []
    assert run(tmp_path, "اجتمع وفد من وجهاء بلدة الشحيل مع مسؤولين في قوات سوريا الديمقراطية")["claims"] == []


def test_a_harm_word_glued_to_the_word_before_it_is_found(tmp_path: Path) -> None:
    text = "رافد نيوز - الاحتلال يرتكب مجزرة في محطة الكهرباءاستشهد 6 مدنيين جراء القصف على بلدة عامودا"
    result = run(tmp_path, text)
    (killed,) = [c for c in claims_of(result, "killed") if c["count"]]
    assert killed["count"]["low"] == 6 and killed["victims"] == ["civilians"]


def test_harm_words_that_make_no_claim_leave_the_attack(tmp_path: Path) -> None:
    text = ("قصفت مدفعية النظام قذائف عدة على مدينة جسر الشغور غربي إدلب صباح اليوم.\n\n"
            "وتطالب المنظمة بتعويض الضحايا.")
    (claim,) = run(tmp_path, text)["claims"]
    assert claim["kind"] == "other" and "جسر الشغور" in claim["place"]["text"]


def test_a_hit_word_is_harm_only_with_a_count_of_people(tmp_path: Path) -> None:
    (injured,) = run(tmp_path, "غارات روسية وقذائف مدفعية تصيب 7 مدنيين في بلدة البارة جنوبي إدلب")["claims"]
    assert injured["kind"] == "injured" and injured["count"]["low"] == 7 and injured["victims"] == ["civilians"]
    for text in ("قذيفة تصيب منزلاً في بلدة البارة", "أصابت القذائف 3 منازل في بلدة البارة"):
        assert [c["kind"] for c in run(tmp_path, text)["claims"]] == ["other"]


def test_a_slogan_makes_no_combatant_victims_and_an_arrest_alone_no_claim(tmp_path: Path) -> None:
    slogan = run(tmp_path, "هتف المتظاهرون الموت لحزب الله")["claims"]
    assert all(c["victims"] != ["combatants"] for c in slogan)
    assert run(tmp_path, "طالب أهالي مدينة درعا بالإفراج عن المعتقلين في سجون النظام")["claims"] == []


# ------------------------------------------------------------------ event dates (periods)

def test_a_date_after_today_in_a_sentence_dates_its_event_though_it_is_the_dateline(tmp_path: Path) -> None:
    text = ("مقتل ثلاثة مدنيين بقصف على بلدة سرمين\n\n"
            "قتل ثلاثة مدنيين مساء اليوم، الثلاثاء 10 من تشرين الأول 2023، بقصف مدفعي على بلدة سرمين شرقي إدلب.")
    result = run(tmp_path, text, published=None)
    assert result["document"]["published"] == "2023-10-10"
    body = text.index("قتل ثلاثة")
    (killed,) = [c for c in claims_of(result, "killed") if c["count"] and c["evidence"]["start"] >= body]
    assert killed["period"]["start"] == "2023-10-10" and "الثلاثاء 10" in killed["period"]["text"]
    # a dateline on a line of its own dates the report, not its events
    alone = run(tmp_path, "الثلاثاء 10 من تشرين الأول 2023\n\nقتل ثلاثة مدنيين بقصف مدفعي على بلدة سرمين.",
                published=None)
    assert all(not (c["period"] or {}).get("start") for c in alone["claims"])


def test_an_old_date_in_a_photo_caption_is_not_the_date_of_todays_news(tmp_path: Path) -> None:
    text = ("قتلى بغارات على ريف إدلب\n\n"
            "لحظة انتشال الضحايا بعد قصف على مدينة أريحا بتاريخ 3 آذار 2021\n\n"
            "قتل أربعة مدنيين، اليوم الاثنين، بغارات جوية روسية على قرية كفرلاتا جنوبي إدلب.\n\n"
            "وقال الدفاع المدني إن فرقه انتشلت جثث القتلى وأسعفت سبعة جرحى إلى المشافي.")
    result = run(tmp_path, text)
    later = [c for c in result["claims"] if c["evidence"]["start"] >= text.index("وقال")]
    assert later and all((c["period"] or {}).get("start") != "2021-03-03" for c in later)
    assert all((c["period"] or {}).get("start") in (None, "2023-10-09") for c in later)
    # a report that only looks back keeps the date its lead gives
    old = run(tmp_path, "في 3 آذار 2021 قصفت الطائرات مدينة أريحا.\n\nوقال الدفاع المدني إن القصف قتل أربعة مدنيين.")
    dated = [c for c in old["claims"] if c["kind"] == "killed"]
    assert dated and all(c["period"]["start"] == "2021-03-03" for c in dated)


def test_a_toll_takes_the_day_the_report_gives_its_attack_in_a_sentence_of_its_own(tmp_path: Path) -> None:
    text = ("أعلنت قوات سوريا الديمقراطية مقتل 9 من عناصرها ومدنيين اثنين في غارات تركية جنوب الحسكة.\n\n"
            "ونشر المركز الإعلامي للقوات بياناً حول الهجمات.\n\n"
            "وأضاف البيان أن القوات سترد على الهجمات.\n\n"
            "وجاء في البيان أن طائرات حربية ومسيرة شنت 12 غارة ظهر اليوم، الاثنين، على قرى في بادية الحسكة.")
    result = run(tmp_path, text)
    killed = [c for c in claims_of(result, "killed") if c["scope"] == "incident"]
    assert killed and all(c["period"]["start"] == "2023-10-09" and c["period"]["inherited"] for c in killed)
    # the day a source spoke, and a sentence going back to an earlier raid, date no toll
    said = ("أصيب أربعة مدنيين بقصف مدفعي على بلدة الأبزمو غربي حلب.\n\n"
            "ونقل المصابون إلى مشفى قريب.\n\nوتضررت منازل عدة في البلدة.\n\n"
            "وأفادت مصادر محلية للمراسل، الأحد، أن القصف استهدف منازل المدنيين.\n\n"
            "وكانت الطائرات قد قصفت البلدة يوم الخميس الماضي.")
    assert all(not (c["period"] or {}).get("start") for c in run(tmp_path, said)["claims"])


def test_a_look_back_in_a_kana_sentence_lends_no_date_to_the_reports_other_tolls(tmp_path: Path) -> None:
    text = ("قصف متواصل على ريف إدلب\n\nونشر ناشطون صوراً للدمار.\n\nوتضررت منازل عدة.\n\n"
            "وكان القصف قد أسفر أمس عن مقتل مدنيين اثنين في بلدة كفرنبل.\n\n"
            "وأصيب ثلاثة مدنيين بجروح في القصف على بلدة كفرنبل.")
    result = run(tmp_path, text)
    injured = [c for c in claims_of(result, "injured") if c["count"] and c["count"]["low"] == 3]
    assert injured and all(not (c["period"] or {}).get("start") for c in injured)
    killed = [c for c in claims_of(result, "killed") if c["count"]]
    assert killed and killed[0]["period"]["start"] == "2023-10-08"


def test_a_harm_remembered_on_its_anniversary_is_dated_years_back_or_not_at_all(tmp_path: Path) -> None:
    text = "تصادف اليوم الذكرى السنوية الخامسة لمجزرة البلدة التي قتل فيها 40 مدنياً في 9 تشرين الأول بغارات."
    (killed,) = [c for c in claims_of(run(tmp_path, text), "killed") if c["count"]]
    assert killed["period"]["start"] == "2018-10-09"
    # how many years back is not said: the day of remembrance is no date of the massacre, nor is
    # the date of today's shelling told in the sentence before
    text = ("قتل ثلاثة مدنيين اليوم بقصف مدفعي على بلدة كفرنبل. "
            "وتزامن القصف مع ذكرى مجزرة السوق في البلدة التي قتل فيها 25 مدنياً بغارات روسية.")
    result = run(tmp_path, text)
    remembered = [c for c in claims_of(result, "killed") if c["count"] and c["count"]["low"] == 25]
    assert remembered and all(not (c["period"] or {}).get("start") for c in remembered)
    today = [c for c in claims_of(result, "killed") if c["count"] and c["count"]["low"] == 3]
    assert today and today[0]["period"]["start"] == "2023-10-09"


def test_an_english_anniversary_does_not_take_the_date_of_the_news(tmp_path: Path) -> None:
    result = run(tmp_path, "Residents marked the fifth anniversary of the massacre in which 40 civilians were killed "
                           "by regime shelling in Kafr Nabl.\nOn Sunday, shelling killed two children in Ariha, the "
                           "civil defence said.")
    remembered = [c for c in claims_of(result, "killed") if c["count"] and c["count"]["low"] == 40]
    news = [c for c in claims_of(result, "killed") if c["count"] and c["count"]["low"] == 2]
    assert remembered and remembered[0]["period"] is None
    assert news and news[0]["period"]["start"] == "2023-10-08"


# ------------------------------------------------------------------ which place a claim gets


def test_in_a_round_up_each_toll_takes_the_place_of_its_own_clause(tmp_path: Path) -> None:
    text = ("أصيب أربعة مدنيين بقصف مدفعي على مدينة أريحا، وقتل مدني أيضا جراء القصف الصاروخي على قرية "
            "البارة في الريف نفسه، وقتلت امرأة في بلدة سرمين.")
    result = run(tmp_path, text)
    by_count = {c["count"]["text"]: c["place"]["text"] for c in result["claims"] if c["count"]}
    assert by_count["مدني"].startswith("قرية البارة")
    assert by_count["امرأة"].startswith("بلدة سرمين")
    assert by_count["أربعة مدنيين"].startswith("مدينة أريحا")


def test_the_town_the_wounded_were_taken_to_is_not_the_place(tmp_path: Path) -> None:
    text = ("قصفت مدفعية النظام قرية كفرعويد في جبل الزاوية صباح اليوم.\n\n"
            "وأسفر القصف عن إصابة ثلاثة مدنيين، نقلوا إلى مشفى مدينة أريحا.")
    (injured,) = claims_of(run(tmp_path, text), "injured")
    assert "كفرعويد" in injured["place"]["text"] and "أريحا" not in injured["place"]["text"]
    # a strike on the hospital itself is where the event was
    (injured,) = claims_of(run(tmp_path, "أصيب ممرضان بقصف استهدف مشفى مدينة أريحا."), "injured")
    assert "أريحا" in injured["place"]["text"]


def test_a_places_words_say_where_about_it_and_what_locates_it(tmp_path: Path) -> None:
    (killed,) = claims_of(run(tmp_path, "قتل مدنيان بغارة على أطراف قرية المغارة بريف إدلب الجنوبي."), "killed")
    assert killed["place"]["text"] == "أطراف قرية المغارة بريف إدلب الجنوبي"
    (killed,) = claims_of(run(tmp_path, "قتل مدني بقصف على وسط مدينة إدلب، وقصف آخر على مدينة سرمين"), "killed")
    assert killed["place"]["text"] == "وسط مدينة إدلب"


def test_a_sentence_end_glued_to_the_next_word_still_ends_the_sentence(tmp_path: Path) -> None:
    text = ("استهدفت طائرة مسيرة سيارة في قرية كفرعويد مساء اليوم. وقال شهود إن الهجوم أسفر عن إصابة "
            "ثلاثة مدنيين بجروح.كما استهدفت مسيرة أخرى قرية البارة دون إصابات.")
    (injured,) = [c for c in claims_of(run(tmp_path, text), "injured") if c["count"]]
    assert "كفرعويد" in injured["place"]["text"]


def test_a_neighbourhood_of_the_same_name_in_another_city_is_located_by_its_city(tmp_path: Path) -> None:
    # the gazetteer's القصور are neighbourhoods of Deir ez-Zor and Homs; this one is in Idlib
    (killed,) = claims_of(run(tmp_path, "قتل ثلاثة مدنيين بغارة جوية على حي القصور بمدينة إدلب."), "killed")
    place = killed["place"]
    assert place["precision"] == "near" and place["near"] == "Idlib" and place["text"] == "حي القصور بمدينة إدلب"
    (killed,) = claims_of(run(tmp_path, "قتل مدنيان بغارة على أحياء الخمارة والقصور في مدينة إدلب."), "killed")
    assert killed["place"]["precision"] == "near" and killed["place"]["near"] == "Idlib"
    (killed,) = claims_of(run(tmp_path, "قتل ثلاثة مدنيين بغارة جوية على حي القصور بمدينة دير الزور."), "killed")
    assert killed["place"]["name"] == "Al-Qusour (Deir ez-Zor)"


def test_what_locates_a_victims_home_town_is_not_the_place_either(tmp_path: Path) -> None:
    text = ("قصفت المدفعية صباح اليوم الأراضي الزراعية في محيط قرية كفرعويد بجبل الزاوية.\n\n"
            "وأسفر القصف عن مقتل المواطن سامر خالد 30 عاماً، من أهالي ناحية جنديرس في عفرين.")
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert "كفرعويد" in killed["place"]["text"]


def test_a_place_word_that_is_part_of_a_hashtag_name_resolves_it(tmp_path: Path) -> None:
    (killed,) = claims_of(run(tmp_path, "مقتل مدنيين اثنين بقصف على قافلة متجهة إلى #سد_تشرين"), "killed")
    assert killed["place"]["name"] == "Tishreen Dam"


def test_where_the_dead_were_buried_is_not_where_they_were_killed(tmp_path: Path) -> None:
    text = "شيعت مدينة إدلب اليوم الشهيد سامر الذي قتل بغارة جوية على مدينة مورك بريف حماة."
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["place"]["name"] == "Morek"


def test_the_area_of_a_town_is_as_good_a_place_as_the_town(tmp_path: Path) -> None:
    text = ("قتل ثلاثة أشخاص في عملية إنزال جوي فجر اليوم بالقرب من منطقة أطمة شمال إدلب.\n"
            "وسمعت أصوات اشتباكات في قرية كفرعويد.")
    killed = claims_of(run(tmp_path, text), "killed")
    assert killed and all("أطمة" in c["place"]["text"] for c in killed)


def test_a_claim_with_only_a_region_takes_the_village_the_next_sentence_says_was_hit(tmp_path: Path) -> None:
    lead = "تصعيد جديد في الشمال.\nوتشهد المنطقة توتراً منذ أيام.\n"  # (the lead's own look-ahead aside)
    text = (lead + "قتل مدنيان وأصيب ثلاثة آخرون جراء قصف مدفعي على ريف إدلب صباح اليوم.\n"
            "واستهدف القصف قرية تل المشمش بريف إدلب الجنوبي.")
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert "تل المشمش" in killed["place"]["text"] and killed["place"]["admin1"] == "Idlib"
    # a village of another governorate is another event: the region stays
    text = (lead + "قتل مدنيان وأصيب ثلاثة آخرون جراء قصف مدفعي على ريف إدلب صباح اليوم.\n"
            "وقصفت الطائرات أيضاً قرية تل المشمش بريف الحسكة.")
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["place"]["name"] == "Idlib"
    # a sentence that reports harm of its own keeps its village to itself
    text = (lead + "قتل مدنيان جراء قصف مدفعي على ريف إدلب صباح اليوم.\n"
            "كما أصيب طفل بقصف استهدف قرية تل المشمش بريف إدلب الجنوبي.")
    killed = claims_of(run(tmp_path, text), "killed")
    assert killed and all(c["place"]["name"] == "Idlib" for c in killed)


def test_the_towns_a_road_runs_between_are_not_the_place_named_with_them(tmp_path: Path) -> None:
    text = "استهدفت مسيرة سيارة في قرية تل المشمش أثناء سيرها على طريق القامشلي - عامودا، ما أدى لمقتل مدنيين اثنين."
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert "تل المشمش" in killed["place"]["text"]
    # with only the road's towns, the road is reckoned from the first
    text = "قتل ثلاثة مدنيين بغارة مسيرة على سيارة عند حاجز على الطريق الواصل بين مدينتي تل براك والهول."
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["place"]["name"] == "Tal Brak"


def test_a_clause_that_begins_with_fima_reports_its_own_event_and_place(tmp_path: Path) -> None:
    text = ("قتل مدنيان برصاص مسلحين في قرية تل المشمش بريف الحسكة، فيما قتل طفل برصاص قناص، "
            "خلال اشتباكات في منطقة الكرمة في بلدة أبو حمام بريف دير الزور الشرقي.")
    killed = claims_of(run(tmp_path, text), "killed")
    by_count = {c["count"]["low"]: c["place"]["text"] for c in killed}
    assert "تل المشمش" in by_count[2]
    assert "أبو حمام" in by_count[1] and "تل المشمش" not in by_count[1]


def test_the_place_of_a_dual_place_word_names_both_villages(tmp_path: Path) -> None:
    text = "قتل مدنيان بقصف مدفعي استهدف قريتي تل المشمش والكرمة بريف الحسكة."
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["place"]["text"] == "قريتي تل المشمش والكرمة بريف الحسكة"


def test_of_a_list_of_villages_hit_the_located_one_is_the_place(tmp_path: Path) -> None:
    # the gazetteer knows Sarmin, not "زعرورة": the event is at both, Sarmin puts it on the map
    for text in ("قتل مدنيان بقصف مدفعي استهدف قرية زعرورة وبلدة سرمين فجر اليوم.",
                 "قتل مدنيان بقصف مدفعي استهدف بلدة سرمين وقرية زعرورة فجر اليوم."):
        (killed,) = claims_of(run(tmp_path, text), "killed")
        assert killed["place"]["name"] == "Sarmin"
    # not a village of another clause
    text = "قصفت المدفعية بلدة سرمين صباحا، ثم قتل مدنيان بقصف على قرية زعرورة."
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["place"]["name"] == "زعرورة"


def test_a_street_or_an_outlet_named_after_a_town_is_not_the_town(tmp_path: Path) -> None:
    text = "أصيب ثلاثة مدنيين بقصف مدفعي على شارع إدلب في مدينة حماة."
    (injured,) = claims_of(run(tmp_path, text), "injured")
    assert injured["place"]["name"] == "Hama"
    text = "Regime jets bombed #Hama city's Idlib Street, injuring four civilians."
    (injured,) = claims_of(run(tmp_path, text), "injured")
    assert injured["place"]["name"] == "Hama"
    text = 'قتل طفل جراء قصف صاروخي على ريف إدلب الغربي، حسبما أفاد مراسل "حلب اليوم".'
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert killed["place"]["name"] == "Idlib"


def test_where_the_attackers_are_posted_is_not_where_the_shells_fell(tmp_path: Path) -> None:
    text = "قتل مدنيان بقصف مدفعي نفذته القوات المتمركزة في مدينة سراقب على قرية تل المشمش."
    (killed,) = claims_of(run(tmp_path, text), "killed")
    assert "تل المشمش" in killed["place"]["text"]
    text = "أصيب ثلاثة مدنيين بقصف صاروخي مصدره مواقع النظام في مدينة سراقب استهدف بلدة تل المشمش."
    (injured,) = claims_of(run(tmp_path, text), "injured")
    assert "تل المشمش" in injured["place"]["text"]


def test_user_grammar_words_reach_the_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word added in a user's ar/grammar.toml (MARSAD_DATA) is read by the pattern built from that key."""
    from marsad import extract, resources

    def fresh() -> None:
        resources.load.cache_clear()
        extract._grammar.cache_clear()
        extract._g.cache_clear()

    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "grammar.toml").write_text('[places]\nwhereabouts = ["جوار"]\n'
                                                  '[elsewhere]\nhospital_nouns = ["مستوصف"]\n', encoding="utf-8")
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path))
    fresh()
    try:
        whereabouts, hint = extract._WHEREABOUTS_BEFORE._build(), extract._ELSEWHERE_HINT._build()
        assert whereabouts.search("سقطت قذيفة جوار ") and whereabouts.search("سقطت قذيفة وسط ")
        assert hint.search("نقل إلى مستوصف ") and hint.search("وصل إلى مستوصف ")  # a word with no hint piece
        assert extract._ELSEWHERE_BEFORE._build().search("وصل الجرحى إلى مستوصف ")
    finally:
        monkeypatch.delenv("MARSAD_DATA")
        fresh()
    assert not extract._WHEREABOUTS_BEFORE._build().search("سقطت قذيفة جوار ")
    assert not extract._ELSEWHERE_HINT._build().search("وصل إلى مستوصف ")


@pytest.mark.parametrize(("text", "injured"), [
    ("قتل مزارع وأصيب آخر بجروح جراء قصف مدفعي على قرية تل المشمش.", (1, 1)),
    ("أسفرت الغارة عن مقتل امرأتين وإصابة آخرين بجروح في بلدة كفرنبل.", (2, None)),
    ("استشهد ثلاثة مدنيين وأصيب اثنان آخران بقصف صاروخي على مدينة سراقب.", (2, 2)),
])
def test_the_wounded_others_are_counted(tmp_path: Path, text: str, injured: tuple) -> None:
    (claim,) = claims_of(run(tmp_path, text), "injured")
    assert (claim["count"]["low"], claim["count"]["high"]) == injured


def test_others_who_are_no_victims_make_no_claim(tmp_path: Path) -> None:
    text = "فرح بعضهم بمقتل زعيم العصابة وحزن آخرون."
    (claim,) = claims_of(run(tmp_path, text), "killed")  # the leader, not the others who grieved
    assert claim["count"]["text"] == "زعيم" and claim["count"]["low"] == 1


@pytest.mark.parametrize(("text", "victims"), [
    ("ألقت دورية للشرطة القبض على قيادي في الفصيل قرب بلدة الصنمين.", ["combatants"]),
    ("أعلنت الشرطة القبض على متزعم عصابة للخطف في بلدة الصنمين.", ["combatants"]),
    ("اعتقلت قوات الأمن زعيم الخلية فجر اليوم بعد القبض على شاب في بلدة الصنمين.", ["men"]),
])
def test_one_person_arrested_is_a_detention_of_one(tmp_path: Path, text: str, victims: list) -> None:
    (claim,) = claims_of(run(tmp_path, text), "detained")
    assert claim["count"]["low"] == claim["count"]["high"] == 1 and claim["victims"] == victims


@pytest.mark.parametrize(("text", "victims"), [
    ("أعلنت الوزارة مقتل زعيم تنظيم داعش في غارة على بلدة الصنمين.", ["combatants"]),  # the group's leader
    ("أعلنت الوزارة مقتل زعيم حزب معارض في غارة على بلدة الصنمين.", ["people"]),  # a party's
])
def test_the_group_right_after_a_leader_makes_him_a_combatant(tmp_path: Path, text: str, victims: list) -> None:
    (claim,) = claims_of(run(tmp_path, text), "killed")
    assert claim["count"]["low"] == 1 and claim["victims"] == victims


def test_a_leader_and_his_companions_add_up(tmp_path: Path) -> None:
    text = "قتل قيادي و3 من مرافقيه بغارة جوية على بلدة الصنمين."
    total, *parts = claims_of(run(tmp_path, text), "killed")
    assert total["count"]["low"] == 4 and sorted(p["count"]["low"] for p in parts) == [1, 3]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("لقي ثلاثة عمال مصرعهم وأصيب اثنان آخران بانفجار لغم في قرية تل المشمش.", (3, 3), (2, 2)),
    ("لقيت طفلة حتفها وأصيب 4 مدنيين بقصف مدفعي على مدينة سراقب.", (1, 1), (4, 4)),
])
def test_the_subject_inside_met_his_death_is_killed(tmp_path: Path, text: str, killed: tuple,
                                                    injured: tuple) -> None:
    result = run(tmp_path, text)
    assert [(c["count"]["low"], c["count"]["high"]) for c in claims_of(result, "killed")] == [killed]
    assert [(c["count"]["low"], c["count"]["high"]) for c in claims_of(result, "injured")] == [injured]


def test_a_bracketed_age_between_a_person_and_the_verb(tmp_path: Path) -> None:
    text = "أفاد مراسلنا بأن المزارع سليم عادل الخطيب (45 عاماً) أصيب بجروح بقصف مدفعي على قرية تل المشمش."
    (injured,) = claims_of(run(tmp_path, text), "injured")
    assert injured["count"]["low"] == 1
    text = "وحكمت المحكمة على 16 متهما (بينهم 3 غيابيا) بالإعدام."
    assert all(c["count"] is None or c["count"]["low"] != 16 for c in claims_of(run(tmp_path, text), "killed"))


def test_wounded_listed_after_the_parts_of_the_dead_are_wounded(tmp_path: Path) -> None:
    text = "عاجل: 12 قتيلا بينهم نساء وعشرات الجرحى جراء غارة جوية على بلدة كفرنبل."
    result = run(tmp_path, text)
    assert [c["count"]["low"] for c in claims_of(result, "killed") if c["count"]] == [12]
    assert [c["count"]["low"] for c in claims_of(result, "injured") if c["count"]] == [10]


def test_the_taliban_are_not_two_students(tmp_path: Path) -> None:
    text = "لقي 9 جنود مصرعهم عندما هاجمت حركة طالبان نقطة تفتيش في ولاية غزنة."
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed")] == [9]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("وقال مراسلنا إن مدنياً قتل وأصيبت امرأة بقصف مدفعي على بلدة كفرنبل.", [1], [1]),
    ("طفلة شهيدة وأربع إصابات بقصف مدفعي على بلدة كفرنبل.", [1], [4]),
    ("وأفاد مصدر طبي بأن عدد القتلى ارتفع إلى 7 والجرحى إلى 20 جراء القصف على مدينة سراقب.", [7], [20]),
    ("قتلت الغارات على مدينة سراقب 30 مدنيا وأصابت 50 آخرين.", [30], [50]),
    ("وقال المسؤول إن عدد الشهداء ارتفع إلى 12 وتسعة من الجرحى بحالة خطرة بعد القصف على سراقب.", [12], [9]),
    ("بلغ عدد الضحايا 9 معظمهم من الأطفال جراء القصف على مدينة سراقب.", [9], []),
    ('وأسفرت الغارة على مدينة سراقب عن مقتل "خمسة من المدنيين العزل" بحسب البيان.', [5], []),
    ("أدى القصف على بلدة كفرنبل لمقتل الشاب « سامر خالد العلي» وإصابة شقيقه.", [1], [1]),
    ("أدى القصف على بلدة كفرنبل إلى تهدم ثلاثة منازل وسقوط قتيل واحد.", [1], []),
])
def test_tolls_read_from_the_words_around_them(tmp_path: Path, text: str, killed: list, injured: list) -> None:
    result = run(tmp_path, text)
    assert [c["count"]["low"] for c in claims_of(result, "killed") if c["count"]] == killed
    assert [c["count"]["low"] for c in claims_of(result, "injured") if c["count"]] == injured


def test_english_countless_claim_takes_its_victims_from_the_subject_before_the_harm_word(tmp_path: Path) -> None:
    result = run(tmp_path, "Civilians were killed when jets struck the market of Ariha on Monday.")
    assert [(c["kind"], c["count"], c["victims"]) for c in result["claims"]] == [("killed", None, ["civilians"])]
    result = run(tmp_path, "Fighters have been wounded in clashes near Ariha, the monitor said.")
    assert [c["victims"] for c in claims_of(result, "injured")] == [["combatants"]]
    result = run(tmp_path, "Many fighters died when jets struck Ariha.")
    assert [c["victims"] for c in claims_of(result, "killed")] == [["combatants"]]
    # an active verb's subject is the killer, not the killed
    result = run(tmp_path, "Soldiers also killed a number of them near Ariha.")
    assert [c["victims"] for c in claims_of(result, "killed")] == [["people"]]


def test_a_death_threatened_or_risked_is_no_toll(tmp_path: Path) -> None:
    result = run(tmp_path, "حذرت منظمة إغاثية من أن الحصار يهدد بوفاة 250 طفلاً في بلدة الزبداني.")
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("affected", 250)]
    result = run(tmp_path, "يواجه نحو 90 مدنياً خطر الموت جوعاً في بلدة الزبداني المحاصرة.")
    assert [c["kind"] for c in result["claims"]] == ["affected"]
    result = run(tmp_path, "Aid workers said 250 children are at risk of death in the besieged town of Zabadani.")
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("affected", 250)]
    result = run(tmp_path, "وقال المجلس إن استمرار القصف سيؤدي حتماً إلى مقتل عشرات المدنيين في الزبداني.")
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("affected", 10)]
    result = run(tmp_path, "وأدى القصف على الزبداني إلى مقتل عشرات المدنيين.")  # what happened stays a toll
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("killed", 10)]
    # an intention: the people are at risk of being displaced or detained, none was yet
    result = run(tmp_path, "وتخطط السلطات لتهجير 500 مدني من البلدة الشهر المقبل.")
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("affected", 500)]
    result = run(tmp_path, "وأدى القصف إلى تهجير 500 مدني من البلدة.")
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("displaced", 500)]




def test_a_heading_over_a_list_of_names_counts_them(tmp_path: Path) -> None:
    text = ("قصف مدفعي على بلدة كفرنبل صباح اليوم\n\nأسماء المصابين جراء القصف:\n"
            "١- سامر خليل العبدو\n٢- عادل العمر\n٣- رنا الحسين\n")
    result = run(tmp_path, text)
    (injured,) = [c for c in claims_of(result, "injured") if c["count"]]
    assert (injured["count"]["low"], injured["count"]["high"]) == (3, 3)
    ev = injured["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["quote"]


def test_a_heading_over_items_numbered_with_a_full_stop(tmp_path: Path) -> None:
    # "1." is a sentence of its own for the splitter: the list goes on with the name on its line
    text = ("غارة جوية على قرية الزيتونة بريف إدلب الغربي فجر اليوم\n\nالشهداء :\n"
            "1. السيدة هند أحمد الخالد 30 سنة\n2. رنا سمير الخالد 3 سنوات\n3. كمال عادل السعدي\n")
    result = run(tmp_path, text)
    assert [(c["count"]["low"], c["count"]["high"]) for c in claims_of(result, "killed") if c["count"]] == [(3, 3)]


def test_names_after_a_harm_word_make_a_claim(tmp_path: Path) -> None:
    text = "أسفر القصف على بلدة كفرنبل عن مقتل \"سليم حمدان الراشد\" وإصابة كل من رنا الحسين وعادل العمر."
    result = run(tmp_path, text)
    assert [c["count"]["low"] for c in claims_of(result, "killed") if c["count"]] == [1]
    assert [c["count"]["low"] for c in claims_of(result, "injured") if c["count"]] == [2]


def test_a_place_after_a_harm_word_is_no_name(tmp_path: Path) -> None:
    text = "وأسفر القصف عن إصابة \"دير الزور\" بأضرار."
    assert all(c["count"] is None for c in run(tmp_path, text)["claims"])


def test_a_place_named_to_compare_with_is_not_the_place_of_the_event(tmp_path: Path) -> None:
    result = run(tmp_path, "قتل 4 مدنيين بقصف على الأحياء السكنية، في مشهد يتكرر كما حدث في مدينة عفرين العام الماضي.")
    assert [(c["kind"], c["place"]) for c in result["claims"]] == [("killed", None)]
    result = run(tmp_path, "قتل 4 مدنيين بقصف على بلدة سرمين، كما حدث في مدينة عفرين العام الماضي.")
    assert [c["place"]["name"] for c in result["claims"]] == ["Sarmin"]


@pytest.mark.parametrize(("text", "perpetrator"), [
    # the group the counted people belong to is whom they were, not who attacked them
    ("قصفت القوات التركية قرية الصالحية، ما أدى إلى مقتل عنصرين من قوات النظام.", "turkey"),
    ("أعلنت القوات التركية مقتل زعيم تنظيم داعش في قرية الصالحية بعد اشتباك.", "turkey"),
    ("قتل 12 عنصرا من تنظيم داعش بقصف للتحالف الدولي على قرية الصالحية.", "intl_coalition"),
    ("قتل 9 عناصر من قوات النظام ومن حزب الله بقصف للتحالف الدولي على قرية الصالحية.", "intl_coalition"),
    # what the attack hit belongs to the other side: "نقطة عسكرية لقوات X" is the target
    ("قصفت طائرات مسيرة تركية نقطة عسكرية لقوات سوريا الديمقراطية قرب الصالحية، ما أسفر عن سقوط 12 قتيلا.",
     "turkey"),
    ("استهدفت الغارات مقراً تابعاً لقوات سوريا الديمقراطية قرب الصالحية، ما أسفر عن سقوط 5 قتلى.", "unknown"),
    # an attacker named by its weapon right after the victims is still the attacker
    ("أصيب طفل في قصف روسي على قرية الصالحية.", "russia"),
])
def test_the_group_of_the_counted_people_is_not_the_perpetrator(tmp_path: Path, text: str,
                                                               perpetrator: str) -> None:
    claims = [c for c in run(tmp_path, text)["claims"] if c["kind"] in ("killed", "injured")]
    assert claims and all(c["perpetrator"]["id"] == perpetrator for c in claims)


def test_a_group_named_only_as_the_victims_leaves_the_perpetrator_unknown(tmp_path: Path) -> None:
    (claim,) = claims_of(run(tmp_path, "مقتل عنصرين من قوات النظام بانفجار عبوة ناسفة قرب قرية الصالحية."),
                         "killed")
    assert claim["perpetrator"]["id"] == "unknown"


@pytest.mark.parametrize(("text", "claimant", "perpetrator"), [
    ("الدفاع المدني السوري: مقتل 5 مدنيين بقصف روسي على بلدة الصالحية.", "Syria Civil Defence (White Helmets)",
     "russia"),
    ("#قسد: مقتل 3 مدنيين في استهداف مسيرة تركية لسيارة قرب بلدة الصالحية.", "Syrian Democratic Forces", "turkey"),
])
def test_a_source_before_a_headline_colon_says_what_follows(tmp_path: Path, text: str, claimant: str,
                                                           perpetrator: str) -> None:
    (claim,) = claims_of(run(tmp_path, text), "killed")
    assert claim["claimant"]["name"] == claimant and claim["modality"] == "reported"
    assert claim["perpetrator"]["id"] == perpetrator  # the speaker is not the attacker


@pytest.mark.parametrize(("text", "kind", "counts"), [
    # (a member and his group are one noun phrase: the list "قيادي في الفصيل و3 من مرافقيه" adds up)
    ("قتل قيادي في الفصيل و3 من مرافقيه بغارة جوية على بلدة الصنمين.", "killed", [4, 1, 3]),
    ("قتل قيادي، وهو من أبناء البلدة، و3 من مرافقيه بغارة جوية على بلدة الصنمين.", "killed", [1, 3]),
    ('أدى القصف إلى مقتل عنصرين من "الفرقة الرابعة" وثلاثة مدنيين في بلدة الصنمين.', "killed", [2, 3]),
    ("أسفر القصف عن سقوط أربعة قتلى في بلدة الصنمين، إضافة لشخص في قرية مجاورة.", "killed", [4, 1]),
    ("أصيب طفلان في بلدة الصنمين، بالإضافة إلى ثلاث نساء في قرية مجاورة.", "injured", [2, 3]),
    ("اعتقلت الدورية رجلين من أهالي البلدة، وأربعة شبان من قرية مجاورة.", "detained", [2, 4]),
])
def test_a_count_goes_on_with_the_list_past_a_qualifier(tmp_path: Path, text: str, kind: str,
                                                        counts: list) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), kind)] == counts


@pytest.mark.parametrize("text", [
    "قتل مزارع بقصف على بلدة الصنمين، تاركا خلفه زوجة وسبعة أطفال.",  # those left behind
    "قتل مزارع بقصف على بلدة الصنمين، وهو أب لخمسة أطفال.",  # an apposition, no "and" before the count
    "قتل مزارع بقصف على بلدة الصنمين، حيث يقيم مع زوجته و3 أطفال.",  # a new clause
])
def test_no_list_goes_on_past_a_new_clause(tmp_path: Path, text: str) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed")] == [1]


@pytest.mark.parametrize(("text", "kind", "total", "part"), [
    ("أصيب ستة مدنيين بجروح، بينهم طفلة، بقصف مدفعي على بلدة الصنمين.", "injured", 6, 1),
    ("لقي تسعة أشخاص مصرعهم بينهم ثلاثة أطفال بقصف جوي على بلدة الصنمين.", "killed", 9, 3),
])
def test_a_harm_noun_saying_how_does_not_cut_off_the_parts(tmp_path: Path, text: str, kind: str, total: int,
                                                          part: int) -> None:
    result = run(tmp_path, text)
    claims = claims_of(result, kind)
    assert [(c["count"]["low"], c.get("part_of")) for c in claims] == [(total, None), (part, 0)]
    assert not [c for c in result["claims"] if c["kind"] != kind]


def test_a_harm_word_of_another_kind_still_cuts_off_the_parts(tmp_path: Path) -> None:
    text = "قتل خمسة مدنيين، وسقط عدد من الجرحى بينهم طفلان، بقصف على بلدة الصنمين."
    result = run(tmp_path, text)
    (killed,) = claims_of(result, "killed")
    assert killed["count"]["low"] == 5
    assert all(c["count"]["low"] != 2 or c["kind"] == "injured" for c in result["claims"])


def test_eliminated_is_a_killing_only_of_a_count_after_it(tmp_path: Path) -> None:
    result = run(tmp_path, "أعلن الجيش القضاء على 8 مسلحين في اشتباك قرب بلدة الصنمين.")
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("killed", 8)]
    assert run(tmp_path, "تعهد الوزير القضاء على الإرهاب في بلدة الصنمين.")["claims"] == []
    result = run(tmp_path, "يعمل 40 من عمال الإطفاء على القضاء على الحريق في بلدة الصنمين.")
    assert not [c for c in result["claims"] if c["count"]]


def test_a_plural_kidnap_verb_is_a_detention(tmp_path: Path) -> None:
    result = run(tmp_path, "وكان مسلحون قد اختطفوا ثلاثة عمال من بلدة الصنمين.")
    assert [(c["kind"], c["count"]["low"]) for c in claims_of(result, "detained")] == [("detained", 3)]


@pytest.mark.parametrize(("text", "kind", "low"), [
    ("قال المرصد إن ما لا يقل عن 12 مدنيا، قتلوا بقصف جوي على بلدة الصنمين.", "killed", 12),
    ("أفادت مصادر بأن مدنيين اثنين أحدهما طفل، استشهدا بقصف مدفعي على بلدة الصنمين.", "killed", 2),
    ("وذكرت المصادر أن خمسة أشخاص، أصيبوا برصاص قناص في بلدة الصنمين.", "injured", 5),
])
def test_a_plural_verb_after_its_subject_count_and_a_comma(tmp_path: Path, text: str, kind: str, low: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), kind) if c.get("part_of") is None] == [low]


def test_a_singular_verb_after_a_comma_starts_a_new_clause(tmp_path: Path) -> None:
    result = run(tmp_path, "وصل 40 شخصا إلى بلدة الصنمين، قتل مسلحون مجهولون رجلا فيها.")
    assert [c["count"]["low"] for c in claims_of(result, "killed")] == [1]


@pytest.mark.parametrize(("text", "kind", "low"), [
    ('وأعدم تنظيم "الدولة" أربعة مدنيين في بلدة الصنمين.', "killed", 4),  # the doer in quotes
    ('وقال المرصد إن عنصرين من ميليشيا "لواء القدس" قتلا بانفجار لغم في بلدة الصنمين.', "killed", 2),
    ('اعتقل مسلحو "الفرقة الرابعة" ثلاثة شبان من بلدة الصنمين.', "detained", 3),
])
def test_a_group_named_in_quotes_inside_the_clause(tmp_path: Path, text: str, kind: str, low: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), kind)] == [low]



@pytest.mark.parametrize(("text", "kind", "low"), [
    ('وذكر المرصد أن عدد القتلى على يد "الفرقة الرابعة" بلغ 12 مدنيا في بلدة الصنمين.', "killed", 12),
    ("وقال المرصد إن عدد قتلى الاشتباكات، التي بدأت أمس في بلدة الصنمين، ارتفع إلى 9 على الأقل.", "killed", 9),
    ("وقالت المصادر إن عدد قتلى الفصيل في بلدة الصنمين بلغ 20 عنصرا، فيما جرح نحو 30 آخرين.", "killed", 20),
])
def test_the_number_of_the_harmed_reached_a_count(tmp_path: Path, text: str, kind: str, low: int) -> None:
    result = run(tmp_path, text)
    assert [c["count"]["low"] for c in claims_of(result, kind) if c["count"]][:1] == [low]
    assert not [c for c in claims_of(result, "injured") if c["count"] and c["count"]["low"] == low]


@pytest.mark.parametrize(("text", "low"), [
    ("فقد مدني حياته وأصيب آخر بجروح جراء قصف على بلدة الصنمين.", 1),
    ("وفقد ما لا يقل عن 30 شخصا أرواحهم في قصف على بلدة الصنمين.", 30),
    ("تسبب القصف على بلدة الصنمين بفقدان 5 مواطنين لحياتهم.", 5),  # the noun of loss, "ل" + life
])
def test_a_count_that_lost_its_life_is_killed(tmp_path: Path, text: str, low: int) -> None:
    result = run(tmp_path, text)
    assert [c["count"]["low"] for c in claims_of(result, "killed")] == [low]
    assert not claims_of(result, "missing")


def test_the_verb_of_a_count_does_not_cut_off_its_parts(tmp_path: Path) -> None:
    result = run(tmp_path, "وقال المرصد إن 31 مدنيا استشهدوا اليوم، بينهم خمسة أطفال، بقصف على بلدة الصنمين.")
    assert [(c["count"]["low"], c.get("part_of")) for c in claims_of(result, "killed")] == [(31, None), (5, 0)]


def test_a_doer_in_quotes_right_after_the_verb(tmp_path: Path) -> None:
    result = run(tmp_path, 'واختطفت "الفرقة الرابعة" ما لا يقل عن 11 مدنيا من بلدة الصنمين.')
    assert [c["count"]["low"] for c in claims_of(result, "detained")] == [11]


def test_mourned_fighters_are_killed(tmp_path: Path) -> None:
    result = run(tmp_path, "ونعت الحركة أربعة من مقاتليها في بيان عن المعارك قرب بلدة الصنمين.")
    assert [c["count"]["low"] for c in claims_of(result, "killed")] == [4]


def test_lost_is_missing_only_for_the_count_after_it(tmp_path: Path) -> None:
    assert claims_of(run(tmp_path, "وقال أحد سكان البلدة الذي فقد منزله في القصف إن الغارات لم تتوقف."),
                     "missing") == []
    (claim,) = claims_of(run(tmp_path, "فقد 3 أطفال في البحر قرب مدينة جبلة منذ يومين."), "missing")
    assert claim["count"]["low"] == 3


def test_a_place_names_the_whole_list_of_towns_hit(tmp_path: Path) -> None:
    text = "قتل طفلان بغارات تركزت على محيط مدينة إدلب وبلدة كنصفرة وبلدة الصالحية الشرقية ومنطقة الخشابية."
    (claim,) = claims_of(run(tmp_path, text), "killed")
    assert claim["place"]["name"] == "Idlib"
    assert claim["place"]["text"] == "محيط مدينة إدلب وبلدة كنصفرة وبلدة الصالحية الشرقية ومنطقة الخشابية"


def test_a_harm_verb_joined_by_and_takes_the_place_of_its_own_part(tmp_path: Path) -> None:
    result = run(tmp_path, "قتل 3 مدنيين في بلدة كنصفرة وأصيب 5 مدنيين في بلدة البارة بقصف مدفعي.")
    assert [(c["kind"], c["place"]["name"]) for c in result["claims"]] == [("killed", "Kansafra"),
                                                                            ("injured", "Al-Bara")]


def test_refusing_something_else_is_no_denial(tmp_path: Path) -> None:
    text = "قتل الشاب سامر خالد خلال مداهمة لمنزله في قرية الصالحية، ورفضت القوة المداهمة تسليم جثته."
    (claim,) = claims_of(run(tmp_path, text), "killed")
    assert claim["modality"] == "asserted"
    text = "قتل 4 مدنيين بغارة على قرية الصالحية، ورفضت وزارة الدفاع الروسية الاتهامات."
    (claim,) = claims_of(run(tmp_path, text), "killed")
    assert claim["modality"] == "denied"


def test_rejecting_something_else_is_no_denial_in_english(tmp_path: Path) -> None:
    text = "Four civilians were killed in an airstrike on the town of Saraqib, and the rebels rejected a truce."
    (claim,) = claims_of(run(tmp_path, text, published="2019-07-23"), "killed")
    assert claim["modality"] == "asserted"
    text = "Four civilians were killed in an airstrike on the town of Saraqib; Moscow rejected the accusations."
    (claim,) = claims_of(run(tmp_path, text, published="2019-07-23"), "killed")
    assert claim["modality"] == "denied"


def test_a_total_does_not_take_the_village_of_the_incident(tmp_path: Path) -> None:
    text = ("قتل طفل بقصف مدفعي على بلدة كنصفرة صباح اليوم. ووثقت الشبكة مقتل 1200 مدني منذ بداية العام في "
            "شمال غربي سوريا.")
    claims = run(tmp_path, text)["claims"]
    total = next(c for c in claims if c["scope"] == "aggregate")
    assert total["place"] is None or total["place"]["name"] != "Kansafra"
    assert next(c for c in claims if c["scope"] == "incident")["place"]["name"] == "Kansafra"


def test_a_town_of_another_governorate_does_not_override_the_one_the_claim_names(tmp_path: Path) -> None:
    text = ("Shelling hit the town of Douma on Monday. In the east, at least 10 Syrian soldiers were killed "
            "in clashes with IS jihadists in the eastern province of Deir Ezzor, a monitor said.")
    (claim,) = claims_of(run(tmp_path, text, published="2014-10-14"), "killed")
    assert claim["place"]["name"] == "Deir ez-Zor"


@pytest.mark.parametrize(("text", "kind", "low"), [
    ("سقطت قذيفة على مخيم كمونة ما أدى إلى مقتل 16 نازحا معظمهم من الأطفال.", "killed", 16),
    ("أعدم التنظيم 5 معتقلين في سجن المدينة أمس.", "killed", 5),
    ("Air strikes killed 12 refugees in a camp near the border.", "killed", 12),
    ("نزح 300 نازح من بلدة الصنمين خلال يومين.", "displaced", 300),
])
def test_a_harm_word_says_what_happened_to_displaced_or_held_people(tmp_path: Path, text: str, kind: str,
                                                                     low: int) -> None:
    result = run(tmp_path, text)
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"] if c["count"]] == [(kind, low)]


def test_the_noun_of_another_count_does_not_say_what_happened_to_displaced_people(tmp_path: Path) -> None:
    result = run(tmp_path, "وأوقعت الحرب أكثر من 330 ألف قتيل وملايين اللاجئين منذ ست سنوات.")
    assert ("displaced", 1_000_000) in [(c["kind"], c["count"]["low"]) for c in result["claims"] if c["count"]]



@pytest.mark.parametrize(("text", "victims"), [
    ("قتل 3 مسلحين وجرح 4 آخرين في قصف على بلدة الصنمين.", ["combatants"]),
    ("استشهد مدنيان وأصيب 5 آخرون في قصف على بلدة الصنمين.", ["civilians"]),
    ("Three soldiers were killed and five others wounded in the town.", ["combatants"]),
    ("مقتل طفل وإصابة 3 آخرين في قصف على بلدة الصنمين.", ["people"]),  # the others need not be children
])
def test_others_are_more_of_the_civilians_or_fighters_counted_before(tmp_path: Path, text: str,
                                                                     victims: list[str]) -> None:
    (injured,) = claims_of(run(tmp_path, text), "injured")
    assert injured["victims"] == victims


def test_a_count_before_in_the_killing_of_is_no_victim(tmp_path: Path) -> None:
    result = run(tmp_path, "محكمة تدين جنديا في مقتل 3 جنود قرب بلدة الصنمين.")
    assert [(c["kind"], c["count"]["low"]) for c in result["claims"]] == [("killed", 3)]


# ------------------------------------------------------------------ arrests and leaders
def test_a_leader_and_some_of_his_members_arrested(tmp_path: Path) -> None:
    text = ("تمكنت قوات الأمن من إلقاء القبض على القيادي في تنظيم داعش الملقب أبو خالد، وذلك إلى جانب عدد "
            "من عناصره في بلدة الصنمين.")
    found = claims_of(run(tmp_path, text), "detained")
    assert [(c["count"]["low"], c["count"]["vague"], c["victims"]) for c in found] == [
        (1, False, ["combatants"]), (2, True, ["combatants"])]
    assert all(c["place"]["name"] for c in found)
    assert all(c["perpetrator"]["id"] != "isis" for c in found)  # the leader's group is not the doer


@pytest.mark.parametrize("text", [
    "والي حمص بتنظيم داعش بقبضة الأمن العام في المدينة.",
    "وقع خمسة من عناصر التنظيم في قبضة الجيش قرب البلدة.",
])
def test_in_custody_is_detention(tmp_path: Path, text: str) -> None:
    (c,) = claims_of(run(tmp_path, text), "detained")
    assert c["count"]["low"] in (1, 5)


def test_a_town_in_the_grip_of_a_group_is_no_detention(tmp_path: Path) -> None:
    assert not claims_of(run(tmp_path, "سقطت المدينة في قبضة التنظيم عام 2014 بعد معارك عنيفة."), "detained")


def test_the_leader_killed_with_his_group_after_him_is_not_the_killer(tmp_path: Path) -> None:
    (c,) = claims_of(run(tmp_path, "مقتل القائد العسكري لحركة أحرار الشام في غارة جوية على بلدة الصنمين."), "killed")
    assert c["count"]["low"] == 1 and c["victims"] == ["combatants"]
    assert c["perpetrator"]["id"] != "armed_opposition"


@pytest.mark.parametrize(("text", "n"), [
    ("Iraqi security forces arrested a senior IS commander in Mosul on Sunday.", 1),
    ("Police said two suspected militants were taken into custody in Mosul.", 2),
    ("Three fighters of the group are now in the custody of the police in Mosul.", 3),
])
def test_english_arrest_of_a_commander(tmp_path: Path, text: str, n: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "detained")] == [n]


@pytest.mark.parametrize(("text", "n"), [
    ("اغتيال القيادي في هيئة تحرير الشام أبو محمد الحلبي في بلدة الصنمين.", 1),
    ("اغتال مسلحون مجهولون قيادياً في حركة أحرار الشام في بلدة الصنمين.", 1),
    ("أعلن الجيش اغتيال 3 من قادة الفصيل بغارات على البلدة.", 3),
])
def test_an_assassination_of_counted_people_is_a_killing(tmp_path: Path, text: str, n: int) -> None:
    assert [c["count"]["low"] for c in claims_of(run(tmp_path, text), "killed")] == [n]


@pytest.mark.parametrize("text", [
    "نجا القيادي في الفصيل من محاولة اغتيال في بلدة الصنمين.",  # an attempt
    "قال إن الأجواء تشبه ما سبق اغتيال رفيق الحريري قبل سنوات.",  # a name recalled, no person noun
])
def test_an_assassination_without_a_counted_victim_is_no_killing(tmp_path: Path, text: str) -> None:
    assert not claims_of(run(tmp_path, text), "killed")


@pytest.mark.parametrize("text", [
    "قضت محكمة عسكرية بإعدام 5 متهمين في القضية.",
    "وكانت محكمة الجنايات قد قضت بالسجن المؤبد على 14 متهما.",
    "A court sentenced 12 men to death on Sunday.",
    "ألغت محكمة النقض أحكاما بالإعدام بحق 40 متهما في القضية.",  # the word of execution after a word of sentence
    "دعت منظمات حقوقية إلى إلغاء عقوبة الإعدام في البلاد.",  # (a demand, no execution)
    "صورة لثلاثة ممن حكم عليهم بالإعدام في قضية الهجوم على القسم.",  # (an attack word in the sentence)
    "Rights groups urged the government to abolish the death penalty.",
])
def test_a_sentence_of_a_court_is_no_harm(tmp_path: Path, text: str) -> None:
    assert run(tmp_path, text)["claims"] == []


@pytest.mark.parametrize(("text", "low"), [
    ("نفذت السلطات حكم الإعدام بحق 5 مدنيين في السجن.", 5),  # carried out
    ("The group executed four men it had sentenced to death, the Observatory said.", 4),
    ("نفذت مصلحة السجون في العاصمة، صباح الأحد، حكم الإعدام في 6 مدنيين شنقا.", 6),  # a long subject between
    ("التنظيم ينفذ حكم الإعدام بحق 3 مدنيين في ساحة البلدة.", 3),  # a headline's present tense
    ("واصل الجيش إحكام الحصار على البلدة وقتل 3 مدنيين في القصف.", 3),  # إحكام (tightening) is no sentence
])
def test_a_sentence_carried_out_is_harm(tmp_path: Path, text: str, low: int) -> None:
    assert [c["count"]["low"] for c in run(tmp_path, text)["claims"] if c["kind"] == "killed" and c["count"]] == [low]


@pytest.mark.parametrize("text", [
    "كم هو عدد ضحايا المعارك التي شهدتها المدينة؟",
    "هل قتل 5 مدنيين في القصف على البلدة فعلاً؟",
    "وهل هناك من قتل من المدنيين أكثر من هذا النظام؟",
    "How many civilians were killed in the raid on the village?",
])
def test_a_question_asserts_no_toll(tmp_path: Path, text: str) -> None:
    assert run(tmp_path, text)["claims"] == []


@pytest.mark.parametrize("text", [
    "مقتل 5 مدنيين بقصف على البلدة فمن المسؤول؟",
    "Five civilians killed in a raid on the village: who is responsible?",
])
def test_a_toll_before_a_question_stays(tmp_path: Path, text: str) -> None:
    (c,) = claims_of(run(tmp_path, text), "killed")
    assert c["count"]["low"] == 5


@pytest.mark.parametrize(("text", "victims"), [
    ("وقالت الفصائل إنها سيطرت على القرية بعد معارك مع التنظيم ومقتل 14 في صفوفه.", ["combatants"]),
    ("The group said 12 were killed in its ranks during the battle for the town.", ["combatants"]),
    ("وقتل 5 في صفوفهم خلال القصف على الحي.", ["people"]),  # "their ranks" may be of people
])
def test_killed_in_its_ranks_are_fighters(tmp_path: Path, text: str, victims: list[str]) -> None:
    (c,) = claims_of(run(tmp_path, text), "killed")
    assert c["victims"] == victims


@pytest.mark.parametrize(("text", "low"), [
    ("أودى القصف الجوي على البلدة أمس بحياة 12 مدنياً.", 12),
    ("وأودت الحرب بحياة أكثر من 500 ألف شخص منذ عام 2011.", 500001),
])
def test_claimed_lives_with_the_subject_between(tmp_path: Path, text: str, low: int) -> None:
    (c,) = claims_of(run(tmp_path, text), "killed")
    assert c["count"]["low"] == low


@pytest.mark.parametrize("text", [
    "وتراجع عدد القتلى بعد الهدنة مقارنة بـ 120 قتيلاً يومياً في المناطق الخارجة عن سيطرة التنظيم.",
    "An average of 50 civilians were killed per day in the besieged city.",
])
def test_a_rate_is_no_incident(tmp_path: Path, text: str) -> None:
    (c,) = claims_of(run(tmp_path, text), "killed")
    assert c["scope"] == "aggregate"


@pytest.mark.parametrize(("text", "high", "victims"), [
    ("سقط 25 شخصاً بين قتيل وجريح في القصف على البلدة.", 24, ["people"]),
    ("وارتفعت حصيلة التفجير في السوق إلى 40 قتيلاً وجريحاً.", 39, ["people"]),
    ("أسفر القصف على البلدة عن مقتل وإصابة 30 مدنياً.", 29, ["civilians"]),
    ("قتل وجرح أكثر من 30 شخصاً في القصف على السوق.", None, ["people"]),
    ("The strike killed or wounded 30 civilians in the town.", 29, ["civilians"]),
])
def test_a_toll_of_killed_and_wounded_together_is_no_death_toll(tmp_path: Path, text: str, high: int | None,
                                                                  victims: list[str]) -> None:
    result = run(tmp_path, text)
    (killed,) = claims_of(result, "killed")
    (injured,) = claims_of(result, "injured")
    for c in (killed, injured):  # both happened: at least one of each, at most the total less one
        assert (c["count"]["low"], c["count"]["high"], c["count"]["vague"]) == (1, high, True)
        assert c["victims"] == victims


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("وأوضح المسؤول أن طفلاً قتل وجرح مدنيان في القصف على القرية.", 1, 2),
    ("وقالت المصادر إن لاجئاً عراقياً قتل وجرح آخرون جراء انفجار عبوة ناسفة.", 1, None),
    ("وأسفرت عملية الإنزال عن قتيل وجريح في القرية.", 1, 1),
])
def test_counts_around_the_verbs_of_both_are_their_own(tmp_path: Path, text: str, killed: int,
                                                       injured: int | None) -> None:
    result = run(tmp_path, text)
    assert [(c["count"]["low"], c["count"]["high"]) for c in claims_of(result, "killed")] == [(killed, killed)]
    assert [c["count"]["low"] for c in claims_of(result, "injured")] == ([injured] if injured else [])


@pytest.mark.parametrize("text", [
    "وأضاف البيان أن القصف المدفعي حقق إصابات مباشرة في صفوف المسلحين.",
    "لقي شخصان حتفهما وأصيب تسعة آخرون جراء اندلاع حريق في فندق وسط المدينة.",
    "Two people died when a blaze swept through a hotel in the city centre.",
    "ويهدف المشروع إلى الارتقاء بالمستوى التعليمي للطلبة في المدينة.",
])
def test_hits_accidental_fires_and_rising_standards_are_no_harm(tmp_path: Path, text: str) -> None:
    assert not [c for c in run(tmp_path, text)["claims"] if c["kind"] in ("killed", "injured")]


@pytest.mark.parametrize(("text", "low"), [
    ("قتل 3 أشخاص جراء حريق اندلع إثر قصف مدفعي على الحي.", 3),  # the shelling started the fire
    ("ارتقاء 5 شهداء في قصف على البلدة صباح اليوم.", 5),
])
def test_a_fire_from_an_attack_and_a_martyrs_rising_are_harm(tmp_path: Path, text: str, low: int) -> None:
    (c,) = claims_of(run(tmp_path, text), "killed")
    assert c["count"]["low"] == low


# ------------------------------------------------------------------ Arabic perpetrators: who is not the doer

def claim_doer(result: dict, kind: str = "killed") -> dict:
    return claims_of(result, kind)[0]["perpetrator"] or {}


def test_a_doer_named_by_its_deed_is_a_label_not_an_earlier_actor(tmp_path: Path) -> None:
    # the sentence before names another side; the bomber of this one is not known
    text = ("وقصفت قوات النظام قرية مجاورة أمس. وقتل سبعة مدنيين في تفجير انتحاري استهدف سوقا شعبيا "
            "في مدينة الباب.")
    doer = claim_doer(run(tmp_path, text))
    assert doer.get("id") == "unknown" and "انتحاري" in doer.get("text", "")
    # a group the same sentence names still wins over the label
    text = "وقتل سبعة مدنيين في تفجير انتحاري نفذه عنصر من تنظيم داعش في سوق مدينة الباب."
    assert claim_doer(run(tmp_path, text)).get("id") == "isis"
    text = "وقصفت قوات النظام أمس مواقع قريبة. وقتل مدنيان جراء اعتداء مجموعات إرهابية بالقذائف على حي سكني."
    assert claim_doer(run(tmp_path, text)).get("id") == "unknown"


def test_a_states_security_forces_are_that_state(tmp_path: Path) -> None:
    text = "قالت مصادر محلية إن قوات الأمن التركية قتلت ثلاثة مدنيين قرب الحدود."
    assert claim_doer(run(tmp_path, text)).get("id") == "turkey"


def test_sides_of_a_clash_named_with_other_clash_words(tmp_path: Path) -> None:
    text = "قتل أربعة أشخاص في مصادمات بين قوات سوريا الديمقراطية وأبناء العشائر في ريف دير الزور."
    assert claim_doer(run(tmp_path, text)).get("id") in (None, "unknown")


def test_the_side_holding_the_ground_is_not_the_doer(tmp_path: Path) -> None:
    text = "قتل ستة مدنيين في قصف جوي على بلدة كفرنبل الخاضعة لسيطرة فصائل المعارضة في ريف إدلب."
    assert claim_doer(run(tmp_path, text)).get("id") in (None, "unknown")
    text = "قتل ستة مدنيين في قصف جوي على مدينة الطبقة التي سقطت بأيدي مسلحي تنظيم داعش قبل عامين."
    assert claim_doer(run(tmp_path, text)).get("id") in (None, "unknown")
    # "على أيدي" is still the doer's hands
    text = "قتل ستة مدنيين على أيدي مسلحي تنظيم داعش في قرية قرب الطبقة."
    assert claim_doer(run(tmp_path, text)).get("id") == "isis"


def test_a_country_after_a_place_word_is_a_place(tmp_path: Path) -> None:
    text = "قتل خمسة أشخاص في انفجار سيارة مفخخة في بلدة حدودية جنوب شرقي تركيا."
    assert claim_doer(run(tmp_path, text)).get("id") in (None, "unknown")
    text = "قتل خمسة أشخاص في انفجار عبوة ناسفة في بلدة الراعي الحدودية مع تركيا."
    assert claim_doer(run(tmp_path, text)).get("id") in (None, "unknown")
    text = "قتلت تركيا خمسة مدنيين في قصف مدفعي على قرية قرب عفرين."
    assert claim_doer(run(tmp_path, text)).get("id") == "turkey"


def test_the_object_of_an_attack_verb_is_not_the_doer(tmp_path: Path) -> None:
    text = "باغتوا قوات سوريا الديمقراطية فجرا وقتلوا ثمانية عناصر قرب بلدة الشحيل."
    assert claim_doer(run(tmp_path, text)).get("id") != "sdf"
    text = "هاجم مسلحون قوات النظام قرب درعا ما أدى إلى مقتل سبعة عناصر."
    assert claim_doer(run(tmp_path, text)).get("id") != "syrian_government"
    # the subject right after the verb is the doer
    text = "هاجمت قوات النظام بلدة بصرى ما أدى إلى مقتل سبعة مدنيين."
    assert claim_doer(run(tmp_path, text)).get("id") == "syrian_government"


def test_the_group_of_the_harmed_named_after_a_member_word(tmp_path: Path) -> None:
    text = "قتلت غارة أمريكية اثنين من مسؤولي جماعة حزب الله قرب الحدود."
    assert claim_doer(run(tmp_path, text)).get("id") != "hezbollah"
    text = "قصف الطيران الإسرائيلي موقعا قرب الجولان وقتل أربعة مسلحين لداعش."
    assert claim_doer(run(tmp_path, text)).get("id") == "israel"
    text = "أعلن البنتاغون مقتل قيادي في تنظيم القاعدة قرب إدلب."
    assert claim_doer(run(tmp_path, text)).get("id") != "al_qaeda"
    text = "قتلت غارة جوية عددا من كبار قادة حزب الله في ريف القنيطرة."
    assert claim_doer(run(tmp_path, text)).get("id") != "hezbollah"


@pytest.mark.parametrize(("text", "low"), [
    ("أوقعت الهجمات في المدينة عدداً من القتلى وصل عددهم إلى 35 شخصاً.", 35),
    ("Dozens of people were killed in the strikes, and the death toll rose to 40 on Sunday.", 40),
])
def test_a_vague_toll_given_as_a_number_is_one_claim(tmp_path: Path, text: str, low: int) -> None:
    (c,) = claims_of(run(tmp_path, text), "killed")
    assert (c["count"]["low"], c["count"]["vague"]) == (low, False)


def test_a_vague_toll_and_another_number_stay_two(tmp_path: Path) -> None:
    text = "قتل عدد من المدنيين في القصف على البلدة، وأصيب 12 شخصاً في قرية مجاورة."
    result = run(tmp_path, text)
    assert [c["count"]["vague"] for c in claims_of(result, "killed")] == [True]


@pytest.mark.parametrize("text", [
    "أطلق عناصر الحاجز النار على سيارة تقل 4 مدنيين دون وقوع إصابات.",
    "نجا 5 مدنيين من الموت بأعجوبة بعد سقوط قذيفة قرب منزلهم.",
    "Three children survived the strike on the village school.",
])
def test_people_unharmed_are_no_toll(tmp_path: Path, text: str) -> None:
    assert not [c for c in run(tmp_path, text)["claims"] if c["kind"] in ("killed", "injured")]


@pytest.mark.parametrize(("text", "low"), [
    ("قتل 3 مدنيين في القصف على البلدة ونجا طفلهم.", 3),
    ("The strike killed four civilians in the village; two children survived.", 4),
    ("قتل 3 مدنيين في القصف دون وقوع إصابات أخرى.", 3),
])
def test_a_toll_beside_the_unharmed_stays(tmp_path: Path, text: str, low: int) -> None:
    (c,) = claims_of(run(tmp_path, text), "killed")
    assert c["count"]["low"] == low


def test_the_target_of_an_attack_after_a_space_is_not_the_doer(tmp_path: Path) -> None:
    # "مواقع قوات X", "ضد تنظيم X": X is what the attack aimed at
    text = "شنت الطائرات التركية غارات على مواقع قوات النظام قرب بلدة تادف ما أدى لمقتل 12 عنصراً."
    assert claim_doer(run(tmp_path, text)).get("id") == "turkey"
    text = "قتل سبعة مدنيين في غارات جوية للتحالف الدولي ضد تنظيم داعش في ريف البوكمال."
    assert claim_doer(run(tmp_path, text)).get("id") == "intl_coalition"
    text = "شن تنظيم داعش هجوماً على مقرات قوات سوريا الديمقراطية في ريف الرقة ما أدى لمقتل أربعة مدنيين."
    assert claim_doer(run(tmp_path, text)).get("id") == "isis"


def test_the_other_side_of_a_fight_after_against_may_be_the_doer(tmp_path: Path) -> None:
    # "قضى N في الاشتباكات ضد X": the counted fell fighting X, as with "الاشتباكات مع X"
    text = "وفي ريف حماة قضى ثلاثة مقاتلين في الاشتباكات ضد قوات النظام قرب بلدة اللطامنة."
    assert claim_doer(run(tmp_path, text)).get("id") == "syrian_government"
    text = "قتل قائد ميداني خلال معارك عنيفة ضد تنظيم داعش في ريف دير الزور."
    assert claim_doer(run(tmp_path, text)).get("id") == "isis"
    # but a war against X is no fight of the harmed: X is its target
    text = "قتل عشرة مدنيين خلال الحرب ضد تنظيم داعش التي تشنها الولايات المتحدة في مدينة الميادين."
    assert claim_doer(run(tmp_path, text)).get("id") == "intl_coalition"


def test_the_organisation_named_again_as_the_doer(tmp_path: Path) -> None:
    text = ("سيطر تنظيم داعش على قرية الصالحية شرق المدينة قبل أسبوع. "
            "وقصف التنظيم الحي الشرقي بقذائف الهاون ما أدى لمقتل خمسة مدنيين.")
    assert claim_doer(run(tmp_path, text)).get("id") == "isis"
    # when it is unclear which group, the doer is unknown rather than a neighbour
    text = ("اشتبك تنظيم داعش مع تنظيم القاعدة قرب القرية. "
            "وقصف التنظيم الحي الشرقي ما أدى لمقتل خمسة مدنيين.")
    assert claim_doer(run(tmp_path, text)).get("id") in (None, "unknown")


def test_the_dead_of_a_group_named_in_construct_are_not_its_victims(tmp_path: Path) -> None:
    # "قتلى X": X's own dead; "قتلى قصف X": the dead of X's attack
    text = "ارتفع عدد قتلى قوات النظام إلى 20 عنصراً في المعارك مع فصائل المعارضة شرق المدينة."
    assert claim_doer(run(tmp_path, text)).get("id") == "armed_opposition"
    text = "ارتفع عدد قتلى قصف النظام على الغوطة الشرقية إلى 12 مدنياً."
    assert claim_doer(run(tmp_path, text)).get("id") == "syrian_government"


# ------------------------------------------------------------------ speed helpers against plain references

_CATEGORIES = st.sampled_from(["outcome.killed.verbs", "aggregate", "unattributed", "commemoration", "cause.airstrike"])
_CUES = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 12), st.lists(_CATEGORIES, min_size=1, max_size=2)),
                 max_size=25).map(lambda rows: sorted((Cue(a, a + n, "x", tuple(cats)) for a, n, cats in rows),
                                                      key=lambda c: c.start))


@given(_CUES, st.sampled_from(["aggregate", "unattributed", "outcome", "cause", "commemoration"]),
       st.integers(-5, 220), st.integers(-5, 220))
def test_has_cue_is_any_cue_of_the_category_in_the_range(cue_list: list[Cue], prefix: str, start: int,
                                                          end: int) -> None:
    found = Found(counts=[], cues=cue_list, places=[], actors=[], sources=[], periods=[])
    plain = any(c.has(prefix) for c in cue_list if start <= c.start < end and c.end <= end)
    assert found.has_cue(prefix, start, end) == plain
    assert found.tagged(prefix) == [c for c in cue_list if c.has(prefix)]
