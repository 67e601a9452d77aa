"""The session player in real Chromium: timing by page.clock, resume, controls, offline.

`page.clock` fakes Date, performance.now, timers and animation frames, so twenty minutes of
session play in a second or two. Every cue the player gives is also an `acuplan:cue` event;
an init script records each with the fake wall time it was heard at, which the tests compare
with times they work out from the routine's JSON and the lead-in timeline.js gives each step
(its instruction is said before its clock starts; test_spoken_cues.py checks those lengths).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_offline import IPHONE_UA, wait_for_worker

pytestmark = pytest.mark.browser

COUNTDOWN_MS = 10_000  # the shortest get-ready before the first step (timeline.js)
LEAD_MIN_MS = 3_000  # the shortest lead-in before a later step
TWENTY_MINUTES = "runners-recovery"  # 21 min 5 s: breathing, sided stretches, two mat steps
T0 = datetime(2026, 3, 2, 20, 0, 0)

RECORD_CUES = """
  window.cues = [];
  document.addEventListener("acuplan:cue", (event) => {
    window.cues.push({ ...event.detail, wall: Date.now(), perf: performance.now() });
  });
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) window.shifts.push({ value: e.value, perf: e.startTime });
    }
  }).observe({ type: "layout-shift", buffered: true });
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-start]")) window.startedWall = Date.now();
  }, true);
