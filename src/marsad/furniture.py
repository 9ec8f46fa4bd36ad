"""Page furniture: the text around a report that is not the report, removed and recorded.

Pasted web pages and social-network pages carry, besides the report, correction and complaint footers,
comment forms, "see also" teasers of other stories, follow/share bars, tag lists, menus, cookie notices,
copyright lines, newsletter sign-ups and log-in walls. :func:`remove_furniture` takes such a text and
returns the clean text, every removed piece with its kind and exact offsets into the input, and, when
nothing of a report is left, a short reason.

How it works (the phrases themselves are data: ``data/ar/furniture.toml`` and ``data/en/furniture.toml``,
whose header documents the schema and the kinds):

1. The text is split into lines. Each line is normalised (:mod:`marsad.arabic`) and cut into words;
   furniture phrases are looked up word by word, so spacing and punctuation do not matter.
2. A line is furniture as a whole when it contains a *cue* (a phrase that report prose does not use)
   and is not long, when it *starts* with a label such as "الوسوم:" or "Share on", when it *is* a
   heading such as "المزيد" or "Comments", when a line regex matches, or when nearly all of its words are
   furniture words (menus, share bars: social network names, section names, dates).
3. Context: form labels ("الاسم *", "Email") next to a form, short lines and separators between two
   furniture lines, and headline lists next to furniture become furniture too.
4. Blocks: a "see also" cue takes the teasers after it — at the end of a page everything after it when
   what follows looks like headlines and snippets, in the middle of a page only the headline lines that
   follow it; a reader-comments cue takes everything to the end of the page.
5. Head and tail chrome glued into the first or last line of a page (menus before the title, "related
   / most read / all rights reserved" after the last sentence) is cut at the phrase where the run of
   furniture words begins, never inside the report's own sentences.

Nothing here is site-specific: new sites are handled by adding phrases to the data files.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from marsad.arabic import NormalizedText, normalize
from marsad.resources import load

__all__ = ["KINDS", "Cleaned", "Furniture", "remove_furniture"]


@dataclass(frozen=True)
class Furniture:
    """One piece of page furniture removed from a text."""

    kind: str  # one of the kinds documented in data/ar/furniture.toml (correction-footer, see-also, ...)
    text: str  # the removed text exactly as in the input
    start: int  # offsets into the input text: input[start:end] == text
    end: int


@dataclass(frozen=True)
class Cleaned:
    """The result of :func:`remove_furniture`."""

    text: str  # the input with furniture removed (paragraphs kept, at most one blank line in a row, stripped)
    furniture: list[Furniture]  # in input order
    empty_reason: str | None  # why no report content is left (login wall, empty page, ...), else None


# --------------------------------------------------------------------------------------------------
# Lexicon (built once from the data files)

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# Separators that may follow a label ("الوسوم:", "Share on |", "المزيد »").
_SEPARATORS = set(":|-–—•»«>›/\\*،,;؛")
_TERMINATORS = set(".!?؟:|»\"'…)")

_ROLE_RANK = {"cue": 4, "start": 3, "heading": 2, "filler": 1}
_NEUTRAL = "neutral"
_DEFAULT_MAX_WORDS = 40
# The kinds of furniture (documented in data/ar/furniture.toml); Furniture.kind is one of these.
KINDS = (
    "login-wall", "correction-footer", "complaint-footer", "comment-form", "comments", "see-also",
    "follow-share", "tags", "newsletter", "cookie-notice", "copyright", "disclaimer", "ad-notice",
    "media-notice", "navigation", "social-chrome",
)


@dataclass(frozen=True)
class _Kind:
    name: str
    max_words: int
    block: str | None
    inline: bool


@dataclass
class _Lexicon:
    kinds: dict[str, _Kind]
    # first word -> [(words, kind, role)], longest phrase first
    index: dict[str, list[tuple[tuple[str, ...], str, str]]]
    headings: dict[tuple[str, ...], str]
    near: dict[tuple[str, ...], str]
    patterns: re.Pattern[str] | None  # all line regexes in one alternation, one named group per regex
    pattern_kinds: dict[str, str] = field(default_factory=dict)  # group name -> kind
    social_regexes: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    log_in_words: tuple[str, ...] = ()  # a login wall with one of these asks to log in


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalize(phrase)))


def _is_arabic_word(w: str) -> bool:
    return "\u0621" <= w[0] <= "\u064a"


@cache
def _lexicon() -> _Lexicon:
    kinds: dict[str, _Kind] = {}
    entries: dict[tuple[str, ...], tuple[str, str]] = {}
    headings: dict[tuple[str, ...], str] = {}
    near: dict[tuple[str, ...], str] = {}
    patterns: list[tuple[str, str]] = []
    log_in_words: list[str] = []

    def add(words: tuple[str, ...], kind: str, role: str) -> None:
        if not words:
            return
        old = entries.get(words)
        if old is None or _ROLE_RANK[role] > _ROLE_RANK[old[1]]:
            entries[words] = (kind, role)

    for lang in ("ar", "en"):
        data = load(f"{lang}/furniture.toml")
        for name, spec in data.get("kinds", {}).items():
            old = kinds.get(name)
            kinds[name] = _Kind(
                name,
                int(spec.get("max_words", old.max_words if old else _DEFAULT_MAX_WORDS)),
                spec.get("block", old.block if old else None),
                bool(spec.get("inline", old.inline if old else False)),
            )
            for phrase in spec.get("cues", []):
                words = _words(phrase)
                add(words, name, "cue")
                if words and _is_arabic_word(words[0]) and len(words[0]) > 2:
                    add(("و" + words[0],) + words[1:], name, "cue")
            for phrase in spec.get("starts", []):
                add(_words(phrase), name, "start")
            for phrase in spec.get("headings", []):
                headings.setdefault(_words(phrase), name)
                add(_words(phrase), name, "heading")
            for phrase in spec.get("near", []):
                near.setdefault(_words(phrase), name)
            for rx in spec.get("patterns", []):
                re.compile(rx)  # fail early, naming no group of ours
                patterns.append((rx, name))
            log_in_words += [normalize(w) for w in spec.get("log_in_words", [])]
        for category, words_list in data.get("filler", {}).items():
            for phrase in words_list:
                add(_words(phrase), category, "filler")

    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for words, (kind, role) in entries.items():
        index.setdefault(words[0], []).append((words, kind, role))
    for cands in index.values():
        cands.sort(key=lambda c: -len(c[0]))
    # line regexes are anchored at the line start (documented in the data files): one match() per line
    combined = (
        re.compile("|".join(f"(?P<p{k}>{rx.removeprefix('^')})" for k, (rx, _) in enumerate(patterns)),
                   re.IGNORECASE)
        if patterns else None
    )
    pattern_kinds = {f"p{k}": kind for k, (_, kind) in enumerate(patterns)}
    return _Lexicon(kinds, index, headings, near, combined, pattern_kinds, social_regexes=_SOCIAL_REGEXES,
                    log_in_words=tuple(dict.fromkeys(log_in_words)))


# Interface text of social networks that comes glued to the post (no spaces or newlines between), so it
# cannot be found word by word. Each regex marks the span to cut inside a line.
_SOCIAL_REGEXES: list[tuple[re.Pattern[str], str]] = [
    # X / Twitter: "…#سوريا2:24 PM · Nov 14, 20242.5KViews1132" -> keep the time stamp, cut the counters
    (re.compile(r"· \w{3} \d{1,2}, \d{4}(?P<cut>\s*[\d.,]*[KkMm]?\s*Views[\d\s.,KkMm]*)$"), "social-chrome"),
    # Facebook: "All reactions:30040 commentsLikeCommentMost relevant…comments…" to the end of the line
    (re.compile(r"All reactions:.*$"), "comments"),
    (re.compile(r"(?:\d+\s*comments?)?\s*(?:\d+\s*shares?)?\s*LikeComment(?:Share)?"
                r"(?:Most relevant|All comments|Newest).*$"), "comments"),
    # Facebook footer glued into one line: "English (US)Español…Meta © 2026"
    (re.compile(r"English \((?:US|UK)\).{0,600}?Meta © \d{4}"), "navigation"),
    # Facebook "content not available" glued after the post text
    (re.compile(r"This (?:content|page) isn't available (?:right now|at the moment).*$"), "login-wall"),
    # X: "PostLog inSign upPost…"
    (re.compile(r"^(?:Post)?Log inSign up(?:Post)?(?:This post is unavailable\.?)?"
                r"[\d.,KkMm]*(?:Views)?[\d]*"), "login-wall"),
    (re.compile(r"Age-restricted (?:adult )?content\..*$"), "login-wall"),
    (re.compile(r"\bVerified account(?=\S)"), "social-chrome"),
    (re.compile(r"· Shared with Public"), "social-chrome"),
    (re.compile(r"^\W*Facebook\W*\S.{0,150}'s Post\W*$"), "social-chrome"),
    (re.compile(r"(?<=\S)'s Post$"), "social-chrome"),
]
_SOCIAL_TRIGGER = re.compile(
    r"Views|All reactions|LikeComment|Meta ©|isn't available|Log inSign up|Age-restricted|Verified account|"
    r"Shared with Public|'s Post"
)
# Time-ago stamps of social networks on their own line: "1y", "21w", "3 h", "2d".
_TIME_AGO_LINE = re.compile(r"^\W*\d{1,3}\s?[ywdhm]\W*$")
_URL_ONLY_LINE = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$")


# --------------------------------------------------------------------------------------------------
# Lines


@dataclass
class _Line:
    start: int  # offset of the line in the input
    end: int  # end offset (newline excluded)
    nw: int  # number of words (estimated for long report lines that are not analysed)
    blank: bool
    seg: str | None = None  # the line as in the input (None: a long report line, not analysed)
    ntext: str = ""  # normalised line
    words: list[str] = field(default_factory=list)
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)  # word index -> (kind/category, role)
    matches: list[tuple[int, int, str, str]] = field(default_factory=list)  # (first, end word, kind, role)
    kind: str | None = None  # furniture kind when the whole line is furniture
    cuts: list[tuple[int, int, str]] = field(default_factory=list)  # furniture pieces inside the line
    _spans: list[tuple[int, int]] | None = None
    _norm: NormalizedText | None = None

    @property
    def n(self) -> int:
        return len(self.words)

    @property
    def analysed(self) -> bool:
        return self.seg is not None

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Word spans in the normalised line (computed when first needed)."""
        if self._spans is None:
            self._spans = [m.span() for m in _WORD.finditer(self.ntext)]
        return self._spans

    def orig(self, nofs: int) -> int:
        """Input offset of the character at normalised in-line offset ``nofs``."""
        if self._norm is None:
            assert self.seg is not None
            self._norm = NormalizedText.of(self.seg)
        return self.start + self._norm.to_original(nofs)


