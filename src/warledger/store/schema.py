"""The ledger's tables: one MetaData, the single schema truth for code and migrations.

Migrations in ``store/migrations/`` must produce exactly these tables; a test
compares a migrated database with this module (Alembic's ``compare_metadata``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

# Named constraints, so batch-mode migrations on SQLite can find and alter them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# JSON everywhere, JSONB on PostgreSQL so claims can be queried by field.
Json = JSON().with_variant(JSONB(), "postgresql")
Stamp = DateTime(timezone=True)

runs = Table(
    "runs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("started", Stamp, nullable=False),
    Column("finished", Stamp),
    Column("settings_digest", String(64), nullable=False),
    Column("extractors", Json, nullable=False),
    Column("ingested", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("claims", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False),  # running | finished | failed | interrupted
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # content hash of the normalised text
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("author", Text),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    # No foreign key: the original may be stored by a concurrent run a moment later.
    Column("copy_of", String(64)),
    Column("minhash", LargeBinary),  # documents.syndication.minhash_signature
    Column("meta", Json),
    Column("ingested_at", Stamp, nullable=False),
    Column("run_id", String(32), ForeignKey("runs.id")),
    Index(None, "published"),
    Index(None, "copy_of"),
    Index(None, "run_id"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(32), ForeignKey("runs.id"), nullable=False),
    Column("stage", String(32), nullable=False),
    Column("code", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("source", Text),
    Column("doc_id", String(64)),
    Column("at", Stamp, nullable=False),
    Index(None, "run_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(200), primary_key=True),  # "<doc_id>:<local id>"
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(128), nullable=False),
    Column("kind", String(16), nullable=False),  # casualty | control | event
    Column("extractor", String(64)),
    # casualty
    Column("outcome", String(16)),
    Column("count_low", Integer),
    Column("count_high", Integer),
    Column("qualifier", String(16)),
    Column("victim_category", String(16)),
    Column("cumulative", Boolean),
    # the acting side: perpetrator (casualty), gainer (control), actor1 (event)
    Column("actor", Text),
    # the other side: victims' actor (casualty), from_actor (control), actor2 (event)
    Column("other_actor", Text),
    # control
    Column("control_kind", String(16)),
    Column("extent", String(16)),
    # event
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("fatalities", Integer),
    # place and time
    Column("place_name", Text),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("when_start", Date),
    Column("when_end", Date),
    Column("when_precision", String(16)),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("data", Json, nullable=False),  # the claim exactly as the extraction JSON gives it
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_sentence", Text, nullable=False),
    Index(None, "doc_id"),
    Index(None, "kind"),
    Index(None, "when_start"),
    Index(None, "country"),
    Index(None, "event_type"),
)

actors_seen = Table(
    "actors_seen",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("known", Boolean, nullable=False),
    Column("as_written", Json, nullable=False),
    Index(None, "name"),
)

TABLES = (documents, runs, ingest_errors, claims, actors_seen)

# -- reconciliation and review (issue 7) ------------------------------------------

# Analysts' corrections: one row per change, numbered per claim; the claim row is
# never rewritten, its effective value is the extraction with these applied in order.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(200), ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("action", String(16), nullable=False),  # set | reject
    Column("field", String(64)),
    Column("value", Json),
    Column("why", Text, nullable=False),
    Column("by", Text),
    Column("at", Stamp, nullable=False),
    Index(None, "claim_id", "version", unique=True),
)

# One reconciled item: the claims of several documents that describe one incident,
# control change or event, with figures from its independent sources. Columns are
# for filtering and exports; `data` keeps sources, documents, claims and contradictions.
reconciled = Table(
    "reconciled",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),  # casualty | control | event
    Column("cumulative", Boolean, nullable=False, default=False),
    Column("outcome", String(16)),
    Column("victim_category", String(16)),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("control_kind", String(16)),
    Column("actor", Text),
    Column("other_actor", Text),
    Column("place_name", Text),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("place_precision", String(16)),
    Column("when_start", Date),
    Column("when_end", Date),
    Column("when_precision", String(16)),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("n_sources", Integer, nullable=False, default=0),
    Column("n_documents", Integer, nullable=False, default=0),
    Column("contradicted", Boolean, nullable=False, default=False),
    Column("event_id", String(32)),  # the event a casualty incident belongs to
    Column("data", Json, nullable=False),
    Column("updated_at", Stamp, nullable=False),
    Index(None, "kind"),
    Index(None, "when_start"),
    Index(None, "country"),
    Index(None, "event_id"),
)

reconciled_members = Table(
    "reconciled_members",
    metadata,
    Column("item_id", String(32), ForeignKey("reconciled.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(200), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("doc_id", String(64), nullable=False),
    Index(None, "claim_id"),
    Index(None, "doc_id"),
)

RECONCILE_TABLES = (reviews, reconciled, reconciled_members)
