"""Arabic text normalisation: the one place where Marsad decides which Arabic spellings are "the same".

Every matcher in Marsad (number words, months, places, actors, cue words) compares text in the form
produced here, and maps what it found back to the original text with :class:`NormalizedText`, so that
evidence offsets always point into the text the analyst sees.

The normal form:
- diacritics (tashkeel), superscript alef and tatweel are removed, and so are the spaces or dots
  of words broken with tatweel to slip past platform filters ("شهـ ـداء" reads "شهداء");
- alef with hamza above/below, madda and wasla become bare alef (ا);
- alef maqsura (ى) becomes ya (ي); ta marbuta (ة) becomes ha (ه);
- waw and ya with hamza (ؤ ئ) become waw and ya;
- Arabic-Indic (٠-٩) and Persian (۰-۹) digits become ASCII digits; the Arabic comma, decimal and
  thousands separators become ASCII;
- Latin letters are lower-cased; typographic quotes and dashes become ASCII.
Every character maps to at most one character, so offsets map back one to one, except for the
removed marks, which :class:`NormalizedText` accounts for.

:class:`WordIndex` (``nt.words()``) splits a normalised text into words once, for the recognisers
that run one after the other on the same text (places, actors, sources, dates): they find the words
that can begin what they look for by set membership instead of each scanning the text with a regular
expression.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress

MARKS = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u0640\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4"
    + "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed\u200c\u200d\u200e\u200f"
)
_MARKS_RE = re.compile(f"[{re.escape(MARKS)}]")
# Removed in the normal form: the marks above, and the "broken word" spellings social posts use to
# slip past filters, which are one word: tatweel, spaces or dots, tatweel ("شهـ ـداء", "إسـ.ـرائيل"),
# and asterisks or dots inside a word ("استشــ*هاد", "ارتكـ*بت", "الشهد.اء"; a dot before و is
# taken for a sentence end written without a space: "المدينة.وقال").
_REMOVED_RE = re.compile(f"\u0640[ .\u00a0]*\u0640|[{re.escape(MARKS)}]")
_REMOVED_STAR_RE = re.compile(  # the slower pattern, only for texts with an asterisk or a dot in a word
    f"\u0640[ .\u00a0]*\u0640|(?<=[\u0621-\u064a])\u0640*(?:\\*+|\\.(?=[\u0621-\u0647\u0649\u064a]))\u0640*"
    f"(?=[\u0621-\u064a])|[{re.escape(MARKS)}]")
_DOT_IN_WORD = re.compile("\\.(?<=[\u0621-\u064a].)(?=[\u0621-\u0647\u0649\u064a])")  # begins with "." (fast)
# where a removal can start (its first character): a text without any has nothing to remove
_REMOVAL_START = re.compile(f"[{re.escape(MARKS)}*.]")

_SUBSTITUTIONS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ۀ": "ه", "ە": "ه",
    "،": ",", "؛": ";", "؟": "?", "٫": ".", "٬": ",",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
    "–": "-", "—": "-", "\u00a0": " ",
}
_SUBSTITUTIONS.update({chr(0x0660 + i): str(i) for i in range(10)})
_SUBSTITUTIONS.update({chr(0x06F0 + i): str(i) for i in range(10)})

_PAIRS = list(_SUBSTITUTIONS.items())
# the letters most words have are checked one by one; the rest only when one of them is present
_COMMON_PAIRS = [(old, new) for old, new in _PAIRS if old in "أإآىةؤئ"]
_RARE_PAIRS = [(old, new) for old, new in _PAIRS if old not in "أإآىةؤئ"]
_RARE_RE = re.compile("[" + re.escape("".join(old for old, _ in _RARE_PAIRS)) + "]")
_SHORT = 400  # below this length a regex test for the rare characters beats testing each one

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _removal(text: str) -> re.Pattern[str]:
    return _REMOVED_STAR_RE if "*" in text or ("." in text and _DOT_IN_WORD.search(text)) else _REMOVED_RE


def _has_marks(text: str) -> bool:
    # in a long text, a search for each mark (a memchr-like scan) beats one regular expression search
    if len(text) < _SHORT:
        return _MARKS_RE.search(text) is not None
    return any(mark in text for mark in MARKS)


def _removed(text: str) -> list[re.Match[str]]:
    """The matches of the removal pattern in ``text``, found only where one can start."""
    pattern = _removal(text)
    if pattern is _REMOVED_RE:
        return list(pattern.finditer(text)) if _has_marks(text) else []
    out: list[re.Match[str]] = []
    done = 0
    for c in _REMOVAL_START.finditer(text):  # the same matches as pattern.finditer(text)
        if c.start() >= done and (m := pattern.match(text, c.start())) is not None:
            out.append(m)
            done = m.end()
    return out


def _fold(text: str, rare: bool = True) -> str:
    """Letter, digit and punctuation substitutions and lower case (length-preserving). ``rare``: False
    when the text is known to have none of the rarer characters (see _SPECIAL)."""
    # few characters change: one replace pass each beats str.translate (the substitutions do not
    # chain, so their order does not matter)
    if not rare or len(text) < _SHORT:
        for old, new in _COMMON_PAIRS:
            if old in text:
                text = text.replace(old, new)
        if rare and _RARE_RE.search(text):
            for old, new in _RARE_PAIRS:
                if old in text:
                    text = text.replace(old, new)
    else:
        for old, new in _PAIRS:
            if old in text:
                text = text.replace(old, new)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters ("İ"): keep them as they are
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


_CACHE: dict[str, str] = {}  # short strings: extract normalises the same windows many times
# what makes normalize do more than the common letters and case: something to remove (a mark, or an
# asterisk or dot inside a word) or a rarer substitution; most short windows have none
_SPECIAL = re.compile("[" + re.escape(MARKS + "*." + "".join(old for old, _ in _RARE_PAIRS)) + "]")
_CACHE_MAX = 20_000


def normalize(text: str) -> str:
    """The comparison form of ``text`` (see the module docstring). Not offset-preserving."""
    if text.isascii():
        return text.lower()
    out = _CACHE.get(text)
    if out is None:
        if _SPECIAL.search(text) is None:  # one search instead of those of _removed and _fold
            out = _fold(text, rare=False)
        elif removed := _removed(text):
            kept = [text[a:b] for a, b in zip([0] + [m.end() for m in removed],
                                              [m.start() for m in removed] + [len(text)], strict=True)]
            out = _fold("".join(kept))
        else:
            out = _fold(text)
        if len(text) <= 300:
            if len(_CACHE) >= _CACHE_MAX:
                _CACHE.clear()
            _CACHE[text] = out
    return out


def strip_marks(text: str) -> str:
    """Remove diacritics and tatweel only."""
    return _MARKS_RE.sub("", text)


def is_arabic(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text))


@dataclass(frozen=True)
class NormalizedText:
    """A normalised copy of a text that can map its offsets back to the original.

    ``shifts`` holds, for each removed character j (in order), ``original_offset_j - j``: the number of
    kept characters before it. A normalised offset ``i`` is then the original offset
    ``i + (number of shifts <= i)``.
    """

    original: str
    text: str
    shifts: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> NormalizedText:
        if original.isascii():
            return cls(original, original.lower(), ())
        kept: list[str] = []
        shifts: list[int] = []
        pos = 0
        for m in _removed(original):
            kept.append(original[pos:m.start()])
            removed_before = len(shifts)
            shifts.extend(i - removed_before - k for k, i in enumerate(range(m.start(), m.end())))
            pos = m.end()
        kept.append(original[pos:])
        return cls(original, _fold("".join(kept)), tuple(shifts))

    def slice(self, start: int, end: int) -> NormalizedText:
        """The normalised form of ``original[start:end]``, cut from this one (no second pass)."""
        if not self.shifts:
            return NormalizedText(self.original[start:end], self.text[start:end], ())
        removed = self.__dict__.get("_removed")  # original offsets of removed characters (built once)
        if removed is None:
            removed = [shift + j for j, shift in enumerate(self.shifts)]
            object.__setattr__(self, "_removed", removed)
        lo, hi = bisect_left(removed, start), bisect_left(removed, end)
        inner = [r - start for r in removed[lo:hi]]
        return NormalizedText(self.original[start:end], self.text[start - lo:end - hi],
                              tuple(r - j for j, r in enumerate(inner)))

    def to_original(self, i: int) -> int:
        """Original offset of the character at normalised offset ``i``."""
        return i + bisect_right(self.shifts, i) if self.shifts else i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1

    def words(self) -> WordIndex:
        """The word index of the normalised text, built once and kept with it (no field: it is no part
        of the value), so that the recognisers that run one after the other on it share it."""
        index = self.__dict__.get("_words")
        if index is None:
            index = WordIndex(self.text)
            object.__setattr__(self, "_words", index)
        return index

    def built_words(self) -> WordIndex | None:
        """The word index if a recogniser has built it, else None (for a recogniser that gains from the
        index only when another one has paid for it)."""
        return self.__dict__.get("_words")


# ------------------------------------------------------------------------------- word index

# Characters that end a word in the word index (each becomes a space, so offsets do not move).
WORD_BREAKS = tuple("\n\t\r,.:;!?\"'()[]{}-/\\|*#+=<>…@&%$^~`" + "0123456789" + "\u00a0\u2026\u2022\u061f")
_LETTERS_AND_SPACES = re.compile("[\u0621-\u064a ]*+")
_LETTER_RUNS = re.compile("([\u0621-\u064a]+)")


# The sets of words recognisers look up in word indexes: one pass over a text's words finds the words
# of all of them, and each then keeps its own (see WordIndex.runs_in). One tuple, replaced whole: the
# union of the sets, and the sets by id.
_UNION: tuple[frozenset[str], dict[int, frozenset[str]]] = (frozenset(), {})
_UNION_LOCK = threading.Lock()


def _union_with(words: frozenset[str]) -> frozenset[str]:
    """A union of the registered sets of words that has ``words`` in it."""
    global _UNION
    union, sets = _UNION
    if sets.get(id(words)) is words:
        return union
    with _UNION_LOCK:
        union, sets = _UNION
        if sets.get(id(words)) is not words:
            sets = {} if len(sets) >= 64 else dict(sets)  # lexicons rebuilt many times: forget the old
            sets[id(words)] = words
            union = frozenset().union(*sets.values())
            _UNION = (union, sets)
    return union


class WordIndex:
    """The words of a normalised text, found once and shared by the recognisers that run on it.

    ``clean`` is the text with every character of :data:`WORD_BREAKS` replaced by a space and
    ``tokens`` is ``clean.split(" ")``: token ``i`` starts at offset ``cum[i] + i``. When
    ``only_letters`` is true, every token is empty or a whole run of Arabic letters (U+0621-U+064A),
    and the runs of Arabic letters of the text are exactly its non-empty tokens. :meth:`runs_in` finds
    the runs of Arabic letters that are in a set of words (by set membership instead of scanning the
    text with a regular expression).
    """

    __slots__ = ("text", "clean", "tokens", "_cum", "_only_letters", "_quotes", "_runs", "_hits")

    def __init__(self, text: str):
        clean = text
        for ch in WORD_BREAKS:
            if ch in clean:
                clean = clean.replace(ch, " ")
        self.text = text
        self.clean = clean
        self.tokens = clean.split(" ")
        self._cum: list[int] | None = None
        self._only_letters: bool | None = None
        self._quotes: list[int] | None = None
        self._runs: tuple[list[str], list[int]] | None = None
        self._hits: tuple[frozenset[str], list[int]] | None = None

    def _runs_and_starts(self) -> tuple[list[str], list[int]]:
        """The runs of Arabic letters of the text and their offsets (the non-empty tokens when
        ``only_letters``; then the offsets are not computed here)."""
        if self._runs is None:
            if self.only_letters:
                self._runs = self.tokens, []
            else:
                parts = _LETTER_RUNS.split(self.text)  # between the runs, the runs, between ...
                ends = list(accumulate(map(len, parts)))
                self._runs = parts[1::2], ends[::2]  # the runs and where each begins
        return self._runs

    def _hit_indexes(self, union: frozenset[str]) -> list[int]:
        """Indexes (in ``_runs_and_starts``) of the runs that are in ``union``."""
        hits = self._hits
        if hits is None or hits[0] is not union:
            runs = self._runs_and_starts()[0]
            hits = self._hits = union, list(compress(range(len(runs)), map(union.__contains__, runs)))
        return hits[1]

    def runs_in(self, words: frozenset[str]) -> list[int]:
        """Offsets of the whole runs of Arabic letters (U+0621-U+064A) of the text that are in
        ``words``, in order."""
        hits = self._hit_indexes(_union_with(words))
        runs, starts = self._runs_and_starts()
        if self.only_letters:
            cum = self.cum
            return [cum[i] + i for i in hits if runs[i] in words]
        return [starts[i] for i in hits if runs[i] in words]

    def tokens_in(self, words: frozenset[str]) -> list[int]:
        """Indexes of the tokens that are in ``words``, in order."""
        if not self.only_letters:
            toks = self.tokens
            return list(compress(range(len(toks)), map(words.__contains__, toks)))
        toks = self.tokens
        return [i for i in self._hit_indexes(_union_with(words)) if toks[i] in words]

    @property
    def cum(self) -> list[int]:
        """Running total of the token lengths (token ``i`` starts at ``cum[i] + i``)."""
        if self._cum is None:
            self._cum = list(accumulate(map(len, self.tokens), initial=0))
        return self._cum

    @property
    def only_letters(self) -> bool:
        if self._only_letters is None:
            self._only_letters = _LETTERS_AND_SPACES.fullmatch(self.clean) is not None
        return self._only_letters

    @property
    def quotes(self) -> list[int]:
        """Offsets of the quote characters (" and ') of the text, in order."""
        if self._quotes is None:
            text = self.text
            out = []
            for q in "\"'":
                i = text.find(q)
                while i >= 0:
                    out.append(i)
                    i = text.find(q, i + 1)
            out.sort()
            self._quotes = out
        return self._quotes


def proclitic_strings(prepositions: tuple[str, ...] = ("ب", "ل", "ك")) -> tuple[str, ...]:
    """What a word in running text may carry in front, "" first: a conjunction (و، ف), then one of
    ``prepositions``, each optional ("", ب, ل, ك, و, وب, ول, وك, ف, فب, فل, فك)."""
    return tuple(c + p for c in ("", "و", "ف") for p in ("", *prepositions))


# Proclitics that attach to Arabic nouns in running text: conjunction, prepositions, article.
PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف", "ك")


def strip_article(word: str) -> str:
    """Drop a leading definite article (ال / لل) from a normalised word, if what is left is a word."""
    for p in ("ال", "لل"):
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    return word


def clitic_variants(word: str) -> list[str]:
    """The forms a normalised word may have once proclitics are removed, longest prefix first."""
    out = [word]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append(word[len(p):])
    return out
