"""Who did it and who says so: the actor (perpetrator) and source (claimant) lexicons and their recognisers.

The words live in data files (``data/actors.toml``, ``data/sources.toml``; their comment blocks give the
schema). This module compiles them, once per process, into one regular expression per script (Arabic,
Latin) built as a prefix trie, so a document is scanned in a single pass per script:

>>> [(m.text, m.actor.id) for m in find_actors("قصفت قوات النظام بلدة كفرنبل")]
[('قوات النظام', 'syrian_government')]

Matching is done on :class:`marsad.arabic.NormalizedText`, so spelling variants of hamza, ta marbuta,
alef maqsura and diacritics match, and every span is reported in the ORIGINAL text. Arabic proclitics
(و ف ب ل ك, and ل + ال written لل) are recognised in front of any phrase; the reported span leaves out a
separate proclitic (``لقوات النظام`` -> ``قوات النظام``) but keeps a merged ``لل`` (``للنظام``), whose
letters belong to the article as much as to the preposition. Latin script is matched case-insensitively
on word boundaries, except where a guard asks for the exact case ("IS", "US", "WHO").

Partisan wording: an alias marked partisan ("قوات الأسد", "ميليشيا قسد", "الاحتلال التركي") still
identifies its actor, and the mention says ``partisan=True`` so output shows the neutral ``Actor.name``
instead. A generic label ("الإرهابيين", "terrorists", "gunmen", "المرتزقة") identifies nobody: its
mention has ``actor=None``, whoever uses it. Which actor such a label points at in a given report is a
question for the claim extractor, which sees the context; this module never guesses it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import product
from typing import Any, NamedTuple

from marsad import resources
from marsad.arabic import (
    MARKS,
    NormalizedText,
    clitic_variants,
    is_arabic,
    normalize,
    proclitic_strings,
)

ACTORS_RESOURCE = "actors.toml"
SOURCES_RESOURCE = "sources.toml"
UNKNOWN_ID = "unknown"
SOURCE_TYPES = frozenset({
    "monitor", "ngo", "civil_defence", "local_network", "state_media", "media", "official", "un",
    "belligerent", "medical", "activist",
})


# ---------------------------------------------------------------------------------------------- API types


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    name_ar: str | None


@dataclass(frozen=True)
class ActorMention:
    start: int  # span in the ORIGINAL text
    end: int
    text: str
    actor: Actor | None  # None for a label that names nobody ("terrorists", "gunmen")
    partisan: bool  # the words are a partisan / derogatory label
    via: str  # "name" | "alias" | "weapon" (a weapon or aircraft cue, e.g. "Russian warplanes") | "anaphor"
    #           (a word that refers back to a group named before it, "التنظيم": see data [[anaphors]]) |
    #           "speaker" (a belligerent source speaking of its own attack: marsad.extract)


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    name_ar: str | None
    type: str
    generic: bool
    actor: str | None = None  # a belligerent's side (an actor id): its own attacks are that side's


@dataclass(frozen=True)
class SourceMention:
    start: int
    end: int
    text: str
    source: Source


# ---------------------------------------------------------------------------------------------- phrases

_SEPARATORS = re.compile(r"[\s_\"'/.\-]+")
_QUOTES = "\"'"
_AR_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff"
_LAT_LETTERS = "a-z0-9\u00c0-\u024f"
# between two Arabic words: spaces, hashtag underscores, quotes (تنظيم "الدولة")
_AR_SEP = r"[\s_\"']+"
_LAT_SEP = r"[\s_\"'\-]+"
# the alef of the article, which drops after the preposition ل (ل + النظام -> للنظام)
_ALEF_OF_ARTICLE = "(?:ا|(?<=ل))"
_PREV_WORD = re.compile(r"(\w++)[\s_\"']*\Z")  # possessive: the same match, without retrying inside words
_NEXT_WORD = re.compile(r"[\s_\"']*(\w+)")


def _compact(text: str) -> str:
    """Lookup key of a normalised phrase or matched text: separators, dots and apostrophes removed."""
    return _SEPARATORS.sub("", text)


def expand(phrase: str) -> list[str]:
    """All phrases written by ``phrase``'s ``{a|b|}`` alternatives, whitespace collapsed."""
    parts = re.split(r"(\{[^{}]*\})", phrase)
    options = [p[1:-1].split("|") if p.startswith("{") and p.endswith("}") else [p] for p in parts]
    out: list[str] = []
    for combo in product(*options):
        text = re.sub(r"\s+", " ", "".join(combo)).strip()
        if text and text not in out:
            out.append(text)
    return out


