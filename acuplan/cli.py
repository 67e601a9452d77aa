"""`flask routines check`: validate the library without starting the app; `counts` sums it up.

Installed as a Flask plugin command (see pyproject.toml), so it runs even when the app
itself refuses to start because the library is invalid — which is when it is needed.
"""

from __future__ import annotations

import click

from .catalog import CatalogError, library_counts, load_library
from .config import Defaults

library_dir = click.option(
    "--dir",
    "directory",
    default=Defaults.ROUTINES_DIR,
    show_default=True,
    envvar="ROUTINES_DIR",
    type=click.Path(file_okay=False),
    help="The routine library (a folder of TOML files).",
)


@click.group(help="Work with the routine library.")
def routines() -> None:
    """The `flask routines` command group."""


@routines.command(help="Validate every routine file; exit non-zero on any problem.")
@library_dir
def check(directory: str) -> None:
    """Validate the library; print every problem and exit 1 if there is one."""
    try:
        library = load_library(directory)
    except CatalogError as error:
        for problem in error.problems:
            click.echo(f"error: {problem}", err=True)
        raise click.ClickException(f"{len(error.problems)} problem(s) found") from None
    click.echo(
        f"ok: {len(library.routines)} routines, {len(library.patterns)} breathing "
        f"patterns, {len(library.stretches)} stretches, "
        f"{len(library.meditations)} meditations"
    )


@routines.command(help="Count the routines per goal, level and position.")
@library_dir
def counts(directory: str) -> None:
    """Print how many routines there are per goal, level and position."""
    try:
        library = load_library(directory)
    except CatalogError as error:
        raise click.ClickException(
            f"{len(error.problems)} problem(s) found; `flask routines check` lists them"
        ) from None
    click.echo(f"{len(library.routines)} routines")
    for facet, tally in library_counts(library).items():
        click.echo(f"per {facet}: " + ", ".join(f"{k} {n}" for k, n in tally.items()))
