"""Reminders on the device, in Chromium: subscribing from Settings against a local push
service (the app's own code up to the HTTP request: the server's VAPID signing and
encryption, the worker showing what arrives), "skip today" from the notification, the
calendar address, the iPhone explanation, and the missed-session line on Today."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from py_vapid import Vapid
from sqlalchemy import select

from acuplan.extensions import db
from acuplan.models import PushSubscription, Record
from acuplan.reminders.scheduler import run_once
from tests.browser.conftest import PHONE, LiveServer, drop_live_app, make_live_app
from tests.browser.test_offline import wait_for_worker
from tests.browser.test_planner_ui import onboard
from tests.browser.test_sync import register
from tests.push_double import PushService

pytestmark = pytest.mark.browser
BERLIN = ZoneInfo("Europe/Berlin")
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


@pytest.fixture(scope="module")
def push_server(tmp_path_factory):
    """The app, allowed to post to a push service on loopback (the test's own)."""
    key = Vapid()
    key.generate_keys()
    app = make_live_app(
        tmp_path_factory, PUSH_PRIVATE_ENDPOINTS=True, VAPID_PRIVATE_KEY=key.private_pem().decode()
    )
    server = LiveServer(app)
    yield server
    server.stop()
    drop_live_app(app)


@pytest.fixture
def service():
    push_service = PushService()
    yield push_service
    push_service.stop()


@pytest.fixture
def berlin_phone(browser, request):
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        timezone_id="Europe/Berlin",
        color_scheme=getattr(request, "param", "light"),
    )
    context.grant_permissions(["notifications"])
    page = context.new_page()
    yield page
    context.close()


def fake_push_manager(page, subscription: dict) -> None:
    """No push service is reachable here: the browser's subscribe() answers with a
    subscription on the test's own service, keys and all."""
    page.add_init_script(
        """((subscription) => {
             // kept across pages, as a browser keeps its subscription
             const KEY = "test.push-subscribed";
             const make = () => ({ endpoint: subscription.endpoint, toJSON: () => subscription,
               unsubscribe: async () => { localStorage.removeItem(KEY); return true; } });
             PushManager.prototype.subscribe = async function (options) {
               if (!(options.applicationServerKey instanceof Uint8Array)
                   || options.applicationServerKey.length !== 65 || !options.userVisibleOnly) {
                 throw new Error("a bad subscribe call");
               }
               localStorage.setItem(KEY, "1");
               return make();
             };
             PushManager.prototype.getSubscription = async function () {
               return localStorage.getItem(KEY) ? make() : null;
             };
           })("""
        + json.dumps(subscription)
        + ");"
    )


