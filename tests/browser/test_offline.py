"""Installable and fully offline, in real Chromium: manifest, worker, update flow."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from acuplan.config import ROOT
from tests.browser.conftest import LiveServer, drop_live_app, make_live_app

pytestmark = pytest.mark.browser


def wait_for_worker(page) -> None:
    """Until the worker controls the page: its install (the whole precache) has finished."""
    # page.evaluate, unlike wait_for_function, is not subject to the page's CSP (no eval).
    page.evaluate(
        """() => new Promise((resolve) => {
          if (navigator.serviceWorker.controller) return resolve();
          navigator.serviceWorker.addEventListener("controllerchange", () => resolve());
        })"""
    )


def test_installable_with_a_valid_manifest(persistent_context, live_server):
    page = persistent_context.pages[0]
    page.goto(live_server + "/")
    wait_for_worker(page)
    cdp = persistent_context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest")
    assert manifest["errors"] == []
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []


def test_manifest_names_icons_and_shortcuts(phone, live_server):
    response = phone.goto(live_server + "/manifest.webmanifest")
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = response.json()
    assert len(manifest["short_name"]) <= 12
    assert manifest["display"] == "standalone"
    sizes = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert {
        ("192x192", "any"),
        ("512x512", "any"),
        ("192x192", "maskable"),
        ("512x512", "maskable"),
    } <= sizes
    for icon in manifest["icons"] + manifest["screenshots"]:
        assert phone.request.get(live_server + icon["src"]).ok
    assert {s["short_name"] for s in manifest["shortcuts"]} >= {"Today"}


def test_every_page_opens_offline_after_one_visit(phone, live_server):
    phone.goto(live_server + "/")
    wait_for_worker(phone)
    routines = phone.request.get(live_server + "/api/routines").json()["routines"]
    phone.context.set_offline(True)

    phone.reload()
    expect(phone.locator("h1")).to_contain_text("breathe slowly")
    expect(phone.locator("[data-connection]")).to_be_visible()

    phone.goto(live_server + "/routines")
    expect(phone.locator(".routine-card")).to_have_count(len(routines))
    for routine in routines:
        phone.goto(f"{live_server}/routines/{routine['slug']}")
        expect(phone.locator("h1")).to_have_text(routine["title"])
        expect(phone.locator(".step")).to_have_count(len(routine["steps"]))

    phone.goto(live_server + "/safety")
    expect(phone.locator("h1")).to_have_text("Before you start")
    assert phone.console.errors == [] or all("net::" in e for e in phone.console.errors)


def test_an_unvisited_page_offline_shows_the_offline_page(phone, live_server):
    phone.goto(live_server + "/")
    wait_for_worker(phone)
    phone.context.set_offline(True)
    phone.goto(live_server + "/journal/2026-11-01")
    expect(phone.locator("h1")).to_have_text("This page isn’t saved on your phone yet")
    phone.get_by_role("link", name="Every routine").click()
    expect(phone.locator(".routine-card").first).to_be_visible()


def test_filters_work_offline_on_the_device(phone, live_server):
    phone.goto(live_server + "/routines")
    wait_for_worker(phone)
    total = phone.locator(".routine-card").count()
    phone.context.set_offline(True)
    phone.select_option("#filter-goal", "sleep")
    expect(phone).to_have_url(f"{live_server}/routines?goal=sleep&duration=&position=&level=")
    # the cached page is filtered by its script once loaded: wait for it, not for the URL
    expect(phone.locator(".result-count")).to_contain_text("match")
    visible = phone.locator(".routine-card:visible")
    assert 0 < visible.count() < total
    for card in visible.all():
        assert "sleep" in card.get_attribute("data-goal").split()
    expect(phone.locator(".result-count")).to_have_text(f"{visible.count()} routines match")


def test_first_install_says_it_works_offline(phone, live_server):
    phone.goto(live_server + "/")
    wait_for_worker(phone)
    expect(phone.locator(".banner")).to_contain_text("now works offline")
    phone.reload()
    expect(phone.locator(".banner")).to_have_count(0)


def test_pages_and_the_worker_are_revalidated_assets_are_immutable(phone, live_server):
    for path in ("/", "/service-worker.js", "/manifest.webmanifest"):
        assert "no-cache" in phone.request.get(live_server + path).headers["cache-control"]
    phone.goto(live_server + "/")
    script = phone.locator("script[type=module]").first.get_attribute("src")
    response = phone.request.get(live_server + script, headers={"Accept-Encoding": "br"})
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "br"


@pytest.fixture
def deployments(tmp_path_factory, tmp_path):
    """Two deployments of the app whose only difference is one changed stylesheet."""
    static = tmp_path / "static"
    shutil.copytree(ROOT / "static", static, ignore=shutil.ignore_patterns("gen", ".webassets*"))
    first = make_live_app(tmp_path_factory, STATIC_FOLDER=str(static))
    css = static / "css" / "app.css"
    css.write_text(css.read_text() + "\n.deployed-again { color: inherit; }\n")
    second = make_live_app(tmp_path_factory, STATIC_FOLDER=str(static))
    server = LiveServer(first)
    yield server, first, second
    server.stop()
    drop_live_app(first)
    drop_live_app(second)


def test_a_new_deployment_is_offered_and_taken_with_one_tap(phone, deployments):
    server, first, second = deployments
    old_version = first.extensions["acuplan.worker"].version
    new_version = second.extensions["acuplan.worker"].version
    assert old_version != new_version

    phone.goto(server.url + "/")
    wait_for_worker(phone)
    phone.evaluate("caches.open('someone-elses-cache').then(c => c.put('/x', new Response('x')))")
    assert ".deployed-again" not in phone.locator("head style").text_content()

    server.app = second
    phone.reload()
    banner = phone.locator(".banner", has_text="Update available")
    expect(banner).to_be_visible(timeout=15_000)  # the new worker installs first
    phone.evaluate("window.beforeUpdate = true")
    with phone.expect_navigation():
        banner.get_by_role("button", name="Reload").click()
    assert phone.evaluate("window.beforeUpdate") is None, "the page reloaded"
    assert ".deployed-again" in phone.locator("head style").text_content()
    expect(phone.locator(".banner", has_text="Update available")).to_have_count(0)
    # the new worker clears the old cache as it activates: wait for that, not a moment
    phone.wait_for_function(
        """async ([fresh, old]) => {
             const names = await caches.keys();
             return names.includes(fresh) && !names.includes(old);
           }""",
        arg=[f"acuplan-{new_version}", f"acuplan-{old_version}"],
    )
    assert "someone-elses-cache" in phone.evaluate("caches.keys()")


IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
)


def test_ios_gets_a_one_time_add_to_home_screen_hint(browser, live_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, user_agent=IPHONE_UA
    )
    page = context.new_page()
    page.goto(live_server + "/routines")
    hint = page.locator(".banner", has_text="Add to Home Screen")
    expect(hint).to_be_visible()
    hint.get_by_role("button", name="Dismiss").click()
    expect(hint).to_have_count(0)
    page.reload()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".banner", has_text="Add to Home Screen")).to_have_count(0)
    page.goto(live_server + "/settings")
    expect(page.locator("[data-install-ios]")).to_be_visible()
    context.close()


def test_settings_show_offline_readiness_and_storage(phone, live_server):
    phone.goto(live_server + "/")
    wait_for_worker(phone)
    phone.goto(live_server + "/settings")
    expect(phone.locator("[data-offline-status]")).to_have_text("Ready: works without a connection")
    expect(phone.locator("[data-storage-status]")).not_to_have_text("Checking…")
    expect(phone.locator("[data-storage-usage]")).to_contain_text("MB of")
