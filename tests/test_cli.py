"""The command line and the store: the SPEC contract, idempotent ingest, versions, bad input, demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from marsad import schema, store
from marsad.cli import app

SHARED = Path(__file__).resolve().parents[2] / "shared"
runner = CliRunner()

REPORT = ("Two civilians were killed and four wounded when shelling hit the market of a town in the "
          "northern Hama countryside on Monday, a local rescue team said.")


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


def test_extract_jsonl_follows_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "r-1", "title": "Shelling on a market", "text": REPORT,
                                "url": "https://x.example/a", "outlet": "Example News"}) + "\n")
    result = run("extract", str(path), "--format", "jsonl", "--published", "2023-03-06")
    assert result.exit_code == 0, result.output
    (obj,) = jsonl(result.stdout)
    doc = obj["document"]
    for key in ("id", "ref", "path", "title", "language", "published", "outlet", "url", "text", "furniture"):
        assert key in doc
    assert doc["ref"] == "r-1" and doc["published"] == "2023-03-06" and doc["language"] == "en"
    assert doc["text"] == "Shelling on a market\n\n" + REPORT
    assert isinstance(obj["claims"], list) and "summary" in obj
    for claim in obj["claims"]:
        ev = claim["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["quote"]


def test_extract_keeps_input_order_and_reports_bad_input(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text(REPORT)
    b.write_bytes(b"\x00\x01\x02binary")
    c.write_text(REPORT.replace("Two", "Three"))
    result = run("extract", str(a), str(b), str(c))
    assert result.exit_code == 0
    assert [o["document"]["ref"] for o in jsonl(result.stdout)] == [str(a), str(c)]
    assert f"{b}: binary data" in result.stderr
    assert "Traceback" not in result.output


def test_exit_status_nonzero_only_when_nothing_processed(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.stderr
    assert "Traceback" not in result.output


def test_extract_from_stdin() -> None:
    result = run("extract", "-", input=REPORT)
    assert result.exit_code == 0
    (obj,) = jsonl(result.stdout)
    assert obj["document"]["ref"] == "-" and obj["document"]["text"] == REPORT


def test_extract_table_format(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT)
    result = run("extract", str(path), "--format", "table")
    assert result.exit_code == 0 and "1 documents" in result.stdout


def _db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 't.db'}"


def _count(url: str, model) -> int:
    with Session(create_engine(url)) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_ingest_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT)
    url = _db(tmp_path)
    first = run("ingest", str(path), "--db", url)
    assert first.exit_code == 0 and "1 new documents" in first.stderr
    second = run("ingest", str(path), "--db", url)
    assert second.exit_code == 0 and "1 unchanged" in second.stderr
    assert _count(url, schema.Document) == 1


def test_changed_version_of_a_report_is_linked_to_the_old(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    url = _db(tmp_path)
    path.write_text(json.dumps({"id": "v1", "url": "https://x.example/s", "text": REPORT}) + "\n")
    run("ingest", str(path), "--db", url)
    path.write_text(json.dumps({"id": "v2", "url": "https://x.example/s",
                                "text": REPORT + " The toll later rose to three."}) + "\n")
    result = run("ingest", str(path), "--db", url)
    assert "1 new versions" in result.stderr
    with Session(create_engine(url)) as s:
        old = s.scalars(select(schema.Document).where(schema.Document.ref == "v1")).one()
        new = s.scalars(select(schema.Document).where(schema.Document.ref == "v2")).one()
        assert new.previous_id == old.id


def test_env_var_sets_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT)
    url = _db(tmp_path)
    monkeypatch.setenv("MARSAD_DB", url)
    assert run("ingest", str(path)).exit_code == 0
    assert _count(url, schema.Document) == 1


def test_a_failure_half_way_loses_nothing_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = []
    for i in range(3):
        p = tmp_path / f"r{i}.txt"
        p.write_text(REPORT.replace("Two", f"{i + 2} more"))
        paths.append(str(p))
    url = _db(tmp_path)
    real = store.save_document

    def flaky(session, doc, claims):
        status = real(session, doc, claims)  # the document is written, then the run fails
        if doc.ref.endswith("r1.txt"):
            raise RuntimeError("disk full")
        return status

    monkeypatch.setattr(store, "save_document", flaky)
    result = run("ingest", *paths, "--db", url)
    assert result.exit_code == 0
    assert "r1.txt: could not be stored (RuntimeError: disk full)" in result.stderr
    with Session(create_engine(url)) as s:
        refs = sorted(s.scalars(select(schema.Document.ref)).all())
    assert refs == [paths[0], paths[2]]


def test_documents_list_and_show(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT + "\n\nShare this article: Facebook Twitter WhatsApp\n")
    url = _db(tmp_path)
    run("ingest", str(path), "--db", url)
    listing = run("documents", "--db", url)
    assert listing.exit_code == 0 and "1 documents" in listing.stdout
    with Session(create_engine(url)) as s:
        doc_id = s.scalars(select(schema.Document.id)).one()
    shown = run("documents", "show", doc_id[:10], "--db", url)
    assert shown.exit_code == 0 and "northern Hama" in shown.stdout
    as_json = run("documents", "show", doc_id[:10], "--db", url, "--format", "json")
    assert json.loads(as_json.stdout)["document"]["id"] == doc_id
    missing = run("documents", "show", "ffffffffff", "--db", url)
    assert missing.exit_code == 1 and "no document" in missing.stderr


def test_demo_builds_a_fresh_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("demo")
    assert result.exit_code == 0, result.output
    url = f"sqlite:///{tmp_path / 'marsad-demo.db'}"
    n = _count(url, schema.Document)
    assert n >= 8
    again = run("demo")  # fresh each time: same number, not doubled
    assert again.exit_code == 0 and _count(url, schema.Document) == n
    with Session(create_engine(url)) as s:
        statuses = dict(s.execute(select(schema.Document.path, schema.Document.status)).all())
    assert any(p.endswith("en_login_wall.html") and st == "empty" for p, st in statuses.items())


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "marsad", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "extract" in result.stdout and "ingest" in result.stdout


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not present")
def test_seed_furniture_removed_and_recorded() -> None:
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    result = run("extract", *seeds, "--format", "jsonl")
    assert result.exit_code == 0
    first, second = (o["document"] for o in jsonl(result.stdout))
    assert "تصحيح" not in first["text"] and "شكوى" not in first["text"]
    assert "3035" in first["text"]
    assert {"correction-footer", "complaint-footer"} <= {f["kind"] for f in first["furniture"]}
    assert "بايدن" not in second["text"] and "اترك تعليق" not in second["text"]
    assert "9/ 02/ 2019" in second["text"]
    kinds = {f["kind"] for f in second["furniture"]}
    assert "see-also" in kinds and "comment-form" in kinds
