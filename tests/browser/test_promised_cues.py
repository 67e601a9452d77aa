"""Every instruction in the library that promises a cue gets it, at the right moment:
"halfway, change direction" at the step's middle (whatever length a plan gives it), "switch
sides" at a side switch."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

HALFWAY = re.compile(r"halfway|change direction", re.I)
SWITCH = re.compile(r"switch sides|swap sides|then the other side|change sides", re.I)
HEARD = re.compile(r"when you hear|at the sound|at the bell", re.I)

CUES_OF_THE_LIBRARY = """async (lengthen) => {
  const { buildTimeline } = await import("acuplan/player/timeline");
  const { routines } = await (await fetch("/api/routines")).json();
  return routines.flatMap((routine) => {
    const seconds = {};
    routine.steps.forEach((step, i) => {
      if (lengthen && step.kind === "stretch") seconds[i] = step.seconds * 2;
    });
    const timeline = buildTimeline(routine, { seconds });
    return timeline.steps.map((step) => ({
      routine: routine.slug, index: step.index, kind: step.kind,
      instruction: [step.instruction, step.lower,
        ...(routine.steps[step.index].later ?? []).map((p) => p.text)].join(" "),
      startMs: step.startMs, durationMs: step.durationMs,
      cues: timeline.cues.filter((c) => c.step === step.index)
        .map((c) => ({ type: c.type, atMs: c.atMs, text: c.text ?? "" })),
    }));
  });
}"""


@pytest.mark.parametrize("lengthen", [False, True], ids=["as written", "lengthened"])
def test_every_promise_of_a_cue_in_an_instruction_has_its_timed_cue(phone, live_server, lengthen):
    phone.goto(live_server + "/routines")
    steps = phone.evaluate(CUES_OF_THE_LIBRARY, lengthen)
    promised = 0
    for step in steps:
        where = f"{step['routine']} step {step['index']}: {step['instruction']}"
        if HALFWAY.search(step["instruction"]):
            promised += 1
            middle = step["startMs"] + step["durationMs"] / 2
            said = [
                c
                for c in step["cues"]
                if c["type"] == "part"
                and abs(c["atMs"] - middle) <= 1000
                and "change direction" in c["text"].lower()
            ]
            assert said, where
        if SWITCH.search(step["instruction"]):
            promised += 1
            assert any(c["type"] == "switch" for c in step["cues"]), where
        assert not HEARD.search(step["instruction"]), f"a cue no player gives: {where}"
    assert promised >= 2  # shoulder rolls, in the shared stretches and reset-three-minutes