"""


@pytest.fixture(scope="module")
def library(live_server):
    """The routine library as the API serves it, keyed by slug."""
    import urllib.request

    with urllib.request.urlopen(live_server + "/api/routines") as response:
        return {r["slug"]: r for r in json.load(response)["routines"]}


def open_player(page, live_server, slug, fake_clock=True):
    """The player for `slug`, with cues recorded and (by default) time standing still."""
    page.add_init_script(RECORD_CUES)
    if fake_clock:
        page.clock.install(time=T0)
        page.clock.pause_at(T0 + timedelta(minutes=1))  # later than install: never "the past"
    page.goto(f"{live_server}/play?routine={slug}")
    expect(page.locator("[data-start]")).to_be_visible()


def start(page):
    page.locator("[data-start]").click()
    expect(page.locator("[data-session]")).to_be_visible()


def cues(page, kind=None):
    found = page.evaluate("window.cues")
    return [c for c in found if kind is None or c["type"] == kind]


def heard_at(page, cue) -> int:
    """When a cue was heard, in ms since Start was tapped, by the (fake) wall clock."""
    return cue["wall"] - page.evaluate("window.startedWall")


TIMELINE = """async ({ routine, seconds }) => {
  const { buildTimeline } = await import("acuplan/player/timeline");
  const t = buildTimeline(routine, { seconds });
  return {
    steps: t.steps.map((s) => ({ index: s.index, lead: s.leadStartMs, start: s.startMs,
      end: s.endMs })),
    endMs: t.endMs,
    halfway: t.cues.find((c) => c.type === "halfway").atMs,
  };
}"""


def timeline_of(page, routine, seconds=None) -> dict:
    """The session's schedule as timeline.js builds it: each step's lead-in, start and end."""
    timeline = page.evaluate(TIMELINE, {"routine": routine, "seconds": seconds or {}})
    # Lead-ins come between the steps, which keep their own lengths back to back.
    at = 0
    for step in timeline["steps"]:
        assert step["lead"] == at and step["start"] - step["lead"] >= LEAD_MIN_MS
        at = step["end"]
    assert timeline["steps"][0]["start"] >= COUNTDOWN_MS and timeline["endMs"] == at
    return timeline


def finished_sessions(page) -> list[dict]:
    """The finished sessions on the device: `session` records of the store."""
    return page.evaluate("async () => (await import('acuplan/player/store')).listFinished()")


def step_starts(timeline) -> list[int]:
    return [step["start"] for step in timeline["steps"]]


def step_leads(timeline) -> list[int]:
    return [step["lead"] for step in timeline["steps"]]


def where(timeline, ms) -> tuple[int, int]:
    """The step index shown at session time `ms` and the ms left on its clock."""
    step = next(s for s in timeline["steps"] if s["lead"] <= ms < s["end"])
    assert ms >= step["start"], "not in a lead-in"
    return step["index"], step["end"] - ms


def clock(ms) -> str:
    seconds = -(-ms // 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def test_a_twenty_minute_routine_keeps_time_to_the_summary(phone, live_server, library):
    routine = library[TWENTY_MINUTES]
    total_ms = routine["seconds"] * 1000
    assert 19 * 60 <= routine["seconds"] <= 22 * 60
    open_player(phone, live_server, TWENTY_MINUTES)
    timeline = timeline_of(phone, routine)
    start(phone)
    phone.clock.run_for(timeline["endMs"] + 2_000)

    starts = step_starts(timeline)
    # Each step is introduced at its lead-in, and its clock starts after it.
    introduced = {c["step"]: heard_at(phone, c) for c in cues(phone, "step")}
    for index, expected in enumerate(step_leads(timeline)):
        assert 0 <= introduced[index] - expected <= 50, (index, introduced[index], expected)
    heard = {c["step"]: heard_at(phone, c) for c in cues(phone, "begin")}
    assert sorted(heard) == list(range(len(routine["steps"])))
    for index, expected in enumerate(starts):
        assert 0 <= heard[index] - expected <= 50, (index, heard[index], expected)

    sided = [i for i, s in enumerate(routine["steps"]) if s.get("stretch", {}).get("sided")]
    assert sided, "the routine has stretches done on each side"
    switches = {c["step"]: heard_at(phone, c) for c in cues(phone, "switch")}
    assert sorted(switches) == sided
    for index in sided:
        expected = starts[index] + routine["steps"][index]["hold"] * 1000
        assert 0 <= switches[index] - expected <= 50

    lying = max(i for i, s in enumerate(routine["steps"]) if s.get("position") == "lower-back")
    # 30 s before the end of each mat step: how to get off it, before the bell
    mats = [i for i, s in enumerate(routine["steps"]) if s["kind"] == "mat"]
    get_ups = {c["step"]: heard_at(phone, c) for c in cues(phone, "get-up")}
    assert sorted(get_ups) == mats and lying in mats
    for index in mats:
        expected = starts[index] + (routine["steps"][index]["seconds"] - 30) * 1000
        assert 0 <= get_ups[index] - expected <= 50

    late = [heard[i] - at for i, at in enumerate(starts)]
    print(f"\n{TWENTY_MINUTES}, page.clock: steps started {min(late)}–{max(late)} ms late")
    (halfway,) = cues(phone, "halfway")
    assert 0 <= heard_at(phone, halfway) - timeline["halfway"] <= 50
    # Half the steps' own time, lead-ins left out (moved on only past words being said).
    half, at = total_ms / 2, 0
    for step in timeline["steps"]:
        if at + step["end"] - step["start"] > half:
            assert 0 <= timeline["halfway"] - (step["start"] + half - at) <= 15_000
            break
        at += step["end"] - step["start"]
    (end,) = cues(phone, "end")
    assert 0 <= heard_at(phone, end) - timeline["endMs"] <= 50

    summary = phone.locator("[data-summary]")
    expect(summary).to_be_visible()
    expect(summary.locator("h2")).to_have_text("Well done")
    expect(summary.locator("[data-time-done]")).to_have_text("21 min 5 s")
    steps = len(routine["steps"])
    expect(summary.locator("[data-steps-done]")).to_have_text(f"{steps} of {steps}")
    (record,) = finished_sessions(phone)
    assert record["seconds"] == routine["seconds"]
    assert (record["stepsDone"], record["endedEarly"]) == (steps, False)
    assert phone.evaluate("localStorage['acuplan.session']") is None
    assert phone.console.errors == []


def test_breaths_prompts_and_interval_bells_come_at_their_times(phone, live_server, library):
    slug = "coherent-breathing-focus"
    routine = library[slug]
    open_player(phone, live_server, slug)
    timeline = timeline_of(phone, routine)
    start(phone)
    phone.clock.run_for(timeline["endMs"] + 1_000)
    starts = step_starts(timeline)

    breathing = routine["steps"][0]
    phases = [c for c in cues(phone, "phase") if c["step"] == 0]
    cycle_ms = breathing["breathing"]["cycle_seconds"] * 1000
    inhales = [heard_at(phone, c) for c in phases if c["phase"] == "inhale"]
    assert len(inhales) == breathing["cycles"]
    for n, at in enumerate(inhales):
        assert 0 <= at - (starts[0] + n * cycle_ms) <= 50
    exhales = [c for c in phases if c["phase"] == "exhale"]
    assert len(exhales) == breathing["cycles"]

    (index,) = [i for i, s in enumerate(routine["steps"]) if s.get("bell_every")]
    step = routine["steps"][index]
    bells = [heard_at(phone, c) for c in cues(phone, "interval")]
    expected = range(step["bell_every"] * 1000, step["seconds"] * 1000, step["bell_every"] * 1000)
    assert len(bells) == len(expected) > 0
    for at, due in zip(bells, expected, strict=True):
        assert 0 <= at - (starts[index] + due) <= 50
    prompts = [c for c in cues(phone, "prompt") if c["step"] == index]
    assert [c["text"] for c in prompts] == [p["text"] for p in step["meditation"]["prompts"]]


def test_after_five_minutes_hidden_it_shows_the_right_step_at_once(phone, live_server, library):
    open_player(phone, live_server, TWENTY_MINUTES)
    timeline = timeline_of(phone, library[TWENTY_MINUTES])
    start(phone)
    at = step_starts(timeline)[0] + 100_000  # 100 s into the opening 110 s of breathing
    phone.clock.run_for(at)
    expect(phone.locator("[data-step-title]")).to_have_text("Coherent breathing")
    set_visibility(phone, "hidden")
    # Hidden: no animation frames, and at most one timer firing for the whole five minutes.
    phone.clock.fast_forward("05:00")
    set_visibility(phone, "visible")
    index, left = where(timeline, at + 300_000)  # the feet on the mat, part way through
    assert library[TWENTY_MINUTES]["steps"][index]["title"] == "Feet, seated"
    assert phone.locator("[data-step-title]").text_content() == "Feet, seated"
    assert phone.locator("[data-remaining]").text_content() == clock(left)
    assert f"Step {index + 1} of 7" in phone.locator("[data-progress-text]").text_content()


def set_visibility(page, state):
    page.evaluate(
        """(state) => {
          const fixed = (value) => ({ value, configurable: true });
          Object.defineProperty(document, "visibilityState", fixed(state));
          Object.defineProperty(document, "hidden", fixed(state === "hidden"));
          document.dispatchEvent(new Event("visibilitychange"));
        }""",
        state,
    )


def test_a_reload_mid_session_resumes_at_the_right_place(phone, live_server, library):
    open_player(phone, live_server, TWENTY_MINUTES)
    timeline = timeline_of(phone, library[TWENTY_MINUTES])
    start(phone)
    feet = timeline["steps"][4]
    phone.clock.run_for(feet["start"] + 55_000)  # 55 s into the first mat step
    expect(phone.locator("[data-step-title]")).to_have_text("Feet, seated")
    phone.reload()
    expect(phone.locator("[data-session]")).to_be_visible()
    expect(phone.locator("[data-step-title]")).to_have_text("Feet, seated")
    expect(phone.locator("[data-remaining]")).to_have_text("4:05")
    phone.clock.run_for(245_100)
    expect(phone.locator("[data-kind]")).to_have_text("Get ready")
    expect(phone.locator("[data-step-title]")).to_have_text("Lying, lower back")
    steps = [c["step"] for c in cues(phone, "step")]
    assert steps == [5], "after the reload, only the next step started"


def test_pause_stops_the_clock_and_resume_goes_on_from_there(phone, live_server, library):
    open_player(phone, live_server, TWENTY_MINUTES)
    timeline = timeline_of(phone, library[TWENTY_MINUTES])
    start(phone)
    phone.clock.run_for(step_starts(timeline)[0] + 30_000)
    toggle = phone.locator("[data-toggle]")
    toggle.click()
    expect(toggle).to_have_text("Resume")
    remaining = phone.locator("[data-remaining]").text_content()
    heard = len(cues(phone))
    phone.clock.run_for(120_000)
    assert phone.locator("[data-remaining]").text_content() == remaining == "1:20"
    assert len(cues(phone)) == heard, "no cue while paused"
    assert phone.evaluate("JSON.parse(localStorage['acuplan.session']).clock.pausedAt") is not None
    toggle.click()
    expect(toggle).to_have_text("Pause")
    phone.clock.run_for(80_100)
    (second,) = [c for c in cues(phone, "step") if c["step"] == 1]
    assert 0 <= heard_at(phone, second) - (step_leads(timeline)[1] + 120_000) <= 50


def test_ending_early_records_the_time_really_spent(phone, live_server, library):
    open_player(phone, live_server, TWENTY_MINUTES)
    timeline = timeline_of(phone, library[TWENTY_MINUTES])
    start(phone)
    phone.clock.run_for(step_starts(timeline)[0] + 60_000)
    phone.locator("[data-toggle]").click()
    phone.clock.run_for(120_000)  # a pause: not time done
    phone.locator("[data-toggle]").click()
    phone.locator("[data-skip]").click()  # skips 50 s of breathing: not time done either
    expect(phone.locator("[data-step-title]")).to_have_text("Calf stretch")
    expect(phone.locator("[data-kind]")).to_have_text("Get ready")
    phone.locator("[data-skip]").click()  # and its lead-in: lead-ins are not time done
    expect(phone.locator("[data-kind]")).to_have_text("Stretch")
    phone.clock.run_for(30_000)
    phone.locator("[data-end]").click()
    phone.locator("[data-end-confirm]").click()

    summary = phone.locator("[data-summary]")
    expect(summary.locator("h2")).to_have_text("Session ended")
    expect(summary.locator("[data-time-done]")).to_have_text("1 min 30 s")
    expect(summary.locator("[data-steps-done]")).to_have_text("0 of 7")
    expect(summary.locator("[data-saved]")).to_have_text("This session is saved on this device.")
    (record,) = finished_sessions(phone)
    assert (record["seconds"], record["stepsDone"], record["endedEarly"]) == (90, 0, True)
    done = [(s["index"], s["planned"], s["done"]) for s in record["steps"]][:3]
    assert done == [(0, 110, 60), (1, 65, 30), (2, 65, 0)]
    journal = summary.get_by_role("link", name="Log how you feel")
    expect(journal).to_have_attribute(
        "href",
        f"/journal/entry?date=2026-03-02&routine={TWENTY_MINUTES}&minutes=2&position=lower-back"
        "&layer=shirt",
    )
    expect(summary.get_by_role("link", name="Back to the routine")).to_have_attribute(
        "href", f"/routines/{TWENTY_MINUTES}"
    )
    expect(summary.get_by_role("link", name="All routines")).to_have_attribute("href", "/routines")
    journal.click()
    expect(phone.get_by_label("Routine")).to_have_value(TWENTY_MINUTES)
    expect(phone.get_by_label("Minutes done")).to_have_value("2")


def test_the_player_works_offline_after_one_visit(phone, live_server):
    phone.goto(live_server + "/")
    wait_for_worker(phone)
    phone.context.set_offline(True)
    open_player(phone, live_server, "evening-unwind")
    expect(phone.locator("[data-title]")).to_have_text("Evening unwind")
    start(phone)
    phone.locator("[data-skip]").click()  # past the get-ready
    phone.clock.run_for(500)
    expect(phone.locator("[data-step-title]")).to_have_text("Coherent breathing")
    expect(phone.locator("[data-pacer-label]")).to_have_text("Breathe in")
    assert [c["step"] for c in cues(phone, "step")] == [0]


def test_the_detail_page_starts_the_routine(phone, live_server):
    phone.goto(live_server + "/routines/evening-unwind")
    phone.get_by_role("link", name="Start Evening unwind").click()
    expect(phone).to_have_url(live_server + "/play?routine=evening-unwind")
    expect(phone.locator("[data-start]")).to_be_visible()
    expect(phone.locator("[data-ios-note]")).to_be_hidden()


def test_an_unknown_routine_says_so(phone, live_server):
    phone.goto(live_server + "/play?routine=no-such-thing")
    expect(phone.locator("[data-message]")).to_have_text(
        "There is no routine called “no-such-thing”."
    )
    expect(phone.locator("[data-start]")).to_be_hidden()


def test_ios_is_told_to_keep_the_screen_unlocked(browser, live_server):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, user_agent=IPHONE_UA
    )
    page = context.new_page()
    page.goto(live_server + "/play?routine=evening-unwind")
    expect(page.locator("[data-ios-note]")).to_be_visible()
    expect(page.locator("[data-ios-note]")).to_contain_text("keep the screen unlocked")
    context.close()


def test_keyboard_space_pauses_and_arrows_move_between_steps(phone, live_server):
    open_player(phone, live_server, TWENTY_MINUTES)
    start(phone)
    title = phone.locator("[data-step-title]")
    phone.keyboard.press("ArrowRight")  # the countdown is skipped
    expect(title).to_have_text("Coherent breathing")
    phone.keyboard.press("Space")
    expect(phone.locator("[data-toggle]")).to_have_text("Resume")
    phone.keyboard.press("Space")
    expect(phone.locator("[data-toggle]")).to_have_text("Pause")
    phone.keyboard.press("ArrowRight")  # to the next step's lead-in: its instruction
    expect(title).to_have_text("Calf stretch")
    expect(phone.locator("[data-announce]")).to_have_text("Get ready: step 2 of 7, Calf stretch.")
    phone.keyboard.press("ArrowRight")
    expect(phone.locator("[data-announce]")).to_have_text(
        "Step 2 of 7: Calf stretch, 1 minute 5 seconds."
    )
    phone.keyboard.press("ArrowLeft")  # at the start of a step: the step before, said again
    expect(title).to_have_text("Coherent breathing")
    expect(phone.locator("[data-kind]")).to_have_text("Get ready")
    phone.keyboard.press("ArrowRight")
    phone.clock.run_for(20_000)
    phone.keyboard.press("ArrowLeft")  # well into it: the same step from its lead-in
    expect(title).to_have_text("Coherent breathing")
    expect(phone.locator("[data-kind]")).to_have_text("Get ready")
    phone.keyboard.press("ArrowRight")
    expect(phone.locator("[data-remaining]")).to_have_text("1:50")
    expect(phone.locator("[data-settings]")).to_be_hidden()  # nothing but the session
    phone.keyboard.press("Space")
    phone.locator("[data-settings] summary").click()  # while paused, the cues can change
    phone.get_by_label("Tones only").check()  # arrows in a form field stay the field's own
    phone.keyboard.press("ArrowRight")
    expect(title).to_have_text("Coherent breathing")


def test_reduced_motion_shows_a_text_cue_instead_of_a_moving_shape(browser, live_server):
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    open_player(page, live_server, "evening-unwind")
    start(page)
    pacer = page.locator("[data-pacer]")
    shape = page.locator("[data-pacer-shape]")
    page.locator("[data-skip]").click()  # past the get-ready
    page.clock.run_for(5_000)  # near the top of a 5.5 s in-breath
    expect(pacer).to_have_class(re.compile(r"\bpacer-still\b"))
    expect(page.locator("[data-pacer-label]")).to_have_text("Breathe in")
    assert shape.evaluate("el => el.style.transform") == ""
    opacity = "el => Number(getComputedStyle(el).opacity)"
    full = shape.evaluate(opacity)
    page.clock.run_for(5_000)  # near the bottom of the out-breath
    expect(page.locator("[data-pacer-label]")).to_have_text("Breathe out")
    assert shape.evaluate(opacity) < full - 0.5
    # Only opacity is animated: the shape keeps its size.
    animated = shape.evaluate(
        "el => el.getAnimations().flatMap((a) => a.effect.getKeyframes())"
        ".flatMap((k) => Object.keys(k).filter((p) => p === 'transform' || p === 'opacity'))"
    )
    assert set(animated) == {"opacity"}
    assert (
        shape.evaluate("el => getComputedStyle(el).transform") == "matrix(0.86, 0, 0, 0.86, 0, 0)"
    )
    context.close()


def test_cue_settings_are_remembered(phone, live_server):
    phone.goto(live_server + "/play?routine=evening-unwind")
    phone.locator("[data-settings] summary").click()
    phone.get_by_label("Volume").fill("40")
    phone.get_by_label("Vibration only").check()
    expect(phone.get_by_label("Volume")).to_be_disabled()  # nothing to be loud
    phone.reload()
    phone.locator("[data-settings] summary").click()
    expect(phone.get_by_label("Vibration only")).to_be_checked()
    assert json.loads(phone.evaluate("localStorage['acuplan.cue-settings']")) == {
        "mode": "vibration",
        "volume": 0.4,
        "ticks": True,
    }


def test_plan_overrides_leave_out_and_lengthen_steps(phone, live_server, library):
    phone.goto(live_server + "/play?routine=evening-unwind")
    routine = library["evening-unwind"]
    timeline = phone.evaluate(
        """async (routine) => {
          const { buildTimeline } = await import("acuplan/player/timeline");
          const t = buildTimeline(routine, { seconds: { 1: 0, 3: 120 } });
          return { steps: t.steps.map((s) => [s.index, s.startMs, s.endMs]), endMs: t.endMs };
        }""",
        routine,
    )
    seconds = [s["seconds"] * 1000 for s in routine["steps"]]
    assert seconds[3] == 300_000
    kept = [index for index, _, _ in timeline["steps"]]
    lengths = [end - start for _, start, end in timeline["steps"]]
    assert kept == [0, 2, 3, 4]
    assert lengths == [seconds[0], seconds[2], 120_000, seconds[4]]
    assert timeline["steps"][0][1] >= COUNTDOWN_MS
    for (_, _, end), (_, start, _) in pairwise(timeline["steps"]):
        assert start - end >= LEAD_MIN_MS  # a lead-in between steps
    assert timeline["endMs"] == timeline["steps"][-1][2]


TWENTY_SECONDS = {
    "slug": "twenty-seconds",
    "title": "Twenty seconds",
    "summary": "One breath and a stretch each side, to time the player in real time.",
    "goals": ["stress"],
    "level": "beginner",
    "safety": [],
    "seconds": 20,
    "mat_seconds": 0,
    "positions": [],
    "steps": [
        {
            "kind": "breathing",
            "title": "Easy even breath",
            "seconds": 8,
            "instruction": "Breathe in for four. Breathe out for four.",
            "breathing": {
                "id": "easy-breath",
                "name": "Easy even breath",
                "label": "4-0-4-0",
                "cycle_seconds": 8,
                "phases": [{"name": "inhale", "seconds": 4}, {"name": "exhale", "seconds": 4}],
            },
            "cycles": 1,
        },
        {
            "kind": "stretch",
            "title": "Calf stretch",
            "seconds": 12,
            "instruction": "Step one foot back and press the heel down.",
            "stretch": {"id": "calf-stretch", "name": "Calf stretch", "sided": True},
            "hold": 5,
            "reps": 1,
            "switch_pause": 2,
        },
    ],
}


def test_in_real_time_twenty_seconds_end_twenty_seconds_after_the_start(browser, live_server):
    # No worker, so the page's own request for the library is the one routed here.
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    library = {"count": 1, "routines": [TWENTY_SECONDS]}
    page.route("**/api/routines", lambda route: route.fulfill(json=library))
    open_player(page, live_server, "twenty-seconds", fake_clock=False)
    start(page)
    page.locator("[data-skip]").click()  # straight past the get-ready countdown
    page.evaluate(
        """() => new Promise((resolve) => {
          if (window.cues.some((cue) => cue.type === "end")) return resolve();
          document.addEventListener("acuplan:cue", (e) => e.detail.type === "end" && resolve());
        })"""
    )
    page.wait_for_function("window.cues.some((cue) => cue.type === 'end')")
    first, second = cues(page, "begin")
    (end,) = cues(page, "end")
    (switch,) = cues(page, "switch")
    lead_ms = second["dueMs"] - 8_000 - first["dueMs"]  # the stretch's lead-in
    assert lead_ms >= LEAD_MIN_MS
    error_ms = end["perf"] - first["perf"] - 20_000 - lead_ms
    switch_error_ms = switch["perf"] - second["perf"] - 5_000
    print(
        f"\nreal time, 20 s routine: ended {error_ms:+.1f} ms from 20 s (and a lead-in) after "
        f"its first step started; side switch {switch_error_ms:+.1f} ms from 5 s into the stretch"
    )
    assert abs(error_ms) < 500
    assert abs(switch_error_ms) < 500
    # Steps, holds and the switch changed the text with no tap: nothing on screen moved.
    shifts = [
        s["value"]
        for s in page.evaluate("window.shifts")
        if first["perf"] <= s["perf"] < end["perf"]
    ]
    print(f"layout shift during the session: {sum(shifts):.4f} ({len(shifts)} shifts)")
    assert sum(shifts) == 0
    expect(page.locator("[data-time-done]")).to_have_text("20 s")
    context.close()


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_screenshots_of_breathing_a_stretch_and_the_summary(phone, live_server, screenshot):
    scheme = (
        "dark" if phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "light"
    )
    # The one-time "works offline" notice would cover part of the picture.
    phone.add_init_script("localStorage.setItem('acuplan.offline-ready-shown', '1')")
    open_player(phone, live_server, "evening-unwind")
    routine = phone.evaluate(
        "async () => (await (await fetch('/api/routines')).json()).routines"
        ".find((r) => r.slug === 'evening-unwind')"
    )
    timeline = timeline_of(phone, routine)
    starts = step_starts(timeline)
    screenshot(phone, f"player-intro-{scheme}")
    start(phone)
    phone.clock.run_for(5_000)  # the get-ready, while the first instruction is said
    expect(phone.locator("[data-kind]")).to_have_text("Get ready")
    screenshot(phone, f"player-get-ready-{scheme}")
    phone.clock.run_for(starts[0] + 3_000 - 5_000)  # 3 s into the first 5.5 s in-breath
    expect(phone.locator("[data-pacer-label]")).to_have_text("Breathe in")
    screenshot(phone, f"player-breathing-{scheme}")
    twist = routine["steps"][2]
    second_side = starts[2] + (twist["hold"] + twist["switch_pause"]) * 1000 + 5_000
    phone.clock.run_for(second_side - starts[0] - 3_000)  # the twist, 5 s into the second side
    expect(phone.locator("[data-pacer-label]")).to_have_text("Second side")
    expect(phone.locator("[data-hold]")).to_have_text("Hold 2 of 2")
    screenshot(phone, f"player-stretch-{scheme}")
    phone.clock.run_for(starts[3] + 20_000 - second_side)  # 20 s on the mat, with its note
    expect(phone.locator("[data-note]")).to_be_visible()
    expect(phone.locator("[data-hold]")).to_have_text("Thin shirt")
    screenshot(phone, f"player-mat-{scheme}")
    phone.clock.run_for(timeline["endMs"])
    expect(phone.locator("[data-summary]")).to_be_visible()
    screenshot(phone, f"player-summary-{scheme}")
    assert phone.console.errors == []


def test_after_a_long_time_away_the_session_is_offered_not_resumed(phone, live_server, library):
    open_player(phone, live_server, TWENTY_MINUTES)
    timeline = timeline_of(phone, library[TWENTY_MINUTES])
    start(phone)
    phone.clock.run_for(step_starts(timeline)[0] + 60_000)
    set_visibility(phone, "hidden")  # to the background, where the system may kill the app
    context = phone.context
    phone.close()
    page = context.new_page()
    page.add_init_script(RECORD_CUES)
    page.goto("about:blank")
    page.clock.fast_forward("30:00")
    page.goto(f"{live_server}/play?routine={TWENTY_MINUTES}")
    expect(page.locator("[data-resume]")).to_contain_text("You left this session 1:00 in.")
    expect(page.locator("[data-start]")).to_be_hidden()
    page.get_by_role("button", name="Resume").click()
    expect(page.locator("[data-step-title]")).to_have_text("Coherent breathing")
    expect(page.locator("[data-remaining]")).to_have_text("0:50")
    page.locator("[data-end]").click()
    page.locator("[data-end-confirm]").click()
    expect(page.locator("[data-time-done]")).to_have_text("1 min")  # the half hour away is not


SPY_ON_CUES = """
  window.vibrations = [];
  navigator.vibrate = (pattern) => window.vibrations.push(pattern) > 0;
  window.spoken = [];
  speechSynthesis.speak = (utterance) => utterance.text && window.spoken.push(utterance.text);
  window.tones = 0;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.tones += 1;
    return start.apply(this, args);
  };
