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
_AR_PROCLITICS = "(?:وبال|وال|بال|فال|كال|ولل|لل|ال|و|ف|ب|ل|ك)?"


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    categories: tuple[str, ...]   # e.g. ("outcome.killed.events", "cause.execution")

    def has(self, prefix: str) -> bool:
        return any(c == prefix or c.startswith(prefix + ".") for c in self.categories)

    def category(self, prefix: str) -> str | None:
        """The first category under ``prefix`` ("outcome" -> "outcome.killed.verbs")."""
        return next((c for c in self.categories if c == prefix or c.startswith(prefix + ".")), None)


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


@cache
def _lexicon(language: str) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    data = resources.load(f"{language}/cues.toml")
    by_word: dict[str, list[str]] = {}
    for category, words in _categories(data):
        for word in words:
            key = " ".join(normalize(word).split())
            if key and category not in by_word.setdefault(key, []):
                by_word[key].append(category)
    alternatives = sorted(by_word, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in alternatives)
    if language == "ar":
        pattern = re.compile(rf"(?<!\w){_AR_PROCLITICS}({body})(?!\w)")
    else:
        pattern = re.compile(rf"(?<![\w-])({body})(?![\w-])")
    return pattern, {w: tuple(c) for w, c in by_word.items()}


def find_cues(text: str, language: str | None = None, normalized: NormalizedText | None = None) -> list[Cue]:
    """Every cue word of ``language`` ("ar" or "en"; both when None) in ``text``, in text order."""
    norm = normalized or NormalizedText.of(text)
    found: list[Cue] = []
    for lang in ([language] if language in LANGUAGES else LANGUAGES):
        pattern, categories = _lexicon(lang)
        for m in pattern.finditer(norm.text):
            key = " ".join(m.group(1).split())
            start, end = norm.span(m.start(1) if lang == "en" else m.start(), m.end())
            found.append(Cue(start, end, text[start:end], categories[key]))
    found.sort(key=lambda c: (c.start, -c.end))
    return found
