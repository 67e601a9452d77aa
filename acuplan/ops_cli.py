"""`flask backup`, `flask restore` and `flask wait-db`: the commands a host runs.

Installed as Flask plugin commands (see pyproject.toml); each works on the app's own
database (`DATABASE_URL`, SQLite in instance/ when unset).
"""

from __future__ import annotations

import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select, text

from .backup import BackupError, back_up, prune, restore
from .extensions import db
from .models import Record, User

backup_dir = click.option(
    "--dir",
    "folder",
    envvar="BACKUP_DIR",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where backups are kept (default: instance/backups).",
)


def _url() -> str:
    return current_app.config["SQLALCHEMY_DATABASE_URI"]


@click.command(help="Back up the database, then delete the backups no longer kept.")
@backup_dir
@click.option("--keep-daily", default=7, show_default=True, help="Days to keep a backup of.")
@click.option("--keep-weekly", default=4, show_default=True, help="Weeks to keep a backup of.")
@with_appcontext
def backup(folder: Path | None, keep_daily: int, keep_weekly: int) -> None:
    """Write one backup and prune the old ones."""
    folder = folder or Path(current_app.instance_path) / "backups"
    try:
        path = back_up(_url(), folder)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up to {path}")
    for gone in prune(folder, keep_daily, keep_weekly):
        click.echo(f"Deleted {gone.name}, no longer kept")


@click.command(help="Replace the database with a backup. Stop the app first.")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Don't ask before replacing the database.")
@with_appcontext
def restore_command(source: Path, yes: bool) -> None:
    """Restore a backup over the app's database, after asking."""
    if not yes:
        click.confirm(f"Replace every record in the database with {source.name}?", abort=True)
    try:
        restore(_url(), source)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    users = db.session.scalar(select(func.count()).select_from(User))
    records = db.session.scalar(select(func.count()).select_from(Record))
    click.echo(f"Restored {source.name}: {users} accounts, {records} records")


restore_command.name = "restore"


@click.command(name="wait-db", help="Wait until the database answers (exit 1 on timeout).")
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait.")
@with_appcontext
def wait_db(timeout: float) -> None:
    """Poll the database once a second until it answers a query."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return
        except Exception as error:  # any driver error means "not yet"
            if time.monotonic() > deadline:
                raise click.ClickException(f"The database did not answer: {error}") from error
            time.sleep(1)
