// Pieces every desk screen is made of: a time as the newsroom reads it, a status badge, a line of facts, a
// <select>'s options, the note a screen gives when a change it offers needs JavaScript.
import { html } from "hono/html";
import { formatChineseDateTime, toRfc3339 } from "../../content/dates.ts";
import type { Html } from "../../render/layout.ts";

/** `2026年12月07日 14:02`, Beijing time, machine-readable in its datetime. */
export const time = (ms: number) => html`<time datetime="${toRfc3339(ms)}">${formatChineseDateTime(ms)}</time>`;

/** A value as a badge: its word, and its colour from a class named after the value (never the colour alone). */
export const badge = (value: string, word: string) => html`<span class="status status-${value}">${word}</span>`;

/** A row's facts (状态, 栏目, 作者 …) as a description list, so each value is read with its name. */
export const facts = (items: readonly (readonly [name: string, value: Html | string])[]) =>
  html`<dl class="facts">${items.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>`;

export type Option = { value: string; label: string };

export const options = (all: readonly Option[], selected: string | undefined) =>
  all.map((o) => html`<option value="${o.value}"${o.value === (selected ?? "") ? html` selected` : ""}>${o.label}</option>`);

/** Reading works without JavaScript; a screen whose changes need it says so, in a sentence naming them. */
export const needsScript = (sentence: string) => html`<noscript><p class="message error">${sentence}</p></noscript>`;

/** The usual sentence: these changes need JavaScript, reading this page does not. */
export const changesNeedScript = (what: string) => needsScript(`${what}需要启用 JavaScript；浏览本页不需要。`);

/** A picture of the library, by its alternative text. */
export type PictureChoice = { key: string; alt: string };

/**
 * A picture picker (封面, 题图): the library by alternative text; a picture without any is listed but cannot be
 * chosen, since what a picture shows must be said. Its label, <select> and hint; the caller closes the field.
 */
export function picturePicker(o: { id: string; name: string; word: string; hintId: string; selected: string | null; pictures: readonly PictureChoice[] }): Html {
  const { selected, word } = o;
  const known = selected === null || o.pictures.some((p) => p.key === selected);
  return html`<label for="${o.id}">${word}</label>
<select id="${o.id}" name="${o.name}" aria-describedby="${o.hintId}">
<option value=""${selected === null ? html` selected` : ""}>不用${word}</option>
${known ? "" : html`<option value="${selected ?? ""}" selected>当前${word}（${selected ?? ""}）</option>`}
${o.pictures.map(
  (p) =>
    html`<option value="${p.key}"${p.key === selected ? html` selected` : ""}${p.alt === "" ? html` disabled` : ""}>${
      p.alt === "" ? `缺少替代文字，不能用作${word}（${p.key.slice(0, 8)}）` : p.alt
    }</option>`,
)}
</select>
<span class="count" id="${o.hintId}">从图片库中选择；${word}必须有替代文字（图片说明）。</span>`;
}

export const nothing = (text: string): Html => html`<p class="empty">${text}</p>`;

/** Forward by cursor (keyset pages have no page numbers), and back to the first page from a later one. */
export function pager(firstUrl: string, next: string | null, paged: boolean): Html | string {
  if (next === null && !paged) return "";
  return html`<nav class="pager" aria-label="翻页">${paged ? html`<a class="button quiet" href="${firstUrl}">回到第一页</a>` : html`<span></span>`}${
    next === null ? "" : html`<a class="button quiet" href="${next}" rel="next">下一页</a>`
  }</nav>`;
}