def _definiteness_variant(phrase: str) -> str | None:
    """"طائرة مسيرة تركية" <-> "الطائرة المسيرة التركية" (normalised Arabic weapon cues)."""
    words = phrase.split()
    if len(words) < 2 or not all(is_arabic(w) for w in words):
        return None
    if all(w.startswith("ال") and len(w) > 3 for w in words):
        return " ".join(w[2:] for w in words)
    if not any(w.startswith("ال") for w in words):
        return " ".join("ال" + w for w in words)
    return None


def _merged_lam(phrase: str) -> str | None:
    """ل + اللجنة is written للجنة: the form to list for phrases whose article meets a lam.

    (ل + النظام -> للنظام needs no listing: the pattern of every ال phrase lets its alef drop after ل.)
    """
    if phrase.startswith("الل") and len(phrase) > 4:
        return "لل" + phrase[3:]
    return None


def _tokens(phrase: str, latin: bool) -> list[str]:
    """Regex fragments, one per character of a normalised phrase (separators become classes)."""
    out: list[str] = []
    for i, ch in enumerate(phrase):
        if i == 0 and not latin and phrase.startswith("ال") and len(phrase) > 3:
            out.append(_ALEF_OF_ARTICLE)
        elif ch == " ":
            nxt = phrase[i + 1] if i + 1 < len(phrase) else ""
            if latin:
                out.append(_LAT_SEP)
            else:
                out.append(r"[\s_\"']*" if nxt.isdigit() else _AR_SEP)
        elif ch == "/":
            out.append(r"\s*/\s*")
        elif latin and ch == "-":
            out.append(r"[\s\-]?")
        elif latin and ch in ".'":
            out.append(re.escape(ch) + "?")
        else:
            out.append(re.escape(ch))
    return out


def _trie_regex(phrases: Iterable[list[str]], after_first: str = "") -> str:
    """One alternation for many token sequences, factored as a trie; longer matches are tried first.

    ``after_first`` is inserted after the first token of every phrase (used for a boundary check that
    lets the pattern begin with a plain character set, which the regex engine scans for quickly).
    """
    root: dict[Any, Any] = {}
    for toks in phrases:
        node = root
        for t in toks:
            node = node.setdefault(t, {})
        node[None] = True

    def build(node: dict[Any, Any], depth: int = 0) -> str:
        glue = after_first if depth == 0 else ""
        alts = [tok + glue + build(child, depth + 1) for tok, child in node.items() if tok is not None]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if None in node:
            return "(?:" + body + ")?"
        return body

    return build(root)


# ---------------------------------------------------------------------------------------------- guards


@dataclass(frozen=True)
class _Guard:
    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    quoted: bool = False
    clitic: frozenset[str] = frozenset()
    not_prev: frozenset[str] = frozenset()
    not_next: frozenset[str] = frozenset()
    not_next_re: re.Pattern[str] | None = None
    allow_next: frozenset[str] = frozenset()
    case_sensitive: bool = False
    no_caps_context: bool = False

    @property
    def needs_context(self) -> bool:
        return bool(self.prev or self.next or self.quoted or self.clitic)


def _words(values: Any, wordlists: dict[str, Any]) -> frozenset[str]:
    out: set[str] = set()
    for v in values or []:
        if isinstance(v, str) and v.startswith("@"):
            out.update(normalize(w) for w in wordlists.get(v[1:], []))
        elif v == "#num":
            out.add(v)
        else:
            out.add(normalize(v))
    return frozenset(out)


