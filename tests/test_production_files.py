"""The production files: the entrypoint's refusals, gunicorn's JSON log lines, the locks."""

from __future__ import annotations

import json
import os
import re
import runpy
import sqlite3
import subprocess
import sys
import tomllib
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from acuplan.config import ROOT

ENTRYPOINT = ROOT / "entrypoint.sh"


def run_entrypoint(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    path = f"{Path(sys.executable).parent}:{base['PATH']}"
    return subprocess.run(
        [str(ENTRYPOINT), *args],
        env={**base, "PATH": path, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_several_workers_without_a_secret_key_are_refused_before_anything_starts():
    result = run_entrypoint("web", WEB_CONCURRENCY="4")
    assert result.returncode == 64
    assert "set SECRET_KEY: 4 workers" in result.stderr


def test_migrate_creates_the_schema_on_the_configured_database(tmp_path):
    database = tmp_path / "prod.sqlite3"
    result = run_entrypoint("migrate", DATABASE_URL=f"sqlite:///{database}", SECRET_KEY="k")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"user", "record", "alembic_version"} <= tables


def test_gunicorn_takes_its_workers_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"] == 3
    monkeypatch.delenv("WEB_CONCURRENCY")
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"] >= 3


def test_an_access_log_line_is_one_json_object_whatever_the_path(monkeypatch):
    monkeypatch.delenv("LOG_FORMAT", raising=False)
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    logger = settings["logger_class"].__new__(settings["logger_class"])
    lines = []
    logger.cfg = SimpleNamespace(accesslog="-", logconfig=None, syslog=False)
    logger.access_log = SimpleNamespace(info=lines.append)
    response = SimpleNamespace(
        status_code=404, sent=12, headers=[("Content-Type", "text/html"), ("X-Request-ID", "r1")]
    )
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": '/a "quoted"\npath', "REMOTE_ADDR": "::1"}
    logger.access(response, None, environ, timedelta(milliseconds=12.34))
    (line,) = lines
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["path"] == '/a "quoted"\npath'
    assert (entry["status"], entry["duration_ms"], entry["request_id"]) == (404, 12.3, "r1")


def locked(path: Path) -> dict[str, str]:
    """Package name -> pinned version, checking every pin carries a hash."""
    text = path.read_text()
    pins = {}
    for block in re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2]):
        match = re.match(r"([a-z0-9._-]+)==([^\s;]+)", block)
        if match:
            assert "--hash=sha256:" in block, f"{match[1]} has no hash in {path.name}"
            pins[match[1]] = match[2]
    return pins


@pytest.mark.parametrize(
    ("lock", "extras"),
    [("requirements.lock", ["serve"]), ("requirements-test.lock", ["serve", "test"])],
)
def test_the_locks_pin_every_dependency_with_a_hash(lock, extras):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + [
        d for e in extras for d in project["optional-dependencies"][e]
    ]
    names = {re.split(r"[<>=\[ ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in wanted}
    pins = locked(ROOT / lock)
    assert names <= set(pins), names - set(pins)


def test_the_image_installs_from_the_lock_with_hashes_and_runs_as_a_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --require-hashes -r requirements.lock" in dockerfile
    assert re.search(r"^USER acuplan$", dockerfile, re.M)
    assert "HEALTHCHECK" in dockerfile and "/api/ready" in dockerfile
    assert 'ENTRYPOINT ["/app/entrypoint.sh"]' in dockerfile


def test_compose_runs_one_scheduler_beside_web_with_the_same_keys():
    import yaml

    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    for name, service in services.items():
        assert service.get("mem_limit"), name
        # web's is the image's HEALTHCHECK (/api/ready); migrate runs once and exits
        assert "healthcheck" in service or name in ("web", "migrate"), name
    scheduler, web = services["scheduler"], services["web"]
    assert scheduler["command"] == ["scheduler"] and "deploy" not in scheduler
    for service in (scheduler, web):
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert "instance:/app/instance" in service["volumes"]  # one VAPID key for both
    result = run_entrypoint("scheduler", "--help")
    assert result.returncode == 0 and "--once" in result.stdout
