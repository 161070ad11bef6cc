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
