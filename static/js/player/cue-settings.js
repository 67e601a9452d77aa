/**
 * How the player cues: voice, tones, vibration or silent, and how loud. Remembered on the
 * device at once (localStorage) and as a synced `preferences` record, so a person's other
 * phones follow.
 */
import { canSpeak } from "acuplan/player/speech";
import { readPreferences, savePreference } from "acuplan/settings/preferences";

const KEY = "acuplan.cue-settings";
export const CUE_MODES = ["voice", "tones", "vibration", "silent"];

/**
 * The remembered settings, or the defaults: voice where the browser can speak, and the
 * seconds of each breath ticked (`ticks`), so a count can be followed with eyes closed.
 */
export function loadCueSettings() {
  const defaults = { mode: canSpeak() ? "voice" : "tones", volume: 0.8, ticks: true };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY)) ?? {};
    return {
      mode: CUE_MODES.includes(saved.mode) ? saved.mode : defaults.mode,
      volume: Number.isFinite(saved.volume)
        ? Math.min(1, Math.max(0, saved.volume))
        : defaults.volume,
      ticks: typeof saved.ticks === "boolean" ? saved.ticks : defaults.ticks,
    };
  } catch {
    return defaults;
  }
}

/** Sounds play in voice and tones mode; speech only in voice mode; vibration on its own. */
export const playsSounds = (settings) => settings.mode === "voice" || settings.mode === "tones";

/**
 * Show `settings` in the form (radios named "mode", a range named "volume") and keep them,
 * changed in place, in sync with it; `onChange` hears about each change.
 */
export function bindCueSettings(form, settings, onChange) {
  const volume = form.elements.namedItem("volume");
  const ticks = form.elements.namedItem("ticks");
  const show = () => {
    for (const radio of form.querySelectorAll('input[name="mode"]')) {
      radio.checked = radio.value === settings.mode;
    }
    volume.value = String(Math.round(settings.volume * 100));
    volume.disabled = !playsSounds(settings);
    ticks.checked = settings.ticks;
    ticks.disabled = !playsSounds(settings);
  };
  show();
  // The synced copy (perhaps chosen on another phone) wins over this device's quick copy.
  readPreferences()
    .then(({ cues }) => {
      if (!cues || !CUE_MODES.includes(cues.mode) || !Number.isFinite(cues.volume)) return;
      settings.mode = cues.mode;
      settings.volume = Math.min(1, Math.max(0, cues.volume));
      if (typeof cues.ticks === "boolean") settings.ticks = cues.ticks;
      localStorage.setItem(KEY, JSON.stringify(settings));
      show();
      onChange(settings);
    })
    .catch(() => {});
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", () => {
    const mode = form.querySelector('input[name="mode"]:checked')?.value;
    settings.mode = CUE_MODES.includes(mode) ? mode : settings.mode;
    settings.volume = Number(volume.value) / 100;
    settings.ticks = ticks.checked;
    localStorage.setItem(KEY, JSON.stringify(settings));
    const cues = { mode: settings.mode, volume: settings.volume, ticks: settings.ticks };
    savePreference("cues", cues).catch(() => {});
    show();
    onChange(settings);
  });
}
