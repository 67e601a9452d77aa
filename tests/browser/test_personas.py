"""Personas in real Chromium at phone size: their plan, the routine pages it links to, the
library and the player all apply the same safety answers, and say what changed and why."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MONDAY = datetime(2026, 11, 23, 12, 0)
COUNTDOWN_MS = 10_000
RECORD_STEPS = """
  window.steps = [];
  document.addEventListener("acuplan:cue", (event) => {
    if (event.detail.type === "step") window.steps.push(event.detail.step);
  });
"""


def onboard(page, live_server, flags, *, goals=("Stress", "Lower back"), experience="Never"):
    page.goto(live_server + "/start")
    for goal in goals:
        page.get_by_label(goal, exact=True).check()
    page.get_by_label("Minutes a day").fill("20")
    page.get_by_label("Days a week").select_option("7")
    page.get_by_label("In the evening").check()
    page.get_by_label(experience, exact=True).check()
    for flag in flags:
        page.get_by_label(flag).check()
    page.get_by_role("button", name="Save and plan my week").click()
    expect(page.locator("[data-next]")).to_be_visible()


@pytest.fixture
def person(phone):
    phone.clock.install(time=MONDAY)
    phone.clock.pause_at(MONDAY + timedelta(minutes=1))
    phone.add_init_script(RECORD_STEPS)
    return phone


def library(page):
    return {
        r["slug"]: r
        for r in page.evaluate("async () => (await (await fetch('/api/routines')).json()).routines")
    }


def played_steps(page, routine, seconds):
    """Play the routine on the player page to its end; the indexes of the steps it played."""
    page.locator("[data-start]").click()
    expect(page.locator("[data-session]")).to_be_visible()
    page.clock.run_for(COUNTDOWN_MS + sum(seconds) * 1000 + 2_000)
    return page.evaluate("window.steps")


def mat_steps(routine):
    return [i for i, step in enumerate(routine["steps"]) if step["kind"] == "mat"]


ASK = "ask a health professional"
PERSONAS = {
    "pregnant": (["I am pregnant"], ASK),
    "after-surgery": (["I have a broken bone, or had surgery recently"], ASK),
    "epilepsy": (["I have epilepsy"], ASK),
    "severe-varicose": (["I have severe varicose veins"], ASK),
    "red-flag-back": (
        ["I have back pain together with changes in bladder or bowel control"],
        "see a health professional",
    ),
}


@pytest.mark.parametrize("name", list(PERSONAS))
def test_screened_out_personas_get_no_mat_anywhere(person, live_server, screenshot, name):
    flags, advice = PERSONAS[name]
    onboard(person, live_server, flags)
    expect(person.locator("[data-plan-notes]")).to_contain_text("health professional")
    expect(person.locator("[data-mat-limit]")).to_contain_text("No time on the mat")
    screenshot(person, f"persona-{name}-today")
    routines = library(person)

    # the plan's title link opens the routine as the plan fitted it
    # (one whose routine is written with time on the mat, as the review found)
    # The plan fills the minutes with routines written without the mat; swap today's session
    # for one of its choices that is written with mat time.
    card = person.locator("[data-next]")
    card.get_by_text("Move or swap").click()
    choices = card.get_by_label("Do instead").locator("option")
    values = choices.evaluate_all("(options) => options.map((o) => o.value)")
    chosen = next(v for v in values if routines[v]["mat_seconds"])
    card.get_by_label("Do instead").select_option(chosen)
    card.get_by_role("button", name="Swap").click()
    links = person.locator("[data-week-0] .plan-session-title a")
    expect(person.locator(f'[data-week-0] a[href^="/routines/{chosen}?"]')).to_be_visible()
    slugs = [
        a.split("/routines/")[1].split("?")[0]
        for a in links.evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    ]
    index = next(i for i, slug in enumerate(slugs) if routines[slug]["mat_seconds"])
    slug = slugs[index]
    links.nth(index).click()
    page = person.locator("[data-routine-page]")
    expect(page).to_have_attribute("data-adapted", "true")
    expect(page.locator("[data-mat] dd")).to_have_text("None")
    for index in mat_steps(routines[slug]):
        expect(page.locator("[data-step]").nth(index).locator("[data-step-time]")).to_have_text(
            "Left out"
        )
    start = person.locator("[data-start]").first.get_attribute("href")
    steps = [int(n) for n in start.split("steps=")[1].split("&")[0].split("%2C")]
    assert all(steps[i] == 0 for i in mat_steps(routines[slug])) and sum(steps) > 0

    # a routine opened from the library, with mat time written into it
    person.goto(live_server + "/routines/long-mat-rest-30")
    expect(page).to_have_attribute("data-adapted", "true")
    notice = person.locator("[data-adapt-notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(advice)
    expect(page.locator("[data-mat] dd")).to_have_text("None")
    screenshot(person, f"persona-{name}-routine")

    # Start there, and a shared link straight to the player: the same, before Start too
    for n, open_player in enumerate(
        (
            lambda: person.locator("[data-start]").first.click(),
            lambda: person.goto(live_server + "/play?routine=long-mat-rest-30"),
        )
    ):
        open_player()
        message = person.locator("[data-message]")
        expect(message).to_contain_text("Changed for you")
        expect(message).to_contain_text(advice)
        if n:
            screenshot(person, f"persona-{name}-player")
        routine = routines["long-mat-rest-30"]
        played = played_steps(person, routine, [s["seconds"] for s in routine["steps"]])
        assert played and not set(played) & set(mat_steps(routine))
        person.goto(live_server + "/routines/long-mat-rest-30")


def test_after_surgery_no_stretch_plays_and_the_page_says_why(person, live_server):
    onboard(person, live_server, ["I have a broken bone, or had surgery recently"])
    routines = library(person)
    person.goto(live_server + "/routines/lower-back-gentle")
    page = person.locator("[data-routine-page]")
    expect(page).to_have_attribute("data-adapted", "true")
    expect(person.locator("[data-adapt-notice]")).to_contain_text(
        "no stretching after a fracture or surgery"
    )
    routine = routines["lower-back-gentle"]
    stretches = [i for i, s in enumerate(routine["steps"]) if s["kind"] == "stretch"]
    assert stretches
    person.locator("[data-start]").first.click()
    played = played_steps(person, routine, [s["seconds"] for s in routine["steps"]])
    assert played and not set(played) & set(stretches)


def test_a_newcomer_without_answers_sees_the_safety_check_before_the_mat(person, live_server):
    person.goto(live_server + "/routines/first-five-minutes")
    check = person.locator("[data-safety-check]")
    expect(check).to_be_visible()
    expect(check.get_by_role("link", name="Answer the safety questions")).to_be_visible()
    person.goto(live_server + "/play?routine=first-five-minutes")
    message = person.locator("[data-message]")
    expect(message.get_by_role("link", name="Answer the short safety check first")).to_be_visible()
    expect(person.locator("[data-start]")).to_be_visible()  # skippable: Start is still there
    person.goto(live_server + "/routines/no-mat-stress-calm")
    expect(person.locator("[data-routine-page]")).to_have_attribute("data-adapted", "true")
    expect(check).to_be_hidden()


def test_the_short_safety_check_applies_at_once_and_leads_back(person, live_server, screenshot):
    person.goto(live_server + "/routines/first-five-minutes")
    person.locator("[data-safety-check]").get_by_role("link").click()
    expect(person.locator("h1")).to_have_text("A short safety check")
    expect(person.get_by_label("Minutes a day")).to_be_hidden()
    expect(person.get_by_label("Stress", exact=True)).to_be_hidden()
    screenshot(person, "safety-check")
    person.get_by_role("button", name="Save my answers").click()
    expect(person.locator('[data-error-for="flags"]')).to_be_visible()
    person.get_by_label("I am pregnant").check()
    person.get_by_role("button", name="Save my answers").click()
    expect(person).to_have_url(live_server + "/routines/first-five-minutes")
    expect(person.locator("[data-routine-page]")).to_have_attribute("data-adapted", "true")
    expect(person.locator("[data-adapt-notice]")).to_contain_text("ask a health professional")
    expect(person.locator("[data-mat] dd")).to_have_text("None")
    expect(person.locator("[data-safety-check]")).to_be_hidden()
    person.goto(live_server + "/start")
    expect(person.get_by_label("I am pregnant")).to_be_checked()


def test_ticking_nothing_is_not_taken_as_none_of_these(person, live_server):
    person.goto(live_server + "/start")
    person.get_by_label("Stress", exact=True).check()
    person.get_by_label("In the evening").check()
    person.get_by_label("Never", exact=True).check()
    person.get_by_role("button", name="Save and plan my week").click()
    expect(person.locator('[data-error-for="flags"]')).to_contain_text("None of these apply to me")
    person.get_by_label("I am pregnant").check()
    person.get_by_label("None of these apply to me").check()
    expect(person.get_by_label("I am pregnant")).not_to_be_checked()
    person.get_by_role("button", name="Save and plan my week").click()
    expect(person.locator("[data-next]")).to_be_visible()


def test_a_newcomers_library_routine_keeps_to_five_minutes_with_a_layer(person, live_server):
    onboard(person, live_server, ["None of these apply to me"])
    routines = library(person)
    person.goto(live_server + "/routines/lower-back-deep")
    expect(person.locator("[data-routine-page]")).to_have_attribute("data-adapted", "true")
    expect(person.locator("[data-mat] dd")).to_have_text("5 min")
    notice = person.locator("[data-adapt-notice]")
    expect(notice).to_contain_text("today's time on the mat")
    expect(notice).to_contain_text("for your skin's sake")
    person.locator("[data-start]").first.click()
    expect(person.locator("[data-routine-facts]")).to_contain_text("5 min on the mat")
    routine = routines["lower-back-deep"]
    layers = person.evaluate(
        """async () => {
          const { adaptRoutine } = await import("acuplan/routines/adapt");
          const routine = (await (await fetch("/api/routines")).json()).routines
            .find((r) => r.slug === "lower-back-deep");
          const adapted = await adaptRoutine(routine, new URLSearchParams(location.search));
          return adapted.routine.steps.map((s) => s.layer ?? null);
        }"""
    )
    for index in mat_steps(routine):
        assert layers[index] != "bare"


def save_journal(page, entries):
    page.evaluate(
        """async (entries) => {
          const { saveRecord } = await import("acuplan/sync/store");
          for (const entry of entries) await saveRecord("journal", entry);
        }""",
        entries,
    )


def test_a_returning_user_after_five_weeks_starts_again_and_is_told_why(
    person, live_server, screenshot
):
    onboard(person, live_server, ["None of these apply to me"], experience="Regularly")
    expect(person.locator("[data-mat-limit]")).to_have_text("You're at 12 minutes on the mat.")
    first = MONDAY - timedelta(days=60)
    save_journal(
        person,
        [
            {
                "date": (first + timedelta(days=n)).date().isoformat(),
                "routine": "long-mat-rest-30",
                "minutes": 20,
                "adverse": [],
            }
            for n in range(25)
        ],
    )
    notes = person.locator("[data-plan-notes]")
    expect(notes).to_contain_text("It has been 36 days since your last session")
    expect(notes).to_contain_text("starts again from the beginning, at 12 minutes")
    expect(person.locator("[data-mat-limit]")).to_have_text("You're at 12 minutes on the mat.")
    screenshot(person, "persona-returning-today")
    person.goto(live_server + "/routines/lower-back-deep")
    expect(person.locator("[data-routine-page]")).to_have_attribute("data-adapted", "true")
    expect(person.locator("[data-mat] dd")).to_have_text("12 min")
    screenshot(person, "persona-returning-routine")


def test_a_reaction_logged_today_takes_the_mat_out_of_today_at_once(person, live_server):
    onboard(person, live_server, ["None of these apply to me"])
    expect(person.locator("[data-mat-limit]")).to_have_text("You're at 5 minutes on the mat.")
    save_journal(person, [{"date": "2026-11-23", "minutes": 5, "adverse": ["dizziness"]}])
    expect(person.locator("[data-mat-limit]")).to_contain_text("No more time on the mat today")
    expect(person.locator("[data-next-facts]")).to_contain_text("no mat")
    expect(person.locator("[data-plan-notes]")).to_contain_text("rest of today is without the mat")


def test_after_bruising_no_mat_until_the_journal_says_it_has_healed(person, live_server):
    onboard(person, live_server, ["None of these apply to me"])
    save_journal(person, [{"date": "2026-11-22", "minutes": 5, "adverse": ["bruising"]}])
    expect(person.locator("[data-plan-notes]")).to_contain_text("until it has healed")
    expect(person.locator("[data-mat-limit]")).to_contain_text("No time on the mat")
    person.goto(live_server + "/journal/entry")
    form = person.locator("[data-journal-form]")
    expect(form).to_have_attribute("data-ready", "true")
    healed = person.locator("[data-healed]")
    expect(healed).to_be_visible()
    person.get_by_label("Minutes done").fill("0")
    person.get_by_label("Yes, it has healed").check()
    person.get_by_role("button", name="Save").click()
    expect(person).to_have_url(live_server + "/journal")
    person.goto(live_server + "/")
    expect(person.locator("[data-mat-limit]")).to_contain_text("on the mat.")
    expect(person.locator("[data-plan-notes]")).not_to_contain_text("until it has healed")
    person.goto(live_server + "/journal/entry")
    expect(form).to_have_attribute("data-ready", "true")
    expect(healed).to_be_hidden()


def test_a_plan_kept_from_before_adaptations_is_asked_for_again(person, live_server):
    onboard(person, live_server, ["I am pregnant"])
    person.evaluate(
        """async () => {
          const { getMeta, setMeta } = await import("acuplan/sync/store");
          const kept = await getMeta("plan");
          delete kept.plan.adapted;
          await setMeta("plan", kept);
        }"""
    )
    person.goto(live_server + "/routines/long-mat-rest-30")
    expect(person.locator("[data-routine-page]")).to_have_attribute("data-adapted", "true")
    expect(person.locator("[data-adapt-notice]")).to_contain_text("ask a health professional")
    expect(person.locator("[data-mat] dd")).to_have_text("None")
