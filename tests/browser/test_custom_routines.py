"""A person's own routines on the device: built into the player's shape exactly as the server
builds the library's, listed beside the library's (marked as theirs), played, and synced."""

from __future__ import annotations

import json
import random
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from acuplan.catalog.custom import check_custom_routine
from acuplan.catalog.load import read_toml
from acuplan.catalog.query import routine_json
from acuplan.fields import Fields
from tests.browser.test_planner_ui import MONDAY, onboard
from tests.browser.test_sync import login, register, sync
from tests.test_custom_routines import CASES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[2] / "routines"


def test_every_library_routine_resolves_on_the_device_as_the_server_lists_it(module_page, library):
    files = {p.stem: read_toml(p, ROOT, []) for p in sorted(ROOT.glob("*.toml"))}
    for slug, data in files.items():
        data["id"] = slug
    on_device = module_page.evaluate(
        """async (files) => {
             const { loadRules } = await import("acuplan/routines/rules");
             const { resolveRoutine } = await import("acuplan/routines/resolve");
             const rules = await loadRules();
             return Object.values(files).map((data) => resolveRoutine(data, rules));
           }""",
        files,
    )
    for slug, resolved in zip(files, on_device, strict=True):
        assert resolved.pop("custom") is True
        assert resolved == routine_json(library.routines[slug]), slug


def test_every_valid_shared_case_resolves_on_the_device_as_the_server_reads_it(
    module_page, library
):
    """Own patterns included: the device's words, rounds and seconds are the server's."""
    valid = [c["routine"] for c in CASES["cases"] if not c["expect"]]
    assert any(isinstance(s.get("pattern"), dict) for r in valid for s in r["steps"])
    on_device = module_page.evaluate(
        """async (routines) => {
             const { loadRules } = await import("acuplan/routines/rules");
             const { resolveRoutine } = await import("acuplan/routines/resolve");
             const rules = await loadRules();
             return routines.map((data) => resolveRoutine(data, rules));
           }""",
        valid,
    )
    for data, resolved in zip(valid, on_device, strict=True):
        routine = check_custom_routine(Fields(data, "", "", []), library)
        assert resolved.pop("custom") is True
        assert resolved == routine_json(routine), data["id"]


def own_routine(title="My long rest", routine_id="my-long-rest", minutes=10):
    """A person's own intermediate routine: breathing, a two-sided stretch, 10 min on the mat."""
    return {
        "id": routine_id,
        "title": title,
        "summary": "Slow breathing, a stretch each side, then a long rest on the mat.",
        "goals": ["sleep", "stress"],
        "level": "intermediate",
        "steps": [
            {"kind": "breathing", "pattern": "coherent", "cycles": 10},
            {"kind": "stretch", "stretch": "figure-four", "hold": 30},
            {
                "kind": "mat",
                "position": "upper-back",
                "layer": "shirt",
                "minutes": minutes,
                "instruction": "Sit with your back to the mat, knees bent.",
            },
        ],
    }


@pytest.fixture
def monday(phone):
    phone.clock.set_fixed_time(MONDAY)
    return phone


def save_own(page, routine):
    return page.evaluate(
        "async (r) => (await import('acuplan/routines/custom')).saveCustom(r)", routine
    )


def test_an_own_routine_is_listed_as_theirs_planned_and_played_at_the_mat_limit(
    monday, live_server, screenshot
):
    onboard(monday, live_server)
    expect(monday.locator("[data-next-title]")).not_to_be_empty()
    save_own(monday, own_routine())
    monday.goto(live_server + "/routines")
    own = monday.locator('[data-own-routine="my-long-rest"]')
    expect(own).to_contain_text("My long rest")
    expect(own.locator(".pill-own")).to_have_text("Yours")
    screenshot(monday, "own-routines-list")
    # the plan, asked for again with the person's own routine, offers it as a swap
    monday.goto(live_server + "/")
    expect(monday.locator("option", has_text="My long rest").first).to_be_attached()
    # the 10 minutes written for the mat are more than a newcomer's day allows
    monday.goto(live_server + "/play?routine=my-long-rest")
    expect(monday.locator("[data-title]")).to_have_text("My long rest")
    expect(monday.locator("[data-message]")).to_contain_text("played at your limit today")
    screenshot(monday, "own-routine-player-at-the-limit")
    # it has no page of the library's: the way back leads to the list that shows it
    expect(monday.locator(".breadcrumb [data-routine-link]")).to_have_attribute("href", "/routines")
    # the journal logs a session of it by its name, as it does the library's
    monday.goto(live_server + "/journal/entry?routine=my-long-rest&minutes=8")
    expect(monday.get_by_label("Routine")).to_have_value("my-long-rest")
    expect(monday.locator("option:checked", has_text="My long rest")).to_be_attached()


