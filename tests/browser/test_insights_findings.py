"""What the insights may say, and when they must say "not enough yet"; the person's days."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def js(call_module):
    """Call a function of an insights module: js("stats", "median", [1, 2])."""
    return lambda module, name, *args: call_module(f"insights/{module}", name, *args)


def entry(day: int, before: int, after: int, routine: str = "evening-unwind") -> dict:
    return {
        "date": f"2026-10-{day:02d}",
        "routine": routine,
        "minutes": 10,
        "pain_before": before,
        "pain_after": after,
    }


@pytest.mark.parametrize(
    ("hour", "minute", "start", "day"),
    [
        (1, 30, "04:00", "2026-11-21"),  # after midnight, before the person's day ends
        (3, 59, "04:00", "2026-11-21"),
        (4, 0, "04:00", "2026-11-22"),
        (1, 30, "00:00", "2026-11-22"),
        (23, 50, "04:00", "2026-11-22"),
    ],
)
def test_a_moment_belongs_to_the_persons_own_day(module_page, hour, minute, start, day):
    got = module_page.evaluate(
        """async ([hour, minute, start]) => (await import("acuplan/plan/dates"))
             .dayOf(new Date(2026, 10, 22, hour, minute), start)""",
        [hour, minute, start],
    )
    assert got == day


def test_habit_strength_follows_loops_formula(js):
    practised = ["2026-11-01", "2026-11-02", "2026-11-04"]
    days = js("days", "habitStrength", practised, "2026-11-01", "2026-11-06", 7)
    multiplier, score, expected = 0.5 ** (1 / 13), 0.0, []
    for day in range(1, 7):
        score = score * multiplier + (1 - multiplier if f"2026-11-0{day}" in practised else 0)
        expected.append(score)
    assert [d["score"] for d in days] == pytest.approx(expected)
    assert days[3]["score"] > days[2]["score"] and days[5]["score"] < days[4]["score"]


@pytest.mark.parametrize(
    ("practised", "freezes", "streak"),
    [
        (["2026-11-20", "2026-11-21", "2026-11-22"], [], 3),
        (["2026-11-20", "2026-11-21"], [], 2),  # today not yet practised doesn't end it
        (["2026-11-19", "2026-11-20"], [], 0),  # yesterday missed ends it
        (["2026-11-19", "2026-11-21", "2026-11-22"], ["2026-11-20"], 3),  # a freeze protects
        (["2026-11-21"], ["2026-11-20", "2026-11-19"], 1),  # freezes never add
        ([], ["2026-11-21"], 0),
    ],
)
def test_streaks_with_freeze_days(js, practised, freezes, streak):
    assert js("days", "streak", practised, "2026-11-22", freezes) == streak


def test_a_self_experiment_is_a_baseline_week_then_abab(js):
    weeks = js("days", "experimentWeeks", "2026-11-23")
    assert [(w["phase"], w["start"], w["end"]) for w in weeks] == [
        ("baseline", "2026-11-23", "2026-11-29"),
        ("with", "2026-11-30", "2026-12-06"),
        ("without", "2026-12-07", "2026-12-13"),
        ("with", "2026-12-14", "2026-12-20"),
        ("without", "2026-12-21", "2026-12-27"),
    ]
    assert js("days", "experimentWeekOn", weeks, "2026-12-09")["phase"] == "without"
    assert js("days", "experimentWeekOn", weeks, "2026-12-28") is None


def test_seven_paired_sessions_give_progress_not_a_number(js):
    found = js("findings", "changeWithin", [entry(d, 6, 3) for d in range(1, 8)], "pain")
    assert found == {"scale": "pain", "count": 7, "needed": 8, "enough": False}


def test_sessions_without_both_scores_do_not_count_as_pairs(js):
    entries = [entry(d, 6, 3) for d in range(1, 8)] + [{"date": "2026-10-09", "pain_before": 5}]
    assert js("findings", "changeWithin", entries, "pain")["count"] == 7


def test_eight_paired_sessions_give_the_median_change_and_counts(js):
    befores, afters = [6, 7, 5, 8, 6, 4, 7, 6, 5], [3, 5, 5, 4, 4, 4, 6, 2, 6]
    entries = [entry(d + 1, b, a) for d, (b, a) in enumerate(zip(befores, afters, strict=True))]
    found = js("findings", "changeWithin", entries, "pain")
    changes = np.subtract(afters, befores)
    assert found["enough"] is True
    assert found["median"] == np.median(changes)
    assert (found["down"], found["up"], found["same"]) == (6, 1, 2)
    low, high = found["interval"]
    assert low <= found["median"] <= high


def test_sessions_that_started_unusually_high_are_counted_for_the_caveat(js):
    usual = [entry(d, 4, 3) for d in range(1, 11)]
    high = [entry(d, 9, 4) for d in range(11, 14)]
    found = js("findings", "changeWithin", usual + high, "pain")
    assert found["startedHigh"] == 3


def test_a_trend_needs_four_weeks_and_an_interval_clear_of_zero(js):
    three = [{"week": f"w{i}", "median": 7 - i} for i in range(3)]
    assert js("findings", "trend", three)["direction"] is None
    falling = [{"week": f"w{i}", "median": m} for i, m in enumerate([7, 6, 6, 5, 4, 3])]
    assert js("findings", "trend", falling)["direction"] == "down"
    flat = [{"week": f"w{i}", "median": m} for i, m in enumerate([5, 6, 5, 6, 5, 6])]
    found = js("findings", "trend", flat)
    assert found["enough"] is True and found["direction"] is None


def test_weekly_medians_group_by_monday(js):
    entries = [
        {"date": "2026-11-16", "pain_before": 6},
        {"date": "2026-11-22", "pain_before": 4},  # a Sunday: still the week of the 16th
        {"date": "2026-11-23", "pain_before": 3},
    ]
    weekly = js("findings", "weeklyMedians", entries, "pain_before")
    assert weekly == [
        {"week": "2026-11-16", "median": 5, "count": 2},
        {"week": "2026-11-23", "median": 3, "count": 1},
    ]


def test_with_and_without_needs_fourteen_days_on_each_side(js):
    days = [{"day": i, "practised": i < 20, "value": 3} for i in range(33)]
    found = js("findings", "withAndWithout", days)
    assert (found["with"], found["without"], found["enough"]) == (20, 13, False)
    assert "difference" not in found


def test_with_and_without_widens_its_interval_for_several_comparisons(js):
    rng = np.random.default_rng(4)
    days = [
        {"day": i, "practised": bool(i % 3), "value": int(rng.integers(2, 5)) + (i % 3 > 0)}
        for i in range(60)
    ]
    one = js("findings", "withAndWithout", days, {"comparisons": 1})
    two = js("findings", "withAndWithout", days, {"comparisons": 2})
    with_values = [d["value"] for d in days if d["practised"]]
    without_values = [d["value"] for d in days if not d["practised"]]
    assert one["difference"] == pytest.approx(np.mean(with_values) - np.mean(without_values))
    assert (one["level"], two["level"]) == (0.8, pytest.approx(0.9))
    assert two["interval"][1] - two["interval"][0] > one["interval"][1] - one["interval"][0]


def test_an_entry_logged_at_half_past_one_is_dated_the_evening_before(phone, live_server):
    phone.clock.set_fixed_time("2026-11-22T01:30:00")
    phone.goto(live_server + "/journal/entry")
    expect(phone.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    expect(phone.locator("#date")).to_have_value("2026-11-21")
