/** What a person can change about one planned session: on the device, offline too. */
import { make } from "acuplan/ui/make-element";
import { dayInWords } from "acuplan/plan/dates";
import { minutesOf, swapChoices } from "acuplan/plan/edits";
import { titleOf } from "acuplan/plan/words";

const button = (text, onclick, extra = "") =>
  make("button", { type: "button", class: `button ${extra}`.trim(), text, onclick });

/** A labelled choice of `options` ([value, text] pairs) and the button that applies it. */
function chooser(session, name, label, options, action, apply) {
  if (!options.length) return null;
  const id = `${name}-${session.date}-${session.slot}`;
  const select = make("select", { id, name }, options.map(([v, text]) => new Option(text, v)));
  return make(
    "div",
    { class: "plan-choose" },
    make("label", { for: id, text: label }),
    make("div", { class: "plan-choose-row" }, select, button(action, () => apply(select.value))),
  );
}

/** Shorten (today only), mark done, skip — or, once marked, what it was and Undo. */
export function quickControls(session, ctx) {
  if (session.status) {
    return make(
      "p",
      { class: "plan-marked" },
      make("span", {
        class: `plan-mark plan-mark-${session.status}`,
        text: session.status === "done" ? "Done" : "Skipped",
      }),
      session.logged
        ? make("span", { class: "hint", text: "From your journal or a finished session." })
        : button("Undo", () => ctx.undo(session.edits.at(-1)), "button-small"),
    );
  }
  const edit = (change, message) => () => ctx.edit(session, change, message);
  const versions = session.date === ctx.today ? session.shorter : [];
  const { routine, mat_seconds } = session;
  return [
    chooser(
      session,
      "shorten",
      "Less time today?",
      versions.map(({ seconds }) => [minutesOf(seconds), `${minutesOf(seconds)} min`]),
      "Shorten",
      (m) => ctx.edit(session, { action: "shorten", minutes: Number(m) }, `Shortened to ${m} min.`),
    ),
    make(
      "p",
      { class: "actions plan-marks" },
      button("Mark done", edit({ action: "done", routine, mat_seconds }, "Marked done.")),
      button("Skip", edit({ action: "skip", routine }, "Skipped.")),
    ),
  ];
}

/** Move to a free day from today on, swap for another routine that fits, undo. */
export function moreControls(session, ctx) {
  if (session.status) return [];
  const free = ctx.days.filter(
    (day) =>
      day.date >= ctx.today &&
      day.date !== session.date &&
      !day.sessions.some((other) => other.slot === session.slot),
  );
  const when = (date) => dayInWords(date, ctx.today);
  const title = (slug) => titleOf(ctx.routines, slug);
  return [
    chooser(
      session,
      "move",
      "Move to",
      free.map((day) => [day.date, when(day.date)]),
      "Move",
      (to) => ctx.edit(session, { action: "move", to_date: to }, `Moved to ${when(to)}.`),
    ),
    chooser(
      session,
      "swap",
      "Do instead",
      swapChoices(session).map(({ routine, seconds }) => [
        routine,
        `${title(routine)} · ${minutesOf(seconds)} min`,
      ]),
      "Swap",
      (slug) => ctx.edit(session, { action: "swap", routine: slug }, `Swapped for ${title(slug)}.`),
    ),
    session.edits.length
      ? button("Undo last change", () => ctx.undo(session.edits.at(-1)), "button-small")
      : null,
  ];
}