_SHORT_CHARS = 110  # a longer line in the middle of a page is report text and is not analysed
_EDGE_CHARS = 1500  # lines at the head and tail of a page are analysed up to this length
_EDGE_WINDOW = 1200  # characters of a long first or last line examined for glued head or tail chrome


def _analyse_segment(seg: str, start: int, lex: _Lexicon) -> _Line:
    """Normalise one line (or a window of one) and look up the furniture phrases in it."""
    ntext = normalize(seg)
    words = _WORD.findall(ntext)
    line = _Line(start, start + len(seg), len(words), not words and not seg.strip(), seg, ntext, words)
    index = lex.index
    hits = [i for i, w in enumerate(words) if w in index or w.isdigit()]
    if hits:
        labels = line.labels
        nw = len(words)
        nxt = 0
        for i in hits:
            if i < nxt:
                continue
            w = words[i]
            cands = index.get(w)
            if cands:
                for phrase, kind, role in cands:
                    n = len(phrase)
                    if n == 1 or (i + n <= nw and tuple(words[i:i + n]) == phrase):
                        line.matches.append((i, i + n, kind, role))
                        for j in range(i, i + n):
                            labels[j] = (kind, role)
                        nxt = i + n
                        break
            if i >= nxt and w[0].isdigit():
                labels[i] = (_NEUTRAL, "filler")
    return line


