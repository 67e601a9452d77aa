"""`flask routines check`, and the app refusing to start on an invalid library."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from acuplan.catalog import CatalogError
from acuplan.cli import routines
from app import create_app


def test_check_passes_on_the_shipped_library(runner):
    result = runner.invoke(routines, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")
    assert " routines, " in result.output


def test_check_fails_and_names_every_problem(runner, write_routine, library_copy):
    write_routine('title = "x"\n')
    result = runner.invoke(routines, ["check", "--dir", str(library_copy)])
    assert result.exit_code != 0
    assert "error: routines/broken.toml: summary: is required" in result.output
    assert "error: routines/broken.toml: steps: is required" in result.output
    assert "problem(s) found" in result.output


def test_app_refuses_to_start_on_an_invalid_library(tmp_path, write_routine, library_copy):
    write_routine('title = "x"\n')
    with pytest.raises(CatalogError, match=re.escape("routines/broken.toml: level: is required")):
        create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "x",
                "ROUTINES_DIR": str(library_copy),
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            }
        )


def test_flask_command_line_runs_the_check(write_routine, library_copy, tmp_path):
    """Through the real `flask` entry point, even though the app itself cannot start."""
    write_routine('title = "x"\n')
    flask = [sys.executable, "-m", "flask", "--app", "app", "routines", "check"]
    env = {"ROUTINES_DIR": str(library_copy), "PATH": "/usr/bin:/bin"}
    bad = subprocess.run(flask, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert bad.returncode == 1
    assert "routines/broken.toml: level: is required" in bad.stderr
    good = subprocess.run(
        flask, capture_output=True, text=True, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"}
    )
    assert good.returncode == 0, good.stderr


def test_counts_sums_up_the_library_per_goal_level_and_position(runner, app):
    result = runner.invoke(routines, ["counts"])
    assert result.exit_code == 0, result.output
    library = app.extensions["acuplan.library"].routines
    lines = result.output.splitlines()
    assert lines[0] == f"{len(library)} routines"
    beginners = sum(r.level == "beginner" for r in library.values())
    assert f"beginner {beginners}," in lines[2]
    no_mat = sum(not r.positions for r in library.values())
    assert lines[3].startswith("per position: upper-back ") and f"no mat {no_mat}" in lines[3]


def test_counts_refuses_an_invalid_library(runner, write_routine, library_copy):
    write_routine('title = "x"\n')
    result = runner.invoke(routines, ["counts", "--dir", str(library_copy)])
    assert result.exit_code != 0
    assert "`flask routines check` lists them" in result.output
