// Reads rendered pages the way a browser would see their structure, with workerd's own HTML parser
// (HTMLRewriter), so tests assert on elements and text rather than on string fragments.
import { settledFetch } from "./settle.ts";

export type Found = { text: string; attrs: Record<string, string> };

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** Every element matching `selector`, with its text content (entities decoded, whitespace collapsed). */
export async function select(html: string, selector: string): Promise<Found[]> {
  const found: { raw: string; attrs: Record<string, string> }[] = [];
  const open: { raw: string }[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(el) {
        const item = { raw: "", attrs: Object.fromEntries([...el.attributes].map(([k, v]) => [k, decode(v ?? "")])) };
        found.push(item);
        if (VOID.has(el.tagName)) return;
        open.push(item);
        el.onEndTag(() => {
          open.pop();
        });
      },
      text(chunk) {
        for (const item of open) item.raw += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  return found.map(({ raw, attrs }) => ({
    text: decode(raw).replace(/\s+/g, " ").trim(),
    attrs,
  }));
}

export const texts = async (html: string, selector: string) => (await select(html, selector)).map((f) => f.text);

export async function one(html: string, selector: string): Promise<Found> {
  const all = await select(html, selector);
  if (all.length !== 1) throw new Error(`expected one "${selector}", found ${all.length}`);
  return all[0] as Found;
}

/** A reader's request, settled: what it stored in the edge cache is there before the next request. */
export const get = (path: string, headers: Record<string, string> = {}) =>
  settledFetch(`http://localhost${path}`, { headers, redirect: "manual" });

/** GETs a page that must answer 200 and returns its HTML. */
export async function page(path: string): Promise<string> {
  const res = await get(path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return res.text();
}