def _analyse(safe: str, lex: _Lexicon) -> list[_Line]:
    """Lines of the page; short lines are analysed now, long ones only when they are at an edge."""
    lines: list[_Line] = []
    pos = 0
    first = True
    for seg in safe.split("\n"):
        start, end = pos, pos + len(seg)
        pos = end + 1
        if not seg.strip():
            lines.append(_Line(start, end, 0, True))
            continue
        if len(seg) <= _SHORT_CHARS:
            line = _analyse_segment(seg, start, lex)
            line.kind = _classify_line(line, lex, first=first)
            lines.append(line)
        else:
            lines.append(_Line(start, end, seg.count(" ") + 1, False))
        first = False
    # the head and the tail of the page: analyse long lines too, going inwards while furniture goes on
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        content = 0
        for k in order:
            line = lines[k]
            if line.blank:
                continue
            if not line.analysed and line.end - line.start <= _EDGE_CHARS:
                line = lines[k] = _analyse_segment(safe[line.start:line.end], line.start, lex)
                line.kind = _classify_line(line, lex, first=content == 0 and order.step == 1)
            content += 1
            if content >= 3 and line.kind is None:
                break
    return lines


# --------------------------------------------------------------------------------------------------
# Classification of whole lines


def _coverage(line: _Line) -> tuple[float, Counter[str]]:
    covered = 0
    kinds: Counter[str] = Counter()
    for lab in line.labels.values():
        covered += 1
        if lab[0] != _NEUTRAL:
            kinds[lab[0]] += 1 + (lab[1] != "filler")
    return covered / max(line.n, 1), kinds


