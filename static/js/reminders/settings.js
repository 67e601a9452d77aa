/** Settings → Reminders: the times, turning push on and off, and the calendar address. */
import { apiFetch, getJson, postJson } from "acuplan/sync/api";
import { isSubscribed, pushProblem, subscribe, timeZone, unsubscribe } from "acuplan/reminders/push";
import { readPreferences } from "acuplan/settings/preferences";
import { touchedFields } from "acuplan/ui/touched";

const SLOTS = ["morning", "evening"];

/** Wire the section in `root`, if the person has an account (the template shows it then). */
export async function bindReminderSettings(root) {
  const form = root.querySelector("[data-reminder-form]");
  if (!form) return;
  bindCalendar(root.querySelector("[data-calendar-feed]"));
  const status = form.querySelector("[data-reminder-status]");
  const off = form.querySelector("[data-reminder-off]");
  const problem = pushProblem();
  if (problem === "ios-install") root.querySelector("[data-reminder-ios]").hidden = false;
  if (problem === "unsupported") root.querySelector("[data-reminder-unsupported]").hidden = false;
  if (problem === "ios-install" || problem === "unsupported") {
    form.hidden = true;
    return;
  }
  form.querySelector("[data-reminder-zone]").textContent = `Times are in your time zone, ${timeZone()}.`;
  // The form answers at once: a tap before the saved times are read waits for them, and
  // what the person changed before then is kept.
  const touched = touchedFields(form);
  const filled = fillTimes(form, touched).then(async () => {
    const on = await isSubscribed();
    off.hidden = !on;
    if (on) form.querySelector("[data-reminder-save]").textContent = "Save the times";
    if (problem === "blocked") {
      status.textContent = "Notifications are blocked for Acuplan in this browser's settings.";
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await filled;
    const slots = Object.fromEntries(SLOTS.map((slot) => [slot,
      form.querySelector(`[data-slot-on="${slot}"]`).checked ? form.elements.namedItem(slot).value || null : null]));
    if (!slots.morning && !slots.evening) {
      status.textContent = "Choose the morning, the evening or both.";
      return;
    }
    status.textContent = "Turning reminders on…";
    try {
      await subscribe(slots);
      const when = SLOTS.filter((s) => slots[s]).map((s) => `${slots[s]} in the ${s}`).join(" and ");
      status.textContent = `Reminders are on: ${when}, on days with a session.`;
      off.hidden = false;
    } catch (error) {
      status.textContent = error.message ||
        "Reminders could not be turned on. Check the connection and try again.";
    }
  });
  off.addEventListener("click", async () => {
    try {
      await unsubscribe();
      status.textContent = "Reminders are off on this phone.";
      off.hidden = true;
    } catch (error) {
      status.textContent = error.message;
    }
  });
  await filled;
  form.dataset.ready = "true";
}

/** The saved reminder times in the form, but for what the person has changed already. */
async function fillTimes(form, touched) {
  const { reminders } = await readPreferences();
  for (const slot of SLOTS) {
    const time = reminders?.slots?.[slot];
    const box = form.querySelector(`[data-slot-on="${slot}"]`);
    if (!touched.has(box.name)) box.checked = Boolean(time) || (!reminders && slot === "evening");
    if (time && !touched.has(slot)) form.elements.namedItem(slot).value = time;
  }
}

function bindCalendar(box) {
  const find = (name) => box.querySelector(`[data-calendar-${name}]`);
  const show = (url) => {
    find("url").hidden = !url;
    find("address").value = url ?? "";
    find("open").hidden = !url;
    if (url) find("open").href = url;
    find("revoke").hidden = !url;
    find("make").textContent = url ? "Make a new address (the old one stops)" : "Make my calendar address";
  };
  getJson("/api/calendar")
    .then(({ exists }) => {
      if (exists) find("status").textContent = "You have a calendar address. Make a new one to see it here again.";
      find("revoke").hidden = !exists;
    })
    .catch(() => {});
  find("make").addEventListener("click", async () => {
    try {
      const { webcal } = await postJson("/api/calendar", {});
      show(webcal);
      find("status").textContent = "Copy it into your calendar app, or tap “Add to my calendar”.";
    } catch (error) {
      find("status").textContent = error.message;
    }
  });
  find("revoke").addEventListener("click", async () => {
    const response = await apiFetch("/api/calendar", { method: "DELETE" }).catch(() => null);
    if (!response?.ok) {
      find("status").textContent = "The address could not be stopped. Check the connection.";
      return;
    }
    show(null);
    find("status").textContent = "That address is stopped: calendars get nothing from it now.";
  });
}
