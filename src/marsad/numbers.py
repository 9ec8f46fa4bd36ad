"""Count expressions: how many people a phrase of Arabic or English text speaks of.

``find_counts(text)`` returns every count expression in a text, in order and without overlaps, as
:class:`Count` objects whose ``start``/``end`` point into the ORIGINAL text:

- digits in Western, Arabic-Indic and Persian forms with thousands separators (``1,753``, ``٣٠٣٥``,
  ``٢٬٠٠٠``); decimals only before a scale word (``1.5 million``);
- number words with their gender, case, construct, dual and definite forms and attached proclitics
  (``ثلاثة آلاف``, ``أحد عشر``, ``مئتي``, ``الألفين``, ``وخمسة وعشرين``; ``twenty-two``, ``two
  hundred and five``, ``a dozen``);
- vague quantities recorded with a conservative low (``عشرات`` 10, ``مئات`` 100, ``dozens`` 12 ...);
- bounds and ranges (``أكثر من 20`` -> 21.., ``ما لا يقل عن 20`` -> 20.., ``نحو 20`` -> ~20,
  ``حتى 20`` -> ..20, ``أقل من 20`` -> ..19, ``بين 10 و15`` / ``10-15`` / ``10 to 15``);
- bare person nouns, which ARE counts in Arabic news: a singular ``مقتل طفل`` = 1, a dual
  ``طفلين`` / ``امرأتان`` = 2, an unvowelled ``مدنيين`` (dual or plural) = at least 2, vague;
  English ``a child`` = 1;
- lists, which add up: ``طفل وامرأة`` = 1 child + 1 woman; the list is one :class:`Count` with the
  total and its ``parts``; a comma list adds up when a conjunction closes it ("three children, a
  woman and two men" = 6, ``طفلان، وامرأة، ورجل`` = 4), not when a total comes first ("12 people,
  five children and three women");
- named people: a definite singular person noun and a person's name is ONE person with the noun's
  category (``استشهد الشاب محمد العلي``, ``مقتل الطفل "علي الوردي"``, "killing the child Ali
  al-Wardi"), with ``name`` set; named people and hashtags in a row (``#الشاب_فلان #الطفل_فلان``)
  add up. Outside a hashtag it counts only in a harm context (a cue word before the noun or after the
  name, القتيل/الجريح in the title chain, or a list it continues): "قال الطبيب محمد الأحمد" is a
  source. An unquoted name has two words at least: a first name alone (``الطفل محمد``) mostly refers
  back to someone already named;
- members of armed groups: a definite member noun right after a cue word, with its group or a name
  after it, is ONE person (``مقتل القيادي في هيئة تحرير الشام``, ``اعتقال القائد العسكري لحركة ...``);
  the group is part of the span (so it is not taken for the doer) and makes the category combatants.
  Without a group or a name (``وكان القيادي قد ...``) the noun mostly refers back and is no count;
- demonyms are people: "19 Syrians", "40 Assyrians" (any plural in -ians), ``5 سوريين``,
  ``عشرات الأكراد``;
- headline style, the noun before the number: ``قتلى 5``, ``الشهداء: 5``, ``الأطفال: 3``,
  "Dead: 5" (a noun of harm right before the number, any person noun before a colon; English takes
  only the colon form). The count carries the noun; the extractor reads the outcome from it.

What is NOT a count: superlatives (``أكبر عدد من الضحايا``, "the largest number of victims"),
years and dates (``2019``, ``9/02/2019``, ``21 آذار``), clock times, ages and
durations (``36 عاما``), percentages, money, distances, ordinals (``الثالث``, ``الحادي عشر``,
``3rd``), phone numbers, numbers in names and identifiers (``دير الزور24``, ``Resolution 2254``,
``F-16``). A number of things that are not people (``3 غارات``, ``five missiles``, ``عشرات
الصواريخ``) IS returned, with ``noun`` and ``category`` None: the claim extractor decides whether a
count without a person noun is a toll (``قتل 5`` is one).

Decisions worth knowing (the data files document the word-level ones):

- The span covers the bound words, the number and the person noun attached to it (``أكثر من 20
  مدنيا``, ``ثلاثة آلاف من المدنيين``, ``dozens of civilians``); a person noun used as an adjective
  right after it is part of the same count (``1753 قتيلا مدنيا`` -> civilians).
- ``up to n`` / ``حتى n`` gives low None (unknown), high n; ``less than n`` gives high n-1.
- Four digits from 1900 to 2100 without a person noun are a year, even after a bound or in a range
  (``منذ 1979 وحتى 1981``); with separators (``2,000``) or a noun (``2000 شخص``) they are counts.
- Definite numbers (``العشرين``, ``الـ15``) are ordinal-like and are counts only with a person noun or
  a bound (``تجاوز الألفين``); ``واحد`` / ``one`` only with a person noun.
- A bare singular noun that is often an adjective or has another sense (``مدني``, ``عسكري``, ``عنصر``)
  is a count only after a cue word (``مقتل``, ``إصابة``, ``بينهم``) or inside a list of counted
  nouns; English singulars need ``a`` / ``an`` / ``another``.
- Lists add up only when joined by و / "and" and of the same kind (killed and wounded never add up).
- ``language=None`` uses both lexicons (Arabic and English words cannot be confused); "ar" or "en"
  restrict the words, digits are read in both.

All words live in the data files ``data/ar/numbers.toml`` and ``data/en/numbers.toml`` (schema
described at their top); this module holds only the grammar. ``find_counts`` accepts a
:class:`marsad.arabic.NormalizedText` so that a pipeline normalises each document once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import filterfalse, islice
from typing import Any, NamedTuple

from marsad.actors import find_actors
from marsad.arabic import MARKS, NormalizedText, normalize
from marsad.resources import load

__all__ = [
    "Count",
    "PersonNoun",
    "find_counts",
    "noun_count",
    "parse_number_words",
    "person_noun",
    "to_arabic_words",
]

CATEGORIES = ("civilians", "children", "women", "men", "combatants", "people")
_CIVILIAN_SET = frozenset({"civilians", "children", "women"})


@dataclass(frozen=True)
class Count:
    """One count expression. ``text == original_text[start:end]``.

    ``low``/``high``: the range of people counted (None = open). ``vague``: a vague quantity
    ("hundreds", "عشرات", an unvowelled ``مدنيين``). ``approximate``: hedged with "about", "نحو".
    ``noun``: the normalised lemma of the person noun the count is attached to (in the span);
    ``category``: its victim category; for a list or a coordination ("مئات النساء والأطفال") the
    common category ("civilians" for children + women + civilians, else "people"), with every
    category in ``categories``. ``parts``: for a list that adds up ("طفل وامرأة"), its members.
    ``name``: for a named person ("الطفل علي الوردي", "the child Ali al-Wardi"), the name as written.
    """

    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    vague: bool = False
    approximate: bool = False
    noun: str | None = None
    category: str | None = None
    categories: tuple[str, ...] = ()
    parts: tuple[Count, ...] = ()
    name: str | None = None


@dataclass(frozen=True)
class PersonNoun:
    """What a person-noun token is: lemma, category, and the count its form implies."""

    lemma: str
    category: str
    kind: str | None  # killed | injured | missing | detained | displaced | None
    number: str  # singular | dual | dual_or_plural | plural
    definite: bool
    singular_count: str  # always | cue | never
    possessed: bool = False  # طفلها, زوجته, طفليه

    @property
    def count(self) -> tuple[int | None, int | None, bool] | None:
        """(low, high, vague) implied by the form alone, or None (a plural implies no number)."""
        if self.number == "singular":
            return (1, 1, False)
        if self.number == "dual":
            return (2, 2, False)
        if self.number == "dual_or_plural":
            return (2, None, True)
        return None


# --------------------------------------------------------------------------- lexicon

_AR = "\u0621-\u064a"
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_H, _T, _U = 1, 2, 4
_INF = float("inf")
_PROCLITIC_TOKENS = frozenset(
    {"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وب", "ول", "فب", "فل",
     "وك", "وبال", "فبال"}
)
_NATIONALITY = re.compile(r"[a-z]+(?:ian|ese|ish)$")
_DEMONYM_PLURAL = re.compile(r"[a-z]{3,}ians")  # Palestinians, Assyrians, pedestrians: people


@cache
def _age_adj() -> re.Pattern[str]:
    """"5-year-old": an age before a noun (the units of en/numbers.toml [not_counts] age_units)."""
    units = "|".join(re.escape(_n(w)) for w in load("en/numbers.toml")["not_counts"].get("age_units", []))
    return re.compile(rf"\d+-(?:{units})s?-old$")


@cache
def _both(section: str, key: str, *extra: str) -> frozenset[str]:
    """The words of ``key`` in ``section`` of both number files (with ``extra``): lists read in texts of
    either language."""
    return frozenset(extra) | {_n(w) for lang in ("ar", "en") for w in load(f"{lang}/numbers.toml")[section][key]}


@dataclass(frozen=True)
class _Noun:
    lemma: str
    category: str
    kind: str | None
    number: str
    singular_count: str
    possessed: bool = False


@dataclass
class _Lex:
    num: dict[str, tuple[str, Any, str]]  # base -> (cls, value, form)
    compound_only: frozenset[str]
    needs_noun: frozenset[str]
    vague_needs_noun: frozenset[str]
    one_of: frozenset[str]
    postposed: dict[str, int]
    articles: frozenset[str]
    vague: dict[str, list[tuple[tuple[str, ...], int, int, int | None]]]  # key -> (phrase, key idx, lo, hi)
    bounds: dict[str, list[tuple[tuple[str, ...], str]]]  # last word -> (phrase, kind), longest first
    post_bounds: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (phrase, kind)
    range_start: list[tuple[str, ...]]
    range_joiners: dict[str, tuple[str, ...]]  # first token -> phrase
    after: dict[str, list[tuple[str, ...]]]  # first token -> phrases
    months: frozenset[str]
    before_names: frozenset[str]
    before_time: frozenset[str]
    before_year: frozenset[str]
    ordinals: frozenset[str]
    cues: frozenset[str]
    blockers: frozenset[str]
    after_ok: frozenset[str]
    harm_cues: frozenset[str]
    that_words: frozenset[str]
    adjectives: frozenset[str]
    words: dict[str, tuple[int, bool, str]]  # surface -> (skip, definite, base) for number/vague/one_of
    nouns: dict[str, tuple[int, bool, _Noun]]  # surface -> (skip, definite, noun)
    anchors: frozenset[str]
    superlatives: frozenset[str] = frozenset()
    title_lemmas: frozenset[str] = frozenset()  # person nouns also used as honorific titles (شهيد)
    first_names: dict[str, bool] = field(default_factory=dict)  # memo: can this word start a name?
    person_nouns: dict[str, PersonNoun | None] = field(default_factory=dict)  # memo of person_noun()
    # the accusative singular of the demonyms that is a noun only as the singular accusative that follows
    # 11..99 ("25 فلسطينيا"; elsewhere "فلسطينيا" is an adverb)
    tamyiz: dict[str, _Noun] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()
    name_starters: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()  # titles of soldiers and police: the named are combatants
    name_cue_times: frozenset[str] = frozenset()  # time words between a harm word and a name
    month_ordinals: frozenset[str] = frozenset()  # the second word of a month name ("كانون الأول")
    not_names: frozenset[str] = frozenset()
    hand_words: frozenset[str] = frozenset()  # "على يد": after them علي is the preposition, not a name
    not_after_named: frozenset[str] = frozenset()
    name_connectors: frozenset[str] = frozenset()
    name_cues: frozenset[str] = frozenset()  # harm words that may take a bare name (مقتل "فلان")
    list_openers: tuple[tuple[str, ...], ...] = ()  # كل من
    list_heads: frozenset[str] = frozenset()  # أسماء (الشهداء)
    list_more: frozenset[str] = frozenset()  # وآخرون
    referring_cues: frozenset[str] = frozenset()  # مقتله، إصابتها: harm that refers back to a named person
    referring_links: frozenset[str] = frozenset()  # بعد، إثر، ما أدى إلى: what may stand before them
    members: frozenset[str] = frozenset()  # lemmas of members of armed groups (القيادي في ...)
    member_groups: frozenset[str] = frozenset()  # تنظيم، هيئة، صفوف: a group after a member noun
    member_places: frozenset[str] = frozenset()  # تركيا: an actor's name that is a country after في
    cue_firsts: frozenset[str] = frozenset()  # first words of the two-word cues ("في" of "في قبضة")
    member_of: re.Pattern[str] = re.compile("(?!)")  # what joins a member to its group (see _member_of)
    aliases: re.Pattern[str] = re.compile("(?!)")  # "الملقب بـ" before a name
    next_special: frozenset[str] = frozenset()  # tokens after a number that need the full analysis
    prev_special: frozenset[str] = frozenset()  # tokens before a number that need the full analysis
    fractions: tuple[tuple[tuple[str, ...], int, int], ...] = ()  # (phrase, numerator, denominator), longest first
    half_after: re.Pattern[str] | None = None  # "مليون ونصف", "a million and a half"
    latin_anchors: bool = True  # some anchor is a Latin word (else find_counts need not list them)


def _n(word: str) -> str:
    return normalize(word).strip()


def _phrase(p: str) -> tuple[str, ...]:
    return tuple(_BTOK.findall(_n(p)))


def _ar_surfaces(base: str, article: bool = True):
    """(surface, skip, definite) for a bare Arabic word with every proclitic combination."""
    for c in _CONJ:
        for p in _PREP:
            yield c + p + base, len(c + p), False
            if article:
                if p == "ل":
                    yield c + "لل" + base, len(c) + 2, True
                else:
                    yield c + p + "ال" + base, len(c + p), True


def _noun_forms(entry: dict[str, Any], lang: str) -> list[tuple[str, _Noun, bool]]:
    """Every (form, noun, article_allowed) of a [[person]] entry."""
    sg = _n(entry.get("singular", ""))
    plurals = [_n(p) for p in entry.get("plural", [])]
    category = entry["category"]
    kind = entry.get("kind") or None
    rule = entry.get("singular_count", "never")
    lemma = sg or (plurals[0] if plurals else "")
    out: list[tuple[str, _Noun, bool]] = []

    def add(form: str, number: str, possessed: bool = False, article: bool = True) -> None:
        out.append((form, _Noun(lemma, category, kind, number, rule, possessed), article))

    plural_set = set(plurals)
    for p in plurals:
        add(p, "plural")
    if not sg:
        return out
    if lang == "en":
        add(sg, "singular")
        return out
    stem = sg[:-1] + "ت" if sg.endswith("ه") else sg
    if sg.endswith("ي") and not sg.endswith("يي") and len(sg) > 2 and sg[-2] == "ت":
        stem = sg  # فتي: the dual is فتيان, listed as a plural anyway
    duals = [_n(d) for d in entry.get("dual", [])] or [stem + "ان", stem + "ين"]
    for d in duals:
        add(d, "dual_or_plural" if d in plural_set else "dual")
    add(sg, "singular")
    if not sg.endswith("ه") and not sg.endswith("ا") and entry.get("accusative", True) is True:
        add(sg + "ا", "singular", article=False)  # accusative: طفلا، مدنيا
    if not entry.get("possessive", False):
        return out
    for suffix in _POSSESSIVE_SUFFIXES:
        if not (suffix == "ه" and stem.endswith("ي")):  # not the feminine nisba -ية
            add(stem + suffix, "singular", True, article=False)  # طفلها، زوجته
        ambiguous = (stem + "ين") in plural_set or (stem + "ون") in plural_set
        add(stem + "ي" + suffix, "dual_or_plural" if ambiguous else "dual", True, article=False)  # طفليه
        if suffix != "ه" or not stem.endswith("ي"):
            add(stem + "ا" + suffix, "dual", True, article=False)  # the subject form: طفلاها، شقيقاه
        for p in plurals:
            if not p.endswith("ين") and not p.endswith("ون"):
                add((p[:-1] + "ت" if p.endswith("ه") else p) + suffix, "plural", True, article=False)
            if p.endswith("ء"):  # the hamza takes the case before a suffix: أبناؤه، أبنائه (أبناءه above)
                add(p[:-1] + "و" + suffix, "plural", True, article=False)
                add(p[:-1] + "ي" + suffix, "plural", True, article=False)
    return out


@cache
def _lex(lang: str) -> _Lex:
    if lang == "both":
        return _merge(_lex("ar"), _lex("en"))
    data = load(f"{lang}/numbers.toml")
    ar = lang == "ar"
    num: dict[str, tuple[str, Any, str]] = {}
    for w, v in data.get("units", {}).items():
        num[_n(w)] = ("unit", int(v), "")
    for w, v in data.get("ten", {}).items():
        num[_n(w)] = ("ten", int(v), "")
    for w, v in data.get("teens", {}).items():
        num[_n(w)] = ("teen", int(v), "")
    for w, v in data.get("tens", {}).items():
        num[_n(w)] = ("tens", int(v), "")
    for w, v in data.get("hundreds", {}).items():
        num[_n(w)] = ("hundred", int(v), "")
    for spec in data.get("scales", {}).values():
        value = int(spec["value"])
        sg = {_n(w) for w in spec.get("singular", [])}
        dual = {_n(w) for w in spec.get("dual", [])}
        for w in sg | dual:
            num[w] = ("scale", value, "sgdual" if (w in sg and w in dual) else ("sg" if w in sg else "dual"))
        for w in spec.get("plural", []):
            num[_n(w)] = ("scale", value, "pl")

    vague: dict[str, list[tuple[tuple[str, ...], int, int, int | None]]] = {}
    for phrase, spec in data.get("vague", {}).items():
        words = _phrase(phrase)
        k = next((i for i, w in enumerate(words) if w not in ("a", "an")), 0)
        vague.setdefault(words[k], []).append((words, k, int(spec["low"]), spec.get("high")))
    for v in vague.values():
        v.sort(key=lambda e: -len(e[0]))

    b = data.get("bounds", {})
    bounds: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in ("more_than", "at_least", "approximately", "up_to", "less_than"):
        for p in b.get(kind, []):
            words = _phrase(p)
            if words:
                bounds.setdefault(words[-1], []).append((words, kind))
    for v in bounds.values():
        v.sort(key=lambda e: -len(e[0]))
    post_bounds: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in ("more_than", "at_least", "approximately", "up_to"):
        for p in b.get("postposed_" + kind, []):
            words = _phrase(p)
            post_bounds.setdefault(words[0], []).append((words, kind))
    for v in post_bounds.values():
        v.sort(key=lambda e: -len(e[0]))
    range_start = sorted((_phrase(p) for p in b.get("range_start", [])), key=len, reverse=True)
    range_joiners = {_phrase(p)[0]: _phrase(p) for p in b.get("range_joiners", [])}
    fr = data.get("fractions", {})
    fractions = tuple(sorted(((_phrase(p), int(v[0]), int(v[1])) for p, v in fr.get("before", {}).items()),
                             key=lambda e: -len(e[0])))
    halves = [r"\s+".join(map(re.escape, _phrase(p)))
              for p in sorted(fr.get("half_after", []), key=len, reverse=True)]  # the longest first
    half_after = re.compile(rf"\s+(?:{'|'.join(halves)})(?![\w\u0600-\u06ff])") if halves else None

    nc = data.get("not_counts", {})
    after: dict[str, list[tuple[str, ...]]] = {}
    for p in nc.get("after", []):
        words = _phrase(p)
        if words:
            after.setdefault(words[0], []).append(words)
    for v in after.values():
        v.sort(key=len, reverse=True)

    def wordset(key: str, table: dict[str, Any] = nc) -> frozenset[str]:
        return frozenset(_n(w) for w in table.get(key, []))

    sing = data.get("singular", {})
    names = data.get("names", {})
    words: dict[str, tuple[int, bool, str]] = {}
    nouns: dict[str, tuple[int, bool, _Noun]] = {}
    anchors: set[str] = set()
    one_of = frozenset(_n(w) for w in data.get("one_of", []))
    word_bases = set(num) | set(vague) | set(one_of)
    not_words = wordset("not_words")
    never_definite = {_n(w) for w in data.get("compound_only", []) + data.get("needs_noun", [])}
    for base in sorted(word_bases):
        if ar:
            for surface, skip, definite in _ar_surfaces(base):
                if surface not in not_words:
                    known = words.get(surface)
                    if known is None or skip < known[0]:  # واحد is "one", not و + أحد
                        words[surface] = (skip, definite, base)
                    if not (definite and base in never_definite):  # الأحد، الاثنين: days
                        anchors.add(surface)
        else:
            words[base] = (0, False, base)
            anchors.add(base)
    persons = list(data.get("person", []))
    persons += [{"plural": [w], "category": "people"} for w in data.get("demonyms", [])]
    tamyiz: dict[str, _Noun] = {}
    for entry in persons:
        for form, noun, article in _noun_forms(entry, lang):
            if ar and noun.number == "singular" and entry.get("accusative") == "after_number" \
                    and form == _n(entry["singular"]):
                tamyiz[form + "ا"] = noun
            surfaces = _ar_surfaces(form, article) if ar else [(form, 0, False)]
            for surface, skip, definite in surfaces:
                known = nouns.get(surface)
                if known is not None and skip != known[0]:
                    if skip < known[0]:  # the reading with fewer proclitics wins
                        nouns[surface] = (skip, definite, noun)
                    continue
                if known is None or (known[2].number == "plural" and noun.number != "plural"):
                    nouns[surface] = (skip, definite, noun)
                elif known[2].category != noun.category and known[2].number == noun.number:
                    # والده: his father (والد + ه) or a mother (والدة): keep the form, not the category
                    nouns[surface] = (skip, definite, replace(known[2], category="people"))
                if noun.number == "dual" or (
                    not definite and noun.number != "plural" and noun.singular_count != "never"
                ):
                    anchors.add(surface)  # the forms that can be a count by themselves
                elif definite and noun.number == "singular" and noun.singular_count != "never":
                    anchors.add(surface)  # الطفل + a name: one person
    lex = _Lex(
        num=num,
        compound_only=frozenset(_n(w) for w in data.get("compound_only", [])),
        needs_noun=frozenset(_n(w) for w in data.get("needs_noun", [])),
        vague_needs_noun=frozenset(_n(w) for w in data.get("vague_needs_noun", [])),
        one_of=one_of,
        postposed={_n(w): int(v) for w, v in data.get("postposed", {}).items()},
        articles=frozenset(_n(w) for w in data.get("articles", [])),
        vague=vague,
        bounds=bounds,
        post_bounds=post_bounds,
        range_start=range_start,
        range_joiners=range_joiners,
        after=after,
        months=wordset("months"),
        month_ordinals=wordset("month_ordinals"),
        before_names=wordset("before_names"),
        before_time=wordset("before_time"),
        before_year=wordset("before_year"),
        ordinals=wordset("ordinals"),
        cues=wordset("cues", sing),
        blockers=wordset("blockers", sing),
        after_ok=wordset("after_ok", sing),
        harm_cues=wordset("harm_cues", sing),
        that_words=wordset("that_words", sing),
        adjectives=frozenset(_n(w) for w in data.get("adjectives", [])),
        words=words,
        nouns=nouns,
        tamyiz=tamyiz,
        anchors=frozenset(),  # (below: they include the harm words that may take a bare name)
        superlatives=wordset("superlatives"),
        title_lemmas=frozenset(nouns[w][2].lemma for w in wordset("titles", names) if w in nouns),
        given_names=wordset("given", names),
        name_starters=wordset("starters", names),
        titles=wordset("titles", names) | wordset("ranks", names),
        ranks=wordset("ranks", names),
        name_cue_times=wordset("harm_before_times", names),
        not_names=wordset("not_names", names),
        hand_words=wordset("hand_words", names),
        not_after_named=wordset("not_after", names),
        name_connectors=wordset("connectors", names),
        name_cues=frozenset(c + w for w in wordset("harm_before", names) for c in ("", "و", "ف", "ب", "وب", "ل")),
        list_openers=tuple(_phrase(p) for p in names.get("list_openers", [])),
        list_heads=wordset("list_heads", names),
        list_more=wordset("list_more", names),
        fractions=fractions,
        half_after=half_after,
        referring_cues=wordset("referring_cues", names),
        referring_links=wordset("referring_links", names),
        members=wordset("members", names),
        member_groups=wordset("member_groups", names),
        member_places=wordset("member_places", names),
        cue_firsts=frozenset(c.split()[0] for c in wordset("cues", sing) if " " in c),
        member_of=_member_of(names.get("member_of", [])),
        aliases=_aliases(names.get("aliases", [])),
    )
    anchors.update(w for w, (_k, definite, n) in nouns.items()  # الشهداء: the heading of a list of names
                   if definite and n.kind in ("killed", "injured") and n.number in ("plural", "dual_or_plural"))
    lex.anchors = frozenset(anchors - not_words) | lex.name_cues
    return _with_specials(lex)


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted({_n(w) for w in words}, key=len, reverse=True))


def _member_of(words: list[str]) -> re.Pattern[str]:
    """Between a member noun and its group: a preposition ("في", "في صفوف": a word, a space after it), a
    proclitic ("ب", "ل": one letter, glued or with a tatweel or a hyphen) or nothing (the construct
    "زعيم تنظيم داعش"), then maybe a quote."""
    sep = r"[^\S\n]*"
    apart = _alternatives([w for w in words if len(_n(w)) > 1]) or "(?!)"
    glued = "".join(sorted({_n(w) for w in words if len(_n(w)) == 1}))
    glued = f"[{glued}]" if glued else "(?!)"
    return re.compile(rf"{sep}(?:(?:{apart})[^\S\n]+|{glued}(?:[ـ-]{sep})?|(?P<construct>))[\"«(]?{sep}")


def _aliases(words: list[str]) -> re.Pattern[str]:
    """A nickname word before a name ("الملقب بـ أبو فلان", "المعروف باسم فلان"), after an optional comma."""
    sep = r"[^\S\n]*"
    return re.compile(rf"{sep}[,،]?{sep}(?:{_alternatives(words) or '(?!)'})"
                      rf"(?:[^\S\n]+باسم|[^\S\n]+ب(?:[ـ-]|{sep}-)?)?{sep}")


def _with_specials(lex: _Lex) -> _Lex:
    nxt = set(lex.words) | set(lex.nouns) | set(lex.after) | set(lex.months) | set(lex.post_bounds) | set(lex.tamyiz)
    nxt |= set(lex.range_joiners) | set(lex.adjectives)
    nxt |= {"من", "of", ")", "-", "و", "and", "%", "٪", "$", "the", "\n"}
    prv = set(lex.bounds) | {p[-1] for p in lex.range_start} | lex.before_names | lex.before_time
    prv |= lex.ordinals | lex.months | lex.before_year | _PROCLITIC_TOKENS | lex.articles
    prv |= {"من", "from", "بين", "between", "ما", "-", "(", "/", ":", "#", "$"}
    prv |= {w for w, (_k, _d, n) in lex.nouns.items() if n.kind in ("killed", "injured") and n.number != "singular"}
    prv |= {p[-1] for p, _numerator, _denominator in lex.fractions}
    lex.next_special = frozenset(nxt)
    lex.prev_special = frozenset(prv)
    lex.latin_anchors = any(w.isascii() for w in lex.anchors)
    return lex


def _merge(a: _Lex, b: _Lex) -> _Lex:
    def d(x: dict, y: dict) -> dict:
        out = dict(y)
        out.update(x)
        return out

    def dl(x: dict, y: dict) -> dict:
        out = {k: list(v) for k, v in x.items()}
        for k, v in y.items():
            out.setdefault(k, []).extend(v)
        return out

    return _with_specials(_Lex(
        num=d(a.num, b.num), compound_only=a.compound_only | b.compound_only,
        needs_noun=a.needs_noun | b.needs_noun, vague_needs_noun=a.vague_needs_noun | b.vague_needs_noun,
        one_of=a.one_of | b.one_of,
        postposed=d(a.postposed, b.postposed), articles=a.articles | b.articles,
        vague=dl(a.vague, b.vague), bounds=dl(a.bounds, b.bounds),
        post_bounds=dl(a.post_bounds, b.post_bounds),
        range_start=sorted(a.range_start + b.range_start, key=len, reverse=True),
        range_joiners=d(a.range_joiners, b.range_joiners), after=dl(a.after, b.after),
        months=a.months | b.months, month_ordinals=a.month_ordinals | b.month_ordinals,
        before_names=a.before_names | b.before_names,
        before_time=a.before_time | b.before_time, before_year=a.before_year | b.before_year,
        ordinals=a.ordinals | b.ordinals, cues=a.cues | b.cues, blockers=a.blockers | b.blockers,
        after_ok=a.after_ok | b.after_ok, harm_cues=a.harm_cues | b.harm_cues, that_words=a.that_words | b.that_words,
        adjectives=a.adjectives | b.adjectives,
        words=d(a.words, b.words), nouns=d(a.nouns, b.nouns), anchors=a.anchors | b.anchors,
        tamyiz=d(a.tamyiz, b.tamyiz),
        superlatives=a.superlatives | b.superlatives, title_lemmas=a.title_lemmas | b.title_lemmas,
        given_names=a.given_names | b.given_names, name_starters=a.name_starters | b.name_starters,
        titles=a.titles | b.titles, ranks=a.ranks | b.ranks,
        name_cue_times=a.name_cue_times | b.name_cue_times, not_names=a.not_names | b.not_names,
        hand_words=a.hand_words | b.hand_words,
        not_after_named=a.not_after_named | b.not_after_named,
        name_connectors=a.name_connectors | b.name_connectors,
        name_cues=a.name_cues | b.name_cues, list_openers=a.list_openers + b.list_openers,
        list_heads=a.list_heads | b.list_heads, list_more=a.list_more | b.list_more,
        fractions=tuple(sorted(a.fractions + b.fractions, key=lambda e: -len(e[0]))),
        half_after=_either(a.half_after, b.half_after),
        referring_cues=a.referring_cues | b.referring_cues, referring_links=a.referring_links | b.referring_links,
        members=a.members | b.members, member_groups=a.member_groups | b.member_groups,
        member_places=a.member_places | b.member_places, cue_firsts=a.cue_firsts | b.cue_firsts,
        member_of=a.member_of, aliases=a.aliases,  # (Arabic only)
    ))


def _either(a: re.Pattern[str] | None, b: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """One pattern for what either language's pattern matches."""
    if a is None or b is None:
        return a or b
    return re.compile(f"{a.pattern}|{b.pattern}")


