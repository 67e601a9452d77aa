/** Keep the screen on during a session (Screen Wake Lock, where the browser has it).
 *
 * The browser drops the lock whenever the page is hidden, so it is asked for again each
 * time the page becomes visible.
 */

/** Hold the screen on until the returned function is called. */
export function keepScreenOn() {
  if (!("wakeLock" in navigator)) return () => {};
  let lock = null;
  let wanted = true;

  async function request() {
    if (!wanted || lock || document.visibilityState !== "visible") return;
    try {
      lock = await navigator.wakeLock.request("screen");
      lock.addEventListener("release", () => {
        lock = null;
      });
      if (!wanted) release();
    } catch {
      // Refused (battery saver, no user gesture yet): the session works without it.
      lock = null;
    }
  }

  function release() {
    lock?.release().catch(() => {});
    lock = null;
  }

  const onVisibility = () => request();
  document.addEventListener("visibilitychange", onVisibility);
  request();
  return () => {
    wanted = false;
    document.removeEventListener("visibilitychange", onVisibility);
    release();
  };
}