def _followed_by_separator(line: _Line, end_word: int) -> bool:
    """Whether the label ending at word ``end_word`` is followed by end of line, a separator or furniture."""
    if end_word >= line.n:
        return True
    lab = line.labels.get(end_word)
    if lab is not None and lab[0] != _NEUTRAL:
        return True
    gap = line.ntext[line.spans[end_word - 1][1]:line.spans[end_word][0]]
    return any(c in _SEPARATORS for c in gap)


def _classify_line(line: _Line, lex: _Lexicon, first: bool = False) -> str | None:
    """The furniture kind of the whole line, or None.

    A line that is a sentence of the report followed by glued furniture ("... قرابة الساعة السادسة .
    مواضيع ذات صلة ...") is not furniture as a whole: the furniture after the sentence is recorded as a cut.
    So is the first line of a page when a title follows the head chrome: the head cut takes the chrome.
    """
    n = line.n
    if n == 0:
        return None
    words = tuple(line.words)
    kind = lex.headings.get(words)
    if kind is None and n > 1 and line.labels.get(n - 1) == (_NEUTRAL, "filler"):
        kind = lex.headings.get(words[:-1]) if _DIGITS.match(words[-1]) else None
    if kind is not None:
        return kind
    if _TIME_AGO_LINE.match(line.ntext):
        return "social-chrome"
    if lex.patterns is not None and n <= 80:
        m = lex.patterns.match(line.ntext)
        if m is not None:
            group = next(g for g, v in m.groupdict().items() if v is not None and g in lex.pattern_kinds)
            pkind = lex.pattern_kinds[group]
            if n <= lex.kinds[pkind].max_words:
                return pkind
    cov, counts = _coverage(line)
    best: tuple[int, str] | None = None
    for i, j, mkind, role in line.matches:
        if mkind in lex.kinds:
            spec = lex.kinds[mkind]
            if role == "cue" and (n <= spec.max_words or cov >= 0.6):
                score = (j - i) + 10
            elif role == "start" and i == 0 and n <= spec.max_words and _followed_by_separator(line, j):
                score = (j - i) + 5
            else:
                continue
            if best is None or score > best[0]:
                best = (score, mkind)
    if best is not None:
        if line.matches and not _furniture_dominates(line, lex, first):
            return None
        return best[1]
    # menus and share bars: nearly every word is a furniture word
    if counts and n <= 60 and cov >= 0.8:
        return counts.most_common(1)[0][0]
    return None


_MIN_SENTENCE = 8  # unlabelled words that make a sentence of the report


def _furniture_dominates(line: _Line, lex: _Lexicon, first: bool) -> bool:
    """False when a sentence of the report shares the line with the furniture phrases (see _classify_line)."""
    decisive = [m for m in line.matches if m[3] in ("cue", "start")]
    if not decisive:
        return True
    i0, _, kind, role = decisive[0]
    if i0 >= _MIN_SENTENCE and sum(1 for w in range(i0) if w not in line.labels) >= _MIN_SENTENCE:
        pos = line.orig(line.spans[i0][0])
        spec = lex.kinds.get(kind)
        if spec is not None and spec.inline and (
            role == "cue" or _preceded_by_break(line.seg or "", pos - line.start, 0)
        ):
            line.cuts.append((pos, line.end, kind))
        elif spec is not None and _preceded_by_break(line.seg or "", pos - line.start, 0):
            line.cuts.append((pos, line.end, kind))
        return False
    if first:
        j1 = decisive[-1][1]
        if sum(1 for w in range(j1, line.n) if w not in line.labels) >= 5:
            return False
    return True


