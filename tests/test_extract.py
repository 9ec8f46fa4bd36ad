"""Claim extraction end to end, Arabic and English, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from marsad.cues import find_cues
from marsad.extract import analyse, split_sentences
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


def test_toll_given_as_their_number(tmp_path: Path) -> None:
    result = run(tmp_path, "ونشرت شبكة محلية صوراً لجثث في البلدة، وقالت إن عددهم تجاوز المئتين.")
    assert any(c["count"] and c["count"]["low"] == 201 for c in claims_of(result, "killed"))


def test_killed_and_wounded_together_is_not_a_death_toll(tmp_path: Path) -> None:
    result = run(tmp_path, "سقط العشرات بين قتيل وجريح في انفجار سيارة مفخخة وسط مدينة الباب.")
    assert not [c for c in claims_of(result, "killed") if c["count"]]


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
