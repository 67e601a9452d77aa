/** The session player page: find the routine, offer to start or resume, play, sum up. */
import { bindCueSettings, loadCueSettings } from "acuplan/cue-settings";
import { showIntro, showRoutine } from "acuplan/player-intro";
import { runSession } from "acuplan/player-loop";
import { createSession, pickUp } from "acuplan/player-session";
import { clearSession, loadSession } from "acuplan/player-store";
import { showSummary } from "acuplan/player-summary";
import { buildTimeline } from "acuplan/timeline";
import { setVolume, unlockAudio } from "acuplan/tones";
import { unlockSpeech } from "acuplan/speech";

/** The routine `slug` from the library the phone keeps (the worker caches /api/routines). */
async function findRoutine(slug) {
  const response = await fetch("/api/routines");
  if (!response.ok) throw new Error(`GET /api/routines: ${response.status}`);
  return (await response.json()).routines.find((routine) => routine.slug === slug) ?? null;
}

function say(root, text) {
  const message = root.querySelector("[data-message]");
  message.textContent = text;
  message.hidden = !text;
}

export async function openPlayer(root) {
  const slug = new URLSearchParams(window.location.search).get("routine");
  const labels = JSON.parse(root.dataset.labels);
  let routine = null;
  try {
    routine = slug ? await findRoutine(slug) : null;
  } catch {
    return say(root, "The routines are not on this phone yet. Open Acuplan once online.");
  }
  if (!routine) {
    root.dataset.stage = "missing";
    const missing = slug ? `There is no routine called “${slug}”.` : "Choose a routine to play.";
    return say(root, missing);
  }
  say(root, "");
  showRoutine(root, routine);

  const settings = loadCueSettings();
  let settingsChanged = () => {};
  bindCueSettings(root.querySelector("[data-cue-settings]"), settings, () => {
    setVolume(settings.volume);
    settingsChanged();
  });

  const stored = await loadSession();
  let session = null;
  let timeline = null;
  let offered = false;
  if (stored?.slug === slug && stored.clock) {
    timeline = buildTimeline(routine, { seconds: stored.seconds });
    const { saved, offer } = pickUp(stored, timeline);
    offered = offer;
    if (!offer || (await showIntro(root, routine, timeline, saved.seenMs)) === "resume") {
      session = createSession(timeline, saved);
      if (offer) session.resume();
    }
  }
  if (!session) {
    timeline = buildTimeline(routine);
    if (!offered) await showIntro(root, routine, timeline);
    session = createSession(timeline);
  }
  // Browsers let a page make sound only after a tap: Start or Resume is one. A reload is not;
  // the player then asks for a tap to turn the sound on.
  if (root.dataset.stage === "intro") {
    unlockAudio(settings.volume);
    unlockSpeech();
  }
  await session.save();
  settingsChanged = runSession(root, timeline, session, settings, labels, async (record) => {
    await clearSession();
    await showSummary(root, record, timeline);
  });
}