def _keep_sentence_after_link(line: _Line) -> None:
    """A "read more" link glued to a sentence of the report: cut the link, keep the sentence."""
    cue = next((m for m in line.matches if m[2] == "see-also" and m[3] == "cue"), None)
    if cue is None or line.cuts:
        return
    i, j = cue[0], cue[1]
    rest = line.n - j
    if rest < 6 or not _ends_sentence(line.ntext) or line.ntext.rstrip().endswith(".."):
        return
    line.kind = None
    start = line.start if i <= 3 else line.orig(line.spans[i][0])
    line.cuts.append((start, line.orig(line.spans[j - 1][1] - 1) + 1, "see-also"))


def _ends_sentence(ntext: str) -> bool:
    t = ntext.rstrip()
    return bool(t) and t[-1] in ".!?"


def _headline_like(line: _Line) -> bool:
    """A teaser headline: a short line that is not a finished sentence (or is cut short with '...')."""
    if line.n == 0 or line.nw > 20:
        return False
    t = line.ntext.strip()
    return not t.endswith(".") or t.endswith("..") or t.endswith("…")


def _date_only(line: _Line) -> bool:
    labels = line.labels
    return line.n > 0 and len(labels) == line.n and all(lab[0] == _NEUTRAL for lab in labels.values())


_NUMBER_LEAD = re.compile(r"\d+\s+[^\W\d_]")


def _starts_with_letter(line: _Line) -> bool:
    """Headlines start with a word, a quote or a number word ("5 قتلى ..."), not a bullet or list number."""
    t = line.ntext.lstrip()
    return bool(t) and (_LETTER.match(t[0]) is not None or t[0] in "\"'" or _NUMBER_LEAD.match(t) is not None)


# --------------------------------------------------------------------------------------------------
# Main entry point


def remove_furniture(text: str, language: str | None = None) -> Cleaned:
    """Remove page furniture from ``text`` and record it.

    ``language`` ("ar", "en" or None) is a hint only: the Arabic and English phrase lists are always used
    together, because Arabic pages carry English interface text (and the other way round).
    """
    del language  # both lists apply to every page
    if not text or not text.strip():
        return Cleaned("", [], "empty page")
    lex = _lexicon()
    safe = text.replace("\u0130", "I")  # the one character whose lower case is two characters long
    lines = _analyse(safe, lex)
    for line in lines:
        if line.kind == "see-also":
            _keep_sentence_after_link(line)

    _apply_context(lines, lex)
    _apply_blocks(lines, lex)
    _apply_context(lines, lex)
    _apply_headline_lists(lines)
    _apply_edges(safe, lines, lex)
    if _SOCIAL_TRIGGER.search(text):
        _apply_social(text, lines, lex)
    _apply_context(lines, lex)

    return _assemble(text, lines)


def _nonblank(lines: list[_Line]) -> list[int]:
    return [i for i, ln in enumerate(lines) if not ln.blank]


def _apply_context(lines: list[_Line], lex: _Lexicon) -> None:
    """Form labels next to forms, separators and short leftovers between furniture lines."""
    idx = _nonblank(lines)
    if not any(lines[i].kind for i in idx):
        return
    for _ in range(2):
        changed = False
        for p, i in enumerate(idx):
            line = lines[i]
            if line.kind is not None:
                continue
            prev = lines[idx[p - 1]] if p > 0 else None
            nxt = lines[idx[p + 1]] if p + 1 < len(idx) else None
            pk = prev.kind if prev is not None else None
            nk = nxt.kind if nxt is not None else None
            if pk is None and nk is None:
                continue
            words = tuple(line.words)
            near_kind = lex.near.get(words) if line.nw <= 4 else None
            if near_kind is not None and near_kind in (pk, nk):
                line.kind = near_kind
            elif line.nw == 0 and (pk or nk):
                # a separator ("–", "***", "|") next to furniture
                line.kind = nk or pk
            elif _URL_ONLY_LINE.match(line.ntext) and (pk or nk):
                line.kind = pk or nk
            elif pk and nk and line.nw <= 4 and not _ends_sentence(line.ntext) and not line.cuts:
                # a short leftover between two furniture lines ("X", "0 زيارة")
                line.kind = pk
            elif pk and nxt is None and line.nw <= 3 and near_kind is not None:
                line.kind = near_kind
            else:
                continue
            changed = True
        if not changed:
            break


