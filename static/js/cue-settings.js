/** How the player cues: voice, tones, vibration or silent, and how loud. Remembered. */
import { canSpeak } from "acuplan/speech";

const KEY = "acuplan.cue-settings";
export const CUE_MODES = ["voice", "tones", "vibration", "silent"];

/** The remembered settings, or the defaults: voice where the browser can speak. */
export function loadCueSettings() {
  const defaults = { mode: canSpeak() ? "voice" : "tones", volume: 0.8 };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY)) ?? {};
    return {
      mode: CUE_MODES.includes(saved.mode) ? saved.mode : defaults.mode,
      volume: Number.isFinite(saved.volume)
        ? Math.min(1, Math.max(0, saved.volume))
        : defaults.volume,
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
  for (const radio of form.querySelectorAll('input[name="mode"]')) {
    radio.checked = radio.value === settings.mode;
  }
  volume.value = String(Math.round(settings.volume * 100));
  const showVolume = () => {
    volume.disabled = !playsSounds(settings);
  };
  showVolume();
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", () => {
    const mode = form.querySelector('input[name="mode"]:checked')?.value;
    settings.mode = CUE_MODES.includes(mode) ? mode : settings.mode;
    settings.volume = Number(volume.value) / 100;
    localStorage.setItem(KEY, JSON.stringify(settings));
    showVolume();
    onChange(settings);
  });
}
