"""Cue words: categories, proclitics, words glued together by scraping; English cue tables."""

from __future__ import annotations

from marsad.cues import find_cues


def test_unattributed_phrases() -> None:
    cues = find_cues("It was not immediately clear who carried out the raid on the market.", "en")
    assert any(c.has("unattributed") for c in cues)
    assert not any(c.has("unattributed") for c in find_cues("It was clear the jets were Russian.", "en"))


def test_state_media_killing_verbs() -> None:
    (cue,) = [c for c in find_cues("Army units eliminated dozens of militants.", "en") if c.has("outcome")]
    assert cue.category("outcome") == "outcome.killed.verbs"


def test_more_shooting_and_explosion_words() -> None:
    found = {c.text: c.category("cause") for c in find_cues("Troops clashed with gunmen before rebels blew up "
                                                             "the tunnel.", "en") if c.has("cause")}
    assert found["clashed"] == "cause.shooting" and found["blew up"] == "cause.explosion"


def cats(text: str) -> dict[str, tuple[str, ...]]:
    found = find_cues(text, "ar")
    for c in found:
        assert text[c.start:c.end] == c.text
    return {c.text: c.categories for c in found}


def test_a_verb_takes_no_article_or_preposition() -> None:
    assert cats("قصف على بلدة كفر نبل") == {"قصف": ("cause.shelling",)}
    assert "outcome.displaced.verbs" in cats("فر السكان من القرية")["فر"]
    assert "الهجر" not in cats("اعتقلت الدورية الشاب معاوية الهجر")
    # a word listed as an event noun too keeps its article: "المقتل" / "بمقتل"
    assert "outcome.killed.events" in cats("أنباء بمقتل قائد")["بمقتل"]


def test_attack_and_massacre_words() -> None:
    found = cats("استهداف سيارة وإنزال جوي ومجزرة")
    assert found["استهداف"] == ("attack",)
    assert found["وإنزال جوي"] == ("attack",)
    assert "outcome.killed.events" in found["ومجزرة"]


def test_words_glued_after_ta_marbuta_or_alef_maqsura() -> None:
    found = cats("قصف على محطة السويديةاستشهد 8 أشخاص رحمه الله تعالىالشهيد")
    assert "outcome.killed.verbs" in found["استشهد"]
    assert "outcome.killed.nouns" in found["الشهيد"]


def test_glued_words_keep_offsets_with_removed_marks() -> None:
    text = "قُتِلَ شابٌ في مدينةاستـ ـهـ ـداف"
    found = find_cues(text, "ar")
    assert all(text[c.start:c.end] == c.text for c in found)
    assert [c.text for c in found if c.has("attack")] == ["استـ ـهـ ـداف"]


def test_negation_and_commemoration_words() -> None:
    found = cats("دون وقوع إصابات في الذكرى السنوية")
    assert found["دون"] == ("negation",)
    assert found["الذكرى السنوية"] == ("commemoration",)


def test_found_cues_are_ordinary_cues() -> None:
    # find_cues builds its Cue objects without the dataclass __init__: they must be the same values
    from dataclasses import replace

    from marsad.cues import Cue
    found = find_cues("قتل ثلاثة مدنيين وأصيب آخرون في غارة جوية", "ar")
    assert found
    for c in found:
        made = Cue(c.start, c.end, c.text, c.categories)
        assert c == made and hash(c) == hash(made) and repr(c) == repr(made)
        assert c.has(c.categories[0].split(".")[0]) and c.category(c.categories[0]) == c.categories[0]
        assert replace(c, end=c.end) == c
