"""The routine editor in Chromium: a newcomer builds, reorders and saves a routine offline."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import wait_for_worker
from tests.browser.test_planner_ui import MONDAY, onboard


def block_titles(page):
    """Each block's name, without the "Block n of m: " said to screen readers."""
    return [
        t.split(":", 1)[1].strip() for t in page.locator(".editor-block-title").all_inner_texts()
    ]


def open_editor(page, url):
    page.goto(url)
    page.locator("[data-editor-body]").wait_for(state="visible")


def saved_routines(page):
    return page.evaluate("async () => (await import('acuplan/routines/custom')).listCustom()")


def keep(screenshot, page, name):
    """A screenshot named for the page's colour scheme: `name`-light or `name`-dark."""
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    return screenshot(page, f"{name}-{'dark' if dark else 'light'}")


def test_a_newcomer_builds_three_blocks_with_a_two_sided_stretch_and_saves_offline(
    phone, live_server, screenshot
):
    page = phone
    open_editor(page, live_server + "/routines/new")
    wait_for_worker(page)
    # The taps: + Breathing, + Stretch, + Mat (three blocks, the stretch two-sided by default).
    for kind in ("Breathing", "Stretch", "Mat"):
        page.get_by_role("button", name=f"+ {kind}").click()
    titles = block_titles(page)
    assert [t.split(":")[0] for t in titles] == ["Breathing", "Stretch", "Mat"]
    assert "each side" in page.locator(".editor-field-stretch select option:checked").inner_text()
    assert page.locator("[data-mat]").inner_text() == "5 min"
    total_before = page.locator("[data-total]").inner_text()
    assert page.locator("[data-problem-count]").inner_text() == ""
    # The pattern's round is heard with the player's tones before saving.
    page.get_by_role("button", name="Hear one round").click()
    assert page.locator(".editor-preview").inner_text().startswith("Playing: 5.5-0-5.5-0")

    # Keyboard: the mat block's "Move up" with Enter; focus stays on the moved block.
    page.get_by_role("button", name="Move block Mat: upper back up").focus()
    page.keyboard.press("Enter")
    assert [t.split(":")[0] for t in block_titles(page)] == ["Breathing", "Mat", "Stretch"]
    assert page.evaluate("document.activeElement.closest('[data-block]')?.dataset.block") == "1"
    assert "place 2 of 3" in page.locator("[data-announce]").inner_text()

    # The stretch block twice in a row: the total grows, the mat time stays.
    page.locator("#editor-repeat-2").fill("2")
    assert page.locator("[data-total]").inner_text() != total_before
    assert page.locator("[data-mat]").inner_text() == "5 min"
    assert page.locator('[data-block="2"] [data-block-time]').inner_text().endswith("× 2")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing past the edge
    page.evaluate("scrollTo(0, 0)")
    keep(screenshot, page, "editor-three-blocks")

    page.context.set_offline(True)
    page.get_by_role("button", name="Save on this phone").click()
    page.get_by_text("Saved on this phone.").wait_for()
    [saved] = saved_routines(page)
    assert saved["id"] == "my-routine"
    assert [s["kind"] for s in saved["steps"]] == ["breathing", "mat", "stretch", "stretch"]
    play = page.get_by_role("link", name="Play it")
    assert play.get_attribute("href") == "/play?routine=my-routine"
    # Still offline: the player (precached by the worker) plays it from the device.
    play.click()
    expect(page.locator("[data-title]")).to_have_text("My routine")
    page.context.set_offline(False)

    # Opened again, the written-out steps fold back into three blocks, the stretch played twice.
    open_editor(page, live_server + "/routines/edit?id=my-routine")
    assert len(block_titles(page)) == 3
    assert page.locator("#editor-repeat-2").input_value() == "2"
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete this routine").click()
    page.wait_for_url("**/routines")
    assert saved_routines(page) == []
    # The app's own sync tries the network while offline; that is the only error allowed.
    assert [e for e in page.console.errors if "ERR_INTERNET_DISCONNECTED" not in e] == []