def wait_for(check, page=None, seconds=10):
    """Until `check()` gives something; a page's events (CDP's included) flow meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := check():
            return result
        page.wait_for_timeout(100) if page else time.sleep(0.1)
    raise AssertionError("never came")


def shown_notifications(page) -> list[dict]:
    return page.evaluate(
        """async () => (await (await navigator.serviceWorker.ready).getNotifications())
             .map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data,
                            actions: n.actions.map((a) => a.action) }))"""
    )


def deliver_push(page, origin: str, data: str) -> list[dict]:
    """Hand `data` to the page's active worker as a push (Chromium's DevTools push), and
    give back the notifications it shows.

    DevTools' delivery is fire-and-forget: a worker that fails to start under load drops the
    message without a word (it has no push service to retry it, as a real one would). So the
    message goes only to an activated version, and once more if nothing is shown in 15 s;
    the same tag replaces, so a second delivery can never show two. What the worker looked
    like is in the failure when nothing ever comes.
    """
    cdp = page.context.new_cdp_session(page)
    registrations, versions = {}, {}
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda e: registrations.update((r["registrationId"], r) for r in e["registrations"]),
    )
    cdp.on(
        "ServiceWorker.workerVersionUpdated",
        lambda e: versions.update((v["versionId"], v) for v in e["versions"]),
    )
    cdp.send("ServiceWorker.enable")

    def active():
        return next(
            (v["registrationId"] for v in versions.values() if v["status"] == "activated"), None
        )

    registration = wait_for(active, page, seconds=15)

    def push_and_look():
        message = {"origin": origin, "registrationId": registration, "data": data}
        cdp.send("ServiceWorker.deliverPushMessage", message)
        return wait_for(lambda: shown_notifications(page), page, seconds=15)

    try:
        return push_and_look()
    except AssertionError:
        pass
    try:
        return push_and_look()
    except AssertionError:
        raise AssertionError(
            f"no notification after two pushes: registrations {registrations}, versions {versions}"
        ) from None


def test_a_reminder_is_subscribed_sent_shown_and_skipped(berlin_phone, push_server, service):
    phone, base = berlin_phone, push_server.url
    fake_push_manager(phone, service.subscription())
    register(phone, base)
    onboard(phone, base)  # three evenings a week, from today
    expect(phone.locator("[data-next]")).to_be_visible()
    wait_for_worker(phone)
    app = push_server.app

    def synced_profile():
        with app.app_context():
            return db.session.scalar(select(Record.id).where(Record.kind == "profile"))

    phone.goto(base + "/settings")  # every page syncs when it opens
    expect(phone.locator("[data-sync-status]")).to_contain_text("All synced")
    wait_for(synced_profile)
    form = phone.locator("[data-reminder-form]")
    expect(form.locator("[data-reminder-zone]")).to_have_text(
        "Times are in your time zone, Europe/Berlin."
    )
    form.get_by_label("Evening", exact=True).check()
    form.get_by_label("Evening reminder time").fill("20:00")
    form.get_by_role("button", name="Turn on reminders").click()
    expect(form.locator("[data-reminder-status]")).to_have_text(
        "Reminders are on: 20:00 in the evening, on days with a session."
    )
    with app.app_context():
        kept = db.session.scalars(select(PushSubscription)).one()
        assert (kept.timezone, kept.evening, kept.morning) == ("Europe/Berlin", "20:00", None)
        assert kept.endpoint == service.subscription()["endpoint"]

    # used again 59 days on: the device renews its subscription by itself, so it never expires
    with app.app_context():
        kept = db.session.scalars(select(PushSubscription)).one()
        kept.renewed_at = datetime.now(UTC) - timedelta(days=59)
        db.session.commit()
    phone.evaluate("localStorage.setItem('acuplan.push-renewed', String(Date.now() - 2 * 864e5))")
    phone.goto(base + "/journal")

    def renewed():
        with app.app_context():
            kept = db.session.scalars(select(PushSubscription)).one()
            return kept.renewed_at.replace(tzinfo=UTC) > datetime.now(UTC) - timedelta(hours=1)

    wait_for(renewed, phone)

    # at 20:00 in Berlin today, the scheduler sends today's session
    today = datetime.now(BERLIN).date()
    at_eight = datetime(today.year, today.month, today.day, 20, tzinfo=BERLIN).astimezone(UTC)
    with app.app_context():
        assert run_once(at_eight)["sent"] == 1
    ((_, _, body),) = service.received
    shown = service.decrypt(body)

    # the push reaches the worker, which shows it as Safari would
    notes = deliver_push(phone, base, json.dumps(shown))
    (note,) = notes
    assert note["title"] == "Time for your session"
    assert note["body"] == shown["notification"]["body"] and " min" in note["body"]
    assert note["tag"] == f"acuplan-{today.isoformat()}-evening"
    assert note["actions"] == ["skip"]

    # "Skip today" from the notification: a plan-edit the plan shows at once, then syncs
    phone.goto(base + "/")
    worker = phone.context.service_workers[0]
    worker.evaluate("(data) => skipSession(data)", note["data"])
    skips = phone.evaluate(
        """async () => (await (await import("acuplan/sync/store")).listRecords("plan-edit"))
             .map((r) => r.data)"""
    )
    assert skips == [
        {
            "date": today.isoformat(),
            "slot": "evening",
            "action": "skip",
            "routine": note["data"]["routine"],
        }
    ]

    def synced_skip():
        with app.app_context():
            return db.session.scalar(select(Record.id).where(Record.kind == "plan-edit"))

    wait_for(synced_skip, phone)  # the open page was asked to sync it
    # the server's plan now has nothing to remind of tonight
    with app.app_context():
        from acuplan.models import ReminderSend

        db.session.execute(ReminderSend.__table__.delete())
        db.session.commit()
        assert run_once(at_eight).get("nothing-planned") == 1


def test_the_calendar_address_is_made_shown_and_stopped(berlin_phone, push_server, screenshot):
    phone, base = berlin_phone, push_server.url
    register(phone, base, email="grace@example.com")
    phone.goto(base + "/settings")
    feed = phone.locator("[data-calendar-feed]")
    feed.get_by_role("button", name="Make my calendar address").click()
    address = feed.get_by_label("Your calendar address")
    expect(feed.locator("[data-calendar-status]")).to_contain_text("Copy it into your calendar app")
    webcal = address.input_value()
    assert webcal.startswith("webcal://127.0.0.1:") and webcal.endswith(".ics")
    phone.locator("[data-reminders]").scroll_into_view_if_needed()
    screenshot(phone, "settings-reminders")
    path = "/" + webcal.split("/", 3)[3]
    assert phone.request.get(base + path).status == 200
    feed.get_by_role("button", name="Stop this address").click()
    expect(feed.locator("[data-calendar-status]")).to_contain_text("That address is stopped")
    assert phone.request.get(base + path).status == 404


def test_without_an_account_reminders_say_what_they_need(phone, live_server, screenshot):
    phone.goto(live_server + "/settings")
    section = phone.locator("[data-reminders]")
    expect(section).to_contain_text("need an account")
    expect(section.get_by_role("link", name="Create an account or log in")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_an_iphone_before_installing_the_steps_are_shown(
    browser, push_server, screenshot, scheme
):
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent=IPHONE,
        color_scheme=scheme,
    )
    phone = context.new_page()
    register(phone, push_server.url, email=f"ios-{scheme}@example.com")
    phone.goto(push_server.url + "/settings")
    steps = phone.locator("[data-reminder-ios]")
    expect(steps).to_be_visible()
    expect(steps).to_contain_text("Add to Home Screen")
    expect(phone.locator("[data-reminder-form]")).to_be_hidden()
    phone.locator("[data-reminders]").scroll_into_view_if_needed()
    screenshot(phone, f"settings-reminders-iphone-{scheme}")
    context.close()


def test_today_names_the_session_missed_since_the_last_visit(berlin_phone, push_server):
    phone, base = berlin_phone, push_server.url
    monday = datetime(2026, 11, 23, 12, 0)
    phone.clock.set_fixed_time(monday)
    onboard(phone, base)
    expect(phone.locator("[data-next]")).to_be_visible()
    expect(phone.locator("[data-missed]")).to_be_hidden()  # a first visit: nothing missed
    phone.clock.set_fixed_time(monday + timedelta(hours=21))  # Tuesday, 09:00
    phone.reload()
    expect(phone.locator("[data-missed]")).to_have_text(
        "You planned Evening unwind at 20:00 yesterday."
    )


def summary(days: list[dict]) -> list[tuple]:
    return [
        (s["date"], s["slot"], s["routine"], s["seconds"], s["status"])
        for day in days
        for s in day["sessions"]
    ]


def test_the_server_plans_what_today_shows_for_the_same_records(berlin_phone, push_server):
    """Reminders and the calendar say what Today says: same answers, journal, played
    sessions and plan edits give the same sessions on the device and the server."""
    from acuplan.models import User
    from acuplan.reminders.server_plan import person_plan
    from acuplan.web.library import current_library

    phone, base = berlin_phone, push_server.url
    phone.clock.set_fixed_time("2026-11-23T12:00:00+01:00")  # Monday noon in Berlin
    register(phone, base, email="same-plan@example.com")
    onboard(phone, base)
    expect(phone.locator("[data-next]")).to_be_visible()
    device_days = phone.evaluate(
        """async () => {
             const { saveRecord } = await import("acuplan/sync/store");
             const { applyEdits, loadEdits, markLogged } = await import("acuplan/plan/edits");
             const { loadHistory } = await import("acuplan/plan/history");
             const { loadProfile } = await import("acuplan/plan/profile-store");
             const { fetchPlan, planRequest } = await import("acuplan/plan/source");
             const { today } = await import("acuplan/plan/dates");
             const { loadLibrary } = await import("acuplan/routines/library");
             const routines = new Map((await loadLibrary()).map((r) => [r.slug, r]));
             // Monday's session done (noted in the journal), the next one moved to Thursday
             const first = await fetchPlan(planRequest(await loadProfile(),
               await loadHistory(routines), today()));
             const sessions = first.plan.weeks.flatMap((w) => w.days).flatMap((d) => d.sessions);
             await saveRecord("journal", { date: "2026-11-23", routine: sessions[0].routine,
               minutes: 9, pain_before: 4, pain_after: 2 });
             await saveRecord("plan-edit", { date: sessions[1].date, slot: "evening",
               action: "move", to_date: "2026-11-26" });
             const history = await loadHistory(routines);
             const { plan } = await fetchPlan(planRequest(await loadProfile(), history, today()));
             return markLogged(applyEdits(plan, await loadEdits()), history);
           }"""
    )
    phone.goto(base + "/settings")
    expect(phone.locator("[data-sync-status]")).to_contain_text("All synced")
    with push_server.app.app_context():
        user = db.session.scalar(select(User.id).where(User.email == "same-plan@example.com"))
        now = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
        server = person_plan(user, current_library().library, BERLIN, now)
    assert summary(server.days) == summary(device_days)
    moved = [s for s in summary(device_days) if s[0] == "2026-11-26"]
    done = [s for s in summary(device_days) if s[4] == "done"]
    assert moved and done  # the case holds what it claims