"""


@pytest.mark.parametrize(
    ("mode", "vibrates", "speaks", "sounds"),
    [
        ("voice", False, True, True),
        ("tones", False, False, True),
        ("vibration", True, False, False),
        ("silent", False, False, False),
    ],
)
def test_each_cue_mode_vibrates_speaks_or_sounds(
    phone, live_server, mode, vibrates, speaks, sounds
):
    settings = json.dumps({"mode": mode, "volume": 0.5})
    phone.add_init_script(f"localStorage.setItem('acuplan.cue-settings', '{settings}')")
    phone.add_init_script(SPY_ON_CUES)
    open_player(phone, live_server, "evening-unwind")
    start(phone)
    phone.locator("[data-skip]").click()  # past the get-ready
    phone.clock.run_for(12_000)  # coherent breathing: in 5.5 s, out 5.5 s, in
    vibrations = phone.evaluate("window.vibrations")
    spoken = phone.evaluate("window.spoken")
    assert bool(vibrations) == vibrates
    assert bool(spoken) == speaks
    assert (phone.evaluate("window.tones") > 0) == sounds
    if vibrates:
        inhale, exhale = [400], [80, 120, 80, 120, 80]
        assert vibrations[-3:] == [inhale, exhale, inhale], "in and out feel different"
    if speaks:
        assert spoken[0].startswith("Coherent breathing. Lie on your back")


FAKE_WAKE_LOCK = """
  window.wakeLocks = [];
  async function request(type) {
    const listeners = [];
    const lock = { type, released: false, addEventListener: (_, heard) => listeners.push(heard) };
    lock.release = async () => {
      lock.released = true;
      listeners.forEach((heard) => heard());
    };
    window.wakeLocks.push(lock);
    return lock;
  }
  Object.defineProperty(navigator, "wakeLock", { value: { request } });
