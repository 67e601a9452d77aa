"""records and the user's sync sequence

Revision ID: 767052c0a8d3
Revises: ff383fb9e3e7
Create Date: 2026-11-21 00:52:52.570224

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '767052c0a8d3'
down_revision = 'ff383fb9e3e7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('data', sa.Text(), nullable=True),
    sa.Column('modified', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_record_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record')),
    sa.UniqueConstraint('user_id', 'uuid', name=op.f('uq_record_user_id_uuid'))
    )
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.create_index('ix_record_user_seq', ['user_id', 'seq'], unique=False)

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sync_seq', sa.BigInteger(), server_default='0', nullable=False))



def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('sync_seq')

    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.drop_index('ix_record_user_seq')

    op.drop_table('record')
