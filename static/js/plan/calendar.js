/** "Add to calendar (.ics)": the plan as an iCalendar file, at the times the person chose. */
import { postPlan } from "acuplan/plan/source";
import { download } from "acuplan/ui/download";

const SAVED = "acuplan.calendar-times";
const FIELDS = { morning_time: "Morning time", evening_time: "Evening time" };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function remembered() {
  try {
    return JSON.parse(localStorage.getItem(SAVED)) ?? {};
  } catch {
    return {};
  }
}

/** `currentRequest()`: the plan request now; `slots()`: the times of day the person chose. */
export function setUpCalendar(form, { currentRequest, slots }) {
  const status = form.querySelector("[data-calendar-status]");
  const say = (text) => (status.textContent = text);
  for (const [name, value] of Object.entries(remembered())) {
    const field = form.elements.namedItem(name);
    if (field) field.value = value;
  }
  const showSlots = () => {
    for (const row of form.querySelectorAll("[data-slot-time]")) {
      row.hidden = !slots().includes(row.dataset.slotTime);
    }
  };
  showSlots();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const options = {
      reminder_minutes: Number(form.elements.namedItem("reminder_minutes").value),
      now_time: new Date().toTimeString().slice(0, 5), // today's sessions already past stay out
    };
    for (const [name, label] of Object.entries(FIELDS)) {
      const value = form.elements.namedItem(name).value;
      if (!TIME.test(value)) return say(`${label}: choose a time, such as 07:30.`);
      options[name] = value;
    }
    localStorage.setItem(SAVED, JSON.stringify(options));
    if (!navigator.onLine) return say("The calendar file is made online: connect and try again.");
    say("Making your calendar file…");
    try {
      const response = await postPlan("/api/plan.ics", { ...currentRequest(), ...options });
      if (!response.ok) throw new Error(`plan.ics: ${response.status}`);
      download(await response.blob(), "acuplan.ics");
      say("Downloaded acuplan.ics: open it to add your sessions and reminders to your calendar.");
    } catch {
      say("The calendar file could not be made. Please try again when you are online.");
    }
  });
  return showSlots;
}
