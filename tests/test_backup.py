"""Backups: which copies are kept, and a restore that brings every record back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from acuplan.backup import BackupError, back_up, backups, keep, prune, restore
from acuplan.extensions import db
from acuplan.models import Record

START = datetime(2026, 9, 1, 3, 0, tzinfo=UTC)  # a Tuesday
NIGHTLY = [START + timedelta(days=n) for n in range(60)]


def test_the_last_seven_nights_are_kept():
    kept = keep(NIGHTLY, daily=7, weekly=4)
    assert set(NIGHTLY[-7:]) <= kept


def test_one_backup_is_kept_for_each_of_the_last_four_weeks():
    kept = keep(NIGHTLY, daily=7, weekly=4)
    weeks = sorted({t.isocalendar()[:2] for t in NIGHTLY})[-4:]
    for week in weeks:
        newest = max(t for t in NIGHTLY if t.isocalendar()[:2] == week)
        assert newest in kept
    assert kept == set(NIGHTLY[-7:]) | {
        max(t for t in NIGHTLY if t.isocalendar()[:2] == w) for w in weeks
    }


def test_nothing_older_than_four_weeks_is_kept():
    kept = keep(NIGHTLY, daily=7, weekly=4)
    oldest_week = sorted({t.isocalendar()[:2] for t in NIGHTLY})[-4]
    assert all(t.isocalendar()[:2] >= oldest_week for t in kept)
    assert len(kept) <= 11


def test_several_backups_in_a_day_keep_only_the_newest_of_that_day():
    day = [START + timedelta(hours=h) for h in range(5)]
    assert keep(day, daily=7, weekly=4) == {day[-1]}


def test_prune_deletes_what_is_not_kept_and_leaves_other_files(tmp_path):
    for moment in NIGHTLY:
        (tmp_path / f"acuplan-{moment:%Y%m%dT%H%M%SZ}.sqlite3").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("mine")
    gone = prune(tmp_path, daily=7, weekly=4)
    left = backups(tmp_path)
    assert len(gone) + len(left) == len(NIGHTLY)
    assert {b.taken for b in left} == keep(NIGHTLY, daily=7, weekly=4)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def count_records(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Record))


def test_a_restore_brings_back_every_record_deleted_after_the_backup(
    app, auth, tmp_path, database_url
):
    auth.register()
    records = [
        {
            "id": f"00000000-0000-4000-8000-{n:012d}",
            "kind": "journal",
            "modified": 1_700_000_000_000 + n,
            "deleted": False,
            "data": {"date": "2026-11-20", "minutes": 5, "notes": f"evening {n}"},
        }
        for n in range(20)
    ]
    pushed = auth.post_json("/api/sync/push", {"records": records})
    assert pushed.status_code == 200, pushed.get_json()
    assert count_records(app) == 20

    backup = back_up(database_url, tmp_path / "backups")
    with app.app_context():
        db.session.execute(db.delete(Record))
        db.session.commit()
        db.engine.dispose()
    assert count_records(app) == 0

    restore(database_url, backup)
    with app.app_context():
        db.engine.dispose()
        notes = sorted(json.loads(r.data)["notes"] for r in db.session.scalars(select(Record)))
    assert notes == sorted(f"evening {n}" for n in range(20))


@pytest.mark.parametrize(
    ("name", "problem"),
    [("missing.sqlite3", "no backup"), ("acuplan-20260101T000000Z.txt", "not a backup")],
)
def test_a_restore_from_a_wrong_file_says_what_is_wrong(tmp_path, database_url, name, problem):
    source = tmp_path / name
    if problem != "no backup":
        source.write_text("hello")
    with pytest.raises(BackupError, match=problem):
        restore(database_url, source)


def test_flask_backup_then_restore_reports_what_came_back(app, tmp_path):
    from acuplan.ops_cli import backup, restore_command

    runner = app.test_cli_runner()
    made = runner.invoke(backup, ["--dir", str(tmp_path)])
    assert made.exit_code == 0, made.output
    (path,) = backups(tmp_path)
    assert f"Backed up to {path.path}" in made.output

    refused = runner.invoke(restore_command, [str(path.path)], input="n\n")
    assert refused.exit_code == 1 and "Aborted" in refused.output
    done = runner.invoke(restore_command, ["--yes", str(path.path)])
    assert done.exit_code == 0, done.output
    assert f"Restored {path.path.name}: 0 accounts, 0 records" in done.output


def test_flask_restore_of_a_missing_file_names_it(app, tmp_path):
    from acuplan.ops_cli import restore_command

    result = app.test_cli_runner().invoke(restore_command, ["--yes", str(tmp_path / "x.dump")])
    assert result.exit_code == 1
    assert "There is no backup at" in result.output
