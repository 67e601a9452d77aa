"""Applying pushes to and reading pulls from the database, by the rules in sync.py."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import bindparam, insert, select, update

from .extensions import db
from .models import Record, User
from .sync import Incoming, Stored, decide

PULL_PAGE = 200


@dataclass
class PushResult:
    """What a push did: records applied, already there, or lost to the server's copy."""

    applied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # the server's copies the device adopts: it lost a conflict, or its time was moved
    conflicts: list[dict] = field(default_factory=list)
    cursor: int = 0


def push(user_id: int, incoming: list[Incoming]) -> PushResult:
    """Apply one batch in one transaction. Replaying a batch changes nothing."""
    result = PushResult()
    # Take the user's row lock first: pushes of one account run one after another, so
    # sequence numbers are committed in order and a pull never skips one.
    current = db.session.execute(
        update(User)
        .where(User.id == user_id)
        .values(sync_seq=User.sync_seq)
        .returning(User.sync_seq)
    ).scalar_one()
    # One expanding parameter, not 500 literals for SQLAlchemy to coerce one by one.
    stored = {
        row.uuid: row
        for row in db.session.scalars(
            select(Record).where(
                Record.user_id == user_id, Record.uuid.in_(bindparam("uuids", expanding=True))
            ),
            {"uuids": [r.uuid for r in incoming]},
        )
    }
    to_apply = []
    for record in incoming:
        row = stored.get(record.uuid)
        outcome = decide(Stored(row.modified, row.deleted, row.data) if row else None, record)
        if outcome == "apply":
            to_apply.append(record)
        elif outcome == "same":
            result.unchanged.append(record.uuid)
        else:
            result.conflicts.append(record_json(row))
    if to_apply:
        current = db.session.execute(
            update(User)
            .where(User.id == user_id)
            .values(sync_seq=User.sync_seq + len(to_apply))
            .returning(User.sync_seq)
        ).scalar_one()
        inserts, updates = [], []
        for seq, record in enumerate(to_apply, start=current - len(to_apply) + 1):
            values = {
                "kind": record.kind,
                "data": record.data,
                "modified": record.modified,
                "deleted": record.deleted,
                "seq": seq,
            }
            row = stored.get(record.uuid)
            if row is None:
                inserts.append({"user_id": user_id, "uuid": record.uuid, **values})
            else:
                updates.append({"id": row.id, **values})
            result.applied.append(record.uuid)
            if record.adjusted:
                # the device's copy has another time than the server's: it adopts this one
                copy = {"id": record.uuid, **values}
                copy["data"] = None if record.data is None else json.loads(record.data)
                result.conflicts.append(copy)
        # Bulk statements, not one ORM object per record: a push costs a few round trips.
        if inserts:
            db.session.execute(insert(Record), inserts)
        if updates:
            db.session.execute(update(Record), updates)
    db.session.commit()
    result.cursor = current
    return result


def pull(user_id: int, cursor: int, limit: int = PULL_PAGE) -> tuple[list[dict], int, bool]:
    """Records changed after `cursor`, oldest change first: (records, new cursor, more)."""
    rows = db.session.scalars(
        select(Record)
        .where(Record.user_id == user_id, Record.seq > cursor)
        .order_by(Record.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return [record_json(r) for r in rows], (rows[-1].seq if rows else cursor), more


def record_json(row: Record) -> dict:
    """A stored record as the wire format sends it."""
    return {
        "id": row.uuid,
        "kind": row.kind,
        "modified": row.modified,
        "deleted": row.deleted,
        "data": None if row.data is None else json.loads(row.data),
        "seq": row.seq,
    }
