/** The session player page: find the routine, offer to start or resume, play, sum up. */
import { bindCueSettings, loadCueSettings } from "acuplan/player/cue-settings";
import { askFeelings } from "acuplan/player/feelings";
import { showIntro, showRoutine } from "acuplan/player/intro";
import { runSession } from "acuplan/player/loop";
import { createSession, pickUp } from "acuplan/player/session";
import { make } from "acuplan/ui/make-element";
import { clearSession, loadSession } from "acuplan/player/store";
import { adaptRoutine, hasMat } from "acuplan/routines/adapt";
import { showSummary } from "acuplan/player/summary";
import { findRoutine } from "acuplan/routines/library";
import { buildTimeline } from "acuplan/player/timeline";
import { setVolume, unlockAudio } from "acuplan/player/tones";
import { unlockSpeech } from "acuplan/player/speech";

/** Before Start: what was changed for this person and why, or the short safety check. */
function showChanges(root, adapted) {
  const message = root.querySelector("[data-message]");
  if (adapted.notices.length) {
    const items = adapted.notices.map((text) => make("li", { text }));
    message.replaceChildren(make("strong", { text: "Changed for you" }), make("ul", {}, items));
  } else if (!adapted.checked && hasMat(adapted)) {
    const back = encodeURIComponent(window.location.pathname + window.location.search);
    const text = "Answer the short safety check first";
    const link = make("a", { href: `/start?check&next=${back}`, text });
    message.replaceChildren(link, " (a minute), or start anyway: the routine plays as written.");
  } else return;
  message.dataset.adapted = "true";
  message.hidden = false;
}

function say(root, text) {
  const message = root.querySelector("[data-message]");
  message.textContent = text;
  message.hidden = !text;
}

export async function openPlayer(root) {
  const query = new URLSearchParams(window.location.search);
  const slug = query.get("routine");
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
  // the person's answers apply here exactly as in the plan
  const adapted = await adaptRoutine(routine, query);
  routine = adapted.routine;
  showRoutine(root, routine);
  showChanges(root, adapted);

  const settings = loadCueSettings();
  let settingsChanged = () => {};
  bindCueSettings(root.querySelector("[data-cue-settings]"), settings, () => {
    setVolume(settings.volume);
    settingsChanged();
  });

  const { seconds } = adapted;
  const stored = await loadSession();
  let session = null;
  let timeline = null;
  let offered = false;
  const same = JSON.stringify(stored?.seconds ?? {}) === JSON.stringify(seconds);
  if (stored?.slug === slug && stored.clock && same) {
    timeline = buildTimeline(routine, { seconds: stored.seconds });
    const { saved, offer } = pickUp(stored, timeline);
    offered = offer;
    if (!offer || (await showIntro(root, routine, timeline, saved.seenMs)) === "resume") {
      session = createSession(timeline, saved);
      if (offer) session.resume();
    }
  }
  if (!session) {
    timeline = buildTimeline(routine, { seconds });
    const before = askFeelings(root.querySelector("[data-feel-before]"), "before");
    root.querySelector("[data-feel-before-box]").hidden = false;
    if (!offered) await showIntro(root, routine, timeline);
    session = createSession(timeline, null, seconds, before);
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