"""


def test_the_screen_is_kept_on_and_asked_again_when_visible(phone, live_server):
    phone.add_init_script(FAKE_WAKE_LOCK)
    open_player(phone, live_server, "evening-unwind")
    start(phone)
    locks = "window.wakeLocks.map((lock) => [lock.type, lock.released])"
    assert phone.evaluate(locks) == [["screen", False]]
    set_visibility(phone, "hidden")
    phone.evaluate("window.wakeLocks[0].release()")  # what the browser does to a hidden page
    set_visibility(phone, "visible")
    assert phone.evaluate(locks) == [["screen", True], ["screen", False]]
    phone.locator("[data-end]").click()
    phone.locator("[data-end-confirm]").click()
    assert phone.evaluate(locks) == [["screen", True], ["screen", True]]


def test_cue_settings_are_a_synced_preferences_record_that_other_devices_follow(phone, live_server):
    phone.goto(live_server + "/play?routine=evening-unwind")
    # another setting already shares the record: choosing a cue must keep it
    phone.evaluate(
        """async () => (await import("acuplan/settings/preferences")).savePreference(
          "day", { start: "04:00" })"""
    )
    phone.locator("[data-settings] summary").click()
    phone.get_by_label("Vibration only").check()
    record = phone.evaluate(
        """async () => (await import("acuplan/sync/store")).getRecord(
          (await import("acuplan/settings/preferences")).PREFERENCES_ID)"""
    )
    assert record["kind"] == "preferences" and record["dirty"] == 1
    assert record["data"] == {
        "day": {"start": "04:00"},
        "cues": {"mode": "vibration", "volume": 0.8, "ticks": True},
    }

    # Another device's choice arrives by sync: the player follows it over its local copy.
    phone.evaluate(
        """async () => {
          const { applyServerRecords } = await import("acuplan/sync/store");
          const { PREFERENCES_ID } = await import("acuplan/settings/preferences");
          await applyServerRecords([{ id: PREFERENCES_ID, kind: "preferences",
            data: { cues: { mode: "silent", volume: 0.3 } }, modified: Date.now() + 1000,
            deleted: false }]);
        }"""
    )
    phone.reload()
    phone.locator("[data-settings] summary").click()
    expect(phone.get_by_label("Silent", exact=True)).to_be_checked()
