"""Acuplan's application factory: `flask --app app run` finds create_app here."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from acuplan.assets import init_assets
from acuplan.config import ROOT, configure
from acuplan.database import init_database
from acuplan.extensions import compress, csrf, migrate
from acuplan.extensions import db as database
from acuplan.web import accounts, api, journal_pages, pages, plan_api, pwa, sync_api
from acuplan.web.errors import init_errors
from acuplan.web.library import init_library
from acuplan.web.request_input import JSONProvider, Request
from acuplan.web.security import init_security
from acuplan.web.sessions import SessionInterface


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: config, extensions, the routine library, blueprints, assets."""
    app = Flask(__name__, instance_relative_config=True)
    app.json = JSONProvider(app)
    app.request_class = Request
    app.session_interface = SessionInterface()
    configure(app, test_config)
    trust_proxies(app)
    register_extensions(app)
    init_library(app)
    init_assets(app)
    init_security(app)
    register_blueprints(app)
    pwa.init_pwa(app)
    init_errors(app)
    return app


def trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, take the client's address and scheme from them."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        # Not X-Forwarded-Host: proxies seldom set it, so a client could pass its own along.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def register_extensions(app: Flask) -> None:
    init_database(app)
    migrate.init_app(app, database, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    compress.init_app(app)
    accounts.init_accounts(app)


def register_blueprints(app: Flask) -> None:
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(pwa.bp)
    app.register_blueprint(accounts.bp)
    app.register_blueprint(sync_api.bp)
    app.register_blueprint(plan_api.bp)
    app.register_blueprint(journal_pages.bp)
