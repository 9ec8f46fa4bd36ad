"""Extract: the claims a document makes — who says how many were harmed, of whom, when, where, by
whom and how — each with the exact span of text it came from, and the summary of its main incident.

The recognisers each find one kind of thing in the whole text once (counts: ``numbers``; outcome,
attribution and cause words: ``cues``; places: ``gazetteer``; actors and sources: ``actors``; dates
and periods: ``dates``). This module puts them together sentence by sentence:

1. a count becomes a claim when an outcome word governs it in the same clause ("مقتل 5 مدنيين",
   "5 قتلى", "five people were killed"); counts after "بينهم / including" are parts of the claim
   before them; a killing word with victims but no number ("killed large numbers of civilians")
   is a claim without a count;
2. each claim takes its place, period, perpetrator and cause from its sentence, else from the
   sentences before it in the paragraph, else from the title and lead;
3. its claimant is the source an attribution word points to in the sentence (or the source last
   named, for "the network added"), else the outlet; modality follows from denial, accusation and
   attribution words;
4. totals over long periods or whole regions are ``aggregate``, not incidents.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache
from operator import attrgetter
from typing import Any

from marsad import actors, cues, dates, gazetteer, numbers, resources
from marsad.arabic import NormalizedText, normalize
from marsad.ingest import Document

KINDS = ("killed", "injured", "missing", "detained", "displaced", "affected")
# "blast" (English generic explosion words) gives way to a weapon named with it and is output as explosion
CAUSE_PRIORITY = ("chemical", "explosion", "airstrike", "shelling", "blast", "execution", "shooting")
MAX_QUOTE = 400          # longest evidence quote before it is narrowed to the clause
ROUNDING = 1.25          # a figure this much above a headline's "over N" may be what it rounds down
AGGREGATE_TOLL = 5000   # a toll this large is a total over a war or a region, never one incident
WAR_TOLL = 1000         # a total this large (or without a number) is of a war: no actor from the sentences around
AGGREGATE_DAYS = 4       # a period longer than this is a total, not one incident
CAMPAIGN_DAYS = 10       # a report with no incident may be about a few days' bombing: its toll is the summary
SPEAKER_GAP = 40         # how far (characters) a source may stand from its speech verb
RECENT_DAYS = 7          # an event date this close before publication is the news the report brings
ATTACK_LEAD_SENTENCES = 4  # where a report that states no harm names the attack it is about
ATTACK_LEAD_CHARS = 400    # ... or this far into its text (a short post is all lead)
LEAD_SENTENCES = 2       # the title and first sentence: their claims look ahead for details
LATER_PLACE_SENTENCES = 8  # how far a report whose lead names only the country is read for the place
TAG_LIST_CHARS = 150     # how far back from an English actor a page's "Tags" label may stand
CONTEXT_SENTENCES = 3    # how far back in the paragraph a claim looks for place, date, actor, cause
CLAIMANT_SENTENCES = 3   # how far back (across paragraphs) a sentence of attribution looks for who speaks
RESTATED_CHARS = 60      # how far after a vague count its number may be given ("وصل عددهم إلى 35")
MANNER_CHARS = 40        # how far a harm noun saying how the counted were harmed may stand before "بينهم"
QUALIFIER_CHARS = 50     # how long a qualifier of a count may be before a list goes on past it
NO_VIOLENCE_CHARS = 80   # how far a cause that is no violence ("جراء الزلزال") may stand from the harm word
SENTENCE_DONE_CHARS = 80  # how far before "حكم الإعدام" a word of carrying out ("نفذت السلطات") may stand
AFTER_SENTENCES = 2      # how far ahead a claim with a vague place looks for the village hit

# the gap after a sentence (group 1 after its stop; a pattern that begins with the stop, not a look
# behind for it, lets the regex engine skip to the next stop or line break quickly)
_SENTENCE_END = re.compile(r"[.!?؟\n](?:(?<=\n)\s*|([\"”’»)]*\s+))")
_CLAUSE_BREAK = re.compile(r"[،,;؛:()\[\]\"“”«»]|\s-\s|\.\s")


class _Lazy:
    """A regular expression built on first use from the words of the grammar files (data/*/grammar.toml),
    so that a user's MARSAD_DATA files are read before it is."""

    def __init__(self, build: Any):
        self._build = build
        self._rx: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._rx is None:
            self._rx = rx = self._build()
            # later calls find the compiled pattern's methods directly, without coming here
            self.search, self.match, self.fullmatch, self.sub = rx.search, rx.match, rx.fullmatch, rx.sub
            self.finditer, self.pattern = rx.finditer, rx.pattern
        return getattr(self._rx, name)


@cache
def _grammar(lang: str) -> dict[str, dict[str, list[str]]]:
    return resources.load(f"{lang}/grammar.toml")


@cache
def _g(lang: str, section: str, key: str, fold: bool = True) -> str:
    """The words of ``key`` in ``section`` of the ``lang`` grammar file as a regex alternation, in the order
    listed (the first that fits is taken); Arabic words normalised (``fold``) for patterns that read
    normalised text, as written otherwise; a space matches any run of spaces."""
    words = [normalize(w) if fold else w for w in _grammar(lang)[section][key]]
    forms = list(dict.fromkeys(w.strip() for w in words if w.strip()))
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in f.split()) for f in forms) + ")"


_ABBREVIATION = _Lazy(lambda: re.compile(rf"(?:\b[A-Z]\.){{2,}}$|(?<![\w.]){_g('en', 'clauses', 'titles', False)}\.$"))
_SUBSET = _Lazy(lambda: re.compile(
    rf"(?:^|\s)(?:{_g('ar', 'parts', 'subset_prefix')}\s*)?{_g('ar', 'parts', 'subset_words')}(?:\s|$)|"
    rf"\b{_g('en', 'parts', 'subset_words')}\b"))
# "25 civilians, six of them children": a count that says itself it is a part of the one before
_PART_OF_BEFORE = _Lazy(lambda: re.compile(rf"(?i)\b{_g('en', 'parts', 'part_of_words')}\b"))
# "15 people died including five policemen": the subset word right before the count still makes a part
_SUBSET_END = _Lazy(lambda: re.compile(
    rf"(?:^|\s)(?:{_g('en', 'parts', 'subset_words')}|{_g('ar', 'parts', 'subset_words')})\s*$"))
# "five others": more of the people counted before (Arabic: the noun itself, "وإصابة 4 آخرين")
_OTHERS_AFTER = _Lazy(lambda: re.compile(rf"(?i)\s+{_g('en', 'parts', 'others_words')}\b"))
_CONJ_ONLY = _Lazy(lambda: re.compile(
    rf"^\s*(?:{_g('ar', 'clauses', 'conjunctions')}|[،,]|{_g('en', 'clauses', 'conjunctions')}|\s)*\s*$"))
# "قيادي في الفصيل و3 من مرافقيه": a short qualifier of the count before, then a word that adds to the list
_QUALIFIED_LIST = _Lazy(lambda: re.compile(
    rf"^(?P<qualifier>[^.!?؟\n]{{1,{QUALIFIER_CHARS}}}?)(?:^|(?<=[\s,،])){_g('ar', 'clauses', 'list_joiners')}\s*$"))
_CLAUSE_OPENER = _Lazy(lambda: re.compile(rf"(?:^|\s)[وف]?{_g('ar', 'clauses', 'clause_openers')}(?=\s|$)"))
# a name in quotes inside a clause ('أعدم تنظيم "داعش" أربعة مدنيين'): no clause break
_QUOTED_NAME = re.compile(r'["“«„][^"“”«»„،,.:;؛()\n]{1,40}["”»“]')
# the subject count, a comma, then its verb: a verb after its subject agrees with it in number (قتلوا، أصيبا)
_PLURAL_VERB_AFTER_COMMA = re.compile(r"[^\S\n]*[،,][^\S\n]*")
_PLURAL_VERB = re.compile(r"(?:وا|ا)(?:\s|$)")
_TARGET_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:{_g('ar', 'actors', 'target_before')}|"
    # "مواقع قوات X", "ضد تنظيم X" (see _AR_CLASH_AGAINST for "الاشتباكات ضد X")
    rf"(?:^|\s)[وب]?(?:ال)?{_g('ar', 'actors', 'aimed_at')}\s+|"
    # the harmed of a group: "قتلى وجرحى لميليشيا X", "قتلى في صفوف قوات X"
    rf"{_g('ar', 'actors', 'harmed_nouns')}(?:\s+و\S+)?\s+(?:{_g('ar', 'actors', 'harmed_of_before')}\s*)|"
    # what the attack hit belongs to X: "نقطة عسكرية لقوات X", "مقراً تابعاً لـX"
    rf"(?:^|\s)[وب]?(?:ال)?{_g('ar', 'actors', 'target_objects')}(?:\s+\S+)?\s+"
    rf"{_g('ar', 'actors', 'owned_by')}\s*-?\s*)"
    # ... with a group noun before the name: "معسكرا لتنظيم X", "عناصر ميليشيا X", "قتلى في صفوف جيش X", and
    # the harmed's men: "القتلى في صفوف عناصر X"
    rf"(?:\s*(?:ال)?{_g('ar', 'actors', 'member_of_nouns')}\s+)?"
    rf"(?:\s*(?:ال)?{_g('ar', 'actors', 'group_nouns')}\s+)?$"))
# a number of a side's men without a person noun: the side is the harmed ("قتل وجرح عدد من قوات النظام")
_QUANTITY_OF_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وب]?{_g('ar', 'actors', 'quantity_of')}\s+(?:من\s+)?"
    rf"(?:(?:ال)?{_g('ar', 'actors', 'member_of_nouns')}\s+){{0,2}}"  # "عدد من كبار قادة X"
    rf"(?:(?:ال)?{_g('ar', 'actors', 'group_nouns')}\s+)?$"))
# the doer's men after a word of agency: "على يد عناصر من تنظيم X", "برصاص مسلحي X"
_AGENT_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s){_g('ar', 'actors', 'agent_words')}\s*(?:ال)?{_g('ar', 'actors', 'target_before')}"
    rf"(?:\s+من)?(?:\s*(?:ال)?{_g('ar', 'actors', 'group_nouns')})?\s+$"))
# the two sides of a clash: "اشتباكات (عنيفة) بين X وY" names neither as the doer of its harm
_AR_SIDES_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وف]?(?:ال)?{_g('ar', 'actors', 'clash_nouns')}(?:\s+[^\s،,.:؛]+){{0,2}}\s+"
    rf"{_g('ar', 'actors', 'sides_between')}\s+(?:(?:[^\s،,.:؛]+\s+){{1,5}}و\s*)?"
    # the side's men or a group noun before its name: "بين المعارضة وعناصر تنظيم X", "بين مقاتلي X و..."
    rf"(?:(?:ال)?{_g('ar', 'actors', 'member_of_nouns')}\s+(?:من\s+)?)?"
    rf"(?:(?:ال)?{_g('ar', 'actors', 'group_nouns')}\s+)?$"))
# "شهداء X", "قتلى X": X's own dead (not "قتلى قصف النظام": the dead of an attack named by its weapon)
_AR_HARMED_OF_GROUP = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وب]?{_g('ar', 'actors', 'harmed_of_group')}\s+$"))
# "في الاشتباكات ضد قوات X", "معارك عنيفة ضد X" (up to three words between): X is the other side of a
# fight, not its target
_AR_CLASH_AGAINST = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وفب]?(?:ال)?{_g('ar', 'actors', 'clash_nouns')}(?:\s+[^\s،,.:؛]+){{0,3}}\s+"
    rf"{_g('ar', 'actors', 'against_words')}\s+$"))
# "الخاضعة لسيطرة X", "سقطت بأيدي مسلحي X": X holds the ground (its men after an optional member word)
_AR_HELD_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s|ل){_g('ar', 'actors', 'held_before')}\s+(?:{_g('ar', 'actors', 'target_before')}\s+)?"
    rf"(?:(?:ال)?{_g('ar', 'actors', 'group_nouns')}\s+)?$"))
# "قال مصدر مسؤول من X", "المتحدث باسم قوات X", "مصادر في X": X speaks; it is not named as the doer
_AR_SPEAKER_OF = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وف]?{_g('ar', 'actors', 'speaker_nouns')}(?:\s+[^\s،,.:؛]+)?\s+{_g('ar', 'actors', 'speaker_of')}"
    rf"\s*(?:(?:ال)?{_g('ar', 'actors', 'group_nouns')}\s+)?$"))
# "في تركيا", "الحدودية مع الأردن", "جنوب شرقي تركيا": a country as a place
_AR_PLACE_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وف]?(?:{_g('ar', 'actors', 'place_before')}|"
    rf"(?:ال)?{_g('ar', 'places', 'directions')}(?:\s*(?:ال)?{_g('ar', 'places', 'directions')})?(?:يه|ي)?)\s+$"))
# "باغتوا قوات X": the verb carries its subject, the name after it is its object
_AR_OBJECT_OF_PLURAL = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وف]?{_g('ar', 'actors', 'object_verbs')}وا\s+(?:(?:ال)?{_g('ar', 'actors', 'target_before')}\s+)?$"))
# "هاجم": a verb right before its subject (verb-subject-object order)
_AR_VERB_BEFORE_SUBJECT = _Lazy(lambda: re.compile(rf"(?:^|\s)[وف]?{_g('ar', 'actors', 'object_verbs')}\s+$"))
# "اثنين من مسؤولي جماعة X", "4 مسلحين لـX": between a count's person noun and the group of the counted
_MEMBERS_OF_GAP = _Lazy(lambda: re.compile(
    rf"\s*(?:(?:{_g('ar', 'actors', 'membership')})\s+(?:(?:ال)?{_g('ar', 'actors', 'member_of_nouns')}\s+){{1,2}}|"
    rf"{_g('ar', 'actors', 'owned_by')}\s*-?\s*)(?:(?:ال)?{_g('ar', 'actors', 'group_nouns')}\s+)?"))
_FUNCTION_AFTER = _Lazy(lambda: re.compile(
    rf"^\s*(?:[.,،:;؛)\"”»|]|-\s|$|و?{_g('ar', 'clauses', 'function_after', False)}\b|"
    rf"{_g('en', 'clauses', 'function_after', False)}\b)"))


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class Found:
    """Everything the recognisers found in one document, sorted by position."""

    counts: list[Any]
    cues: list[cues.Cue]
    places: list[Any]
    actors: list[Any]
    sources: list[Any]
    periods: list[Any]
    text: str = ""

    def __post_init__(self) -> None:
        self._starts: dict[int, list[int]] = {}
        self._within: dict[tuple[int, int, int], list[Any]] = {}
        # answers the claims of one document share (the claims of a sentence ask the same questions)
        self.not_doer: dict[tuple[int, int], bool] = {}  # (id of an actor mention, floor): _target_or_victim
        self.attacking: dict[int, bool] = {}  # id of an actor mention: _attacking
        self.glued_stops: dict[tuple[int, int], list[int]] = {}  # range: _glued_stops
        self.place_ranks: dict[tuple[int, int], tuple[list[float], list[bool]]] = {}  # range: _ranks_and_away
        self.own_ranks: dict[int, tuple[bool, float]] = {}  # id of a place: (away, rank)
        self.friendly_fire: dict[int, bool] = {}  # start of a sentence: _friendly_fire
        self._tagged: dict[str, list[cues.Cue]] = {}

    def tagged(self, prefix: str) -> list[cues.Cue]:
        """The cues of a category (see cues.Cue.has), listed once: most categories are rare, and a claim
        that asks for one in its context then looks at few cues or none."""
        tagged = self._tagged.get(prefix)
        if tagged is None:
            tagged = self._tagged[prefix] = [c for c in self.cues if c.has(prefix)]
        return tagged

    def has_cue(self, prefix: str, start: int, end: int) -> bool:
        """Whether a cue of the category lies in [start, end)."""
        tagged = self.tagged(prefix)
        return bool(tagged) and bool(self.within(tagged, start, end))

    def starts(self, items: list[Any]) -> list[int]:
        """The start offsets of one of the lists (built once)."""
        starts = self._starts.get(id(items))
        if starts is None:
            starts = self._starts[id(items)] = [i.start for i in items]
        return starts

    def within(self, items: list[Any], start: int, end: int) -> list[Any]:
        """The items of one of the lists that lie in [start, end). The list is shared by every caller
        that asks the same (no copy: half a million calls a corpus), so it must not be changed."""
        key = (id(items), start, end)  # the claims of a sentence ask the same questions: answered once
        found = self._within.get(key)
        if found is None:
            starts = self.starts(items)
            lo = bisect.bisect_left(starts, start)
            hi = bisect.bisect_left(starts, end)
            found = self._within[key] = [i for i in items[lo:hi] if i.end <= end]
        return found


@dataclass
class Draft:
    """A claim being built."""

    kind: str
    count: Any | None          # numbers.Count or None
    anchor: int                # offset of the count (or cue) the claim hangs on
    sentence: int
    victims: list[str] = field(default_factory=list)
    parent: Draft | None = None


# ------------------------------------------------------------------------------------ sentences

_LIST_NUMBER = re.compile(r"[^\S\n]*[0-9\u0660-\u0669]{1,3}\.")  # the number of a numbered line: "1."


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their paragraph number; a blank line starts a paragraph."""
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        start = m.start(1)
        if start < 0:  # a line break
            start = m.start()
        gap = text[start:m.end()]
        if text[start - 1] == "." and "\n" not in gap and (
                _ABBREVIATION.search(text, max(0, start - 8), start)
                or _LIST_NUMBER.fullmatch(text, text.rfind("\n", 0, start) + 1, start)):
            continue  # "the U.S. strike", "Gen. Ali", "1. فلان" (a numbered line): no sentence ends here
        if start > pos and not text[pos:start].isspace():
            out.append(Sentence(pos, start, paragraph))
        if gap.count("\n") > 1:
            paragraph += 1
        pos = m.end()
    if text[pos:].strip():
        out.append(Sentence(pos, len(text.rstrip()), paragraph))
    return out


def _language(doc: Document) -> str:
    if doc.language in ("ar", "en"):
        return doc.language
    return "ar" if re.search("[\u0600-\u06ff]", doc.text[:2000]) else "en"


# ------------------------------------------------------------------------------------ claims

def extract_claims(doc: Document) -> list[dict[str, Any]]:
    """The claims of a document, each with its exact evidence span in ``doc.text``."""
    return _extract(doc)[0]


def _extract(doc: Document) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The claims of a document, and what its lead says of place and weapon (for the summary)."""
    claims: list[dict[str, Any]] = []
    if doc.empty_reason or not doc.text.strip():
        return claims, {}
    text = doc.text
    lang = _language(doc)
    norm = NormalizedText.of(text)
    cue_list = cues.find_cues(text, lang, norm)
    attacks = [c for c in cue_list if (c.has("cause") and not c.has("cause.shooting")) or c.has("attack")]
    if not attacks and not any(c.has("outcome") or c.has("combined_toll") for c in cue_list):
        return claims, {}
    sentences = split_sentences(text)
    harmed = _harm_sentences(sentences, cue_list)
    if not harmed:  # no harm reported: maybe an attack on a named place, for linking to its incident
        return _attack_claims(doc, text, lang, norm, cue_list, sentences, attacks), {}
    counts = _counts_in(text, lang, norm, sentences, harmed)
    harmed = _may_claim(sentences, harmed, counts, cue_list)
    if not harmed:  # no harm word that can make a claim: the attack may make one
        return _attack_claims(doc, text, lang, norm, cue_list, sentences, attacks), {}
    found = _recognise(doc, text, lang, norm, cue_list, sentences, harmed, counts)
    drafts: list[Draft] = []
    for index in harmed:
        drafts += _sentence_drafts(text, norm, found, index, sentences[index], lang)
    if not drafts:  # harm words that make no claim ("اعتقلت", a boilerplate "الضحايا"): the attack may
        return _attack_claims(doc, text, lang, norm, cue_list, sentences, attacks), {}
    index_of: dict[int, int] = {}
    for d in drafts:
        if d.parent is not None and id(d.parent) in index_of:
            parent = claims[index_of[id(d.parent)]]
            claim = dict(parent, victims=d.victims, count=_count_json(d.count),
                         evidence=_evidence(text, sentences[d.sentence], d.anchor),
                         part_of=index_of[id(d.parent)])
        else:
            claim = _claim(doc, text, found, sentences, d)
        index_of[id(d)] = len(claims)
        claims.append(claim)
    _share_event_dates(claims, doc.published)
    _date_from_narrative(claims, doc, text, norm, lang, cue_list, sentences)
    for c in claims:
        c.pop(_DATING, None)
    claims = _without_bare_mentions(claims)
    return claims, {"place": _lead_place(text, found, sentences), "cause": _lead_cause(found, sentences),
                    "actor": _lead_actor(text, lang, norm, found, sentences),
                    "responsible": lambda: _responsible(text, lang, norm, sentences),
                    "later_place": lambda: _later_place(text, lang, norm, sentences)}


def _lead_cause(found: Found, sentences: list[Sentence]) -> str | None:
    """The weapon the title and first sentences name."""
    lead = sentences[min(len(sentences), LEAD_SENTENCES + 2) - 1].end if sentences else 0
    return _pick_cause(found, [(0, lead)])


_OUTLETS = ("media", "state_media")  # source types whose names are no actor ("Syria TV", "Jordan Times")


def _lead_actor(text: str, lang: str, norm: NormalizedText, found: Found,
                sentences: list[Sentence]) -> tuple[dict[str, Any], bool] | None:
    """The attacker the report's first sentences name by its weapon ("regime jets pounded the town",
    "Russian raids claimed 17 lives") or, in the title and first sentence, as the subject of an attack
    ("ISIL uses chemical weapons"), for a main claim whose own context names nobody; None when they
    say nobody knows who attacked. With it, whether the title or first sentence names it."""
    if not sentences or lang != "en":  # (the English wire-report lead; Arabic posts lead differently)
        return None
    end = sentences[min(len(sentences), ATTACK_LEAD_SENTENCES + 1) - 1].end
    headline_end = sentences[min(len(sentences), LEAD_SENTENCES) - 1].end
    if found.has_cue("unattributed", 0, end):
        return None
    lead_found = replace(found, actors=actors.find_actors(norm.slice(0, end) if end < len(text) else norm, lang))
    for mention in lead_found.actors:
        if mention.actor is None or mention.actor.id == "unknown":
            continue
        # the weapon names its user; a name does when it is the subject of an attack ("ISIL uses chemical
        # weapons", "gunmen of X stormed the village")
        headline = mention.start < headline_end
        attacks = mention.via == "weapon"
        if not attacks and headline and (verb := _EN_ACTIVE_AFTER.match(text[mention.end:mention.end + 40])):
            # of a joint subject ("Hezbollah, Syrian army kill ..."), the one next to the verb
            attacks = not any(mention.end <= m.start < mention.end + verb.end() for m in lead_found.actors)
        if attacks and not any(m.start < mention.end and mention.start < m.end  # (an outlet: "Syria TV")
                               for m in found.within(found.sources, 0, end) if m.source.type in _OUTLETS) \
                and not _target_or_victim(text, lead_found, mention, 0):
            return _actor_json(mention), headline
    return None


# "IS claimed responsibility (for the attack)": the group that says it carried out the attack; not when the
# claim is of another attack ("claimed responsibility for a similar attack")
_EN_RESPONSIBILITY = _Lazy(lambda: re.compile(
    rf"(?i)\b(?:{_g('en', 'actors', 'speaker_auxiliaries')}\s+)?{_g('en', 'actors', 'responsibility_claims')}\b"
    rf"(?!\s+for\s+{_g('en', 'actors', 'other_attack_words')}\b)"))
# between the group and its claim: at most a few words ("the IS group on Monday claimed"), no clause break,
# no negation ("has not claimed")
_CLAIMER_GAP = _Lazy(lambda: re.compile(
    rf"(?i)[\s()]*(?:(?!{_g('en', 'actors', 'negations')}\b)[\w-]+\s+){{0,4}}"))


def _responsible(text: str, lang: str, norm: NormalizedText, sentences: list[Sentence]) -> dict[str, Any] | None:
    """The group that claimed responsibility for the attack, in the report's first sentences."""
    if lang != "en" or not sentences:
        return None
    end = sentences[min(len(sentences), LATER_PLACE_SENTENCES) - 1].end
    claims = list(_EN_RESPONSIBILITY.finditer(text, 0, end))
    if not claims:
        return None
    mentions = actors.find_actors(norm.slice(0, end) if end < len(text) else norm, lang)
    for claim in claims:
        before = [m for m in mentions if m.end <= claim.start() and m.actor is not None and m.actor.id != "unknown"
                  and _CLAIMER_GAP.fullmatch(text, m.end, claim.start())]
        if before:
            return _actor_json(before[-1])
    return None


def _later_place(text: str, lang: str, norm: NormalizedText, sentences: list[Sentence]) -> dict[str, Any] | None:
    """For a report whose lead names no place below the country ("an air raid in northern Syria"), the
    first place the next sentences name ("the strike hit the village of X in Aleppo province")."""
    if len(sentences) <= LEAD_SENTENCES + 2:
        return None
    a = sentences[LEAD_SENTENCES + 2].start
    b = sentences[min(len(sentences), LATER_PLACE_SENTENCES) - 1].end
    places = [_shifted(p, a) for p in _places(text[a:b], lang, norm.slice(a, b))]
    for sentence in sentences[LEAD_SENTENCES + 2:LATER_PLACE_SENTENCES]:
        here = [p for p in places if sentence.start <= p.start < sentence.end
                and _place_rank(p, text) < _PRECISION_RANK["country"]]
        if here:
            best = min(here, key=lambda p: (_place_rank(p, text), p.start))
            return _place_json(best, _region_of(best, here), text)
    return None


def _lead_place(text: str, found: Found, sentences: list[Sentence]) -> dict[str, Any] | None:
    """The most precise place below country level that the title and first sentences name."""
    lead = sentences[min(len(sentences), LEAD_SENTENCES + 2) - 1].end if sentences else 0
    here = [p for p in found.within(found.places, 0, lead) if _place_rank(p, text) < _PRECISION_RANK["country"]]
    if not here:
        return None
    best = min(here, key=lambda p: (_place_rank(p, text), p.start))
    return _place_json(best, _region_of(best, here), text)


def _attack_claims(doc: Document, text: str, lang: str, norm: NormalizedText, cue_list: list[cues.Cue],
                   sentences: list[Sentence], attacks: list[cues.Cue]) -> list[dict[str, Any]]:
    """A report of an attack that states no harm ("shelling hit the village of X this morning"): one
    claim of kind ``other`` with no count, from the first sentence of the report's lead that names the
    weapon and a town or village, so the report can join the incident other reports give figures for.
    It never makes an incident by itself."""
    memory = [c for c in cue_list if c.has("commemoration")]
    attacks = [c for c in attacks if not _remembered(text, c, memory)]
    starts = [s.start for s in sentences]
    lead = sorted({bisect.bisect_right(starts, c.start) - 1 for c in attacks} - {-1})
    end = _lead_end(text, sentences)
    lead = [i for i in lead if i < end or sentences[i].start < ATTACK_LEAD_CHARS]
    if not lead:
        return []
    found = _recognise(doc, text, lang, norm, cue_list, sentences, lead)
    for index in lead:
        sentence = sentences[index]
        places = [p for p in found.within(found.places, sentence.start, sentence.end)
                  if _place_rank(p, text) < _PRECISION_RANK["governorate"]]
        if places:
            anchor = next(c.start for c in attacks if sentence.start <= c.start < sentence.end)
            claim = _claim(doc, text, found, sentences, Draft("other", None, anchor, index, []))
            claim.pop(_DATING, None)  # the report's one claim: no other date to prefer
            return [claim] if claim["scope"] == "incident" else []
    return []


_LEAD_WORD = re.compile(r"(?<![#_@\w])[\u0621-\u064aA-Za-z]{2,}")


def _lead_end(text: str, sentences: list[Sentence]) -> int:
    """The index of the first sentence after a report's lead: its first ATTACK_LEAD_SENTENCES sentences
    that say something. A social post's lines of hashtags, handles, page names and counters ("#عاجل",
    "181") are not sentences of its lead."""
    said = 0
    for i, sentence in enumerate(sentences):
        if len(_LEAD_WORD.findall(text, sentence.start, sentence.end)) >= 3:
            said += 1
            if said == ATTACK_LEAD_SENTENCES:
                return i + 1
    return len(sentences)


def _without_bare_mentions(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims without the bare mentions of death or wounds: no count, no weapon, no place below the
    country and no time, in the sentence or its context ("يستمر مسلسل موت المدنيين"، "التضامن مع ضحايا
    الهجمات"، "قتل الأطفال والنساء"). They report no incident an analyst could record: rhetoric, history
    and generic talk of killing."""
    def bare(c: dict[str, Any]) -> bool:
        place = c.get("place") or {}
        return (c["kind"] in ("killed", "injured") and c.get("count") is None and c.get("cause") is None
                and place.get("precision") in (None, "country") and not (c.get("period") or {}).get("text"))

    parents = {c.get("part_of") for c in claims}
    keep = [i for i, c in enumerate(claims) if i in parents or not bare(c)]
    if len(keep) == len(claims):
        return claims
    new_index = {old: new for new, old in enumerate(keep)}
    for c in claims:
        if c.get("part_of") is not None:
            c["part_of"] = new_index[c["part_of"]]
    return [claims[i] for i in keep]


def _share_event_dates(claims: list[dict[str, Any]], published: dt.date | None) -> None:
    """A report dates its event once ("on Sunday") and then gives more figures ("20 others were
    wounded"): an undated incident claim takes the period of the report's first dated incident claim
    at the same place (or where either names no place), keeping that period's own words. A date
    weeks before the report's publication, or one of a sentence that goes back to an earlier event
    ("وكان القصف قد أسفر، أمس، عن ..."), is a look back, not the news of the day: it is not shared."""
    recent = (published - dt.timedelta(days=RECENT_DAYS)).isoformat() if published else ""
    dated = [c for c in claims if c["scope"] == "incident" and c.get("period") and c["period"].get("start")
             and (c["period"].get("end") or c["period"]["start"]) >= recent
             and not _BACKGROUND_START.match(normalize(c["evidence"]["quote"][:12]))]
    for c in claims:  # a look back read in another paragraph gives way when the report brings news
        if c.get(_DATING) == "stale" and dated:
            c["period"] = None
    if not dated:
        return
    for c in claims:
        if c["scope"] != "incident" or (c.get("period") and c["period"].get("start")) or c.get(_DATING) == "remembered":
            continue
        donor = next((d for d in dated if _same_event(c, d)), None)
        if donor is not None:
            c["period"] = dict(donor["period"], inherited=True)


# a sentence that goes back to an earlier event: "وكان قد ...", "وكانت الطائرات قصفت ..."
_BACKGROUND_START = _Lazy(lambda: re.compile(rf"[^\w]*+[وف]?{_g('ar', 'narrative', 'background_verbs')}\b"))


# what opens the words a source said: "أن", "إن", a colon or a quotation mark
_SPEECH_OPENS = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وف]?{_g('ar', 'narrative', 'speech_openers')}(?:\s|$)|[:“\"«]"))


def _date_from_narrative(claims: list[dict[str, Any]], doc: Document, text: str, norm: NormalizedText, lang: str,
                         cue_list: list[cues.Cue], sentences: list[Sentence]) -> None:
    """A report that dates none of its tolls often dates the attack in a sentence of its own ("أغار
    سرب من الطائرات ظهر اليوم، الأربعاء، على ..." and then "أعلنت قسد استشهاد 12"): its undated
    incident claims take the latest day (or night) that a sentence reporting the attack or the harm
    names, when that day is within ``RECENT_DAYS`` before publication — the news the report brings.
    Commemorations, release dates, the day a source spoke ("أفادت مصادر، الاثنين، أن"), sentences
    going back to an earlier event ("وكان ...") and the report's own dateline are not such a day."""
    published = doc.published
    if published is None or not any(c["scope"] == "incident" for c in claims) or any(
            c["scope"] == "incident" and (c.get("period") or {}).get("start") for c in claims):
        return
    starts = [s.start for s in sentences]
    narrative = sorted({bisect.bisect_right(starts, c.start) - 1 for c in cue_list
                        if c.has("outcome") or c.has("attack") or c.has("cause")} - {-1})
    memory = {bisect.bisect_right(starts, c.start) - 1 for c in cue_list if c.has("commemoration")}
    said = [c.end for c in cue_list if c.has("attribution")]
    best = None
    for i in narrative:
        a, b = sentences[i].start, sentences[i].end
        piece = norm.slice(a, b)
        if i in memory or _BACKGROUND_START.match(piece.text):
            continue
        for p in dates.find_periods(piece, published, lang):
            k = bisect.bisect_right(said, a + p.start)
            if k and said[k - 1] >= a and a + p.start - said[k - 1] <= SPEAKER_GAP * 2 and \
                    not _SPEECH_OPENS.search(normalize(text[said[k - 1]:a + p.start])):
                continue  # "أفادت مصادر للأناضول، الاثنين، أن ...": the day it was said, not what was said
            if p.first is None or p.last is None or (p.last - p.first).days > 1:
                continue
            if not 0 <= (published - p.last).days <= RECENT_DAYS or p.first > published:
                continue
            if not _may_date_events(text, _shifted(p, a), doc.dateline):
                continue
            if best is None or p.last > best.last:
                best = p
    if best is not None:
        period = dict(_period_json(best) or {}, inherited=True)
        for c in claims:
            if c["scope"] == "incident" and c.get(_DATING) != "remembered":
                c["period"] = period


def _harm_sentences(sentences: list[Sentence], cue_list: list[cues.Cue]) -> list[int]:
    """Indexes of the sentences that carry an outcome word."""
    starts = [s.start for s in sentences]
    return sorted({bisect.bisect_right(starts, c.start) - 1 for c in cue_list
                   if c.has("outcome") or c.has("combined_toll")} - {-1})


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _focus(sentences: list[Sentence], harmed: list[int]) -> list[tuple[int, int]]:
    """The stretches of text a claim can draw on: each sentence that reports harm with the context a
    claim looks at (see ``_context_ranges``), and the lead the summary reads, merged. Recognisers run
    on these only, so a long page with one harm sentence costs little."""
    spans: list[tuple[int, int]] = []
    for i in harmed:
        first = i
        while first > 0 and i - first < CONTEXT_SENTENCES and sentences[first - 1].paragraph == sentences[i].paragraph:
            first -= 1
        last = min(len(sentences) - 1, i + 2) if i < LEAD_SENTENCES else i
        spans.append((sentences[first].start, sentences[last].end))
    if sentences:
        last = max(LEAD_SENTENCES + 2, ATTACK_LEAD_SENTENCES + 1) - 1  # (_lead_place, _lead_cause, _lead_actor)
        spans.append((sentences[0].start, sentences[min(last, len(sentences) - 1)].end))
    return _merge(spans)


def _before_spans(sentences: list[Sentence], harmed: list[int]) -> list[tuple[int, int]]:
    """The ends of the paragraphs before harm sentences, where a claim may find its place (see
    ``_before_paragraph``)."""
    spans = []
    for i in harmed:
        before = _before_paragraph(sentences, i, [])
        if before:
            spans.append((min(a for a, _ in before), max(b for _, b in before)))
    return spans


def _after_spans(sentences: list[Sentence], harmed: list[int], cue_list: list[cues.Cue]) -> list[tuple[int, int]]:
    """The sentences after harm sentences that describe the attack (see ``_after_sentences``)."""
    starts = [c.start for c in cue_list]
    return [r for i in harmed for r in _after_sentences(sentences, i, cue_list, starts)]


def _outside(spans: list[tuple[int, int]], cover: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``spans`` that no span of ``cover`` (sorted, disjoint) covers."""
    out = []
    for a, b in spans:
        for c, d in cover:
            if d <= a or c >= b:
                continue
            if c > a:
                out.append((a, c))
            a = max(a, d)
        if a < b:
            out.append((a, b))
    return out


def _shifted(item: Any, offset: int) -> Any:
    """A recogniser's result moved by ``offset`` characters (with its parts, for counts)."""
    if not offset:
        return item
    # a copy of the frozen dataclass with its fields changed (as dataclasses.replace, which costs
    # several times more: the recognisers' results have no __post_init__ to run again); the fields
    # are copied straight into the new object's own dict (no intermediate dict)
    moved = object.__new__(type(item))
    fields = moved.__dict__
    fields.update(item.__dict__)
    fields["start"] += offset
    fields["end"] += offset
    if fields.get("parts"):
        fields["parts"] = tuple(_shifted(p, offset) for p in fields["parts"])
    return moved


# a date that says when a report came out, not when the events it reports happened
_RELEASE_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:{_g('en', 'narrative', 'release_words')}|{_g('ar', 'narrative', 'release_words')})\s*"
    rf"(?:{_g('en', 'narrative', 'release_on')}|{_g('ar', 'narrative', 'release_on')})?\s*$"))


_LINE_WORDS = re.compile(r"[^\W\d_]{2,}")


def _may_date_events(text: str, period: Any, dateline: tuple[int, int] | None) -> bool:
    """Whether a period found at its offsets in ``text`` may date the events the report tells: not the
    date a report was released ("الصادر في ...", "published on ...") nor the report's own dateline (unless
    it was read inside running text, see _dates_event)."""
    if _RELEASE_BEFORE.search(normalize(text[max(0, period.start - 30):period.start])):
        return False
    if dateline is None:
        return True
    lo, hi = dateline
    return period.end <= lo or period.start >= hi or _dates_event(text, period, lo)


def _dates_event(text: str, period: Any, dateline_start: int) -> bool:
    """Does a period that contains the report's dateline also date the events of its sentence? It
    does when the dateline was read after "today" inside running text ("قتل شخصان فجر اليوم، الاثنين
    4 من تموز"): the period starts before the dateline and words precede it on its line. A dateline
    on a line of its own, or glued to a name ("NetworkNovember 30, 2024"), only dates the report."""
    if period.start >= dateline_start:
        return False
    line_start = text.rfind("\n", 0, period.start) + 1
    return bool(_LINE_WORDS.search(text, line_start, period.start))


def _text_pieces(text: str, norm: NormalizedText,
                 spans: list[tuple[int, int]]) -> list[tuple[int, str, NormalizedText]]:
    """Each span's offset, text and normalised text."""
    return [(a, text[a:b], norm if (a, b) == (0, len(text)) else norm.slice(a, b)) for a, b in spans]


def _counts_in(text: str, lang: str, norm: NormalizedText, sentences: list[Sentence],
               harmed: list[int]) -> list[Any]:
    """The counts of the sentences that report harm (with the lists that follow them)."""
    counts: list[Any] = []
    for a, _piece, piece_norm in _text_pieces(text, norm, _merge([_with_list(text, sentences, i) for i in harmed])):
        counts += [_shifted(c, a) for c in numbers.find_counts(piece_norm, lang)]
    return counts


def _may_claim(sentences: list[Sentence], harmed: list[int], counts: list[Any], cue_list: list[cues.Cue]) -> list[int]:
    """The harm sentences that can make a claim: those with a count, or with a word of killing or injury
    (the only harm words that make a claim without a number, see ``_countless`` and ``_dual_harm``). The
    others ("اعتقل", "نزوح" without a number) make none, and the recognisers need not read their context."""
    starts = [s.start for s in sentences]
    marked = {bisect.bisect_right(starts, c.start) - 1 for c in counts}
    marked |= {bisect.bisect_right(starts, c.start) - 1 for c in cue_list
               if c.has("outcome") and (kind_role := _outcome_kind(c)) and kind_role[0] in ("killed", "injured")}
    return [i for i in harmed if i in marked]


def _recognise(doc: Document, text: str, lang: str, norm: NormalizedText, cue_list: list[cues.Cue],
               sentences: list[Sentence], harmed: list[int], counts: list[Any] | None = None) -> Found:
    """Run the recognisers where they matter: counts in the sentences that report harm (unless given);
    places, actors, sources and dates in those sentences' context."""
    if counts is None:
        counts = _counts_in(text, lang, norm, sentences, harmed)
    places: list[Any] = []
    actor_list: list[Any] = []
    sources: list[Any] = []
    periods: list[Any] = []
    focus = _text_pieces(text, norm, _focus(sentences, harmed))
    extra = _outside(_merge(_before_spans(sentences, harmed) + _after_spans(sentences, harmed, cue_list)),
                     [(a, a + len(piece)) for a, piece, _ in focus])
    for a, piece, piece_norm in focus:  # all recognisers on one piece in turn share its word index
        places += [_shifted(p, a) for p in _places(piece, lang, piece_norm)]
        actor_list += [_shifted(m, a) for m in actors.find_actors(piece_norm, lang)]
        sources += [_shifted(m, a) for m in actors.find_sources(piece_norm, lang)]
        periods += [_shifted(p, a) for p in dates.find_periods(piece_norm, doc.published, lang)]
    for a, piece, piece_norm in _text_pieces(text, norm, extra):
        places += [_shifted(p, a) for p in _places(piece, lang, piece_norm)]
    # the sentences before a harm sentence where _pick_claimant looks for its speaker
    speakers = _outside(_merge([(sentences[max(0, i - CLAIMANT_SENTENCES)].start, sentences[i].start) for i in harmed]),
                        [(a, a + len(piece)) for a, piece, _ in focus])
    for a, _piece, piece_norm in _text_pieces(text, norm, speakers):  # who said what the harm sentence says
        sources += [_shifted(m, a) for m in actors.find_sources(piece_norm, lang)]
    places.sort(key=lambda p: p.start)  # the pieces around harm sentences come after the focus pieces
    sources.sort(key=lambda m: m.start)
    places = _not_names_of_other_things(places, sources, text)
    counts = [c for c in counts if not _name_of_other_thing(c, places, actor_list)]
    periods = [p for p in periods if _may_date_events(text, p, doc.dateline)]
    if doc.dateline:  # the report's dateline's day and year are no tolls ("NetworkNovember 30, 2024 شهداء")
        lo, hi = doc.dateline
        counts = [c for c in counts if c.end <= lo or c.start >= hi]
    return Found(counts=counts, cues=cue_list, places=places, actors=actor_list, sources=sources, periods=periods,
                 text=text)


_LIST_LINE = re.compile(r"[^\S\n]*(?:[0-9\u0660-\u0669]{1,3}[^\S\n]*[-_.)]|[-–•▪*●]|[0-9\u0660-\u0669]{1,3}\s)")


def _with_list(text: str, sentences: list[Sentence], i: int) -> tuple[int, int]:
    """A harm sentence's span with the numbered or bulleted lines right after it (a heading such as
    "أسماء الشهداء:" counts the names listed below it)."""
    end = sentences[i].end
    j = i + 1
    while j < len(sentences) and j - i <= 40 and _LIST_LINE.match(text, sentences[j].start):
        line_end = text.find("\n", sentences[j].start)
        line_end = len(text) if line_end < 0 else line_end
        while j < len(sentences) and sentences[j].start < line_end:  # "١_فلان الفلاني. رجل مسن": a line may
            end = sentences[j].end                                   # hold more than one sentence
            j += 1
    return sentences[i].start, end


def _name_of_other_thing(count: Any, places: list[Any], actor_list: list[Any]) -> bool:
    """A bare "name" after a harm word that is a place or an armed group ("مقتل ...") is no person."""
    if count.noun is not None or not count.category or count.parts:
        return False
    return any(m.start < count.end and count.start < m.end for m in (*places, *actor_list))


# a street named after a town ("شارع بغداد", "al-Jalaa Street") is no mention of the town
_STREET_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وبلف]{{0,2}}(?:ال)?{_g('ar', 'places', 'street_nouns')}\s+[\"'«“]?#?$"))
# a place named to compare with: "كما حدث في X", "على غرار X", "مثل #X", "as happened in X" (as written)
_COMPARED_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:(?:^|\s)[و]?{_g('ar', 'places', 'compared_with', False)}|\b{_g('en', 'places', 'compared_with', False)})"
    r"\s+(?:\S+\s+)?[\"'«“]?#?$"))
# a cheap test first (47k places a corpus, the full pattern is tried at every offset of its window):
# the longest word of each phrase, which a match has as written
_COMPARED_HINT = _Lazy(lambda: _longest_words((("ar", "compared_with"), ("en", "compared_with"))))
_STREET_HINT = _Lazy(lambda: _quick_test("places", "street_hint", ("street_nouns",)))
_STREET_AFTER = _Lazy(lambda: re.compile(rf"[\"'”»]?\s+{_g('en', 'places', 'street_after', False)}\b"))
# both cheap tests in one (words as written, in at most 30 characters before the place): most places
# have neither before them
_BEFORE_HINT = _Lazy(lambda: re.compile(f"{_STREET_HINT.pattern}|{_COMPARED_HINT.pattern}"))


def _not_names_of_other_things(places: list[Any], sources: list[Any], text: str) -> list[Any]:
    """Places without the names that only spell a town in the name of something else: a street
    ("شارع X", "X Street"), or an outlet named after its town ("حلب اليوم", "السويداء 24": a source
    mention that begins with the place); and without the places named only to compare with ("على غرار
    ما حدث في X")."""
    starts = [m.start for m in sources]
    out = []
    for p in places:
        if _STREET_AFTER.match(text, p.end):
            continue
        if _BEFORE_HINT.search(text, max(0, p.start - 30), p.start) is not None:  # (else neither hint is there)
            if _STREET_HINT.search(text, max(0, p.start - 12), p.start) \
                    and _STREET_BEFORE.search(normalize(text[max(0, p.start - 12):p.start])):
                continue
            if _COMPARED_HINT.search(text, max(0, p.start - 30), p.start) \
                    and _COMPARED_BEFORE.search(text, max(0, p.start - 30), p.start):
                continue
        i = bisect.bisect_right(starts, p.start) - 1
        if i >= 0 and sources[i].end >= p.end and p.start - sources[i].start <= 3 \
                and p.end < sources[i].end:
            continue  # (a place that is the whole source mention stays: "مصادر في X" is not an outlet)
        out.append(p)
    return out


def _outcome_kind(cue: cues.Cue) -> tuple[str, str] | None:
    return _kind_role(cue.category("outcome"))


@cache
def _kind_role(category: str | None) -> tuple[str, str] | None:
    """("killed", "verbs") of "outcome.killed.verbs" (split once per category: claims ask often)."""
    if not category:
        return None
    _, kind, role = category.split(".")
    return kind, role


# a word of a court's sentence right before the word of execution ("حكم الإعدام", "أحكاما بالإعدام", "عقوبة
# الإعدام", "المحكوم عليهم بالإعدام"): the execution is the sentence, not a killing
_SENTENCE_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وبلف]?(?:ال)?{_g('ar', 'tolls', 'sentence_nouns')}(?:\s+{_g('ar', 'tolls', 'sentenced_whom')})?"
    r"\s+(?:[وب]?(?:ال)?)$"))


def _sentenced(text: str, cue: cues.Cue, sentence_cues: list[cues.Cue]) -> bool:
    """Whether a word of execution is a court's sentence ("حكم عليهم بالإعدام"), not an execution; not when
    a word before it says the sentence was carried out ("نفذت السلطات حكم الإعدام")."""
    if not cue.has("cause.execution"):
        return False
    before = _SENTENCE_BEFORE.search(normalize(text[max(0, cue.start - 40):cue.start]))
    return before is not None and not any(
        c.has("carried_out") and cue.start - SENTENCE_DONE_CHARS <= c.start < cue.start for c in sentence_cues)


def _not_war_harm(found: Found, sentence: Sentence) -> bool:
    """Whether the sentence's harm is not harm from the conflict: a cause that is no violence (an
    earthquake, a road accident, a disease) near its harm word, or a court's sentence ("قضت المحكمة بإعدام 5
    متهمين", "sentenced to death") not said to be carried out, and no attack or violent cause."""
    here = found.within(found.cues, sentence.start, sentence.end)
    if not any(c.has("no_violence") or c.has("sentencing") for c in here):
        return False
    if any(c.has("sentencing") for c in here) and not any(
            c.has("carried_out") or c.has("attack") or (c.has("cause") and not c.has("cause.execution")) for c in here):
        return True
    harm = [c for c in here if c.has("outcome")]
    return any(c.has("no_violence") and any(abs(c.start - h.start) <= NO_VIOLENCE_CHARS for h in harm)
               for c in here) and not any(c.has("cause") or c.has("attack") or c.has("violence_context")
                                          for c in here)


def _sentence_drafts(text: str, norm: NormalizedText, found: Found, index: int,
                     sentence: Sentence, lang: str) -> list[Draft]:
    dates_here = found.within(found.periods, sentence.start, sentence.end)
    counts = [c for c in found.within(found.counts, sentence.start, sentence.end)  # "1 كانون الأول" is a date
              if not any(p.start < c.end and c.start < p.end for p in dates_here)]
    if lang == "ar":
        counts = [c for c, after in zip(counts, [*counts[1:], None], strict=False) if not _body_of(text, c, after)]
    sentence_cues = found.within(found.cues, sentence.start, sentence.end)
    # (the execution of "حكم الإعدام", "عقوبة الإعدام" is a court's sentence, no killing)
    outcome_cues = [c for c in sentence_cues if c.has("outcome") and not _sentenced(text, c, sentence_cues)]
    negations = [c for c in sentence_cues if c.has("negation")]
    if negations:  # a denied harm word governs no count: "أطلقوا النار على سيارة تقل 4 مدنيين دون وقوع إصابات"
        outcome_cues = [c for c in outcome_cues if not _negated(text, c, negations, outcome_cues, lang)]
    combined = [c for c in sentence_cues if c.has("combined_toll") and not c.has("outcome")]
    if not (outcome_cues or combined) or _not_war_harm(found, sentence):
        return []
    counts = [c for c in counts if c.low != 0 or (c.high or 0) != 0]  # "| 0 | 0 |" (page counters): no toll
    drafts: list[Draft] = []
    if combined:
        drafts, counts = _combined_tolls(text, found, index, counts, combined)
    if lang == "ar":  # "وقعتا ضحية خداع", "راح ضحية الهجمات 42 شخصاً": a victim noun as a predicate is no one
        counts = [c for c in counts if not (c.low == 1 and c.noun is not None and _VICTIM_WORD.fullmatch(
            normalize(text[c.start:c.end])) and not _victim_reported(text, found, c, sentence, outcome_cues, lang))]
    previous: Draft | None = None
    foreseen = [c for c in sentence_cues if c.has("foreseen")]
    for count in counts:
        between = text[previous.count.end:count.start] if previous and previous.count else ""
        between_norm = normalize(between)
        manner = (previous.parent or previous).kind if previous and len(between) <= MANNER_CHARS else None
        victims = _victims(count, text, found)
        if victims == ["people"] and previous is not None and previous.victims in (["civilians"], ["combatants"]) \
                and _are_others(count, text):  # "مقتل 3 مسلحين وإصابة 4 آخرين": four more fighters (but the
            victims = list(previous.victims)   # others of "مقتل طفل وإصابة آخرين" need not be children)
        own_kind = _noun_outcome(count, lang)
        if previous and previous.count and _in_brackets_after(text, previous.count, count) and (
                own_kind is None or own_kind == (previous.parent or previous).kind):
            # "قتل 5 مدنيين (3 أطفال وامرأتان)", "ثلاثة مدنيين (رجل وزوجته وابنهما)": who they were
            parent = previous.parent or previous
            members = count.parts if count.parts and count.low == previous.count.low else [count]
            drafts += [Draft(parent.kind, part, part.start, index, _victims(part, text, found), parent=parent)
                       for part in members]
            continue
        if previous and previous.count and (_SUBSET.search(between_norm)
                                            or _PART_OF_BEFORE.search(count.text)) and (
                not _cue_between(outcome_cues, previous.count.end, count.start, except_kind=manner)
                or (lang == "en" and _SUBSET_END.search(between_norm) and not _CLAUSE_BREAK.search(between)
                    and not _COORDINATION.search(between_norm))) and (
                own_kind is None or own_kind == (previous.parent or previous).kind):  # not "بينهم أطفال وعشرات الجرحى"
            parent = previous.parent or previous
            draft = Draft(parent.kind, count, count.start, index, victims, parent=parent)
        elif own_kind:  # "11 قتيلاً و5 مصابين": the noun says the outcome
            kind, at = own_kind, count.start
            if own_kind in _STATUS_KINDS:  # "مقتل 16 نازحاً", "إعدام 5 معتقلين" (a word outside the noun)
                outside = [c for c in outcome_cues  # (nor the noun of another count: "330 ألف قتيل وملايين اللاجئين")
                           if not any(k.start <= c.start and c.end <= k.end for k in counts)]
                attached = _governing_cue(text, outside, count, lang, counts)
                if attached is not None and attached[0][0] in ("killed", "injured"):
                    kind, at = attached[0][0], attached[0][1].start
            draft = Draft(_unless_foreseen(kind, text, at, foreseen), count, count.start, index, victims)
        elif previous and previous.count and _CONJ_ONLY.match(between_norm) and count.category:
            draft = Draft(previous.kind, count, count.start, index, victims, parent=previous.parent)
        else:
            attached = ((_toll_head(text, outcome_cues, sentence, count, counts) if lang == "ar" else None)
                        or _governing_cue(text, outcome_cues, count, lang, counts)
                        or _toll_reference(text, outcome_cues, sentence, count))
            if attached is None and lang == "ar" and previous and _qualified_list(
                    between_norm, previous, count, counts, outcome_cues):
                draft = Draft(previous.kind, count, count.start, index, victims, parent=previous.parent)
            elif attached is None or (count.category is None
                                      and not _counts_people(text, count, attached, outcome_cues)
                                      and not _list_goes_on(text, count, counts)):
                continue
            else:
                (kind, cue), _role = attached
                if kind == "missing" and lang == "ar" and _LOST_LIFE.match(normalize(text[count.end:count.end + 40])):
                    kind = "killed"  # "فقد مدني حياته": lost his life
                draft = Draft(_unless_foreseen(kind, text, cue.start, foreseen), count, count.start, index, victims)
        # a list that adds up ("طفل وامرأة"): each member is a part of the total; after "بينهم"
        # ("بينهم 924 طفلاً و656 امرأة") the members are parts of the claim before, the sum is not
        owner = draft.parent if draft.parent is not None and count.parts else draft
        if owner is draft:
            drafts.append(draft)
        drafts += [Draft(draft.kind, part, part.start, index, _victims(part, text, found), parent=owner)
                   for part in count.parts]
        previous = draft
    if lang == "ar":
        drafts += _pronoun_referents(text, found, index, counts, outcome_cues, drafts)
        drafts = _dual_harm(text, found, index, sentence, counts, outcome_cues, drafts)
    drafts = [d for d in _without_restated(text, drafts)  # "نجا 5 مدنيين من الموت" (but "بعد إصابته")
              if not (d.kind == "killed" and d.count is not None and _survivors(text, d.count, sentence))]
    drafts += _countless(text, found, index, sentence, outcome_cues, drafts, lang)
    if drafts and _QUESTION_END.search(text, sentence.start, sentence.end):
        # a question asserts no toll: "كم عدد ضحايا المعارك؟", "Were civilians killed?" (a headline's
        # toll before its question stays: "مقتل 5 مدنيين بقصف على البلدة فمن المسؤول؟")
        opener = _QUESTION_OPENER.match(normalize(text[sentence.start:sentence.end]))
        drafts = [] if opener else [d for d in drafts if d.count is not None]
    return drafts


_SURVIVED = _Lazy(lambda: re.compile(
    rf"(?i)(?<![\w\u0600-\u06ff])(?:{_g('ar', 'negation', 'survived', False)}|"
    rf"{_g('en', 'negation', 'survived', False)})(?![\w\u0600-\u06ff])"))
_ONE_WORD_GAP = re.compile(r"[^\S\n]+(?:[a-z]+[^\S\n]+)?")


def _survivors(text: str, count: Any, sentence: Sentence) -> bool:
    """Whether the counted people survived: "نجا 5 مدنيين من الموت", "three children (have) survived" (a
    survival word right before the count, or in English right after it, past at most one word)."""
    before = list(_SURVIVED.finditer(text, max(sentence.start, count.start - 12), count.start))
    if before and not text[before[-1].end():count.start].strip():
        return True
    after = _SURVIVED.search(text, count.end, min(sentence.end, count.end + 15))  # (English: the verb after)
    return after is not None and after.group().isascii() \
        and bool(_ONE_WORD_GAP.fullmatch(text, count.end, after.start()))


def _survival_before(text: str, cue: cues.Cue, sentence: Sentence) -> bool:
    """A survival word earlier in the harm word's clause: "نجا 5 مدنيين من الموت" reports no death."""
    survived = list(_SURVIVED.finditer(text, max(sentence.start, cue.start - 40), cue.start))
    return bool(survived) and not _CLAUSE_BREAK.search(text, survived[-1].end(), cue.start)


def _without_restated(text: str, drafts: list[Draft]) -> list[Draft]:
    """Without a vague count the sentence goes on to give as a number ("أوقعت عدداً من القتلى وصل عددهم إلى
    35 شخصاً", "dozens were killed; the toll rose to 40"): the number is the toll, the vague words are not a
    second one."""
    return [d for d in drafts if not (
        d.count is not None and d.count.vague and d.parent is None and any(
            o.kind == d.kind and o.count is not None and not o.count.vague
            and 0 <= o.count.start - d.count.end <= RESTATED_CHARS
            and _TOLL_WORDS.search(normalize(text[d.count.end:o.count.start])) for o in drafts))]


_QUESTION_END = re.compile(r"[?؟][\s\"'”»)]*$")
_QUESTION_OPENER = _Lazy(lambda: re.compile(
    rf"(?i)^[\s\"'“«(\-–•*]*(?:[وف]?{_g('ar', 'clauses', 'question_words')}(?![\u0621-\u064a])|"
    rf"{_g('en', 'clauses', 'question_words')}\b)"))


# between a count and the combined-toll phrase after it: "25 شخصاً بين قتيل وجريح", "30 civilians were killed
# or wounded" (a few words, no clause break)
_COMBINED_GAP = re.compile(r"[^\S\n]*(?:[^\s\d.,،;:؛]+[^\S\n]+){0,2}?")


def _combined_tolls(text: str, found: Found, index: int, counts: list[Any],
                    combined: list[cues.Cue]) -> tuple[list[Draft], list[Any]]:
    """Counts of the killed and the injured together ("25 شخصاً بين قتيل وجريح", "40 قتيلاً وجريحاً",
    "مقتل وإصابة 30 مدنياً", "dozens were killed or wounded"): no death toll, and no toll of the injured
    either, but bounds both: each such count makes a killed and an injured claim of at least one (the
    phrase says both happened) and at most N - 1 (vague). A count right before the phrase and one right
    after it are the killed and the injured ("طفلاً قتل وجرح مدنيان"). Returns those drafts and the counts
    left to read (not the words inside the phrase: the "وجريحاً" of "40 قتيلاً وجريحاً" is no one more)."""
    drafts: list[Draft] = []
    rest: list[Any] = []
    counts = [c for c in counts if not any(cue.start <= c.start < cue.end for cue in combined)]
    for cue in combined:  # "طفلاً قتل وجرح مدنيان": one count before each verb, no total
        before = [c for c in counts if c.end <= cue.start and c.category
                  and (gap := _COMBINED_GAP.fullmatch(text, c.end, cue.start)) is not None
                  and not _CLAUSE_BREAK.search(gap.group())]
        after = [c for c in counts if c.start >= cue.end and not text[cue.end:c.start].strip() and c.category]
        if before and (after or cue.has("combined_toll.verbs")):
            pairs = (("killed", before[-1]), ("injured", after[0])) if after else (("killed", before[-1]),)
            for kind, count in pairs:
                drafts.append(Draft(kind, count, count.start, index, _victims(count, text, found)))
            counts = [c for c in counts if all(c is not count for _, count in pairs)]
    for count in counts:
        tied = any(
            (count.start < cue.end and cue.start < count.end)  # "40 قتيلاً وجريحاً": the noun is the phrase's
            or (count.end <= cue.start and not cue.has("combined_toll.verbs")
                and (gap := _COMBINED_GAP.fullmatch(text, count.end, cue.start)) is not None
                and not _CLAUSE_BREAK.search(gap.group()))
            or (cue.end <= count.start and not text[cue.end:count.start].strip())
            for cue in combined)
        if not tied or (count.category is None and count.noun is None and count.low is None):
            rest.append(count)
            continue
        total = count.high  # (None: open, "more than 30")
        # both outcomes happened: at least one of each, at most the total less one
        bound = replace(count, low=1, high=total - 1 if total and total > 1 else None, vague=True, parts=())
        victims = _victims(count, text, found)
        drafts += [Draft("killed", bound, count.start, index, list(victims)),
                   Draft("injured", bound, count.start, index, list(victims))]
    return drafts, rest


@cache
def _word_set(lang: str, section: str, key: str) -> frozenset[str]:
    """The words of ``key`` in ``section`` of the ``lang`` grammar file, normalised, for a word lookup."""
    return frozenset(normalize(w) for w in _grammar(lang)[section][key])


def _body_of(text: str, count: Any, after: Any | None) -> bool:
    """'عثر على جثة الشاب فلان', 'سلمت جثمان المدني "فلان"': the body of the one person counted right after
    it is that person, not a second one."""
    return (after is not None and (count.low, count.high) == (1, 1) and (after.low, after.high) == (1, 1)
            and after.category is not None and not text[count.end:after.start].strip()
            and normalize(count.text) in _word_set("ar", "tolls", "body_nouns"))


_AND_BEFORE = re.compile(r"(?:^|\s)و\s*$")


def _in_brackets_after(text: str, before: Any, count: Any) -> bool:
    """Whether a count of people stands alone in brackets right after a count of people: it says who they
    were, a part of them (or, adding up to them, their breakdown)."""
    return (before.category is not None and count.category is not None and count.low is not None
            and before.low is not None and count.low <= before.low
            and bool(numbers.OPEN_PAREN.fullmatch(text, before.end, count.start))
            and bool(numbers.CLOSE_PAREN.match(text, count.end)))


_PLURAL_PRONOUN_END = _Lazy(lambda: re.compile(rf"{_g('ar', 'tolls', 'plural_pronouns')}$"))
# (as written: after normalisation the pronoun ه is the ة of "إصابة")
_NEW_CLAUSE = re.compile(r"[,،؛;]\s*[وف][\u0621-\u064a]{3}")
_REFERRING_LINK_BEFORE = _Lazy(lambda: re.compile(rf"(?:^|\s){_g('ar', 'tolls', 'referring_links')}\s*$"))
_SINGULAR_PRONOUN_END = _Lazy(lambda: re.compile(rf"{_g('ar', 'tolls', 'singular_pronouns', False)}[\u064b-\u0652]*$"))


def _pronoun_referents(text: str, found: Found, index: int, counts: list[Any], outcome_cues: list[cues.Cue],
                       drafts: list[Draft]) -> list[Draft]:
    """'أطلق القناص النار على 3 شبان، ما أدى إلى مقتلهم': a harm event word with a plural or dual pronoun
    ("مقتلهم", "استشهادهما") harms the people counted last before it in its sentence, when no harm word
    governs that count and none stands between them; one with a singular pronoun ("الطفل فلان بعد
    إصابته بقصف", "الشاب فلان، ما أدى إلى مقتله") harms the one person counted so. A singular one, and
    one that is harm only so ("إصابتهم"), must follow a link ("بعد", "أدى إلى") or a glued ل / ب."""
    out: list[Draft] = []
    used = {id(d.count) for d in drafts if d.count is not None}
    have = {d.kind for d in drafts if d.count is not None}
    for cue in outcome_cues:
        kind_role = _outcome_kind(cue)
        if not kind_role or kind_role[1] not in ("events", "referring") or kind_role[0] in have:
            continue
        before = [c for c in counts if c.end <= cue.start]
        if not before:
            continue
        plural = bool(_PLURAL_PRONOUN_END.search(normalize(cue.text)))
        if not plural and not _SINGULAR_PRONOUN_END.search(cue.text):
            continue
        count = before[-1]
        if (not plural or kind_role[1] == "referring") and not (
                cue.text[:1] in "لب" or _REFERRING_LINK_BEFORE.search(normalize(text[max(0, cue.start - 12):cue.start]))
                or _MET_BEFORE.search(normalize(text[max(0, count.start - 12):count.start]))):
            continue  # "ما أدى لمقتله", "بعد إصابته", "لقي الشاب فلان مصرعه"; not the verb in "التي أصابتها"
        if not plural and _NEW_CLAUSE.search(text, count.end, cue.start):
            continue  # "أشهر أحد العناصر مسدسه، وأطلق النار ... ما أدى لمقتله": the one harmed is not the doer
        if (id(count) in used or count.category is None or not count.low
                or (count.low < 2 if plural else (count.low, count.high, count.vague) != (1, 1, False))
                or cue.start - count.end > 150 or _cue_between(outcome_cues, count.end, cue.start)
                or "\n" in text[count.end:cue.start] or _AND_BEFORE.search(text, max(0, count.start - 3), count.start)
                or any(w.startswith("و") and numbers.person_noun(w, "ar") is not None
                       for w in _WORD.findall(text, count.end, cue.start))):
            continue  # (not "قيادياً واثنين من مرافقيه ... مقتلهم", "ضابطين ومجند ... استشهادهم": the whole list)
        draft = Draft(kind_role[0], count, count.start, index, _victims(count, text, found))
        out.append(draft)
        out += [Draft(draft.kind, part, part.start, index, _victims(part, text, found), parent=draft)
                for part in count.parts]
        have.add(draft.kind)
    return out


_DUAL_VERB = _Lazy(lambda: re.compile(rf"[وف]?{_g('ar', 'tolls', 'dual_harm')}"))
_DUAL_PRONOUN_END = _Lazy(lambda: re.compile(rf"{_g('ar', 'tolls', 'dual_pronouns')}$"))
_AR_TOKEN = re.compile(r"[\u0621-\u064a\u064b-\u0652]+|\"")


def _dual_harm(text: str, found: Found, index: int, sentence: Sentence, counts: list[Any],
               outcome_cues: list[cues.Cue], drafts: list[Draft]) -> list[Draft]:
    """'شخص اسمه فلان وآخر مجهول الهوية، قتلا', '"فلان" وابنه ... استشهدا', 'الشاب فلان والطفل فلان، لقيا
    حتفهما': a harm verb in the dual, or a harm word with the dual pronoun, after one person (a person noun or
    a quoted name) and a second joined to it by و (a singular person noun: "وآخر", "وابنه", "والطفل") harms
    the two: a count of 2 over them, in place of a claim of 1 on the first."""
    for cue in outcome_cues:
        kind_role = _outcome_kind(cue)
        if not kind_role or kind_role[0] not in ("killed", "injured"):
            continue
        word = normalize(cue.text)
        if not (_DUAL_VERB.fullmatch(word) or _DUAL_PRONOUN_END.search(word)):
            continue
        kind = kind_role[0]
        lo = max(sentence.start, cue.start - 150,
                 max((c.end for c in outcome_cues if c.end <= cue.start and c is not cue), default=0))
        first = second = None
        for m in _AR_TOKEN.finditer(text, lo, cue.start):
            noun = numbers.person_noun(m.group(), "ar") if m.group() != '"' else None
            if first is None:
                if m.group() == '"' or (noun is not None and noun.number == "singular"):
                    first = m
            elif noun is not None and noun.number == "singular" and m.group()[0] == "و":
                second = m
                break
        if first is None or second is None:
            continue
        mine = [d for d in drafts if d.kind == kind and d.count is not None]
        ones = [d for d in mine if d.parent is None and lo <= d.count.start < second.start()]
        if len(mine) > 1 or (mine and not (ones and (ones[0].count.low, ones[0].count.high) == (1, 1))):
            continue  # the harmed are counted ("الشابان فلان وفلان لقيا حتفهما")
        start = ones[0].count.start if ones else min([first.start()] + [
            c.start for c in counts if lo <= c.start < second.start() and (c.low, c.high) == (1, 1)])
        noun = numbers.person_noun(first.group(), "ar") if first.group() != '"' else None
        first_category = ones[0].count.category if ones else (noun.category if noun else None)
        second_noun = numbers.person_noun(second.group(), "ar")
        cats = tuple(dict.fromkeys(c for c in (first_category, second_noun.category if second_noun else None) if c))
        category = cats[0] if len(cats) == 1 else "people"
        both = numbers.Count(start, second.end(), text[start:second.end()], 2, 2, category=category,
                             categories=cats if len(cats) > 1 else (category,))
        drafts = [d for d in drafts if d not in ones]
        drafts.append(Draft(kind, both, start, index, _victims(both, text, found)))
    return drafts


def _qualified_list(between_norm: str, previous: Draft, count: Any, counts: list[Any],
                    outcome_cues: list[cues.Cue]) -> bool:
    """A count of people that goes on with the list of the count before it past a short qualifier of that
    count ("قتل قيادي في الفصيل و3 من مرافقيه", "مقتل عنصرين من "حزب الله" وثلاثة من عناصر النظام",
    "سقوط 5 قتلى، إضافة لشخص في بلدة X"): no harm word, other count or new clause stands between."""
    if count.category is None or previous.count is None:
        return False
    m = _QUALIFIED_LIST.match(between_norm)
    if not m or _CLAUSE_OPENER.search(m.group("qualifier")):
        return False
    start = previous.count.end
    return not _cue_between(outcome_cues, start, count.start) and not any(
        start <= c.start < count.start for c in counts)


_TOLL_WORDS = _Lazy(lambda: re.compile(
    rf"(?:{_g('ar', 'tolls', 'toll_words')}|\b{_g('en', 'tolls', 'toll_determiners')}\s+"
    rf"(?:{_g('en', 'tolls', 'toll_death')}\s+)?{_g('en', 'tolls', 'toll_nouns')}\b)"))


def _toll_reference(text: str, outcome_cues: list[cues.Cue], sentence: Sentence,
                    count: Any) -> tuple[tuple[str, cues.Cue], str] | None:
    """A count given as "their number passed 2,000" / "the toll rose to 9": it counts the outcome
    named earlier in the sentence, even across a comma."""
    window = normalize(text[max(sentence.start, count.start - 60):count.start])
    if not _TOLL_WORDS.search(window):
        return None
    before = [c for c in outcome_cues if c.end <= count.start and _outcome_kind(c)]
    if not before:
        return None
    cue = before[-1]
    kind, role = _outcome_kind(cue)  # type: ignore[misc]
    return (kind, cue), role


_TOLL_VERB_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وف]?{_g('ar', 'tolls', 'toll_verbs')}\s+(?:(?:الي|ل)\s*)?$"))
# a cheap test on the raw text: the last three letters of each head (no hamza or ta marbuta among them)
_TOLL_HEAD_HINT = _Lazy(lambda: re.compile("|".join(
    re.escape(normalize(w).rstrip("ه")[-3:]) for w in _grammar("ar")["tolls"]["toll_heads"])))
_TOLL_HEAD_BEFORE = _Lazy(lambda: re.compile(rf"(?:^|\s)[وفب]?(?:ال)?{_g('ar', 'tolls', 'toll_heads')}\s+(?:ال)?$"))


_LOST_LIFE = _Lazy(lambda: re.compile(
    rf"[^،,.:;؛()\"“”«»\n]{{0,30}}?(?<![\w\u0600-\u06ff]){_g('ar', 'tolls', 'lost_life')}(?![\w\u0600-\u06ff])"))


def _toll_head(text: str, outcome_cues: list[cues.Cue], sentence: Sentence,
               count: Any, counts: list[Any] | tuple[Any, ...] = ()) -> tuple[tuple[str, cues.Cue], str] | None:
    """'عدد القتلى على يد "X" بلغ 99 مدنياً', 'حصيلة قتلى المواجهات، خلال يومين، ارتفعت إلى 15': a count right
    after a verb of reaching is the toll of the harm word that follows "عدد" / "حصيلة" earlier in its sentence."""
    lo = max(sentence.start, count.start - 120)
    if not _TOLL_HEAD_HINT.search(text, max(sentence.start, count.start - _RISEN_CHARS), count.start):
        return None
    if not _TOLL_VERB_BEFORE.search(normalize(text[max(lo, count.start - 20):count.start])):
        return _risen_toll(text, outcome_cues, sentence, count, counts)
    return _headed_toll(text, outcome_cues, sentence, count, lo, _TOLL_HEAD_BEFORE, 12)


def _headed_toll(text: str, outcome_cues: list[cues.Cue], sentence: Sentence, count: Any, lo: int,
                 head: re.Pattern[str], reach: int, counts: list[Any] | tuple[Any, ...] = ()
                 ) -> tuple[tuple[str, cues.Cue], str] | None:
    """The harm noun, last before ``count`` and not before ``lo``, that the words ``head`` (within
    ``reach`` characters before it) make a toll; none across a full stop or another of ``counts``."""
    for cue in reversed(outcome_cues):
        if cue.start < lo or cue.end > count.start:
            continue
        if "." in text[cue.end:count.start] or any(cue.end <= c.start < count.start for c in counts):
            return None
        kind_role = _outcome_kind(cue)
        if kind_role and kind_role[1] in ("nouns", "events") and head.search(
                normalize(text[max(sentence.start, cue.start - reach):cue.start])):
            return (kind_role[0], cue), kind_role[1]
    return None


_RISEN_CHARS = 250
_TO_BEFORE = _Lazy(lambda: re.compile(rf"(?:^|\s){_g('ar', 'tolls', 'toll_to')}\s*$"))
_RISEN_HEAD_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وفلب]?{_g('ar', 'tolls', 'rise_words')}\s+(?:ال)?{_g('ar', 'tolls', 'toll_heads')}\s+(?:ال)?$"))


def _risen_toll(text: str, outcome_cues: list[cues.Cue], sentence: Sentence, count: Any,
                counts: list[Any] | tuple[Any, ...]) -> tuple[tuple[str, cues.Cue], str] | None:
    """'ارتفعت حصيلة القتلى جراء الغارات التي ... في ريف الرقة الشمالي، إلى 23 مدنياً': a count right after
    "إلى" is the toll of the harm word after "ارتفعت حصيلة" / "ارتفاع عدد" earlier in its sentence, past the
    long description of the event between them, when no other count and no full stop stands between."""
    if not _TO_BEFORE.search(normalize(text[max(sentence.start, count.start - 8):count.start])):
        return None
    return _headed_toll(text, outcome_cues, sentence, count, max(sentence.start, count.start - _RISEN_CHARS),
                        _RISEN_HEAD_BEFORE, 25, counts)


def _are_others(count: Any, text: str) -> bool:
    """Whether a count is of "others" ("آخرين", "five others"): more of the people counted before it."""
    if count.noun is not None:
        return count.noun in _word_set("ar", "parts", "others_nouns")
    return bool(_OTHERS_AFTER.match(text, count.end))


# what a person noun says the people are (displaced, held) rather than what happened to them: a harm word
# that governs the count says what happened ("مقتل 16 نازحاً" are killed)
_STATUS_KINDS = ("displaced", "detained")


def _noun_outcome(count: Any, lang: str) -> str | None:
    """The outcome a count's own noun carries ("قتيلاً", "مصابين", "جرحى", "wounded")."""
    if not count.noun:
        return None
    noun = numbers.person_noun(count.noun, lang)
    return noun.kind if noun is not None and noun.kind in KINDS else None


def _cue_between(outcome_cues: list[cues.Cue], start: int, end: int, except_kind: str | None = None) -> bool:
    """Whether an outcome word stands between ``start`` and ``end``; with ``except_kind``, not counting a
    word of that outcome, which says how the counted were harmed ("أصيب 5 مدنيين بجروح، بينهم طفل") or is
    their verb ("31 مدنياً استشهدوا اليوم، بينهم 5 أطفال")."""
    return any(start <= c.start and c.end <= end and not (
        except_kind is not None and _outcome_kind(c) in ((except_kind, "events"), (except_kind, "nouns"),
                                                         (except_kind, "verbs")))
        for c in outcome_cues)


def _victims(count: Any, text: str = "", found: Found | None = None) -> list[str]:
    """The victim categories a count covers: all of a coordination ("النساء والأطفال"), else its own.
    Unspecified people who belong to an armed group ("23 DAESH members", "عناصر من قوات النظام",
    "members of the Nusra Front") are combatants."""
    if len(count.categories) > 1:
        return list(count.categories)
    category = count.category or "people"
    if category == "people" and found is not None and _armed_group_near(text, found, count):
        category = "combatants"
    return [category]




_MEMBERSHIP = _Lazy(lambda: re.compile(
    rf"^\s*(?:{_g('en', 'actor_words', 'membership')}|{_g('ar', 'actors', 'membership')})\s*"
    rf"(?:{_g('en', 'articles', 'definite')}\s+)?"))
_OWN_RANKS = _Lazy(lambda: re.compile(
    rf"(?i)^\s*(?:{_g('ar', 'actors', 'own_ranks')}(?![\u0621-\u064a])|"
    rf"(?:[a-z-]+\s+){{0,3}}?{_g('en', 'actor_words', 'own_ranks')}\b)"))
_GROUP_WORDS = _Lazy(lambda: re.compile(
    rf"^\s*(?:{_g('en', 'articles', 'definite')}\s+)?(?:[\w-]+\s+){{0,2}}{_g('en', 'actor_words', 'group_nouns')}\b|"
    rf"^\s*{_g('ar', 'actors', 'group_nouns')}"))


def _in_construct(text: str, count: Any, at: int) -> bool:
    """Whether what begins at ``at`` follows the Arabic person noun of ``count`` in the construct state,
    with no word between ("زعيم تنظيم داعش", "قائد فصيل")."""
    return bool(count.noun) and at == count.end + 1 and text[count.end:at] == " " \
        and "\u0621" <= text[at:at + 1] <= "\u064a"


def _group_in_construct(text: str, found: Found, count: Any) -> bool:
    """An Arabic person noun followed by the group it leads or serves ("زعيم تنظيم داعش", "قائد فصيل",
    "80 قتيلا لحزب الله"); not the attacker named by its weapon ("4 قتلى بصاروخ إيراني")."""
    at = count.end + 1
    if not _in_construct(text, count, at):
        return False
    return any(a.start == at and a.actor is not None and a.via != "weapon"
               for a in found.within(found.actors, at, at + 1)) or bool(_GROUP_WORDS.match(normalize(text[at:at + 45])))


def _armed_group_near(text: str, found: Found, count: Any) -> bool:
    if any(a.start < count.end and count.start < a.end and a.actor is not None
           and not _TARGET_AFTER.match(normalize(text[a.end:a.end + 20]))
           for a in found.within(found.actors, count.start - 1, count.end + 1)):
        return True  # "23 DAESH members" (but not "19 Syrians in an IS-held village")
    after = text[count.end:count.end + 50]
    if _OWN_RANKS.match(normalize(after)):
        return True  # "مقتل 14 في صفوفه", "12 killed in its ranks"
    m = _MEMBERSHIP.match(normalize(after))
    if not m:
        return _group_in_construct(text, found, count)
    rest_start = count.end + m.end()
    if any(a.start - rest_start <= 3 and a.actor is not None
           and not _TARGET_AFTER.match(normalize(text[a.end:a.end + 20]))
           for a in found.within(found.actors, rest_start, rest_start + 45)):
        return True
    return bool(_GROUP_WORDS.match(normalize(text[rest_start:rest_start + 45])))






_AUXILIARIES = _Lazy(lambda: re.compile(
    rf"\b{_g('en', 'clauses', 'auxiliaries')}\b|(?:^|\s){_g('ar', 'clauses', 'auxiliaries')}(?=\s|$)"))
_ASIDE_WORDS = _Lazy(lambda: re.compile(
    rf"{_g('en', 'parts', 'aside_words')}|(?:{_g('ar', 'parts', 'subset_prefix')}\s*)?"
    rf"{_g('ar', 'parts', 'aside_words')}"))
_ASIDE = _Lazy(lambda: re.compile(
    rf"\s*(?:[,،]|\s[-–—])\s*(?:{_ASIDE_WORDS.pattern})[^,،.\-–—]{{1,60}}(?:[,،]|\s[-–—])\s*"))
_ASIDE_BEFORE = _Lazy(lambda: re.compile(rf"(?:^|\s)(?:{_ASIDE_WORDS.pattern})\s*$"))
_ASIDE_START = _Lazy(lambda: re.compile(rf"\s*[,،]?\s*(?:{_ASIDE_WORDS.pattern})\s"))
_LIST_GLUE = _Lazy(lambda: re.compile(
    rf"^[\s,،]*(?:{_g('en', 'clauses', 'and_words')}|{_g('ar', 'clauses', 'and_words')})?\s*$"))
_COORDINATION = _Lazy(lambda: re.compile(
    rf"\b{_g('en', 'clauses', 'coordinators')}\b|(?:^|\s){_g('ar', 'clauses', 'coordinators')}(?=\s|$)"))


# a harm word glued to "and" after a count starts a new item ("5 والجرحى"), unless و is its first letter (وفاة)
_AND_GLUED = re.compile(r"و(?!فا|فيات)")
_QUOTES = "\"“«„"


def _aside_end(text: str, start: int, stop: int, counts: list[Any]) -> int:
    """Offset (from ``start``) where an aside on the parts of a count ends: ", including three
    children," or "including four children" before the verb ("were killed")."""
    gap = text[start:stop]
    m = _ASIDE.match(gap)
    if m:
        return m.end()
    folded = NormalizedText.of(gap[:150])  # the aside words as normalised ("أغلبهم": اغلبهم)
    m = _ASIDE.match(folded.text)
    if m:
        return folded.span(0, m.end())[1]
    m = _ASIDE_START.match(folded.text)
    if not m:
        return 0
    end = start + folded.span(0, m.end())[1]
    for c in counts:
        if c.start >= end and c.end <= stop and _LIST_GLUE.match(normalize(text[end:c.start])):
            end = c.end
    return end - start if end > start + m.end() else 0


# English patterns whose words are in data/en/grammar.toml
_THE = _Lazy(lambda: re.compile(_g('en', "articles", "definite")))
_ARTICLE = _Lazy(lambda: re.compile(_g('en', "articles", "any")))
# "X said", "X has told", "according to (the) X": the actor speaks
_EN_SPEAKER_AFTER = _Lazy(lambda: re.compile(
    rf"(?i)^\s*(?:{_g('en', 'actors', 'speaker_auxiliaries')}\s+)?{_g('en', 'actors', 'speaker_verbs')}\b"))
_EN_SPEAKER_BEFORE = _Lazy(lambda: re.compile(rf"(?i)\b{_g('en', 'actors', 'according_to')}\s+(?:{_THE.pattern}\s+)?$"))
# "X-backed fighters" (not "backed by"), "backed by (the) X": the actor backs the doer
_EN_BACKER_AFTER = _Lazy(lambda: re.compile(
    rf"(?i)^\s*-?\s*{_g('en', 'actors', 'backer_after')}\b(?!\s+{_g('en', 'actors', 'backer_not_before')}\b)"))
_EN_BACKER_BEFORE = _Lazy(lambda: re.compile(
    rf"(?i)\b{_g('en', 'actors', 'backer_before')}\s+{_g('en', 'actors', 'agent_prepositions')}\s+"
    rf"(?:{_THE.pattern}\s+)?$"))
# "strikes on X", "held by X", "spokesman for X", "between X and Y": the actor is hit, holds or is a side
_EN_TARGET_BEFORE = _Lazy(lambda: re.compile(
    rf"(?i)\b{_g('en', 'actors', 'attack_nouns')}\s+{_g('en', 'actors', 'target_prepositions')}\s+"
    rf"(?:{_ARTICLE.pattern}\s+)?"
    rf"(?:\w+\s+){{0,1}}$|"
    rf"\b(?:{_g('en', 'actors', 'held_by')}\s+{_g('en', 'actors', 'agent_prepositions')}|"
    rf"{_g('en', 'actors', 'held_phrases')})\s+"
    rf"(?:{_THE.pattern}\s+)?$|"
    rf"\b{_g('en', 'actors', 'people_nouns')}\s+{_g('en', 'actors', 'people_prepositions')}\s+(?:{_THE.pattern}\s+)?"
    rf"(?:[\w'-]+\s+){{0,3}}$|"
    rf"\b{_g('en', 'actors', 'sides_between')}\s+(?:{_THE.pattern}\s+)?$|"
    rf"\b{_g('en', 'actors', 'sides_between')}\s+(?:{_THE.pattern}\s+)?[\w-]+(?:\s+[\w-]+){{0,3}}\s+"
    rf"{_g('en', 'actors', 'sides_and')}\s+(?:{_THE.pattern}\s+)?$"))
# "against X", "positions of the X", "jets targeting X": X (after an optional "the" and one capitalised word
# or "so-called": "against Kurdish YPG") is the target
_EN_AIMED_BEFORE = _Lazy(lambda: re.compile(
    rf"(?i)\b{_g('en', 'actor_words', 'target_before')}\s+(?:{_THE.pattern}\s+)?"
    rf"(?:(?-i:[A-Z][\w'-]*)\s+|so-called\s+)?$"))
# "Tags Syria Idlib Russia airstrikes": a page's list of tags before the actor (no function word between)
_EN_TAG_LIST = _Lazy(lambda: re.compile(
    rf"(?<![\w-]){_g('en', 'actor_words', 'tag_labels', False)}(?![\w-])"
    rf"(?:[\s:,|]+(?!(?i:{_g('en', 'actor_words', 'tag_breakers')})\b)[\w'’().-]+)*[\s:,|]*$"))
_TAG_HINT = re.compile(r"Tag|TAG|Keyword|KEYWORD|Topic")
# "clashes with IS fighters against X", "accusations of war crimes against X": before "against", X is the
# other side of a fight or the accused, who may be the doer
_EN_AGAINST_SIDE = _Lazy(lambda: re.compile(
    rf"(?i)\b(?:{_g('en', 'actor_words', 'clash_before')}|{_g('en', 'actor_words', 'accusation_before')})"
    rf"(?:\s+[\w'-]+){{0,3}}\s+$"))
# "the IS group's Raqqa stronghold", "Daesh terror groups Raqqa bastion": the ground an actor holds, named
# by its place (capitalised) between the actor and the word
_EN_OWNED_PLACE = _Lazy(lambda: re.compile(
    rf"(?:'?s)?\s+(?i:(?:{_g('en', 'actor_words', 'owner_modifiers')}\s+)?"
    rf"{_g('en', 'actor_words', 'group_word')}s?'?s?\s+)?"
    rf"(?:[A-Z][\w-]+\s+){{1,2}}(?i:{_g('en', 'actor_words', 'owned_places')})\b"))
# "X and Y", "X, Y" (and, in text stripped of punctuation, "X Y"): two members of one list
_EN_LIST_GAP = _Lazy(lambda: re.compile(
    rf"(?i)[\s\"'“”]*(?:,|{_g('en', 'clauses', 'conjunctions')}\b)?[\s\"'“”]*"))
# "the regime and (the) opposition resumed talks": the two sides of the war named as a pair
_EN_OTHER_SIDE_AFTER = _Lazy(lambda: re.compile(
    rf"(?i)^\s+{_g('en', 'actors', 'sides_and')}\s+(?:{_THE.pattern}\s+)?{_g('en', 'actors', 'war_sides')}\b"
    rf"(?!\s+{_g('en', 'actors', 'attack_after')}\b)"))
# "in X": a country as a place, unless its name is a force ("forces", "jets")
_EN_PLACE_BEFORE = _Lazy(lambda: re.compile(rf"(?i)\b{_g('en', 'actors', 'place_before')}\s+$"))
_EN_FORCE_WORDS = _Lazy(lambda: re.compile(rf"(?i)\b{_g('en', 'actors', 'force_words')}\b"))
# "X-led strikes", "X air raids": the actor is the doer
_EN_ATTACK_AFTER = _Lazy(lambda: re.compile(
    rf"(?i)^\s*(?:-?{_g('en', 'actors', 'led_words')}\s+)?(?:{_g('en', 'actors', 'attack_prefixes')}\s*)?"
    rf"{_g('en', 'actors', 'attack_after')}\b"))
# "Daesh terrorists kill 33": the group named before a label is the subject of an active verb
_EN_ACTIVE_AFTER = _Lazy(lambda: re.compile(
    rf"(?i)^\s*(?:(?!{_g('en', 'actors', 'passive_words')}\b)\w+\s+){{0,2}}?"
    rf"(?:{_g('en', 'actors', 'perfect_auxiliaries')}\s+)?{_g('en', 'actors', 'active_verbs')}\b"
    rf"(?!\s+{_g('en', 'actors', 'not_agent_after')}\b)"))
# "attack kills two": an active harm verb takes the count after it, never a subject count before it
_ACTIVE_VERB = _Lazy(lambda: re.compile(rf"(?i){_g('en', 'counts', 'active_harm_verbs')}$"))
# "in two attacks": a bare number followed by a plain noun counts things, not people
_THING_AFTER = _Lazy(lambda: re.compile(rf"(?i)\s+{_g('en', 'counts', 'thing_nouns')}\b"))
# "five children were among the dead": parts of the toll before
_AMONG_DEAD = _Lazy(lambda: re.compile(
    rf"(?i)\b{_g('en', 'tolls', 'among')}\s+(?:{_g('en', 'tolls', 'among_determiners')}\s+)?"
    rf"{_g('en', 'tolls', 'among_dead')}\b"))
# "bringing to 45 the number killed", "raising the toll to 61": the report's updated toll of the event
_UPDATED_TOLL = _Lazy(lambda: re.compile(
    rf"(?i)\b{_g('en', 'tolls', 'toll_raisers')}\b(?:\s+{_g('en', 'tolls', 'toll_words')}){{0,4}}\s+"
    rf"{_g('en', 'tolls', 'toll_to')}\s+"
    rf"(?:{_g('en', 'tolls', 'at_least')}\s+)?$"))


def _governing_cue(text: str, outcome_cues: list[cues.Cue], count: Any, lang: str,
                   counts: list[Any]) -> tuple[tuple[str, cues.Cue], str] | None:
    """The outcome word that governs a count in its clause.

    An outcome noun or participle right after the count binds first ("5 قتلى", "22 injuries",
    "four were killed"); otherwise Arabic puts the event word before the number ("مقتل 5 مدنيين",
    "إصابة 12 آخرين"), English puts a verb before its object ("killing five") or a participle after
    the subject ("five people were killed")."""
    best: tuple[float, tuple[str, cues.Cue], str] | None = None
    for cue in outcome_cues:
        kind_role = _outcome_kind(cue)
        if kind_role is None or kind_role[1] == "referring":
            continue  # ("بعد إصابته": harm only of the people the pronoun refers to, see _pronoun_referents)
        kind, role = kind_role
        # (the gap's length and clause breaks are tested before it is normalised: most cues are far)
        start, end = _unbracketed(text, count, cue) if role == "verbs" else (count.start, count.end)
        if cue.end <= count.start:
            raw = text[cue.end:start]
            gap = raw.lstrip()
            # 'مقتل "أربعة من ..."': the quoted words of a source begin with the count
            gap = gap[1:] if gap[:1] in _QUOTES else raw
            if len(gap) > 60 or (_CLAUSE_BREAK.search(gap) and not (
                    lang == "ar" and role == "verbs" and not _CLAUSE_BREAK.search(_QUOTED_NAME.sub(" ", raw)))):
                continue  # (but 'أعدم تنظيم "X" أربعة مدنيين': the doer's name in quotes between verb and object)
            distance = len(_AUXILIARIES.sub("", normalize(raw)).strip()) + (0 if lang == "ar" else 1)
        elif cue.start >= count.end:
            if role == "hits":
                continue  # "غارات تصيب 10 مدنيين", "القضاء على 8 مسلحين": a hit governs the count after it
            if lang == "ar" and role == "events" and _IN_EVENT_BEFORE.search(normalize(text[count.end:cue.start])):
                continue  # "تدين جندياً في مقتل 3 جنود": the count before "في مقتل" is no victim of it
            if lang == "en" and _ACTIVE_VERB.match(cue.text):
                continue  # "attack kills two injures three": a verb that takes the next count as object
            gap = text[end:cue.start]
            aside = _aside_end(text, end, cue.start, counts)
            gap = gap[aside:]
            paren = numbers.PAREN_ASIDE.match(gap)  # "المواطن فلان (38 عاماً) أصيب": an age or a note in brackets
            if paren and not any(count.end <= c.start < count.end + paren.end() for c in counts):
                gap = gap[paren.end():]
            if lang == "ar" and role == "verbs" and gap.strip()[:1] not in _QUOTES + "”»":
                gap = _QUOTED_NAME.sub(" ", gap)  # 'عنصران من "حزب الله" قتلا': a group named in quotes
            if len(gap) > 45 or (_CLAUSE_BREAK.search(gap) and not (
                    lang == "ar" and role == "verbs" and _PLURAL_VERB_AFTER_COMMA.fullmatch(gap)
                    and _PLURAL_VERB.search(normalize(cue.text))
                    and not _ASIDE_BEFORE.search(normalize(text[max(0, count.start - 25):count.start])))):
                continue  # (but "إن 800 مدني، قتلوا": a plural verb after its subject and a comma)
            distance = len(_AUXILIARIES.sub("", normalize(gap)).strip()) + (3 if lang == "ar" else 0)
            if _COORDINATION.search(normalize(gap)) or (lang == "ar" and _AND_GLUED.match(normalize(cue.text))):
                if aside:
                    continue  # "16 مدنياً، أغلبهم من عائلة واحدة، وأصيب 59": past an aside, a new clause
                distance += 30  # "killed six people and injured ten", "ارتفع إلى 5 والجرحى إلى 15": a new item
        else:  # the count's own words carry the outcome ("قتيلين", "22 injuries")
            gap, distance = "", -1
        lo, hi = (cue.end, count.start) if cue.end <= count.start else (cue.start - len(gap), cue.start)
        if any(lo <= c.start < hi for c in counts if c is not count
               and not (lang == "en" and c.category is None and _THING_AFTER.match(text[c.end:c.end + 25]))):
            continue  # another number stands between them and takes the word (not "in two attacks")
        if cue.start >= count.end and any(c.start <= cue.start and cue.end <= c.end and (c.start, c.end) != (
                cue.start, cue.end) for c in counts if c is not count):
            continue  # the noun of another count after it ("وسقوط شهيد واحد") is that count's own word
        if best is None or distance < best[0]:
            best = (distance, (kind, cue), role)
    return (best[1], best[2]) if best else None


_IN_EVENT_BEFORE = re.compile(r"(?:^|\s)في\s*$")  # "في مقتل": "in the killing of", right before a harm event
_BRACKET_OPEN_BEFORE = re.compile(r"\([^\S\n]*$")


def _unbracketed(text: str, count: Any, cue: cues.Cue) -> tuple[int, int]:
    """The span of a bare figure with the brackets that enclose it alone, as the subject of the verb ``cue``
    ("توثيق (2) قضيا", "قضى ( 1 ) جراء القصف": the figures of a documentation report), else the count's own
    span. Only the verb or a function word may follow the brackets: not "( 73 ) سنة" (an age), "الحي ( 3 )
    بالمدينة" (a number in a name) or "فلان ( 26 ) أعلن" (a note)."""
    if count.category is None and count.start and count.text.isdigit() and (
            after := numbers.CLOSE_PAREN.match(text, count.end)) and (
            after.end() <= cue.start <= after.end() + 2 or _FUNCTION_AFTER.match(text[after.end():after.end() + 25])):
        before = _BRACKET_OPEN_BEFORE.search(text, max(0, count.start - 4), count.start)
        if before:
            return before.start(), after.end()
    return count.start, count.end


_AR_THING_AFTER = _Lazy(lambda: re.compile(
    rf"\s*(?:من\s+(?:ال)?)?{_g('ar', 'tolls', 'thing_nouns')}(?![\u0621-\u064a])"))
_MET_BEFORE = _Lazy(lambda: re.compile(rf"(?:^|\s)[وف]?{_g('ar', 'tolls', 'met_verbs')}\s+$"))


def _counts_people(text: str, count: Any, attached: tuple[tuple[str, cues.Cue], str],
                   found_cues: list[cues.Cue]) -> bool:
    """A count with no person noun counts people only when nothing else follows it ("ارتفع عدد
    القتلى إلى 9،", "the toll rose to 9 on Sunday") or an outcome noun does ("5 قتلى")."""
    (_kind, cue), role = attached
    if _AR_THING_AFTER.match(normalize(text[count.end:count.end + 30])):
        return False  # "85 هجوماً قتل فيها", "العشرات من التفجيرات التي تسببت في قتل": the number counts attacks
    if cue.start >= count.end and cue.start - count.end <= 25 and (role in ("nouns", "verbs") or (
            role == "events" and _MET_BEFORE.search(normalize(text[max(0, count.start - 12):count.start])))):
        return True  # "5 قتلى", "31 مهاجراً قضوا", "لقي 6 متظاهرين مصرعهم"
    if _FUNCTION_AFTER.match(text[count.end:count.end + 25]):
        return True
    # a headline's next verb: "attacks kill 10 injure 30"
    return any(0 < c.start - count.end <= 2 and c.has("outcome") for c in found_cues)


_WORD = re.compile(r"[\w\u0600-\u06ff]+")


def _list_goes_on(text: str, count: Any, counts: list[Any]) -> bool:
    """A count of people follows, joined by "and" ("ارتفع عدد الشهداء إلى 34 وستة من الجرحى"): the bare
    number before it is one item of a list of tolls."""
    return any(c.start > count.end and c.category is not None and _LIST_GLUE.match(normalize(text[count.end:c.start]))
               for c in counts)


# the subject of an English passive or intransitive harm word: "civilians were killed", "children died"
# (group 2: the auxiliary, which a transitive verb needs: in "soldiers killed them" the soldiers are the killers)
_EN_SUBJECT_BEFORE = _Lazy(lambda: re.compile(
    rf"(?i)\b([a-z]+)\s+(?:also\s+)?(?:({_g('en', 'counts', 'passive_auxiliaries', False)})\s+(?:also\s+)?)?$"))
_EN_INTRANSITIVE = _Lazy(lambda: re.compile(rf"(?i){_g('en', 'counts', 'intransitive_harm', False)}"))


def _person_categories(window: str, lang: str, singulars: bool = False) -> list[str]:
    """Victim categories named by the person nouns in a stretch of text ("من المدنيين والأطفال")."""
    out: list[str] = []
    for word in _WORD.findall(window)[:8]:
        noun = numbers.person_noun(word, lang)
        # a singular here is mostly an adjective ("terrorist attacks"), a plural names victims; a denial
        # speaks of "any civilian" ("نفت مقتل أي مدني")
        if noun is not None and noun.kind is None and (singulars or noun.number != "singular") \
                and noun.singular_count != "harm" and noun.category not in out:  # not "وشمت آخرون"
            out.append(noun.category)
    return out


def _countless(text: str, found: Found, index: int, sentence: Sentence, outcome_cues: list[cues.Cue],
               drafts: list[Draft], lang: str) -> list[Draft]:
    """Harm reported without a number ("killing large numbers of civilians", "قتلى وجرحى في
    انفجار"): one claim without a count per outcome, when the sentence names the victims, the
    weapon or the place, so that a bare word in passing does not make a claim."""
    out: list[Draft] = []
    have = {d.kind for d in drafts}
    sentence_cues = found.within(found.cues, sentence.start, sentence.end)
    specific = bool(found.within(found.places, sentence.start, sentence.end)) or any(
        c.has("cause") or c.has("attack") for c in sentence_cues)
    denial = any(c.has("denial") for c in sentence_cues)
    memory = [c for c in sentence_cues if c.has("commemoration")]
    foreseen = [c for c in sentence_cues if c.has("foreseen")]
    for cue in outcome_cues:
        kind_role = _outcome_kind(cue)
        if not kind_role or kind_role not in _COUNTLESS or kind_role[0] in have:
            continue
        if _remembered(text, cue, memory):
            continue  # "في الذكرى السنوية لمجزرة ...": a past event remembered, not news of harm
        if lang == "ar" and _FALL_WORD.fullmatch(normalize(cue.text)) \
                and not _fallen_named(text, cue, outcome_cues, lang):
            continue  # "حلب على شفير السقوط", "خشية سقوط القذائف": no one fell
        if lang == "ar" and _VICTIM_WORD.fullmatch(normalize(cue.text)) and not _victim_reported(
                text, found, cue, sentence, outcome_cues, lang):
            continue  # "وقعتا ضحية خداع", "النظام يقدم نفسه على أنه ضحية الإرهاب"
        if _survival_before(text, cue, sentence):
            continue  # "نجا 5 مدنيين من الموت" (the denied harm words, "دون وقوع إصابات", are not passed in)
        victims = _person_categories(text[cue.end:min(sentence.end, cue.end + 80)], lang, singulars=denial)
        if not victims and lang == "en" and (subject := _EN_SUBJECT_BEFORE.search(text, sentence.start, cue.start)) \
                and (subject.group(2) or _EN_INTRANSITIVE.fullmatch(cue.text)):
            victims = _person_categories(subject.group(1), lang)  # "civilians were killed", "fighters died"
        if not victims and _group_harmed(text, found, cue, sentence):
            victims = ["combatants"]
        if victims or specific:
            kind = _unless_foreseen(kind_role[0], text, cue.start, foreseen)
            if kind not in have:
                out.append(Draft(kind, None, cue.start, index, victims or ["people"]))
                have.add(kind)
    return out


# what may stand between a negation and the harm word it denies: "دون (وقوع) إصابات", "لم تسفر عن (أي)
# ضحايا", "لم ترد تقارير أولية عن سقوط قتلى أو جرحى" (the harm words of one list are denied together),
# "no casualties were reported", "there were no immediate reports of injuries", "no one was hurt"
_EXCEPT = _Lazy(lambda: re.compile(rf"(?:^|\s){_g('ar', 'negation', 'except_words')}(?=\s|$)"))
_NEGATION_FILLER = {lang: _Lazy(lambda lang=lang: re.compile(
    rf"(?i)(?:\s*(?:{_g(lang, 'negation', 'filler')}|\x00))*\s*")) for lang in ("ar", "en")}
NEGATION_REACH = 45  # how far (characters) a negation may stand before the harm word it denies


def _negated(text: str, cue: cues.Cue, negations: list[cues.Cue], outcome_cues: list[cues.Cue], lang: str) -> bool:
    """Whether a negation before the harm word ``cue`` denies it: only filler words, and the other harm
    words of the same list ("قتلى أو جرحى"), stand between the two."""
    for n in negations:
        if not n.end <= cue.start <= n.end + NEGATION_REACH:
            continue
        gap = text[n.end:cue.start]
        for other in outcome_cues:  # a harm word before this one in the gap stands for its list
            if n.end <= other.start and other.end <= cue.start:
                gap = gap[:other.start - n.end] + "\x00" * (other.end - other.start) + gap[other.end - n.end:]
        if _NEGATION_FILLER[lang].fullmatch(normalize(gap) if lang == "ar" else gap) \
                and not _EXCEPT.search(normalize(text[cue.end:cue.end + 40])):
            return True
    return False


def _harm_word_after(cue: Any, outcome_cues: list[cues.Cue]) -> bool:
    """Whether another harm word follows ``cue`` closely (within 25 characters)."""
    return any(cue.end < c.start <= cue.end + 25 for c in outcome_cues)


_FALL_WORD = _Lazy(lambda: re.compile(rf"[وفل]?{_g('ar', 'tolls', 'fall_words')}"))
_NEXT_WORDS = re.compile(r"\s*(?:[^\s،,.:؛]+\s+){0,1}[^\s،,.:؛]+")


def _fallen_named(text: str, cue: cues.Cue, outcome_cues: list[cues.Cue], lang: str) -> bool:
    """Whether a word of falling ("سقوط", "سقط") has the harmed right after it (within two words): a harm word
    ("سقوط قتلى وجرحى") or a person noun ("سقط مدنيون")."""
    if _harm_word_after(cue, outcome_cues):
        return True
    m = _NEXT_WORDS.match(text, cue.end)
    return bool(m) and bool(_person_categories(m.group(0), lang, singulars=True))


_VICTIM_WORD = _Lazy(lambda: re.compile(rf"[وفل]?{_g('ar', 'tolls', 'victim_words')}"))
_PREVIOUS_WORDS = re.compile(r"(?:[^\s،,.:؛]+\s+){0,1}[^\s،,.:؛]+[\s،,]*$")


def _victim_reported(text: str, found: Found, cue: Any, sentence: Sentence, outcome_cues: list[cues.Cue],
                     lang: str) -> bool:
    """Whether a singular victim noun (a cue or a count) reports harm: a person noun right before it ("مدني
    ضحية", "الطفل علي، ضحية جديدة"), a violent cause right after it ("ضحية قصف", "ضحية رصاص قسد"), or another
    harm word right after it in a list of the harmed ("ضحية وثلاثة مصابين")."""
    if _harm_word_after(cue, outcome_cues):
        return True
    if any(cue.end <= c.start <= cue.end + 15 and c.has("cause")
           for c in found.within(found.cues, cue.end, min(sentence.end, cue.end + 40))):
        return True
    m = _PREVIOUS_WORDS.search(text, max(sentence.start, cue.start - 40), cue.start)
    return bool(m) and bool(_person_categories(m.group(0), lang, singulars=True))


def _unless_foreseen(kind: str, text: str, at: int, foreseen: list[cues.Cue]) -> str:
    """``kind``, or "affected" when a word of foresight stands in the clause before the harm word at ``at``
    ("سيؤدي قطعاً إلى قتل المدنيين", "من شأنه أن يقتل المئات", "تخطط لترحيل اللاجئين"): the people are at
    risk, no toll is given."""
    if kind != "affected" and any(
            f.end <= at <= f.end + 40 and not _CLAUSE_BREAK.search(text, f.end, at) for f in foreseen):
        return "affected"
    return kind


def _remembered(text: str, cue: cues.Cue, memory: list[cues.Cue]) -> bool:
    """Whether a commemoration word ("ذكرى", "استذكار") stands before ``cue`` in its clause."""
    return any(m.end <= cue.start and not _CLAUSE_BREAK.search(text, m.end, cue.start) for m in memory)


# the harm words that make a claim without a number: killings and injuries (an arrest or a search
# "under the rubble" without a number is too often background to be a claim of its own)
_COUNTLESS = {(kind, role) for kind in ("killed", "injured") for role in ("verbs", "nouns", "events", "phrases")}


# between a harm word and the armed group its harmed belong to: "قتلى وجرحى لميليشيا X", "قتلى في
# صفوف قوات النظام", "مقتل القيادي في هيئة تحرير الشام", "مقتل عنصرين من قسد"
_HARMED_OF = _Lazy(lambda: re.compile(
    rf"^\s*(?:و?{_g('ar', 'actors', 'harmed_of_nouns')}\s+)?(?:{_g('ar', 'actors', 'ranks')}|"
    rf"(?:\S+\s+){{0,3}}?(?:ال)?{_g('ar', 'actors', 'member_nouns')}\s+{_g('ar', 'actors', 'member_prepositions')}|"
    r"(?P<of>ل(?=\S)))\s*"))


def _group_harmed(text: str, found: Found, cue: cues.Cue, sentence: Sentence) -> bool:
    """Whether the harm word's noun phrase says the harmed belong to an armed group (see _HARMED_OF):
    an armed group named right after it, or a group word ("ميليشيا", "قوات")."""
    window = text[cue.end:min(sentence.end, cue.end + 80)]
    clause = _CLAUSE_BREAK.search(window)
    window = normalize(window[:clause.start() if clause else len(window)])
    m = _HARMED_OF.match(window)
    if not m or (m.group("of") and not cue.has("outcome." + cue.category("outcome").split(".")[1] + ".nouns")):
        return False  # "لـ" after the harmed ("قتلى لميليشيا X"), not after an event ("الموت لأمريكا": a slogan)
    rest = window[m.end():]
    if _GROUP_WORDS.match(rest):
        return True
    start = cue.end + m.end()
    return any(abs(a.start - start) <= 3 and a.actor is not None and a.actor.id != "unknown"
               and not _TARGET_AFTER.match(normalize(text[a.end:a.end + 20]))
               for a in found.within(found.actors, start - 3, sentence.end))


# ------------------------------------------------------------------------------------ context

def _context_ranges(sentences: list[Sentence], index: int) -> list[tuple[int, int]]:
    """Where a claim looks for its context, nearest first: its sentence, the sentences before it in
    the same paragraph, the title and lead of the document, then, for a claim in the title or lead,
    the two sentences after it (a headline's details come in the lines below it)."""
    here = sentences[index]
    ranges = [(here.start, here.end)]
    for j in range(index - 1, max(-1, index - 1 - CONTEXT_SENTENCES), -1):
        if sentences[j].paragraph != here.paragraph:
            break
        ranges.append((sentences[j].start, sentences[j].end))
    for j in range(min(2, len(sentences))):
        if j < index and (sentences[j].start, sentences[j].end) not in ranges:
            ranges.append((sentences[j].start, sentences[j].end))
    if index < LEAD_SENTENCES:  # a headline's details come in the lines below it
        for j in range(index + 1, min(len(sentences), index + 3)):
            ranges.append((sentences[j].start, sentences[j].end))
    return ranges


def _paragraph_ranges(sentences: list[Sentence], index: int) -> list[tuple[int, int]]:
    """A claim's sentence and the sentences before it in its paragraph."""
    here = sentences[index]
    return [(s.start, s.end) for s in sentences[max(0, index - CONTEXT_SENTENCES):index + 1]
            if s.paragraph == here.paragraph]


def _before_paragraph(sentences: list[Sentence], index: int, ranges: list[tuple[int, int]]
                      ) -> list[tuple[int, int]]:
    """The last two sentences of the paragraph before a claim's own, when the claim's context does not
    reach them: a report often names the place in one paragraph and gives the toll at the start of the
    next ("... قرية X." / "وأسفر القصف عن ...")."""
    here = sentences[index]
    first = index
    while first > 0 and sentences[first - 1].paragraph == here.paragraph:
        first -= 1
    if index - first > CONTEXT_SENTENCES or first == 0:
        return []
    return [r for r in ((s.start, s.end) for s in sentences[max(0, first - 2):first][::-1]) if r not in ranges]


def _after_sentences(sentences: list[Sentence], index: int, cue_list: list[cues.Cue],
                     starts: list[int]) -> list[tuple[int, int]]:
    """The next sentences after a claim's that go on describing the attack without reporting harm of
    their own ("قتل مدني بقصف على ريف عفرين. واستهدف القصف قرية X بناحية Y"), in its paragraph or the
    next (a web page often gives each sentence its own line): where a claim whose own context names only
    a region may find the village hit. The first sentence that reports harm ends them (its place is its
    own claim's). ``starts``: the cues' start offsets."""
    out = []
    for j in range(index + 1, min(len(sentences), index + 1 + AFTER_SENTENCES)):
        s = sentences[j]
        inside = cue_list[bisect.bisect_left(starts, s.start):bisect.bisect_left(starts, s.end)]
        if any(c.has("outcome") for c in inside):
            break
        if any(c.has("attack") or (c.has("cause") and not c.has("cause.shooting")) for c in inside):
            out.append((s.start, s.end))
    return out


def _nearest(items: list[Any], anchor: int) -> Any:
    return min(items, key=lambda i: abs(i.start - anchor))


def _nearest_before(items: list[Any], anchor: int) -> Any:
    return min(items, key=lambda i: anchor - i.start if i.start <= anchor else 2 * (i.start - anchor))


_PRECISION_RANK = {"exact": 0, "unresolved": 0, "district": 2, "governorate": 3, "country": 4}
# the rank of a village or town named as where a victim comes from or was taken, not where the event
# was: it does not stop the search for the event's place in the paragraph before
_NOT_HERE = 1.5


def _places(text: str, lang: str, norm: NormalizedText) -> list[Any]:
    """Places the gazetteer resolves, and villages it does not know but the text names ("قرية X")."""
    if lang != "ar":
        return _homonyms_unresolved(gazetteer.find_places(text, lang, normalized=norm), text)
    resolved, unresolved = gazetteer.find_places_and_unresolved(text, lang, normalized=norm)
    named = [_resolve_late(m) for m in unresolved]
    return _homonyms_unresolved(sorted(resolved + named, key=lambda m: m.start), text)


FAR_KM = 100  # a place this far from the larger place that locates it in the text is another of its name


# one more name of a list: "أحياء القصور والخمارة والحارة الشمالية في مدينة إدلب"
def _list_item() -> str:
    return (r"[^\S\n]*[،,]?[^\S\n]*و[^\S\n]?[\u0621-\u064a]{2,}"
            rf"(?:[^\S\n]+ال{_g('ar', 'places', 'directions', False)}ي[ةه]?)?")


_LIST_NEXT = _Lazy(lambda: re.compile(_list_item()))


_LIST_GAP = _Lazy(lambda: re.compile(rf"(?:{_list_item()})*[^\S\n]*[،,]?[^\S\n]*و?[^\S\n]?"))


def _located_by(text: str, end: int, start: int) -> bool:
    """Whether the place that starts at ``start`` locates the one (or the list) that ends at ``end``."""
    for _ in range(4):
        if _locates(text, end, start):
            return True
        m = _LIST_NEXT.match(text, end, start)
        if m is None:
            return False
        end = m.end()
    return False


def _homonyms_unresolved(mentions: list[Any], text: str) -> list[Any]:
    """A neighbourhood or village the gazetteer knows in another governorate, far from the town or
    governorate the text locates it in ("حي القصور بمدينة إدلب" is not Deir ez-Zor's القصور; also each
    name of a list: "أحياء X وY في مدينة Z"), is a place of the same name the gazetteer lacks: kept
    as unresolved, to be located by that town."""
    out = list(mentions)
    for i, m in enumerate(out):
        p = m.place
        if p.precision != "exact" or p.kind in ("city", "governorate", "country") or not p.admin1 or p.lat is None:
            continue
        pos = m.end
        for n in out[i + 1:i + 5]:
            if _located_by(text, pos, n.start):
                q = n.place
                if q.precision != "country" and q.admin1 and q.admin1 != p.admin1 and q.lat is not None \
                        and gazetteer.km(p, q) > FAR_KM:
                    out[i] = replace(m, place=gazetteer.Place(
                        name=m.text, name_ar=m.text, admin1=None, country=None, lat=None, lon=None,
                        precision="unresolved", kind="unresolved"))
                break
            if not _LIST_GAP.fullmatch(text, pos, n.start):
                break
            pos = n.end
    return out


def _resolve_late(mention: Any) -> Any:
    """A name the scan left unresolved because of how it was written ("#خان_شيخون") may still be a
    known place: look it up by name."""
    names = [mention.place.name]
    words = _HASHTAG_WORDS.split(mention.text.strip("#\"'«»“”"), maxsplit=1)
    # a place word that begins names: "#سد_تشرين"
    if len(words) == 2 and normalize(words[0]) in gazetteer._matching_words("ar", "name_prefixes"):
        names.insert(0, " ".join(words))
    for name in names:
        found = gazetteer.lookup(name.replace("_", " "))
        if found and found[0].precision == "exact":
            return replace(mention, place=found[0])
    return mention


_HASHTAG_WORDS = re.compile(r"[\s_]+#?[\"'«“]?")


# words saying a person comes from a place: "من أهالي X", "المنحدر من X", "نازح من X", "a native of X"
_ORIGIN_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:(?:^|\s){_g('ar', 'places', 'origin_of', False)}|(?:^|\s)(?:ال)?{_g('ar', 'places', 'origin_words', False)}"
    rf"(?:\s+[^\s،,.]+){{0,2}}\s+{_g('ar', 'places', 'origin_from', False)}|"
    rf"{_g('en', 'places', 'origin_before', False)})"
    rf"\s+(?:[وبل]?{_g('ar', 'places', 'origin_place_nouns', False)}\s+)?#?$"))
# a cheap test first (the full pattern is tried at every offset of its window): the longest word of each
# phrase and each origin word, which a match has as written
_ORIGIN_HINT = _Lazy(lambda: _longest_words((("ar", "origin_of"), ("ar", "origin_words"), ("en", "origin_before"))))


# words saying the wounded were taken somewhere, or naming the hospital that treats them or that an
# ambulance belongs to: "نقلوا إلى مشفى مدينة X", "تلقي العلاج في مستشفى X", "سيارة إسعاف تابعة لمشفى X";
# or where the dead were buried: "شيعت مدينة X الشهيد"
# (in normalised text; not after an attack on the hospital itself: "استهداف مشفى X")
_ELSEWHERE_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:(?:^|\s)(?:(?:و|ف)?{_g('ar', 'elsewhere', 'transfer_stems')}\S*|{_g('ar', 'elsewhere', 'treatment_words')})"
    rf"(?:\s+[^\s,.:]+){{0,4}}?\s+{_g('ar', 'elsewhere', 'transfer_to')}\s+(?:[^\s,.:]+\s+){{0,3}}?|"
    rf"(?:^|\s)[وبلف]{{0,2}}(?:ال)?{_g('ar', 'elsewhere', 'hospital_nouns')}(?:\s+[^\s,.:]+){{0,3}}?\s+|"
    # a funeral or burial: "شيعت مدينة X الشهيد", "ودفن في مقبرة بلدة X"
    rf"(?:^|\s)(?:و|ف)?{_g('ar', 'elsewhere', 'burial_stems')}\S*(?:\s+[^\s,.:]+){{0,3}}?\s+"
    rf"(?:{_g('ar', 'elsewhere', 'burial_to')}\s+)?(?:{_g('ar', 'elsewhere', 'cemetery_stems')}\S*\s+)?)"
    rf"(?:{_g('ar', 'elsewhere', 'elsewhere_in')}\s+|ب)?(?:{_g('ar', 'elsewhere', 'town_nouns')}\s+)?#?$"))


def _longest_words(lists: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """A cheap test on raw text before a pattern of [places] phrases written as they are: the longest word
    of each phrase of the (language, key) lists, which a match has as written."""
    return re.compile("|".join(dict.fromkeys(
        re.escape(max(phrase.split(), key=len)) for lang, key in lists
        for phrase in _grammar(lang)["places"][key] if phrase.strip())))


def _quick_test(section: str, hint: str, keys: tuple[str, ...]) -> re.Pattern[str]:
    """A cheap test on raw text before a pattern of Arabic ``section`` words is tried on normalised text:
    a piece of one of the words of ``keys`` (the ``hint`` pieces, and any word that contains none of them)."""
    words = _grammar("ar")[section]
    pieces = list(words[hint])
    pieces += [normalize(w) for key in keys for w in words[key] if not any(p in normalize(w) for p in pieces)]
    return re.compile("|".join(re.escape(p) for p in dict.fromkeys(pieces)))


_ELSEWHERE_HINT = _Lazy(lambda: _quick_test("elsewhere", "hint", ("transfer_stems", "treatment_words",
                                                                  "hospital_nouns", "burial_stems")))
_ATTACK_ON = _Lazy(lambda: re.compile(rf"{_g('ar', 'elsewhere', 'attack_on_stems')}\S*\s+(?:\S+\s+)?\S*$"))


def _elsewhere(text: str, start: int) -> bool:
    """Whether the place at ``start`` is where the wounded were taken or treated (see _ELSEWHERE_BEFORE)."""
    raw = text[max(0, start - 60):start]
    if _ELSEWHERE_HINT.search(raw) is None:  # (cheap test before normalising)
        return False
    before = normalize(raw)
    m = _ELSEWHERE_BEFORE.search(before)
    if m is None:
        return False
    cut = before.rfind("\n")
    if cut > m.start():
        return False
    return not _ATTACK_ON.search(before[:m.start() + 1 + (len(m.group()) - len(m.group().lstrip()))])


_SETTLEMENTS = frozenset({"village", "town", "city", "neighbourhood", "camp"})
_AREA_OF = _Lazy(lambda: re.compile(
    rf"(?:[وفب]?{_g('ar', 'places', 'area_words', False)}|{_g('en', 'places', 'area_of', False)})\s"))


# words saying where the attackers are posted, where the fire came from: "القوات المتمركزة في X قصفت
# قرية Y", "قصف مصدره مواقع النظام في X", "انطلاقاً من X"
_POSTED_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:(?:^|\s)(?:ال)?{_g('ar', 'places', 'posted_words', False)}(?:[ةه]|ين|ون)?|"
    rf"{_g('ar', 'places', 'posted_source', False)}|(?:^|\s){_g('ar', 'places', 'posted_launch', False)})"
    rf"(?:\s+[^\s،,.]+){{0,2}}?\s+{_g('ar', 'places', 'posted_in', False)}\s*"
    rf"(?:(?:[وبل]?{_g('ar', 'places', 'posted_place_nouns', False)}\s+)?)?[\"'«“]?#?$"))
_POSTED_HINT = _Lazy(lambda: _quick_test("places", "posted_hint", ("posted_words", "posted_source", "posted_launch")))


# the three cheap tests in one (they look for words as written, in windows of at most 60 characters
# before the place): most places have none of them before
_AWAY_HINT = _Lazy(lambda: re.compile("|".join(p.pattern for p in (_ORIGIN_HINT, _ELSEWHERE_HINT, _POSTED_HINT))))


def _away(mention: Any, text: str) -> bool:
    """Whether a place is named as where a victim comes from ("من أهالي قرية X"), where the wounded
    were taken ("نقلوا إلى مشفى مدينة X") or where the attackers are posted ("القوات المتمركزة في X"),
    not where the event was."""
    if _AWAY_HINT.search(text, max(0, mention.start - 60), mention.start) is None:
        return False
    before = text[max(0, mention.start - 40):mention.start]
    origin = _ORIGIN_HINT.search(text, max(0, mention.start - 30), mention.start) is not None \
        and _ORIGIN_BEFORE.search(before[-30:]) is not None
    return origin or _elsewhere(text, mention.start) \
        or (_POSTED_HINT.search(before) is not None and _POSTED_BEFORE.search(before) is not None)


def _place_rank(mention: Any, text: str = "", away: bool | None = None) -> float:
    """How precisely a mention locates an event; a governorate capital named alone ("إدلب") often
    stands for its governorate, so it ranks below a village in the same sentence — unless the text
    says it means the city ("مدينة إدلب"). ``away``: _away(mention, text) if already known."""
    p = mention.place
    rank = float(_PRECISION_RANK.get(p.precision, 9))
    if text and (away if away is not None else _away(mention, text)):
        return rank + _NOT_HERE
    if p.precision == "district" and p.kind in _SETTLEMENTS and _AREA_OF.match(mention.text):
        return float(_PRECISION_RANK["exact"])  # the area of a town locates as well as the town: "منطقة أطمة"
    if p.precision == "exact" and p.admin1 and _same_name(p.name, p.admin1) \
            and not (text and _PLACE_WORD_BEFORE.search(text[max(0, mention.start - 24):mention.start])):
        rank = _PRECISION_RANK["district"] + 0.5  # after "east of town X", before the governorate
    return rank


# what may stand between a place and the larger place that locates it: "قرية X بريف Y", "حي X بمدينة Y",
# "قرية X التابعة لناحية Y", "بلدة X المجاورة لمدينة Y" (no list comma or "و": "قرية X وقرية Y" is a list)
_LOCATING_GAP = _Lazy(lambda: re.compile(
    rf"[^\S\n]*(?:(?:{_g('ar', 'places', 'locating_words', False)}|"
    rf"(?:ب|ل|بال|ال|لل)?{_g('ar', 'places', 'countryside', False)}|(?:ب|ل)?{_g('ar', 'places', 'units', False)}|"
    rf"(?:ال)?{_g('ar', 'places', 'directions', False)}(?:ي|ي[ةه])?|{_g('en', 'places', 'locating_words', False)})"
    r"[^\S\n]*)+#?\Z"))


LOCATING_CHARS = 30  # how far after a place the larger place that locates it (or the next of its list) may begin


def _locates(text: str, end: int, start: int) -> bool:
    """Whether the place that begins at ``start`` locates the one that ends at ``end``: only locating
    words (see _LOCATING_GAP) stand between them, within LOCATING_CHARS characters."""
    return 0 <= start - end <= LOCATING_CHARS and _LOCATING_GAP.match(text, end, start) is not None


# a road named by where it leads: "على طريق X", "الطريق الواصل بين مدينتي X وY", "أوتوستراد X - Y"
# (normalised text before the first town; the second follows it after "و", a dash or a space: "طريق X Y")
_ROAD_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)[وبل]{{0,2}}(?:ال)?{_g('ar', 'places', 'road_nouns')}"
    rf"(?:\s+(?:ال)?{_g('ar', 'places', 'road_adjectives')}[ةه]?)*\s+(?:{_g('ar', 'places', 'road_between')}\s+)?"
    rf"(?:{_g('ar', 'places', 'road_town_nouns')}\s+)?[\"'«“(]?#?$"))
_ROAD_NEXT = re.compile(r"\s*(?:[-–—/]|و)?\s*[\"'«“(]?#?")
_ROAD_HINT = _Lazy(lambda: _quick_test("places", "road_hint", ("road_nouns",)))


def _road_ends(here: list[Any], text: str) -> list[int]:
    """Which of the places ``here`` are named as the towns a road leads to or runs between (see
    _ROAD_BEFORE): 1 for the first town, 2 for the second ("بين X وY"), 0 for the others."""
    ends = [0] * len(here)
    for i, p in enumerate(here):
        raw = text[max(0, p.start - 60):p.start]
        if _ROAD_HINT.search(raw) is None:
            continue
        if i and ends[i - 1] == 1 and _ROAD_NEXT.fullmatch(text, here[i - 1].end, p.start):
            ends[i] = 2
        elif _ROAD_BEFORE.search(normalize(raw)):
            ends[i] = 1
    return ends


def _off_road(tied: list[Any], here: list[Any], text: str) -> list[Any]:
    """Of equally precise places, those named as the place itself rather than as where a road leads
    ("قرب بلدة X ... على الطريق الواصل بين مدينتي X وY": X); when all are, the first town of each road
    (the road "between X and Y" is reckoned from X)."""
    ends = dict(zip(map(id, here), _road_ends(here, text), strict=True))
    return [p for p in tied if not ends[id(p)]] or [p for p in tied if ends[id(p)] == 1] or tied


def _ranks_and_away(here: list[Any], text: str, memo: dict[int, tuple[bool, float]] | None = None,
                    ) -> tuple[list[float], list[bool]]:
    """The ranks of the places of one context (see _place_rank), and which places are named as not where
    the event was (see _away): a place right after a more precise one that it locates ("قرية X في ريف Y
    بعفرين": Afrin locates X) ranks just below it; the away places include
    the places that locate such a place ("من أهالي ناحية X في عفرين"). ``memo``: each place's own
    (away, rank), by id, kept by the caller for the ranges of one document."""
    if memo is None:
        memo = {}
    own = []
    for p in here:
        known = memo.get(id(p))
        if known is None:
            a = _away(p, text)
            known = memo[id(p)] = (a, _place_rank(p, text, a))
        own.append(known)
    away = [a for a, _ in own]
    ranks = [r for _, r in own]
    head = ranks[0] == 0 if ranks else False  # the chain of places so far begins with a precise one
    for i in range(1, len(here)):
        prev, cur = here[i - 1], here[i]
        if _locates(text, prev.end, cur.start):
            if away[i - 1] and not away[i]:
                ranks[i] += _NOT_HERE
                away[i] = True
            elif head and ranks[i] == 0:
                ranks[i] = 0.5
        else:
            head = ranks[i] == 0
    return ranks, away


@cache  # (asked again and again; of gazetteer places and their governorates only, so a bounded few)
def _same_name(a: str, b: str) -> bool:
    a, b = normalize(a).replace("-", " "), normalize(b).replace("-", " ")
    return a == b or a.startswith(b) or b.startswith(a)


def _pick_place(found: Found, ranges: list[tuple[int, int]], anchor: int,
                near: list[tuple[int, int]], before: list[tuple[int, int]] | None = None,
                after: list[tuple[int, int]] | None = None) -> tuple[Any | None, Any | None]:
    """The most specific place in the nearest context that names one below country level (a country,
    "in Syria", only when no context names anything more precise), and the governorate-level place
    around it, which locates a village the gazetteer does not know. ``before`` (the end of the
    previous paragraph) is looked at after the claim's own paragraph, only when that names nothing below
    country level; there only a town, village or neighbourhood is taken. Among equally precise places
    in one range the nearest wins, a place after the anchor counting twice its distance (the
    place of an event usually comes before its toll: "قصف على قرية X أدى لمقتل ..."). When the claim's
    context names no town or village, the sentences ``after`` it (see _after_sentences) may name the
    village hit (see _refined)."""
    fallback: tuple[float, Any, list[Any], bool] | None = None
    stops = found.glued_stops
    split = _split_glued(found.text, ranges, anchor, stops)
    ranges, near = split, split if near == ranges else _split_glued(found.text, near, anchor, stops)
    nears = set(near)
    order = [r for r in ranges if r in nears] + [(*r, True) for r in before or ()] + \
        [r for r in ranges if r not in nears]
    for start, end, *late in order:
        if late and fallback is not None and fallback[0] < _PRECISION_RANK["country"] and not fallback[3]:
            continue
        here = found.within(found.places, start, end)
        if not here:
            continue
        cache = found.place_ranks
        if (start, end) not in cache:
            cache[start, end] = _ranks_and_away(here, found.text, found.own_ranks)
        ranks, away = cache[start, end]
        best_rank = min(ranks)
        if ranks.count(best_rank) == 1:  # (the usual case, without a pass over a long range's places)
            tied = [here[ranks.index(best_rank)]]
        else:
            tied = [p for p, r in zip(here, ranks, strict=True) if r == best_rank]
        if len(tied) > 1 and start <= anchor < end:
            a, b = _clause(found.text, anchor, start, end)
            c, d = _event_part(found.text, anchor, start, end)
            in_clause = [p for p in tied if a <= p.start < b]
            if in_clause:
                e, f = _verb_part(found, anchor, a, b)
                tied = [p for p in in_clause if e <= p.start < f] or in_clause
            else:
                tied = [p for p in tied if c <= p.start < d] or tied
        if len(tied) > 1:
            tied = _off_road(tied, here, found.text)
        best = _located_in_list(_nearest_before(tied, anchor), tied, found.text)
        if best_rank == 0:  # a town, village or neighbourhood: the nearest context that names one
            if fallback is not None and _elsewhere_than(best, fallback[1]):
                continue
            return best, _region_of(best, here)
        if late:
            continue
        if fallback is None or (best_rank < fallback[0] and not _elsewhere_than(best, fallback[1])):
            fallback = (best_rank, best, here, away[here.index(best)])
        if (start, end) not in nears and fallback[0] < _PRECISION_RANK["country"]:
            break  # beyond the paragraph, a governorate or city already found stands
    if fallback is None or fallback[0] >= _PRECISION_RANK["district"]:
        refined = _refined(found, after, fallback[1] if fallback else None)
        if refined is not None:
            return refined
    if fallback is None:
        return None, None
    return fallback[1], _region_of(fallback[1], fallback[2])


def _elsewhere_than(town: Any, nearer: Any) -> bool:
    """Whether a place named further from a claim lies outside the governorate its nearer context names
    ("in the eastern province of Deir Ezzor" is not about a town of Kirkuk named in the lead)."""
    area = nearer.place
    return area.precision == "governorate" and bool(town.place.admin1) and bool(area.admin1) \
        and (town.place.admin1, town.place.country) != (area.admin1, area.country)


def _located_in_list(best: Any, tied: list[Any], text: str) -> Any:
    """Of the villages of one list that an event hit ("داهمت القوات بلدة X وقرية Y"), one the gazetteer
    locates rather than the one it does not know (``best``, unresolved): the event is at both, and
    the located one puts it on the map."""
    if best.place.precision != "unresolved" or len(tied) < 2:
        return best
    for p in tied:
        if p is not best and p.place.lat is not None:
            a, b = (p, best) if p.start < best.start else (best, p)
            if _LIST_GAP.fullmatch(text, a.end, b.start):
                return p
    return best


def _refined(found: Found, after: list[tuple[int, int]] | None, vague: Any | None) -> tuple[Any, Any | None] | None:
    """The first town, village or neighbourhood that the sentences ``after`` a claim name, for a claim
    whose context names none (only a region, a governorate, the country, or nothing: ``vague``), when
    it lies in ``vague``: the village's governorate, or that of the place that locates it ("قرية X بريف
    Y"), is the vague place's (or in its country). A village the text does not locate is not taken
    ("بعد لقاء في مدينة X الروسية"), nor a governorate's capital, nor a town a road leads to."""
    if not after:
        return None
    for start, end in after:
        here = found.within(found.places, start, end)
        if not here:
            continue
        ranks, away = _ranks_and_away(here, found.text, found.own_ranks)
        for p, rank, far, road in zip(here, ranks, away, _road_ends(here, found.text), strict=True):
            if rank != 0 or far or road or (p.place.admin1 and _same_name(p.place.name, p.place.admin1)):
                continue  # (a governorate's capital is no village of its countryside; a road's ends)
            region = _region_of(p, here)
            where = p.place if p.place.admin1 else (region.place if region is not None else None)
            if where is None:
                continue
            if vague is None or (where.country == vague.place.country if vague.place.precision == "country"
                                 else vague.place.admin1 is None or where.admin1 == vague.place.admin1):
                return p, region
    return None


# a sentence end the splitter missed because scraping lost the space after it: "دقيق.كما استهدفت",
# "المدينة.وأفاد" (a word that begins a sentence; not a dot that breaks up a word, "قصـ.ـف", "ق.وات")
_GLUED_STOP = _Lazy(lambda: re.compile(
    r"[\u0621-\u063a\u0641-\u064a]{2}[.!?؟]"
    rf"(?=و[\u0621-\u063a\u0641-\u064a]{{2}}|{_g('ar', 'clauses', 'sentence_openers', False)}(?![\u0621-\u064a]))"))
# a stop with no space after it (a _GLUED_STOP has a word right after its stop: its opener words are
# stripped): the few stops worth trying _GLUED_STOP at
_STOP_CHAR = re.compile(r"[.!?؟](?=\S)")


def _glued_stops(text: str, start: int, end: int) -> list[int]:
    """Where the glued sentence ends between ``start`` and ``end`` end (see _GLUED_STOP)."""
    # (one character past ``end``: what follows a stop at end - 1 counts)
    return [m.end() + 1 for m in _STOP_CHAR.finditer(text, start, min(len(text), end + 1))
            if start + 2 <= m.start() < end and _GLUED_STOP.match(text, m.start() - 2)]


def _split_glued(text: str, ranges: list[tuple[int, int]], anchor: int,
                 cache: dict[tuple[int, int], list[int]]) -> list[tuple[int, int]]:
    """The range that holds ``anchor`` cut to the anchor's own sentence and the part before it, when
    a glued sentence end ("...دقيق.كما ...") hides a sentence boundary in it."""
    for start, end in ranges:
        if start <= anchor < end:
            if (start, end) not in cache:
                cache[start, end] = _glued_stops(text, start, end)
            if cache[start, end]:
                break
    else:
        return ranges
    out = []
    for start, end in ranges:
        stops = cache[start, end] if start <= anchor < end else []
        if stops:
            a, b = start, end
            for stop in stops:
                if stop <= anchor:
                    a = stop
                else:
                    b = stop
                    break
            out.append((a, b))
            if a > start:
                out.append((start, a))
        else:
            out.append((start, end))
    return out


# what ends a clause of a long sentence: a round-up lists one toll and place per clause
# ("قتل مدني في قرية X، وأصيب اثنان في بلدة Y")
_CLAUSE_END = re.compile(r"[،,;؛:\n]|\s[-–—]\s")


def _clause(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """The clause of a sentence (``start``..``end``) that holds ``anchor``."""
    a = start
    for m in _CLAUSE_END.finditer(text, start, anchor):
        a = m.end()
    m = _CLAUSE_END.search(text, anchor, end)
    return a, m.start() if m else end


# what begins the part of a sentence that reports another event: "قتل X في قرية A، فيما قتل Y ... في B"
_NEXT_EVENT = _Lazy(lambda: re.compile(rf"[،,]\s*(?:و)?{_g('ar', 'clauses', 'next_event', False)}\s"))


def _event_part(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """The part of a sentence (``start``..``end``) that holds ``anchor`` and reports one event: the
    sentence cut where a clause begins with "فيما", "بينما", "في حين", "كما" (see _NEXT_EVENT)."""
    a = start
    for m in _NEXT_EVENT.finditer(text, start, anchor):
        a = m.start()
    m = _NEXT_EVENT.search(text, anchor, end)
    return a, m.start() if m else end


def _verb_part(found: Found, anchor: int, start: int, end: int) -> tuple[int, int]:
    """The part of ``start``..``end`` that holds ``anchor`` when harm verbs joined by "و" report events
    of their own: "قتل 3 مدنيين في بلدة X وأصيب 5 آخرون في قرية Y" (Y is where the 5 were hurt)."""
    for cue in found.within(found.cues, start, end):
        if cue.text[:1] in "وف" and (kind_role := _outcome_kind(cue)) and kind_role[1] == "verbs":
            if cue.start <= anchor:
                start = cue.start
            else:
                return start, cue.start
    return start, end


def _region_of(place: Any, around: list[Any]) -> Any | None:
    """For a village the gazetteer lacks, the place around it that gives its governorate."""
    if place.place.precision != "unresolved":
        return None
    regions = [p for p in around if p.place.admin1 and p is not place]
    return _nearest(regions, place.start) if regions else None


def _pick_period(found: Found, ranges: list[tuple[int, int]], anchor: int) -> Any | None:
    return _pick_period_at(found, ranges, anchor)[0]


def _pick_period_at(found: Found, ranges: list[tuple[int, int]], anchor: int) -> tuple[Any | None, int]:
    """The period nearest the claim in the first of ``ranges`` that has one, and that range's index."""
    for k, (start, end) in enumerate(ranges):
        here = found.within(found.periods, start, end)
        if here:
            return _nearest(here, anchor), k
    return None, -1


def _anniversary_date(text: str, cue_start: int, anchor: int, period: Any) -> Any | None:
    """The date of a harm remembered on its anniversary: the day of remembrance ("تصادف اليوم الذكرى
    السنوية الخامسة لمجزرة ... في 4 نيسان") moved back the years the anniversary counts, or None when
    the text does not say how many (the day of remembrance is not the day of the harm)."""
    years = dates.anniversary_years(text[cue_start:anchor], "ar")
    if years is None or period is None or period.first != period.last or period.first is None:
        return None
    day = period.first
    try:
        day = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        day = day.replace(year=day.year - years, day=28)
    return replace(period, first=day, last=day, precision="day")


# how a claim's period was read, kept on the claim while the report's claims are dated, then removed:
# "stale" (a look back read outside its paragraph), "remembered" (a harm remembered on its anniversary)
_DATING = "_dating"


def _claim_period(found: Found, sentences: list[Sentence], index: int, ranges: list[tuple[int, int]],
                  anchor: int, published: dt.date | None) -> tuple[Any | None, str | None]:
    """A claim's period (see ``_context_ranges``), and how it was read (see ``_DATING``): "stale" when
    it is only a look back, read in the title, lead or a photo caption of another paragraph and ending
    more than ``RECENT_DAYS`` before publication ("... 22 أغسطس 2022 (photographer)" above a report
    of today's raid) — such a date is dropped when the report dates other claims near its publication
    (``_share_event_dates``); "remembered" when a commemoration word comes before the harm in its
    sentence and the date is that of the remembrance (see ``_anniversary_date``)."""
    period, k = _pick_period_at(found, ranges, anchor)
    start, end = ranges[0]
    memory = [c for c in found.within(found.tagged("commemoration"), start, end) if c.start < anchor]
    if memory and (period is None or published is None or period.last is None
                   or (published - period.last).days <= RECENT_DAYS):
        return _anniversary_date(found.text, memory[0].start, anchor, period), "remembered"
    if period is None or published is None or period.last is None:
        return period, None
    own = len(_paragraph_ranges(sentences, index))
    return period, "stale" if k >= own and (published - period.last).days > RECENT_DAYS else None




# English: the actor is the one that speaks ("the Syrian army said", "according to the Turkish
# military"), backs the doer ("US-backed fighters", "backed by Hezbollah"), holds or is hit by the
# attack ("strikes on the Islamic State", "a village held by IS"), or is a country as a place ("in Turkey");
# (the _EN_ patterns above; their words are in data/en/grammar.toml)


_TARGET_AFTER = _Lazy(lambda: re.compile(
    rf"^\s*(?:\(\w{{1,8}}\)\s*)?(?:{_g('en', 'actor_words', 'group_word')}\s+)?"
    rf"(?:-?\s*{_g('en', 'actor_words', 'held_words')}|{_g('en', 'actor_words', 'target_after')})\b"))


def _target_or_victim(text: str, found: Found, mention: Any, floor: int) -> bool:
    """An actor named as the target, the ground or the victims of the attack rather than its author:
    "positions of X", "مواقع X", "an IS-held village", "a regime stronghold", "20 IS militants",
    "عناصر من X"; in English also a speaker, a backer or a country named as a place (see above)."""
    before = text[max(floor, mention.start - 60):mention.start]
    after = text[mention.end:mention.end + 40]
    arabic = not mention.text.isascii()
    folded = normalize(before) if arabic else ""
    named = arabic and mention.via != "weapon"  # (an attacker named by its weapon is never the harmed)
    if named and _AR_HELD_BEFORE.search(folded[-45:]):
        return True  # "الخاضعة لسيطرة X", "سقطت بأيدي مسلحي X": the ground X holds
    if arabic and _AGENT_BEFORE.search(folded[-40:]):
        return False  # "قتل على يد مسلحي التنظيم", "برصاص عناصر من تنظيم X": the men of X are the doers
    if _TARGET_BEFORE.search(normalize(before[-45:])) and not (arabic and _AR_CLASH_AGAINST.search(folded[-45:])):
        return True
    if named and (_AR_HARMED_OF_GROUP.search(folded[-20:])  # "شهداء القسام", "قتلى قوات النظام": the dead of X
                  or _AR_PLACE_BEFORE.search(folded[-30:])  # "الحدودية مع تركيا": a country as a place
                  or _object_of_verb(text, found, mention, folded)  # "باغتوا قوات X", "هاجم مسلحون قوات X"
                  or _AR_SIDES_BEFORE.search(folded)  # "اشتباكات بين قوات النظام وفصائل المعارضة": a side
                  or _AR_SPEAKER_OF.search(folded[-45:])  # "قال مصدر عسكري من قوات X": X speaks
                  or _QUANTITY_OF_BEFORE.search(folded[-30:])):  # "مقتل عدد من قوات النظام" (not "عدد من الغارات")
        return True
    if _TARGET_AFTER.match(normalize(after[:30])) and not _EN_ACTIVE_AFTER.match(after):
        return True
    if (_english_not_doer(mention, before, after) and not _own_attack(text, found, mention)) \
            or _EN_OWNED_PLACE.match(after):  # ("X said it carried out the strike": X speaks, and did it)
        return True
    if not arabic and _TAG_HINT.search(text, max(floor, mention.start - TAG_LIST_CHARS), mention.start) \
            and _EN_TAG_LIST.search(text, max(floor, mention.start - TAG_LIST_CHARS), mention.start) \
            and not _EN_ACTIVE_AFTER.match(after):
        return True  # a keyword of the page ("Tags Syria Idlib Russia"), not the subject of the next sentence
    if any(c.start <= mention.start and mention.end <= c.end + 2
           and (c.category == "combatants" or (named and c.start < mention.start))
           for c in found.within(found.counts, mention.start - 60, mention.end + 1)):
        return True  # the group inside the words of a count: "مقتل قيادي في تنظيم X", "زعيم X"
    if _group_of_counted(text, found, mention):
        return True
    # "تنظيم "الدولة الإسلامية" (داعش)", "Islamic State (IS)": a name in brackets right after the same actor's
    # is what the name before it is
    if before.rstrip().endswith("("):
        alias = [p for p in found.within(found.actors, max(floor, mention.start - 60), mention.start)
                 if p.end <= mention.start and p.actor == mention.actor
                 and _BRACKET_GAP.fullmatch(text, p.end, mention.start)]
        if alias:
            return _not_doer(text, found, alias[-1], floor)
    # the next of a list ("members of X and Y", "50 rebels and jihadists killed") is what the first is
    if mention.via != "weapon" and mention.text.isascii():
        previous = [m for m in found.within(found.actors, max(floor, mention.start - 30), mention.start)
                    if _EN_LIST_GAP.fullmatch(text, m.end, mention.start)]
        return bool(previous) and _not_doer(text, found, previous[-1], floor)
    return False


_BRACKET_GAP = re.compile(r"[\s\"'”»]*\(\s*")


def _group_of_counted(text: str, found: Found, mention: Any) -> bool:
    """Whether the actor is named as the group the counted people belong to, right after their count:
    "مقتل عنصرين من قوات النظام", "24 members of the Islamic State group", "زعيم تنظيم داعش" (not an
    attacker named by its weapon: "إصابة طفل في قصف روسي")."""
    if mention.via == "weapon":
        return False
    for c in found.within(found.counts, mention.start - 60, mention.start):
        if c.end > mention.start or c.noun is None:
            continue
        if _in_construct(text, c, mention.start):
            return True
        gap = text[c.end:mention.start]
        m = _MEMBERSHIP.match(normalize(gap))
        if m is not None and m.end() == len(gap) and gap.strip():
            return True
        if not mention.text.isascii() and gap.strip() and _MEMBERS_OF_GAP.fullmatch(normalize(gap)):
            return True  # "اثنين من مسؤولي جماعة X", "أربعة مسلحين لـX"
    # the next group of the list: "مقتل 40 عنصراً من قوات النظام ومن حزب الله"
    return any(a.end <= mention.start and _GROUP_JOIN.fullmatch(text, a.end, mention.start)
               and _group_of_counted(text, found, a)
               for a in found.within(found.actors, mention.start - 40, mention.start))


# between two groups of one list of the harmed: "ومن", "and of the" (the membership word again, or none)
_GROUP_JOIN = _Lazy(lambda: re.compile(
    rf"\s*(?:[،,]\s*)?(?:{_g('ar', 'clauses', 'conjunctions', False)}|{_g('en', 'clauses', 'conjunctions', False)})\s*"
    rf"(?:(?:{_g('en', 'actor_words', 'membership')}|{_g('ar', 'actors', 'membership')})\s+"
    rf"(?:{_g('en', 'articles', 'definite')}\s+)?)?"))


def _object_of_verb(text: str, found: Found, mention: Any, folded: str) -> bool:
    """Whether an Arabic actor is the object of an attack verb: the verb carries its subject ("باغتوا قوات
    X") or its subject is named between them ("هاجم مسلحون قوات X"; Arabic puts the subject first)."""
    if _AR_OBJECT_OF_PLURAL.search(folded[-30:]):
        return True
    return any(not text[p.end:mention.start].strip()
               and _AR_VERB_BEFORE_SUBJECT.search(normalize(text[max(0, p.start - 20):p.start]))
               for p in found.within(found.actors, mention.start - 40, mention.start) if p.end <= mention.start)


def _not_doer(text: str, found: Found, mention: Any, floor: int) -> bool:
    """_target_or_victim, once per mention and floor (the claims of a sentence ask the same)."""
    key = (id(mention), floor)
    known = found.not_doer.get(key)
    if known is None:
        known = found.not_doer[key] = _target_or_victim(text, found, mention, floor)
    return known


def _english_not_doer(mention: Any, before: str, after: str) -> bool:
    if not mention.text.isascii():
        return False
    if mention.via != "weapon" and (_EN_SPEAKER_AFTER.match(after) or _EN_SPEAKER_BEFORE.search(before)):
        return True  # (a weapon does not speak: "Russian raids claimed 17 lives")
    if _EN_BACKER_AFTER.match(after) or (mention.via != "weapon" and _EN_OTHER_SIDE_AFTER.match(after)):
        return True
    if _EN_BACKER_BEFORE.search(before) or _EN_TARGET_BEFORE.search(before):
        return True
    if mention.via != "weapon" and (aimed := _EN_AIMED_BEFORE.search(before)) \
            and not (aimed.group().lower().startswith("against") and _EN_AGAINST_SIDE.search(before, 0, aimed.start())):
        return True  # (an attack named by its weapon stays the doer: "protests against Russian raids")
    return (mention.via != "weapon" and bool(_EN_PLACE_BEFORE.search(before))
            and not _EN_FORCE_WORDS.search(mention.text) and not _EN_ATTACK_AFTER.match(after))


# a sentence that opens on another event than the one before: "وفي سياق آخر،", "من جهة أخرى", "Separately,"
_SHIFT_OPENER = _Lazy(lambda: re.compile(
    rf"[^\w\u0621-\u064a]*(?:[وف]?\s*{_g('ar', 'actors', 'shift_openers', False)}|"
    rf"(?i:{_g('en', 'actors', 'shift_openers')}))"
    rf"(?![\w\u0621-\u064a])"))
# "قصفت بالخطأ مواقع X", "mistakenly struck X positions": an attack on the doer's own side or its ally
_MISTAKE = _Lazy(lambda: re.compile(
    rf"(?<![\w\u0621-\u064a])(?:[وب]?{_g('ar', 'actors', 'mistake_words', False)}|"
    rf"(?i:{_g('en', 'actors', 'mistake_words')}))(?![\w\u0621-\u064a])"))
_DOER_BEFORE_CHARS = 25  # how far before an actor a word of attack names it as the attacker ("قصفت قوات X")
_DOER_AFTER_CHARS = 30  # ... and after it ("X نفذت هجمات", "X shelled the town")
_EN_BY_BEFORE = _Lazy(lambda: re.compile(
    rf"(?i)\b{_g('en', 'actors', 'agent_prepositions')}\s+(?:{_THE.pattern}\s+)?$"))
# "X (bears primary) responsibility for", "X is behind": the actor is named as the one who did it
_EN_RESPONSIBLE_AFTER = _Lazy(lambda: re.compile(
    rf"(?i)^\s*(?:[\w'-]+\s+){{0,3}}?{_g('en', 'actors', 'responsible_words')}\b"))
# "على يد X", "من قبل قوات X", "بنيران عناصر من X": a word of agency before the actor or its men
_AR_AGENT_NEAR = _Lazy(lambda: re.compile(
    rf"(?:^|\s){_g('ar', 'actors', 'agent_words')}\s*(?:(?:ال)?{_g('ar', 'actors', 'member_of_nouns')}\s+)?"
    rf"(?:من\s+)?(?:(?:ال)?{_g('ar', 'actors', 'group_nouns')}\s+)?$"))
# "حمل المرصد قوات X المسؤولية", "X مسؤولة عن": X is named as the one who did it
_AR_RESPONSIBLE_AFTER = _Lazy(lambda: re.compile(
    rf"^[\s\"'”»]*(?:[^\s،,.:؛]+\s+){{0,2}}?[وب]?(?:ال)?{_g('ar', 'actors', 'responsible_words')}"))
# "قسد تعذب شابا", "النظام يعدم معتقلين": a verb of violence right after the actor, its subject
_AR_DOER_VERB_AFTER = _Lazy(lambda: re.compile(
    rf"^[\s\"'”»]*(?:[،,]?\s*(?:التي|الذي|الذين)\s+)?"  # ... or in a relative clause: "X، التي قامت بهجمات"
    rf"(?:{_g('ar', 'actors', 'object_verbs')}|{_g('ar', 'actors', 'doer_verbs')})(?:\s|$)"))
# between an actor and the verb or attack word it is the subject of: quotes, at most one word of
# subject_verb_gap ("قد", "أمس", "also")
_VERB_NEXT = _Lazy(lambda: re.compile(
    rf"[\s\"'”»)]*(?:(?:{_g('ar', 'actors', 'subject_verb_gap', False)}|(?i:{_g('en', 'actors', 'subject_verb_gap')}))"
    rf"[\s\"'”»]+)?"))
_QUOTE_MARKS = re.compile(r"[\"'«»“”„]")
# what parts the actor from a word of attack in its clause (not quotes or brackets: 'قصف نفذه "ي ب ك"')
_DOER_BREAK = re.compile(r"[،,;؛:.!?؟\n]")


def _named_attacking(text: str, found: Found, mention: Any) -> bool:
    """_attacking, once per mention (the claims of a sentence ask the same)."""
    known = found.attacking.get(id(mention))
    if known is None:
        known = found.attacking[id(mention)] = _attacking(text, found, mention)
    return known


# "قال الجيش X إنه نفذ ضربة", "X said it carried out a strike": a side speaking of its own attack
_AR_OWN_ACT_AFTER = _Lazy(lambda: re.compile(
    rf"[\s\"'”»]*(?:[^\s،,.:؛]+\s+){{0,4}}?[،,]?\s*{_g('ar', 'actors', 'own_act_pronouns', False)}\s+"))
_EN_OWN_ACT_AFTER = _Lazy(lambda: re.compile(
    rf"(?i)\s*(?:{_g('en', 'actors', 'speaker_auxiliaries')}\s+)?{_g('en', 'actors', 'speaker_verbs')}\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_g('en', 'actors', 'own_act_pronouns')}\s+"))
OWN_ACT_CHARS = 25  # how far after "إنه" / "said it" the word of attack may stand (two or three words)


def _speaking_side(text: str, found: Found, claimant_span: tuple[int, int] | None) -> Any | None:
    """The side a belligerent claimant speaks for, as the doer, when it speaks of its own attack ("أعلنت
    وزارة الدفاع التركية أنها استهدفت مواقع", "the Russian Defence Ministry said it carried out strikes")."""
    if claimant_span is None:
        return None
    for m in found.within(found.sources, claimant_span[0], claimant_span[1]):
        if m.start == claimant_span[0] and m.source.actor and _own_attack(text, found, m):
            return actors.ActorMention(m.start, m.end, m.text, actors.actor(m.source.actor), False, "speaker")
    return None


def _own_attack(text: str, found: Found, mention: Any) -> bool:
    """Whether the actor speaks of its own attack right after it is named: "قال الجيش X إنه نفذ ضربة جوية",
    "أعلنت X أنها استهدفت", "X said it carried out an airstrike"."""
    pattern = _EN_OWN_ACT_AFTER if mention.text.isascii() else _AR_OWN_ACT_AFTER
    m = pattern.match(text, mention.end, min(len(text), mention.end + 80))
    return m is not None and any(
        m.end() <= c.start <= m.end() + OWN_ACT_CHARS and (c.has("attack") or c.has("carried_out")
                                                             or (c.has("cause") and not c.has("cause.shooting")))
        for c in found.within(found.cues, m.end(), m.end() + OWN_ACT_CHARS + 20))


def _attacking(text: str, found: Found, mention: Any) -> bool:
    """Whether an actor is named as the one attacking where it stands: by its weapon ("Russian raids"), next
    to a word of attack in its clause ("قصفت قوات X", "X نفذت هجمات", "غارات X", "X shelled the town"),
    after a word of agency ("على يد X", "by X") or as the subject of a harm verb after it ("X قتلت",
    "X killed"). A name elsewhere (a talk, a defeat, a country as a place) names no attack."""
    if mention.via == "weapon" or _own_attack(text, found, mention):
        return True
    before = text[max(0, mention.start - 40):mention.start]
    of = normalize(mention.text).startswith("ل") or before.endswith("ل")  # "مجزرة جديدة للنظام"
    for c in found.within(found.cues, mention.start - _DOER_BEFORE_CHARS - 15, mention.end + _DOER_AFTER_CHARS):
        attack = c.has("attack") or c.has("cause") or c.has("carried_out")
        if (attack or (of and c.has("outcome"))) and mention.start - _DOER_BEFORE_CHARS <= c.end <= mention.start \
                and not _DOER_BREAK.search(text, c.end, mention.start):
            return True
        if (attack or c.has("outcome")) and mention.end <= c.start <= mention.end + _DOER_AFTER_CHARS \
                and _VERB_NEXT.fullmatch(text, mention.end, c.start) and not c.text.startswith(("و", "ف")):
            return True  # "X نفذت هجمات", "X قتلت" (not "X، وقتل", "X إن 15 شخصا قتلوا")
    if mention.text.isascii():
        return bool(_EN_BY_BEFORE.search(before) or _EN_ACTIVE_AFTER.match(text[mention.end:mention.end + 40])
                    or _EN_RESPONSIBLE_AFTER.match(text[mention.end:mention.end + 40]))
    after = normalize(text[mention.end:mention.end + 40])
    return bool(_AR_AGENT_NEAR.search(_QUOTE_MARKS.sub(" ", normalize(before))) or _AR_RESPONSIBLE_AFTER.match(after)
                or _AR_DOER_VERB_AFTER.match(after))


def _pick_actor(text: str, found: Found, ranges: list[tuple[int, int]], anchor: int,
                claimant_span: tuple[int, int] | None, weak: tuple[tuple[int, int], ...] = ()) -> Any | None:
    """The doer of a claim: in the first of its context ranges that names one, the named actor nearest its
    harm word (before it if any); else a label ("gunmen"). In the ``weak`` ranges (the report's lead, for a
    claim told apart from it: maybe another item of a round-up) only an actor named there as attacking."""
    for k, (start, end) in enumerate(ranges):
        outlets = [(m.start, m.end) for m in found.within(found.sources, start, end) if m.source.type in _OUTLETS]
        here = [a for a in found.within(found.actors, start, end)
                if not (claimant_span and a.start < claimant_span[1] and claimant_span[0] < a.end)
                and not any(a.start < b and a0 < a.end for a0, b in outlets)  # "Jordan Times", "Syria TV"
                and not _not_doer(text, found, a, start)
                and ((start, end) not in weak or _named_attacking(text, found, a))]
        named = [a for a in here if a.actor is not None and a.actor.id != "unknown"]
        if k == 0 and len({a.actor.id for a in named}) > 1:  # of two sides in its sentence, the one attacking
            named = [a for a in named if _named_attacking(text, found, a)] or named
        if named:
            before = [a for a in named if a.start <= anchor]
            return _nearest(before or named, anchor)
        if here:  # only a partisan label ("terrorists") names the doer: the actor is not known
            return _nearest(here, anchor)
    return None


def _pick_cause(found: Found, ranges: list[tuple[int, int]]) -> str | None:
    for start, end in ranges:
        present = {c.category("cause").split(".")[1] for c in found.within(found.cues, start, end)
                   if c.has("cause")}
        for cause in CAUSE_PRIORITY:
            if cause in present:
                return "explosion" if cause == "blast" else cause
    return None


def _pick_claimant(text: str, found: Found, sentences: list[Sentence], index: int, anchor: int,
                   doc: Document) -> tuple[dict[str, Any], str, tuple[int, int] | None]:
    """(claimant, modality, span of the claimant's words) for a claim in sentence ``index``."""
    here = sentences[index]
    sentence_cues = found.within(found.cues, here.start, here.end)
    attribution = [c for c in sentence_cues if c.has("attribution")]
    accusations = [c for c in sentence_cues if c.has("allegation")]
    denial = any(c.has("denial") for c in sentence_cues) or any(  # "رفضت الوزارة الاتهامات"
        r.end <= a.start <= r.end + 40 and not _CLAUSE_BREAK.search(text, r.end, a.start)
        for r in sentence_cues if r.has("refusal") for a in accusations)
    allegation = bool(accusations)
    sources = found.within(found.sources, here.start, here.end)
    speech = [c for c in sentence_cues if c.has("attribution") or c.has("allegation") or c.has("denial")]
    mention = None
    if sources and speech:
        distance, mention = min(((_speaker_distance(text, s, speech), s) for s in sources), key=lambda p: p[0])
        if distance > SPEAKER_GAP:
            mention = None
    if mention is None:  # a headline's speaker before a colon: "الدفاع المدني: مقتل 5 مدنيين ..."
        mention = next((m for m in sources if _HEADLINE_SPEAKER_BEFORE.fullmatch(text, here.start, m.start)
                        and _HEADLINE_SPEAKER_AFTER.match(text, m.end) and anchor - m.end <= HEADLINE_SPEECH_CHARS),
                       None)
    named_here, speaker = False, None
    if mention is None and attribution:
        named_here, speaker = _speaker_named_after(text, found, attribution, here)
    if mention is None and attribution and not named_here:  # "وأضاف أن": the speaker named before
        for j in range(index - 1, max(-1, index - 1 - CLAIMANT_SENTENCES), -1):
            earlier = [s for s in found.within(found.sources, sentences[j].start, sentences[j].end)
                       if s.source.type != "belligerent"]
            if earlier:
                mention = earlier[-1]
                break
    if mention is not None:
        claimant = {"name": mention.source.name, "type": mention.source.type, "text": mention.text}
        span: tuple[int, int] | None = (mention.start, mention.end)
    elif speaker is not None and speaker.actor is not None and speaker.actor.id != "unknown":
        # "أعلن تنظيم X": a side speaks of its own dead or of what it did ("أعلنت القوات التركية مقتل زعيم
        # تنظيم Y": it may be the doer, so its words stay among the actors)
        claimant = {"name": speaker.actor.name, "type": "belligerent", "text": speaker.text}
        span = None
    else:
        claimant = {"name": doc.outlet, "type": "outlet", "text": None}
        span = None
    if denial:
        modality = "denied"
    elif allegation:
        modality = "alleged"
    elif mention is not None or attribution:
        modality = "reported"
    else:
        modality = "asserted"
    return claimant, modality, span


_OWN_REPORTER = _Lazy(lambda: re.compile(rf"[\s\"'«“]*{_g('ar', 'actors', 'own_reporters')}(?!\w)"))
_SPEAKER_GAP = re.compile(r"[\s\"'«“]*")
_WATCH_VERB = _Lazy(lambda: re.compile(rf"[وف]?{_g('ar', 'actors', 'watch_verbs')}"))


def _speaker_named_after(text: str, found: Found, attribution: list[cues.Cue],
                         sentence: Sentence) -> tuple[bool, Any | None]:
    """Whether an Arabic verb of saying names its speaker right after it, though no source of the lexicon:
    the outlet's reporter ("أفاد مراسلنا") or an armed group ("أعلن تنظيم X", with its mention). The sentence
    says who speaks, so no source named sentences before is its speaker."""
    for cue in attribution:
        if cue.text.isascii():
            continue
        if _OWN_REPORTER.match(normalize(text[cue.end:min(sentence.end, cue.end + 20)])):
            return True, None
        if _WATCH_VERB.fullmatch(normalize(cue.text)):
            continue  # "رصد قوات النظام المنطقة": the group watches, it does not speak
        for a in found.within(found.actors, cue.end, min(sentence.end, cue.end + 60)):
            if _SPEAKER_GAP.fullmatch(text, cue.end, a.start):
                return True, a
    return False, None


# a source named at the head of a sentence and followed by a colon is who says what follows (in a
# headline's length: scraped pages glue other items after it)
HEADLINE_SPEECH_CHARS = 150
_HEADLINE_SPEAKER_BEFORE = re.compile(r"[\s#\"'«“]*")
_HEADLINE_SPEAKER_AFTER = re.compile(r"[\"'»”]?[^\S\n]*:")


def _speaker_distance(text: str, source: Any, speech: list[cues.Cue]) -> float:
    """How far a source is from the nearest speech verb; the subject right after the verb (Arabic
    "قالت الشبكة", "اتهم ناشطون") or right before it ("the Observatory said") is the speaker. An Arabic
    name before a comma and a verb with "و" or "ف" ("... على يد الجيش السوري، ونفت المديرية") is not:
    the verb opens a clause of its own, whose subject follows it (but "مدير الشبكة، قال")."""
    best = float("inf")
    for cue in speech:
        if source.start >= cue.end:
            gap = source.start - cue.end
        elif cues.with_conjunction(cue) and _CLAUSE_END.search(text, source.end, cue.start):
            continue
        else:
            gap = cue.start - source.end + 3
        best = min(best, max(gap, 0))
    return best


# ------------------------------------------------------------------------------------ output

def _count_json(count: Any | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"low": count.low, "high": count.high, "text": count.text, "vague": bool(count.vague),
            "approximate": bool(getattr(count, "approximate", False))}


def _period_json(period: Any | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {"start": period.first.isoformat() if period.first else None,
            "end": period.last.isoformat() if period.last else None,
            "precision": period.precision, "text": period.text}


_PLACE_WORD_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|\s)(?:[وفبل]{{0,2}})({_g('ar', 'places', 'place_nouns', False)}|{_g('en', 'places', 'place_nouns', False)})"
    r"\s+#?$"))


NEAR_CHARS = 30   # how close after an unknown village the town that locates it must be named


# words before a place that say where about it the event was: "وسط مدينة X", "أطراف قرية X", "قرب X"
_WHEREABOUTS_BEFORE = _Lazy(lambda: re.compile(
    rf"(?:^|(?<=\s))(?:[وفب]?{_g('ar', 'places', 'whereabouts', False)}|"
    rf"{_g('ar', 'places', 'whereabouts_phrases', False)})\s+$"))


_DIRECTION_START = _Lazy(lambda: re.compile(
    rf"(?:ال)?{_g('ar', 'places', 'directions', False)}|{_g('en', 'places', 'directions', False)}", re.I))


@cache
def _list_words() -> re.Pattern[str]:
    """The dual and plural place words that begin a list of names ("قريتي X وY", "قرى X، Y وZ")."""
    words = resources.load("gazetteer/matching.toml")["ar"].get("list_cues", [])
    alternatives = "|".join(sorted((normalize(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})\s")


_START = attrgetter("start")
_LIST_JOIN = re.compile(r"[^\S\n]*[،,]?[^\S\n]*و?[^\S\n]?[\"'«“(]?")


_LISTED_PRECISIONS = ("exact", "district", "unresolved")
# between two places of a list: "و" or a comma, and the next one's place word or whereabouts
_PLACE_LIST_GAP = _Lazy(lambda: re.compile(
    rf"(?:[^\S\n]+ال{_g('ar', 'places', 'directions', False)}ي[ةه]?)?"  # "بلدة X الشرقية"
    rf"[^\S\n]*(?:[،,][^\S\n]*(?:و[^\S\n]?)?|و[^\S\n]?)(?:(?:{_g('ar', 'places', 'whereabouts', False)})[^\S\n]+)*"
    rf"((?:(?:ال)?{_g('ar', 'places', 'place_nouns', False)}|{_g('en', 'places', 'place_nouns', False)})[^\S\n]+)?"
    r"[\"'«“]?#?"))


_PLACE_WORD_START = _Lazy(lambda: re.compile(
    rf"(?:ال)?(?:{_g('ar', 'places', 'place_nouns', False)}|{_g('ar', 'places', 'area_words', False)})\s"))


def _chain_end(mention: Any, around: list[Any], text: str) -> int:
    """Where the phrase that locates a place ends: the larger places named right after it
    ("قرية X بمنطقة Y جنوب Z", "حي X في مدينة Y"), joined as in _LOCATING_GAP; after a dual or plural
    place word, the other names of the list first ("قريتي X وY بريف Z"), and the other towns and
    villages of a list of them ("بلدة X وقرية Y")."""
    end = mention.end
    i = bisect.bisect_right(around, mention.start, key=_START)
    if _list_words().match(normalize(text[mention.start:mention.start + 8]) + " "):
        while i < len(around) and around[i].start - end <= 4 and around[i].start >= end \
                and around[i].place.precision == "unresolved" and _LIST_JOIN.fullmatch(text, end, around[i].start):
            end = around[i].end
            i += 1
    # a list of towns and villages hit ("محيط مدينة إدلب وبلدة كنصفرة ومنطقة النهر الأبيض"): all of it (a
    # name the gazetteer does not know only after its place word)
    while i < len(around) and around[i].start >= end and around[i].place.precision in _LISTED_PRECISIONS \
            and around[i].start - end <= LOCATING_CHARS \
            and (m := _PLACE_LIST_GAP.fullmatch(normalize(text[end:around[i].start]))) \
            and (m.group(1) or around[i].place.precision != "unresolved"
                 or _PLACE_WORD_START.match(normalize(around[i].text))):
        end = around[i].end
        i += 1
    while i < len(around):
        nxt = around[i]
        if nxt.start < end:
            i += 1
            continue
        gap = text[end:nxt.start]
        if not (_locates(text, end, nxt.start)
                or (nxt.start - end <= LOCATING_CHARS and not gap.strip() and "\n" not in gap
                    and _DIRECTION_START.match(nxt.text))):
            break
        end = nxt.end
        i += 1
    return end


def _place_json(mention: Any | None, region: Any | None = None, text: str = "",
                around: list[Any] | None = None) -> dict[str, Any] | None:
    """A claim's place: the gazetteer's place, and in ``text`` the report's words for it with the place
    word, the words that say where about it ("محيط قرية X") and the places that locate it ("بريف Y")."""
    if mention is None:
        return None
    p = mention.place
    start, end = mention.start, mention.end
    if text:
        cue = _PLACE_WORD_BEFORE.search(text[max(0, start - 24):start])
        if cue and not mention.text.startswith(cue.group(1)):  # keep the place word: "قرية التوخار"
            start = start - (len(text[max(0, start - 24):start]) - cue.start(1))
        about = _WHEREABOUTS_BEFORE.search(text[max(0, start - 20):start])
        if about:
            start -= len(text[max(0, start - 20):start]) - about.start()
        if around:
            end = _chain_end(mention, around, text)
    words = text[start:end] if text else mention.text
    words = " ".join(words.replace("#", " ").replace("_", " ").split())  # hashtags read as words
    place = {"name": p.name, "name_ar": p.name_ar, "admin1": p.admin1, "country": p.country, "lat": p.lat,
             "lon": p.lon, "precision": p.precision, "text": words}
    if region is not None:  # a village the gazetteer lacks, in the governorate the text names with it
        place.update(admin1=region.place.admin1, country=region.place.country)
        r = region.place
        if r.lat is not None and r.precision in ("exact", "district") and (
                0 <= region.start - mention.end <= NEAR_CHARS
                or (text and _located_by(text, mention.end, region.start))):  # "أحياء X وY في مدينة Z"
            # located by the town named right after it ("قرية X بريف Y", "قرب Y"): Y's coordinates, with
            # precision "near" (UCDP where_prec 2: within some 25 km of a known point), and Y's name
            place.update(lat=r.lat, lon=r.lon, precision="near", near=r.name)
    return place


def _actor_json(mention: Any | None) -> dict[str, Any]:
    if mention is None:
        return {"id": "unknown", "name": "unknown", "text": None}
    if mention.actor is None:  # a partisan label that names nobody in particular
        return {"id": "unknown", "name": "unknown", "text": mention.text, "partisan_label": True}
    return {"id": mention.actor.id, "name": mention.actor.name, "text": mention.text}


def _evidence(text: str, sentence: Sentence, anchor: int) -> dict[str, Any]:
    start, end = sentence.start, sentence.end
    if end - start > MAX_QUOTE:  # narrow a run-on sentence to the clauses around the anchor
        lo = max(start, anchor - MAX_QUOTE // 2)
        hi = min(end, anchor + MAX_QUOTE // 2)
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, lo, anchor)), default=lo)
        right = min((m.start() for m in _CLAUSE_BREAK.finditer(text, anchor + 1, hi)), default=hi)
        start, end = left, right
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"start": start, "end": end, "quote": text[start:end]}


def _is_aggregate(found: Found, sentence: Sentence, period: Any | None, count: dict[str, Any] | None) -> bool:
    if count and (count.get("low") or 0) >= AGGREGATE_TOLL:  # no single event kills this many
        return True
    if period is not None and period.first and period.last and (period.last - period.first).days > AGGREGATE_DAYS:
        return True
    return found.has_cue("aggregate", sentence.start, sentence.end)


_ENTRY_LEAD = re.compile(r"[^\S\n]*(?:[-–•*|]|\d{1,3}[-.)])?[^\S\n]*")


def _entry_start(text: str, found: Found, sentences: list[Sentence], index: int) -> int | None:
    """Where the entry of a chronology the sentence belongs to begins, if it does: a line that opens with
    the day or month of its event ("5 آذار 2016 قتل ...", "2015/10/27 - أفاد ...", "March 3, 2016 - ...")
    tells a story of its own, which takes no place, date or actor from the title or the lines before it."""
    here = sentences[index]
    for j in range(index, max(-1, index - 1 - CONTEXT_SENTENCES), -1):
        s = sentences[j]
        if s.paragraph != here.paragraph:
            break
        if s.start > 0 and text[s.start - 1] != "\n" and text.rfind("\n", 0, s.start) < s.start - 3:
            continue  # not at the start of a line
        lead = _ENTRY_LEAD.match(text, s.start)
        at = lead.end() if lead else s.start
        if any(p.start == at and p.precision in ("day", "month") and not p.relative
               for p in found.within(found.periods, at, s.end)):
            return s.start
    return None


def _friendly_fire(text: str, found: Found, sentence: Sentence) -> bool:
    """Whether a sentence names a side struck by mistake (see _claim), once per sentence (the claims of a
    sentence ask the same)."""
    known = found.friendly_fire.get(sentence.start)
    if known is None:
        known = found.friendly_fire[sentence.start] = bool(_MISTAKE.search(text, sentence.start, sentence.end)) \
            and any(a.actor is not None and _not_doer(text, found, a, sentence.start)
                    for a in found.within(found.actors, sentence.start, sentence.end))
    return known


def _claim(doc: Document, text: str, found: Found, sentences: list[Sentence], draft: Draft) -> dict[str, Any]:
    ranges = actor_ranges = _context_ranges(sentences, draft.sentence)
    entry = _entry_start(text, found, sentences, draft.sentence)
    if entry is not None:  # an entry of a chronology: its place, date and actor from its own lines only
        ranges = actor_ranges = [r for r in ranges if entry <= r[0] <= sentences[draft.sentence].start]
    claimant, modality, claimant_span = _pick_claimant(text, found, sentences, draft.sentence, draft.anchor, doc)
    sentence = sentences[draft.sentence]
    count = _count_json(draft.count)
    own_period = _pick_period(found, ranges[:1], draft.anchor)  # a total says its span in its own words
    scope = "aggregate" if _is_aggregate(found, sentence, own_period, count) else "incident"
    if scope == "aggregate":  # a total names its area in its own words, not the village of the report's incident
        place, region = _pick_place(found, ranges[:1], draft.anchor, ranges[:1])
    elif entry is not None:  # an entry of a chronology: nothing beyond its own lines
        place, region = _pick_place(found, ranges, draft.anchor, ranges)
    else:
        place, region = _pick_place(found, ranges, draft.anchor, _paragraph_ranges(sentences, draft.sentence),
                                    _before_paragraph(sentences, draft.sentence, ranges),
                                    _after_sentences(sentences, draft.sentence, found.cues, found.starts(found.cues)))
    period, dating = _claim_period(found, sentences, draft.sentence, ranges, draft.anchor, doc.published)
    if scope == "aggregate" and (count is None or (count.get("low") or 0) >= WAR_TOLL):
        actor_ranges = actor_ranges[:1]  # a total of a war names who caused it in its own words, if at all
    # the title and first sentence, when the claim's own paragraph does not reach them
    weak = tuple((s.start, s.end) for j, s in enumerate(sentences[:LEAD_SENTENCES])
                 if j < draft.sentence - CONTEXT_SENTENCES
                 or (j < draft.sentence and s.paragraph != sentence.paragraph))
    # friendly fire: "قصفت بالخطأ مواقع X" names a side struck by mistake (X, not the doer): the doer is the side
    # the sentence names firing, or nobody (not "الغارات الموجهة بالخطأ" on civilians, whose doer is named before)
    mistaken = _friendly_fire(text, found, sentence)
    if mistaken or _SHIFT_OPENER.match(text, sentence.start, sentence.end):
        actor_ranges = actor_ranges[:1]  # (and "وفي سياق آخر، ...", "Separately, ...": another event than before)
    actor = _speaking_side(text, found, claimant_span) or _pick_actor(text, found, actor_ranges, draft.anchor,
                                                                      claimant_span, weak)
    unattributed = any(found.has_cue("unattributed", a, b) for a, b in actor_ranges[:4])
    if unattributed and actor is not None and not (actor.via == "weapon"
                                                   and ranges[0][0] <= actor.start < ranges[0][1]):
        actor = None  # "it was not immediately clear who carried out the raids"
    claim = {
        "kind": draft.kind,
        "victims": draft.victims,
        "count": count,
        "period": _period_json(period),
        "place": _place_json(place, region, text, found.places),
        "perpetrator": dict(_actor_json(actor), **({"unattributed": True} if unattributed else {}),
                            **({"friendly_fire": True} if mistaken else {})),
        "cause": _pick_cause(found, ranges),
        "claimant": claimant,
        "modality": modality,
        "scope": scope,
        "evidence": _evidence(text, sentence, draft.anchor),
    }
    if dating:
        claim[_DATING] = dating
    return claim


# ------------------------------------------------------------------------------------ summary

def _best(count: dict[str, Any] | None) -> int:
    """A count's figure as a coder records it: the number as written ("more than 50" is 50)."""
    if not count:
        return 0
    return int(numbers.written_figure(count.get("low"), count.get("high"), count.get("text") or "") or 0)


BREAKDOWN_REACH = 700  # how far (characters) after the main claim the report may break its toll down


def _within_reach(claim: dict[str, Any], lead: dict[str, Any], end: int | None = None) -> bool:
    """Whether a claim stands after the main claim and at most BREAKDOWN_REACH characters after ``end``
    (the end of the main claim's evidence, or of the last sentence that gives its toll again)."""
    end = lead["evidence"]["end"] if end is None else end
    return 0 <= claim["evidence"]["start"] - lead["evidence"]["start"] and \
        claim["evidence"]["start"] - end <= BREAKDOWN_REACH


def _toll_end(claims: list[dict[str, Any]], lead: dict[str, Any], n: int) -> int:
    """Where the report last gives the main toll again ("70 killed" in the headline, "at least 70
    people" in the first sentence): breakdowns follow that sentence."""
    end = lead["evidence"]["end"]
    for c in claims:
        if c["kind"] == "killed" and c.get("part_of") is None and _best(c.get("count")) == n \
                and _within_reach(c, lead, end):
            end = max(end, c["evidence"]["end"])
    return end


def _index(claims: list[dict[str, Any]], claim: dict[str, Any]) -> int:
    """The position of this very claim (two claims may be equal: a headline repeated in the body)."""
    return next(i for i, c in enumerate(claims) if c is claim)


def _pieces(claims: list[dict[str, Any]], claim: dict[str, Any]) -> list[dict[str, Any]]:
    """A claim's parts, or the claim itself when it has none."""
    i = _index(claims, claim)
    return [c for c in claims if c.get("part_of") == i] or [claim]


def _breakdown(claims: list[dict[str, Any]], lead: dict[str, Any], n: int) -> list[dict[str, Any]]:
    """The claims that split the main toll into categories: its own parts ("70 people, including 11
    fighters"); the parts of the same toll given again ("bringing the toll to 61 people including
    three policemen"); a list said to be among the dead ("12 children and 11 fighters were among the
    dead"); or figures in the next sentences that add up to it ("four civilians ... another five rebel
    fighters" after "nine dead")."""
    lead_index = _index(claims, lead)
    parts = [c for c in claims if c.get("part_of") == lead_index]
    if parts:
        return parts
    end = _toll_end(claims, lead, n)
    tolls = [lead] + [c for c in claims if c["kind"] == "killed" and c.get("part_of") is None
                      and _best(c.get("count")) == n and _within_reach(c, lead, end)]
    after = [c for c in claims if c is not lead and c["kind"] == "killed" and c.get("part_of") is None
             and c["scope"] == "incident" and _within_reach(c, lead, end)
             and any(_same_event(c, t) for t in tolls)]
    for c in after:
        if _best(c.get("count")) == n and _pieces(claims, c) != [c]:
            return _pieces(claims, c)
    for c in after:
        if _AMONG_DEAD.search(c["evidence"]["quote"]) and 0 < _best(c.get("count")) <= n:
            return _pieces(claims, c)
    total, pieces = 0, []
    for c in after:
        m = _best(c.get("count"))
        if m == n or not m or set(c["victims"]) <= {"people"}:
            continue  # the toll said again, or a figure of no category
        total += m
        pieces += _pieces(claims, c)
        if total >= n:
            break
    cats = {v for p in pieces for v in p["victims"]}
    if total == n and len(pieces) > 1 and "combatants" in cats and len(cats) > 1:
        return pieces
    return []


def _updated_toll(text: str, claims: list[dict[str, Any]], lead: dict[str, Any], n: int) -> int:
    """The toll a report updates its first figure to ("12 civilians killed on Monday, bringing to 45 the
    number killed in 24 hours"), else ``n``."""
    for c in claims:
        m = _best(c.get("count"))
        if c is lead or c["kind"] != "killed" or m <= n or c.get("part_of") is not None or not c.get("count") \
                or not _within_reach(c, lead) or c["scope"] != "incident":
            continue
        ev = c["evidence"]
        words = c["count"]["text"]
        at = text.find(words, ev["start"], ev["end"])
        while at >= 0:
            if _UPDATED_TOLL.search(text[max(0, at - 60):at]):
                return m
            at = text.find(words, at + 1, ev["end"])
    return n


def _wider_toll(claims: list[dict[str, Any]], lead: dict[str, Any], n: int) -> dict[str, Any] | None:
    """For a headline toll of fighters or police alone, the wider toll that counts them as a part
    ("five police officers killed" -- "15 people died including five policemen")."""
    for c in claims:
        if c is lead or c["kind"] != "killed" or c.get("part_of") is not None or not _within_reach(c, lead):
            continue
        i = _index(claims, c)
        if _best(c.get("count")) > n and any(p.get("part_of") == i and set(p["victims"]) == {"combatants"}
                                             and _best(p.get("count")) == n for p in claims):
            return c
    return None


def summarize(claims: list[dict[str, Any]], doc: Document | None = None) -> dict[str, Any] | None:
    """The document's main incident as a conflict-data coder would record it; None without harm.

    The main incident is the one the report leads with: the first killed claim about one event (the
    title counts as the lead). A vague lead ("dozens killed") gives way to the first exact figure of
    the same outcome further on; an unspecified "70 dead" takes the category the report gives the
    same number elsewhere ("70 fighters"); a toll updated in the lead ("bringing to 45 the number
    killed") is the toll; the parts of the lead claim, a breakdown of its toll in the sentences after
    it (see ``_breakdown``), and children or women counted right after it give the per-category
    figures: civilians are the toll less the fighters among it.
    """
    incident = [c for c in claims if c["scope"] == "incident" and c.get("part_of") is None]
    killed = [c for c in incident if c["kind"] == "killed"]
    if not killed:  # a report of a few days' bombing ("72 civilians killed over the past few days")
        killed = [c for c in claims if c["scope"] == "aggregate" and c["kind"] == "killed" and c.get("part_of") is None
                  and c.get("count") and _best(c["count"]) < AGGREGATE_TOLL and _days(c.get("period")) <= CAMPAIGN_DAYS]
    if not killed:
        harmed = [c for c in incident if c["kind"] == "injured"]
        if not harmed:
            return None
        lead = harmed[0]
        return {"kind": "injured", "civilians": 0, "children": 0, "women": 0, "combatants": 0,
                **_where_when(lead), "claims": [_index(claims, lead)]}
    lead = first = killed[0]
    if lead.get("count") is None or lead["count"].get("vague"):
        # "dozens dead" in the headline, "at least 73 civilians" / "346 IS fighters" below it; a lead
        # without a number ("martyrs as terrorists shell the district") says nothing sure of whom
        exact = [c for c in killed[1:6] if c.get("count") and not c["count"].get("vague")
                 and _same_event(c, lead) and (set(lead["victims"]) <= {"people"} or lead.get("count") is None
                                               or ("combatants" in c["victims"]) == ("combatants" in lead["victims"]))]
        lead = exact[0] if exact else lead
    elif (bound := lead["count"].get("low")) and lead["count"].get("high") is None and doc is not None \
            and _language(doc) == "en":
        # a headline's round lower bound ("strikes kill over 80") and the report's own figure right below
        # it ("have killed at least 84 civilians"): the report's figure
        closer = [c for c in killed[1:3] if c.get("count") and not c["count"].get("vague")
                  and bound < _best(c["count"]) <= bound * ROUNDING and _same_event(c, lead)
                  and ("combatants" in c["victims"]) == ("combatants" in lead["victims"])]
        lead = closer[0] if closer else lead
    if set(lead["victims"]) == {"combatants"}:
        lead = _wider_toll(claims, lead, _best(lead.get("count"))) or lead
    n = _best(lead.get("count"))
    victims = set(lead["victims"])
    if victims == {"people"}:
        same_number = [c for c in claims if c is not lead and c["kind"] == "killed" and _best(c.get("count")) == n
                       and set(c["victims"]) - {"people"}]
        if same_number:
            victims = set(same_number[0]["victims"])
    text = doc.text if doc is not None and _language(doc) == "en" else ""
    if text and victims != {"combatants"}:
        n = _updated_toll(text, claims, lead, n)
    lead_index = _index(claims, lead)
    figures = {"civilians": 0, "children": 0, "women": 0, "combatants": 0}
    if "combatants" in victims and len(victims) == 1:
        figures["combatants"] = n
    else:
        figures["civilians"] = n
    parts = [c for c in claims if c.get("part_of") == lead_index]
    breakdown = _breakdown(claims, lead, n) if figures["civilians"] else parts
    fighters = sum(_best(c.get("count")) for c in breakdown if set(c["victims"]) == {"combatants"})
    civilians = sum(_best(c.get("count")) for c in breakdown if set(c["victims"]) == {"civilians"})
    if figures["civilians"] and 0 < fighters <= n:
        figures["combatants"] = fighters
        figures["civilians"] = civilians if civilians and civilians + fighters <= n else n - fighters
    elif figures["civilians"] and 0 < civilians <= n:
        only_civilians = all(set(c["victims"]) == {"civilians"} for c in breakdown)
        if only_civilians or breakdown == parts:
            figures["civilians"] = civilians
        if victims == {"people"} and only_civilians:  # "20 people, including 13 civilians": the others bore arms
            figures["combatants"] = n - civilians
    near = [c for c in claims[lead_index + 1:lead_index + 6] if c["kind"] == "killed" and c.get("part_of") is None
            and c["evidence"]["start"] - lead["evidence"]["end"] <= 300]
    # the members of a list right after the toll: "those killed include 14 children and four women"
    near_parts = [p for c in near if len(c["victims"]) > 1 for p in _pieces(claims, c) if p is not c]
    for c in breakdown + near + near_parts:
        cats = set(c["victims"])
        m = _best(c.get("count"))
        for v in ("children", "women"):
            if cats == {v} and (not n or m <= n) and not figures[v]:
                figures[v] = m
    if len(victims) == 1 and victims & {"children", "women"}:
        figures[next(iter(victims))] = max(figures[next(iter(victims))], n)
        # "three children were among at least 19 civilians killed", "ten children and five women": the
        # wider figure is the toll
        end = _toll_end(claims, lead, n)  # "27 children killed ... some 80 people were killed in the attack"
        later = [c for c in claims if c["kind"] == "killed" and c.get("part_of") is None and c["scope"] == "incident"
                 and _within_reach(c, lead, end) and _same_event(c, lead)]
        wider = [_best(c.get("count")) for c in [lead] + near + later
                 if (set(c["victims"]) & {"civilians", "people"}
                     or (len(c["victims"]) > 1 and set(c["victims"]) <= {"children", "women", "civilians"}))
                 and _best(c.get("count")) > n]
        if wider:
            figures["civilians"] = wider[0]
    where = _where_when(lead)
    if first is not lead:  # the report's lead describes the event its later exact figure counts
        for key, value in _where_when(first).items():
            if value and (key != "perpetrator" or value.get("id") != "unknown"):
                where[key] = value
    return {"kind": "killed", **figures, **where, "claims": [lead_index] + [_index(claims, c) for c in parts]}


def _days(period: dict[str, Any] | None) -> float:
    """How many days a claim's period spans (infinite when it has no dated start and end)."""
    try:
        first = dt.date.fromisoformat((period or {}).get("start") or "")
        last = dt.date.fromisoformat((period or {}).get("end") or "")
    except ValueError:
        return float("inf")
    return (last - first).days


def _where_when(claim: dict[str, Any]) -> dict[str, Any]:
    return {"place": claim.get("place"), "period": claim.get("period"), "perpetrator": claim.get("perpetrator"),
            "cause": claim.get("cause")}


def _same_event(claim: dict[str, Any], lead: dict[str, Any]) -> bool:
    a, b = claim.get("place") or {}, lead.get("place") or {}
    if a and b and a.get("name") != b.get("name") and a.get("admin1") != b.get("admin1"):
        return False
    return True


def analyse(doc: Document) -> dict[str, Any]:
    """The SPEC output object for one document."""
    claims, lead = _extract(doc)
    summary = summarize(claims, doc)
    if summary is not None:  # what the main claim's own context leaves open, the report's lead may say
        if (summary.get("place") or {}).get("precision") in (None, "country"):
            later = lead.get("later_place")
            summary["place"] = lead.get("place") or (later() if later else None) or summary.get("place")
        summary["cause"] = summary.get("cause") or lead.get("cause")
        perpetrator = summary.get("perpetrator") or {}
        nobody = not perpetrator.get("text") or perpetrator.get("partisan_label")  # (a label names nobody)
        responsible = lead.get("responsible")
        claimed = responsible() if nobody and responsible else None
        attacker, headline = lead.get("actor") or (None, False)
        if claimed:  # "IS claimed responsibility for the attack"
            summary["perpetrator"] = claimed
        # the attacker the lead names by its weapon; the one the headline names as its subject, also for
        # a label ("terrorists fired shells")
        elif attacker and not perpetrator.get("unattributed") and not perpetrator.get("friendly_fire") \
                and (not perpetrator.get("text") or headline):
            summary["perpetrator"] = attacker
    return {"document": doc.as_json(), "claims": claims, "summary": summary}