def _guard(spec: dict[str, Any], wordlists: dict[str, Any]) -> _Guard:
    pattern = spec.get("not_next_re")
    if isinstance(pattern, str) and pattern.startswith("@"):
        pattern = "|".join(wordlists.get(pattern[1:], []))
    return _Guard(
        prev=_words(spec.get("prev"), wordlists),
        next=_words(spec.get("next"), wordlists),
        quoted=bool(spec.get("quoted", False)),
        clitic=frozenset(normalize(c) for c in spec.get("clitic", [])),
        not_prev=_words(spec.get("not_prev"), wordlists),
        not_next=_words(spec.get("not_next"), wordlists),
        not_next_re=re.compile(f"(?:{normalize(pattern)})") if pattern else None,
        allow_next=_words(spec.get("allow_next"), wordlists),
        case_sensitive=bool(spec.get("case_sensitive", False)),
        no_caps_context=bool(spec.get("no_caps_context", False)),
    )


def _word_forms(word: str) -> list[str]:
    return clitic_variants(word) if is_arabic(word) else [word]


def _is_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# ---------------------------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Entry:
    target: Any  # Actor | None | Source
    partisan: bool = False
    weapon: bool = False
    cased: frozenset[str] = frozenset()  # the phrase's compact spellings with their letter case


class _Match(NamedTuple):
    start: int  # normalised offsets of the phrase itself (proclitic excluded)
    end: int
    key: str  # the phrase's lookup key
    entry: _Entry


