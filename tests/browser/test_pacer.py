"""What the eyes-closed player makes heard and moves: the count's ticks and the pacer.

The pacer is one compositor animation per breath phase (no frame loop); the count is a soft
tick each second of a breath, in a pitch per phase, unless the settings turn it off.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_player import open_player, start

pytestmark = pytest.mark.browser


SPY_ON_PITCHES = """
  window.pitches = [];
  const set = AudioParam.prototype.setValueAtTime;
  AudioParam.prototype.setValueAtTime = function (value, when) {
    window.pitches.push(value);
    return set.call(this, value, when);
  };
"""
TICK_PITCHES = {"inhale": 1320, "hold": 990, "exhale": 660}  # tones.js


@pytest.mark.parametrize("ticks", [True, False])
def test_the_count_is_heard_as_a_tick_each_second_of_a_breath(phone, live_server, ticks):
    settings = json.dumps({"mode": "tones", "volume": 0.5, "ticks": ticks})
    phone.add_init_script(f"localStorage.setItem('acuplan.cue-settings', '{settings}')")
    phone.add_init_script(SPY_ON_PITCHES)
    open_player(phone, live_server, "evening-unwind")
    start(phone)
    phone.locator("[data-skip]").click()  # past the get-ready
    phone.clock.run_for(11_000 - 1_600)  # one breath of coherent breathing: in 5.5 s, out 5.5 s
    pitches = phone.evaluate("window.pitches")
    inhale, exhale = pitches.count(TICK_PITCHES["inhale"]), pitches.count(TICK_PITCHES["exhale"])
    # Seconds 1 to 5 of the in-breath and of the out-breath; the phase's own tone marks second 0.
    assert (inhale, exhale) == ((5, 5) if ticks else (0, 0))
    phone.locator("[data-toggle]").click()  # paused, the settings show
    phone.locator("[data-settings] summary").click()
    expect(phone.get_by_label("Tick the seconds of each breath")).to_be_checked(checked=ticks)


def test_the_pacer_is_one_compositor_animation_per_phase_and_no_frame_loop(phone, live_server):
    phone.add_init_script(
        """
        window.frames = 0;
        const request = window.requestAnimationFrame;
        window.requestAnimationFrame = (callback) => {
          window.frames += 1;
          return request(callback);
        };
        window.animations = [];
        const animate = Element.prototype.animate;
        Element.prototype.animate = function (frames, options) {
          window.animations.push({ frames, duration: options.duration });
          return animate.call(this, frames, options);
        };
        """
    )
    open_player(phone, live_server, "evening-unwind")
    start(phone)
    phone.locator("[data-skip]").click()  # past the get-ready, onto coherent breathing
    phone.clock.run_for(21_000)  # near the end of two breaths: in 5.5 s, out 5.5 s, twice
    animations = phone.evaluate("window.animations")
    assert [a["duration"] for a in animations] == [5500, 5500, 5500, 5500]
    inhale, exhale = animations[0]["frames"], animations[1]["frames"]
    assert [set(frame) for frame in inhale] == [{"transform"}, {"transform"}]
    assert inhale[0]["transform"] == "scale(0.5)" and inhale[1]["transform"] == "scale(1)"
    assert exhale[1]["transform"] == "scale(0.5)"
    assert phone.evaluate("window.frames") == 0  # no per-frame drawing
    expect(phone.locator("[data-pacer-count]")).to_have_text("1")  # the out-breath counts down
    phone.clock.run_for(2_000)  # 1 s into the third in-breath
    expect(phone.locator("[data-pacer-count]")).to_have_text("2")
    assert len(phone.evaluate("window.animations")) == 5
