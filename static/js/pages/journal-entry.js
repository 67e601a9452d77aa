import { setUpEntryForm } from "acuplan/journal/form";
import { fillRoutineChoices } from "acuplan/journal/routine-choices";

const form = document.querySelector("[data-journal-form]");
const advice = document.querySelector("[data-advice]");
setUpEntryForm(form, {
  ready: fillRoutineChoices(form.querySelector("[data-routines]")),
  onSaved(record) {
    if (!record.data.adverse.length) return window.location.assign("/journal");
    form.hidden = true;
    advice.hidden = false;
    advice.focus();
  },
  onDeleted: () => window.location.assign("/journal"),
});