@dataclass
class _Lexicon:
    """Phrases -> targets, compiled into one regex per script."""

    entries: dict[str, _Entry] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)  # normalised phrase as listed -> its key
    merged: dict[str, str] = field(default_factory=dict)  # compact "للنظام" -> compact "النظام"
    guards: dict[str, _Guard] = field(default_factory=dict)
    default_guard: dict[str, _Guard] = field(default_factory=dict)  # per key, e.g. weapon cues
    _ar: re.Pattern[str] | None = None
    _ar_fast: re.Pattern[str] | None = None  # _ar from the character before the match (see _scan)
    # the letter runs a match of _ar can start with (see _ar_candidates); None: any (use _ar_fast)
    _ar_runs: frozenset[str] | None = None
    # every Latin phrase has an ASCII letter, which any match of _lat then has too
    _lat_has_letter: bool = False
    _lat: re.Pattern[str] | None = None
    _ar_phrases: dict[str, list[str]] = field(default_factory=dict)
    _lat_phrases: dict[str, list[str]] = field(default_factory=dict)

    def add(self, phrase: str, entry: _Entry, *, weapon: bool = False) -> None:
        for original in expand(phrase):
            norm = normalize(original)
            variants = [norm]
            if weapon and (other := _definiteness_variant(norm)):
                variants.append(other)
            for v in variants:
                key = _compact(v)
                if not key:
                    continue
                cased = set(self.entries[key].cased) if key in self.entries else set()
                cased.add(_compact(original))
                self.entries[key] = _Entry(entry.target, entry.partisan, entry.weapon, frozenset(cased))
                self.exact[v] = key
                if is_arabic(v):
                    self._ar_phrases[v] = _tokens(v, latin=False)
                    if (m := _merged_lam(v)) is not None:
                        self._ar_phrases[m] = _tokens(m, latin=False)
                        self.merged[_compact(m)] = key
                else:
                    self._lat_phrases[v] = _tokens(v, latin=True)

    def add_guard(self, phrase: str, guard: _Guard) -> None:
        for p in expand(phrase):
            self.guards[_compact(normalize(p))] = guard

    def compile(self) -> None:
        # Each pattern checks the cheap conditions first (a letter that can start a phrase, a word
        # boundary) so that the regex engine leaves most positions before reaching the phrase trie.
        ar = _trie_regex(self._ar_phrases.values())
        # Latin phrases all begin with a letter or digit: the pattern starts with that character and
        # then checks that no letter stands before it
        lat = _trie_regex(self._lat_phrases.values(), after_first=f"(?<![{_LAT_LETTERS}].)")
        rest = f"(?=[{_AR_LETTERS}\"'])(?P<pc>[وف]?[بلك]?)[\"']?(?P<body>{ar})(?![{_AR_LETTERS}0-9])"
        self._ar = re.compile(f"(?<![{_AR_LETTERS}0-9]){rest}") if ar else None
        # the same matches, found from the non-letter before them: a pattern that begins with a
        # character class lets the regex engine skip the letters inside words quickly
        self._ar_fast = re.compile(f"[^{_AR_LETTERS}0-9]{rest}") if ar else None
        self._lat = re.compile(
            f"(?P<body>{lat})(?:'s?)?(?![{_LAT_LETTERS}])"
        ) if lat else None
        self._ar_runs = _match_runs(self._ar_phrases)
        self._lat_has_letter = all(_ASCII_LETTER.search(p) for p in self._lat_phrases)

    def find(self, nt: NormalizedText, language: str | None) -> list[_Match]:
        text = nt.text
        found: list[_Match] = []
        # a text whose words are all Arabic (see WordIndex.only_letters) has no Latin letter, which
        # every Latin phrase has ("4th division")
        words = nt.built_words()
        if self._lat is not None and not (self._lat_has_letter and words is not None and words.only_letters):
            found.extend(self._scan(self._lat, nt))
        if self._ar is not None and language != "en" and (language == "ar" or is_arabic(text)):
            found.extend(self._scan(self._ar, nt, self._ar_fast, self._ar_candidates(nt)))
        if not found:
            return found
        found.sort(key=lambda m: (m.start, m.start - m.end))
        out: list[_Match] = []
        last_end = -1
        for m in found:
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
        return out

    def _ar_candidates(self, nt: NormalizedText) -> list[int] | None:
        """Every offset where ``_ar`` may match in ``nt.text``, in order, when the text's words tell
        (its letter runs are its tokens, see :class:`marsad.arabic.WordIndex`); else None.

        A match starts where no letter or digit stands before it, with a letter or a quote: at a
        quote, or at a run of letters that is a proclitic before a quote or a proclitic and the
        first word of a phrase (see _match_runs)."""
        if self._ar_runs is None:
            return None
        words = nt.words()
        out = words.runs_in(self._ar_runs)
        quotes = words.quotes
        if quotes and out:
            # a match from a quote has the phrase right after it, whose first run is one of those found
            # (the quote before it stands for "no letter before"): most quotes are left out
            heads = set(out)
            text = nt.text
            for start in words.runs_in(_PROCLITIC_RUNS):  # a run of one or two letters
                if (text[start + 1:start + 2] in _QUOTE_CHARS and start + 2 in heads) or (
                        text[start + 2:start + 3] in _QUOTE_CHARS and start + 3 in heads):
                    out.append(start)
            out += [q for q in quotes if q + 1 in heads]
            out.sort()
        return out

    def _scan(self, pattern: re.Pattern[str], nt: NormalizedText, fast: re.Pattern[str] | None = None,
              candidates: list[int] | None = None) -> Iterator[_Match]:
        """The matches of ``pattern`` that pass their guards.

        ``fast``, if given, is ``pattern`` with its first test (no letter before) turned into a
        character matched before the phrase: a search for it from ``pos - 1`` finds the same match
        as a search for ``pattern`` from ``pos`` (at the start of the text, where no character stands
        before, ``pattern`` itself is tried). ``candidates``, if given, are all the offsets where
        ``pattern`` can match, in order: trying it at those from ``pos`` on finds the same match as a
        search from ``pos``."""
        text = nt.text
        has_clitics = "pc" in pattern.groupindex
        pos = 0
        k = 0  # the next candidate
        while True:
            if candidates is not None:
                m = None
                k = bisect_left(candidates, pos, k)
                while k < len(candidates):
                    m = pattern.match(text, candidates[k])
                    if m is not None:
                        break
                    k += 1
            elif fast is None:
                m = pattern.search(text, pos)
            elif pos == 0:
                m = pattern.match(text) or fast.search(text)
            else:
                m = fast.search(text, pos - 1)
            if m is None:
                break
            # a rejected match lets the scan resume inside it: "قصف التحالف العربي" is not the
            # US-led coalition's shelling, but "التحالف العربي" is still there to find
            pos = m.start("body") + 1
            body = m.group("body")
            key = self.exact.get(body) or _compact(body)
            clitic = m.group("pc") if has_clitics else ""
            start, end = m.span("body")
            entry = self.entries.get(key)
            if entry is None and clitic.endswith("ل") and body.startswith("ل"):
                # "للنظام": the preposition ل merged with the article of "النظام"; the span keeps "لل"
                key = "ا" + key
                entry = self.entries.get(key)
                start -= 1
            elif entry is None and key in self.merged:  # "للجنة" for "اللجنة"
                key = self.merged[key]
                entry = self.entries.get(key)
                clitic += "ل"
            if entry is None:  # cannot happen unless a phrase maps to nothing; be safe
                continue
            guard = self.guards.get(key) or self.default_guard.get(key)
            outer = m.start("pc") if has_clitics else m.start()
            if guard is not None and not self._passes(guard, entry, nt, outer, start, end, clitic):
                continue
            pos = m.end()
            yield _Match(start, end, key, entry)

    @staticmethod
    def _passes(g: _Guard, entry: _Entry, nt: NormalizedText, outer: int, start: int, end: int,
                clitic: str) -> bool:
        text = nt.text
        pm = _PREV_WORD.search(text, max(0, outer - 80), outer)
        prev = pm.group(1) if pm else ""
        nm = _NEXT_WORD.match(text, end)
        nxt = nm.group(1) if nm else ""
        if g.case_sensitive or g.no_caps_context:
            ostart, oend = nt.span(start, end)
            original = nt.original
            if g.case_sensitive and _compact(original[ostart:oend]) not in entry.cased:
                return False
            if g.no_caps_context:
                before = re.search(r"(\S+)\s*\Z", original[max(0, ostart - 40):ostart])
                after = re.match(r"\s*(\S+)", original[oend:oend + 40])
                if (before and _is_caps_word(before.group(1))) or (after and _is_caps_word(after.group(1))):
                    return False
        prev_forms = _word_forms(prev) if prev else []
        if g.not_prev and any(f in g.not_prev for f in prev_forms):
            return False
        if nxt and nxt not in g.allow_next:
            if nxt in g.not_next or (g.not_next_re is not None and g.not_next_re.fullmatch(nxt)):
                return False
        if not g.needs_context:
            return True
        if g.prev and (any(f in g.prev for f in prev_forms) or ("#num" in g.prev and prev.isdigit())):
            return True
        if g.next and nxt and any(f in g.next for f in _word_forms(nxt)):
            return True
        if g.quoted and 0 < start and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
            return True
        if g.clitic and clitic in g.clitic:
            return True
        return False