def _apply_blocks(lines: list[_Line], lex: _Lexicon) -> None:
    """See-also teasers and reader comments that follow their cue."""
    idx = _nonblank(lines)
    for p, i in enumerate(idx):
        line = lines[i]
        spec = lex.kinds.get(line.kind or "")
        if spec is None or spec.block is None:
            continue
        rest = [lines[j] for j in idx[p + 1:]]
        if spec.block == "to-end":
            for r in rest:
                if r.kind is None:
                    r.kind = spec.name
            continue
        content = [r for r in rest if r.kind is None]
        if _teaser_tail(content):
            for r in content:
                r.kind = spec.name
            continue
        # in the middle of a page: the headline lines right after the cue (and their time stamps)
        taken = 0
        for q, r in enumerate(rest):
            if r.kind is not None:
                if r.kind == spec.name:
                    continue
                break
            if taken >= 12 or not (_headline_like(r) or _date_only(r)):
                break
            after = rest[q + 1] if q + 1 < len(rest) else None
            if (
                r.nw <= 6 and after is not None and after.kind is None and after.nw > 20
                and re.search(r"\s[-–_]\s|[-–_]", r.ntext) and not _date_only(r) and taken > 0
            ):
                break  # a dateline ("منبج _ نورث برس") right before the article resumes
            r.kind = spec.name
            taken += 1


def _teaser_tail(content: list[_Line]) -> bool:
    """Whether all that follows a see-also cue reads as teasers: headlines, each with at most one snippet."""
    if not content:
        return True
    after_headline = False
    for r in content:
        if _date_only(r):
            continue
        if _headline_like(r):
            after_headline = True
            continue
        if after_headline and r.nw <= 90:
            after_headline = False
            continue
        return False
    return True


def _apply_headline_lists(lines: list[_Line]) -> None:
    """Runs of five or more headline lines next to furniture: tickers and teaser lists without a cue."""
    idx = _nonblank(lines)
    if not any(lines[i].kind for i in idx):
        return
    p = 0
    while p < len(idx):
        q = p
        while q < len(idx):
            ln = lines[idx[q]]
            # each headline is a paragraph of its own (a post's short lines are not)
            if q > p and idx[q] - idx[q - 1] < 2:
                break
            if ln.kind is None and 3 <= ln.nw <= 20 and _headline_like(ln) and _starts_with_letter(ln):
                q += 1
            elif ln.kind is None and _date_only(ln) and q > p:
                q += 1
            else:
                break
        run = idx[p:q]
        if len(run) >= 5:
            before = lines[idx[p - 1]] if p > 0 else None
            after = lines[idx[q]] if q < len(idx) else None
            edge_furniture = (before is not None and before.kind is not None) or (
                after is not None and after.kind is not None
            )
            if edge_furniture:
                kind = "navigation"
                if before is not None and before.kind == "see-also":
                    kind = "see-also"
                for i in run:
                    lines[i].kind = kind
        p = max(q, p + 1)


# --------------------------------------------------------------------------------------------------
# Head and tail chrome inside the first and last line

_GAP = 4  # ordinary words tolerated between two furniture phrases in a run of chrome


def _strong(lab: tuple[str, str] | None, lex: _Lexicon) -> bool:
    if lab is None or lab[1] in ("filler", "heading"):
        return False
    spec = lex.kinds.get(lab[0])
    return spec is not None and spec.inline


def _match_at(line: _Line, w: int) -> tuple[int, int, str, str] | None:
    for m in line.matches:
        if m[0] <= w < m[1]:
            return m
    return None


def _preceded_by_break(text: str, pos: int, line_start: int) -> bool:
    j = pos - 1
    while j >= line_start and text[j] in " \t\u00a0\u200f\u200e":
        j -= 1
    return j < line_start or text[j] in _TERMINATORS


