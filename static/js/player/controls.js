/** The player's buttons and keys: space pauses and resumes, arrows move between steps. */

const FIELDS = new Set(["INPUT", "SELECT", "TEXTAREA"]);
const PRESSED_BY_SPACE = new Set(["BUTTON", "SUMMARY"]);

/**
 * Wire the controls in `root` to `actions` ({toggle, previous, skip, end, sound}); returns
 * `show(paused)` to keep the pause button's label and state in step.
 */
export function bindControls(root, actions) {
  const find = (name) => root.querySelector(`[data-${name}]`);
  const toggle = find("toggle");
  const confirm = find("confirm");
  const end = find("end");

  const askToEnd = (asking) => {
    confirm.hidden = !asking;
    end.parentElement.hidden = asking; // the "next" line and End make way for the question
    if (asking) find("end-confirm").focus();
  };
  toggle.addEventListener("click", () => actions.toggle());
  find("previous").addEventListener("click", () => actions.previous());
  find("skip").addEventListener("click", () => actions.skip());
  end.addEventListener("click", () => askToEnd(true));
  find("end-cancel").addEventListener("click", () => {
    askToEnd(false);
    end.focus();
  });
  find("end-confirm").addEventListener("click", () => actions.end());
  find("sound").addEventListener("click", () => actions.sound());

  document.addEventListener("keydown", (event) => {
    if (root.querySelector("[data-session]").hidden) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Keys keep their own meaning in form fields, and space presses a focused button.
    const target = event.target;
    if (FIELDS.has(target.tagName) || target.isContentEditable) return;
    if (event.key === " " && PRESSED_BY_SPACE.has(target.tagName)) return;
    const action = { " ": "toggle", ArrowLeft: "previous", ArrowRight: "skip" }[event.key];
    if (!action) return;
    event.preventDefault();
    actions[action]();
  });

  return {
    show(paused) {
      const label = paused ? "Resume" : "Pause";
      if (toggle.textContent !== label) toggle.textContent = label;
      root.classList.toggle("player-paused", paused);
    },
    /** Show or hide the "turn the sound on" button (audio needs a tap after a reload). */
    offerSound(needed) {
      const button = find("sound");
      if (button.hidden === needed) button.hidden = !needed;
    },
  };
}
