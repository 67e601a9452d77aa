/**
 * Web Push on this device: whether it can work here, subscribing with the server's key
 * (permission is asked only from the person's tap), and telling the server which times
 * this device wants. The times are also kept in the synced preferences (`reminders`), so
 * every phone of the person shows the same choice.
 */
import { isIos, isStandalone } from "acuplan/ui/install-prompt";
import { ApiError, apiFetch, getJson } from "acuplan/sync/api";
import { getMeta, setMeta } from "acuplan/sync/store";
import { readPreferences, savePreference } from "acuplan/settings/preferences";

/**
 * What stands in the way of push here, or null: "ios-install" (iPhone and iPad take push
 * only from the app on the home screen, iOS 16.4 on), "unsupported", or "blocked" (the
 * person said no to notifications; only the browser's settings can undo it).
 */
export function pushProblem() {
  const capable = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  if (isIos() && !isStandalone()) return "ios-install";
  if (!capable) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  return null;
}

/** This device's id for the server: made once, kept with the records. */
export async function deviceId() {
  const known = await getMeta("device-id").catch(() => null);
  if (known) return known;
  const made = crypto.randomUUID();
  await setMeta("device-id", made);
  return made;
}

/** The person's time zone, as the server takes it (IANA, e.g. Europe/Berlin). */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const base64url = (text) => {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
};

/**
 * Subscribe this device for `slots` ({morning: "07:30" | null, evening: ...}). Asks for
 * permission first (call it from a tap). Resolves with what the server kept; rejects with
 * an Error whose message can be shown.
 */
export async function subscribe(slots) {
  if ((await Notification.requestPermission()) !== "granted") {
    throw new Error("Notifications are off for Acuplan. Allow them in the browser's settings, then try again.");
  }
  const { publicKey } = await getJson("/api/push/key");
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64url(publicKey),
  });
  const body = { device: await deviceId(), subscription: subscription.toJSON(), timezone: timeZone(), slots };
  const response = await apiFetch("/api/push/subscription", { method: "PUT", json: body });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, answer);
  await savePreference("reminders", { timezone: body.timezone, slots });
  return answer.subscription;
}

/** No more reminders on this device: the browser's subscription and the server's copy. */
export async function unsubscribe() {
  const registration = await navigator.serviceWorker.ready;
  await (await registration.pushManager.getSubscription())?.unsubscribe();
  const response = await apiFetch("/api/push/subscription", { method: "DELETE", json: { device: await deviceId() } });
  if (!response.ok && response.status !== 401) throw new ApiError(response.status, await response.json().catch(() => ({})));
  await savePreference("reminders", { timezone: timeZone(), slots: { morning: null, evening: null } });
}

/** Whether this device has a push subscription now. */
export async function isSubscribed() {
  if (pushProblem()) return false;
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(await registration?.pushManager.getSubscription());
}

const RENEWED = "acuplan.push-renewed";
const DAY_MS = 24 * 3600_000;

/**
 * Send this device's subscription again, once a day at most, while the app is used: the
 * server forgets subscriptions not renewed for 60 days (some push services never say when
 * one is gone), and the browser may have replaced it meanwhile. Never asks anything.
 */
export async function renewPushSubscription(now = Date.now()) {
  if (pushProblem() || Notification.permission !== "granted") return false;
  if (now - (Number(localStorage.getItem(RENEWED)) || 0) < DAY_MS) return false;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  const { reminders } = await readPreferences();
  if (!subscription || !(reminders?.slots?.morning || reminders?.slots?.evening)) return false;
  const body = { device: await deviceId(), subscription: subscription.toJSON(), timezone: timeZone(),
    slots: reminders.slots };
  const response = await apiFetch("/api/push/subscription", { method: "PUT", json: body });
  if (response.ok) localStorage.setItem(RENEWED, String(now));
  return response.ok;
}
