// Dates as readers of a Chinese news site expect them: stored in UTC, shown in Asia/Shanghai (UTC+8, no DST).
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock fields of `ms` in Asia/Shanghai. China has kept UTC+8 without DST since 1991. */
function shanghaiParts(ms: number) {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** `2023年06月02日`, the portal convention (zero-padded, as DedeCMS prints it). */
export function formatChineseDate(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.year}年${pad(p.month)}月${pad(p.day)}日`;
}

/** `2023年06月02日 14:02`, Beijing time to the minute: when something changed, in the desk's lists. */
export function formatChineseDateTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${formatChineseDate(ms)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2023-06-02`, for <time datetime> and short lists. */
export function formatIsoDate(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** RFC 3339 with the Shanghai offset: `2023-06-02T08:30:00+08:00`. */
export function toRfc3339(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+08:00`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 822 (with RFC 1123's four-digit year), for RSS: `Fri, 02 Jun 2023 08:30:00 +0800`, the instant the page shows. */
export function toRfc822(ms: number): string {
  const p = shanghaiParts(ms);
  const weekday = DAYS[new Date(ms + SHANGHAI_OFFSET_MS).getUTCDay()];
  return `${weekday}, ${pad(p.day)} ${MONTHS[p.month - 1]} ${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} +0800`;
}

/** The calendar month of `ms` in Asia/Shanghai, `2023-06`: which monthly sitemap lists an article. */
export function shanghaiMonth(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.year}-${pad(p.month)}`;
}

/** The first instant of a `YYYY-MM` month in Asia/Shanghai and of the month after it, in ms. */
export function shanghaiMonthRange(month: string): { from: number; to: number } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return { from: Date.UTC(year, mon - 1, 1) - SHANGHAI_OFFSET_MS, to: Date.UTC(year, mon, 1) - SHANGHAI_OFFSET_MS };
}
