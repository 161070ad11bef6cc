// How DedeCMS 5.7 named an article's static page (include/helpers/channelunit.helper.php GetFileName): the
// section's `namerule` with its typedir, the day it was sent (senddate, in Beijing time), its id, or its own
// `filename`. Dynamic articles (not open to all, or never made static) live at /plus/view.php?aid=N. Pure.

/** What DedeCMS 5.7 puts in a new section's namerule, and uses when a section has none. */
export const DEFAULT_NAMERULE = "{typedir}/{Y}{M}{D}/{aid}.html";

const BEIJING_MS = 8 * 3_600_000;

/** A typedir as DedeCMS expands it (MfTypedir): {cmspath} filled in, runs of slashes made one. */
export function expandTypedir(typedir: string, cmspath: string): string {
  const dir = typedir.replaceAll("{cmspath}", cmspath).replace(/\/{2,}/g, "/");
  return dir.startsWith("/") || /^[a-z]+:/i.test(dir) ? dir : `/${dir}`;
}

/** dd2char: pairs of digits that spell a letter's code become the letter (the {cc} name rule). */
export function dd2char(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    const pair = Number(digits.slice(i, i + 2));
    if (i + 1 < digits.length && ((pair > 96 && pair < 123) || (pair > 64 && pair < 91))) {
      out += String.fromCharCode(pair);
      i += 1;
    } else out += digits[i];
  }
  return out;
}

export type ArticleName = { id: number; senddate: number; filename: string };

/**
 * The path of an article's static page, or null when the rule needs the title's pinyin ({pinyin}, {py}),
 * which only DedeCMS's own table gives.
 */
export function staticArticlePath(namerule: string, typedir: string, a: ArticleName): string | null {
  let rule = (namerule || DEFAULT_NAMERULE).toLowerCase();
  if (a.filename) rule = `${rule.slice(0, Math.max(0, rule.lastIndexOf("/")))}/${a.filename}.html`;
  if (/\{p(?:inyin|y)\}/.test(rule)) return null;
  const day = new Date(a.senddate * 1000 + BEIJING_MS);
  const y = String(day.getUTCFullYear());
  const m = String(day.getUTCMonth() + 1).padStart(2, "0");
  const d = String(day.getUTCDate()).padStart(2, "0");
  const path = rule
    .replaceAll("{typedir}", typedir)
    .replaceAll("{y}", y)
    .replaceAll("{m}", m)
    .replaceAll("{d}", d)
    .replaceAll("{timestamp}", String(a.senddate))
    .replaceAll("{aid}", String(a.id))
    .replaceAll("{cc}", dd2char(`${m}${d}${a.id}${y}`));
  return `/${path.replace(/^\/+/, "")}`;
}
