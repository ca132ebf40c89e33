"""reconciliation and review: reviews, reconciled, reconciled_members

Revision ID: 0002
Revises: 0001
Create Date: 2026-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copies of the types this revision used: later edits to schema.py must not change it.
Json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("claim_id", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.String(64), nullable=True),
        sa.Column("value", Json, nullable=True),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("by", sa.Text(), nullable=True),
        sa.Column("at", Stamp, nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_reviews_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    op.create_index(op.f("ix_reviews_claim_id_version"), "reviews", ["claim_id", "version"], unique=True)
    op.create_table(
        "reconciled",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("cumulative", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("victim_category", sa.String(16), nullable=True),
        sa.Column("event_type", sa.String(64), nullable=True),
        sa.Column("sub_event_type", sa.String(64), nullable=True),
        sa.Column("control_kind", sa.String(16), nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("other_actor", sa.Text(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("place_precision", sa.String(16), nullable=True),
        sa.Column("when_start", sa.Date(), nullable=True),
        sa.Column("when_end", sa.Date(), nullable=True),
        sa.Column("when_precision", sa.String(16), nullable=True),
        sa.Column("low", sa.Integer(), nullable=True),
        sa.Column("best", sa.Integer(), nullable=True),
        sa.Column("high", sa.Integer(), nullable=True),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("n_documents", sa.Integer(), nullable=False),
        sa.Column("contradicted", sa.Boolean(), nullable=False),
        sa.Column("event_id", sa.String(32), nullable=True),
        sa.Column("data", Json, nullable=False),
        sa.Column("updated_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciled")),
    )
    for column in ("kind", "when_start", "country", "event_id"):
        op.create_index(op.f(f"ix_reconciled_{column}"), "reconciled", [column])
    op.create_table(
        "reconciled_members",
        sa.Column("item_id", sa.String(32), nullable=False),
        sa.Column("claim_id", sa.String(200), nullable=False),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["reconciled.id"],
            name=op.f("fk_reconciled_members_item_id_reconciled"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_reconciled_members_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "claim_id", name=op.f("pk_reconciled_members")),
    )
    for column in ("claim_id", "doc_id"):
        op.create_index(op.f(f"ix_reconciled_members_{column}"), "reconciled_members", [column])


def downgrade() -> None:
    for table in ("reconciled_members", "reconciled", "reviews"):
        op.drop_table(table)
