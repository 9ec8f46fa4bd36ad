"""Cue words: categories, proclitics, and words glued together by scraping."""

from __future__ import annotations

from marsad.cues import find_cues


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