def _lang_key(language: str | None) -> str:
    if language is None:
        return "both"
    lang = language.lower()[:2]
    if lang not in ("ar", "en"):
        raise ValueError(f"unsupported language {language!r} (ar, en or None)")
    return lang


# --------------------------------------------------------------------------- tokens

_SCAN_RE = re.compile(f"[{_AR}]+|[a-z]+|[0-9]+(?:[.,:/\\-][0-9]+)*")
# the same tokens but the Latin words (skipped), for a lexicon without Latin anchors (fewer tries)
_SCAN_NO_LATIN_RE = re.compile(f"[{_AR}]+|[0-9]+(?:[.,:/\\-][0-9]+)*")
_BLOB_EDGE = re.compile(r"[0-9]|(?<=[0-9])[.,:/\-]")  # a blob never starts right after these
_BLOB_NEXT = re.compile(r"[0-9]|[.,:/\-][0-9]")  # nor ends right before these
_BTOK = re.compile(rf"[{_AR}]+|[a-z]+(?:'[a-z]+)?|\d+(?:[.,:/\-]\d+)*|[^\s\w]|_")
_INT_RE = re.compile(r"\d+")
_COMMA_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_DOT_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DEC_RE = re.compile(r"\d+\.\d+|\d+,\d{1,2}")
_LETTER = re.compile(f"[{_AR}a-z]")
_DATE_AFTER = re.compile(
    r"[^\S\n]*(?:([-/.])[^\S\n]*[0-9]{1,4}[^\S\n]*\1[^\S\n]*[0-9]{1,4}|[:/][^\S\n]*[0-9]"
    r"|[^\S\n][.,][^\S\n]+[0-9])"
)
_DATE_BEFORE = re.compile(r"[0-9][^\S\n]*[/:][^\S\n]*$|[0-9][^\S\n]+[.,][^\S\n]+$")
_LIST_MARK = re.compile(r"[^\S\n]*[-.)_][^\S\n]*(?![^\S\n]*[0-9])")
_GAP_RE = re.compile(r"[^\S\n]*(?:[,،][^\S\n]*)?(?:(?:و|and)[^\S\n]*)?")


