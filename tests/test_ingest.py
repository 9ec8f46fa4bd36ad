"""Ingest: every input format and encoding, metadata, bad input, and the decoders on random bytes."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest import FieldNames, InputError, ReadOptions, decode, read_documents

AR_BODY = ("قالت مصادر محلية إن قصفاً مدفعياً استهدف بلدة في ريف درعا الغربي صباح اليوم، "
           "ما أدى إلى مقتل رجل وإصابة طفلين بجروح، وسط حالة من الخوف بين الأهالي.")
EN_BODY = ("Shelling hit a village in the western Daraa countryside on Tuesday morning, killing one man "
           "and wounding two children, local sources said, as families fled towards the fields.")


def docs(paths: list[str | Path], **kw) -> list:
    return list(read_documents([str(p) for p in paths], ReadOptions(**kw)))


def only_doc(paths: list[str | Path], **kw):
    items = docs(paths, **kw)
    assert len(items) == 1, items
    assert not isinstance(items[0], InputError), items[0]
    return items[0]


# ------------------------------------------------------------------ encodings

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "cp1256"])
def test_plain_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    if encoding == "utf-16-be-bom":
        raw = b"\xfe\xff" + AR_BODY.encode("utf-16-be")
    else:
        raw = AR_BODY.encode(encoding)
    path.write_bytes(raw)
    doc = only_doc([path])
    assert doc.text == AR_BODY
    assert doc.language == "ar"
    assert doc.raw_sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.id == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def test_windows_1256_is_not_mistaken_for_latin(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(AR_BODY.encode("cp1256"))
    assert "ريف درعا" in only_doc([path]).text


def test_english_latin1_text(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    body = EN_BODY + " The café owner said the attack came at dawn."
    path.write_bytes(body.encode("latin-1"))
    doc = only_doc([path])
    assert "café" in doc.text
    assert doc.language == "en"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_random_bytes_never_crashes(raw: bytes) -> None:
    try:
        text = decode(raw, "random")
    except InputError as e:
        assert e.source == "random" and e.reason
    else:
        assert isinstance(text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_decode_round_trips_utf8(text: str) -> None:
    raw = text.encode("utf-8")
    try:
        assert decode(raw, "t") == text
    except InputError as e:  # control characters in random text read as binary
        assert "binary" in e.reason


# ------------------------------------------------------------------ HTML

PAGE = """<!doctype html><html><head><title>Shelling kills man in Daraa | Hawran Times</title>
<link rel="canonical" href="https://news.example/daraa-shelling">
<meta property="og:title" content="Shelling kills man in Daraa countryside">
<meta property="og:site_name" content="Hawran Times">
<meta property="article:published_time" content="2023-06-13T08:30:00+03:00">
</head><body><nav><a href="/">Home</a> <a href="/syria">Syria</a></nav>
<article><h1>Shelling kills man in Daraa countryside</h1><p>{body}</p>
<p>Residents said the shells came from the direction of a nearby military checkpoint and that an
ambulance reached the village an hour later.</p></article>
<footer>© 2023 Hawran Times. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(body=EN_BODY), encoding="utf-8")
    doc = only_doc([path])
    assert doc.title == "Shelling kills man in Daraa countryside"
    assert doc.url == "https://news.example/daraa-shelling"
    assert doc.outlet == "Hawran Times"
    assert doc.published == dt.date(2023, 6, 13) and doc.published_source == "metadata"
    assert doc.text.startswith(doc.title + "\n\n")
    assert "killing one man" in doc.text
    assert "Home" not in doc.text.split("\n\n", 1)[1][:10]
    assert "All rights reserved" not in doc.text


