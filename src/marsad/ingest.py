"""Ingest: read reports in the formats analysts have and turn each into a clean :class:`Document`.

Readers (plain text in several encodings, HTML, JSON, JSONL, CSV, directories, gzip, standard input)
yield :class:`RawReport` items lazily, so a batch of any size is processed in flat memory. A report
that cannot be read raises :class:`InputError` with the input and the reason; the caller reports it
and goes on with the rest of the batch.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad import dates, furniture

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DATELINE_WINDOW = 3000  # a report states its own date near its start: only this much is searched

TEXT_EXTENSIONS = {".txt", ".text", ".md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
JSON_EXTENSIONS = {".json"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
CSV_EXTENSIONS = {".csv", ".tsv"}
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS | JSONL_EXTENSIONS | CSV_EXTENSIONS

csv.field_size_limit(2**31 - 1)


class InputError(Exception):
    """A report that cannot be read. ``str(error)`` names the input and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass
class FieldNames:
    """Which record fields (JSON) or columns (CSV) hold each part of a report; first present wins."""

    text: tuple[str, ...] = ("text", "content", "body", "article_content")
    html: tuple[str, ...] = ("html",)
    title: tuple[str, ...] = ("title", "headline", "article_title")
    url: tuple[str, ...] = ("url", "link")
    published: tuple[str, ...] = ("published", "date", "published_at", "publication_date")
    outlet: tuple[str, ...] = ("outlet", "publisher", "source", "site")
    id: tuple[str, ...] = ("id", "ref", "source_id")

    def with_overrides(self, **names: str | None) -> FieldNames:
        """Put user-given names first (``text="article"`` makes "article" the text field)."""
        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        for key, name in names.items():
            if name:
                values[key] = (name, *[n for n in values[key] if n != name])
        return FieldNames(**values)


@dataclass
class ReadOptions:
    fields: FieldNames = field(default_factory=FieldNames)
    max_bytes: int = DEFAULT_MAX_BYTES
    published: dt.date | None = None      # --published: used when the report carries no date


@dataclass
class RawReport:
    """One report as read from its input, before cleaning."""

    ref: str                    # the input's own identifier: record id, else path (with line/row)
    path: str                   # the input path, "-" for standard input
    raw: bytes                  # the bytes this report came from (for sha256)
    text: str                   # decoded text (HTML markup still in when ``is_html``)
    is_html: bool = False
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass
class Document:
    """One report as ingested: clean text, metadata and the page furniture removed from it."""

    id: str                     # sha256 of ``text``
    ref: str
    path: str
    title: str | None
    language: str | None
    published: dt.date | None
    published_source: str | None   # "metadata" | "dateline" | "option"
    outlet: str | None
    url: str | None
    text: str                   # title (if given apart from the body), a blank line, the clean body
    body_offset: int            # where the clean body starts in ``text``
    furniture: list[dict[str, Any]]
    raw_sha256: str
    ingested_at: dt.datetime
    empty_reason: str | None = None   # set when no real report content remains (login wall, empty)
    dateline: tuple[int, int] | None = None  # span of the report's own publication dateline in ``text``
    published_partial: str | None = None  # "--MM-DD" (ISO 8601) when only the day and month are known

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "ref": self.ref, "path": self.path, "title": self.title,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source, "published_partial": self.published_partial,
            "outlet": self.outlet, "url": self.url, "text": self.text, "furniture": self.furniture,
            "raw_sha256": self.raw_sha256,
            "ingested_at": self.ingested_at.isoformat(timespec="seconds"),
            "status": "empty" if self.empty_reason else "ok", "empty_reason": self.empty_reason,
            "dateline": ({"start": self.dateline[0], "end": self.dateline[1],
                          "text": self.text[self.dateline[0]:self.dateline[1]]} if self.dateline else None),
        }


# ----------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")


