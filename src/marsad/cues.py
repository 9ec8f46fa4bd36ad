"""Cue words: outcome verbs and nouns, attribution, allegation, denial, cause and scope words.

The words live in ``data/<lang>/cues.toml``; this module compiles them once per language into one
regular expression over the normalised text (``marsad.arabic``) and reports every match with its
categories (``"outcome.killed.verbs"``, ``"cause.airstrike"``, ``"attribution"`` ...) and its span in
the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad import resources
from marsad.arabic import NormalizedText, normalize

LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    categories: tuple[str, ...]   # e.g. ("outcome.killed.events", "cause.execution")

    def __post_init__(self) -> None:
        # what has() and category() ask, computed once per set of categories (not a field: no part of
        # the cue's value, repr or equality); extract asks them hundreds of thousands of times
        object.__setattr__(self, "_prefixes", _prefixes(self.categories))

    def has(self, prefix: str) -> bool:
        """Whether a category is ``prefix`` or under it ("outcome" covers "outcome.killed.verbs")."""
        return prefix in self._prefixes  # type: ignore[attr-defined]

    def category(self, prefix: str) -> str | None:
        """The first category under ``prefix`` ("outcome" -> "outcome.killed.verbs")."""
        return self._prefixes.get(prefix)  # type: ignore[attr-defined]


@cache
def _prefixes(categories: tuple[str, ...]) -> dict[str, str]:
    """Every prefix of the categories ("outcome", "outcome.killed", "outcome.killed.verbs") with the
    first category under it."""
    out: dict[str, str] = {}
    for category in categories:
        parts = category.split(".")
        for i in range(1, len(parts) + 1):
            out.setdefault(".".join(parts[:i]), category)
    return out


def _categories(table: dict, path: tuple[str, ...] = ()) -> list[tuple[str, list[str], str]]:
    """(category, words, list name) for every word list: outcome lists keep their role
    ("outcome.killed.verbs"); other lists are named by their table ("attribution", "cause.airstrike")."""
    out: list[tuple[str, list[str], str]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            out += _categories(value, (*path, key))
        elif isinstance(value, list) and path:
            out.append((".".join((*path, key) if path[0] == "outcome" else path), value, key))
    return out


# tables whose "verbs" lists are verbs only: such a form takes no article or preposition in front
_VERB_TABLES = ("outcome", "attack")
_VERB_PREFIXES = frozenset({"", "و", "ف", "ل"})


_Entry = tuple[tuple[str, ...], str, tuple[str, ...]]  # (rest of the phrase, key, categories)


@dataclass(frozen=True)
class _Lexicon:
    """Phrases by their first word (in every proclitic form, for Arabic): one regular expression finds
    the words that can start a phrase, and only those are looked at."""

    starts: dict[str, list[_Entry]]  # form -> entries, the longest phrase first
    # form -> (one pattern for the rests of its longer phrases, in order, or None; the categories of
    # those phrases by group; the categories of its one-word phrase, or None)
    plans: dict[str, tuple[re.Pattern[str] | None, tuple[tuple[str, ...], ...], tuple[str, ...] | None]]
    finders: tuple[re.Pattern[str], ...]  # the start forms, each as a whole token (see _finder)


# a word is a run of Arabic letters or of other letters and digits: scraped posts glue a Latin handle
# to the Arabic word after it ("@alaliاستشهد")
_WORD = re.compile(r"[\u0621-\u064a]+|[^\W_\u0600-\u06ff]+")
_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_LAT_WORD = re.compile(r"[^\W_\u0600-\u06ff]+")
_AR_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وبال")


@cache
def _lexicon(language: str) -> _Lexicon:
    data = resources.load(f"{language}/cues.toml")
    by_phrase: dict[tuple[str, ...], list[str]] = {}
    not_verb: set[tuple[str, ...]] = set()  # phrases listed somewhere other than a verbs list
    for category, words, list_name in _categories(data):
        verbs = list_name == "verbs" and category.split(".")[0] in _VERB_TABLES
        for word in words:
            key = tuple(normalize(word).split())
            if key and category not in by_phrase.setdefault(key, []):
                by_phrase[key].append(category)
            if key and not verbs:
                not_verb.add(key)
    starts: dict[str, list[_Entry]] = {}
    for phrase, categories in by_phrase.items():
        first, rest = phrase[0], phrase[1:]
        prefixes = _AR_PREFIXES if language == "ar" else ("",)
        for prefix in prefixes:
            if prefix.endswith("ال") and first.startswith("ال"):
                continue
            if phrase not in not_verb and prefix not in _VERB_PREFIXES:
                continue  # "كفر" is no form of "فر" (fled), "الهجر" none of "هجر"
            starts.setdefault(prefix + first, []).append((rest, " ".join(phrase), tuple(categories)))
    for entries in starts.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)  # the longest phrase first
    plans = {}
    for form, entries in starts.items():
        longer = [e for e in entries if e[0]]
        single = next((e[2] for e in entries if not e[0]), None)
        pattern = re.compile("|".join(f"({_rest_pattern(e[0]).pattern})" for e in longer)) if longer else None
        plans[form] = (pattern, tuple(e[2] for e in longer), single)
    # a form can only ever be found as a whole word (a token of _WORD): the Arabic and the other ones
    # a form that is no cue alone ("في", of "في صفوف") is only found where the next word can go on
    # with one of its phrases: common words are not handed one by one to the loop of find_cues
    nexts = {form: sorted({rest[0] for rest, _key, _categories in entries})
             for form, entries in starts.items() if plans[form][2] is None}
    finders = tuple(_finder(forms, letter, other, nexts) for forms, letter, other in (
        ([w for w in starts if _AR_WORD.fullmatch(w)], "[\u0621-\u064a]", "[^\u0621-\u064a]"),
        ([w for w in starts if _LAT_WORD.fullmatch(w)], r"[^\W_\u0600-\u06ff]", r"[\W_\u0600-\u06ff]"))
        if forms)
    return _Lexicon(starts, plans, finders)


def _finder(forms: list[str], letter: str, other: str, nexts: dict[str, list[str]]) -> re.Pattern[str]:
    """A pattern for ``forms`` as whole words (``letter``: the characters of their kind of word,
    ``other``: all the rest): the character before the word (the caller puts a space before the
    text) and the word, as a prefix tree. Starting with a character class lets the regex engine skip
    the letters inside words quickly. A form in ``nexts`` must be followed by one of its next words."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = form

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if "" in node:  # the word ends here
            after = nexts.get(node[""])
            alts.append(f"(?!{letter})" + (rf"(?=[^\w]+(?:{'|'.join(map(re.escape, after))}))" if after else ""))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(f"{other}({build(root)})")