_PROCLITICS = proclitic_strings()  # what (?P<pc>) matches
_PROCLITIC_RUNS = frozenset(_PROCLITICS[1:])
_QUOTE_CHARS = frozenset(_QUOTES)
_LETTER_RUN = re.compile("[\u0621-\u064a]+")
_ASCII_LETTER = re.compile("[a-z]")


def _match_runs(phrases: dict[str, list[str]]) -> frozenset[str] | None:
    """The runs of letters a match of the Arabic pattern can begin with, in a text whose every
    letter is a plain Arabic letter (U+0621-U+064A): a proclitic and the first letters of a phrase,
    up to its first character that is not such a letter (a phrase begins a word, so that run is the
    whole run of the text); for a phrase with the article, also a proclitic ل and the phrase without
    its alef ("للنظام"). None when a phrase does not begin with a letter (then any word may start a
    match)."""
    runs: set[str] = set()
    for phrase, tokens in phrases.items():
        head = _LETTER_RUN.match(phrase)
        if head is None:
            return None
        for pc in _PROCLITICS:
            runs.add(pc + head.group())
            if tokens[0] == _ALEF_OF_ARTICLE and pc.endswith("ل"):
                runs.add(pc + head.group()[1:])
    return frozenset(runs)


def _read_guards(lex: _Lexicon, data: dict[str, Any]) -> None:
    wordlists = data.get("wordlists", {})
    for spec in data.get("guards", []):
        lex.add_guard(spec["phrase"], _guard(spec, wordlists))


