// Searching as readers and editors do, over HTTP through the Worker (purges settled before answering).
import { type TestKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

export const ORIGIN = "http://localhost";

export type SearchItem = {
  id: number;
  url: string;
  title: string;
  title_html: string;
  snippet_html: string;
  section: { path: string; name: string; url: string };
  published_at: string | null;
  status?: string;
};
export type SearchJson = { query: string; total: number; total_capped: boolean; items: SearchItem[]; next_cursor: string | null };

const queryString = (params: Record<string, string>) => new URLSearchParams(params).toString();

/**
 * GET /api/v1/search with these parameters, following the 301 to the search's one spelling (its folded query,
 * its parameters in order) as a client does: the status, the body, the response.
 */
export async function readerSearch(params: Record<string, string>) {
  let res = await settledFetch(`${ORIGIN}/api/v1/search?${queryString(params)}`);
  if (res.status === 301) res = await settledFetch(new URL(res.headers.get("Location") ?? "", ORIGIN).href);
  return { status: res.status, body: (await res.json()) as SearchJson, res };
}

/** GET /api/v1/admin/search as the holder of `key`. */
export async function editorSearch(key: TestKey, params: Record<string, string>) {
  const res = await settledFetch(`${ORIGIN}/api/v1/admin/search?${queryString(params)}`, { headers: key.headers });
  return { status: res.status, body: (await res.json()) as SearchJson, res };
}

/** The ids a reader finds for `q` in `section` (its subsections included), in rank order. */
export async function idsFound(q: string, section: string): Promise<number[]> {
  const { status, body } = await readerSearch({ q, section, limit: "100" });
  if (status !== 200) throw new Error(`search for ${q} answered ${status}: ${JSON.stringify(body)}`);
  return body.items.map((i) => i.id);
}

/** The ids an editor finds. */
export async function idsEditorsFind(key: TestKey, q: string, section: string, status?: string): Promise<number[]> {
  const { status: code, body } = await editorSearch(key, { q, section, limit: "100", ...(status && { status }) });
  if (code !== 200) throw new Error(`admin search for ${q} answered ${code}: ${JSON.stringify(body)}`);
  return body.items.map((i) => i.id);
}