@pytest.mark.parametrize("phone", ["dark"], indirect=True)
def test_a_too_long_mat_step_is_refused_with_a_message_naming_the_step_and_field(
    phone, live_server, screenshot
):
    page = phone
    open_editor(page, live_server + "/routines/new")
    page.get_by_role("button", name="+ Mat").click()
    page.locator(".editor-field-minutes input").fill("12")
    problem = page.locator('[data-step="0.0"] [data-problem="minutes"]')
    expect(problem).to_contain_text("at most 5 min")
    assert "Block 1, Mat: upper back (minutes)" in page.locator("[data-problems]").inner_text()
    page.get_by_role("button", name="Save on this phone").click()
    expect(page.locator("[data-status]")).to_contain_text("Not saved")
    assert saved_routines(page) == []
    keep(screenshot, page, "editor-too-long-mat")
    # A mat step carries a breathing pattern or meditation prompts, and is told so beside it.
    page.locator(".editor-field-breathing select").select_option("coherent")
    page.locator(".editor-field-meditation select").select_option("body-scan")
    meditation = page.locator('[data-step="0.0"] [data-problem="meditation"]')
    expect(meditation).to_contain_text("not both")
    assert page.console.errors == []


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_an_own_breathing_pattern_is_built_heard_saved_played_and_offered_in_the_plan(
    phone, live_server, screenshot
):
    page = phone
    page.clock.set_fixed_time(MONDAY)
    onboard(page, live_server)
    expect(page.locator("[data-next-title]")).not_to_be_empty()
    open_editor(page, live_server + "/routines/new")
    page.locator("#editor-title").fill("Slowing down")
    page.get_by_role("button", name="+ Breathing").click()
    page.locator(".editor-field-pattern select").select_option("own")
    inhale = page.get_by_label("Breathe in", exact=True)
    expect(inhale).to_have_value("5.5")  # it starts from the pattern chosen before
    inhale.fill("4")
    page.get_by_label("Breathe out", exact=True).fill("6")
    page.get_by_label("Lengthen the out-breath a little each round").check()
    last = page.get_by_label("Out-breath in the last round")
    last.fill("5")
    problem = page.locator('[data-problem="pattern.exhale_to"]')
    expect(problem).to_have_text("Must be longer than the out-breath it grows from (6 s)")
    last.fill("9")
    expect(problem).to_be_hidden()
    page.get_by_label("Hold after breathing in").fill("10")
    expect(page.locator('[data-step="0.0"] [data-problem="pattern"]')).to_have_text(
        "Your own pattern is for intermediate routines and up; this one is beginner"
    )
    page.get_by_label("Hold after breathing in").fill("0")
    # 20 rounds lengthening from 6 s to 9 s last 230 s: counted in minutes, that is 4
    page.get_by_label("Rounds").fill("20")
    page.get_by_label("Count in").select_option("minutes")
    expect(page.get_by_label("Minutes")).to_have_value("4")
    page.get_by_label("Count in").select_option("cycles")
    page.get_by_label("Rounds").fill("8")
    page.get_by_role("button", name="+ Mat").click()  # the plan offers routines with the mat
    expect(page.locator("[data-problem-count]")).to_have_text("")
    page.get_by_role("button", name="Hear the first and last rounds").click()
    expect(page.locator(".editor-preview")).to_have_text("Playing: 4-0-6→9-0")
    page.locator(".editor-own-pattern").scroll_into_view_if_needed()
    keep(screenshot, page, "editor-own-pattern")

    page.get_by_role("button", name="Save on this phone").click()
    page.get_by_text("Saved on this phone.").wait_for()
    [saved] = saved_routines(page)
    assert saved["steps"][0] == {
        "kind": "breathing",
        "pattern": {"inhale": 4, "hold_in": 0, "exhale": 6, "hold_out": 0, "exhale_to": 9},
        "cycles": 8,
    }
    # Today's plan offers it among the swaps, and the player says how the breath goes.
    page.goto(live_server + "/")
    expect(page.locator("option", has_text="Slowing down").first).to_be_attached()
    page.goto(live_server + "/play?routine=slowing-down")
    expect(page.locator("[data-title]")).to_have_text("Slowing down")
    page.locator("[data-start]").click()
    expect(page.locator("[data-detail]")).to_have_text("In 4 s · out 6 → 9 s")
    assert page.console.errors == []


def test_make_it_mine_copies_a_library_routine_into_the_editor(phone, live_server, screenshot):
    page = phone
    page.goto(live_server + "/routines/evening-unwind")
    total = page.locator("[data-total] dd").inner_text()
    page.get_by_role("link", name="Make it mine").scroll_into_view_if_needed()
    keep(screenshot, page, "routine-make-it-mine")
    page.get_by_role("link", name="Make it mine").click()
    page.locator("[data-editor-body]").wait_for(state="visible")
    assert page.locator("#editor-title").input_value() == "Evening unwind (mine)"
    assert page.locator("[data-total]").inner_text() == total
    assert page.locator("[data-problem-count]").inner_text() == ""
    assert page.console.errors == []


def test_a_block_is_moved_by_dragging_its_handle(phone, live_server):
    page = phone
    open_editor(page, live_server + "/routines/new")
    for kind in ("Breathing", "Stretch", "Mat"):
        page.get_by_role("button", name=f"+ {kind}").click()
    handle = page.locator('[data-block="2"] .editor-handle').bounding_box()
    first = page.locator('[data-block="0"]').bounding_box()
    page.mouse.move(handle["x"] + 10, handle["y"] + 10)
    page.mouse.down()
    page.mouse.move(handle["x"] + 10, first["y"] + 5, steps=5)
    page.mouse.up()
    assert [t.split(":")[0] for t in block_titles(page)] == ["Mat", "Breathing", "Stretch"]


def test_written_out_steps_fold_back_into_the_blocks_they_came_from(call_module):
    a, b, c = ({"kind": "stretch", "stretch": s} for s in ("x", "y", "z"))
    blocks = [
        {"steps": [a], "repeat": 1},
        {"steps": [b, c], "repeat": 3},
        {"steps": [a], "repeat": 1},
    ]
    routine = call_module("editor/model", "toRoutine", {"title": "T"}, blocks)
    assert routine["steps"] == [a, b, c, b, c, b, c, a]
    assert call_module("editor/model", "toBlocks", routine["steps"]) == blocks
    origins = call_module("editor/model", "stepOrigins", blocks)
    assert origins[3] == {"block": 1, "step": 0} and origins[7] == {"block": 2, "step": 0}
    assert call_module("editor/model", "idFor", "Évening unwind!", ["evening-unwind"]) == (
        "evening-unwind-mine"
    )
