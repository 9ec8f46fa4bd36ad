"""Coverage of the project's own gazetteer entries (places.toml): villages, neighbourhoods, camps and
landmarks that conflict reports name, their ordinary-word homonyms, and places sharing a name.

Sentences are written for these tests.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from marsad import gazetteer as gz
from marsad.arabic import normalize
from marsad.gazetteer import find_places, lookup, unresolved_places

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
PLACES = ROOT / "src" / "marsad" / "data" / "gazetteer" / "places.toml"


@pytest.fixture(autouse=True, scope="module")
def _isolated_user_data(tmp_path_factory):
    """No test sees the developer's own gazetteer additions."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MARSAD_DATA", str(tmp_path_factory.mktemp("marsad-data")))
        gz.clear_cache()
        yield
    gz.clear_cache()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def _exact(text: str) -> list[tuple[str, str | None]]:
    return [(m.place.name, m.place.admin1) for m in find_places(text) if m.place.precision == "exact"]


# ------------------------------------------------------------------------------ villages resolve


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("قصفت الطائرات قرية الموزرة في جبل الزاوية صباح اليوم", "Al-Mozarah", "Idlib"),
    ("سقطت قذائف على بلدة مجدليا جنوب إدلب", "Majdalya", "Idlib"),
    ("غارات على قريتي سرجة ودير سنبل", "Serjah", "Idlib"),
    ("قتل مدنيان في قصف على بلدة كفربطيخ", "Kafr Batikh", "Idlib"),
    ("تعرضت بلدة ترمانين لقصف صاروخي", "Termanin", "Idlib"),
    ("اشتباكات في محيط خان طومان جنوب حلب", "Khan Tuman", "Aleppo"),
    ("قصف مدفعي على قرية عين دقنة في الريف الشمالي", "Ain Daqna", "Aleppo"),
    ("سقط برميل على حي بستان الباشا", "Bustan al-Basha", "Aleppo"),
    ("مجزرة في قرية التوخار شمال منبج", "Al-Tokhar", "Aleppo"),
    ("سيطرت القوات على بلدة مراط شرق الفرات", "Marrat", "Deir ez-Zor"),
    ("قصف على قرية سويدان جزيرة", "Swaydan", "Deir ez-Zor"),
    ("انفجار عند دوار النعيم وسط المدينة", "Al-Naim roundabout", "Raqqa"),
    ("قصف بالصواريخ على بلدة النعيمة شرق درعا", "Al-Naimah", "Daraa"),
    ("اشتباكات في حي طريق السد بمدينة درعا", "Tariq al-Sad", "Daraa"),
    ("قصف على بلدات أوتايا وحوش الضواهرة", "Utaya", "Rif Dimashq"),
    ("حاصر المقاتلون مبنى إدارة المركبات في حرستا", "Harasta vehicles base", "Rif Dimashq"),
    ("سقطت قذيفة على حي الشاغور في دمشق", "Al-Shaghour", "Damascus"),
    ("انفجرت سيارة في حي عكرمة بمدينة حمص", "Akrama", "Homs"),
    ("غارات على قرية فريكة في ريف جسر الشغور", "Furaykah", "Idlib"),
    ("استهدف القصف قرية السرمانية في سهل الغاب", "Al-Sirmaniyah", "Hama"),
    ("قصفت المروحيات حي الأربعين في حماة", "Al-Arbaeen (Hama)", "Hama"),
    ("اشتباكات قرب معبر سيمالكا", "Semalka crossing", "Al-Hasakah"),
    ("فرّ السكان من بلدة ألقوش في سهل نينوى", "Alqosh", "Nineveh"),
])
def test_named_villages_resolve_with_coordinates(text, name, admin1):
    hits = [m for m in find_places(text) if m.place.name == name]
    assert hits, _exact(text)
    place = hits[0].place
    assert place.admin1 == admin1
    assert place.lat is not None and place.lon is not None and place.precision == "exact"
    assert not [m for m in unresolved_places(text, find_places(text)) if m.place.name in hits[0].text]


@pytest.mark.parametrize(("text", "name"), [
    ("قصف على كللي وحزانو", "Kelly"),
    ("تقدمت القوات نحو Khan Tuman and Khan al-Asal", "Khan Tuman"),
    ("airstrikes hit the village of Majdalya in southern Idlib", "Majdalya"),
    ("fighting near Awn al-Dadat north of Manbij", "Awn al-Dadat"),
])
def test_arabic_lists_and_english_names(text, name):
    assert name in [m.place.name for m in find_places(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("قصف على بلدة إنخل", "Inkhil"),
    ("قصف على بلدة انخيل", "Inkhil"),
    ("دخلت القوات بلدة كفر صغير", "Kafr Saghir"),
    ("اشتباكات في تربه سبي شرق القامشلي", "Al Qahtaniyah"),
    ("غارة على حي هرابش في دير الزور", "Al-Harabish"),
    ("قصف على مدينة ابوكمال", "Abu Kamal"),
])
def test_spelling_variants_of_known_places(text, name):
    assert name in [m.place.name for m in find_places(text)]


# ------------------------------------------------------------------------------ ordinary words stay words


