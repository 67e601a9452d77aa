/** Today's part of the page: safety notes, the mat limit, the next session and what follows. */
import { make } from "acuplan/ui/make-element";
import { longDate } from "acuplan/plan/dates";
import {
  layerText,
  lengthText,
  matLimitText,
  playerUrl,
  routineUrl,
  titleOf,
  whenText,
} from "acuplan/plan/words";
import { renderWeek } from "acuplan/plan/week";
import { moreControls, quickControls } from "acuplan/plan/session-editor";

const AFTER = 2;

/** Put Today in place of the welcome: the template's copy, returned as the view's root. */
export function mountToday(main) {
  const template = main.querySelector("[data-today-template]");
  const view = template.content.firstElementChild.cloneNode(true);
  main.querySelector("[data-welcome]")?.remove();
  template.replaceWith(view);
  return view;
}

const find = (view, name) => view.querySelector(`[data-${name}]`);

/** Show the plan `plan` with its edited days `days`; `ctx` has today, routines, edit, undo. */
export function renderToday(view, plan, days, ctx) {
  find(view, "today-date").textContent = longDate(ctx.today);
  const notes = find(view, "plan-notes");
  notes.hidden = !plan.notes.length;
  find(view, "notes-list").replaceChildren(...plan.notes.map((text) => make("li", { text })));
  find(view, "mat-limit").textContent = matLimitText(plan);

  const upcoming = days
    .flatMap((day) => day.sessions)
    .filter((s) => s.date >= ctx.today && !s.status);
  const [next, ...rest] = upcoming;
  renderNext(find(view, "next"), next, ctx);
  find(view, "no-next").hidden = Boolean(next);
  const after = find(view, "after");
  after.hidden = !rest.length;
  find(view, "after-list").replaceChildren(
    ...rest.slice(0, AFTER).map((s) =>
      make(
        "li",
        {},
        make("span", { class: "plan-when", text: whenText(s, ctx.today) }),
        `${titleOf(ctx.routines, s.routine)} · ${lengthText(s)}`,
      ),
    ),
  );
  renderWeek(find(view, "week-0"), days.slice(0, 7), ctx);
  renderWeek(find(view, "week-1"), days.slice(7, 14), ctx);
}

function renderNext(card, session, ctx) {
  card.hidden = !session;
  if (!session) return;
  const at = (name) => card.querySelector(`[data-${name}]`);
  at("next-when").textContent = whenText(session, ctx.today);
  const title = titleOf(ctx.routines, session.routine);
  at("next-title").replaceChildren(make("a", { href: routineUrl(session, ctx.routines), text: title }));
  at("next-facts").textContent = lengthText(session) + (session.shortened ? " · shortened" : "");
  // a session well under the minutes asked for says why (not once the person shortened it)
  const why = session.shortened ? "" : (session.why_shorter ?? "");
  at("next-why").textContent = why;
  at("next-why").hidden = !why;
  at("next-layer").textContent = layerText(session);
  at("next-layer").hidden = !layerText(session);
  at("start").href = playerUrl(session);
  at("next-quick").replaceChildren(...[quickControls(session, ctx)].flat().filter(Boolean));
  const more = moreControls(session, ctx).filter(Boolean);
  at("next-more").hidden = !more.length;
  at("next-more-body").replaceChildren(...more);
}