def decode(raw: bytes, source: str) -> str:
    """Decode report bytes: BOMs (UTF-8/16/32), UTF-8, then Windows-1256 Arabic, then a detected
    single-byte encoding. Raises InputError for binary or undecodable input."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(source, f"starts with a {encoding} byte-order mark but is not valid "
                                 f"{encoding} ({e.reason} at byte {e.start})") from None
    sample = raw[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(source, "binary data, not a text report")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _decode_cp1256(raw)
    if text is not None:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise InputError(source, "not valid UTF-8 and its encoding could not be detected")
    return str(best)


def _decode_cp1256(raw: bytes) -> str | None:
    """Windows-1256 when the bytes read as mostly Arabic letters in it."""
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError:
        return None
    letters = len(_LETTER.findall(text))
    return text if letters and len(_ARABIC.findall(text)) / letters >= 0.5 else None


# ----------------------------------------------------------------------------- readers

def iter_reports(paths: list[str], options: ReadOptions) -> Iterator[RawReport | InputError]:
    """Every report of every input, in input order; unreadable ones come as InputError items."""
    for path in paths:
        if path == "-":
            yield from _guard("-", lambda: _read_stream("-", sys.stdin.buffer.read(), "", options))
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and _extension(f) in KNOWN_EXTENSIONS)
            if not files:
                yield InputError(path, "directory holds no report files (.txt .html .json .jsonl .csv)")
            for f in files:
                yield from _guard(str(f), lambda f=f: _read_file(f, options))
        else:
            yield from _guard(path, lambda p=p: _read_file(p, options))


def _guard(source: str, make: Any) -> Iterator[RawReport | InputError]:
    try:
        yield from make()
    except InputError as e:
        yield e
    except OSError as e:
        yield InputError(source, e.strerror or str(e))


def _extension(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _read_file(path: Path, options: ReadOptions) -> Iterator[RawReport]:
    source = str(path)
    if not path.exists():
        raise InputError(source, "no such file")
    size = path.stat().st_size
    is_gz = path.suffix.lower() == ".gz"
    ext = _extension(path)
    if ext in JSONL_EXTENSIONS or (ext in CSV_EXTENSIONS):
        # record files are streamed, so only each record is held in memory
        opener = gzip.open if is_gz else open
        with opener(path, "rb") as stream:
            if ext in JSONL_EXTENSIONS:
                yield from _read_jsonl(source, stream, options)
            else:
                yield from _read_csv(source, stream, options, delimiter="\t" if ext == ".tsv" else ",")
        return
    if size > options.max_bytes and not is_gz:
        raise InputError(source, f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.1f} MB "
                         "limit (raise it with --max-bytes)")
    raw = path.read_bytes()
    if is_gz:
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as e:
            raise InputError(source, f"not a readable gzip file ({e})") from None
        if len(raw) > options.max_bytes:
            raise InputError(source, f"decompressed size over the {options.max_bytes / 1e6:.1f} MB limit")
    yield from _read_stream(source, raw, ext, options)


def _read_stream(source: str, raw: bytes, ext: str, options: ReadOptions) -> Iterator[RawReport]:
    """A whole input held in memory (a file or standard input), by extension or by sniffing."""
    if len(raw) > options.max_bytes:
        raise InputError(source, f"input is over the {options.max_bytes / 1e6:.1f} MB limit")
    if not raw.strip():
        raise InputError(source, "empty input")
    if ext in JSONL_EXTENSIONS:
        yield from _read_jsonl(source, io.BytesIO(raw), options)
        return
    if ext in CSV_EXTENSIONS:
        yield from _read_csv(source, io.BytesIO(raw), options, delimiter="\t" if ext == ".tsv" else ",")
        return
    text = decode(raw, source)
    head = text.lstrip()[:1000].lower()
    if ext in JSON_EXTENSIONS or (not ext and head[:1] in "{["):
        yield from _read_json_text(source, text, raw, options, strict=ext in JSON_EXTENSIONS)
        return
    is_html = ext in HTML_EXTENSIONS or (not ext and _looks_like_html(head))
    yield RawReport(ref=source, path=source, raw=raw, text=text, is_html=is_html)


def _looks_like_html(head: str) -> bool:
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<head" in head)


def _read_json_text(source: str, text: str, raw: bytes, options: ReadOptions,
                    strict: bool) -> Iterator[RawReport]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if "\n" in text.strip():  # maybe JSON lines without the extension
            try:
                yield from _read_jsonl(source, io.BytesIO(text.encode("utf-8")), options)
                return
            except InputError:
                pass
        if strict or text.lstrip()[:1] in "{[":
            raise InputError(source, f"invalid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
        yield RawReport(ref=source, path=source, raw=raw, text=text)
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records, 1):
        if not isinstance(record, dict):
            yield InputError(f"{source}:{i}", "JSON item is not an object")  # type: ignore[misc]
            continue
        yield _from_record(source, f"{source}:{i}", record, options)


def _read_jsonl(source: str, stream: Any, options: ReadOptions) -> Iterator[RawReport]:
    any_line = False
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        any_line = True
        where = f"{source}:{lineno}"
        try:
            record = json.loads(decode(line, where))
        except json.JSONDecodeError as e:
            yield InputError(where, f"invalid JSON line ({e.msg} at column {e.colno})")  # type: ignore[misc]
            continue
        except InputError as e:
            yield e  # type: ignore[misc]
            continue
        if not isinstance(record, dict):
            yield InputError(where, "JSON line is not an object")  # type: ignore[misc]
            continue
        yield _from_record(source, where, record, options)
    if not any_line:
        raise InputError(source, "empty input")


def _read_csv(source: str, stream: Any, options: ReadOptions, delimiter: str) -> Iterator[RawReport]:
    head = stream.read(65536)
    rest = stream.read()
    raw = head + rest
    text = decode(raw, source)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = reader.fieldnames or []
    names = options.fields
    if not any(c in columns for c in (*names.text, *names.html)):
        raise InputError(source, f"no text column (looked for {', '.join(names.text)}; columns are "
                         f"{', '.join(columns) or 'none'}; set one with --text-column)")
    for rowno, row in enumerate(reader, 2):
        yield _from_record(source, f"{source}:{rowno}", row, options)


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def _from_record(source: str, where: str, record: dict[str, Any], options: ReadOptions) -> RawReport:
    names = options.fields
    text = _first(record, names.text)
    is_html = False
    if text is None:
        text = _first(record, names.html)
        is_html = text is not None
    if text is None:
        raise InputError(where, f"record has no text (looked for fields {', '.join(names.text)})")
    ref = _first(record, names.id) or where
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return RawReport(ref=ref, path=source, raw=raw, text=text, is_html=is_html,
                     title=_first(record, names.title), url=_first(record, names.url),
                     published=_first(record, names.published), outlet=_first(record, names.outlet))


# ----------------------------------------------------------------------------- HTML

def _html_to_report(report: RawReport) -> RawReport:
    """Main text and metadata of an HTML page with trafilatura."""
    import trafilatura

    html = report.text
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_recall=True)
    if doc is None:
        body, meta = "", {}
    else:
        meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        body = meta.get("text") or ""
    title = report.title or _clean_meta(meta.get("title"))
    published = report.published or _trusted_html_date(meta.get("date"), html)
    if title and body.startswith(title):
        body = body[len(title):].lstrip("\n")
    return RawReport(ref=report.ref, path=report.path, raw=report.raw, text=body, is_html=False,
                     title=title, url=report.url or _clean_meta(meta.get("url")), published=published,
                     outlet=report.outlet or _clean_meta(meta.get("sitename")))


def _clean_meta(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def _trusted_html_date(value: Any, html: str) -> str | None:
    """trafilatura answers YYYY-01-01 when it knows only the year: that is not a day, so drop it
    unless the page itself states 1 January."""
    if not value:
        return None
    value = str(value)[:10]
    if value.endswith("-01-01"):
        year = value[:4]
        evidence = (f"{year}-01-01", f"01/01/{year}", f"1 January {year}", f"January 1, {year}",
                    f"01-01-{year}", f"{year}/01/01")
        if not any(e in html for e in evidence):
            return None
    return value


# ----------------------------------------------------------------------------- documents

def parse_day(value: str | None) -> dt.date | None:
    """A report's own date field: ISO (with or without time) or a date in words/numbers."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    found = [d for d in dates.find_dates(value) if d.date is not None]
    return found[0].date if found else None


