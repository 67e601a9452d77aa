"""The factory's steps: where one needs another, the dependency is explicit."""

from __future__ import annotations

import pytest
from flask import Flask

import app as factory
from acuplan.config import configure
from acuplan.web.library import register_library
from acuplan.web.service_worker import register_service_worker


def test_service_worker_is_refused_until_the_blueprints_it_precaches_are_registered():
    app = Flask(factory.__name__)
    configure(app, {"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    library = register_library(app)
    assets = factory.register_assets(app)
    with pytest.raises(RuntimeError, match="register the blueprints before the service worker"):
        register_service_worker(app, library, assets)
    factory.register_blueprints(app)
    worker = register_service_worker(app, library, assets)
    assert {"/", "/journal", "/api/routines", *assets.urls.values()} <= set(worker.precache)
    assert app.extensions["acuplan.worker"] is worker