@cache
def _rest_pattern(rest: tuple[str, ...]) -> re.Pattern[str]:
    end = r"(?![\u0621-\u064a])" if "\u0621" <= rest[-1][0] <= "\u064a" else r"(?![^\W\u0600-\u06ff])"
    return re.compile("".join(rf"[^\w]+{re.escape(w)}" for w in rest) + end)


# ة and ى end a word: a letter right after one begins the next word (scraped posts lose their line
# breaks: "...محطة السويديةاستشهد 8 أشخاص", "رحمة الله تعالىالشهيد ...")
# (one pattern per letter: a pattern that begins with a literal is searched much faster than a class)
_GLUED = tuple(re.compile(letter + "(?=[\u0621-\u063a\u0641-\u064a])") for letter in ("\u0629", "\u0649"))


def _glued_starts(norm: NormalizedText) -> list[int]:
    """Normalised offsets of the words glued to a word ending in ة or ى."""
    original = norm.original
    found = sorted(m.end() for pattern in _GLUED for m in pattern.finditer(original))
    if not found or not norm.shifts:
        return found
    removed = [shift + j for j, shift in enumerate(norm.shifts)]  # original offsets of removed characters
    return [o - bisect_left(removed, o) for o in found]


def find_cues(text: str, language: str | None = None, normalized: NormalizedText | None = None) -> list[Cue]:
    """Every cue word of ``language`` ("ar" or "en"; both when None) in ``text``, in text order."""
    norm = normalized or NormalizedText.of(text)
    s = norm.text
    glued = _glued_starts(norm) if language != "en" else []
    spaces: list[int] = []  # offsets in the searched text of the spaces put between glued words
    if glued:
        s = " ".join(s[a:b] for a, b in zip([0, *glued], [*glued, len(s)], strict=True))
        spaces = [g + k for k, g in enumerate(glued)]
    padded = " " + s  # a word at the very start has a non-letter before it too
    shifts = norm.shifts
    found: list[tuple[int, int, tuple[str, ...]]] = []
    languages = [language] if language in LANGUAGES else LANGUAGES
    for lang in languages:
        lex = _lexicon(lang)
        plans = lex.plans
        if len(lex.finders) == 1:
            hits = [(m.start(), m.group(1)) for m in lex.finders[0].finditer(padded)]
        else:
            hits = sorted((m.start(), m.group(1)) for f in lex.finders for m in f.finditer(padded))
        for a, word in hits:  # a: the word's offset in s (the padding space makes up for the one before)
            pattern, longer, single = plans[word]
            end = a + len(word)
            categories = single
            if pattern is not None and (m := pattern.match(s, end)) is not None:
                categories = longer[m.lastindex - 1]  # type: ignore[operator]
                end = m.end()
            if categories is None:
                continue
            if spaces:  # back to offsets in the normalised text
                a, end = a - bisect_left(spaces, a), end - bisect_left(spaces, end)
            if shifts:
                found.append((a + bisect_right(shifts, a), end - 1 + bisect_right(shifts, end - 1) + 1,
                              categories))
            else:
                found.append((a, end, categories))
    if len(languages) > 1:  # one language finds its words in text order, each at its own offset
        found.sort(key=lambda c: (c[0], -c[1]))
    out: list[Cue] = []
    last_end = -1
    new = object.__new__
    for start, stop, categories in found:  # a phrase's later words are not cues of their own
        if start >= last_end:
            # Cue(start, stop, text[start:stop], categories) without the dataclass __init__, whose
            # frozen field setting costs twice this (one cue for every 150 characters of text)
            cue = new(Cue)
            cue.__dict__.update(start=start, end=stop, text=text[start:stop], categories=categories,
                                _prefixes=_prefixes(categories))
            out.append(cue)
            last_end = stop
    return out


def with_conjunction(cue: Cue) -> bool:
    """Whether an Arabic cue word carries the conjunction و or ف in front ("ونفت", "فقال"; not the
    و of "وثقت"), so that it opens a clause of its own."""
    word = normalize(cue.text).split(" ", 1)[0]
    return word[:1] in ("و", "ف") and word[1:] in _lexicon("ar").starts