def test_a_shared_link_opens_in_another_browser_checked_and_saved_as_a_copy_on_collision(
    phone, browser, live_server, tmp_path, screenshot
):
    phone.goto(live_server + "/routines")
    save_own(phone, own_routine())
    own = phone.locator('[data-own-routine="my-long-rest"]')
    own.get_by_role("button", name="Share a link").click()
    link = phone.locator("[data-own-link]").get_attribute("href")
    assert link.startswith(live_server + "/routines/shared#1.")
    assert len(link) <= 2048
    with phone.expect_download() as saved_file:
        own.get_by_role("button", name="Save as a file").click()
    path = tmp_path / "routine.json"
    saved_file.value.save_as(path)

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    other = context.new_page()
    other.goto(link)
    expect(other.locator("[data-shared-heading]")).to_have_text("My long rest")
    expect(other.locator("[data-shared-check]")).to_contain_text("keeps the safety rules")
    expect(other.locator("[data-shared-steps] li")).to_have_count(3)
    screenshot(other, "shared-routine-preview")
    # the other person already has a routine of their own with the same id
    save_own(other, own_routine(title="Their own rest"))
    other.get_by_role("button", name="Save to my routines").click()
    expect(other.locator("[data-shared-saved]")).to_contain_text("this is a copy")
    titles = other.evaluate(
        "async () => (await (await import('acuplan/routines/custom')).listCustom())"
        ".map((r) => [r.id, r.title])"
    )
    assert titles == [
        ["my-long-rest-copy", "My long rest (copy)"],
        ["my-long-rest", "Their own rest"],
    ]
    # the file opens the same way; a routine that breaks the rules cannot be saved
    other.goto(live_server + "/routines/shared")
    other.locator("[data-shared-file]").set_input_files(str(path))
    expect(other.locator("[data-shared-heading]")).to_have_text("My long rest")
    too_long = tmp_path / "too-long.json"
    text = path.read_text().replace('"minutes": 10', '"minutes": 45')
    too_long.write_text(text)
    other.locator("[data-shared-file]").set_input_files(str(too_long))
    expect(other.locator("[data-shared-problems]")).to_contain_text(
        "Step 3 (mat): minutes a mat step here may last at most 30 min"
    )
    expect(other.get_by_role("button", name="Save to my routines")).to_be_disabled()
    context.close()


def test_a_file_opened_while_the_rules_still_load_is_shown_when_they_come(
    browser, live_server, tmp_path
):
    """On a slow phone a person can pick a file before the safety rules are in: the file
    waits for them rather than going unread (the picker answered only once they had come)."""
    path = tmp_path / "routine.json"
    path.write_text(json.dumps({"acuplan": "routine", "version": 1, "routine": own_routine()}))
    page = browser.new_context(service_workers="block").new_page()
    held = []
    page.route("**/api/vocabulary", lambda r: r.continue_() if held else held.append(r))
    with page.expect_request("**/api/vocabulary"):
        page.goto(live_server + "/routines/shared")
    page.locator("[data-shared-file]").set_input_files(str(path))
    expect(page.locator("[data-shared-heading]")).to_have_text("A shared routine")
    held[0].continue_()
    expect(page.locator("[data-shared-heading]")).to_have_text("My long rest")
    expect(page.locator("[data-shared-check]")).to_contain_text("keeps the safety rules")
    page.context.close()


