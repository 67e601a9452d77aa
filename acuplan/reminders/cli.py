"""`flask reminders run` (the one scheduler, beside the web workers) and `flask reminders
key` (the public key, for checking a deployment)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from .keys import public_key
from .scheduler import run_forever, run_once

reminders = AppGroup("reminders", help="Web Push reminders: the scheduler and its key.")


@reminders.command("run")
@click.option("--once", is_flag=True, help="Send what is due now, then stop.")
def run_command(once: bool) -> None:
    """Send each reminder when it is due (every minute). Run exactly one of these."""
    if once:
        click.echo(run_once())
        return
    run_forever()


@reminders.command("key")
def key_command() -> None:
    """Print the VAPID public key the browsers subscribe with."""
    click.echo(public_key(current_app))
