// Page links for a section: 上一页 1 … 4 5 [6] 7 8 … 50 下一页, as portals print them.
import { html } from "hono/html";
import type { Html } from "./layout.ts";

/** The page numbers to print around `current`: the ends, a window of two each side, null for a gap. */
export function pageWindow(current: number, last: number, radius = 2): (number | null)[] {
  const shown = new Set([1, last]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= last) shown.add(p);
  const pages = [...shown].sort((x, y) => x - y);
  const out: (number | null)[] = [];
  for (const p of pages) {
    const prev = out[out.length - 1];
    if (typeof prev === "number" && p - prev === 2) out.push(p - 1);
    else if (typeof prev === "number" && p - prev > 2) out.push(null);
    out.push(p);
  }
  return out;
}

export function pagination(current: number, last: number, urlOf: (page: number) => string): Html | string {
  if (last <= 1) return "";
  const numbers = pageWindow(current, last).map((p) =>
    p === null
      ? html`<li><span class="gap">…</span></li>`
      : p === current
        ? html`<li><a href="${urlOf(p)}" aria-current="page">${p}</a></li>`
        : html`<li><a href="${urlOf(p)}">${p}</a></li>`,
  );
  return html`<nav class="pagination" aria-label="分页"><ul>
${current > 1 ? html`<li><a href="${urlOf(current - 1)}" rel="prev">上一页</a></li>` : ""}
${numbers}
${current < last ? html`<li><a href="${urlOf(current + 1)}" rel="next">下一页</a></li>` : ""}
</ul></nav>`;
}
