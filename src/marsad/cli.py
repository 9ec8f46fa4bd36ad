"""The ``marsad`` command line: a thin layer over ingest, extract and store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from marsad import __version__
from marsad.ingest import DEFAULT_MAX_BYTES, FieldNames, InputError, ReadOptions

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): turn reports of civilian harm in armed conflict into a verifiable incident "
         "database. Every number is traced to the sentence it came from and to who said it.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
)
documents_app = typer.Typer(help="List and show stored documents.", no_args_is_help=False)
app.add_typer(documents_app, name="documents")
gazetteer_app = typer.Typer(help="The place gazetteer: look places up, extend it from GeoNames dumps.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class IngestFormat(StrEnum):
    summary = "summary"
    jsonl = "jsonl"
    table = "table"


# ------------------------------------------------------------------ shared options

Paths = Annotated[list[str], typer.Argument(
    help="Report files or directories (searched recursively by extension: .txt .html .json .jsonl "
         ".csv, optionally .gz), or - for standard input.", show_default=False)]
DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database URL (default: MARSAD_DB, else sqlite:///marsad.db in this directory).",
    show_default=False)]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date YYYY-MM-DD for reports that carry none of their own.",
    show_default=False)]
MaxBytesOption = Annotated[int, typer.Option(
    "--max-bytes", help="Refuse inputs larger than this many bytes.", min=1)]
TextColumn_ = Annotated[str | None, typer.Option(
    "--text-column", "--text-field", help="CSV column / JSON field holding the report text "
    "(default: text, content or body).", show_default=False)]
IdColumn = Annotated[str | None, typer.Option(
    "--id-column", "--id-field", help="CSV column / JSON field holding the report's own id "
    "(default: id).", show_default=False)]
DateColumn = Annotated[str | None, typer.Option(
    "--date-column", "--date-field", help="CSV column / JSON field holding the publication date "
    "(default: published or date).", show_default=False)]
TitleColumn = Annotated[str | None, typer.Option(
    "--title-column", "--title-field", help="CSV column / JSON field holding the title (default: title).",
    show_default=False)]
UrlColumn = Annotated[str | None, typer.Option(
    "--url-column", "--url-field", help="CSV column / JSON field holding the URL (default: url).",
    show_default=False)]
OutletColumn = Annotated[str | None, typer.Option(
    "--outlet-column", "--outlet-field", help="CSV column / JSON field holding the outlet "
    "(default: outlet, publisher or source).", show_default=False)]


def _read_options(published: str | None, max_bytes: int, text_column: str | None, id_column: str | None,
                  date_column: str | None, title_column: str | None, url_column: str | None,
                  outlet_column: str | None) -> ReadOptions:
    day = None
    if published:
        try:
            day = dt.date.fromisoformat(published)
        except ValueError:
            raise typer.BadParameter(f"{published!r} is not a date of the form YYYY-MM-DD",
                                     param_hint="--published") from None
    fields = FieldNames().with_overrides(text=text_column, id=id_column, published=date_column,
                                         title=title_column, url=url_column, outlet=outlet_column)
    return ReadOptions(fields=fields, max_bytes=max_bytes, published=day)


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    """A progress display on stderr for long runs (hidden when stderr is not a terminal)."""
    progress = Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task(label, total=None)
        yield lambda: progress.advance(task)


def _report_error(e: InputError) -> None:
    err.print(f"marsad: {e}", markup=False)


def _print_json(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _document_table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("id", no_wrap=True, min_width=8)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("lang", no_wrap=True, min_width=4)
    table.add_column("claims", justify="right", no_wrap=True, min_width=6)
    table.add_column("furniture", justify="right", no_wrap=True, min_width=9)
    table.add_column("title / status", overflow="ellipsis", no_wrap=True, max_width=44)
    for r in rows:
        d = r["document"]
        title = d.get("title") or d["text"][:60].replace("\n", " ") or "—"
        if d.get("empty_reason"):
            title = f"[yellow]no content: {d['empty_reason']}[/]"
        table.add_row(d["id"][:8], d.get("published") or "—", d.get("language") or "?", str(len(r["claims"])),
                      str(len(d.get("furniture") or [])), title)
    return table


# ------------------------------------------------------------------ commands

@app.command()
def extract(
    paths: Paths,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="jsonl: one JSON object per "
                      "document (the machine contract); table: a readable overview.")] = ExtractFormat.jsonl,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    text_column: TextColumn_ = None, id_column: IdColumn = None, date_column: DateColumn = None,
    title_column: TitleColumn = None, url_column: UrlColumn = None, outlet_column: OutletColumn = None,
) -> None:
    """Read reports and print each document with its claims and summary, without storing anything.

    Example: [bold]marsad extract report.html reports.jsonl --format jsonl[/]
    """
    from marsad.extract import analyse
    from marsad.ingest import read_documents

    options = _read_options(published, max_bytes, text_column, id_column, date_column, title_column,
                            url_column, outlet_column)
    done = failed = 0
    rows: list[dict[str, Any]] = []
    with _progress("extracting") as advance:
        for item in read_documents(paths, options):
            advance()
            if isinstance(item, InputError):
                _report_error(item)
                failed += 1
                continue
            result = analyse(item)
            done += 1
            if format is ExtractFormat.jsonl:
                _print_json(result)
            else:
                rows.append(result)
    if format is ExtractFormat.table and rows:
        out.print(_document_table(rows, f"{done} documents"))
    if done == 0:
        err.print(f"marsad: nothing could be processed ({failed} inputs failed)" if failed
                  else "marsad: no reports found")
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Paths,
    db: DbOption = None,
    format: Annotated[IngestFormat, typer.Option("--format", "-f", help="summary: counts only; jsonl: "
                      "the same objects as `extract`; table: a readable overview.")] = IngestFormat.summary,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    text_column: TextColumn_ = None, id_column: IdColumn = None, date_column: DateColumn = None,
    title_column: TitleColumn = None, url_column: UrlColumn = None, outlet_column: OutletColumn = None,
    link: Annotated[bool, typer.Option("--link", help="Link the stored claims into incidents after "
                                       "ingesting (as `marsad link`).")] = False,
) -> None:
    """Read reports, extract their claims and store both (one transaction per document).

    Ingesting the same report again changes nothing; a changed version of a report (same URL, other
    text) is stored as a new document linked to the old one.

    Example: [bold]marsad ingest reports/ --db sqlite:///syria.db[/]
    """
    options = _read_options(published, max_bytes, text_column, id_column, date_column, title_column,
                            url_column, outlet_column)
    outcome = _ingest(paths, options, db, format)
    if sum(outcome[k] for k in ("new", "new-version", "unchanged")) == 0:
        raise typer.Exit(1)
    if link:
        _link(db)


def _ingest(paths: list[str], options: ReadOptions, db: str | None, format: IngestFormat) -> Counter[str]:
    from sqlalchemy.orm import Session

    from marsad.extract import analyse
    from marsad.ingest import read_documents
    from marsad.store import database_url, open_database, record_ref, save_document

    engine = open_database(db)
    outcome: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    with _progress("ingesting") as advance, Session(engine) as session:
        for item in read_documents(paths, options):
            advance()
            if isinstance(item, InputError):
                _report_error(item)
                outcome["failed"] += 1
                continue
            result = analyse(item)
            try:
                with session.begin():
                    status = save_document(session, item, result["claims"])
                    record_ref(session, item)  # the same text under another ref is another source
            except Exception as e:  # a storage failure for one document: report it and go on
                err.print(f"marsad: {item.ref}: could not be stored ({type(e).__name__}: {e})", markup=False)
                outcome["failed"] += 1
                continue
            outcome[status] += 1
            outcome["claims"] += len(result["claims"]) if status != "unchanged" else 0
            if format is IngestFormat.jsonl:
                _print_json(result)
            elif format is IngestFormat.table:
                rows.append(result)
    if rows:
        out.print(_document_table(rows, f"{len(rows)} documents"))
    err.print(f"{database_url(db)}: {outcome['new']} new documents, {outcome['new-version']} new versions, "
              f"{outcome['unchanged']} unchanged, {outcome['failed']} failed; {outcome['claims']} claims stored",
              markup=False)
    return outcome


@documents_app.callback(invoke_without_command=True)
def documents(ctx: typer.Context, db: DbOption = None,
              limit: Annotated[int, typer.Option(help="How many to list.", min=1)] = 50) -> None:
    """List stored documents, newest first (the same as `marsad documents list`).

    Example: [bold]marsad documents --limit 20[/]
    """
    if ctx.invoked_subcommand is None:
        list_documents(db=db, limit=limit)


@documents_app.command("list")
def list_documents(db: DbOption = None,
                   limit: Annotated[int, typer.Option(help="How many to list.", min=1)] = 50,
                   offset: Annotated[int, typer.Option(help="Skip this many first.", min=0)] = 0) -> None:
    """List stored documents, newest first, with language, date, furniture removed and claims.

    Example: [bold]marsad documents list --db sqlite:///syria.db[/]
    """
    from sqlalchemy.orm import Session

    from marsad import store

    engine = store.open_database(db)
    with Session(engine) as session:
        total = store.count_documents(session)
        rows = store.list_documents(session, limit=limit, offset=offset)
        table = Table(title=f"{total} documents in {store.database_url(db)}")
        for col in ("id", "ref", "lang", "published", "title", "furniture", "claims", "status"):
            table.add_column(col, overflow="fold")
        for doc, n in rows:
            table.add_row(doc.id[:12], str(doc.ref)[-40:], doc.language or "?",
                          doc.published.isoformat() if doc.published else "—",
                          doc.title or doc.text[:60].replace("\n", " "), str(len(doc.furniture or [])), str(n),
                          doc.status + (f": {doc.empty_reason}" if doc.empty_reason else ""))
        out.print(table)


@documents_app.command("show")
def show_document(
    key: Annotated[str, typer.Argument(help="Document id (or a unique prefix of it), or its ref.")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show one stored document: metadata, clean text, removed page furniture and claims.

    Example: [bold]marsad documents show 3fa2c1[/]
    """
    from sqlalchemy.orm import Session

    from marsad import store

    engine = store.open_database(db)
    with Session(engine) as session:
        found = store.find_document(session, key)
        if not found:
            err.print(f"marsad: no document with id or ref {key!r}", markup=False)
            raise typer.Exit(1)
        if len(found) > 1:
            err.print(f"marsad: {key!r} matches {len(found)} documents; give more of the id", markup=False)
            raise typer.Exit(1)
        doc = found[0]
        claims = [c.data for c in doc.claims]
        if format == "json":
            _print_json({"document": _stored_json(doc), "claims": claims})
            return
        out.print(f"[bold]{doc.title or '(no title)'}[/]")
        meta = {"id": doc.id, "ref": doc.ref, "path": doc.path, "language": doc.language,
                "published": f"{doc.published} ({doc.published_source})" if doc.published else "unknown",
                "outlet": doc.outlet, "url": doc.url, "status": doc.status, "empty reason": doc.empty_reason,
                "previous version": doc.previous_id, "ingested": doc.ingested_at}
        for k, v in meta.items():
            if v:
                out.print(f"[dim]{k:>16}[/] {v}", markup=True)
        out.rule("clean text")
        out.print(doc.text, markup=False)
        if doc.furniture:
            out.rule(f"page furniture removed ({len(doc.furniture)})")
            for f in doc.furniture:
                out.print(f"[yellow]{f['kind']}[/] [dim]@{f.get('start')}[/] " + f["text"][:200].replace("[", r"\["))
        out.rule(f"claims ({len(claims)})")
        for c in claims:
            out.print(json.dumps(c, ensure_ascii=False), markup=False)


