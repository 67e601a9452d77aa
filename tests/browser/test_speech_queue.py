"""Spoken cues queue by priority and never cancel each other (speech.js, in Chromium).

speechSynthesis is replaced by a fake voice that records what it is asked to say and
finishes an utterance when told to (or, in a whole session, after the time spoken.js
estimates for it, on page.clock's fake timers).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

T0 = datetime(2026, 3, 2, 20, 0, 0)
FAKE_VOICE = """
  window.said = [];
  window.cancels = 0;
  let current = null;
  const voice = {
    speak(utterance) {
      if (!utterance.text) return;
      window.said.push(utterance.text);
      current = utterance;
      if (window.autoFinish) {
        const words = utterance.text.split(/\\s+/).length;
        setTimeout(() => utterance.onend?.(), Math.round(words * 60000 / 140));
      }
    },
    cancel() { window.cancels += 1; current = null; },
  };
  Object.defineProperty(window, "speechSynthesis", { value: voice, configurable: true });
  window.finishSpeaking = () => { const u = current; current = null; u?.onend?.(); };
"""


@pytest.fixture
def voice(phone, live_server):
    phone.add_init_script(FAKE_VOICE)
    phone.clock.install(time=T0)
    phone.goto(f"{live_server}/play")
    return phone


def say(page, text, priority):
    page.evaluate(
        """async ([text, priority]) =>
             (await import('acuplan/player/speech')).speak(text, 1, priority)""",
        [text, priority],
    )


def test_an_instruction_is_never_cut_and_goes_before_a_waiting_prompt(voice):
    say(voice, "Lower yourself slowly onto the mat.", "instruction")
    say(voice, "Notice your feet.", "prompt")
    say(voice, "Roll onto one side.", "instruction")
    assert voice.evaluate("window.said") == ["Lower yourself slowly onto the mat."]
    voice.evaluate("window.finishSpeaking()")
    voice.evaluate("window.finishSpeaking()")
    assert voice.evaluate("window.said")[1:] == ["Roll onto one side.", "Notice your feet."]
    assert voice.evaluate("window.cancels") == 0


def test_a_count_is_said_only_when_nothing_else_is(voice):
    say(voice, "Switch sides.", "instruction")
    say(voice, "Two.", "count")  # would have to wait: dropped
    voice.evaluate("window.finishSpeaking()")
    say(voice, "Three.", "count")
    assert voice.evaluate("window.said") == ["Switch sides.", "Three."]


def test_a_prompt_that_waited_too_long_is_dropped_but_an_instruction_never(voice):
    long = "Lie down " + "and rest a little longer " * 6 + "on the mat."
    say(voice, long, "instruction")
    say(voice, "A prompt.", "prompt")
    say(voice, "Another instruction.", "instruction")
    voice.clock.run_for(21_000)
    voice.evaluate("window.finishSpeaking()")
    assert voice.evaluate("window.said") == [long, "Another instruction."]
    voice.clock.run_for(10_000)  # the voice never says it finished: the queue moves on anyway
    assert voice.evaluate("window.said") == [long, "Another instruction."]


def test_a_long_instruction_is_said_in_whole_sentences(voice):
    text = " ".join(f"Sentence number {n} has six words." for n in range(1, 7))
    say(voice, text, "instruction")
    for _ in range(4):
        voice.evaluate("window.finishSpeaking()")
    said = voice.evaluate("window.said")
    assert " ".join(said) == text and len(said) == 2
    assert all(part.endswith(".") for part in said)


def test_a_whole_session_is_said_in_full_in_order(phone, live_server):
    """Body scan on the mat: the mat instruction, its later words and every prompt, none cut."""
    slug = "body-scan-on-the-mat"
    phone.add_init_script("window.autoFinish = true;" + FAKE_VOICE)
    settings = json.dumps({"mode": "voice", "volume": 1, "ticks": True})
    phone.add_init_script(f"localStorage.setItem('acuplan.cue-settings', '{settings}')")
    phone.clock.install(time=T0)
    phone.goto(f"{live_server}/play?routine={slug}")
    expected = phone.evaluate(
        """async (slug) => {
          const { buildTimeline } = await import("acuplan/player/timeline");
          const { spokenCues } = await import("acuplan/player/spoken");
          const { routines } = await (await fetch("/api/routines")).json();
          const timeline = buildTimeline(routines.find((r) => r.slug === slug));
          return { end: timeline.endMs, texts: spokenCues(timeline)
            .filter((c) => c.priority !== "count").map((c) => c.text) };
        }""",
        slug,
    )
    phone.locator("[data-start]").click()
    phone.clock.run_for(expected["end"] + 10_000)
    expect(phone.locator("[data-summary]")).to_be_visible()
    counts = {"Two.", "Three.", "Four.", "Five.", "Last breath."}  # said when nothing else is
    said = " ".join(text for text in phone.evaluate("window.said") if text not in counts)
    assert said == " ".join(expected["texts"])
    assert "Keep a thin shirt on" in said and "usually settles after a few minutes" in said
    assert phone.evaluate("window.cancels") == 0


def test_the_player_says_the_layer_the_routine_it_is_given_has(phone, live_server):
    """A plan that changes a mat step's layer hands the player that routine: it says the towel."""
    phone.add_init_script(FAKE_VOICE)
    phone.clock.install(time=T0)
    phone.goto(f"{live_server}/play")
    routines = phone.evaluate("async () => (await (await fetch('/api/routines')).json())")
    routine = next(r for r in routines["routines"] if r["slug"] == "first-five-minutes")
    routine["steps"][1]["layer"] = "towel"
    phone.route("**/api/routines", lambda route: route.fulfill(json={"routines": [routine]}))
    phone.goto(f"{live_server}/play?routine=first-five-minutes")
    phone.locator("[data-start]").click()
    phone.locator("[data-skip]").click()
    phone.locator("[data-skip]").click()  # to the mat step's lead-in: its instruction is said
    said = phone.evaluate("window.said")
    assert any(text.startswith("Lying, upper back. Lay a towel over the mat") for text in said)
    assert not any("shirt" in text for text in said)
    phone.locator("[data-skip]").click()
    expect(phone.locator("[data-hold]")).to_have_text("Towel")


def test_resuming_in_a_get_ready_says_the_instruction_again_from_its_start(voice, live_server):
    settings = json.dumps({"mode": "voice", "volume": 1, "ticks": True})
    voice.evaluate(f"localStorage.setItem('acuplan.cue-settings', '{settings}')")
    voice.goto(f"{live_server}/play?routine=evening-unwind")
    voice.locator("[data-start]").click()
    voice.clock.run_for(3_000)  # the first instruction is being said
    voice.locator("[data-toggle]").click()
    voice.clock.run_for(60_000)
    voice.locator("[data-toggle]").click()
    said = voice.evaluate("window.said")
    first = "Coherent breathing. Lie on your back beside your mat, knees bent."
    assert [text for text in said if text.startswith(first)] == [said[0], said[0]]
    expect(voice.locator("[data-kind]")).to_have_text("Get ready")
