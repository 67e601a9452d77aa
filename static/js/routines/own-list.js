/**
 * "Your routines" on the routine list: the person's own, beside the library's and marked as
 * theirs, each to play, share (a link or a file) or delete. Follows sync as it happens.
 */
import { deleteCustom } from "acuplan/routines/custom";
import { ownRoutines } from "acuplan/routines/library";
import { routineFile, shareLink, ShareError } from "acuplan/routines/share";
import { onRecordsChanged } from "acuplan/sync/store";
import { download } from "acuplan/ui/download";
import { make } from "acuplan/ui/make-element";

const minutes = (seconds) => `${Math.max(1, Math.round(seconds / 60))} min`;

/** Fill the section `root` with the person's own routines (hidden when they have none). */
export async function showOwnRoutines(root) {
  const list = root.querySelector("[data-own-list]");
  const shared = root.querySelector("[data-own-share]");
  const render = async () => {
    const own = await ownRoutines();
    list.replaceChildren(...own.map(({ data, routine }) => card(data, routine, shared)));
    root.hidden = own.length === 0;
    root.dataset.ready = "true";
  };
  onRecordsChanged(["custom-routine"], () => render().catch(() => {}));
  await render();
}

function card(data, routine, shared) {
  const share = async () => {
    try {
      const link = await shareLink(data);
      shared.replaceChildren("Link to share: ", make("a", { href: link, text: link, "data-own-link": true }));
      await navigator.clipboard?.writeText(link).catch(() => {});
    } catch (error) {
      if (!(error instanceof ShareError)) throw error;
      shared.textContent = error.message;
    }
    shared.hidden = false;
  };
  const remove = async () => {
    if (window.confirm(`Delete “${routine.title}” from your routines?`)) await deleteCustom(data.id);
  };
  return make(
    "li",
    { class: "card routine-card", "data-own-routine": routine.slug },
    make(
      "h3",
      { class: "card-title" },
      make("a", { href: `/play?routine=${encodeURIComponent(routine.slug)}`, text: routine.title }),
    ),
    make(
      "p",
      { class: "card-meta" },
      make("span", { class: "pill pill-own", text: "Yours" }),
      make("span", { class: "pill pill-time", text: minutes(routine.seconds) }),
      make("span", { class: "pill", text: routine.mat_seconds ? `${minutes(routine.mat_seconds)} on the mat` : "No mat" }),
    ),
    make("p", { class: "card-summary", text: routine.summary }),
    make(
      "p",
      { class: "card-actions" },
      make("button", { class: "button button-small", type: "button", text: "Share a link", onclick: share }),
      make("button", {
        class: "button button-small",
        type: "button",
        text: "Save as a file",
        onclick: () => download(routineFile(data), `${data.id}.acuplan.json`, "application/json"),
      }),
      make("button", { class: "button button-small", type: "button", text: "Delete", onclick: remove }),
    ),
  );
}