@pytest.mark.parametrize("text", [
    "أصدرت الوزارة بيانا معربة عن قلقها من الأوضاع",          # معربة: a town in Daraa
    "حصل كل طرف بنصيب من المساعدات",                          # نصيب: a village and a crossing
    "تحدث الكاتب عن عهد الخلفاء الراشدين",                     # الراشدين: an Aleppo neighbourhood
    "نقلت وكالة قاسيون الخبر عن مصادرها",                      # قاسيون: the mountain, a news agency
    "استمعنا إلى أغنية زهرة المدائن",                          # المدائن: a town near Baghdad
    "قال المحامي إن المسيح يحمل صليبه",                        # الصليبة: a Latakia neighbourhood
    "رحبت الدكتورة العسالي بالضيوف",                           # العسالي: a Damascus neighbourhood
    "تحدثت الرسالة عن الأشهر الهلالية",                        # الهلالية: a Qamishli neighbourhood
])
def test_homonyms_of_ordinary_words_are_not_places(text):
    assert _exact(text) == []


def test_deir_ez_zor_countryside_is_not_the_village_al_dayr():
    """ "ريف الدير الغربي" is Deir ez-Zor's western countryside, not the village al-Dayr al-Gharbi."""
    names = [m.place.name for m in find_places("قصفت الطائرات ريف الدير الغربي")]
    assert "Deir al-Gharbi" not in names


# ------------------------------------------------------------------------------ places sharing a name


@pytest.mark.parametrize(("text", "word", "admin1"), [
    ("قصف على قرية الصالحية في ريف دير الزور", "الصالحية", "Deir ez-Zor"),
    ("سقطت قذائف على حي الأربعين في درعا البلد", "الأربعين", "Daraa"),
    ("سقطت قذائف على حي الأربعين في مدينة حماة", "الأربعين", "Hama"),
    ("دمرت الغارات المسجد الأموي في حلب", "المسجد الأموي", "Aleppo"),
    ("احتشد المصلون في الجامع الأموي وسط دمشق", "الجامع الأموي", "Damascus"),
    ("قصفت الفصائل مطار النيرب العسكري قرب حلب", "مطار النيرب العسكري", "Aleppo"),
    ("سقطت قذائف في النيرب قرب سراقب بريف إدلب", "النيرب", "Idlib"),
    ("قصف على الرصافة والجبيلة في مدينة دير الزور", "الرصافة", "Deir ez-Zor"),
    ("وصلت القوات إلى الرصافة جنوب غرب الطبقة", "الرصافة", "Raqqa"),
    ("اشتباكات في حي الفردوس وسط الرقة", "الفردوس", "Raqqa"),
    ("انفجار في ضاحية الأسد قرب حرستا", "ضاحية الأسد", "Rif Dimashq"),
])
def test_context_picks_the_right_homonym(text, word, admin1):
    hits = [m for m in find_places(text) if m.text == word]
    assert hits, _exact(text)
    assert hits[0].place.admin1 == admin1 and hits[0].place.precision == "exact"


# ------------------------------------------------------------------------------ data file


def _entries() -> list[dict]:
    return [p for p in tomllib.loads(PLACES.read_text(encoding="utf-8"))["place"] if "geonameid" not in p]


def test_entry_names_are_unique_and_every_entry_is_reachable():
    entries = _entries()
    names = [p["name"] for p in entries]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    assert len(entries) > 400
    for p in entries:
        found = lookup(p["ar"][0])
        assert any(q.name == p["name"] for q in found), (p["name"], [q.name for q in found[:3]])


def test_places_sharing_a_key_are_far_apart():
    """Two curated entries with the same Arabic name are different places (else one is a duplicate)."""
    by_key: dict[str, list[dict]] = {}
    for p in _entries():
        for name in p["ar"]:
            by_key.setdefault(gz._ar_key(name), []).append(p)
    for key, ps in by_key.items():
        uniq = {p["name"]: p for p in ps}
        for a in uniq.values():
            for b in uniq.values():
                if a["name"] < b["name"]:
                    assert _km(a["lat"], a["lon"], b["lat"], b["lon"]) > 5, (key, a["name"], b["name"])


def test_index_builds_fast():
    code = ("import time; t = time.perf_counter(); from marsad import gazetteer as g; g._index(); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert float(out.stdout.strip()) < 2.0


# ------------------------------------------------------------------------------ real reports


def test_airwars_sources_leave_few_places_unresolved():
    path = SHARED / "corpus" / "airwars-dev.jsonl"
    if not path.is_file():
        pytest.skip("shared corpus not available")
    texts = [s["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
             for s in json.loads(line).get("sources", []) if s.get("text")]
    village_words = ("قري", "بلد", "مدين", "حي ", "مخيم", "ناحي", "مزرع", "ضاحي")
    exact = unresolved = 0
    for text in texts:
        found = find_places(text)
        exact += sum(m.place.precision == "exact" for m in found)
        # villages, towns and neighbourhoods named after their place word (not "منطقة X", "مجزرة X")
        unresolved += sum(1 for m in unresolved_places(text, found)
                          if normalize(m.text).lstrip("وفبل").startswith(village_words))
    assert unresolved / (exact + unresolved) < 0.15, (exact, unresolved)