_WORDCHAR = re.compile(f"[{_AR}a-z0-9]")
_ARABIC = re.compile(f"[{_AR}]")
_LATIN = re.compile("[a-z]")


class _Tok(NamedTuple):
    text: str
    start: int
    end: int


_mk = tuple.__new__  # builds a _Tok without NamedTuple's Python-level constructor


class _Src:
    """A normalised text with memoised look-ahead / look-behind tokens (never across a line break)."""

    __slots__ = ("s", "_f", "_b")

    def __init__(self, s: str):
        self.s = s
        self._f: dict[int, list[_Tok]] = {}
        self._b: dict[int, list[_Tok]] = {}

    def fwd(self, pos: int, n: int = 4) -> list[_Tok]:
        """At least ``n`` tokens after ``pos`` (fewer at the end of the line)."""
        out = self._f.get(pos)
        if out is None or (len(out) < n and out[-1][0] != "\n"):
            n = max(n, 4)
            s = self.s
            end = s.find("\n", pos, pos + 100)
            if end < 0:
                end = min(len(s), pos + 100)
            if out is None:
                out = [_mk(_Tok, (m.group(), m.start(), m.end())) for m in islice(_BTOK.finditer(s, pos, end), n)]
            else:  # more tokens than before: the scan goes on from the last one (the same tokens)
                out = out + [_mk(_Tok, (m.group(), m.start(), m.end()))
                             for m in islice(_BTOK.finditer(s, out[-1][2], end), n - len(out))]
            if len(out) < n:
                out.append(_mk(_Tok, ("\n", end, end)))  # end of line marker
            self._f[pos] = out
        return out

    def back(self, pos: int) -> list[_Tok]:
        """The tokens before ``pos`` (up to ~60 characters back). The caller may not modify it."""
        out = self._b.get(pos)
        if out is None:
            s = self.s
            lo = max(0, pos - 40)
            nl = s.rfind("\n", lo, pos)
            if nl >= 0:
                lo = nl + 1
            elif lo > 0:
                sp = s.find(" ", lo, pos)
                lo = sp + 1 if sp >= 0 else pos
            out = [_mk(_Tok, (m.group(), m.start(), m.end())) for m in _BTOK.finditer(s, lo, pos)]
            self._b[pos] = out
        return out


def _date_length(toks: list[_Tok], k: int, lex: _Lex) -> int:
    """How many tokens from ``k`` a day and month (and year) take: "2 كانون الأول 2024", "5 آذار"; 0 if none."""
    day = toks[k].text
    if not (len(day) <= 2 and k + 1 < len(toks) and toks[k + 1].text in lex.months):
        return 0
    j = k + 2
    if j < len(toks) and toks[j].text in lex.month_ordinals:  # "كانون الأول"
        j += 1
    if j < len(toks) and toks[j].text.isdigit() and len(toks[j].text) == 4:
        j += 1
    return j - k if j < len(toks) else 0


def _is_word(t: _Tok) -> bool:
    return bool(_LETTER.match(t.text))


@lru_cache(maxsize=100_000)
def _bare(word: str) -> tuple[str, ...]:
    """A normalised token without proclitics / article (all readings)."""
    out = [word]
    if not word.isascii():
        for p in ("وال", "فال", "بال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"):
            if word.startswith(p) and len(word) - len(p) >= 2:
                out.append(word[len(p):])
    return tuple(out)


def _in(word: str, words: frozenset[str]) -> bool:
    return not words.isdisjoint(_bare(word))  # (a set test in C, not a generator)


def _blob_value(b: str) -> tuple[str, Any, Any] | None:
    """('int', n) | ('dec', x) | ('range', a, b) | None for a digit blob that is no count."""
    if b.isdigit():
        v = _plain_int(b)
        return None if v is None else ("int", v, None)
    if ":" in b or "/" in b:
        return None
    if "-" in b:
        parts = b.split("-")
        if len(parts) != 2:
            return None
        x, y = _plain_int(parts[0]), _plain_int(parts[1])
        if x is None or y is None or x >= y or (1900 <= x <= 2100 and 1900 <= y <= 2100):
            return None
        return ("range", x, y)
    if _INT_RE.fullmatch(b):
        v = _plain_int(b)
        return None if v is None else ("int", v, None)
    if _COMMA_RE.fullmatch(b):
        return ("int", int(b.replace(",", "")), None)
    if _DOT_RE.fullmatch(b):
        return ("int", int(b.replace(".", "")), None)
    if _DEC_RE.fullmatch(b):
        return ("dec", float(b.replace(",", ".")), None)
    return None


def _plain_int(b: str) -> int | None:
    if not _INT_RE.fullmatch(b) or len(b) > 6 or (len(b) > 1 and b[0] == "0"):
        return None
    return int(b)


# --------------------------------------------------------------------------- number grammar


_SCALE_VALUES = frozenset({1_000, 1_000_000, 1_000_000_000})  # a number that is one scale word (or "a million")


class _Item(NamedTuple):
    cls: str  # unit ten teen tens hundred scale digits decimal
    value: Any
    form: str
    base: str
    start: int  # start of the number itself (after proclitics, article kept)
    outer: int  # start of the token (proclitics included)
    end: int
    conn: str | None
    definite: bool
    en: bool


def _item_at(src: _Src, pos: int, lex: _Lex, first: bool, known: _Tok | None = None) -> _Item | None:
    if known is not None:
        toks = [known]
    else:
        toks = src.fwd(pos, 1)
        if toks[0].text in ("و", "and", "-") and not first:
            toks = src.fwd(pos, 2)
    i = 0
    conn = None
    t = toks[0]
    if not first:
        if t.text in ("و", "and"):
            conn, i = t.text, 1
        elif t.text == "-":
            conn, i = "-", 1
        if i and len(toks) <= i:
            return None
        t = toks[i]
    if t.text[0].isdigit():
        if not first and conn is None and t.start == pos:
            return None
        bv = _blob_value(t.text)
        if bv is None or bv[0] == "range":
            return None
        cls = "digits" if bv[0] == "int" else "decimal"
        return _mk(_Item, (cls, bv[1], "", t.text, t.start, t.start, t.end, conn, False, False))
    info = lex.words.get(t.text)
    if not first and conn is None and t.text[:1] == "و" and t.text[1:] in lex.num:
        info = (1, False, t.text[1:])  # واحد read as و + أحد inside a number: ألف وأحد عشر
    if info is None:
        return None
    skip, definite, base = info
    entry = lex.num.get(base)
    if entry is None:
        return None
    if not first:
        if definite:
            return None
        if skip:
            if conn is None and t.text[:skip] == "و":
                conn = "و"
            else:
                return None
    en = t.text.isascii()
    return _mk(_Item, (entry[0], entry[1], entry[2], base, t.start + skip, t.start, t.end, conn, definite,
                       en))


# state: (total, group, slots, last_cls, last_val, last_scale, n)
_State = tuple[int, Any, int, str, Any, float, int]


def _step(st: _State, it: _Item) -> _State | None:
    total, group, slots, last_cls, last_val, last_scale, n = st
    cls, val, form, conn, en = it.cls, it.value, it.form, it.conn, it.en
    jux = n > 0 and conn is None
    if n > 0 and conn is not None:
        if conn == "and":
            if last_cls not in ("hundred", "scale"):
                return None
        elif conn == "-":
            if not (en and last_cls == "tens" and cls == "unit"):
                return None
            jux = True
    if cls == "scale":
        if form == "sgdual":
            form = "sg" if group else "dual"
        if form == "pl":
            if en or conn or isinstance(group, float) or not 3 <= group % 100 <= 10:
                return None
            mult = group
        elif form == "dual":
            if group or jux:
                return None
            mult = 2
        elif group:
            if conn and n > 0:
                return None
            mult = group
        else:
            if jux:
                return None
            mult = 1
        if val > last_scale or (val == last_scale and group):
            return None
        v = mult * val
        if isinstance(v, float):
            if abs(v - round(v)) > 1e-6:
                return None
            v = round(v)
        return (total + v, 0, 0, "scale", val, val, n + 1)
    if isinstance(group, float):
        return None
    if cls in ("digits", "decimal"):
        if n > 0 and (jux or slots):
            return None
        if cls == "decimal":
            if group:
                return None
            return (total, val, _H | _T | _U, cls, val, last_scale, n + 1)
        if n > 0 and val >= 1000:
            return None
        return (total, group + val, _H | _T | _U, cls, val, last_scale, n + 1)
    if cls == "hundred":
        if jux:
            if val == 100 and not slots & _H and (last_cls == "unit" or (en and last_cls == "teen")):
                return (total, group - last_val + last_val * 100, _H, cls, val, last_scale, n + 1)
            return None
        if slots:
            return None
        return (total, group + val, _H, cls, val, last_scale, n + 1)
    if cls == "ten":
        if jux:
            if last_cls == "unit" and not slots & _T:
                return (total, group + val, slots | _T, "teen", val, last_scale, n + 1)
            return None
        if slots & (_T | _U):
            return None
        return (total, group + val, slots | _T | _U, cls, val, last_scale, n + 1)
    if cls == "teen":
        if (jux and last_cls not in ("hundred", "scale")) or slots & (_T | _U):
            return None
        return (total, group + val, slots | _T | _U, cls, val, last_scale, n + 1)
    if cls == "tens":
        if slots & _T or (en and slots & _U):
            return None
        if jux and not (en and last_cls in ("hundred", "scale")):
            return None
        return (total, group + val, slots | _T, cls, val, last_scale, n + 1)
    if cls == "unit":
        if slots & _U:
            return None
        if jux and not (en and last_cls in ("tens", "hundred", "scale")):
            return None
        return (total, group + val, slots | _U, cls, val, last_scale, n + 1)
    return None


class _Num(NamedTuple):
    value: int
    start: int
    outer: int
    end: int
    definite: bool
    first: _Item
    n: int
    states: tuple[tuple[int, int], ...]  # (value, end) of every valid prefix


def _parse_number(src: _Src, pos: int, lex: _Lex, known: _Tok | None = None) -> _Num | None:
    """The longest number expression starting at ``pos`` (``known``: the token there, if known)."""
    st: _State = (0, 0, 0, "", 0, _INF, 0)
    first: _Item | None = None
    states: list[tuple[int, int, bool]] = []
    p = pos
    while True:
        it = _item_at(src, p, lex, first is None, known if first is None else None)
        if it is None:
            break
        new = _step(st, it)
        if new is None:
            break
        if first is None:
            first = it
        st = new
        p = it.end
        if not isinstance(st[1], float):
            complete = not (it.cls == "unit" and it.base in lex.compound_only)
            states.append((st[0] + st[1], it.end, complete))
    while states and not states[-1][2]:
        states.pop()
    if first is None or not states:
        return None
    good = tuple((v, e) for v, e, c in states if c)
    return _mk(_Num, (good[-1][0], first.start, first.outer, good[-1][1], first.definite, first, st[6], good))


def parse_number_words(words: str, language: str) -> int | None:
    """The integer a whole phrase of number words (and digits) says, or None.

    ``parse_number_words("ثلاثة آلاف", "ar") == 3000``; ``("twenty-two", "en") == 22``;
    ``("ألف وخمسمائة", "ar") == 1500``; ``("3 thousand", "en") == 3000``. Vague words ("hundreds",
    "عشرات") and anything that is not entirely a number give None.
    """
    lex = _lex(_lang_key(language))
    s = normalize(words).strip()
    if not s:
        return None
    pos = 0
    src = _Src(s)
    toks = src.fwd(0)
    if toks and toks[0].text in lex.articles and len(toks) > 1:
        nxt = lex.num.get(toks[1].text)
        if nxt and nxt[0] in ("hundred", "scale") and nxt[2] != "pl":
            pos = toks[0].end
    num = _parse_number(src, pos, lex)
    if num is None or s[num.end:].strip():
        return None
    if num.n == 1 and num.first.cls == "scale" and num.first.form == "pl":
        return None
    return num.value


