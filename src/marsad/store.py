"""The store: open a database (migrating it to the current schema) and keep documents and claims.

Each document is saved in its own transaction, so a run that dies half way loses nothing already
stored. The same report ingested twice is one document; a changed version of a report (same URL,
other text) is stored as a new document that points at the version it replaces.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, select
from sqlalchemy.orm import Session

from marsad import schema
from marsad.ingest import Document

DEFAULT_DB = "sqlite:///marsad.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(url: str | None) -> str:
    """The database to use: ``--db``, else ``MARSAD_DB``, else marsad.db in the working directory."""
    return url or os.environ.get("MARSAD_DB") or DEFAULT_DB


def open_database(url: str | None = None) -> Engine:
    """An engine on the database, its schema migrated to the latest revision."""
    url = database_url(url)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (no-op when it is there already)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def save_document(session: Session, doc: Document, claims: list[dict[str, Any]]) -> str:
    """Store a document and its claims; returns "new", "new-version" or "unchanged"."""
    exists = session.execute(select(schema.Document.id).where(schema.Document.id == doc.id)).first()
    if exists is not None:
        return "unchanged"
    previous = None
    if doc.url:
        previous = session.scalars(
            select(schema.Document.id).where(schema.Document.url == doc.url)
            .order_by(schema.Document.ingested_at.desc()).limit(1)
        ).first()
    session.execute(insert(schema.Document), dict(
        id=doc.id, ref=doc.ref, path=doc.path, title=doc.title, language=doc.language,
        published=doc.published, published_source=doc.published_source,
        published_partial=doc.published_partial, outlet=doc.outlet, url=doc.url,
        text=doc.text, body_offset=doc.body_offset, furniture=doc.furniture, raw_sha256=doc.raw_sha256,
        status="empty" if doc.empty_reason else "ok", empty_reason=doc.empty_reason,
        previous_id=previous, ingested_at=doc.ingested_at,
    ))
    if claims:
        session.execute(insert(schema.Claim), [claim_row(doc.id, i, c) for i, c in enumerate(claims)])
    session.execute(insert(schema.AuditEvent), dict(
        at=doc.ingested_at, actor="marsad ingest", action="ingest", entity_type="document",
        entity_id=doc.id, detail={"ref": doc.ref, "path": doc.path, "claims": len(claims),
                                  "previous_id": previous},
    ))
    return "new-version" if previous else "new"


def claim_row(document_id: str, ordinal: int, claim: dict[str, Any]) -> dict[str, Any]:
    """The claims-table row of one extracted claim (indexed columns, plus the claim itself as JSON)."""
    count = claim.get("count") or {}
    period = claim.get("period") or {}
    place = claim.get("place") or {}
    claimant = claim.get("claimant") or {}
    evidence = claim["evidence"]
    return dict(
        document_id=document_id, ordinal=ordinal, kind=claim["kind"], victims=claim.get("victims") or [],
        count_low=count.get("low"), count_high=count.get("high"), count_vague=bool(count.get("vague")),
        period_start=_day(period.get("start")), period_end=_day(period.get("end")),
        place_name=place.get("name"), admin1=place.get("admin1"), country=place.get("country"),
        lat=place.get("lat"), lon=place.get("lon"),
        perpetrator_id=(claim.get("perpetrator") or {}).get("id"), cause=claim.get("cause"),
        claimant_name=claimant.get("name"), claimant_type=claimant.get("type"),
        modality=claim.get("modality") or "asserted", scope=claim.get("scope") or "incident",
        evidence_start=evidence["start"], evidence_end=evidence["end"], evidence_quote=evidence["quote"],
        data=claim,
    )


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def list_documents(session: Session, limit: int = 50, offset: int = 0) -> list[tuple[schema.Document, int]]:
    """Stored documents, newest first, each with its number of claims."""
    counts = (select(schema.Claim.document_id, func.count().label("n"))
              .group_by(schema.Claim.document_id).subquery())
    rows = session.execute(
        select(schema.Document, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.document_id == schema.Document.id)
        .order_by(schema.Document.ingested_at.desc(), schema.Document.id).limit(limit).offset(offset)
    ).all()
    return [(doc, n) for doc, n in rows]


def find_document(session: Session, key: str) -> list[schema.Document]:
    """Documents whose id starts with ``key``, or whose ref equals it."""
    by_id = session.scalars(select(schema.Document).where(schema.Document.id.startswith(key)).limit(5)).all()
    if by_id:
        return list(by_id)
    return list(session.scalars(select(schema.Document).where(schema.Document.ref == key).limit(5)).all())


def count_documents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(schema.Document)) or 0


def record_ref(session: Session, doc: Document) -> bool:
    """Remember that ``doc``'s text came in under ``doc.ref`` (document_refs). Call it for every ingested
    report, new or unchanged: the same text under a second ref is one document but another source.
    Returns True when the ref is new. Added for linking (sources vs independent sources)."""
    exists = session.execute(select(schema.DocumentRef.ref).where(
        schema.DocumentRef.document_id == doc.id, schema.DocumentRef.ref == doc.ref)).first()
    if exists is not None:
        return False
    session.execute(insert(schema.DocumentRef), dict(
        document_id=doc.id, ref=doc.ref, path=doc.path, url=doc.url, outlet=doc.outlet, published=doc.published,
        first_seen=doc.ingested_at))
    return True
