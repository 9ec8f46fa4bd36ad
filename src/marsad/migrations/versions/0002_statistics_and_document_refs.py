"""statistics (aggregate claims) and document_refs (every ref a document came in under)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('statistics',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('part_of', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('victims', sa.JSON(), nullable=False),
    sa.Column('count_low', sa.Integer(), nullable=True),
    sa.Column('count_high', sa.Integer(), nullable=True),
    sa.Column('count_vague', sa.Boolean(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('period_precision', sa.String(length=16), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('where_precision', sa.String(length=16), nullable=True),
    sa.Column('perpetrator_id', sa.String(length=64), nullable=True),
    sa.Column('claimant_name', sa.Text(), nullable=True),
    sa.Column('claimant_type', sa.String(length=32), nullable=True),
    sa.Column('modality', sa.String(length=16), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('statistics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statistics_admin1'), ['admin1'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistics_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistics_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistics_period_start'), ['period_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistics_perpetrator_id'), ['perpetrator_id'], unique=False)

    op.create_table('document_refs',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('ref', sa.Text(), nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'ref')
    )


def downgrade() -> None:
    op.drop_table('document_refs')
    with op.batch_alter_table('statistics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statistics_perpetrator_id'))
        batch_op.drop_index(batch_op.f('ix_statistics_period_start'))
        batch_op.drop_index(batch_op.f('ix_statistics_document_id'))
        batch_op.drop_index(batch_op.f('ix_statistics_claim_id'))
        batch_op.drop_index(batch_op.f('ix_statistics_admin1'))
    op.drop_table('statistics')