# --------------------------------------------------------------------------- Arabic words for numbers

_AR_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
_AR_TENS = ["", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_AR_HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة",
                "تسعمئة"]


def _ar_below_1000(n: int) -> str:
    h, r = divmod(n, 100)
    terms = []
    if h:
        terms.append(_AR_HUNDREDS[h])
    if r:
        if r <= 10:
            terms.append(_AR_UNITS[r])
        elif r == 11:
            terms.append("أحد عشر")
        elif r == 12:
            terms.append("اثنا عشر")
        elif r < 20:
            terms.append(_AR_UNITS[r - 10] + " عشر")
        else:
            t, u = divmod(r, 10)
            terms.append(f"{_AR_UNITS[u]} و{_AR_TENS[t]}" if u else _AR_TENS[t])
    return " و".join(terms)


def _ar_scaled(k: int, one: str, two: str, plural: str, accusative: str) -> str:
    """k thousands (or millions) in words, 1 <= k <= 999."""
    if k == 1:
        return one
    if k == 2:
        return two
    if k <= 10:
        return f"{_ar_below_1000(k)} {plural}"
    r = k % 100
    if r in (1, 2):
        return f"{_ar_below_1000(k - r)} {one} و{one if r == 1 else two}"
    if 3 <= r <= 10:
        return f"{_ar_below_1000(k)} {plural}"
    if r == 0:
        return f"{_ar_below_1000(k)} {one}"
    return f"{_ar_below_1000(k)} {accusative}"


def to_arabic_words(n: int) -> str:
    """Modern Standard Arabic words for 1 <= n < 10**9 (masculine, nominative):
    ``to_arabic_words(3035) == "ثلاثة آلاف وخمسة وثلاثون"``."""
    if not 1 <= n < 10**9:
        raise ValueError("to_arabic_words handles 1 .. 999,999,999")
    m, rest = divmod(n, 10**6)
    k, r = divmod(rest, 1000)
    parts = []
    if m:
        parts.append(_ar_scaled(m, "مليون", "مليونان", "ملايين", "مليونًا"))
    if k:
        parts.append(_ar_scaled(k, "ألف", "ألفان", "آلاف", "ألفًا"))
    if r:
        parts.append(_ar_below_1000(r))
    return " و".join(parts)


# --------------------------------------------------------------------------- count finding


class _Found:
    """A count found in the normalised text (mutable while it is being built)."""

    __slots__ = ("start", "end", "low", "high", "vague", "approximate", "noun", "categories", "parts",
                 "name", "tag")

    def __init__(self, start: int, end: int, low: int | None, high: int | None, vague: bool = False,
                 approximate: bool = False, noun: _Noun | None = None, categories: tuple[str, ...] = (),
                 parts: tuple[_Found, ...] = (), name: tuple[int, int] | None = None, tag: bool = False):
        self.start, self.end, self.low, self.high = start, end, low, high
        self.vague, self.approximate, self.noun = vague, approximate, noun
        self.categories, self.parts = categories, parts
        self.name = name  # (start, end) of a person's name in the normalised text
        self.tag = tag  # a hashtag (#الشاب_فلان): hashtags in a row add up


def _english_modifier(word: str, lex: _Lex) -> bool:
    """A word that may stand between an English number and its person noun ("three Syrian army soldiers")."""
    return word in lex.adjectives or bool(_NATIONALITY.match(word))


def _match_tail(toks: list[_Tok], phrase: tuple[str, ...]) -> int | None:
    """Index in ``toks`` where ``phrase`` starts if the tokens end with it (first word may carry و/ف)."""
    k = len(phrase)
    if len(toks) < k:
        return None
    tail = toks[-k:]
    for i in range(1, k):
        if tail[i].text != phrase[i]:
            return None
    first = tail[0].text
    if first == phrase[0] or (first.endswith(phrase[0]) and first[:-len(phrase[0])] in _LEADING):
        return len(toks) - k
    return None


