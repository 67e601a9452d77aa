/**
 * Pain and stress noted around a session, one tap each on a 0–10 row: "before" in the
 * player's intro, "after" in its summary, saved together in the session's journal entry so
 * each pair is what the person felt just before and just after. Every row is skippable.
 */
import { make } from "acuplan/ui/make-element";
import { saveRecord } from "acuplan/sync/store";

const SCALES = { pain: "Pain", stress: "Stress" };
// The scale's ends in words, as a 0–10 rating scale is shown: seen under the row, heard on
// the two buttons.
const ENDS = { 0: "none", 10: "the worst" };

/** A row of 0–10 buttons for `scale`; a second tap on the chosen one takes it back. */
function scaleRow(scale, when, values) {
  const id = `feel-${scale}-${when}`;
  const buttons = Array.from({ length: 11 }, (_, n) =>
    make("button", {
      type: "button",
      class: "feel-value",
      text: String(n),
      ...(ENDS[n] && { "aria-label": `${n}, ${ENDS[n]}` }),
      "aria-pressed": String(values[scale] === n),
      onclick: () => {
        values[scale] = values[scale] === n ? undefined : n;
        for (const b of buttons) b.setAttribute("aria-pressed", String(values[scale] === Number(b.textContent)));
      },
    }),
  );
  return make(
    "div",
    { class: "feel-scale", role: "group", "aria-labelledby": id, [`data-feel-${scale}`]: "" },
    make("p", { class: "feel-label", id, text: `${SCALES[scale]} ${when === "before" ? "now" : "now, after"}` }),
    make("div", { class: "feel-values" }, buttons),
    make("p", { class: "feel-ends", "aria-hidden": "true" },
      make("span", { text: ENDS[0] }), make("span", { text: ENDS[10] })),
  );
}

/** Fill `box` with the pain and stress rows; returns the values as they are tapped. */
export function askFeelings(box, when, values = {}) {
  box.replaceChildren(...Object.keys(SCALES).map((scale) => scaleRow(scale, when, values)));
  box.hidden = false;
  return values;
}

/** The journal fields of the pairs noted: pain_before, stress_after, ... (numbers only). */
export function feelingFields(before, after) {
  const fields = {};
  for (const scale of Object.keys(SCALES)) {
    if (Number.isInteger(before[scale])) fields[`${scale}_before`] = before[scale];
    if (Number.isInteger(after[scale])) fields[`${scale}_after`] = after[scale];
  }
  return fields;
}

/** Save the session's journal entry (`entry`: date, routine, minutes, ...) with the pairs;
 * `id` saves over the entry saved before. */
export const saveEntry = (entry, before, after, id = undefined) =>
  saveRecord("journal", { areas: [], sensations: [], adverse: [], ...entry, ...feelingFields(before, after) }, id);