# a date a social-media page prints after the author's name with no space between them: "Some NetworkMarch
# 18, 2025 · Shared with Public" (also after an Arabic name or "is with X."); posts of the current year
# omit the year: "Some NetworkFebruary 28 · Shared with Public"
_GLUED_HEADER = re.compile(r"(?<=[^\s\d])(?=[A-Z][a-z]{2,8}\.? \d{1,2}(?P<year>, \d{4}|\s*·|\s+at\s))")


def _header_mention(text: str, with_year: bool) -> dates.DateMention | None:
    """The first such header date, with its year (``with_year``) or without one."""
    for m in _GLUED_HEADER.finditer(text):
        if m["year"].startswith(",") != with_year:
            continue
        found = dates.find_dates(text[m.start():m.start() + 30], "en")
        if not found or found[0].start != 0:
            continue
        mention = found[0]
        complete = mention.date is not None if with_year else bool(mention.day and mention.month)
        if complete:
            return mention
    return None


def _header_date(text: str) -> dt.date | None:
    """A social-media page's header date with its year (see _GLUED_HEADER)."""
    found = _header_mention(text, with_year=True)
    return found.date if found else None


def _partial_day(metadata: str | None, body: str) -> str | None:
    """The day and month of publication when no year is known ("--02-28"): from a metadata date cut short
    ("28 فبراير"), else from a social-media header that omits the year of recent posts."""
    found = next((d for d in dates.find_dates(metadata) if d.day and d.month), None) if metadata else None
    found = found or _header_mention(body, with_year=False)
    return f"--{found.month:02d}-{found.day:02d}" if found else None


