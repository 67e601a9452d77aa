/**
 * Today: the welcome, or — once the person has answered the onboarding questions — their
 * plan. The plan's modules load only then, so a first visit stays light.
 */
import { loadProfile } from "acuplan/plan/profile-store";

export async function openToday(main) {
  const saved = await loadProfile().catch(() => null);
  if (!saved) {
    // the answers may yet arrive from the account (sync), or from another tab
    document.addEventListener("acuplan:records-changed", () => openToday(main), { once: true });
    return;
  }
  const { showToday } = await import("acuplan/plan/today-plan");
  await showToday(main, saved);
}
