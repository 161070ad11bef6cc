// Marked text, as HTML: each matched piece in <mark>, everything escaped — for pages (hono/html) and for
// the JSON API, which hands out the same HTML as a string.
import { html } from "hono/html";
import { escapeToBuffer } from "hono/utils/html";
import type { Segment } from "../search/snippet.ts";
import type { Html } from "./layout.ts";

export const segmentsHtml = (segments: readonly Segment[]): Html[] =>
  segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : html`${s.text}`));

const escaped = (text: string) => {
  const buffer: [string] = [""];
  escapeToBuffer(text, buffer);
  return buffer[0];
};

/** The same HTML as one string: `本网讯 <mark>光伏</mark>发电…`. */
export const segmentsHtmlString = (segments: readonly Segment[]): string =>
  segments.map((s) => (s.mark ? `<mark>${escaped(s.text)}</mark>` : escaped(s.text))).join("");