_LEADING = frozenset({"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})  # وأكثر من، بأكثر من، لنحو


def _match_head(toks: list[_Tok], i: int, phrase: tuple[str, ...]) -> int | None:
    """Index after ``phrase`` if ``toks[i:]`` starts with it."""
    if len(toks) - i < len(phrase):
        return None
    for j, w in enumerate(phrase):
        if toks[i + j].text != w:
            return None
    return i + len(phrase)


def _apply_bound(low: int | None, high: int | None, kind: str) -> tuple[int | None, int | None, bool]:
    if kind == "more_than":
        return (None if low is None else low + 1), None, False
    if kind == "at_least":
        return low, None, False
    if kind == "approximately":
        return low, high, True
    if kind == "up_to":
        return None, high, False
    if kind == "less_than":
        return None, (None if high is None else high - 1), False
    return low, high, False


class _Doc:
    """The state of one find_counts() run over a normalised text ``s``."""

    def __init__(self, s: str, lex: _Lex, nt: NormalizedText | None = None):
        self.s = s
        self.src = _Src(s)
        self.lex = lex
        self.nt = nt  # the original text, for what normalisation hides (case, ى)
        self.found: list[_Found] = []
        self.name_end = -1  # end of the last number skipped as an identifier ("2139 و2254")

    def original_char(self, i: int) -> str:
        """The original character at normalised offset ``i``."""
        nt = self.nt
        if nt is None:
            return self.s[i]
        return nt.original[nt.to_original(i)]

    # ----- context helpers
    def bound_before(self, back: list[_Tok]) -> tuple[str | None, int | None]:
        """A bound phrase ending the token list: (kind, start offset without a leading و/ف)."""
        if back:
            for last in _bare(back[-1].text):
                for phrase, kind in self.lex.bounds.get(last, ()):
                    k = _match_tail(back, phrase)
                    if k is not None:
                        return kind, back[k].start + (len(back[k].text) - len(phrase[0]))
        return None, None

    def attach_noun(self, end: int, construct_ok: bool, value: int | None = None,
                    ) -> tuple[int, _Noun | None, tuple[str, ...]]:
        """The person noun right after a number (of ``value``, when known) ending at ``end``: (new end,
        noun, categories).

        Arabic: ``5 أطفال``, ``خمسة من المدنيين``, and after a vague word the construct
        ``عشرات المدنيين``. English: ``five (young) children``, ``dozens of civilians``. After
        "من / of" or a construct, coordinated plurals add their categories (``مئات النساء والأطفال``).
        """
        lex = self.lex
        toks = self.src.fwd(end, 3)
        if toks[-1].text in lex.adjectives or toks[-1].text in ("the", "من", "of", "and", "or"):
            toks = self.src.fwd(end, 6)
        i = 0
        via = construct_ok
        if toks[0].text == ")":  # "( 157 ) شخصا"
            i = 1
        if toks[i].text in ("من", "of"):
            i, via = i + 1, True
            if len(toks) > i and toks[i].text in ("the", "his", "her", "its", "their"):  # "several of his aides"
                i += 1
            elif len(toks) > i and toks[i].text in ("them", "whom"):  # "25 civilians, six of them children"
                toks = self.src.fwd(end, 7)
                i += 1
                if len(toks) > i and toks[i].text in ("were", "are", "being"):
                    i += 1
        best: tuple[int, _Noun, bool] | None = None
        j = i
        limit = i + 2
        while j < len(toks) and j <= limit:
            t = toks[j]
            info = lex.nouns.get(t.text)
            if info is None and j == i and not via and value is not None and 11 <= value % 100 \
                    and not 1900 <= value <= 2100 and t.text in lex.tamyiz:
                info = (0, False, lex.tamyiz[t.text])  # "25 فلسطينيا" (not a year: "2011 عربيا")
            if info is None and via and j == i and (
                    toks[i - 1].text == "من" if i else _prev_word(self.s, t.start) == "من"):
                # "4 من أبنائه", "5 من عناصرها", "3 من مسلحي التنظيم", "عدد من مرافقيه" (the من of the vague word)
                info = _suffixed_plural(lex, t.text)
            if info is None and t.text.endswith("ians") and _DEMONYM_PLURAL.fullmatch(t.text):
                info = (0, False, _Noun(t.text, "people", None, "plural", "never"))  # Palestinians
            if info is not None and not info[0] and (not info[1] or via):
                best = (j, info[2], info[1])
            if t.text in ("and", "or") and j > i and best is None and _english_modifier(toks[j - 1].text, lex):
                limit = min(i + 4, limit + 2)  # "70 regime and rebel fighters": modifiers joined by "and"
                j += 1
                continue
            group_end = None
            if best is None and t.text.isascii() and (j == i or not _english_modifier(t.text, lex)):
                group_end = self.english_group_end(t)  # "10 al-Nusra Front terrorists", "12 Free Syrian Army fighters"
            if group_end is not None:
                k = j
                while k < len(toks) and toks[k].end <= group_end:
                    k += 1
                if k < len(toks) and toks[k].text in lex.nouns:  # the person noun right after the group's name
                    j = limit = k  # (not "3 Syrian soldiers": a name that takes the noun in)
                    continue
            if not (t.text.isascii() and _english_modifier(t.text, lex)):
                break
            j += 1
        if best is None:
            return end, None, ()
        j, noun, noun_definite = best
        new_end, noun = self.adjective_after(toks[j].end, noun, noun_definite)
        if new_end != toks[j].end:
            j += 1
        cats = [noun.category]
        if via and noun.number in ("plural", "dual_or_plural"):
            toks = self.src.fwd(end, j + 8)
            k = j + 1
            while k < len(toks):
                t = toks[k]
                if t.text in ("و", "and"):
                    k += 1
                    if k < len(toks) and toks[k].text == "the":
                        k += 1
                    if k >= len(toks):
                        break
                    t = toks[k]
                    info = lex.nouns.get(t.text)
                    if info is not None and info[0]:
                        info = None
                else:
                    info = lex.nouns.get(t.text)
                    if info is not None and not (info[0] == 1 and t.text[0] == "و"):
                        info = None
                if info is None or info[2].number not in ("plural", "dual_or_plural"):
                    break
                if info[2].category not in cats:
                    cats.append(info[2].category)
                new_end = t.end
                k += 1
        return new_end, noun, tuple(cats)

    def adjective_after(self, end: int, noun: _Noun, definite: bool) -> tuple[int, _Noun]:
        """An Arabic person noun used as an adjective right after another (قتيلا مدنيا, مواطنين
        مدنيين) belongs to the same count; it names the category when the first says only "people"."""
        t = self.src.fwd(end)[0]
        info = self.lex.nouns.get(t.text)
        if info is None or info[0] or info[1] != definite or t.text.isascii():
            return end, noun
        if noun.category == "people" and info[2].category != "people":
            noun = replace(noun, category=info[2].category)
        return t.end, noun

    def post_bound(self, end: int) -> tuple[int, str | None]:
        """A bound phrase right after ``end`` ("على الأقل", "or more"): (its end, kind)."""
        toks = self.src.fwd(end)
        for phrase, kind in self.lex.post_bounds.get(toks[0].text, ()):
            toks = self.src.fwd(end, len(phrase) + 2)
            j = _match_head(toks, 0, phrase)
            if j is None:
                continue
            if j + 1 < len(toks) and toks[j].text in _both("bounds", "than") and (
                toks[j + 1].text[0].isdigit() or toks[j + 1].text in self.lex.words
            ):
                continue  # not "وأكثر من 30": that bound belongs to the next number
            return toks[j - 1].end, kind
        return end, None

    def not_count_after(self, end: int) -> int:
        """A unit, month, percent ... right after the number: no count of people. Returns the end of
        that word or phrase (so that "في المئة" is not read again as a number), or -1."""
        lex = self.lex
        toks = self.src.fwd(end)
        if not toks:
            return -1
        if toks[0].text in ("من", "of") and len(toks) > 1 and _in(toks[1].text, lex.months):
            return toks[1].end
        for cand in _bare(toks[0].text):
            if cand in lex.months:
                return toks[0].end
            for phrase in lex.after.get(cand, ()):
                if len(phrase) == 1:
                    return toks[0].end
                j = _match_head(toks, 1, phrase[1:])
                if j is not None:
                    return toks[j - 1].end
        return -1

    def second_half(self, num: _Num, in_between: bool) -> tuple[int, int, int] | None:
        """(low, end, high) when a range continues after the first number: "10 إلى 15",
        "بين عشرين وثلاثين", "five or six", "between two hundred and five hundred"."""
        lex = self.lex
        candidates = list(reversed(num.states)) if in_between else [(num.value, num.end)]
        for value, e in candidates:
            toks = self.src.fwd(e)
            if not toks:
                continue
            t = toks[0]
            if in_between and t.text in ("و", "and"):
                pos = t.end
            elif in_between and t.text[:1] == "و" and len(t.text) > 1:
                pos = t.start + 1
            elif t.text in lex.range_joiners:
                j = _match_head(toks, 0, lex.range_joiners[t.text])
                if j is None:
                    continue
                pos = toks[j - 1].end
            else:
                continue
            second = _parse_number(self.src, pos, lex)
            if second is not None and not second.definite and second.value > value:
                return value, second.end, second.value
        return None

    # ----- the kinds of anchor
    def at_number(self, num: _Num | None, rng: tuple[int, int, int, int] | None) -> tuple[int, _Found | None]:
        """A count from a parsed number (or a digit range "10-15"): (consumed end, count or None)."""
        s, lex = self.s, self.lex
        first: _Item | None
        if num is not None:
            start, outer, end, definite = num.start, num.outer, num.end, num.definite
            low: int | None = num.value
            high: int | None = num.value
            first = num.first
        else:
            assert rng is not None
            start = outer = rng[0]
            end, low, high = rng[1], rng[2], rng[3]
            definite, first = False, None
        is_digits = first is None or first.cls in ("digits", "decimal")
        # --- letters glued to digits: proclitics (و5، بـ20، الـ20) or a name (دير الزور24)
        attached = ""
        if is_digits:
            i = outer
            while i > 0 and _LETTER.match(s[i - 1]):
                i -= 1
            attached = s[i:outer]
            if attached:
                outer = i
                if attached.endswith("ال") and attached in _PROCLITIC_TOKENS:
                    definite = True
                    start = outer + len(attached) - 2
            before = s[i - 1] if i > 0 else ""
            if before in ("#", "$", "€", "£", "+", "@", "_") or (
                before in ("-", ".") and i > 1 and s[i - 2].isalnum()
            ):
                return end, None  # #5, $5, +963, F-16, No.5
            nxt = s[end:end + 1]
            if nxt and (("a" <= nxt <= "z") or nxt in ("$", "%", "٪", "€", "£") or (
                nxt == "-" and _LETTER.match(s[end + 1:end + 2] or " ")
            )):
                return end, None  # 3rd, 10km, 5%, 12-year-old
            m = _DATE_AFTER.match(s, end)
            if m:
                return m.end(), None  # 24 / 4 / 2007, 12 - 1 - 2015, 10 : 09, 1 . 8
            if _DATE_BEFORE.search(s, max(0, i - 8), i):
                return end, None
            if nxt in (" ", "-", ".", ")", "_", "") or nxt == "\t":
                ls = s.rfind("\n", 0, i) + 1
                if not _WORDCHAR.search(s, ls, i) and _LIST_MARK.match(s, end):
                    return end, None  # "3 - ثلاثة أطباء": a numbered list item
        pw = _prev_word(s, outer)
        if pw is not None and lex.prev_special.isdisjoint(_bare(pw)):
            back = [_mk(_Tok, (pw, outer - 1 - len(pw), outer - 1))] if pw else []  # nothing to see
        else:
            back = list(self.src.back(outer))
        while back and back[-1].text in _PROCLITIC_TOKENS and back[-1].end >= outer - 1:
            if back[-1].text.endswith("ال"):
                definite = True
                if is_digits and not attached:
                    start = back[-1].end - 2
            outer = back[-1].start
            back.pop()
        if is_digits and back and back[-1].text[0].isdigit() and not s[back[-1].end:outer].strip():
            return end, None  # digit groups in a row: a phone number, "2 000"
        if num is not None and num.value in _SCALE_VALUES and (lex.fractions or lex.half_after):
            # a fraction of a scale word: "ربع مليون", "half a million", "مليون ونصف"
            share = next(((k, a, b) for phrase, a, b in lex.fractions
                          if (k := _match_tail(back, phrase)) is not None), None)
            if share is not None:
                k, numerator, denominator = share
                low = high = num.value * numerator // denominator
                start = outer = back[k].start
                back = back[:k]
            elif lex.half_after is not None and (m := lex.half_after.match(s, end)) is not None:
                low = high = num.value * 3 // 2
                end = m.end()
        prev = back[-1].text if back else ""
        special = bool(prev) and _in(prev, lex.prev_special)  # else nothing before can matter
        bound, bstart = self.bound_before(back) if special else (None, None)
        range_begin = None
        if special and bound is None:
            for phrase in lex.range_start:
                k = _match_tail(back, phrase)
                if k is not None:
                    range_begin = back[k].start + (len(back[k].text) - len(phrase[0]))
                    break
        if bound is None and range_begin is None:
            if self.name_end >= 0 and _GAP_RE.fullmatch(s, self.name_end, outer):
                self.name_end = end
                return end, None  # "2139 و2254" after a skipped identifier
            if special:
                if _in(prev, lex.before_names):
                    self.name_end = end
                    return end, None  # القرار 2254، الفرقة 17
                if _in(prev, lex.before_time) or _in(prev, lex.ordinals) or _in(prev, lex.months):
                    return end, None  # الساعة 5، الحادي عشر، March 20
                if low is not None and 1000 <= low <= 2100 and _in(prev, lex.before_year):
                    return end, None  # عام 1982، in 2019
        # --- the second half of a range
        if num is not None:
            r = self.second_half(num, range_begin is not None)
            if r is not None:
                low, end, high = r
                if range_begin is None and prev in ("من", "from"):
                    range_begin = back[-1].start
            elif range_begin is not None and bound is None:
                range_begin = None
        elif prev in ("من", "from", "بين", "between", "ما"):
            range_begin = back[-1].start
        unit_end = self.not_count_after(end)
        if unit_end >= 0:
            return unit_end, None
        # --- postposed bound, person noun, coordination
        e2, pkind = self.post_bound(end)
        new_end, noun, cats = self.attach_noun(e2 if pkind else end, definite, num.value if num else None)
        if noun is not None:
            end = new_end
            if pkind is None:
                end, pkind = self.post_bound(end)
        elif pkind is not None:
            end = e2
        # --- what is no count after all
        has_bound = bound is not None or pkind is not None or range_begin is not None
        if num is not None and num.n == 1 and first is not None and first.base in lex.needs_noun:
            if noun is None:
                return end, None  # واحد، one: a count only with a person noun
        if definite and noun is None and not has_bound:
            return end, None  # العشرين، الـ15: ordinal-like unless bounded or with a person noun
        if attached and attached not in _PROCLITIC_TOKENS and noun is None:
            self.name_end = end
            return end, None  # دير الزور24
        if (
            is_digits and noun is None and num is not None and num.n == 1
            and first is not None and len(first.base) == 4 and 1900 <= num.value <= 2100
        ):
            return end, None  # a year, also "منذ 1979 وحتى 1981", "بين 2017 و2020"
        if noun is None and not has_bound and not definite and back:
            head = self.headline_noun(back, outer)
            if head is not None:
                start, noun = head
                cats = (noun.category,)
        approx = False
        for kind in (bound, pkind):
            if kind:
                low, high, ap = _apply_bound(low, high, kind)
                approx = approx or ap
        begin = min(x for x in (bstart, range_begin, start) if x is not None)
        if noun is not None and ")" in s[start:end]:
            k = s.rfind("(", max(0, begin - 3), begin)
            if k >= 0 and not s[k + 1:begin].strip():
                begin = k
        return end, _Found(begin, end, low, high, False, approx, noun, cats)

    def headline_noun(self, back: list[_Tok], outer: int) -> tuple[int, _Noun] | None:
        """Headline style, the person noun before the number: "قتلى 5", "الشهداء: 5", "Dead: 5".
        A plural noun of harm (قتلى، جرحى، شهداء) may stand right before the number; any plural person
        noun may before a colon ("الأطفال: 3"). English takes the colon form only."""
        s = self.s
        i = len(back) - 1
        colon = back[i].text == ":"
        if colon:
            i -= 1
        if i < 0 or s[back[i].end:outer].strip(" \t:"):
            return None
        info = self.lex.nouns.get(back[i].text)
        if info is None:
            return None
        noun = info[2]
        if noun.number not in ("plural", "dual_or_plural") or noun.possessed:
            return None
        if not colon and (noun.kind not in ("killed", "injured") or back[i].text.isascii()):
            return None
        return back[i].start + info[0], noun

    def at_vague(self, base: str, t: _Tok, skip: int) -> tuple[int, _Found | None] | None:
        """عشرات، مئات الآلاف، عدد من، dozens of, a few ..."""
        lex = self.lex
        for phrase, k, lo, hi in lex.vague.get(base, ()):
            begin = t.start + skip
            if k:
                back = self.src.back(t.start)
                idx = _match_tail(back, phrase[:k])
                if idx is None:
                    continue
                begin = back[idx].start
            toks = self.src.fwd(t.end, len(phrase))
            j = _match_head(toks, 0, phrase[k + 1:])
            if j is None:
                continue
            if t.start and lex.superlatives:
                back = self.src.back(begin)
                if back and _in(back[-1].text, lex.superlatives):
                    return toks[j - 1].end if j else t.end, None  # أكبر عدد من الضحايا: no count
            end = toks[j - 1].end if j else t.end
            low, high = lo, hi
            nt = self.src.fwd(end)  # vague x scale: عشرات الآلاف, tens of thousands
            i = 1 if nt and nt[0].text == "of" else 0
            if len(nt) > i:
                info = lex.words.get(nt[i].text)
                base2 = info[2] if info and not info[0] else ""
                entry = lex.num.get(base2)
                mult = 0
                if entry and entry[0] in ("scale", "hundred") and entry[1] > 12 and entry[2] != "dual":
                    if entry[2] == "pl" or (nt[i].text.isascii() and entry[1] in (100, 1000, 10**6)):
                        mult = entry[1]  # عشرات الآلاف, several hundred, a few thousand
                elif base2 in lex.vague and len(lex.vague[base2][0][0]) == 1:
                    mult = lex.vague[base2][0][2]  # عدة مئات: several hundreds
                if mult:
                    low = lo * mult
                    high = None if hi is None else hi * mult
                    end = nt[i].end
            bound, bstart = self.bound_before(self.src.back(begin))
            new_end, noun, cats = self.attach_noun(end, True)
            if noun is not None:
                end = new_end
            elif (unit_end := self.not_count_after(end)) >= 0:
                return unit_end, None  # "عشرات الأسر", "مئات الدولارات": no count of people
            elif not mult and base in lex.vague_needs_noun:
                return end, None  # "مرات عدة", "عدة أمور": without a person noun after it, no count of people
            approx = False
            if bound:
                low, high, approx = _apply_bound(low, high, bound)
            return end, _Found(bstart if bstart is not None else begin, end, low, high, True, approx,
                               noun, cats)
        return None

    def after_plural(self, a: int, num: _Num) -> tuple[int, _Found] | None:
        """A definite number after the definite or possessed plural person noun it qualifies ("المدنيين
        الثلاثة"، "أطفالهما السبعة"، "أبنائهم الأربعة"): that many people."""
        back = self.src.back(a)
        if not back or _prev_word(self.s, a) is None:
            return None
        t = back[-1]
        info = self.lex.nouns.get(t.text)
        if info is not None and not info[1] and not info[2].possessed:
            return None  # an indefinite plural takes no definite number
        info = info or _possessed_plural(self.lex, t.text)
        if info is None or info[2].number not in ("plural", "dual_or_plural") or info[2].kind is not None:
            return None
        noun = info[2]
        return num.end, _Found(t.start + info[0], num.end, num.value, num.value, False, False, noun, (noun.category,))

    def at_one_of(self, t: _Tok, skip: int) -> tuple[int, _Found | None] | None:
        """أحد المدنيين، إحدى النساء، أحد عناصر: one person."""
        nxt = self.src.fwd(t.end)
        if not nxt:
            return None
        info = self.lex.nouns.get(nxt[0].text) or _suffixed_plural(self.lex, nxt[0].text)  # أحد مرافقيه
        if info is None or info[0] or info[2].number == "singular":
            return None
        noun = info[2]
        return nxt[0].end, _Found(t.start + skip, nxt[0].end, 1, 1, False, False, noun, (noun.category,))

    def at_noun(self, t: _Tok, skip: int, definite: bool, noun: _Noun) -> tuple[int, _Found | None]:
        """A bare person noun that is a count by itself: مقتل طفل، طفلين، مدنيين، a child."""
        s, lex = self.s, self.lex
        start, end = t.start + skip, t.end
        if definite and noun.kind in ("killed", "injured") and noun.number != "singular" and not t.text.isascii():
            r = self.heading_list(t, skip, noun)
            if r is not None:
                return r
        if noun.number == "plural" or (definite and (noun.number != "dual" or noun.singular_count == "harm")):
            if definite and noun.number == "singular" and not t.text.isascii() and noun.singular_count != "harm":
                r = self.at_named(t, skip, noun)
                if r is None and noun.lemma in lex.members:
                    r = self.at_member(t, skip, noun)
                if r is not None:
                    return r
            return end, None
        if t.text.isascii():
            return self.at_english_noun(t, noun)
        prev = _prev_word(s, t.start)
        if prev is None:
            back = self.src.back(t.start)
            prev = back[-1].text if back else ""
        if noun.singular_count == "harm":  # وأصيب آخر، وإصابة آخرين: only right after a harm word
            if not _in(prev, lex.harm_cues):
                return end, None
        elif noun.number != "dual" and noun.singular_count != "always":
            if noun.singular_count == "never" and noun.number == "singular":
                return end, None
            cued = _in(prev, lex.cues) or (
                prev in lex.that_words and noun.number == "singular" and t.text.endswith("ا")  # "إن مدنياً قتل"
            ) or self.phrase_cued(t.start, prev)
            if not cued and self.found:
                last = self.found[-1]
                cued = last.noun is not None and bool(_GAP_RE.fullmatch(s, last.end, start)) and (
                    last.name is None or "و" in s[last.end:start]) and (  # not "الشهيد فلان قائد كتيبة"
                    noun.lemma not in lex.members or "و" in s[last.end:start])  # nor "الشابين أمير فلان"
            if not cued and not (noun.lemma in lex.members and noun.number == "singular" and (
                    (_HEADLINE_START.search(s, max(0, t.start - 8), t.start) or prev in lex.that_words)
                    and self.cue_after_group(end, construct=True)
                    or t.text.endswith("ا") and self.verb_before(t.start) and self.group_end(end, construct=True))):
                return end, None  # (but "والي دمشق بتنظيم داعش بقبضة الأمن": a cue after its group;
                #                   "اعتقلت قوات الأمن قيادياً في التنظيم": the object of a harm verb)
        if noun.number == "singular" and (_in(prev, lex.blockers) or _in(prev, lex.ordinals)):
            return end, None
        nxt = self.src.fwd(t.end)
        if prev in ("بين", "ما") and noun.number == "singular" and nxt and nxt[0].text[:1] == "و":
            other = lex.nouns.get(nxt[0].text)
            if other is not None and other[2].number == "singular":
                return nxt[0].end, None  # "بين قتيل وجريح": killed or wounded, not two counts
        if noun.singular_count == "harm" and noun.number == "singular":
            w = self.src.fwd(end)[0].text
            if w in lex.nouns or w.startswith("ال"):
                return end, None  # "حتى مقتل آخر إرهابي"، "قتل آخر المهاجمين": the last one, not another
        end, noun = self.adjective_after(end, noun, definite)
        if noun.lemma in lex.members and noun.number == "singular" and (
                group := self.group_end(end, construct=True)):  # "قائد ... لحركة X": the group is in the span
            end, noun = group, replace(noun, category="combatants")
        nxt = self.src.fwd(end)
        low, high, vague = _noun_count(noun)
        if nxt and nxt[0].text in lex.postposed and not (  # "قيادي وأحد مرافقيه" is و + أحد, not "one"
                len(nxt) > 1 and nxt[0].text[0] == "و" and _plural_person(lex, nxt[1].text)):
            v = lex.postposed[nxt[0].text]
            if v == (1 if noun.number == "singular" else 2):
                low, high, vague = v, v, False  # طفل واحد، مدنيين اثنين
                end = nxt[0].end
        return end, _Found(start, end, low, high, vague, False, noun, (noun.category,))

    def phrase_cued(self, start: int, prev: str) -> bool:
        """Whether the two words before ``start`` (the last one ``prev``) are a cue phrase ("القبض على")."""
        if not prev:
            return False
        before = _prev_word(self.s, start - len(prev) - 1)
        return bool(before) and any(f"{b} {prev}" in self.lex.cues for b in _bare(before))

    def at_english_noun(self, t: _Tok, noun: _Noun) -> tuple[int, _Found | None]:
        """a child, a young girl, another Syrian civilian: one person."""
        s, lex = self.s, self.lex
        if noun.number != "singular" or noun.singular_count == "never" or s[t.end:t.end + 1] == "-":
            return t.end, None  # not "a rebel-held town"
        words = [(m.group(), m.start()) for m in _SPACED.finditer(s, max(0, t.start - 60), t.start)]
        k = len(words) - 1
        n_adj = 0
        while k >= 0 and n_adj < 3 and (  # "a senior Islamic State leader"
            words[k][0] in lex.adjectives or _NATIONALITY.match(words[k][0]) or _age_adj().match(words[k][0])
        ):
            k -= 1
            n_adj += 1
        if k >= 0 and words[k][0] == "the":
            r = self.at_named_english(words[k][1], t, noun)
            if r is not None:
                return r
        if k < 0 or words[k][0] not in lex.articles or words[k][0] == "one":
            return t.end, None
        if noun.singular_count == "cue":
            nxt = self.src.fwd(t.end)
            if nxt and _is_word(nxt[0]) and nxt[0].text not in lex.after_ok:
                return t.end, None  # "a civilian car"
        return t.end, _Found(words[k][1], t.end, 1, 1, False, False, noun, (noun.category,))


    # ----- names without a count word
    def heading_list(self, t: _Tok, skip: int, noun: _Noun) -> tuple[int, _Found | None] | None:
        """"أسماء الشهداء:" / "المصابون هم:" over numbered or bulleted lines of names: as many people
        as names, with the heading noun's outcome; a list that ends in "وآخرون" (or is cut off with
        "...") is at least that many."""
        s, lex = self.s, self.lex
        ls = s.rfind("\n", 0, t.start) + 1
        if t.start - ls > 40 and _AR_WORD.search(s, ls, t.start - 40):
            return None  # words far before it on its line: a sentence, not a heading (checked first: cheap)
        le = s.find("\n", t.end)
        if le < 0:
            return None
        before = _AR_WORD.findall(s, ls, t.start + skip)
        start = t.start + skip
        if before:
            if len(before) > 2 or not all(_in(w, lex.list_heads) for w in before):
                return None
            start = _AR_WORD.search(s, ls, t.start + skip).start()  # type: ignore[union-attr]
        elif not _HEAD_REST.fullmatch(s, t.end, le):
            return None  # "الشهداء" inside a sentence, not a heading
        n, more, pos = 0, False, le
        while True:
            m = _ITEM.match(s, pos)
            if m is None:
                break
            e = s.find("\n", m.end())
            e = len(s) if e < 0 else e
            toks = self.src.fwd(m.end(), 4)
            k = 0
            while k < 2 and (toks[k].text in lex.titles or (
                    toks[k].text in lex.nouns and lex.nouns[toks[k].text][1]
                    and lex.nouns[toks[k].text][2].number == "singular")):
                k += 1  # "1- السيدة فلانة", "2- الطفل فلان"
            if not self.first_name(toks[k].text, toks[k]):
                more = more or toks[k].text in (".", "…") and n > 0  # "2_...": the list is cut off
                break
            n += 1
            line = s[m.end():e].rstrip()
            if line.endswith(("...", "…")) or any(_in(w, lex.list_more) for w in line.split()[-2:]):
                more = True
            pos = e
        if n == 0:
            return None
        m = _MORE_LINE.match(s, pos)
        if m is not None and _in(m.group(1), lex.list_more):
            more = True
        return t.end, _Found(start, t.end, n, None if more else n, more, False, noun, (noun.category,))

    def at_cue_names(self, t: _Tok) -> tuple[int, _Found | None] | None:
        """A harm word and people's names without a person noun: 'مقتل "فلان الفلاني"', "استشهد فلان
        الفلاني", "إصابة كل من فلان وفلان" (as many as names), "وإصابة المواطنَين" (a vowelled dual: 2)."""
        s, lex = self.s, self.lex
        pos = t.end
        toks = self.src.fwd(pos, 7)
        for phrase in lex.list_openers:
            # "إصابة كل من"; past a few words of the event: "أصيب بجروح كل من", "استشهد في القصف كل من"
            for k in range(min(4, len(toks))):
                if k and not _is_word(toks[k - 1]):
                    break
                j = _match_head(toks, k, phrase)
                if j is not None:
                    r = self.list_members(toks[j - 1].end)
                    if r is not None:
                        return r
                    if k == 0:
                        pos = toks[j - 1].end
                    break
            else:
                continue
            break
        toks = self.src.fwd(pos, 4)
        k = 0
        while k < min(3, len(toks) - 1) and toks[k].text in lex.name_cue_times:  # "توفي اليوم الحاج فلان"
            k += 1
            if k < 3 and toks[k].text.isdigit():  # "توفي اليوم الإثنين 2 كانون الأول 2024 الحاج فلان"
                toks = self.src.fwd(pos, k + 6)
                k += _date_length(toks, k, lex)
                break
        if k:
            pos = _NAME_SEP.match(s, toks[k - 1].end).end()  # type: ignore[union-attr]
        first = toks[k]
        titled = first.text in lex.titles and first.text not in lex.nouns
        title_start, ranked = first.start, first.text in lex.ranks
        if titled:  # "استشهد الحاج فلان الفلاني"، "مقتل الدكتور فلان": a title says a person's name follows
            pos = _NAME_SEP.match(s, first.end).end()  # type: ignore[union-attr]
            first = self.src.fwd(pos, 1)[0]
        dual: _Noun | None = None
        info = lex.nouns.get(first.text)
        if info is not None:
            if not (info[1] and not info[0] and info[2].number in ("dual", "dual_or_plural")):
                return None  # a person noun: at_noun and at_named decide
            dual = info[2]
            pos = _NAME_SEP.match(s, first.end).end()  # type: ignore[union-attr]
        names: list[tuple[int, int]] = []
        while len(names) < 12:
            span = self.name_after(pos)
            if span is None:
                break
            if dual is None and not titled and s[span[0]] != '"' and not self.known_first_name(span[0]):
                break  # "بمقتل زعيم العصابة": without a quote or a person noun, a known given name only
            names.append(span)
            m = _NAME_GAP.match(s, span[1])
            if m is None or not (m.group(1) or m.group(2)):
                break
            pos = m.end()
        if not names:
            if dual is None or self.nt is None or not first.text.endswith("ين"):
                return None
            a, b = self.nt.span(first.start, first.end)
            if "\u064eي" not in self.nt.original[a:b][-4:]:
                return None  # "المواطنين": two or more; "المواطنَين": two
            return first.end, _Found(first.start, first.end, 2, 2, False, False, dual, (dual.category,))
        n = len(names)
        if dual is not None and n < 2:
            return None  # "الطفلين فلان (8 سنوات) وابن عمه ...": the dual says two, at_noun counts it
        noun = dual or (_NAMED_RANK if titled and ranked else _NAMED)
        begin = first.start if dual is not None else title_start if titled else names[0][0]
        return names[-1][1], _Found(begin, names[-1][1], n, n, False, False, noun, (noun.category,),
                                    name=names[0] if n == 1 else None)

    def list_members(self, pos: int) -> tuple[int, _Found] | None:
        """The people listed after "كل من" (each of): two or more members joined by و / ، , each a name, a
        person noun and a name ("الشاب فلان الفلاني"), a name in brackets or a relative by a pronoun
        ("وشقيقها"), each maybe followed by an age ("(16 عاماً)", "20 عاماً"). "كل من" announces a list, so
        a name need not be a listed given name; fewer than two members are left to ``at_cue_names``."""
        s, lex = self.s, self.lex
        begin, end, n = -1, pos, 0
        while n < 12:
            m = OPEN_PAREN.match(s, pos)
            p = m.end() if m else pos
            toks = self.src.fwd(p, 3)
            if not toks:
                break
            start, kin = (s.index("(", pos) if m else toks[0].start), False
            for tk in toks[:2]:  # nouns and titles before the name: الشابة، الطفل، الحاج
                info = lex.nouns.get(tk.text)
                if info is not None and info[2].number == "singular" and info[2].kind is None:
                    kin, p = info[2].possessed, tk.end
                elif tk.text in lex.titles:
                    p = tk.end
                else:
                    break
            span = self.name_after(p)
            if span is None and not kin:
                break  # "كل من يقف قرب الجدار": no member
            stop = span[1] if span else p
            if m:
                close = CLOSE_PAREN.match(s, stop)
                if close is None:
                    break
                stop = close.end()
            begin, end, n = (start if begin < 0 else begin), stop, n + 1
            age = _AGE_AFTER.match(s, stop)  # "20 عاماً", "(16) عاماً", "(22 عاماً)", else a note in brackets
            age = age if age is not None and age.group(1) in lex.after else PAREN_ASIDE.match(s, stop)
            if age is not None:
                stop = age.end()
            gap = _NAME_GAP.match(s, stop)
            if gap is None or not (gap.group(1) or gap.group(2)):
                break
            pos = gap.end()
        if n < 2:
            return None
        return end, _Found(begin, end, n, n, False, False, _NAMED, (_NAMED.category,))

    def known_first_name(self, pos: int) -> bool:
        """Whether the word at ``pos`` is a listed given name or opens a compound name (عبد، أبو)."""
        w = self.src.fwd(pos, 1)[0]
        lex = self.lex
        if w.text == "علي":
            return self.first_name(w.text, w)
        return w.text in lex.given_names or w.text in lex.name_starters or w.text.startswith("عبد")

    # ----- named persons
    def at_named(self, t: _Tok, skip: int, noun: _Noun) -> tuple[int, _Found | None] | None:
        """الشاب محمد العلي، الطفلة "جمانة"، الشهيد الطفل علي الوردي، #الشاب_بلال_صطيفي: a definite
        singular person noun followed by a person's name is one person (see ``named_context``)."""
        s, lex = self.s, self.lex
        start = t.start + skip
        if skip == 0 and start > 0 and s[start - 1] == "#":
            return self.at_hashtag(start, noun)
        nw = _next_word(s, t.end)  # the common case decided cheaply: no name follows
        if nw == "" or nw is not None and nw != "علي" and nw not in lex.titles and not (
            nw in lex.nouns and lex.nouns[nw][1] or self.first_name(nw, None)
        ):
            return None
        nouns = [noun]
        pos = t.end
        for tk in self.src.fwd(pos, 3)[:2]:  # nouns and titles in apposition: الشهيد الطفل، المسن الحاج
            info = lex.nouns.get(tk.text)
            if info is not None and info[1] and not info[0] and info[2].number == "singular":
                nouns.append(info[2])
            elif tk.text not in lex.titles:
                break
            pos = tk.end
        span = self.name_after(pos)
        if span is None or not self.named_context(t.start, start, span[1], nouns):
            return None
        main = _main_noun(nouns)
        return span[1], _Found(start, span[1], 1, 1, False, False, main, (main.category,), name=span)

    def at_member(self, t: _Tok, skip: int, noun: _Noun) -> tuple[int, _Found | None] | None:
        """مقتل القيادي في هيئة تحرير الشام، القبض على القائد العسكري لحركة ...، اغتيال القيادي البارز أبو
        فلان: a definite member of an armed group (see [names] members) right after a cue word, with its
        group or a name after it (past its adjectives), is one person. Without either, the noun mostly
        refers back to someone already counted ("وكان القيادي قد ...")."""
        s, lex = self.s, self.lex
        prev = _prev_word(s, t.start)
        cued = bool(prev) and (_in(prev, lex.cues) or self.phrase_cued(t.start, prev))
        if not cued and not (_HEADLINE_START.search(s, max(0, t.start - 8), t.start) or prev in lex.that_words):
            return None  # (a cue after its group may yet make it one: a headline, "أن القيادي في ... قتل")
        start, end = t.start + skip, t.end
        for tk in self.src.fwd(end, 2):  # العسكري، البارز، الميداني
            if not (tk.text.startswith("ال") and tk.start - end <= 1 and not _in(tk.text, lex.cues)
                    and not _in(tk.text, lex.member_groups)):
                break
            end = tk.end
        group = self.group_end(end)
        if group is not None and (cued or self.cue_after_group(end)):
            noun = replace(noun, category="combatants")  # a member of an armed group
            return group, _Found(start, group, 1, 1, False, False, noun, (noun.category,))
        if not cued:
            return None
        m = lex.aliases.match(s, end)
        span = self.name_after(m.end() if m else end)
        if span is None:
            return None
        return span[1], _Found(start, span[1], 1, 1, False, False, noun, (noun.category,), name=span)

    def verb_before(self, pos: int) -> bool:
        """Whether a cue word stands among the three words before ``pos`` (a verb and its subject before an
        accusative object: "اعتقلت قوات الأمن قيادياً"; not "عيّنت الحركة قائداً", "عمل أميراً")."""
        return any(_in(tk.text, self.lex.cues) for tk in self.src.back(pos)[-3:])

    def group_end(self, pos: int, construct: bool = False) -> int | None:
        """The end of a member's group right after ``pos`` (see ``group_after``); with ``construct``, also
        past one word the noun governs ("والي دمشق بتنظيم داعش", "أمير الرقة في التنظيم")."""
        end = self.group_after(pos)
        if end is not None or not construct:
            return end
        w = self.src.fwd(pos, 1)[0]
        if w.start - pos > 1 or not _AR_WORD.fullmatch(w.text) or w.text[0] == "و" or _in(w.text, self.lex.cues):
            return None
        return self.group_after(w.end)

    def cue_after_group(self, pos: int, construct: bool = False) -> bool:
        """Whether a member noun ending at ``pos`` is followed by its group, maybe a name, and a cue word
        (a headline: "والي دمشق في التنظيم بقبضة الأمن", "القيادي في الهيئة فلان الفلاني قتيلاً"; "أن عنصراً
        من قوات النظام أصيب"). The callers ask it only at a line start or after إنّ / أنّ (it is costly)."""
        lex = self.lex
        if not any(_in(tk.text, lex.cues) or tk.text in lex.cue_firsts for tk in self.src.fwd(pos, 12)):
            return False  # (no cue word near: the group need not be looked for)
        end = self.group_end(pos, construct)
        if end is None:
            return False
        m = lex.aliases.match(self.s, end)
        span = self.name_after(m.end() if m else end)
        toks = self.src.fwd(span[1] if span else end, 2)
        if toks[0].text[:1] == "و" or not _is_word(toks[0]):
            return False  # "... واعتقال": another clause
        return _in(toks[0].text, lex.cues) or (
            len(toks) > 1 and f"{toks[0].text} {toks[1].text}" in self.lex.cues)

    def group_after(self, pos: int) -> int | None:
        """The end of "في / من / بـ / لـ + an armed group" right after ``pos`` ("في هيئة تحرير الشام",
        "بتنظيم داعش", "لحركة ...", "في صفوفها"): a group word of [names] member_groups or a known actor."""
        m = self.lex.member_of.match(self.s, pos)
        if m is None:
            return None
        w = _AR_WORD.match(self.s, m.end())
        if w is None:
            return None
        a = m.end()
        known = next((a + f.end for f in find_actors(self.s[a:a + 60], "ar") if f.start <= 1 and f.actor is not None
                      and f.actor.id != "unknown" and not (f.end - f.start == len(w.group()) and _in(
                          w.group(), self.lex.member_places))), None)  # "مسؤول في تركيا": a place
        if known is None and m.group("construct") is None and any(
                b in self.lex.member_groups for b in _bare(w.group())):
            return w.end()
        return known

    def english_group_end(self, t: _Tok) -> int | None:
        """Where the name of an armed group that begins at ``t`` ends ("Jaish al-Fateh", "al-Nusra"), for a
        count whose person noun comes after the group's name ("10 Jaish al-Fateh terrorists")."""
        return next((t.start + f.end for f in find_actors(self.s[t.start:t.start + 50], "en")
                     if f.start == 0 and f.actor is not None and f.actor.id != "unknown"), None)

    def at_hashtag(self, start: int, noun: _Noun) -> tuple[int, _Found | None] | None:
        """#الشاب_بلال_صطيفي: a hashtag of a person noun and a name is one person."""
        m = _HASHTAG_BODY.match(self.s, start)
        if m is None:
            return None
        words = m.group().split("_")
        lex = self.lex
        nouns = [noun]
        i = 1
        while i < len(words) and i < 3:
            info = lex.nouns.get(words[i])
            if info is not None and info[1] and not info[0] and info[2].number == "singular":
                nouns.append(info[2])
            elif words[i] not in lex.titles:
                break
            i += 1
        if i >= len(words) or not self.first_name(words[i], None) or (
            len(words) - i == 1 and words[i] in lex.name_starters
        ):
            return None
        if any(not self.name_word(w, None) for w in words[i + 1:]):
            return None
        name_start = start + sum(len(w) + 1 for w in words[:i])
        main = _main_noun(nouns)
        return m.end(), _Found(start - 1, m.end(), 1, 1, False, False, main, (main.category,),
                               name=(name_start, m.end()), tag=True)

    def at_named_english(self, start: int, t: _Tok, noun: _Noun) -> tuple[int, _Found | None] | None:
        """the child Ali al-Wardi: "the", a singular person noun and a capitalised name is one person."""
        if noun.singular_count == "never":
            return None
        span = self.english_name_after(t.end)
        if span is None or not self.named_context(start, start, span[1], [noun]):
            return None
        return span[1], _Found(start, span[1], 1, 1, False, False, noun, (noun.category,), name=span)

    def common_word(self, w: str) -> bool:
        """A word of the language (not a name): in the stop list or any lexicon, proclitics allowed."""
        lex = self.lex
        for b in _bare(w):
            if (b in lex.not_names or b in lex.nouns or b in lex.words or b in lex.cues or b in lex.months
                    or b in lex.after or b in lex.ordinals or b in lex.bounds or b in lex.titles):
                return True
        return False

    def first_name(self, w: str, tok: _Tok | None) -> bool:
        """The first word of a name after a person noun."""
        if w == "علي":  # the name only when written with ي (على is "on")
            return tok is None or self.original_char(tok.end - 1) == "ي"
        cache = self.lex.first_names
        known = cache.get(w)
        if known is None:
            if len(cache) > 50_000:
                cache.clear()
            known = cache[w] = self._first_name(w)
        return known

    def _first_name(self, w: str) -> bool:
        lex = self.lex
        if len(w) < 2 or not _AR_WORD.fullmatch(w):
            return False
        if w in lex.given_names or w in lex.name_starters:
            return True
        if w.startswith("ال") or w[0] in "وفبل" or w[-1] == "ا":
            return False  # الذي، وقد، بمرض، لأطول، مجددا: an article, a proclitic, an accusative ending
        return not self.common_word(w)

    def name_word(self, w: str, tok: _Tok | None) -> bool:
        """A later word of a name (a father's or family name: محمد عبد الله العلي)."""
        lex = self.lex
        if len(w) < 2 or not _AR_WORD.fullmatch(w):
            return False
        if w == "علي":
            return tok is None or self.original_char(tok.end - 1) == "ي"
        if w in lex.given_names or w in lex.name_starters:
            return True
        if w[0] == "و" or w.startswith(_NOT_NAME_PREFIXES) or w[-1] == "ا":
            return False  # والطفل، وزوجته، بالقصف، مقتولا: the sentence goes on
        if w.startswith("ال"):  # a family name (العلي، الأسود) unless a word of the language (القصف)
            b = w[2:]
            return not (w in lex.nouns or w in lex.not_names or b in lex.not_names and b not in lex.given_names
                        or b in lex.cues or b in lex.nouns or b in lex.months)
        return not self.common_word(w)

    def name_after(self, pos: int) -> tuple[int, int] | None:
        """The span of an Arabic person's name right after ``pos``: a quoted phrase or name words."""
        s = self.s
        toks = self.src.fwd(pos, 6)
        first = toks[0]
        if first.text == '"':
            close = s.find('"', first.end, min(len(s), first.end + 60))
            if close < 0 or "\n" in s[first.end:close]:
                return None
            inner = s[first.end:close].split()
            if not 1 <= len(inner) <= 6 or not (self.first_name(inner[0], None) or inner[0].isascii()
                                                  and _LETTER.match(inner[0])):
                return None
            return first.start, close + 1
        w = first.text
        if not self.first_name(w, first):
            return None
        end, n = first.end, 1
        by_hand = False  # the name is followed by "على يد" (at the hands of): whoever it is, a person
        for i, tk in enumerate(toks[1:4], 1):  # a first, father's, grandfather's and family name at most
            if tk.text == "علي" and i + 1 < len(toks) and toks[i + 1].text in self.lex.hand_words:
                by_hand = True  # "مقتل صالح علي يد ...": the preposition, no part of the name
                break
            if not self.name_word(tk.text, tk):
                break
            end, n = tk.end, n + 1
        if n < 2 and not by_hand:
            return None  # "الطفل محمد": a first name alone mostly refers back to someone named before
        return first.start, end

    def english_name_after(self, pos: int) -> tuple[int, int] | None:
        """The span of a capitalised name right after ``pos`` (Ali al-Wardi, Umm Ahmad)."""
        s, lex = self.s, self.lex
        end = begin = -1
        first = True
        for m in _EN_NAME_WORD.finditer(s, pos, min(len(s), pos + 80)):
            if m.start() != (pos if first else end) or not m.group(1):
                break
            w, a = m.group(2), m.start(2)
            head = w.split("-")[0]
            capital = self.original_char(a).isupper()
            if first:
                if not capital or w in lex.not_names or w in lex.months or w in lex.adjectives or (
                    _NATIONALITY.match(w) or w in lex.words or w in lex.nouns
                ):
                    return None
            elif not capital and not (head in lex.name_connectors and "-" in w or w in lex.name_connectors):
                break
            elif capital and (w in lex.not_names or w in lex.months):
                break
            if first:
                begin = a
            end = m.end()
            first = False
        if end < 0:
            return None
        return begin, end

    def named_context(self, outer: int, start: int, end: int, nouns: list[_Noun]) -> bool:
        """A named person is a count where the text reports harm: a cue right before the noun (or the
        article) or right after the name, a killed/injured noun in the chain, or a count before it
        in a list. Never after a word that makes the name a thing's (مدرسة الشهيد ...)."""
        s, lex = self.s, self.lex
        back = self.src.back(outer)
        prev = back[-1].text if back else ""
        if _in(prev, lex.not_after_named):
            return False
        if self.found and self.found[-1].noun is not None:
            last_end = self.found[-1].end
            m = PAREN_ASIDE.match(s, last_end, start)  # "الطفل فلان (12 عاما) والشاب فلان"
            gap_start = m.end() if m else last_end
            if _GAP_RE.fullmatch(s, gap_start, start) and ("و" in s[gap_start:start] or "," in s[gap_start:start]
                                                            or "and" in s[gap_start:start]):
                return True
        if any(n.kind in ("killed", "injured") and n.lemma not in lex.title_lemmas for n in nouns):
            return True  # القتيل فلان، الجريح فلان (not the honorific الشهيد: لائحة الشهيد فلان)
        for tk in back[-3:][::-1]:  # مقتل الطفل، the death of the child, killing the child
            if _in(tk.text, lex.cues):
                return True
            if tk.text not in ("of", "the", "في", "ل", "من"):
                break
        toks = self.src.fwd(end, 8)
        i, depth, linked = 0, 0, False
        while i < len(toks):
            w = toks[i].text
            if w == "(":
                depth += 1
            elif w == ")":
                depth = max(0, depth - 1)
            elif not depth and w in lex.referring_links:
                linked = True  # "الطفل فلان بعد إصابته بقصف", "الشاب فلان، ما أدى إلى مقتله"
            elif not (depth or w in _both("names", "asides", ",", "-") or w[0].isdigit() or w in lex.after):
                if not linked and w[0] != "و" and _in(w, lex.cues):  # not "... واختفاء": another clause
                    return True
                break
            i += 1
        # "الطفل فلان في مشفى البلدة بعد إصابته": a harm word of his, after a link, later in the clause
        for a, b in zip(toks[max(i - 1, 0):], toks[max(i, 1):], strict=False):
            if a.text == "." or b.text[0] == "و":
                return False
            if a.text in lex.referring_links and _in(b.text, lex.referring_cues):
                return True
        return False


# an age or a note in brackets after a name: "الطفل فلان (12 عاما)"
PAREN_ASIDE = re.compile(r"[^\S\n]*\([^()\n]{1,25}\)")
_NAMED = _Noun("", "people", None, "singular", "always")  # a person known only by name
_NAMED_RANK = _Noun("", "combatants", None, "singular", "always")  # ... and a soldier's or policeman's rank
# what may stand before the subject of a headline ("والي دمشق في التنظيم بقبضة الأمن"): a line start or a stop
_HEADLINE_START = re.compile(r'(?:^|[\n.:!؟?"«\-–|])[^\S\n]*$')
OPEN_PAREN = re.compile(r"[^\S\n]*\([^\S\n]*")  # an opening bracket with the spaces around it
CLOSE_PAREN = re.compile(r"[^\S\n]*\)")
_AGE_AFTER = re.compile(r"[^\S\n]*[,،]?[^\S\n]*\(?[^\S\n]*[0-9]{1,3}[^\S\n]*\)?[^\S\n]*([\u0621-\u064a]+)\)?")
_NAME_SEP = re.compile(r"[^\S\n]*(?:[,،;:][^\S\n]*)?")
_NAME_GAP = re.compile(r"[^\S\n]*([,،][^\S\n]*)?(و(?=[\u0621-\u064a])|و[^\S\n]+)?")
_HEAD_REST = re.compile(r"[^\S\n]*(?:هم)?[^\w\n]*")
_ITEM = re.compile(r"\n(?:[^\S\n]*\n){0,2}[^\S\n]*(?:[0-9]{1,3}[^\S\n]*[-_.)]|[-–•▪*●]|[0-9]{1,3}(?=[^\S\n]))"
                   r"[^\S\n]*")
_MORE_LINE = re.compile(r"\n(?:[^\S\n]*\n){0,2}[^\S\n]*([\u0621-\u064a]+)")
_HASHTAG_BODY = re.compile(f"[{_AR}]+(?:_[{_AR}]+)+")
_AR_WORD = re.compile(f"[{_AR}]+")
_EN_NAME_WORD = re.compile(r"([ \t]+)([a-z]+(?:['-][a-z]+)*)")
_NOT_NAME_PREFIXES = ("بال", "لل", "فال", "كال")


def _main_noun(nouns: list[_Noun]) -> _Noun:
    """The noun a named person is counted under: the most specific in the chain (الشهيد الطفل -> child)."""
    for n in nouns:
        if n.category != "people" and n.kind is None:
            return n
    for n in nouns:
        if n.category != "people":
            return n
    return nouns[0]


_SPACED = re.compile(r"\S+")


def _noun_count(noun: _Noun) -> tuple[int | None, int | None, bool]:
    if noun.number == "singular":
        return 1, 1, False
    if noun.number == "dual":
        return 2, 2, False
    return 2, None, True


def _union_category(cats: tuple[str, ...]) -> str | None:
    if not cats:
        return None
    if len(set(cats)) == 1:
        return cats[0]
    return "civilians" if set(cats) <= _CIVILIAN_SET else "people"


def _link(last: _Found, f: _Found, s: str) -> str | None:
    """How ``f`` continues a list ending with ``last``: "and" (و / and, or hashtags in a row), "comma"
    (a comma alone: a list only if a conjunction closes it later), or None."""
    if f.noun is None or f.parts:
        return None
    members = last.parts or (last,)
    if any(m.noun is None or m.noun.kind != f.noun.kind for m in members):
        return None
    gap = s[last.end:f.start]
    m = PAREN_ASIDE.match(gap)
    if m:
        gap = gap[m.end():]  # طفل (10 سنوات) وامرأة
    if f.tag and last.tag and not gap.strip(" \t\n,") and gap.count("\n") <= 2:
        return "and"  # #الشاب_فلان #الطفل_فلان
    if "\n" in gap:
        return None
    rest = gap.strip(" \t,")
    if rest in ("و", "and"):
        return "and"
    if not rest and "," in gap:
        return "comma"
    return None


def _sum_breakdown(first: _Found) -> bool:
    """A plural count of people or civilians before a comma is a total whose parts follow ("12 people,
    five children and three women"), not the first item of a list."""
    return first.noun is not None and first.noun.category in ("people", "civilians") and first.low != 1


def _closed(found: list[_Found], i: int, s: str) -> bool:
    """Whether the comma list going on at ``found[i]`` is closed by a conjunction ("A, B and C")."""
    for j in range(i, len(found) - 1):
        link = _link(found[j], found[j + 1], s)
        if link != "comma":
            return link == "and"
    return False


def _group(found: list[_Found], s: str) -> list[_Found]:
    """Add up lists of counted person nouns: طفل وامرأة, 5 أطفال و3 نساء, two women and a child, three
    children, a woman and two men; named people (الشاب فلان والطفل فلان) and hashtags in a row."""
    out: list[_Found] = []
    for i, f in enumerate(found):
        link = _link(out[-1], f, s) if out else None
        if link == "comma" and (not _closed(found, i, s) or (not out[-1].parts and _sum_breakdown(out[-1]))):
            link = None
        if link is not None:
            last = out[-1]
            parts = (*(last.parts or (last,)), f)
            cats: list[str] = []
            for m in parts:
                for c in m.categories:
                    if c not in cats:
                        cats.append(c)
            low = None if any(m.low is None for m in parts) else sum(m.low or 0 for m in parts)
            high = None if any(m.high is None for m in parts) else sum(m.high or 0 for m in parts)
            out[-1] = _Found(last.start, f.end, low, high, any(m.vague for m in parts),
                             any(m.approximate for m in parts), None, tuple(cats), parts,
                             tag=last.tag and f.tag)
        else:
            out.append(f)
    return out


def _to_count(f: _Found, nt: NormalizedText) -> Count:
    a, b = nt.span(f.start, f.end)
    orig = nt.original
    while b < len(orig) and orig[b] in MARKS:  # keep the word's last diacritics (مدنياً)
        b += 1
    cats = f.categories or ((f.noun.category,) if f.noun else ())
    name = None
    if f.name is not None:
        na, nb = nt.span(*f.name)
        name = orig[na:nb].strip('"').replace("_", " ")
    return Count(
        start=a, end=b, text=orig[a:b], low=f.low, high=f.high, vague=f.vague,
        approximate=f.approximate, noun=f.noun.lemma or None if f.noun is not None and not f.parts else None,
        category=_union_category(cats), categories=cats,
        parts=tuple(_to_count(p, nt) for p in f.parts), name=name,
    )


@cache
def _more_than_phrases() -> tuple[str, ...]:
    phrases: set[str] = set()
    for lang in ("en", "ar"):
        bounds = load(f"{lang}/numbers.toml").get("bounds", {})
        phrases.update(" ".join(_phrase(p)) for p in bounds.get("more_than", []))
    return tuple(sorted(phrases, key=len, reverse=True))


def written_number(count: Count) -> int | None:
    """The figure as the report writes it, as a coder records it: "more than 50 killed" is 50 (its
    ``low`` is 51); any other count gives its ``low`` (else its ``high``)."""
    return written_figure(count.low, count.high, count.text)


@lru_cache(maxsize=4096)
def written_figure(low: int | None, high: int | None, text: str) -> int | None:
    """``written_number`` for a count given by its parts (as in a claim's JSON ``count``)."""
    if low is None:
        return high
    if high is None and low > 1:
        head = " ".join(normalize(text).split())  # (normalize lower-cases)
        for phrase in _more_than_phrases():
            if head.startswith(phrase + " ") or re.match(rf"^[وف]?{re.escape(phrase)} ", head):
                return low - 1
    return low




def find_counts(text: str | NormalizedText, language: str | None = None) -> list[Count]:
    """All count expressions in ``text``, in order, non-overlapping (longest match wins).

    ``language`` is "ar", "en" or None (both lexicons: the scripts do not collide). ``text`` may be
    a :class:`NormalizedText` the caller already built, so that a document is normalised once.
    """
    nt = text if isinstance(text, NormalizedText) else NormalizedText.of(text)
    s = nt.text
    if not s:
        return []
    lex = _lex(_lang_key(language))
    # Anchors: tokenise in C (one findall for words and digit blobs), keep the anchor words (set
    # membership) and the digit blobs (not alphabetic), then locate only those, in order.
    toks = (_SCAN_RE if lex.latin_anchors else _SCAN_NO_LATIN_RE).findall(s)
    anchors: list[tuple[int, int, str]] = []
    cursor = 0
    for w in filter(lex.anchors.__contains__, toks):
        letters = _LATIN if w.isascii() else _ARABIC
        a = s.find(w, cursor)
        while a >= 0:
            b = a + len(w)
            if (a == 0 or not letters.match(s, a - 1)) and not letters.match(s, b):
                anchors.append((a, b, w))
                cursor = b
                break
            a = s.find(w, a + 1)
    cursor = 0
    for w in filterfalse(str.isalpha, toks):
        a = s.find(w, cursor)
        while a >= 0:
            b = a + len(w)
            if (a == 0 or not _BLOB_EDGE.match(s, a - 1)) and not _BLOB_NEXT.match(s, b):
                anchors.append((a, b, ""))
                cursor = b
                break
            a = s.find(w, a + 1)
    if not anchors:
        return []
    anchors.sort()
    doc = _Doc(s, lex, nt)
    done = 0
    for a, b, w in anchors:
        if a < done or (not w and a > 0 and s[a - 1].isdigit()):
            continue
        end, f = _at_anchor(doc, a, b, w)
        if f is not None and (not doc.found or f.start >= doc.found[-1].end):
            doc.found.append(f)
            done = max(end, f.end)
        else:
            done = max(done, end)
    return [_to_count(f, nt) for f in _group(_one_count_of_paired_nouns(doc.found, s), s)]


def _one_count_of_paired_nouns(found: list[_Found], s: str) -> list[_Found]:
    """A count of a singular noun (after a number from eleven) followed by "و" and the noun's feminine
    singular ("20 طفلاً وطفلة", "12 مواطناً ومواطنة") counts both sexes, and followed by "و" and another
    noun's singular accusative ("12 مدنياً وعسكرياً") counts both kinds: the second noun is no one more
    (but "طفل وطفلة" are two, "9 مواطنين ومواطنة" ten, and "12 مدنياً وطفل" thirteen)."""
    out: list[_Found] = []
    for f in found:
        last = out[-1] if out else None
        if (last is not None and last.noun is not None and f.noun is not None and not f.parts
                and last.low is not None and last.low > 1 and (f.low, f.high) == (1, 1)
                and s[last.end:f.start] in (" و", " و ") and last.noun.number == f.noun.number == "singular"):
            word = s[f.start:f.end]
            if word == last.noun.lemma + "ه":
                last.end = f.end
                continue
            if word.endswith("ا") and " " not in word:
                last.end = f.end
                last.categories = tuple(dict.fromkeys((*last.categories, *f.categories)))
                continue
        out.append(f)
    return out


_NEXT_WORD = re.compile(r"[ \t]*([^\s]*)")
_PURE_WORD = re.compile(f"[{_AR}]+|[a-z]+")
_TRAILING = ".,;:!?\"'"




def _next_word(s: str, b: int) -> str | None:
    """The plain word after position ``b`` ("" at the end of a line), or None when what follows is
    not a plain word (punctuation, digits): the caller then takes the full analysis."""
    if b >= len(s) or s[b] == "\n":
        return ""
    if s[b] in _TRAILING:
        return ""  # "5، ..." / "5." : the number stands alone
    if s[b] not in " \t":
        return None
    raw = _NEXT_WORD.match(s, b).group(1)  # type: ignore[union-attr]
    if raw[:1] == '"':
        return None  # 'الطفل " فلان"': a quoted name may follow
    w = raw.rstrip(_TRAILING)
    return w if _PURE_WORD.fullmatch(w) else ("" if not w else None)


# the pronoun suffixes of a possessed noun ("طفلها", "عناصرهم"), longest first for stripping
_POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")
_PRONOUN_SUFFIXES = tuple(sorted((*_POSSESSIVE_SUFFIXES, "نا", "كم"), key=len, reverse=True))


def _bare_plural(lex: _Lex, form: str) -> tuple[int, bool, _Noun] | None:
    """The plural person noun listed as ``form`` itself (no proclitic, no article), or None."""
    info = lex.nouns.get(form)
    if info is not None and not info[0] and not info[1] and info[2].number in ("plural", "dual_or_plural"):
        return info
    return None


def _possessed_plural(lex: _Lex, word: str) -> tuple[int, bool, _Noun] | None:
    """The plural person noun of ``word`` with a pronoun suffix ("من عناصره" his members, "من أبنائه"
    his sons, "من مرافقيه" his companions), or None."""
    for suffix in _PRONOUN_SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        base = word[:-len(suffix)]
        bases = [base]
        if base[-1] in "يو":
            bases.append(base + "ن")  # the sound plural loses its ن: مرافقي-ه (مرافقين)
        if base[-1] == "ي":
            bases.append(base[:-1] + "ء")  # the hamza sits on ي before the suffix: ابناي-ه (ابناء)
        for b in bases:
            if (info := _bare_plural(lex, b)) is not None:
                return info
    return None


def _construct_plural(lex: _Lex, word: str) -> tuple[int, bool, _Noun] | None:
    """The sound plural person noun of ``word`` in the construct state, which loses its ن ("من مسلحي
    التنظيم", "أحد مقاتلي الفصيل": مسلحين، مقاتلين), or None; never a word that is a noun as it stands
    (a singular "مدني")."""
    if len(word) < 4 or word[-1] != "ي" or word in lex.nouns:
        return None
    return _bare_plural(lex, word + "ن")


def _suffixed_plural(lex: _Lex, word: str) -> tuple[int, bool, _Noun] | None:
    """A plural person noun with a pronoun suffix or in the construct state, or None."""
    return _possessed_plural(lex, word) or _construct_plural(lex, word)


def _plural_person(lex: _Lex, word: str) -> tuple[int, bool, _Noun] | None:
    """A plural person noun as it stands, with a pronoun suffix or in the construct state, or None."""
    info = lex.nouns.get(word)
    if info is not None:
        return info if info[2].number in ("plural", "dual_or_plural") else None
    return _suffixed_plural(lex, word)


def _prev_word(s: str, a: int) -> str | None:
    """The plain word before position ``a`` ("" at the start of a line), or None."""
    if a == 0 or s[a - 1] == "\n":
        return ""
    if s[a - 1] not in " \t":
        return None
    lo = max(0, a - 40)
    k = max(s.rfind(" ", lo, a - 1), s.rfind("\n", lo, a - 1), s.rfind("\t", lo, a - 1))
    if k < 0 and lo > 0:
        return None
    w = s[k + 1:a - 1]
    return w if _PURE_WORD.fullmatch(w) else None


def _plain_year(doc: _Doc, a: int, b: int) -> bool:
    """A year for sure: nothing after it that could make it a count (a person noun, a range...)."""
    lex = doc.lex
    w = _next_word(doc.s, b)
    if w is None:
        return False
    return lex.next_special.isdisjoint(_bare(w))


_SKIP = _Found(-1, -1, None, None)  # "certainly not a count"


def _plain_number(doc: _Doc, a: int, b: int, v: int) -> _Found | None:
    """The common case, decided cheaply: digits between ordinary words ("... قصف 58 موقعا ..."),
    neither of which can change the count. None means "use the full analysis"."""
    s, lex = doc.s, doc.lex
    if 1000 <= v <= 2100 or doc.name_end >= 0:
        return None
    nxt = _next_word(s, b)
    if nxt is None or _NATIONALITY.match(nxt) or nxt.endswith("ians"):
        return None
    if "a" <= nxt[:1] <= "z" and doc.original_char(s.find(nxt, b)).isupper():
        return None  # a name may stand between a number and its noun: "10 Hezbollah fighters"
    if nxt:
        special = lex.next_special
        for w in _bare(nxt):
            if w in special:
                if w in lex.months or (w in lex.after and len(lex.after[w][-1]) == 1):
                    return _SKIP  # 21 آذار، 36 عاما، 5 سنوات: no count, whatever comes before
                return None
    prev = _prev_word(s, a)
    if prev is None:
        return None
    if prev:
        special = lex.prev_special
        for w in _bare(prev):
            if w in special:
                return None
    elif nxt == "" and b < len(s) and s[b] in ".)":
        return None  # "1." at the start of a line: a list item
    return _Found(a, b, v, v)


def _at_anchor(doc: _Doc, a: int, b: int, w: str) -> tuple[int, _Found | None]:
    s, lex = doc.s, doc.lex
    if not w:  # digits
        bv = _blob_value(s[a:b])
        if bv is None:
            return b, None
        m = _DATE_AFTER.match(s, b)
        if m:
            return m.end(), None  # 24 / 4 / 2007, 12 - 1 - 2015, 10 : 09, 1 . 8
        if a and _DATE_BEFORE.search(s, max(0, a - 8), a):
            return b, None
        if bv[0] == "int":
            v = bv[1]
            if b - a == 4 and 1900 <= v <= 2100 and _plain_year(doc, a, b):
                return b, None
            fast = _plain_number(doc, a, b, v)
            if fast is not None:
                return b, (None if fast is _SKIP else fast)
        if bv[0] == "range":
            return doc.at_number(None, (a, b, bv[1], bv[2]))
        num = _parse_number(doc.src, a, lex, _mk(_Tok, (s[a:b], a, b)))
        return doc.at_number(num, None) if num is not None else (b, None)
    skip, definite, base = lex.words.get(w, (0, False, ""))
    if w[:1] == "و" and w[1:] in lex.one_of and base in lex.needs_noun:  # "وأحد المدنيين" reads as "واحد"
        r = doc.at_one_of(_Tok(w, a, b), 1)
        if r is not None:
            return r
    if base in lex.num:
        num = _parse_number(doc.src, a, lex, _mk(_Tok, (w, a, b)))
        if num is not None and definite and num.value >= 2:
            r = doc.after_plural(a, num)  # "أبناؤهم الثلاثة"، "المدنيين الأربعة"
            if r is not None:
                return r
        if num is not None and (definite or (num.n == 1 and base in lex.needs_noun)):
            # العشرين، الثلاثة، واحد: a count only with a person noun or a bound; most are not
            nxt = _next_word(s, num.end)
            prev = _prev_word(s, a)
            if (
                nxt is not None and prev is not None
                and lex.next_special.isdisjoint(_bare(nxt))
                and lex.prev_special.isdisjoint(_bare(prev))
            ):
                return num.end, None
        if num is not None:
            if w.isascii() and lex.num[base][0] in ("hundred", "scale"):
                back = doc.src.back(a)
                if back and back[-1].text in lex.articles and back[-1].text != "another":
                    # a hundred, a dozen
                    num = num._replace(start=back[-1].start, outer=back[-1].start, definite=False)
                    end, f = doc.at_number(num, None)
                    if f is not None and base == "dozen" and num.n == 1:
                        f.approximate = True
                    return end, f
            return doc.at_number(num, None)
    if base in lex.vague:
        r = doc.at_vague(base, _Tok(w, a, b), skip)
        if r is not None:
            return r
    if base in lex.one_of and not definite:
        r = doc.at_one_of(_Tok(w, a, b), skip)
        if r is not None:
            return r
    if w in lex.name_cues:
        r = doc.at_cue_names(_Tok(w, a, b))
        if r is not None:
            return r
    info = lex.nouns.get(w)
    if info is not None:
        return doc.at_noun(_Tok(w, a, b), info[0], info[1], info[2])
    return b, None

# --------------------------------------------------------------------------- person nouns


def person_noun(word: str, language: str | None = None) -> PersonNoun | None:
    """What a single token is as a person noun (proclitics and article allowed), or None.

    ``person_noun("طفلين").count == (2, 2, False)``; ``person_noun("مدنيين").count == (2, None, True)``
    (dual or plural); ``person_noun("الأطفال").count is None`` (a plural says no number).
    """
    lex = _lex(_lang_key(language))
    memo = lex.person_nouns
    if word in memo:  # the claim extractor asks about the same words again and again
        return memo[word]
    info = lex.nouns.get(normalize(word).strip())
    noun = None
    if info is not None:
        _skip, definite, n = info
        noun = PersonNoun(n.lemma, n.category, n.kind, n.number, definite, n.singular_count, n.possessed)
    if len(memo) >= 50_000:
        memo.clear()
    memo[word] = noun
    return noun


def noun_count(word: str, language: str | None = None) -> tuple[int | None, int | None, bool] | None:
    """The (low, high, vague) count a person-noun token implies by its form, or None."""
    pn = person_noun(word, language)
    return None if pn is None else pn.count
