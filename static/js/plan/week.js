/** The week at a glance: seven days, each session with its changes, rest days marked. */
import { make } from "acuplan/ui/make-element";
import { shortDay } from "acuplan/plan/dates";
import { happenedOn } from "acuplan/plan/past";
import { lengthText, routineUrl, SLOT_NAMES, titleOf } from "acuplan/plan/words";
import { moreControls, quickControls } from "acuplan/plan/session-editor";

const MARKS = { done: "Done", skipped: "Skipped" };

/** "moved, shortened": how a session differs from the plan. */
function changes(session) {
  const { planned } = session;
  const notes = [
    session.date !== planned.date && "moved",
    session.routine !== planned.routine && "swapped",
    session.shortened && "shortened",
  ].filter(Boolean);
  return notes.length ? ` · ${notes.join(", ")}` : "";
}

function sessionItem(session, ctx) {
  const { status } = session;
  const link = routineUrl(session, ctx.routines);
  return make(
    "div",
    { class: `plan-session${status ? ` is-${status}` : ""}` },
    make(
      "p",
      { class: "plan-session-title" },
      make("span", { class: "plan-slot", text: SLOT_NAMES[session.slot] }),
      " ",
      make("a", { href: link, text: titleOf(ctx.routines, session.routine) }),
    ),
    make(
      "p",
      { class: "plan-session-facts" },
      lengthText(session) + changes(session),
      status && make("span", { class: `plan-mark plan-mark-${status}`, text: MARKS[status] }),
    ),
    make(
      "details",
      { class: "plan-change" },
      make("summary", { text: "Change" }),
      quickControls(session, ctx),
      moreControls(session, ctx),
    ),
  );
}

/** What happened on a past day: each session done or skipped, or that nothing was noted. */
function pastBody(day, ctx) {
  const happened = happenedOn(day.date, ctx.history);
  if (!happened.length) return make("p", { class: "plan-rest", text: "Nothing noted" });
  return happened.map(({ routine, status }) =>
    make(
      "p",
      { class: `plan-session-title plan-past-${status}` },
      make("span", { class: `plan-mark plan-mark-${status}`, text: MARKS[status] }),
      " ",
      routine in OUTSIDE ? OUTSIDE[routine] : titleOf(ctx.routines, routine),
    ),
  );
}

// records the journal or the plan keep without a routine of the library
const OUTSIDE = { own: "Your own session", planned: "The planned session" };

function dayItem(day, ctx) {
  const past = day.date < ctx.today;
  const classes = ["plan-day"];
  if (day.date === ctx.today) classes.push("is-today");
  if (past) classes.push("is-past");
  if (day.rest && !past) classes.push("is-rest");
  if (past) {
    return make(
      "li",
      { class: classes.join(" "), "data-day": day.date },
      make("p", { class: "plan-day-name", text: shortDay(day.date) }),
      make("div", { class: "plan-day-body" }, pastBody(day, ctx)),
    );
  }
  return make(
    "li",
    {
      class: classes.join(" "),
      "data-day": day.date,
      "aria-current": day.date === ctx.today && "date",
    },
    make("p", { class: "plan-day-name", text: shortDay(day.date) }),
    make(
      "div",
      { class: "plan-day-body" },
      day.rest
        ? make("p", { class: "plan-rest", text: "Rest day" })
        : day.sessions.map((session) => sessionItem(session, ctx)),
    ),
  );
}

/** Fill the list `list` with `days` (seven of them). */
export function renderWeek(list, days, ctx) {
  list.replaceChildren(...days.map((day) => dayItem(day, ctx)));
}
