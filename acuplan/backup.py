"""Backups of the whole database and their restore, on SQLite and on PostgreSQL.

SQLite is copied with its online backup API, page by page, so a backup is consistent even
while the app writes (WAL mode); PostgreSQL with `pg_dump --format=custom`, restored with
`pg_restore`. Which copies to keep is a pure rule (`keep`): the newest of each of the last
`daily` days and of each of the last `weekly` ISO weeks.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

NAME = re.compile(r"^acuplan-(\d{8}T\d{6}Z)\.(sqlite3|dump)$")
STAMP = "%Y%m%dT%H%M%SZ"


class BackupError(Exception):
    """A backup or restore that could not be done, with the reason in words."""


@dataclass(frozen=True)
class Backup:
    """One backup file and the moment it was taken."""

    path: Path
    taken: datetime


def backups(folder: Path) -> list[Backup]:
    """The backups in a folder, oldest first; other files are left alone."""
    found = []
    for path in folder.glob("acuplan-*"):
        match = NAME.match(path.name)
        if match:
            taken = datetime.strptime(match[1], STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, taken))
    return sorted(found, key=lambda b: b.taken)


def keep(taken: Iterable[datetime], daily: int = 7, weekly: int = 4) -> set[datetime]:
    """Which backups to keep: the newest of each of the last `daily` days that have one, and
    the newest of each of the last `weekly` ISO weeks that have one."""
    newest_first = sorted(set(taken), reverse=True)
    kept: set[datetime] = set()
    for bucket, count in ((lambda t: t.date(), daily), (lambda t: t.isocalendar()[:2], weekly)):
        seen = []
        for moment in newest_first:
            key = bucket(moment)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                kept.add(moment)
    return kept


def prune(folder: Path, daily: int = 7, weekly: int = 4) -> list[Path]:
    """Delete the backups `keep` lets go, SQLite and PostgreSQL ones apart; the deleted paths."""
    gone = []
    for suffix in (".sqlite3", ".dump"):
        found = [b for b in backups(folder) if b.path.suffix == suffix]
        kept = keep((b.taken for b in found), daily, weekly)
        gone += [b.path for b in found if b.taken not in kept]
    for path in gone:
        path.unlink()
    return gone


def back_up(url: str, folder: Path, now: datetime | None = None) -> Path:
    """A consistent copy of the database at `url` in `folder`; its path."""
    database = make_url(url)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime(STAMP)
    if database.get_backend_name() == "sqlite":
        target = folder / f"acuplan-{stamp}.sqlite3"
        _sqlite_copy(_sqlite_path(database), target)
    elif database.get_backend_name() == "postgresql":
        target = folder / f"acuplan-{stamp}.dump"
        partial = target.with_suffix(".partial")
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={partial}", _libpq(database)])
        partial.rename(target)  # a cut-off dump never looks like a backup
    else:
        raise BackupError(f"Backups of {database.get_backend_name()} databases are not supported.")
    return target


def restore(url: str, source: Path) -> None:
    """Replace the database at `url` with the backup in `source`."""
    if not source.is_file():
        raise BackupError(f"There is no backup at {source}.")
    database = make_url(url)
    kind = NAME.match(source.name)[2] if NAME.match(source.name) else source.suffix.lstrip(".")
    if database.get_backend_name() == "sqlite" and kind == "sqlite3":
        _sqlite_copy(source, _sqlite_path(database))
    elif database.get_backend_name() == "postgresql" and kind == "dump":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={_libpq(database)}",
                str(source),
            ]
        )
    else:
        raise BackupError(
            f"{source.name} is not a backup of a {database.get_backend_name()} database."
        )


def _sqlite_path(database: URL) -> Path:
    if not database.database or database.database == ":memory:":
        raise BackupError("An in-memory SQLite database has nothing to back up.")
    return Path(database.database)


def _sqlite_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupError(f"There is no SQLite database at {source}.")
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _libpq(database: URL) -> str:
    """The URL as libpq's tools read it (no SQLAlchemy driver name)."""
    return database.set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip() or done.returncode}")
