// HTTP dates (RFC 9110 §5.6.7): Last-Modified is sent as an IMF-fixdate; If-Modified-Since is accepted in
// all three forms a recipient must read (IMF-fixdate, the obsolete RFC 850 form and asctime), and nothing else.

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const LONG_DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `Sun, 06 Nov 1994 08:49:37 GMT`: the whole second `ms` falls in (HTTP dates have no fractions). */
export function formatHttpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAY_NAMES[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
}

const TIME = String.raw`(\d{2}):(\d{2}):(\d{2})`;
const MONTH = `(${MONTH_NAMES.join("|")})`;
const IMF_FIXDATE = new RegExp(`^(${DAY_NAMES.join("|")}), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(${LONG_DAY_NAMES.join("|")}), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^(${DAY_NAMES.join("|")}) ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

function toMs(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  const mon = MONTH_NAMES.indexOf(month);
  const ms = Date.UTC(year, mon, day, h, m, s);
  const d = new Date(ms);
  // 31 Feb or 25:00 is no date at all, not a date to be rolled over into the next month or day.
  return d.getUTCDate() === day && d.getUTCHours() === h && d.getUTCMinutes() === m && d.getUTCSeconds() === s ? ms : null;
}

/** The instant an HTTP-date names, in ms, or null when the value is not one. */
export function parseHttpDate(value: string): number | null {
  const v = value.trim();
  let m = IMF_FIXDATE.exec(v);
  if (m) return toMs(Number(m[4]), m[3] as string, Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  m = RFC_850.exec(v);
  if (m) {
    // §5.6.7: a two-digit year more than 50 years in the future is in the past century.
    const yy = Number(m[4]);
    const thisYear = new Date().getUTCFullYear();
    let year = 2000 + yy;
    if (year > thisYear + 50) year -= 100;
    return toMs(year, m[3] as string, Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = ASCTIME.exec(v);
  if (m) return toMs(Number(m[7]), m[2] as string, Number((m[3] as string).trim()), Number(m[4]), Number(m[5]), Number(m[6]));
  return null;
}