def _stored_json(doc: Any) -> dict[str, Any]:
    return {"id": doc.id, "ref": doc.ref, "path": doc.path, "title": doc.title, "language": doc.language,
            "published": doc.published.isoformat() if doc.published else None, "outlet": doc.outlet,
            "url": doc.url, "text": doc.text, "furniture": doc.furniture, "status": doc.status,
            "empty_reason": doc.empty_reason, "previous_id": doc.previous_id}


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="SQLite file to create (replaced if it exists).")] =
    Path("marsad-demo.db"),
) -> None:
    """Ingest the sample reports bundled with Marsad into a fresh SQLite file and show what was found.

    Example: [bold]marsad demo[/]
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with importlib_resources.as_file(importlib_resources.files("marsad") / "samples") as folder:
        reports = [str(p) for p in sorted(folder.iterdir())
                   if p.is_file() and p.suffix in {".txt", ".html", ".json", ".jsonl", ".csv"}]
        out.print(f"[bold]Marsad demo[/]: ingesting {len(reports)} sample reports into {db}")
        _ingest(reports, ReadOptions(), f"sqlite:///{db}", IngestFormat.table)
    _link(f"sqlite:///{db}")
    from sqlalchemy.orm import Session

    from marsad import publish, store

    with Session(store.open_database(f"sqlite:///{db}")) as session:
        rows = publish.list_incidents(session)
    publish.render_incident_list(out, rows, title=f"{len(rows)} incidents")
    url = f"sqlite:///{db}"
    out.print(f"Look closer with: [bold]marsad documents show ID --db {url}[/], "
              f"[bold]marsad show INCIDENT --db {url}[/], [bold]marsad stats --db {url}[/] and "
              f"[bold]marsad export --db {url} --format csv[/]")


@app.command("link")
def link_command(db: DbOption = None) -> None:
    """Group the stored incident claims into incidents (re-running gives the same incidents).

    Claims are linked when place, time, perpetrator, outcome and cause are compatible; every link
    records why it was made. New reports join existing incidents; NGO totals become statistics.

    Example: [bold]marsad link --db sqlite:///syria.db[/]
    """
    _link(db)


def _link(db: str | None) -> None:
    from marsad import link as linking
    from marsad.store import database_url, open_database

    report = linking.link_all(open_database(db))
    err.print(f"{database_url(db)}: {report}", markup=False)


# ------------------------------------------------------------------ incidents: list, show, stats, export
class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


class StatsBy(StrEnum):
    year = "year"
    month = "month"
    perpetrator = "perpetrator"
    governorate = "governorate"
    victim = "victim"


PlaceFilter = Annotated[str | None, typer.Option(
    "--place", help="Place or governorate, in Arabic or English (\"دير الزور\", \"Deir Ezzor\", \"Baghuz\").",
    show_default=False)]
ActorFilter = Annotated[str | None, typer.Option(
    "--actor", help="Perpetrator id (intl_coalition, russia, syrian_government ...); incidents with competing "
    "attributions match each of them.", show_default=False)]
FromFilter = Annotated[str | None, typer.Option(
    "--from", help="Incidents whose period ends on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
    show_default=False)]
ToFilter = Annotated[str | None, typer.Option(
    "--to", help="Incidents whose period starts on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).",
    show_default=False)]
GradeFilter = Annotated[list[str] | None, typer.Option(
    "--grade", help="Only this grade (confirmed, fair, weak, contested, discounted); repeat for several.",
    show_default=False)]


def _date_filters(date_from: str | None, date_to: str | None) -> None:
    from marsad.publish import date_bound

    for value, name, end in ((date_from, "--from", False), (date_to, "--to", True)):
        if value is None:
            continue
        try:
            date_bound(value, end=end)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                                     param_hint=name) from None


@app.command("incidents")
def incidents_command(
    db: DbOption = None,
    place: PlaceFilter = None,
    actor: ActorFilter = None,
    date_from: FromFilter = None,
    date_to: ToFilter = None,
    grade: GradeFilter = None,
    min_killed: Annotated[int | None, typer.Option(
        "--min-killed", help="Only incidents whose best count of civilians killed is at least this.", min=0,
        show_default=False)] = None,
    format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table: a readable list, thin data flagged; jsonl: one JSON object per "
        "incident.")] = ListFormat.table,
) -> None:
    """List incidents, oldest first (undated ones last, flagged), filtered by place, actor, date, grade, toll.

    Example: [bold]marsad incidents --place "دير الزور" --actor intl_coalition --from 2019 --min-killed 10[/]
    """
    from sqlalchemy.orm import Session

    from marsad import publish, store

    _date_filters(date_from, date_to)
    engine = store.open_database(db)
    with Session(engine) as session:
        rows = publish.list_incidents(session, place=place, actor=actor, date_from=date_from, date_to=date_to,
                                      grade=grade or None, min_killed=min_killed)
    if format is ListFormat.jsonl:
        for row in rows:
            _print_json(row.as_dict())
        return
    publish.render_incident_list(out, rows, title=f"{len(rows)} incidents in {store.database_url(db)}")


@app.command("show")
def show_command(
    key: Annotated[str, typer.Argument(help="Incident id, or a unique prefix of it.")],
    db: DbOption = None,
    format: Annotated[ShowFormat, typer.Option(
        "--format", "-f", help="text: the claims side by side, contradictions, estimates and grade; json: "
        "the same as a JSON object.")] = ShowFormat.text,
) -> None:
    """Show one incident in full: its claims with quotes, claimants and modality, the contradictions, and
    how the low/best/high estimates and the grade were reached.

    Example: [bold]marsad show 3fa2c1[/]
    """
    from sqlalchemy.orm import Session

    from marsad import publish, store

    engine = store.open_database(db)
    with Session(engine) as session:
        try:
            data = publish.show_incident(session, key)
        except LookupError as e:
            err.print(f"marsad: {e}", markup=False)
            raise typer.Exit(1) from None
    if format is ShowFormat.json:
        _print_json(data)
        return
    publish.render_incident(out, data)


@app.command("stats")
def stats_command(
    db: DbOption = None,
    by: Annotated[StatsBy, typer.Option(
        "--by", help="Group incidents by year, month, perpetrator, governorate, or one row per victim "
        "category.")] = StatsBy.year,
    place: PlaceFilter = None,
    actor: ActorFilter = None,
    date_from: FromFilter = None,
    date_to: ToFilter = None,
    grade: GradeFilter = None,
    include_discounted: Annotated[bool, typer.Option(
        "--include-discounted", help="Count incidents an analyst discounted (left out by default).")] = False,
    aggregates: Annotated[bool, typer.Option(
        "--aggregates", help="Also set each stored NGO / monitor total beside the sum of incidents for the "
        "same actor and period.")] = False,
    format: Annotated[ListFormat, typer.Option(
        "--format", "-f", help="table: Rich tables; jsonl: one JSON object per row.")] = ListFormat.table,
) -> None:
    """Statistics computed from incidents: number of incidents and sums of best estimates per group.

    Example: [bold]marsad stats --by perpetrator --from 2019 --aggregates[/]
    """
    from sqlalchemy.orm import Session

    from marsad import publish, store

    _date_filters(date_from, date_to)
    engine = store.open_database(db)
    with Session(engine) as session:
        table = publish.stats(session, by.value, include_discounted=include_discounted, place=place, actor=actor,
                              date_from=date_from, date_to=date_to, grade=grade or None)
        comparison = publish.aggregates_vs_incidents(session) if aggregates else None
    if format is ListFormat.jsonl:
        for row in table.as_dicts():
            _print_json({"by": table.by, **row})
        for row in comparison or []:
            _print_json({"aggregate": row})
        return
    publish.render_stats(out, table)
    if comparison is not None:
        publish.render_aggregates(out, comparison)


@app.command("export")
def export_command(
    db: DbOption = None,
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="jsonl: one incident per line with its claims (the SPEC contract); csv: UCDP "
        "GED-like columns; geojson: a FeatureCollection of points (incidents without coordinates in "
        "\"unlocated\").")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of standard output.", show_default=False)] = None,
) -> None:
    """Export every incident. The same database always gives byte-identical output.

    Example: [bold]marsad export --format geojson -o incidents.geojson[/]
    """
    from sqlalchemy.orm import Session

    from marsad import publish, store

    engine = store.open_database(db)
    with Session(engine) as session:
        if output is None:
            n = publish.export(session, format.value, sys.stdout)
            sys.stdout.flush()
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = publish.export(session, format.value, fh)
    if output is not None:
        err.print(f"{n} incidents written to {output}", markup=False)


@gazetteer_app.command("import")
def gazetteer_import(
    file: Annotated[Path, typer.Argument(help="A GeoNames country dump (SY.txt, IQ.txt ... tab-separated).")],
) -> None:
    """Add the places of a GeoNames country dump to the gazetteer (kept in the user's Marsad data).

    Example: [bold]marsad gazetteer import SY.txt[/]
    """
    from marsad import gazetteer

    if not file.is_file():
        err.print(f"marsad: {file}: no such file", markup=False)
        raise typer.Exit(1)
    try:
        n = gazetteer.import_geonames(file)
    except (ValueError, UnicodeDecodeError) as e:
        err.print(f"marsad: {file}: not a GeoNames dump ({e})", markup=False)
        raise typer.Exit(1) from None
    out.print(f"imported {n} places from {file}")


@gazetteer_app.command("lookup")
def gazetteer_lookup(name: Annotated[str, typer.Argument(help="A place name in Arabic or English.")]) -> None:
    """Resolve a place name: candidates with governorate, country, coordinates and precision.

    Example: [bold]marsad gazetteer lookup "ريف إدلب الجنوبي"[/]
    """
    from marsad import gazetteer

    places = gazetteer.lookup(name)
    if not places:
        err.print(f"marsad: no place called {name!r} in the gazetteer", markup=False)
        raise typer.Exit(1)
    table = Table(title=f"{name}")
    for col in ("name", "arabic", "governorate", "country", "lat", "lon", "precision"):
        table.add_column(col)
    for p in places[:10]:
        table.add_row(p.name, p.name_ar or "", p.admin1 or "", p.country or "", f"{p.lat:.3f}" if p.lat else "",
                      f"{p.lon:.3f}" if p.lon else "", p.precision)
    out.print(table)


def version_callback(value: bool) -> None:
    if value:
        out.print(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Marsad: reports of civilian harm in, a verifiable incident database out."""


def main() -> None:
    app()