# ---------------------------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class _ActorData:
    actors: dict[str, Actor]
    name_keys: frozenset[str]  # lookup keys of phrases that are an actor's own neutral name
    lexicon: _Lexicon


@cache
def _actor_data() -> _ActorData:
    data = resources.load(ACTORS_RESOURCE)
    lex = _Lexicon()
    actors: dict[str, Actor] = {}
    names: dict[str, frozenset[str]] = {}
    labels = data.get("labels", {})
    for lang in ("ar", "en"):
        for phrase in labels.get(lang, []):
            lex.add(phrase, _Entry(None, partisan=False))
        for phrase in labels.get(f"{lang}_partisan", []):
            lex.add(phrase, _Entry(None, partisan=True))
    weapon_keys: list[str] = []
    for actor_id, spec in data.get("actors", {}).items():
        a = Actor(actor_id, spec.get("name", actor_id), spec.get("name_ar"))
        actors[actor_id] = a
        names[actor_id] = frozenset(_compact(normalize(n)) for n in (a.name, a.name_ar) if n)
        for lang in ("ar", "en"):
            for phrase in spec.get(lang, []):
                lex.add(phrase, _Entry(a))
            for phrase in spec.get(f"{lang}_partisan", []):
                lex.add(phrase, _Entry(a, partisan=True))
            for phrase in spec.get(f"{lang}_weapons", []):
                lex.add(phrase, _Entry(a, weapon=True), weapon=True)
                weapon_keys.extend(_keys_of(phrase, weapon=True))
    if UNKNOWN_ID not in actors:
        actors[UNKNOWN_ID] = Actor(UNKNOWN_ID, "Unknown", None)
    _read_guards(lex, data)
    if "weapon_guard" in data:
        wg = _guard(data["weapon_guard"], data.get("wordlists", {}))
        for key in weapon_keys:
            if lex.entries.get(key) is not None and lex.entries[key].weapon:
                lex.default_guard[key] = wg
    lex.compile()
    name_keys = frozenset(k for k, e in lex.entries.items()
                          if e.target is not None and not e.weapon and k in names[e.target.id])
    return _ActorData(actors, name_keys, lex)


def _keys_of(phrase: str, *, weapon: bool = False) -> set[str]:
    keys = set()
    for p in expand(phrase):
        n = normalize(p)
        keys.add(_compact(n))
        if weapon and (other := _definiteness_variant(n)):
            keys.add(_compact(other))
    return keys


def actor(id: str) -> Actor:  # noqa: A002 - the contract's name
    """The actor with this id; an unknown id gives the ``unknown`` actor."""
    actors = _actor_data().actors
    return actors.get(id) or actors[UNKNOWN_ID]


def all_actors() -> list[Actor]:
    """Every actor defined in the data files, in file order."""
    return list(_actor_data().actors.values())


@lru_cache(maxsize=16)
def _normalized(text: str) -> NormalizedText:
    return NormalizedText.of(text)


_TRAILING_MARKS = re.compile(f"[{re.escape(MARKS)}]*")


