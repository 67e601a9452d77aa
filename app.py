"""Acuplan's application factory: `flask --app app run` finds create_app here."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from acuplan.assets import BuiltAssets, built, init_assets
from acuplan.config import ROOT, configure
from acuplan.database import init_database
from acuplan.extensions import compress, csrf, migrate
from acuplan.extensions import db as database
from acuplan.web import (
    accounts,
    api,
    calendar_feed,
    journal_pages,
    pages,
    plan_api,
    pwa,
    reminders_api,
    sync_api,
)
from acuplan.web.caching import register_caching
from acuplan.web.errors import register_errorhandlers
from acuplan.web.library import register_library
from acuplan.web.observability import register_observability
from acuplan.web.request_input import JSONProvider, Request
from acuplan.web.security import register_security_headers
from acuplan.web.service_worker import register_service_worker
from acuplan.web.sessions import SessionInterface


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; a step that needs another's result takes it as an argument."""
    app = Flask(__name__, instance_relative_config=True)
    configure(app, test_config)
    register_observability(app)
    register_request_handling(app)
    register_extensions(app)
    library = register_library(app)
    assets = register_assets(app)
    register_security_headers(app, assets)
    register_blueprints(app)
    register_service_worker(app, library, assets)  # checks the blueprints it names are here
    register_caching(app)
    register_errorhandlers(app)
    return app


def register_request_handling(app: Flask) -> None:
    """How requests are read (JSON, forms, proxies) and how the session cookie is set."""
    app.json = JSONProvider(app)
    app.request_class = Request
    app.session_interface = SessionInterface()
    trust_proxies(app)


def trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, take the client's address and scheme from them."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        # Not X-Forwarded-Host: proxies seldom set it, so a client could pass its own along.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def register_extensions(app: Flask) -> None:
    """Bind the extensions: database, migrations, CSRF, compression, logins, limits."""
    init_database(app)
    migrate.init_app(app, database, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    compress.init_app(app)
    accounts.init_accounts(app)


def register_assets(app: Flask) -> BuiltAssets:
    """Build the CSS and JS bundles and serve them; returns what was built."""
    init_assets(app)
    return built(app)


def register_blueprints(app: Flask) -> None:
    """The pages and the APIs."""
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(pwa.bp)
    app.register_blueprint(accounts.bp)
    app.register_blueprint(sync_api.bp)
    app.register_blueprint(plan_api.bp)
    app.register_blueprint(journal_pages.bp)
    app.register_blueprint(reminders_api.bp)
    app.register_blueprint(calendar_feed.bp)