def test_own_routines_sync_between_two_phones_and_survive_export_and_import(
    browser, live_server, tmp_path
):
    phone1 = browser.new_context().new_page()
    register(phone1, live_server, email="own@example.com")
    save_own(phone1, own_routine())
    assert sync(phone1)["state"] == "synced"

    phone2 = browser.new_context().new_page()
    login(phone2, live_server, email="own@example.com")
    phone2.goto(live_server + "/routines")
    expect(phone2.locator('[data-own-routine="my-long-rest"]')).to_contain_text("My long rest")
    # a change on the second phone reaches the first; a delete there removes it here
    save_own(phone2, own_routine(title="My longer rest"))
    assert sync(phone2)["state"] == "synced"
    assert sync(phone1)["state"] == "synced"
    phone1.goto(live_server + "/routines")
    expect(phone1.locator('[data-own-routine="my-long-rest"]')).to_contain_text("My longer rest")

    phone1.goto(live_server + "/journal")
    with phone1.expect_download() as exported:
        phone1.get_by_role("button", name="Export JSON").click()
    path = tmp_path / "export.json"
    exported.value.save_as(path)
    phone2.once("dialog", lambda dialog: dialog.accept())
    phone2.goto(live_server + "/routines")
    phone2.get_by_role("button", name="Delete").click()
    expect(phone2.locator("[data-own-routines]")).to_be_hidden()
    assert sync(phone2)["state"] == "synced"
    assert sync(phone1)["state"] == "synced"
    phone1.goto(live_server + "/routines")
    expect(phone1.locator("[data-own-routines]")).to_be_hidden()

    fresh = browser.new_context().new_page()
    fresh.goto(live_server + "/journal")
    fresh.locator("[data-import]").set_input_files(str(path))
    expect(fresh.locator("[data-import-status]")).to_contain_text("Imported")
    fresh.goto(live_server + "/routines")
    expect(fresh.locator('[data-own-routine="my-long-rest"]')).to_contain_text("My longer rest")
    for page in (phone1, phone2, fresh):
        page.context.close()


def random_own_breathing(rng: random.Random, index: int) -> dict:
    """A routine of one breathing step with an own pattern: often valid, often not."""
    pattern = {
        "inhale": rng.choice([0.5, 1, 2.5, 4, 5.5, 31]),
        "exhale": rng.choice([1, 2, 3, 4.5, 6, 8, 20]),
    }
    for name, choices in (
        ("hold_in", [0, 2, 4, 7, 8.5, 9, 13]),
        ("hold_out", [0, 3.5, 4, 7, 12.5, 30]),
        ("exhale_to", [2, 6.5, 9, 12, 30]),
    ):
        if rng.random() < 0.5:
            pattern[name] = rng.choice(choices)
    amount = (
        {"cycles": rng.randint(1, 40)}
        if rng.random() < 0.5
        else {"minutes": rng.choice([0.25, 1, 2.5, 7])}
    )
    return {
        "id": f"random-{index}",
        "title": "Random breath",
        "summary": "One own pattern.",
        "goals": ["stress"],
        "level": rng.choice(["beginner", "intermediate", "experienced"]),
        "steps": [{"kind": "breathing", "pattern": pattern, **amount}],
    }


def test_random_own_patterns_get_the_same_problems_rounds_and_words_on_both_sides(
    module_page, library
):
    """300 own patterns, seeded: the device's rules and the catalog's validator agree on every
    problem, and where a routine is valid the device plays exactly what the server lists."""
    rng = random.Random(20261122)
    routines = [random_own_breathing(rng, i) for i in range(300)]
    on_device = module_page.evaluate(
        """async (routines) => {
             const { loadRules, validateRoutine } = await import("acuplan/routines/rules");
             const { resolveRoutine } = await import("acuplan/routines/resolve");
             const rules = await loadRules();
             return routines.map((r) => {
               const problems = validateRoutine(r, rules).map((p) => ({
                 field: p.step === null ? p.field : `steps[${p.step}].${p.field}`,
                 message: p.message,
               }));
               return { problems, resolved: problems.length ? null : resolveRoutine(r, rules) };
             });
           }""",
        routines,
    )
    valid = 0
    for data, device in zip(routines, on_device, strict=True):
        problems: list = []
        routine = check_custom_routine(Fields(data, "", "", problems), library)
        server = [{"field": p.field, "message": p.message} for p in problems]
        assert sorted(device["problems"], key=str) == sorted(server, key=str), data
        if routine is not None:
            valid += 1
            assert device["resolved"].pop("custom") is True
            assert device["resolved"] == routine_json(routine), data
    assert 50 < valid < 250  # both sides of the rules are exercised


def test_the_rules_are_fetched_only_for_someone_with_routines_of_their_own(browser, live_server):
    """Every page that reads the library reads the person's own routines too; the rules they
    are checked by (33 KB) are fetched only when there are some."""
    page = browser.new_context(service_workers="block").new_page()
    asked = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.goto(live_server + "/play?routine=evening-unwind")
    expect(page.locator("[data-title]")).to_have_text("Evening unwind")
    assert "/api/routines" in asked and "/api/vocabulary" not in asked
    save_own(page, own_routine())
    page.goto(live_server + "/play?routine=my-long-rest")
    expect(page.locator("[data-title]")).to_have_text("My long rest")
    assert "/api/vocabulary" in asked
    page.context.close()
