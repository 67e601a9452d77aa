"""The journal in real Chromium: logging by hand offline, advice, editing, deleting,
user text shown as text under the CSP, export, import and the clinician report."""

from __future__ import annotations

import datetime
import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import wait_for_worker

pytestmark = pytest.mark.browser

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>bold</b>'


def fill_entry(page, minutes="12", notes="", adverse=()):
    expect(page.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    page.get_by_label("Minutes done").fill(minutes)
    page.locator("#pain_before").fill("6")
    page.locator("#pain_after").fill("3")
    page.locator("#stress_before").fill("7")
    page.locator("#stress_after").fill("2")
    page.get_by_label("Warmth").check()
    for label in adverse:
        page.get_by_label(label).check()
    page.get_by_label("Notes").fill(notes)


def test_log_a_session_offline_and_see_it_listed_as_text(phone, live_server, screenshot):
    violations = []
    phone.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    phone.goto(live_server + "/journal")
    wait_for_worker(phone)
    expect(phone.locator("[data-empty]")).to_be_visible()
    phone.context.set_offline(True)
    phone.get_by_role("link", name="Log a session").click()
    phone.get_by_label("Routine").select_option("evening-unwind")
    fill_entry(phone, notes=HOSTILE)
    phone.get_by_role("button", name="Save").click()
    expect(phone).to_have_url(live_server + "/journal")
    entry = phone.locator(".entry")
    expect(entry).to_have_count(1)
    expect(entry.locator("[data-notes]")).to_have_text(HOSTILE)
    expect(entry.locator("[data-scores]")).to_have_text("Pain 6 → 3 · Stress 7 → 2")
    expect(entry.locator("[data-link]")).to_contain_text("Evening unwind")
    assert phone.locator(".entry img, .entry b, .entry script").count() == 0
    expect(phone.locator("[data-trend-text]")).to_contain_text("pain went from 6.0 to 3.0")
    screenshot(phone, "journal-list")
    phone.reload()
    expect(phone.locator(".entry")).to_have_count(1)
    assert violations == []


def test_an_adverse_effect_brings_calm_advice(phone, live_server):
    phone.goto(
        live_server + "/journal/entry?routine=first-five-minutes&minutes=5&position=upper-back"
    )
    expect(phone.get_by_label("Routine")).to_have_value("first-five-minutes")
    expect(phone.get_by_label("Position")).to_have_value("upper-back")
    fill_entry(phone, minutes="5", adverse=["Dizziness"])
    phone.get_by_role("button", name="Save").click()
    advice = phone.locator("[data-advice]")
    expect(advice).to_be_visible()
    expect(advice).to_contain_text("roll onto your side first")
    expect(advice).to_be_focused()


def test_save_tapped_before_the_form_is_filled_saves_what_the_link_brought(browser, live_server):
    """The player's "Log how you feel" link fills the form once the library is in; a tap
    on Save before that waits for it, rather than finding the form empty."""
    page = browser.new_context(service_workers="block").new_page()
    held = []
    page.route("**/api/routines", lambda route: route.continue_() if held else held.append(route))
    with page.expect_request("**/api/routines"):
        page.goto(live_server + "/journal/entry?routine=first-five-minutes&minutes=4")
    page.get_by_role("button", name="Save").click()
    assert page.locator("[data-journal-form]").get_attribute("data-ready") is None
    held[0].continue_()
    expect(page).to_have_url(live_server + "/journal")
    expect(page.locator(".entry [data-link]")).to_contain_text("Your first five minutes")
    page.context.close()


def test_what_is_ticked_before_the_form_is_filled_is_kept(browser, live_server):
    """A dizzy spell ticked while the form is still filling in (a slow phone) stays ticked:
    the fill brings the link's values around what the person already changed."""
    page = browser.new_context(service_workers="block").new_page()
    held = []
    page.route("**/api/routines", lambda route: route.continue_() if held else held.append(route))
    with page.expect_request("**/api/routines"):
        page.goto(live_server + "/journal/entry?routine=first-five-minutes&minutes=4")
    page.get_by_label("Warmth").check()
    page.get_by_label("Dizziness").check()
    page.get_by_label("Notes").fill("light-headed getting up")
    held[0].continue_()
    expect(page.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    expect(page.get_by_label("Warmth")).to_be_checked()
    expect(page.get_by_label("Dizziness")).to_be_checked()
    expect(page.get_by_label("Notes")).to_have_value("light-headed getting up")
    expect(page.get_by_label("Minutes done")).to_have_value("4")  # the link's, not touched
    expect(page.get_by_label("Routine")).to_have_value("first-five-minutes")
    page.context.close()


def test_bad_input_is_named_and_nothing_saved(phone, live_server):
    phone.goto(live_server + "/journal/entry")
    phone.get_by_label("Minutes done").fill("500")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator("[data-form-error]")).to_have_text(
        "Minutes done: a whole number from 0 to 180."
    )
    phone.goto(live_server + "/journal")
    expect(phone.locator("[data-empty]")).to_be_visible()


def test_edit_and_delete_an_entry(phone, live_server):
    phone.goto(live_server + "/journal/entry")
    fill_entry(phone, notes="first")
    phone.get_by_role("button", name="Save").click()
    phone.locator(".entry [data-link]").click()
    expect(phone.get_by_role("heading", name="Edit entry")).to_be_visible()
    expect(phone.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    expect(phone.locator("#pain_after")).to_have_value("3")
    expect(phone.get_by_label("Warmth")).to_be_checked()
    phone.get_by_label("Notes").fill("second thoughts")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".entry [data-notes]")).to_have_text("second thoughts")
    phone.locator(".entry [data-link]").click()
    phone.once("dialog", lambda dialog: dialog.accept())
    phone.get_by_role("button", name="Delete entry").click()
    expect(phone.locator("[data-empty]")).to_be_visible()