def _complete_partial(value: str, known: dt.date | None, text: str) -> dt.date | None:
    """Complete a metadata date that lacks its year from the report's own dates; else keep ``known``."""
    partial = next((d for d in dates.find_dates(value) if d.day and d.month and d.year is None), None)
    if partial is None:
        return known
    years = [known.year] if known else []
    years += [d.year for d in dates.find_dates(text[:DATELINE_WINDOW]) if d.year]
    for year in years:
        try:
            return dt.date(year, partial.month, partial.day)
        except ValueError:
            continue
    return known


def _detect_language(text: str) -> str | None:
    sample = text[:1500]
    if not _LETTER.search(sample):
        return None
    arabic = len(_ARABIC.findall(sample))
    letters = len(_LETTER.findall(sample))
    if arabic / letters > 0.5:
        return "ar"
    return _langid(sample)


def _langid(sample: str) -> str | None:
    import py3langid

    return py3langid.classify(sample)[0]


def _headline(body: str) -> str | None:
    """The first line of a plain-text report when it reads as a headline (short, no final stop)."""
    first, _, rest = body.partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= 200 and not first.endswith((".", ":", "،", ",")):
        return first
    return None


def build_document(report: RawReport, options: ReadOptions, now: dt.datetime | None = None) -> Document:
    """Clean one report into a Document (furniture removed and recorded, metadata resolved)."""
    if report.is_html:
        report = _html_to_report(report)
    body = report.text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    cleaned = furniture.remove_furniture(body)
    title = " ".join(report.title.split()) if report.title else None
    clean_body = cleaned.text.strip()
    text = f"{title}\n\n{clean_body}" if title else clean_body
    body_offset = len(title) + 2 if title else 0
    if title is None:
        title = _headline(clean_body)
    empty_reason = cleaned.empty_reason
    if not clean_body and not empty_reason:
        empty_reason = "no text" if not body.strip() else "nothing but page furniture"
    published, published_source = parse_day(report.published), "metadata"
    mention = dates.publication_date(text[:DATELINE_WINDOW], hint=published or options.published)
    if published is None:
        published, published_source = (mention.date, "dateline") if mention else (None, None)
    if published is None:
        published = _header_date(body[:DATELINE_WINDOW])  # page chrome, removed from the text, dates the post
        published_source = "dateline" if published else None
    if report.published and published_source != "metadata":
        # a metadata date cut short ("28 فبراير"): its day and month, with the year the report gives
        published, published_source = _complete_partial(report.published, published, text), "metadata"
    if published is None and options.published:
        published, published_source = options.published, "option"
    partial = _partial_day(report.published, body[:DATELINE_WINDOW]) if published is None else None
    return Document(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        ref=report.ref, path=report.path, title=title, language=_detect_language(text),
        published=published, published_source=published_source if published else None,
        outlet=report.outlet, url=report.url, text=text, body_offset=body_offset,
        furniture=[{"kind": f.kind, "text": f.text, "start": f.start, "end": f.end}
                   for f in cleaned.furniture],
        raw_sha256=hashlib.sha256(report.raw).hexdigest(),
        ingested_at=now or dt.datetime.now(dt.UTC).replace(microsecond=0),
        empty_reason=empty_reason, dateline=(mention.start, mention.end) if mention else None,
        published_partial=partial,
    )


def read_documents(paths: list[str], options: ReadOptions) -> Iterator[Document | InputError]:
    """Documents of every input in input order; unreadable reports come as InputError items."""
    for item in iter_reports(paths, options):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            if not item.text.strip():
                raise InputError(item.ref, "empty text")
            yield build_document(item, options)
        except InputError as e:
            yield e
