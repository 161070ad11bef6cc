// The PREVIEW_SECRET line `npm run dev` adds to .dev.vars when the file has none, so draft previews work
// locally out of the box. Pure: the text in, the text out; the entry point (scripts/dev-vars.ts) does the I/O.

/** A line that sets PREVIEW_SECRET, as wrangler's dotenv parser reads it (`export` allowed, any value, empty too). */
const SETS_SECRET = /^\s*(?:export\s+)?PREVIEW_SECRET\s*=/m;

export const hasPreviewSecret = (text: string): boolean => SETS_SECRET.test(text);

/**
 * `existing` (null: no file yet) with a PREVIEW_SECRET line appended, or null when it sets one already — whatever
 * its value, even empty (previews off on purpose): a line the person wrote is never changed.
 */
export function withPreviewSecret(existing: string | null, secret: string): string | null {
  if (existing !== null && hasPreviewSecret(existing)) return null;
  const before = existing === null || existing === "" || existing.endsWith("\n") ? (existing ?? "") : `${existing}\n`;
  return [
    before,
    "# Signs draft-preview links on this machine only: written by `npm run dev` because none was set. wrangler dev\n",
    "# reads this file; wrangler deploy never uploads it. In production: npx wrangler secret put PREVIEW_SECRET\n",
    `PREVIEW_SECRET=${secret}\n`,
  ].join("");
}
