"""How long the player's spoken cues really take, against the estimate the player plans by.

Every spoken cue of the library (built by timeline.js and spoken.js in Chromium) is rendered
with espeak-ng at the rate the player asks the browser for (speechSynthesis rate 0.92 of
espeak-ng's default 175 wpm: 161 wpm) and measured with sox. Prints the measured speaking rate
and, per cue, measured / estimated time: the estimate (spoken.js: WORDS_PER_MINUTE plus a
second per utterance) should be at or above the measurement, so a cue the estimate says is
said in full is. Also prints what a person hears in the first two minutes of two routines.

    .venv/bin/python -m bench.speech [--listen evening-unwind first-five-minutes]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.server import acuplan_server
from tests.browser.chromium import CHROMIUM_ARGS, find_chromium

ESPEAK_WPM = round(175 * 0.92)  # speech.js asks for rate 0.92; espeak-ng's 1.0 is 175 wpm
SPOKEN = """async () => {
  const { buildTimeline } = await import("acuplan/player/timeline");
  const { spokenCues, WORDS_PER_MINUTE, wordCount } = await import("acuplan/player/spoken");
  const { routines } = await (await fetch("/api/routines")).json();
  const out = { rate: WORDS_PER_MINUTE, routines: {} };
  for (const routine of routines) {
    const timeline = buildTimeline(routine);
    out.routines[routine.slug] = {
      // a step with breaths starts on its first breath's tone, without a sound of its own
      sounds: timeline.cues.filter((c) => c.atMs < 130000 && !(c.type === "begin"
          && timeline.steps.find((s) => s.index === c.step).phases))
        .map((c) => ({ type: c.type, atMs: c.atMs, phase: c.phase ?? null })),
      ticks: timeline.ticks.filter((t) => t.atMs < 120000).length,
      cues: spokenCues(timeline).map((c) => ({ ...c, words: wordCount(c.text) })),
    };
  }
  return out;
}"""


def spoken_cues() -> dict:
    """The library's spoken cues, as the player builds them."""
    with acuplan_server(1) as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/play")
        found = page.evaluate(SPOKEN)
        browser.close()
    return found


def espeak_seconds(text: str, folder: Path) -> float:
    """Seconds espeak-ng takes to say `text` at the player's rate (sox measures the file)."""
    wav = folder / "cue.wav"
    subprocess.run(["espeak-ng", "-s", str(ESPEAK_WPM), "-w", str(wav), text], check=True)
    out = subprocess.run(["soxi", "-D", str(wav)], check=True, capture_output=True, text=True)
    return float(out.stdout)


def listen(routine: dict, until_ms: int = 120_000) -> list[str]:
    """What a person hears, second by second, in the first `until_ms` of a routine."""
    lines = []
    said = {(c["atMs"], c["type"]): c for c in routine["cues"]}
    for cue in routine["sounds"]:
        if cue["atMs"] >= until_ms:
            break
        at = f"{cue['atMs'] / 1000:6.1f} s"
        spoken = said.get((cue["atMs"], cue["type"]))
        if spoken:
            lines.append(f"{at}  [{cue['type']}] says: {spoken['text']}")
        elif cue["type"] == "phase":
            lines.append(f"{at}  tone: {cue['phase']}")
        else:
            what = "the step's clock starts" if cue["type"] == "begin" else cue["type"]
            what = "the bell ends the mat step" if what == "step" else what
            lines.append(f"{at}  sound: {what}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--listen", nargs="*", default=["first-five-minutes", "evening-unwind"])
    args = parser.parse_args()
    found = spoken_cues()
    texts = {c["text"]: c for r in found["routines"].values() for c in r["cues"]}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for text, cue in texts.items():
            rows.append((cue, espeak_seconds(text, Path(tmp))))
    words = sum(c["words"] for c, _ in rows)
    seconds = sum(s for _, s in rows)
    ratios = [s * 1000 / c["speakingMs"] for c, s in rows]
    long_rows = [(c, s) for c, s in rows if c["words"] >= 10]
    print(f"{len(rows)} distinct spoken cues, {words} words; espeak-ng -s {ESPEAK_WPM}")
    print(f"measured rate, all cues: {words * 60 / seconds:.0f} words a minute")
    print(
        "measured rate, cues of 10+ words: "
        f"{sum(c['words'] for c, _ in long_rows) * 60 / sum(s for _, s in long_rows):.0f} wpm"
    )
    print(f"estimate: {found['rate']} wpm + 1 s per utterance")
    print(
        f"measured / estimated time: median {statistics.median(ratios):.2f}, "
        f"max {max(ratios):.2f}; cues longer than estimated: {sum(r > 1 for r in ratios)}"
    )
    for slug in args.listen:
        print(f"\n{slug}: the first two minutes, as heard")
        print("\n".join(listen(found["routines"][slug])))
        print(f"  (and {found['routines'][slug]['ticks']} soft ticks counting the seconds)")


if __name__ == "__main__":
    main()
