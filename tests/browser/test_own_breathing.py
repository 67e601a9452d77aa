"""A person's own breathing pattern in the player: an out-breath that lengthens round by
round, from the first round to the last that fits the step, heard as the phase tones say it
and drawn by the pacer; the step's words say how it goes and the safety caveat it needs."""

from __future__ import annotations

from itertools import pairwise

import pytest

from acuplan.catalog.custom import check_custom_routine
from acuplan.catalog.query import routine_json
from acuplan.fields import Fields

pytestmark = pytest.mark.browser

SLOWING = {"name": "Slowing down", "inhale": 4, "exhale": 6, "exhale_to": 9}


def own_breathing(pattern: dict, library, **amount) -> dict:
    """A routine of one breathing step with `pattern`, as the server reads it."""
    data = {
        "id": "my-slowing",
        "title": "Slowing down",
        "summary": "A breath that slows round by round.",
        "goals": ["sleep"],
        "level": "beginner",
        "steps": [{"kind": "breathing", "pattern": pattern, **(amount or {"cycles": 8})}],
    }
    problems: list = []
    routine = check_custom_routine(Fields(data, "", "", problems), library)
    assert problems == []
    return routine_json(routine)


BREATHS = """async ({ routine, seconds }) => {
  const { buildTimeline } = await import("acuplan/player/timeline");
  const { stateAt } = await import("acuplan/player/timeline-state");
  const { patternText } = await import("acuplan/player/step-words");
  const t = buildTimeline(routine, { seconds });
  const step = t.steps[0];
  const phases = t.cues.filter((c) => c.type === "phase")
    .map((c) => [c.phase, c.atMs - step.startMs]);
  const rounds = t.cues.filter((c) => c.type === "round").map((c) => c.round);
  const lastExhale = phases.findLast(([name]) => name === "exhale")[1];
  return {
    phases, rounds, durationMs: step.durationMs,
    late: stateAt(t, step.startMs + lastExhale + 1000).breath,
    text: patternText(step.breathing),
  };
}"""


def exhales(phases: list, duration_ms: int) -> list[int]:
    """Each out-breath's length: from its tone to the next phase's (or the step's end)."""
    ends = [at for _, at in phases[1:]] + [duration_ms]
    return [end - at for (name, at), end in zip(phases, ends, strict=True) if name == "exhale"]


def test_the_out_breath_lengthens_evenly_to_its_last_round(module_page, library):
    routine = own_breathing(SLOWING, library)
    step = routine["steps"][0]
    assert step["seconds"] == 92 and step["cycles"] == 8  # 8 rounds of 10 s, 1.5 s growth each
    assert step["breathing"]["label"] == "4-0-6→9-0"
    assert "a little longer each round, up to 9" in step["instruction"]
    got = module_page.evaluate(BREATHS, {"routine": routine, "seconds": {}})
    lengths = exhales(got["phases"], got["durationMs"])
    assert len(lengths) == 8 and got["rounds"] == list(range(2, 9))
    assert lengths[0] == 6000 and lengths[-1] == 9000
    assert all(0 < b - a <= 430 for a, b in pairwise(lengths))  # evenly, never back
    assert [at for name, at in got["phases"] if name == "inhale"][1] == 10_000
    # what the pacer draws in the last round: the long out-breath, counted down from 9
    late = got["late"]
    assert late["name"] == "exhale" and late["breath"] == 8
    assert late["elapsedMs"] + late["remainingMs"] == 9000
    assert got["text"].endswith("6 → 9 s")


def test_a_plan_that_shortens_the_step_still_reaches_the_longest_out_breath(module_page, library):
    routine = own_breathing(SLOWING, library)
    got = module_page.evaluate(BREATHS, {"routine": routine, "seconds": {"0": 46}})
    lengths = exhales(got["phases"], got["durationMs"])
    assert lengths == [6000, 7000, 8000, 9000]


def test_an_even_pattern_keeps_every_breath_alike(module_page, library):
    routine = own_breathing({"inhale": 4, "hold_in": 4, "exhale": 4, "hold_out": 4}, library)
    step = routine["steps"][0]
    assert step["asks"] == ["breath-hold"]
    assert step["caveat"] == "If a hold feels hard, make it shorter."
    got = module_page.evaluate(BREATHS, {"routine": routine, "seconds": {}})
    assert exhales(got["phases"], got["durationMs"]) == [4000] * 8
    assert [name for name, _ in got["phases"][:4]] == ["inhale", "hold", "exhale", "hold"]
