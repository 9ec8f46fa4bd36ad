"""Arabic normalisation (marsad.arabic) and language resources (marsad.resources)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import resources
from marsad.arabic import NormalizedText, clitic_variants, normalize, strip_article


def test_normal_form_unifies_spellings() -> None:
    assert normalize("إدلب") == normalize("ادلب") == "ادلب"
    assert normalize("مدرسة") == normalize("مدرسه")
    assert normalize("مستشفى") == normalize("مستشفي")
    assert normalize("قُتِلَ") == "قتل"
    assert normalize("٣٠٣٥ مدنيًا") == "3035 مدنيا"
    assert normalize("۱۲") == "12"
    assert normalize("Deir EZZOR") == "deir ezzor"


def test_words_broken_with_tatweel_are_read_whole() -> None:
    text = "ارتفاع عدد شهـ ـداء القصف و ضـ ـحـ ـايا المجـ.ـزرة"
    norm = NormalizedText.of(text)
    assert "شهداء" in norm.text and "ضحايا" in norm.text and "المجزره" in norm.text
    i = norm.text.index("ضحايا")
    start, end = norm.span(i, i + len("ضحايا"))
    assert text[start:end] == "ضـ ـحـ ـايا"


def test_spans_map_back_to_the_original() -> None:
    text = "قُتِلَ ثلاثةُ أطفالٍ في إدلب"
    norm = NormalizedText.of(text)
    for word, original in (("اطفال", "أطفال"), ("ادلب", "إدلب"), ("ثلاثه", "ثلاثة")):
        i = norm.text.index(word)
        start, end = norm.span(i, i + len(word))
        assert text[start:end] == original


arabic_text = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىة ًٌٍَُِّْـ.٠١٢٣ ،x")),
                      max_size=80)


@given(arabic_text)
def test_every_normalised_character_comes_from_its_original(text: str) -> None:
    norm = NormalizedText.of(text)
    assert len(norm.text) + len(norm.shifts) == len(text)
    for i, ch in enumerate(norm.text):
        assert normalize(text[norm.to_original(i)]) == ch


@given(st.text(max_size=200))
def test_normalising_any_text_keeps_one_character_per_kept_character(text: str) -> None:
    norm = NormalizedText.of(text)
    assert len(norm.text) + len(norm.shifts) == len(text)


def test_article_and_clitics() -> None:
    assert strip_article("الباغوز") == "باغوز"
    assert strip_article("ال") == "ال"
    assert "ادلب" in clitic_variants("وادلب")
    assert "رقه" in clitic_variants("بالرقه")


def test_user_resources_extend_the_bundled_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "cues.toml").write_text('[outcome.killed]\nverbs = ["انتقل الى رحمه الله"]\n',
                                                encoding="utf-8")
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path))
    resources.load.cache_clear()
    try:
        data = resources.load("ar/cues.toml")
        assert "انتقل الى رحمه الله" in data["outcome"]["killed"]["verbs"]
        assert "استشهد" in data["outcome"]["killed"]["verbs"]  # bundled words kept
    finally:
        resources.load.cache_clear()


def test_missing_resource_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError, match="no resource file"):
        resources.load("xx/nothing.toml")


@settings(max_examples=3000)
@given(arabic_text, st.integers(0, 80), st.integers(0, 80))
def test_a_slice_is_the_normal_form_of_the_slice(text: str, a: int, b: int) -> None:
    # the pipeline slices at sentence boundaries, never inside a word
    cuts = [0, len(text)] + [i for i, ch in enumerate(text) if ch == " "
                             and not set(text[max(0, i - 1):i + 2]) & set("ـ.*")]
    a, b = sorted((min(cuts, key=lambda c: abs(c - a)), min(cuts, key=lambda c: abs(c - b))))
    whole = NormalizedText.of(text)
    assert whole.slice(a, b) == NormalizedText.of(text[a:b])


@given(st.one_of(arabic_text, st.text(alphabet=st.sampled_from(list("ابةىأ *.x٣،ـً\u200f")), max_size=500)))
def test_normalize_is_the_normal_form(text: str) -> None:
    # normalize's shortcuts (a text with nothing to remove and no rarer character; the cache) give the
    # text of NormalizedText
    assert normalize(text) == NormalizedText.of(text).text
    assert normalize(text) == NormalizedText.of(text).text
