/**
 * When the person's day ends, and whether they want a streak: the `day` and `streaks`
 * sections of the synced preferences. The hour is also kept on the device (localStorage),
 * so plan/dates can count days at once, without waiting for the store.
 */
import { DAY_START_KEY, DEFAULT_DAY_START, savedDayStart } from "acuplan/plan/dates";
import { readPreferences, savePreference } from "acuplan/settings/preferences";
import { onRecordsChanged } from "acuplan/sync/store";
import { touchedFields } from "acuplan/ui/touched";

// From midnight to 06:00: later, a morning session would count for the day before.
export const DAY_STARTS = ["00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"];

function keep(start) {
  try {
    localStorage.setItem(DAY_START_KEY, start);
  } catch {
    // storage blocked: days are counted with the default
  }
}

/** Mirror the synced hour (perhaps chosen on another phone) on this device, now and on sync. */
export function followDayStart() {
  const follow = async () => {
    const { day } = await readPreferences();
    if (DAY_STARTS.includes(day?.start) && day.start !== savedDayStart()) keep(day.start);
  };
  follow();
  onRecordsChanged(["preferences"], follow);
}

/** Streak settings: off unless the person switched them on, and their freeze days. */
export async function streakSettings() {
  const { streaks } = await readPreferences();
  return {
    on: streaks?.on === true,
    freezes: Array.isArray(streaks?.freezes) ? streaks.freezes.filter((d) => typeof d === "string") : [],
  };
}

/** Save the streak settings (`on`, `freezes`). */
export const saveStreaks = (settings) => savePreference("streaks", settings);

/**
 * The settings form: the hour the day ends and the streak switch, saved as they change.
 * Both answer at once; the saved values fill in around a change made before they are read.
 */
export async function bindDaySettings(root) {
  const form = root.querySelector("[data-day-settings]");
  if (!form) return;
  const hour = form.elements.namedItem("day_start");
  const streak = form.elements.namedItem("streaks");
  const status = form.querySelector("[data-day-status]");
  form.addEventListener("submit", (event) => event.preventDefault());
  hour.addEventListener("change", async () => {
    const start = DAY_STARTS.includes(hour.value) ? hour.value : DEFAULT_DAY_START;
    keep(start);
    await savePreference("day", { start });
    status.textContent = `Saved: your day now ends at ${start}.`;
  });
  streak.addEventListener("change", async () => {
    await saveStreaks({ ...(await streakSettings()), on: streak.checked });
    status.textContent = streak.checked
      ? "Saved: your streak shows on the “Is it helping?” page."
      : "Saved: no streak is shown.";
  });
  const show = async (touched = new Set()) => {
    const { day } = await readPreferences(); // the synced hour, before this device mirrors it
    if (!touched.has(hour.name)) hour.value = DAY_STARTS.includes(day?.start) ? day.start : savedDayStart();
    const { on } = await streakSettings();
    if (!touched.has(streak.name)) streak.checked = on;
  };
  await show(touchedFields(form));
  onRecordsChanged(["preferences"], () => show());
  form.dataset.ready = "true";
}
