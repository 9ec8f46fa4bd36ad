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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

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
_DOT_IN_WORD = re.compile("[\u0621-\u064a]\\.[\u0621-\u0647\u0649\u064a]")

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

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _removal(text: str) -> re.Pattern[str]:
    return _REMOVED_STAR_RE if "*" in text or ("." in text and _DOT_IN_WORD.search(text)) else _REMOVED_RE


def _fold(text: str) -> str:
    """Letter, digit and punctuation substitutions and lower case (length-preserving)."""
    for old, new in _PAIRS:  # few characters change: one replace pass each beats str.translate
        if old in text:
            text = text.replace(old, new)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters ("İ"): keep them as they are
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def normalize(text: str) -> str:
    """The comparison form of ``text`` (see the module docstring). Not offset-preserving."""
    if text.isascii():
        return text.lower()
    return _fold(_removal(text).sub("", text))


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
        for m in _removal(original).finditer(original):
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
        removed = [shift + j for j, shift in enumerate(self.shifts)]  # original offsets of removed characters
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
