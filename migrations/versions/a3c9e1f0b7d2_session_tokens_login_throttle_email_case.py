"""session tokens, login throttling, ids never reused, email unique whatever its case

Revision ID: a3c9e1f0b7d2
Revises: 767052c0a8d3
Create Date: 2026-11-22 06:30:00

"""
import secrets

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a3c9e1f0b7d2"
down_revision = "767052c0a8d3"
branch_labels = None
depends_on = None


def upgrade():
    refuse_case_duplicates()
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _foreign_keys_off()
    # On SQLite the table is rebuilt, which is the only way to give it AUTOINCREMENT.
    with op.batch_alter_table(
        "user",
        recreate="always" if sqlite else "auto",
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch_op:
        batch_op.drop_constraint("uq_user_email", type_="unique")
        batch_op.add_column(sa.Column("session_token", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("login_blocked_until", sa.BigInteger(), nullable=True))
    user = sa.table("user", sa.column("id", sa.Integer), sa.column("session_token", sa.String))
    bind = op.get_bind()
    for (user_id,) in bind.execute(sa.select(user.c.id)).all():
        bind.execute(
            user.update()
            .where(user.c.id == user_id)
            .values(session_token=secrets.token_urlsafe(32))
        )
    with op.batch_alter_table("user", table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.alter_column("session_token", existing_type=sa.String(64), nullable=False)
        batch_op.create_index("ix_user_session_token", ["session_token"], unique=True)
    op.create_index("uq_user_email_lower", "user", [sa.text("lower(email)")], unique=True)
    if sqlite:
        _foreign_keys_on()


def refuse_case_duplicates():
    """Stop, naming them, if two accounts differ only in their email's case."""
    rows = op.get_bind().execute(
        sa.text('SELECT lower(email) FROM "user" GROUP BY lower(email) HAVING count(*) > 1')
    )
    duplicates = [row[0] for row in rows]
    if duplicates:
        raise RuntimeError(
            "these emails have several accounts differing only in case; merge or delete "
            f"all but one of each before upgrading: {', '.join(duplicates)}"
        )


def _foreign_keys_off():
    # Rebuilding "user" drops the old table; with foreign keys on, SQLite would first
    # delete every row, and the cascade would take every record with it. The pragma only
    # works outside a transaction, hence the autocommit block.
    with op.get_context().autocommit_block():
        op.execute("PRAGMA foreign_keys=OFF")
    if op.get_bind().exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("SQLite's foreign keys could not be switched off for the rebuild")


def _foreign_keys_on():
    with op.get_context().autocommit_block():
        op.execute("PRAGMA foreign_keys=ON")


def downgrade():
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _foreign_keys_off()
    op.drop_index("uq_user_email_lower", table_name="user")
    with op.batch_alter_table("user", recreate="always" if sqlite else "auto") as batch_op:
        batch_op.drop_index("ix_user_session_token")
        batch_op.drop_column("login_blocked_until")
        batch_op.drop_column("failed_logins")
        batch_op.drop_column("session_token")
        batch_op.create_unique_constraint("uq_user_email", ["email"])
    if sqlite:
        _foreign_keys_on()