def _original_span(nt: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """Original span of a normalised match, with the diacritics that follow its last letter."""
    s, e = nt.span(start, end)
    if nt.shifts:
        e = _TRAILING_MARKS.match(nt.original, e).end()
    return s, e


def _as_normalized(text: str | NormalizedText) -> NormalizedText:
    return text if isinstance(text, NormalizedText) else _normalized(text)


def find_actors(text: str | NormalizedText, language: str | None = None) -> list[ActorMention]:
    """Every mention of an actor, partisan label or weapon cue that implies an actor, in text order.

    ``language`` "en" skips the Arabic lexicon; "ar" and None use both (Arabic texts quote Latin acronyms
    such as SDF or PKK). A :class:`NormalizedText` may be passed to share one normalisation between
    recognisers.
    """
    nt = _as_normalized(text)
    data = _actor_data()
    out: list[ActorMention] = []
    for m in data.lexicon.find(nt, language):
        a = m.entry.target
        s, e = _original_span(nt, m.start, m.end)
        via = "weapon" if m.entry.weapon else "name" if m.key in data.name_keys else "alias"
        out.append(ActorMention(s, e, nt.original[s:e], a, m.entry.partisan, via))
    if language != "en":
        anaphors = find_anaphors(nt, out)
        if anaphors:
            out = sorted(out + anaphors, key=lambda m: m.start)
    return out


# ---------------------------------------------------------------------------------------------- anaphors


@dataclass(frozen=True)
class _Anaphor:
    pattern: re.Pattern[str]  # on normalised text; group "w" is the word with its article
    stem: str  # the word without its article, which every match ends with: matches are found from its occurrences
    heads: tuple[str, ...]  # normalised head nouns of the kind ("تنظيم")
    kinds: frozenset[str]  # ids of actors with a neutral Arabic alias headed by one of them
    within: int
    label: bool
    guard: _Guard


@cache
def _anaphor_data() -> tuple[_Anaphor, ...]:
    data = resources.load(ACTORS_RESOURCE)
    wordlists = data.get("wordlists", {})
    out = []
    for spec in data.get("anaphors", []):
        word = normalize(spec["phrase"])
        stem = word[2:] if word.startswith("ال") else word
        rest = re.escape(stem)
        # "التنظيم", "والتنظيم", "بالتنظيم", "للتنظيم" (ل + ال written لل)
        pattern = re.compile(rf"(?<!\w)(?:[وف]?[بك]?(?P<w>ال{rest})|[وف]?(?P<l>لل{rest}))(?!\w)")
        heads = tuple(normalize(h) for h in spec.get("heads", []))
        kinds = frozenset(
            actor_id for actor_id, a in data.get("actors", {}).items()
            if any(normalize(p).startswith(h + " ") for phrase in a.get("ar", []) for p in expand(phrase)
                   for h in heads))
        out.append(_Anaphor(pattern, stem, heads, kinds,
                            int(spec.get("within", 1500)), bool(spec.get("label", False)), _guard(spec, wordlists)))
    return tuple(out)


def _of_kind(mention: ActorMention, kind: _Anaphor) -> bool:
    if mention.actor is None or mention.actor.id == UNKNOWN_ID or mention.via == "weapon":
        return False
    named = normalize(mention.text)
    return mention.actor.id in kind.kinds or any(named.startswith(h + " ") for h in kind.heads)


def _anaphor_matches(kind: _Anaphor, norm: str) -> Iterator[re.Match[str]]:
    """The same matches as ``kind.pattern.finditer(norm)``, found from the occurrences of the stem: a
    match is one whole word that ends with the stem, with two to four letters before it ("ال", "لل",
    "وبال"), so it can only begin 2, 3 or 4 characters before an occurrence (and where no letter stands
    before it: at most one of those)."""
    stem, pattern = kind.stem, kind.pattern
    i = norm.find(stem, 2)
    while i >= 0:
        end = i + len(stem)
        for start in (i - 4, i - 3, i - 2):
            if start >= 0 and (m := pattern.match(norm, start)) is not None and m.end() == end:
                yield m
                break
        i = norm.find(stem, i + 1)


def find_anaphors(text: str | NormalizedText, mentions: list[ActorMention]) -> list[ActorMention]:
    """The words that refer back to an armed group by its kind ("قصف التنظيم البلدة" after "تنظيم داعش"),
    as mentions of that group (via "anaphor"): the last group of that kind named in ``mentions`` before
    the word (within the anaphor's reach), unless a group of another actor of that kind was named shortly
    before it (ambiguous). Unresolved, the word is a label that names nobody (actor None) when its
    anaphor says ``label``, else no mention. A group "of the kind" is one named with a head noun
    ("تنظيم ي ب ك") or one of whose neutral aliases has it ("تنظيم داعش" for "داعش")."""
    kinds = _anaphor_data()
    if not kinds:
        return []
    nt = _as_normalized(text)
    norm = nt.text
    out: list[ActorMention] = []
    for kind in kinds:
        for m in _anaphor_matches(kind, norm):
            start, end = m.span("w") if m.group("w") is not None else m.span("l")
            s, e = _original_span(nt, start, end)
            if any(x.start < e and s < x.end for x in mentions):
                continue  # part of a name ("التنظيم" in a longer phrase)
            nm = _NEXT_WORD.match(norm, end)
            nxt = nm.group(1) if nm else ""
            g = kind.guard
            if nxt and nxt not in g.allow_next and (
                    nxt in g.not_next or (g.not_next_re is not None and g.not_next_re.fullmatch(nxt))):
                continue  # "الهيئة العامة", "الحركة التجارية"
            if g.prev:  # the doer's place: "قصف التنظيم", "على يد التنظيم", "هجوم للتنظيم"
                pm = _PREV_WORD.search(norm, max(0, m.start() - 80), m.start())
                if pm is None or not any(f in g.prev for f in _word_forms(pm.group(1))):
                    continue
            before = [x for x in mentions if x.end <= s and x.start >= s - kind.within and _of_kind(x, kind)]
            actor_ = None
            if before:
                last = before[-1]
                assert last.actor is not None
                near = last.start - AMBIGUOUS_CHARS
                if not any(x.actor is not None and x.actor.id != last.actor.id and x.start >= near
                           for x in before[:-1]):
                    actor_ = last.actor
            if actor_ is not None or kind.label:
                out.append(ActorMention(s, e, nt.original[s:e], actor_, False, "anaphor"))
    return out


# two groups of a kind named this close together: "التنظيم" after both may mean either
AMBIGUOUS_CHARS = 200


# ---------------------------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class _SourceData:
    sources: dict[str, Source]
    lexicon: _Lexicon


@cache
def _source_data() -> _SourceData:
    data = resources.load(SOURCES_RESOURCE)
    lex = _Lexicon()
    sources: dict[str, Source] = {}
    for key, spec in data.get("sources", {}).items():
        kind = spec.get("type", "media")
        if kind not in SOURCE_TYPES:
            raise ValueError(f"{SOURCES_RESOURCE}: source {key!r} has unknown type {kind!r}")
        side = spec.get("actor")
        if side is not None and side not in _actor_data().actors:
            raise ValueError(f"{SOURCES_RESOURCE}: source {key!r} speaks for unknown actor {side!r}")
        s = Source(key, spec.get("name", key), spec.get("name_ar"), kind, bool(spec.get("generic", False)), side)
        sources[key] = s
        for lang in ("ar", "en"):
            for phrase in spec.get(lang, []):
                lex.add(phrase, _Entry(s))
    _read_guards(lex, data)
    lex.compile()
    return _SourceData(sources, lex)


def source(key: str) -> Source | None:
    """The source with this key, or None."""
    return _source_data().sources.get(key)


def all_sources() -> list[Source]:
    """Every source defined in the data files, in file order."""
    return list(_source_data().sources.values())


def find_sources(text: str | NormalizedText, language: str | None = None) -> list[SourceMention]:
    """Every mention of a claimant (monitor, outlet, official, "activists"...), in text order."""
    nt = _as_normalized(text)
    out: list[SourceMention] = []
    for m in _source_data().lexicon.find(nt, language):
        s, e = _original_span(nt, m.start, m.end)
        out.append(SourceMention(s, e, nt.original[s:e], m.entry.target))
    return out
