/** Times as the player shows and says them. */

/** A timer's reading, rounded up so it reaches 0:00 only at the end: 4:05, 0:09. */
export function clockText(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000 - 1e-6));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/** `ms` to the nearest second, as [whole minutes, seconds left over]. */
function minutesAndSeconds(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return [Math.floor(seconds / 60), seconds % 60];
}

/** A length of time in words: 21 min 5 s, 4 min, 45 s. */
export function durationText(ms) {
  const [minutes, rest] = minutesAndSeconds(ms);
  if (!minutes) return `${rest} s`;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** A length read ahead of time, in whole minutes as people plan with them: 10 min, 45 s. */
export function minutesText(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** The same length spoken by a screen reader: "21 minutes 5 seconds". */
export function spokenDuration(ms) {
  const [minutes, rest] = minutesAndSeconds(ms);
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [
    minutes && plural(minutes, "minute"),
    (rest || !minutes) && plural(rest, "second"),
  ];
  return parts.filter(Boolean).join(" ");
}
