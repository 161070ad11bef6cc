// The favicon's bytes, from the mark: the ICO that src/render/favicon-ico.ts holds. Run by `npm run icon`
// to write that file, and by test/icon.test.ts to check it is what the mark draws today.
import { ICON_MIST_WIDTH } from "../../src/render/mark.ts";
import { encodeIco } from "./ico.ts";
import { markPixels } from "./pixels.ts";

/** The sizes browsers ask an ICO for: tabs and bookmarks (16), taskbars and high-density tabs (32). */
const FAVICON_SIZES = [16, 32] as const;

export const drawFavicon = (): Uint8Array => encodeIco(FAVICON_SIZES.map((size) => ({ size, rgba: markPixels(size, ICON_MIST_WIDTH) })));

/** The TypeScript module that carries the bytes, as base64 in lines of 100 characters. */
export function faviconModule(bytes: Uint8Array): string {
  const base64 = btoa(String.fromCharCode(...bytes));
  const lines = base64.match(/.{1,100}/g) ?? [];
  return [
    "// The favicon, an ICO of the mark at 16 and 32 pixels: written by `npm run icon` (scripts/icon.ts) from",
    "// src/render/mark.ts, never by hand. test/icon.test.ts fails when it no longer matches the mark.",
    "export const FAVICON_ICO_BASE64 =",
    ...lines.map((line, i) => `  "${line}"${i === lines.length - 1 ? ";" : " +"}`),
    "",
  ].join("\n");
}
