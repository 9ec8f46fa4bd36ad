"""The database schema: every table Marsad stores, as SQLAlchemy 2 models.

Migrations in ``marsad/migrations`` create and change these tables (Alembic); this module is the
one description of them. The same code runs on SQLite (the default) and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Document(Base):
    """One report as ingested. ``id`` is the sha256 of ``text``, so the same report is stored once."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ref: Mapped[str] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_source: Mapped[str | None] = mapped_column(String(16))
    published_partial: Mapped[str | None] = mapped_column(String(8))  # "--MM-DD" when the year is unknown
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    text: Mapped[str] = mapped_column(Text)
    body_offset: Mapped[int] = mapped_column(Integer, default=0)
    furniture: Mapped[list[Any]] = mapped_column(JSON, default=list)
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default="ok")  # ok | empty
    empty_reason: Mapped[str | None] = mapped_column(Text)
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))  # older version (same URL)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    claims: Mapped[list[Claim]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                               order_by="Claim.ordinal")


class Claim(Base):
    """One assertion in one document (SPEC "claim"); ``data`` holds the claim exactly as extracted."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    victims: Mapped[list[Any]] = mapped_column(JSON, default=list)
    count_low: Mapped[int | None] = mapped_column(Integer)
    count_high: Mapped[int | None] = mapped_column(Integer)
    count_vague: Mapped[bool] = mapped_column(Boolean, default=False)
    period_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    place_name: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    perpetrator_id: Mapped[str | None] = mapped_column(String(64), index=True)
    cause: Mapped[str | None] = mapped_column(String(16))
    claimant_name: Mapped[str | None] = mapped_column(Text)
    claimant_type: Mapped[str | None] = mapped_column(String(32))
    modality: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(16), index=True)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_quote: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    document: Mapped[Document] = relationship(back_populates="claims")


class Incident(Base):
    """One real-world event, linking the claims of every source about it."""

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    period_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    where_precision: Mapped[str | None] = mapped_column(String(16))
    cause: Mapped[str | None] = mapped_column(String(16))
    grade: Mapped[str | None] = mapped_column(String(16), index=True)
    grade_reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # estimates, contradictions...
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IncidentClaim(Base):
    """A claim's membership in an incident, with the reason the link was made."""

    __tablename__ = "incident_claims"

    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Review(Base):
    """An analyst's decision on an incident or claim: accept, correct, reject, discount."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"), index=True)
    reviewer: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str | None] = mapped_column(Text)
    old_value: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new_value: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AuditEvent(Base):
    """Everything that changed the record, in order: ingests, links, reviews, corrections."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Statistic(Base):
    """A total over a period or region (a claim of scope ``aggregate``: "3,035 civilians killed by the
    coalition from August 2014 to March 2019"), kept as a statistic beside the incidents, never as one.
    Written by ``marsad link``; ``id`` is derived from the claim (document id and ordinal), ``part_of`` is
    the statistic this one breaks down ("of whom 924 children")."""

    __tablename__ = "statistics"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    part_of: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    victims: Mapped[list[Any]] = mapped_column(JSON, default=list)
    count_low: Mapped[int | None] = mapped_column(Integer)
    count_high: Mapped[int | None] = mapped_column(Integer)
    count_vague: Mapped[bool] = mapped_column(Boolean, default=False)
    period_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    period_precision: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    where_precision: Mapped[str | None] = mapped_column(String(16))
    perpetrator_id: Mapped[str | None] = mapped_column(String(64), index=True)
    claimant_name: Mapped[str | None] = mapped_column(Text)
    claimant_type: Mapped[str | None] = mapped_column(String(32))
    modality: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DocumentRef(Base):
    """Every identifier under which a document's text came in. The same text arriving again under
    another ref (a syndicated copy, the same post under two URLs) is one document but another source;
    ingest records each ref here, and linking counts sources by ref and independent sources by text."""

    __tablename__ = "document_refs"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    ref: Mapped[str] = mapped_column(Text, primary_key=True)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


Index("ix_audit_entity", AuditEvent.entity_type, AuditEvent.entity_id)