def test_export_csv_and_json_then_import(phone, live_server, tmp_path):
    phone.goto(live_server + "/journal/entry")
    fill_entry(phone, notes='=HYPERLINK("x") and "quotes"')
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".entry")).to_have_count(1)
    with phone.expect_download() as csv_download:
        phone.get_by_role("button", name="Export CSV").click()
    csv = csv_download.value.path().read_bytes().decode()
    header, row = csv.split("\r\n")
    assert header.startswith('"date","routine","minutes"')
    assert '"\'=HYPERLINK(""x"") and ""quotes"""' in row
    with phone.expect_download() as json_download:
        phone.get_by_role("button", name="Export JSON").click()
    exported = json.loads(json_download.value.path().read_text())
    assert exported["format"] == "acuplan-export" and len(exported["records"]) == 1

    # A fresh device imports the file and has the same entry.
    other = phone.context.browser.new_context().new_page()
    other.goto(live_server + "/journal")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported))
    other.locator("[data-import]").set_input_files(str(path))
    expect(other.locator("[data-import-status]")).to_have_text("Imported 1 record.")
    expect(other.locator(".entry [data-notes]")).to_have_text('=HYPERLINK("x") and "quotes"')
    path.write_text('{"format": "something else"}')
    other.locator("[data-import]").set_input_files(str(path))
    expect(other.locator("[data-import-status]")).to_have_text("This is not an Acuplan export.")
    other.context.close()


def test_report_for_the_last_days(phone, live_server, screenshot):
    phone.goto(live_server + "/journal/entry")
    fill_entry(phone, notes=HOSTILE)
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".entry")).to_have_count(1)
    # a morning's note of sleep, with no session: listed, but not counted as a session
    phone.goto(live_server + "/journal/entry")
    fill_entry(phone, minutes="0")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".entry")).to_have_count(2)
    phone.goto(live_server + "/journal/report")
    expect(phone.locator("[data-report-rows] tr")).to_have_count(2)
    today = phone.evaluate("(async () => (await import('acuplan/plan/dates')).isoDate())()")
    day = datetime.date.fromisoformat(today)
    period = phone.locator("[data-report-period]")
    expect(period).to_contain_text("1 session and 1 entry without one from ")
    expect(period).to_contain_text(f" to {day.day} {day:%b %Y}.")
    expect(phone.locator("[data-report-rows] tr").first.locator("td").first).to_have_text(
        f"{day:%a} {day.day} {day:%b}"
    )
    expect(phone.locator("[data-report-summary] div").first).to_have_text("Sessions1")
    expect(phone.locator("[data-report-summary]")).to_contain_text("6.0 → 3.0")
    notes = phone.locator("[data-report-rows] td[data-label=Notes]", has_text="<script>")
    expect(notes).to_have_text(HOSTILE)
    screenshot(phone, "journal-report")
