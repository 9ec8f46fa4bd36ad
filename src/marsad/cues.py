"""Cue words: outcome verbs and nouns, attribution, allegation, denial, cause and scope words.

The words live in ``data/<lang>/cues.toml``; this module compiles them once per language into one
regular expression over the normalised text (``marsad.arabic``) and reports every match with its
categories (``"outcome.killed.verbs"``, ``"cause.airstrike"``, ``"attribution"`` ...) and its span in
the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad import resources
from marsad.arabic import NormalizedText, normalize

LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    categories: tuple[str, ...]   # e.g. ("outcome.killed.events", "cause.execution")

    def has(self, prefix: str) -> bool:
        """Whether a category is ``prefix`` or under it ("outcome" covers "outcome.killed.verbs")."""
        return prefix in _prefixes(self.categories)

    def category(self, prefix: str) -> str | None:
        """The first category under ``prefix`` ("outcome" -> "outcome.killed.verbs")."""
        return next((c for c in self.categories if c == prefix or c.startswith(prefix + ".")), None)


@cache
def _prefixes(categories: tuple[str, ...]) -> frozenset[str]:
    parts = [c.split(".") for c in categories]
    return frozenset(".".join(p[:i]) for p in parts for i in range(1, len(p) + 1))


def _categories(table: dict, path: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    """(category, words) for every word list: outcome lists keep their role ("outcome.killed.verbs");
    other lists are named by their table ("attribution", "cause.airstrike")."""
    out: list[tuple[str, list[str]]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            out += _categories(value, (*path, key))
        elif isinstance(value, list) and path:
            out.append((".".join((*path, key) if path[0] == "outcome" else path), value))
    return out


@dataclass(frozen=True)
class _Lexicon:
    """Phrases by their first word (in every proclitic form, for Arabic): the text is split into
    words once, and only words that can start a phrase are looked at."""

    starts: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]]  # form -> (rest, key, categories)


# a word is a run of Arabic letters or of other letters and digits: scraped posts glue a Latin handle
# to the Arabic word after it ("@alaliاستشهد")
_WORD = re.compile(r"[\u0621-\u064a]+|[^\W_\u0600-\u06ff]+")
_AR_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وبال")


@cache
def _lexicon(language: str) -> _Lexicon:
    data = resources.load(f"{language}/cues.toml")
    by_phrase: dict[tuple[str, ...], list[str]] = {}
    for category, words in _categories(data):
        for word in words:
            key = tuple(normalize(word).split())
            if key and category not in by_phrase.setdefault(key, []):
                by_phrase[key].append(category)
    starts: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]] = {}
    for phrase, categories in by_phrase.items():
        first, rest = phrase[0], phrase[1:]
        prefixes = _AR_PREFIXES if language == "ar" else ("",)
        for prefix in prefixes:
            if prefix.endswith("ال") and first.startswith("ال"):
                continue
            starts.setdefault(prefix + first, []).append((rest, " ".join(phrase), tuple(categories)))
    for entries in starts.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)  # the longest phrase first
    return _Lexicon(starts)


def _whole_word(s: str, a: int, b: int) -> bool:
    arabic = "\u0621" <= s[a] <= "\u064a"
    return not (a > 0 and _same_script(s[a - 1], arabic)) and not (b < len(s) and _same_script(s[b], arabic))


def _same_script(ch: str, arabic: bool) -> bool:
    return ("\u0621" <= ch <= "\u064a") if arabic else (ch.isalnum() and not "\u0600" <= ch <= "\u06ff")


@cache
def _rest_pattern(rest: tuple[str, ...]) -> re.Pattern[str]:
    end = r"(?![\u0621-\u064a])" if "\u0621" <= rest[-1][0] <= "\u064a" else r"(?![^\W\u0600-\u06ff])"
    return re.compile("".join(rf"[^\w]+{re.escape(w)}" for w in rest) + end)


def find_cues(text: str, language: str | None = None, normalized: NormalizedText | None = None) -> list[Cue]:
    """Every cue word of ``language`` ("ar" or "en"; both when None) in ``text``, in text order."""
    norm = normalized or NormalizedText.of(text)
    s = norm.text
    found: list[Cue] = []
    words = _WORD.findall(s)
    for lang in ([language] if language in LANGUAGES else LANGUAGES):
        starts = _lexicon(lang).starts
        cursor = 0
        for word in [w for w in words if w in starts]:
            a = s.find(word, cursor)
            while a >= 0 and not _whole_word(s, a, a + len(word)):
                a = s.find(word, a + 1)
            if a < 0:
                break
            b = cursor = a + len(word)
            for rest, _key, categories in starts[word]:
                end = b
                if rest:
                    m = _rest_pattern(rest).match(s, b)
                    if m is None:
                        continue
                    end = m.end()
                start, stop = norm.span(a, end)
                found.append(Cue(start, stop, text[start:stop], categories))
                break
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[Cue] = []
    for cue in found:  # a phrase's later words are not cues of their own
        if not out or cue.start >= out[-1].end:
            out.append(cue)
    return out