def _apply_edges(text: str, lines: list[_Line], lex: _Lexicon) -> None:
    """Cut glued chrome from the last and first content lines (repeating while whole lines go)."""
    for _ in range(4):
        idx = [i for i in _nonblank(lines) if lines[i].kind is None and not lines[i].cuts]
        if not idx:
            return
        line = lines[idx[-1]]
        if line.analysed:
            _tail_cut(text, line, lex)
        else:
            a = max(line.start, line.end - _EDGE_WINDOW)
            if a > line.start:
                a = text.find(" ", a, line.end) + 1 or line.start
            win = _analyse_segment(text[a:line.end], a, lex)
            _tail_cut(text, win, lex, line_start=line.start)
            line.cuts.extend(win.cuts)
            if win.kind is not None:
                if a == line.start:
                    line.kind = win.kind
                else:
                    line.cuts.append((a, line.end, win.kind))
        if line.kind is None:
            break
    for _ in range(4):
        idx = [i for i in _nonblank(lines) if lines[i].kind is None]
        if not idx:
            return
        line = lines[idx[0]]
        if line.analysed:
            _head_cut(text, line, lex)
        else:
            b = min(line.end, line.start + _EDGE_WINDOW)
            if b < line.end:
                b = text.rfind(" ", line.start, b)
                if b <= line.start:
                    b = min(line.end, line.start + _EDGE_WINDOW)
            win = _analyse_segment(text[line.start:b], line.start, lex)
            _head_cut(text, win, lex)
            cut_end = min((c[0] for c in line.cuts), default=line.end)
            for c in win.cuts:
                if c[1] <= cut_end:
                    line.cuts.append(c)
            if win.kind is not None and b <= cut_end:
                line.cuts.append((line.start, b, win.kind))
        if line.kind is None:
            break


def _tail_cut(text: str, line: _Line, lex: _Lexicon, line_start: int | None = None) -> None:
    """Cut chrome glued to the end of ``line`` (a whole line, or a window at the end of a long line)."""
    n = line.n
    if n == 0:
        return
    lstart = line.start if line_start is None else line_start
    # 1. a see-also or copyright cue after a sentence break in the last line: the rest is teasers/footer
    line_len = line.end - lstart
    for i, _j, kind, role in line.matches:
        if role != "cue" or kind not in ("see-also", "copyright"):
            continue
        pos = line.orig(line.spans[i][0])
        if pos == lstart or not _preceded_by_break(text, pos, lstart):
            continue
        if line.end - pos <= 600 or (pos - lstart) >= 0.6 * line_len:
            line.cuts.append((pos, line.end, kind))
            return
    # 2. a run of furniture words that reaches the end of the line
    w = n - 1
    gap = 0
    first_strong: int | None = None
    strong_count = 0
    labelled = 0
    others = 0
    has_cue = False
    while w >= 0:
        lab = line.labels.get(w)
        if _strong(lab, lex):
            m = _match_at(line, w)
            assert m is not None
            first_strong = m[0]
            strong_count += 1
            labelled += m[1] - m[0]
            others += gap
            has_cue = has_cue or m[3] == "cue"
            gap = 0
            w = m[0] - 1
        elif lab is not None:
            gap = 0
            labelled += 1
            w -= 1
        else:
            gap += 1
            if gap > _GAP:
                break
            w -= 1
    if first_strong is None:
        return
    if not (has_cue or strong_count >= 2 or (labelled >= 3 and others <= 1)):
        return
    # take in headings glued before the first phrase ("التعليقات الأكثر قراءة")
    while first_strong > 0 and (line.labels.get(first_strong - 1) or ("", ""))[1] == "heading":
        first_strong -= 1
    whole = line.start == lstart and (first_strong == 0 or (w < 0 and gap <= 2))
    if whole:
        line.kind = _chain_kind(line, 0, n, lex)
        return
    pos = line.orig(line.spans[first_strong][0])
    line.cuts.append((pos, line.end, _chain_kind(line, first_strong, n, lex)))


def _head_cut(text: str, line: _Line, lex: _Lexicon) -> None:
    """Cut chrome glued to the start of ``line`` (a whole line, or a window at the start of a long line)."""
    n = line.n
    if n == 0:
        return
    w = 0
    gap = 0
    last_strong_end: int | None = None
    strong_count = 0
    has_cue = False
    while w < n:
        lab = line.labels.get(w)
        if _strong(lab, lex):
            m = _match_at(line, w)
            assert m is not None
            last_strong_end = m[1]
            strong_count += 1
            has_cue = has_cue or m[3] == "cue"
            gap = 0
            w = m[1]
        elif lab is not None:
            gap = 0
            w += 1
        else:
            gap += 1
            if gap > _GAP:
                break
            w += 1
    if last_strong_end is None or not (has_cue or strong_count >= 2):
        return
    # take in share-bar and menu words right after the last phrase ("تابعنا على فيسبوك"), not dates
    while last_strong_end < n and (line.labels.get(last_strong_end) or (_NEUTRAL, ""))[0] != _NEUTRAL:
        last_strong_end += 1
    if last_strong_end >= n:
        line.kind = _chain_kind(line, 0, n, lex)
        return
    end = line.orig(line.spans[last_strong_end - 1][1] - 1) + 1
    if line.cuts and end > min(c[0] for c in line.cuts):
        return
    line.cuts.append((line.start, end, _chain_kind(line, 0, last_strong_end, lex)))


