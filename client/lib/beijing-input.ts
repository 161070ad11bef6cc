// A datetime-local field holds a time without a zone: the desk reads and writes it as Beijing time (UTC+8,
// no daylight saving), whatever the browser's own zone, as 定时发布 does; the API stores the instant.

const BEIJING_MS = 8 * 3600 * 1000;

/** An API time (RFC 3339, any offset) as `2026-12-08T09:30` in Beijing, for a datetime-local's value. */
export function beijingInput(rfc3339: string): string {
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? "" : new Date(ms + BEIJING_MS).toISOString().slice(0, 16);
}

/** `2026-12-08T09:30` typed, read as Beijing time: RFC 3339 with +08:00. */
export const beijingRfc3339 = (value: string): string => `${value.length === 16 ? `${value}:00` : value}+08:00`;

/** True when the typed Beijing time is not after now (a past expiry is refused before anything is sent). */
export function notInFuture(value: string, now = Date.now()): boolean {
  const ms = Date.parse(beijingRfc3339(value));
  return Number.isNaN(ms) || ms <= now;
}
