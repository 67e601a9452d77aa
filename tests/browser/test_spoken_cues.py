"""Every spoken cue of the library is heard in full: built by timeline.js in real Chromium.

Each cue's speaking time is estimated from its words at a fixed rate (spoken.js:
WORDS_PER_MINUTE, checked against espeak-ng by bench/speech.py). A cue is cut when the next
spoken cue is due before the estimate says it has ended; counts ("Two.", "Last breath.") are
said only when nothing else is, so they cut nothing and are left out here.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from acuplan.catalog.custom import check_custom_routine
from acuplan.catalog.query import routine_json
from acuplan.fields import Fields
from tests.test_custom_routines import CASES

pytestmark = pytest.mark.browser

WORDS_PER_MINUTE = 140  # spoken.js; espeak-ng at the browser's rate says these cues at ~155
SPOKEN = """async (own) => {
  const { buildTimeline } = await import("acuplan/player/timeline");
  const { spokenCues, WORDS_PER_MINUTE } = await import("acuplan/player/spoken");
  const { routines } = await (await fetch("/api/routines")).json();
  const out = {};
  for (const routine of [...routines, ...own]) {
    const timeline = buildTimeline(routine);
    out[routine.slug] = {
      rate: WORDS_PER_MINUTE,
      starts: Object.fromEntries(timeline.steps.map((s) => [s.index, s.startMs])),
      leads: Object.fromEntries(timeline.steps.map((s) => [s.index, s.leadStartMs])),
      cues: spokenCues(timeline),
      caveats: timeline.steps.filter((s) => s.caveat).map((s) => [s.index, s.caveat, s.kind]),
    };
  }
  return out;
}"""


def own_routines(library) -> list[dict]:
    """The valid routines of the shared cases (own breathing patterns among them), as the
    player reads them: a person's own words are heard in full too."""
    routines = []
    for case in CASES["cases"]:
        if not case["expect"]:
            data = {**case["routine"], "id": f"own-{len(routines)}"}
            routines.append(routine_json(check_custom_routine(Fields(data, "", "", []), library)))
    assert any(s.get("breathing", {}).get("id") == "own" for r in routines for s in r["steps"])
    return routines


@pytest.fixture(scope="module")
def spoken(live_server, browser, library):
    page = browser.new_page()
    page.goto(f"{live_server}/play")
    found = page.evaluate(SPOKEN, own_routines(library))
    page.close()
    return found


def cut_cues(cues):
    """(cue, next cue) pairs where the next is due before the first is said."""
    words = sorted((c for c in cues if c["priority"] != "count"), key=lambda c: c["atMs"])
    return [(a, b) for a, b in pairwise(words) if a["atMs"] + a["speakingMs"] > b["atMs"]]


def test_no_spoken_cue_of_the_library_is_cut_by_the_next(spoken):
    assert len(spoken) >= 30
    cut = {
        slug: [(a["type"], a["atMs"], a["text"][:40], b["type"], b["atMs"]) for a, b in pairs]
        for slug, routine in spoken.items()
        if (pairs := cut_cues(routine["cues"]))
    }
    assert cut == {}, "\n".join(f"{k}: {v}" for k, v in cut.items())


def test_each_step_is_introduced_before_its_clock_starts(spoken):
    for slug, routine in spoken.items():
        assert routine["rate"] == WORDS_PER_MINUTE
        steps = [c for c in routine["cues"] if c["type"] == "step"]
        assert len(steps) == len(routine["starts"]), slug
        for cue in steps:
            index = str(cue["step"])
            assert cue["atMs"] == routine["leads"][index]
            assert cue["atMs"] + cue["speakingMs"] <= routine["starts"][index], (slug, cue["text"])


def test_the_estimate_follows_the_words(spoken):
    # 14 words at 140 a minute take 6 s, and a second more for the voice to start and stop.
    cues = [c for r in spoken.values() for c in r["cues"]]
    halfway = next(c for c in cues if c["type"] == "halfway")
    assert halfway["text"] == "Halfway." and halfway["speakingMs"] == round(60_000 / 140) + 1000
    longest = max(cues, key=lambda c: c["speakingMs"])
    assert longest["type"] == "step"


def test_mat_steps_say_their_layer_and_are_reassured_later(spoken):
    mats = [
        c
        for r in spoken.values()
        for c in r["cues"]
        if c["type"] == "step" and "spikes" in c["text"]
    ]
    assert mats
    parts = [c for r in spoken.values() for c in r["cues"] if c["type"] == "part"]
    assert any("usually settles after a few minutes" in c["text"] for c in parts)
    first = spoken["first-five-minutes"]["cues"]
    (mat,) = [c for c in first if c["type"] == "step" and c["step"] == 1]
    assert "Keep a thin shirt on" in mat["text"]
    assert "lower your upper back slowly" in mat["text"]


def test_every_breathing_caveat_is_said_before_its_step(spoken):
    # A pattern's caveat (e.g. "if the hold feels too long, shorten it") is said in the lead-in
    # of every step that breathes it, a mat step carrying the pattern included.
    carried = 0
    for slug, routine in spoken.items():
        said = {c["step"]: c["text"] for c in routine["cues"] if c["type"] == "step"}
        for index, caveat, kind in routine["caveats"]:
            assert caveat in said[index], (slug, index, caveat)
            carried += kind == "mat"
    assert carried >= 1  # at least one mat step carries a pattern with a caveat


def test_the_halfway_bell_never_sounds_over_words(spoken):
    for slug, routine in spoken.items():
        (halfway,) = [c for c in routine["cues"] if c["type"] == "halfway"]
        at = halfway["atMs"]
        for index, lead in routine["leads"].items():
            assert not lead <= at < routine["starts"][index], (slug, "in a lead-in")
        for cue in routine["cues"]:
            if cue["type"] != "halfway" and cue["priority"] != "count":
                assert not cue["atMs"] < at < cue["atMs"] + cue["speakingMs"], (slug, cue["text"])