def test_html_year_only_date_is_unknown(tmp_path: Path) -> None:
    page = (f"<html><head><title>Report</title></head><body><article><p>{EN_BODY}</p><p>{EN_BODY.upper()}</p></article>"
            "<footer>© 2021 Some Outlet</footer></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    doc = only_doc([path])
    assert doc.published is None


def test_html_sniffed_from_stdin_like_content(tmp_path: Path) -> None:
    path = tmp_path / "page"  # no extension: sniffed
    path.write_text(PAGE.format(body=EN_BODY), encoding="utf-8")
    doc = only_doc([path])
    assert doc.url == "https://news.example/daraa-shelling"


# ------------------------------------------------------------------ JSON, JSONL, CSV

def test_jsonl_records_in_order_with_fields(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    records = [
        {"id": "a1", "text": AR_BODY, "title": "قصف على ريف درعا", "published": "2023-05-02",
         "url": "https://t.example/1", "outlet": "شبكة محلية"},
        {"id": "a2", "content": EN_BODY, "date": "2023-05-03T10:00:00Z", "publisher": "Wire"},
        {"id": "a3", "body": EN_BODY + " Later update."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    a, b, c = docs([path])
    assert [a.ref, b.ref, c.ref] == ["a1", "a2", "a3"]
    assert a.title == "قصف على ريف درعا" and a.text == f"{a.title}\n\n{AR_BODY}"
    assert a.published == dt.date(2023, 5, 2) and a.outlet == "شبكة محلية" and a.url == "https://t.example/1"
    assert b.published == dt.date(2023, 5, 3) and b.outlet == "Wire"
    assert c.text.endswith("Later update.")


def test_json_array_and_object(tmp_path: Path) -> None:
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps([{"text": AR_BODY}, {"text": EN_BODY}], ensure_ascii=False), encoding="utf-8")
    one = tmp_path / "o.json"
    one.write_text(json.dumps({"id": "x", "body": EN_BODY}), encoding="utf-8")
    items = docs([arr, one])
    assert [d.ref for d in items] == [f"{arr}:1", f"{arr}:2", "x"]


def test_custom_field_names(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"uid": "q7", "article": EN_BODY, "when": "2022-01-09"}) + "\n")
    fields = FieldNames().with_overrides(text="article", id="uid", published="when")
    doc = only_doc([path], fields=fields)
    assert doc.ref == "q7" and doc.published == dt.date(2022, 1, 9)


def test_csv_rows_with_column_options(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("key,headline,story,day\nk1,Shelling in Daraa,\"" + EN_BODY + "\",2023-02-01\n"
                    "k2,قصف,\"" + AR_BODY + "\",2023-02-02\n", encoding="utf-8")
    fields = FieldNames().with_overrides(text="story", id="key", published="day", title="headline")
    a, b = docs([path], fields=fields)
    assert (a.ref, a.title, a.published) == ("k1", "Shelling in Daraa", dt.date(2023, 2, 1))
    assert b.language == "ar" and b.published == dt.date(2023, 2, 2)


def test_csv_without_text_column_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1,2\n")
    (err,) = docs([path])
    assert isinstance(err, InputError) and "no text column" in err.reason and "a, b" in err.reason


def test_directory_recursive_by_extension_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text(AR_BODY, encoding="utf-8")
    record = json.dumps({"id": "g", "text": EN_BODY}) + "\n"
    (tmp_path / "sub" / "two.jsonl.gz").write_bytes(gzip.compress(record.encode()))
    (tmp_path / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = docs([tmp_path])
    assert [getattr(d, "ref", None) for d in items] == [str(tmp_path / "one.txt"), "g"]


# ------------------------------------------------------------------ publication date

def test_published_option_is_the_last_resort(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(EN_BODY, encoding="utf-8")
    doc = only_doc([path], published=dt.date(2020, 1, 5))
    assert doc.published == dt.date(2020, 1, 5) and doc.published_source == "option"


def test_dateline_beats_option(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Published June 4 2016\n\n" + EN_BODY, encoding="utf-8")
    doc = only_doc([path], published=dt.date(2020, 1, 5))
    assert doc.published == dt.date(2016, 6, 4) and doc.published_source == "dateline"


# ------------------------------------------------------------------ bad input

def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EN_BODY)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json")
    bad_line = tmp_path / "lines.jsonl"
    bad_line.write_text(f'{{"text": "{EN_BODY}"}}\n{{oops\n[1,2]\n{{"title": "no text"}}\n')
    missing = tmp_path / "missing.txt"
    items = docs([good, empty, binary, big, bad_json, bad_line, missing], max_bytes=4000)
    errors = [i for i in items if isinstance(i, InputError)]
    reasons = {e.source: e.reason for e in errors}
    assert reasons[str(empty)] == "empty input"
    assert "binary" in reasons[str(binary)]
    assert "limit" in reasons[str(big)]
    assert "invalid JSON" in reasons[str(bad_json)]
    assert "invalid JSON line" in reasons[f"{bad_line}:2"]
    assert "not an object" in reasons[f"{bad_line}:3"]
    assert "no text" in reasons[f"{bad_line}:4"]
    assert reasons[str(missing)] == "no such file"
    assert [d.ref for d in items if not isinstance(d, InputError)] == [str(good), f"{bad_line}:1"]


def test_furniture_only_page_is_stored_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "wall.txt"
    path.write_text("Log in to continue\nThis content isn't available right now\n", encoding="utf-8")
    doc = only_doc([path])
    assert doc.empty_reason


def test_social_media_header_date_glued_to_the_author(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text("Radio Sawt Halab - Post | Radio Sawt HalabMarch 18, 2025 · Shared with Public\n" + AR_BODY,
                    encoding="utf-8")
    doc = only_doc([path])
    assert doc.published == dt.date(2025, 3, 18) and doc.published_source == "dateline"


@pytest.mark.parametrize("header", ["شبكة أخبار الريفSeptember 4, 2025 · Shared with Public",
                                    "Ali Hamed is with Omar Saleh.November 30, 2024 · Shared with Public"])
def test_header_date_glued_to_an_arabic_name_or_a_tag_list(tmp_path: Path, header: str) -> None:
    path = tmp_path / "post.txt"
    path.write_text(header + "\n" + AR_BODY, encoding="utf-8")
    record = {"id": "p", "published": "4 سبتمبر 2", "text": header + "\n" + AR_BODY}
    (tmp_path / "post.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    want = dt.date(2025, 9, 4) if "September" in header else dt.date(2024, 11, 30)
    assert only_doc([path]).published == want
    if "September" in header:   # a metadata date cut short takes its year from the header
        assert only_doc([tmp_path / "post.jsonl"]).published == want


def test_metadata_date_without_its_year_takes_the_reports_year(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    record = {"id": "p", "published": "28 فبراير ", "text": "نشر في 27 شباط 2025\n" + AR_BODY}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = only_doc([path])
    assert doc.published == dt.date(2025, 2, 28) and doc.published_source == "metadata"


@pytest.mark.parametrize("published,header", [("28 فبراير ", "Rural Voices\n"),
                                              (None, "Rural VoicesFebruary 28 · Shared with Public\n")])
def test_day_and_month_are_kept_when_no_year_is_known(tmp_path: Path, published: str | None, header: str) -> None:
    path = tmp_path / "r.jsonl"
    record = {"id": "p", "published": published, "text": header + AR_BODY}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = only_doc([path])
    assert doc.published is None and doc.published_partial == "--02-28"


def test_the_dateline_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("BEIRUT, Mon 09 Oct 2023\n\n" + EN_BODY, encoding="utf-8")
    doc = only_doc([path])
    assert doc.dateline is not None
    assert "09 Oct 2023" in doc.text[doc.dateline[0]:doc.dateline[1]]