def _chain_kind(line: _Line, a: int, b: int, lex: _Lexicon) -> str:
    counts: Counter[str] = Counter()
    for w in range(a, b):
        lab = line.labels.get(w)
        if lab is not None and lab[0] in lex.kinds:
            counts[lab[0]] += 2 if lab[1] != "filler" else 1
    return counts.most_common(1)[0][0] if counts else "navigation"


def _apply_social(text: str, lines: list[_Line], lex: _Lexicon) -> None:
    """Glued social-network interface text inside lines that are otherwise the post."""
    for line in lines:
        if line.kind is not None or line.blank:
            continue
        seg = text[line.start:line.end]
        if not _SOCIAL_TRIGGER.search(seg):
            continue
        for rx, kind in lex.social_regexes:
            m = rx.search(seg)
            if m is None:
                continue
            ms, me = m.span("cut") if "cut" in rx.groupindex else m.span()
            if me <= ms:
                continue
            if not seg[:ms].strip() and not seg[me:].strip():
                line.kind = kind
                line.cuts.clear()
                break
            s, e = line.start + ms, line.start + me
            if all(e <= c[0] or s >= c[1] for c in line.cuts):
                line.cuts.append((s, e, kind))


# --------------------------------------------------------------------------------------------------
# Output


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_BLANK_RUNS = re.compile(r"\n[ \t\r\f\v\u00a0]*\n(?:[ \t\r\f\v\u00a0]*\n)+")


def _assemble(text: str, lines: list[_Line]) -> Cleaned:
    pieces: list[tuple[int, int, str]] = []  # (start, end, kind) in input order
    kept: list[str] = []
    for line in lines:
        if line.kind is not None:
            s, e = _trimmed(text, line.start, line.end)
            if e > s:
                if pieces and pieces[-1][2] == line.kind and not text[pieces[-1][1]:s].strip():
                    pieces[-1] = (pieces[-1][0], e, line.kind)
                else:
                    pieces.append((s, e, line.kind))
            continue
        if not line.cuts:
            kept.append(text[line.start:line.end])
            continue
        parts: list[str] = []
        pos = line.start
        for cs, ce, kind in sorted(line.cuts):
            cs, ce = _trimmed(text, max(cs, pos), min(ce, line.end))
            if ce <= cs:
                continue
            pieces.append((cs, ce, kind))
            parts.append(text[pos:cs])
            pos = ce
        parts.append(text[pos:line.end])
        kept.append(" ".join(p.strip() for p in parts if p.strip()))
    clean = "\n".join(kept)
    clean = _BLANK_RUNS.sub("\n\n", clean).strip()
    furniture = [Furniture(kind, text[s:e], s, e) for s, e, kind in pieces]
    return Cleaned(clean, furniture, _empty_reason(text, clean, furniture))


_MIN_LETTERS = 40


def _empty_reason(text: str, clean: str, furniture: list[Furniture]) -> str | None:
    letters = len(_LETTER.findall(clean[:1000]))  # enough to tell a report from a scrap
    kinds = {f.kind for f in furniture}
    if "login-wall" in kinds and letters < 4 * _MIN_LETTERS:
        walls = [f for f in furniture if f.kind == "login-wall"]
        wall_text = normalize(" ".join(f.text for f in walls))
        if any(k in wall_text for k in _lexicon().log_in_words):
            return "login wall: the page asks to log in"
        return "login wall: the content is not available"
    if letters == 0:
        if not furniture:
            return "empty page"
        if kinds <= {"navigation", "social-chrome", "follow-share", "copyright", "see-also"}:
            return "only site navigation"
        return "only page furniture"
    limit = _MIN_LETTERS if furniture else 12
    if letters < limit:
        return f"too short to be a report ({letters} letters left after removing page furniture)"
    return None
